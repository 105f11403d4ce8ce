"""What a commit or a push holds, for the hooks: read from git, never from the work tree.

pre-commit names the files a commit adds or changes that match a hook's
``files:``, and runs a hook only when one does, unless the hook runs always.
It never names a file the commit deletes, nor the old name of one it renames;
and a change to the catalog changes the pages rendered from it, although no
page changed. The hooks therefore run always, and ask git's index what the
commit does (:func:`staged_change`): the catalog files it adds, changes and
deletes. A commit that touches no catalog file costs one ``git`` process.

The verdict is on the commit, not on the work tree: :func:`read_staged` reads
the catalog, the schema files it names and the configuration as git's index
holds them. A file the commit does not hold (untracked, ignored, or changed
and not staged) is never read; it is named in a note (:class:`Unstaged`), so
that a forgotten ``git add`` shows. A baseline, and a page ``render --check``
reads, must be in the work tree as the index holds them, or the check refuses
to judge.

For the pre-push hook, :func:`pushes` finds what a push sends and the branch
it will merge into, and where each pushed commit left that branch, so that
``diff --check`` compares what a merge request will compare.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from pscatalog.errors import PscatalogError, UsageError
from pscatalog.files.gittree import GitTree, run_git

if TYPE_CHECKING:
    from pscatalog.checks.config import Config
    from pscatalog.files.sources import Files
    from pscatalog.outputs.rendering import PageProblem

CATALOG_SUFFIXES = (".yaml", ".yml")
"""The suffixes of catalog files (:data:`pscatalog.catalog.model.YAML_SUFFIXES`, which a
commit that touches no YAML file need not import)."""
SETTINGS_NAMES = ("pscatalog.toml", "pyproject.toml")
"""The files that may configure pscatalog."""
SCHEMA_NAMES = ("levels.schema.json", "category.schema.json")
"""The schema files modelines name (:data:`pscatalog.catalog.schemas.SCHEMA_FILES`)."""
DEFAULT_TARGETS = ("HEAD", "main", "master")
"""The branches of the remote tried, in order, when the target branch is not named."""
_NO_COMMIT = re.compile(r"0+")
"""A ref git pushes as all zeros is one the push deletes."""


@dataclass(frozen=True, slots=True)
class Change:
    """The catalog files a commit changes, as paths from the current folder."""

    changed: tuple[Path, ...]
    """Files named on the command line, and those the index adds or changes."""
    deleted: tuple[Path, ...]
    """Files the index deletes (a rename's old name too)."""
    settings: bool = False
    """Whether the commit changes what decides the verdict on the whole catalog: the
    configuration, the schema files, or the baseline the check is given. Then every
    file is checked."""
    roots: tuple[Path, ...] = ()
    """The catalog folders the commit may change."""

    @property
    def empty(self) -> bool:
        """Whether the commit touches no catalog file and no setting."""
        return not (self.changed or self.deleted or self.settings)


@dataclass(frozen=True, slots=True)
class Unstaged:
    """A file the check would read, whose work tree copy is not what the commit holds."""

    path: Path
    """As a path from the current folder."""
    state: str
    """Its two-letter ``git status --porcelain`` state (``??`` untracked, ``!!`` ignored,
    `` M`` changed and not staged, `` D`` deleted and not staged, ...)."""

    @property
    def situation(self) -> str:
        """What the commit does with it, in words."""
        if self.state == "??":
            return "is not in git's index (untracked): the commit leaves it out"
        if self.state == "!!":
            return "is ignored by git: the commit leaves it out"
        if self.state[1] == "D":
            return "is deleted but the deletion is not staged: the commit keeps it"
        return "has changes that are not staged: the commit holds it without them"

    def note(self) -> str:
        """Return the note that says so, for standard error."""
        return (
            f"pscatalog: note: {self.path} {self.situation}; the check judges what the commit holds"
        )


class NotStaged(PscatalogError):
    """A file a check must read as the commit holds it differs in the work tree."""


@dataclass(frozen=True, slots=True)
class Staged:
    """The commit git's index holds, as a check reads it: nothing from the work tree."""

    config: Config
    """The configuration the index holds (the default if it holds none)."""
    files: Files
    """The catalog folders' files and the schema files they name, as the index holds them."""
    change: Change
    """What the commit changes; its named files are files the index holds."""
    unstaged: tuple[Unstaged, ...] = ()
    """Catalog files and configuration files the work tree has otherwise than the index."""


def index_touches_yaml(
    baseline: Path | None = None,
    config: Path | None = None,
    changes: Sequence[tuple[str, Path]] | None = None,
) -> bool:
    """Whether the commit in git's index may change the catalog or the verdict on it.

    The cheap question first: a commit that touches no YAML file, no file that
    may configure pscatalog (``config``, named with ``--config``, among them),
    no schema file and not the ``baseline`` changes nothing a hook checks,
    whatever the configuration says, and the hook need not read it.
    ``changes`` are the index's (:func:`index_changes`), if already asked.
    """
    sources = () if config is None else (config,)
    return any(
        _is_catalog_name(path.name) or _is_setting(path, sources, baseline)
        for _, path in (index_changes() if changes is None else changes)
    )


def _is_setting(path: Path, sources: Sequence[Path], baseline: Path | None) -> bool:
    """Whether a changed file decides the verdict: a configuration, a schema, the baseline.

    A configuration is the file in use (``sources``), or any ``pscatalog.toml``
    or ``pyproject.toml`` in the current folder or above it (one added or
    deleted changes which configuration is found).
    """
    real = _real(path)
    if any(real == _real(source) for source in sources):
        return True
    if baseline is not None and real == _real(baseline):
        return True
    if path.name in SCHEMA_NAMES:
        return True
    return path.name in SETTINGS_NAMES and _real(Path.cwd()).is_relative_to(_real(path.parent))


def staged_change(
    paths: Sequence[Path],
    configured: Path | None = None,
    *,
    config_source: Path | None = None,
    baseline: Path | None = None,
    changes: Sequence[tuple[str, Path]] | None = None,
) -> Change:
    """Return the catalog files the commit in git's index changes, with ``paths``.

    A commit that changes the configuration (``config_source``, or one that
    would be found), a schema file or the ``baseline`` changes the verdict on
    every file: the change says so (:attr:`Change.settings`).

    ``paths`` are the files pre-commit names (all of them under ``pre-commit
    run --all-files``): those that match the hook's ``files:``. The catalog is
    the ``configured`` one, else the one found from the current folder; a
    named file outside it is none of the hook's business (a site's
    ``data/catalog/products.yaml``) and is left out. Only where no catalog is
    configured or found are the catalogs those of ``paths``. A repository
    without a catalog has none to change. ``changes`` are the index's
    (:func:`index_changes`), if already asked. Raises :class:`UsageError`
    outside a git repository.
    """
    from pscatalog.catalog.discovery import find_catalog, resolve_targets

    catalog = configured
    if catalog is None:
        try:
            catalog = find_catalog()
        except UsageError:
            catalog = None
    if catalog is not None:
        roots = {_real(catalog): Path(catalog)}
        paths = [path for path in paths if _real(Path(path).parent) in roots]
    else:
        try:
            roots = {_real(target.root): target.root for target in resolve_targets(paths)}
        except UsageError:
            if paths:
                raise
            roots = {}  # no catalog (yet): a commit cannot change one
    changes = index_changes() if changes is None else changes
    if not roots:
        _refuse_a_deleted_catalog(changes)
    changed: dict[Path, None] = {Path(path): None for path in paths}
    deleted: dict[Path, None] = {}
    sources = () if config_source is None else (config_source,)
    settings = False
    linked = _linked_files(roots.values())
    for status, path in changes:
        if roots and _is_setting(path, sources, baseline):
            settings = True
        if _real(path) in linked:
            # A file a catalog file links to: the catalog file changes with it.
            changed.setdefault(linked[_real(path)], None)
            continue
        if _real(path.parent) not in roots or not _is_catalog_name(path.name):
            continue
        # Named as the catalog folder is (through a link to it, as the files are read).
        shown = roots[_real(path.parent)] / path.name
        if status == "D":
            deleted[shown] = None
        else:
            changed.setdefault(shown, None)
    return Change(tuple(changed), tuple(deleted), settings, tuple(roots.values()))


def _linked_files(roots: Iterable[Path]) -> dict[Path, Path]:
    """Return the real path of each catalog file that is a link, with the file's own path."""
    linked: dict[Path, Path] = {}
    for root in roots:
        try:
            children = list(Path(root).iterdir())
        except OSError:
            continue
        for child in children:
            if child.is_symlink() and _is_catalog_name(child.name):
                linked[_real(child)] = child
    return linked


def _refuse_a_deleted_catalog(changes: Sequence[tuple[str, Path]]) -> None:
    """Raise :class:`UsageError` if the commit deletes (or moves) a whole ``catalog`` folder.

    With no catalog left in the work tree there is nothing to check the change
    against; the commit would pass with the catalog gone.
    """
    from pscatalog.catalog.discovery import DEFAULT_CATALOG

    gone: dict[Path, int] = {}
    for status, path in changes:
        if status == "D" and path.parent.name == DEFAULT_CATALOG and _is_catalog_name(path.name):
            gone[path.parent] = gone.get(path.parent, 0) + 1
    if gone:
        folder, count = next(iter(gone.items()))
        files = "file" if count == 1 else "files"
        raise UsageError(
            f"the commit deletes the catalog: {_from_here(folder)}/ loses its {count} catalog "
            f"{files} and git's index holds no catalog; a catalog moved elsewhere is named "
            "with 'catalog' in the configuration, in the same commit"
        )


def read_staged(
    paths: Sequence[Path],
    *,
    config_path: Path | None = None,
    baseline: Path | None = None,
) -> Staged | None:
    """Return the commit git's index holds, for ``validate --staged``; ``None`` if it is no change.

    A commit that names no file and touches no YAML file, no configuration, no
    schema and not the ``baseline`` (:func:`index_touches_yaml`) changes nothing
    to check: it costs one git process, and nothing is read.

    The configuration is the one the index holds where ``validate`` would
    find it (or ``config_path``, which the index must hold); the catalog's
    files, and the schema files its modelines name, are read from the index.
    ``paths`` (what pre-commit names) and the index's own changes make the
    :class:`Change`; a named file the index does not hold is left out. Files
    the work tree has otherwise than the index are listed (:attr:`Staged.unstaged`),
    never read. Raises :class:`NotStaged` when the ``baseline`` is not in the
    work tree as the index holds it (the check reads it from the work tree),
    :class:`UsageError` outside a git repository, and
    :class:`~pscatalog.checks.config.ConfigError` for a configuration that
    cannot be used.
    """
    from pscatalog.files.sources import Files, Held

    tree = _index()
    changes = index_changes(tree)
    if not paths and not index_touches_yaml(baseline, config_path, changes):
        return None
    config = _staged_config(tree, config_path)
    change = staged_change(
        paths, config.catalog, config_source=config.source, baseline=baseline, changes=changes
    )
    held: dict[Path, Held] = {}
    for root in change.roots:
        held.update(_catalog_held(tree, root, config))
    files = Files(held, disk=False)
    kept = tuple(path for path in change.changed if files.held(path) is not None)
    change = Change(kept, change.deleted, change.settings, change.roots)
    watched = [*change.roots, *_config_candidates(config_path)]
    unstaged = _unstaged(tree, [*watched, *([] if baseline is None else [baseline])])
    for found in unstaged:
        if baseline is not None and _real(found.path) == _real(baseline):
            add = "git add -f" if found.state == "!!" else "git add"
            back = (
                ""
                if found.state in ("??", "!!")
                else f" or set it back ('git restore -- {found.path}')"
            )
            raise NotStaged(
                f"the baseline {found.path} {found.situation}, and the check reads it from the "
                f"work tree: stage it ('{add} -- {found.path}'){back}"
            )
    notes = tuple(found for found in unstaged if _checked(found.path, change.roots, config.source))
    return Staged(config, files, change, notes)


@dataclass(frozen=True, slots=True)
class StagedPages:
    """What ``render --check --staged`` checks: pages, and the catalog as the index holds it."""

    catalog: Path | None
    """The catalog folder, if the files named say which; else the one found."""
    pages: list[Path]
    """The pages to check, each in the work tree as the index holds it."""
    problems: list[PageProblem] = field(default_factory=list)
    """Pages to check whose work tree copy is not what the commit holds."""
    config: Config | None = None
    """The configuration the index holds."""
    files: Files | None = None
    """The catalog's files as the index holds them."""


def staged_pages(paths: Sequence[Path], config_path: Path | None = None) -> StagedPages:
    """Return the pages ``render --check --staged`` checks, and the catalog it renders.

    ``paths`` are what pre-commit names: catalog files and pages. The pages
    are those named that hold a region; when the commit changes the catalog
    (a catalog file named, or one the index adds, changes or deletes), every
    page the index holds that holds one too. A page without a region is none
    of pscatalog's business and is left out; one whose markers do not pair up
    is kept, to be reported. The catalog and the configuration are read as
    the index holds them. A page whose work tree copy is not what the index
    holds (changes not staged, or not in the index at all) is a problem: the
    check would judge another text than the commit's.
    """
    from pscatalog.catalog.discovery import resolve_targets
    from pscatalog.files.sources import Files, Held
    from pscatalog.outputs.rendering import PageProblem, is_page

    pages = [path for path in paths if is_page(path)]
    catalog_files = [path for path in paths if not is_page(path)]
    tree = _index()
    changes = index_changes(tree)
    # A commit that names no page and touches no YAML file changes no page.
    if not paths and not index_touches_yaml(config=config_path, changes=changes):
        return StagedPages(None, [])
    config = _staged_config(tree, config_path)
    change = staged_change(
        catalog_files, config.catalog, config_source=config.source, changes=changes
    )
    catalog = None
    if catalog_files:
        [target, *_] = resolve_targets(catalog_files, configured=config.catalog)
        catalog = target.root
    if not change.empty:
        pages.extend(_from_here(page) for page in _tracked_pages(tree))
    unique = list(dict.fromkeys(Path(os.path.normpath(page)) for page in pages))
    unstaged = {_real(found.path): found for found in _unstaged(tree, unique)}
    # Only a page with a region, in the work tree or in the index, is the check's business.
    in_index = {_real(page) for page in _tracked_pages(tree)} if unstaged else set()
    problems = [
        PageProblem(str(page), f"{found.situation}; the check judges what the commit holds")
        for page in unique
        if (found := unstaged.get(_real(page))) is not None
        and (_real(page) in in_index or _has_regions(page))
    ]
    checked = [page for page in unique if _real(page) not in unstaged and _has_regions(page)]
    if not checked and not problems:
        return StagedPages(None, [])
    roots = change.roots or tuple(
        root for root in (catalog or config.catalog or _found_catalog(),) if root is not None
    )
    held: dict[Path, Held] = {}
    for root in roots:
        held.update(_catalog_held(tree, root, config))
    return StagedPages(catalog, checked, problems, config, Files(held, disk=False))


# -- the pre-push hook ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Push:
    """A commit a push sends, and where it left the branch it will merge into."""

    name: str
    """How messages name what is pushed: a branch, or the revision as given."""
    commit: str
    target: str
    """The branch it will merge into, as a full ref name (or the revision named)."""
    base: str
    """The merge base of ``commit`` and ``target``: what a merge request compares with."""


def pushes(named_target: str | None = None, named: str | None = None) -> list[Push] | None:
    """Return what a push sends, each with its merge base; ``None`` with no branch to compare.

    The target is the branch the work will merge into (:func:`push_target`).
    The commit is ``named`` if given; else, in the pre-push hook, the ref
    pre-commit names (``PRE_COMMIT_TO_REF``); else ``HEAD``. pre-commit
    names only the first ref of a push that sends several: the others are
    not checked here (CI's change job checks every merge request). Other
    local branches are never checked: the push may not send them, and
    refusing it for them would block unrelated pushes. A ref the push
    deletes is skipped, and so is one that shares no history with the
    target (there is no merge request to compare it with).
    """
    target = push_target(named_target)
    if target is None:
        return None
    top = _top()
    if named is not None:
        return [Push(named, _commit(top, named), target, merge_base(target, named))]
    to_ref = os.environ.get("PRE_COMMIT_TO_REF") or "HEAD"
    if _NO_COMMIT.fullmatch(to_ref):
        return []
    local = os.environ.get("PRE_COMMIT_LOCAL_BRANCH", "")
    name = local.removeprefix("refs/heads/") if to_ref != "HEAD" and local else to_ref
    commit = _commit(top, to_ref)
    base = _merge_base(top, target, commit)
    return [] if base is None else [Push(name, commit, target, base)]


def push_target(named: str | None = None) -> str | None:
    """Return the branch a push will merge into, as a full ref name; ``None`` if there is none.

    ``named`` if given (it must exist; a short name is refused where it names
    more than one ref); else the default branch of the remote pushed to
    (``PRE_COMMIT_REMOTE_NAME``, else ``origin``):
    ``refs/remotes/REMOTE/HEAD``, else its ``main``, else its ``master``,
    always by full name, so that no tag or branch named ``origin/HEAD`` can
    stand in for it. A repository whose remote has no such branch yet (the
    first push) has nothing to compare with.
    """
    top = _top()
    if named is not None:
        return _target_ref(top, named)
    remote = os.environ.get("PRE_COMMIT_REMOTE_NAME") or "origin"
    for branch in DEFAULT_TARGETS:
        ref = f"refs/remotes/{remote}/{branch}"
        if _verify(top, ref) is not None:
            return ref
    return None


def merge_base(target: str, revision: str) -> str:
    """Return the commit where ``revision`` left ``target`` (``git merge-base``).

    Raises :class:`UsageError` when either is not a revision, or they share
    no history.
    """
    top = _top()
    _commit(top, target)
    _commit(top, revision)
    base = _merge_base(top, target, revision)
    if base is None:
        raise UsageError(f"'{target}' and '{revision}' share no history: nothing to compare")
    return base


def describe(revision: str) -> str:
    """Return how messages name a commit: ``commit 1a2b3c4 "Its subject"``."""
    output = run_git(_top(), "log", "-1", "--format=%h%x00%s", "--end-of-options", revision)
    if output is None:
        return revision
    short, _, subject = output.decode("utf-8", "replace").rstrip("\n").partition("\0")
    return f'commit {short} "{subject}"' if subject else f"commit {short}"


def is_head(revision: str) -> bool:
    """Whether ``revision`` is the commit checked out (``HEAD``)."""
    top = _top()
    head = _verify(top, "HEAD^{commit}")
    return head is not None and head == _verify(top, f"{revision}^{{commit}}")


# -- helpers --------------------------------------------------------------------------


def _index() -> GitTree:
    """Return git's index of the repository around the current folder."""
    from pscatalog.files.repository import repository_root

    # Found without a git process; git names its top with links resolved.
    top = repository_root()
    if top is None:
        raise UsageError("--staged needs a git repository: it reads what git's index changes")
    return GitTree(_real(top))


def _staged_config(tree: GitTree, named: Path | None) -> Config:
    """Return the configuration git's index holds (``named``, or the one found)."""
    from pscatalog.checks.config import DEFAULT_CONFIG
    from pscatalog.rules.registry import CODES
    from pscatalog.tools.gitcatalog import config_in_git

    return config_in_git(tree, named=named, known_codes=CODES) or DEFAULT_CONFIG


def _catalog_held(tree: GitTree, root: Path, config: Config) -> dict[Path, str | bytes | int]:
    """Return a catalog folder's files, and the schemas they name, as git's index holds them.

    Keyed by where they are in the work tree, as ``root`` spells it (the names
    reports show).
    """
    from pscatalog.tools.gitcatalog import git_catalog_files

    try:
        relative = Path(os.path.realpath(root)).relative_to(tree.top)
    except ValueError:
        raise UsageError(f"the catalog {root} is not in the git repository {tree.top}") from None
    held = git_catalog_files(
        tree, PurePosixPath(relative.as_posix()), max_file_bytes=config.limits.max_file_bytes
    )
    # The index's paths start at the repository's top, resolved; the checks name files as
    # the catalog folder is written (a link in its path kept), so they are keyed that way.
    real_root = Path(os.path.realpath(root))
    return {
        (Path(root) / path.relative_to(real_root) if path.is_relative_to(real_root) else path): what
        for path, what in held.items()
    }


def _unstaged(tree: GitTree, paths: Iterable[Path]) -> list[Unstaged]:
    """Return the files at ``paths`` (files or folders) whose work tree copy is not the index's."""
    relative = []
    for path in paths:
        try:
            relative.append(Path(os.path.realpath(path)).relative_to(tree.top).as_posix())
        except ValueError:
            continue
    if not relative:
        return []
    output = run_git(
        tree.top,
        "status",
        "--porcelain=v1",
        "-z",
        "--no-renames",
        "--untracked-files=all",
        "--ignored",
        "--",
        *relative,
    )
    found = []
    for record in (output or b"").split(b"\0"):
        state, name = record[:2].decode("ascii", "replace"), record[3:]
        if name and (state in ("??", "!!") or state[1] != " "):
            found.append(Unstaged(_from_here(tree.top / os.fsdecode(name)), state))
    return found


def _checked(path: Path, roots: Sequence[Path], source: Path | None) -> bool:
    """Whether a check of the work tree would read ``path``, where the commit's does not.

    A catalog file of ``roots``; a ``pscatalog.toml``; the configuration in use
    (``source``); a ``pyproject.toml`` that names pscatalog (another tool's is
    not pscatalog's business).
    """
    if path.name == SETTINGS_NAMES[0] or (source is not None and _real(path) == _real(source)):
        return True
    if path.name == SETTINGS_NAMES[1]:
        from pscatalog.files.bounded import TOML_MAX_BYTES, BoundedReadError, read_bytes

        try:
            return b"pscatalog" in read_bytes(path, max_bytes=TOML_MAX_BYTES)
        except BoundedReadError:
            return False
    real = _real(path.parent)
    return _is_catalog_name(path.name) and any(real == _real(root) for root in roots)


def _config_candidates(named: Path | None) -> list[Path]:
    from pscatalog.checks.config import config_candidates

    return [named] if named is not None else config_candidates()


def _found_catalog() -> Path | None:
    """Return the catalog found from here, ``None`` where there is none."""
    from pscatalog.catalog.discovery import find_catalog

    try:
        return find_catalog()
    except UsageError:
        return None


def index_changes(tree: GitTree | None = None) -> list[tuple[str, Path]]:
    """Return (status, absolute path) of each file git's index changes from ``HEAD``.

    Raises :class:`UsageError` outside a git repository.
    """
    tree = tree or _index()
    # Renames as a deletion and an addition: the old name is what the commit removes.
    output = run_git(
        tree.top, "diff", "--cached", "--name-status", "-z", "--no-renames", "--no-ext-diff"
    )
    fields = (output or b"").split(b"\0")
    return [
        (status.decode("ascii")[:1], tree.top / os.fsdecode(name))
        for status, name in zip(fields[::2], fields[1::2], strict=False)
        if status
    ]


def _tracked_pages(tree: GitTree) -> list[Path]:
    """Return the Markdown files git's index holds that mention a region marker."""
    from pscatalog.outputs.rendering import MARKER_GREP, PAGE_PATHSPECS, is_page

    output = run_git(
        tree.top,
        "grep",
        "--cached",
        "-l",
        "-z",
        "-i",
        "-E",
        "--no-color",
        "-e",
        MARKER_GREP,
        "--",
        *PAGE_PATHSPECS,
        literal=False,  # the one git command here whose paths are patterns
    )
    names = (os.fsdecode(name) for name in (output or b"").split(b"\0") if name)
    return [tree.top / name for name in names if is_page(name)]


def _has_regions(page: Path) -> bool:
    """Whether a page holds a region, or something about its markers to report."""
    # Imported here: a commit that changes no page and no catalog file needs no renderer.
    from pscatalog.outputs.rendering import needs_check

    return needs_check(page)


def _top() -> Path:
    from pscatalog.files.repository import repository_root

    top = repository_root()
    if top is None:
        raise UsageError("not in a git repository: --merge-base compares git revisions")
    return _real(top)


def _verify(top: Path, revision: str) -> str | None:
    output = run_git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", revision)
    return output.decode("ascii").strip() if output is not None else None


def _commit(top: Path, revision: str) -> str:
    """Return the commit ``revision`` names; raise :class:`UsageError` if it names none."""
    found = None if revision.startswith("-") else _verify(top, f"{revision}^{{commit}}")
    if found is None:
        raise UsageError(f"not a git revision: {revision!r}")
    return found


def _merge_base(top: Path, target: str, commit: str) -> str | None:
    output = run_git(top, "merge-base", "--end-of-options", target, commit)
    return output.decode("ascii").strip() if output is not None else None


def _target_ref(top: Path, named: str) -> str:
    """Return the full ref a named target branch means; refuse a name that means several.

    ``origin/develop`` is ``refs/remotes/origin/develop``; where a tag or a
    local branch has the same short name, the name is refused, as git warns
    of an ambiguous name, rather than compared with whichever git picks.
    """
    if named.startswith("-"):
        raise UsageError(f"not a git revision: {named!r}")
    if named.startswith("refs/"):
        _commit(top, named)
        return named
    refs = [
        ref
        for ref in (f"refs/remotes/{named}", f"refs/heads/{named}", f"refs/tags/{named}")
        if _verify(top, ref) is not None
    ]
    if len(refs) > 1:
        raise UsageError(
            f"'{named}' names {' and '.join(refs)}: name the branch by its full ref, "
            f"such as '{refs[0]}'"
        )
    if refs:
        return refs[0]
    _commit(top, named)  # a commit id, or another revision
    return named


def _is_catalog_name(name: str) -> bool:
    return name.endswith(CATALOG_SUFFIXES) and not name.startswith(".")


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _from_here(path: Path) -> Path:
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path
