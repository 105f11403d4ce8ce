"""What a commit or a push changes, for the pre-commit hooks.

pre-commit names the files a commit adds or changes that match a hook's
``files:``, and runs a hook only when one does, unless the hook runs always.
It never names a file the commit deletes, nor the old name of one it renames;
and a change to the catalog changes the pages rendered from it, although no
page changed. The hooks therefore run always, and ask git's index what the
commit does (:func:`staged_change`): the catalog files it adds, changes and
deletes. A commit that touches no catalog file costs one ``git`` process.

For the pre-push hook, :func:`push_target` finds the branch the work will
merge into, and :func:`merge_base` where the pushed commit left it, so that
``diff --check`` compares what a merge request will compare.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pscatalog.errors import UsageError

CATALOG_SUFFIXES = (".yaml", ".yml")
"""The suffixes of catalog files (:data:`pscatalog.catalog.model.YAML_SUFFIXES`, which a
commit that touches no YAML file need not import)."""
DEFAULT_TARGETS = ("HEAD", "main", "master")
"""The branches of the remote tried, in order, when the target branch is not named."""


@dataclass(frozen=True, slots=True)
class Change:
    """The catalog files a commit changes, as paths from the current folder."""

    changed: tuple[Path, ...]
    """Files named on the command line, and those the index adds or changes."""
    deleted: tuple[Path, ...]
    """Files the index deletes (a rename's old name too)."""
    settings: bool = False
    """Whether the commit changes what decides the verdict on the whole catalog: the
    configuration, or the baseline the check is given. Then every file is checked."""

    @property
    def empty(self) -> bool:
        """Whether the commit touches no catalog file and no setting."""
        return not (self.changed or self.deleted or self.settings)


SETTINGS_NAMES = ("pscatalog.toml", "pyproject.toml")
"""The files that may configure pscatalog."""


def index_touches_yaml(baseline: Path | None = None) -> bool:
    """Whether the commit in git's index may change the catalog or the verdict on it.

    The cheap question first: a commit that touches no YAML file, no file that may
    configure pscatalog and not the ``baseline`` changes nothing a hook checks,
    whatever the configuration says, and the hook need not read it.
    """
    return any(
        _is_catalog_name(path.name) or _is_setting(path, (), baseline)
        for _, path in _index_changes()
    )


def _is_setting(path: Path, sources: Sequence[Path], baseline: Path | None) -> bool:
    """Whether a changed file decides the verdict: a configuration, or the baseline.

    A configuration is the file in use (``sources``), or any ``pscatalog.toml``
    or ``pyproject.toml`` in the current folder or above it (one added or
    deleted changes which configuration is found).
    """
    real = _real(path)
    if any(real == _real(source) for source in sources):
        return True
    if baseline is not None and real == _real(baseline):
        return True
    return path.name in SETTINGS_NAMES and _real(Path.cwd()).is_relative_to(_real(path.parent))


def staged_change(
    paths: Sequence[Path],
    configured: Path | None = None,
    *,
    config_source: Path | None = None,
    baseline: Path | None = None,
) -> Change:
    """Return the catalog files the commit in git's index changes, with ``paths``.

    A commit that changes the configuration (``config_source``, or one that
    would be found) or the ``baseline`` changes the verdict on every file: the
    change says so (:attr:`Change.settings`).

    ``paths`` are the files pre-commit names (all of them under ``pre-commit
    run --all-files``): those that match the hook's ``files:``. The catalog is
    the ``configured`` one, else the one found from the current folder; a
    named file outside it is none of the hook's business (a site's
    ``data/catalog/products.yaml``) and is left out. Only where no catalog is
    configured or found are the catalogs those of ``paths``. A repository
    without a catalog has none to change. Raises :class:`UsageError` outside a
    git repository.
    """
    from pscatalog.catalog.discovery import find_catalog, resolve_targets

    catalog = configured
    if catalog is None:
        try:
            catalog = find_catalog()
        except UsageError:
            catalog = None
    if catalog is not None:
        roots = {_real(catalog)}
        paths = [path for path in paths if _real(Path(path).parent) in roots]
    else:
        try:
            roots = {_real(target.root) for target in resolve_targets(paths)}
        except UsageError:
            if paths:
                raise
            roots = set()  # no catalog (yet): a commit cannot change one
    changed: dict[Path, None] = {Path(path): None for path in paths}
    deleted: dict[Path, None] = {}
    sources = () if config_source is None else (config_source,)
    settings = False
    for status, path in _index_changes():
        if roots and _is_setting(path, sources, baseline):
            settings = True
        if _real(path.parent) not in roots or not _is_catalog_name(path.name):
            continue
        shown = _from_here(path)
        if status == "D":
            deleted[shown] = None
        elif path.is_file():
            changed.setdefault(shown, None)
    return Change(tuple(changed), tuple(deleted), settings)


def pages_to_check(
    paths: Sequence[Path], configured: Path | None = None
) -> tuple[Path | None, list[Path]]:
    """Return the catalog folder and the pages ``render --check --staged`` checks.

    ``paths`` are what pre-commit names: catalog files and pages. The pages
    are those named that hold a region; when the commit changes the catalog
    (a catalog file named, or one the index adds, changes or deletes), every
    page of the repository that holds a region too. A page without a region
    is none of pscatalog's business and is left out; one whose markers do not
    pair up is kept, to be reported.
    """
    from pscatalog.catalog.discovery import resolve_targets
    from pscatalog.outputs.rendering import is_page

    pages = [path for path in paths if is_page(path)]
    catalog_files = [path for path in paths if not is_page(path)]
    change = staged_change(catalog_files, configured)
    catalog = None
    if catalog_files:
        [target, *_] = resolve_targets(catalog_files, configured=configured)
        catalog = target.root
    if not change.empty:
        pages.extend(_from_here(page) for page in _tracked_pages())
    unique = dict.fromkeys(Path(os.path.normpath(page)) for page in pages)
    return catalog, [page for page in unique if _has_regions(page)]


def push_target(named: str | None = None) -> str | None:
    """Return the branch a push will merge into, as a revision; ``None`` if there is none.

    ``named`` if given (it must exist); else the default branch of the remote
    pushed to (``PRE_COMMIT_REMOTE_NAME``, else ``origin``): its ``HEAD``,
    else its ``main``, else its ``master``. A repository whose remote has no
    such branch yet (the first push) has nothing to compare with.
    """
    if named is not None:
        return named
    remote = os.environ.get("PRE_COMMIT_REMOTE_NAME") or "origin"
    for branch in DEFAULT_TARGETS:
        revision = f"refs/remotes/{remote}/{branch}"
        if _git("rev-parse", "--verify", "--quiet", "--end-of-options", revision) is not None:
            return f"{remote}/{branch}"
    return None


def pushed_revision(named: str | None = None) -> str:
    """Return the commit a push sends: ``named``, else ``PRE_COMMIT_TO_REF``, else ``HEAD``."""
    return named or os.environ.get("PRE_COMMIT_TO_REF") or "HEAD"


def merge_base(target: str, revision: str) -> str:
    """Return the commit where ``revision`` left ``target`` (``git merge-base``).

    Raises :class:`UsageError` when either is not a revision, or they share
    no history.
    """
    for name in (target, revision):
        if (
            name.startswith("-")
            or _git("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}") is None
        ):
            raise UsageError(f"not a git revision: {name!r}")
    output = _git("merge-base", "--end-of-options", target, revision)
    if output is None:
        raise UsageError(f"'{target}' and '{revision}' share no history: nothing to compare")
    return output.decode("ascii").strip()


def _index_changes() -> Iterable[tuple[str, Path]]:
    """Yield (status, absolute path) of each file git's index changes from ``HEAD``."""
    top_output = _git("rev-parse", "--show-toplevel")
    if top_output is None:
        raise UsageError("--staged needs a git repository: it reads what git's index changes")
    top = Path(top_output.decode("utf-8", "surrogateescape").strip())
    # Renames as a deletion and an addition: the old name is what the commit removes.
    output = _git("diff", "--cached", "--name-status", "-z", "--no-renames", "--no-ext-diff")
    fields = (output or b"").split(b"\0")
    for status, name in zip(fields[::2], fields[1::2], strict=False):
        if status:
            yield status.decode("ascii")[:1], top / os.fsdecode(name)


def _tracked_pages() -> list[Path]:
    """Return the tracked Markdown pages of the repository that mention a region marker."""
    from pscatalog.outputs.rendering import MARKER_GREP, PAGE_PATHSPECS, is_page

    top_output = _git("rev-parse", "--show-toplevel")
    if top_output is None:
        return []
    top = Path(top_output.decode("utf-8", "surrogateescape").strip())
    output = _git(
        "-C",
        str(top),
        "grep",
        "-l",
        "-z",
        "-i",
        "-E",
        "--no-color",
        "-e",
        MARKER_GREP,
        "--",
        *PAGE_PATHSPECS,
    )
    names = (os.fsdecode(name) for name in (output or b"").split(b"\0") if name)
    return [top / name for name in names if is_page(name)]


def _has_regions(page: Path) -> bool:
    """Whether a page holds a region, or something about its markers to report."""
    # Imported here: a commit that changes no page and no catalog file needs no renderer.
    from pscatalog.outputs.rendering import needs_check

    return needs_check(page)


def _is_catalog_name(name: str) -> bool:
    return name.endswith(CATALOG_SUFFIXES) and not name.startswith(".")


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _from_here(path: Path) -> Path:
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path


def _git(*args: str) -> bytes | None:
    """Run a read-only git command in the current folder; its output, or ``None`` if it failed."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}
    try:
        completed = subprocess.run(
            ["git", *args], capture_output=True, env=env, check=False, stdin=subprocess.DEVNULL
        )
    except FileNotFoundError:
        raise UsageError("git is not installed: the hooks need it") from None
    return completed.stdout if completed.returncode == 0 else None
