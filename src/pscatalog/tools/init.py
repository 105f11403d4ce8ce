"""``pscatalog init``: a handbook repository, from nothing to a working catalog.

:func:`init_repository` writes what a handbook needs to keep a catalog: the
catalog folder (the three levels and an example category for each, or the
framework's whole catalog), the JSON Schemas its modelines name, a page with
a region rendered from it, pscatalog's pre-commit hooks, the CI job, and
yamllint settings that agree with ``pscatalog fmt``.

Files that exist are edited, never replaced: each is read through
pscatalog's YAML layer, the additions are placed by the parser's positions
(:mod:`pscatalog.yamltext.edits`), and the new text must read as the old data
plus exactly the additions, with every comment kept
(:func:`pscatalog.yamltext.verify.check_rewrite`), before it is written. A
file that already has what init would add is left byte for byte, so a second
run changes nothing; a catalog folder that holds catalog files is never
written into; a file init cannot edit safely is left alone and the lines to
add by hand are printed.

What is there is judged, not only counted: pscatalog's hooks that never run
on a commit, hooks or a CI job that come from another repository, an install
of the package index's ``pscatalog`` (not this project's), or revisions that
disagree are each said, with what to do, and make init exit with 1. Init
fixes only what it can add without changing a value someone wrote.
"""

from __future__ import annotations

import os
import re
import subprocess
import textwrap
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as changed
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from pscatalog._version import __version__
from pscatalog.catalog.model import catalog_files
from pscatalog.catalog.schemas import SCHEMA_FILES, schema_text
from pscatalog.checks.config import DEFAULT_CONFIG, Config, find_config, load_config
from pscatalog.diagnostics import Diagnostic
from pscatalog.errors import PscatalogError, UsageError
from pscatalog.files.boundary import inside
from pscatalog.files.bounded import BoundedReadError, parse_json, read_bytes
from pscatalog.files.repository import boundary_of, repository_root
from pscatalog.files.writer import write_atomically
from pscatalog.outputs.rendering import PAGE_SUFFIXES
from pscatalog.outputs.schemadoc import fingerprint
from pscatalog.outputs.wellformed import check_json
from pscatalog.yamltext.edits import (
    TextEdit,
    append_entry,
    append_item,
    apply_edits,
    flow_text,
    intended_data,
    into_list,
    keep_final_scalar,
    replace_value,
    set_first_line,
)
from pscatalog.yamltext.emitter import document_text, yaml_text
from pscatalog.yamltext.lines import LineIndex, dominant_break, split_lines
from pscatalog.yamltext.loader import load_text
from pscatalog.yamltext.quoting import printable, scalar_text
from pscatalog.yamltext.tree import Collection, PathPart, Scalar, Tree, TreeError, parse
from pscatalog.yamltext.verify import VerifyError, check_new, check_rewrite

PROJECT_URL = "https://gitlab.com/pscatalog/pscatalog"
"""This project's repository: the hooks' ``repo``, the CI template's and the install's source."""
CATALOG = "catalog"
"""The catalog folder init writes, where the hooks look for it."""
HOOK_STAGES = {
    "pscatalog-validate": "pre-commit",
    "pscatalog-format": "pre-commit",
    "pscatalog-render-check": "pre-commit",
    "pscatalog-changes": "pre-push",
}
"""pscatalog's hooks, each written with its defaults, and the stage it must run at."""
HOOK_IDS = tuple(HOOK_STAGES)
ALWAYS_RUN = frozenset({"pscatalog-validate", "pscatalog-render-check", "pscatalog-changes"})
"""The hooks whose manifest entry runs them on every commit or push, whatever files it names."""
FORMAT_FILES = r"^catalog/[^/]+\.ya?ml$"
"""The ``files:`` of ``pscatalog-format`` in ``.pre-commit-hooks.yaml`` (a test keeps them
equal)."""
INSTALL_HOOK_TYPES = ("pre-commit", "pre-push")
"""What ``pre-commit install`` installs: the commit hooks and the change check before a push."""
TEMPLATE = "ci/pscatalog.gitlab-ci.yml"
"""The CI template's path in this project's repository, and in a handbook that copies it."""
YAMLLINT_NAMES = (".yamllint", ".yamllint.yaml", ".yamllint.yml")
"""The files yamllint reads its settings from, in the order it looks for them."""
YAMLLINT_RULES = ("line-length", "document-start", "new-lines", "comments")
"""The yamllint rules that would fight ``pscatalog fmt`` in catalog files: fmt writes long
lines, adds no ``---``, keeps CR LF line ends and never rewrites a comment."""
SCHEMA_ID = re.compile(
    r"https://pscatalog\.gitlab\.io/schema/v[0-9]+/(?P<name>[a-z]+\.schema\.json)"
)
"""The ``$id`` of every schema pscatalog has published, whatever its major version."""
SHIPPED_SCHEMAS = {
    "levels.schema.json": frozenset(
        {
            "8d4915db5e9556a68ded53c6b7433be379aaad99666752cfab51be7d88305e9d",
            "2f0dfab4d5b9fdaa84f8b083c5a952070ec2957b05446bd87c7a9a5d052664bd",
            "249e83c0aae812239cbb969603bf27d68fcf78ef02c269b67d1d38cadf1dd304",
        }
    ),
    "category.schema.json": frozenset(
        {
            "e0384d6c4dfeb7c1add0a32d98f2b9fbb33cf793e2f1e6f7d30a42c750479c57",
            "dc8dc657f31bb9826a16dd6e94f9e4b87d42ab59e8b58716b4cb69380f7689e4",
            "f64d469b134c6d14f17c1c0c1960744db7237c12135df58886e4e24c449a149f",
        }
    ),
}
"""The fingerprint (:func:`pscatalog.outputs.schemadoc.fingerprint`) of every version of each
schema file pscatalog has shipped. Init replaces a schema file only when it is one of them:
a copy nobody edited. A schema change adds its fingerprint here (a test says so)."""
NOT_GITLAB_HOSTS = frozenset({"github.com", "bitbucket.org", "codeberg.org", "gitea.com"})
"""Hosts known not to be GitLab instances, which serve no ``/-/raw/`` file to include."""
_MAX_BYTES = 1024 * 1024
"""The largest configuration file init reads (such files are a few kilobytes)."""
_REV = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._+/-]*")
_URL_PATH = re.compile(r"(/[A-Za-z0-9._~-]+)+/?")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_HOST = re.compile(rf"(?:{_LABEL}\.)*{_LABEL}(?::[0-9]{{1,5}})?")
_SCP_LIKE = re.compile(r"[^/:]+@[^/:]+:")
_INDEX_SPEC = re.compile(r"\s*pscatalog\s*(\[[^\]]*\])?\s*([<>=!~;].*)?", re.IGNORECASE)
_RAW_TEMPLATE = re.compile(r"(?P<base>https?://.+)/-/raw/(?P<rev>[^/]+)/" + re.escape(TEMPLATE))
_LEGACY_STAGES = {"commit": "pre-commit", "push": "pre-push", "merge-commit": "pre-merge-commit"}

LEVELS = [
    {"id": "product", "name": "Product", "rank": 1, "persona": "The platform owner"},
    {"id": "adoption", "name": "Adoption", "rank": 2, "persona": "The enablement lead"},
    {
        "id": "transformation",
        "name": "Transformation",
        "rank": 3,
        "persona": "The executive sponsor",
    },
]
"""The three levels of service (the names of levels 2 and 3 are this project's proposal)."""
EXAMPLE_CATEGORIES = (
    ("implementation", "Implementation Services", "product", "Rapid Results implementation"),
    ("education", "Education Services", "adoption", "GitLab basics training"),
    ("dedicated", "Dedicated Services", "transformation", "Dedicated engineer"),
)
"""One category for each level (every level needs one), each with a planned offering."""


# -- where pscatalog comes from


@dataclass(frozen=True, slots=True)
class Source:
    """Where the handbook gets pscatalog: a repository (this project, a mirror), a revision.

    The repository is an https URL (of this project or of a mirror on a GitLab
    instance), or a local clone, for trying pscatalog out on this machine: the
    hooks install from it, the CI job gets a copy of the template
    (:data:`TEMPLATE`, included as ``local:``) and installs from its path, which
    only a runner on this machine can reach.
    """

    repository: str = PROJECT_URL
    rev: str = f"v{__version__}"

    @property
    def local(self) -> bool:
        """Whether the repository is a clone on this machine rather than an https URL."""
        return "://" not in self.repository or self.repository.startswith("file://")

    @property
    def pip_spec(self) -> str:
        """What the CI job installs: the repository at the revision, pinned."""
        if self.local:
            return f"git+{Path(_local_path(self.repository)).resolve().as_uri()}@{self.rev}"
        url = self.repository
        if not url.endswith(".git"):
            url += ".git"
        return f"git+{url}@{self.rev}"

    @property
    def template_url(self) -> str:
        """The CI template at the revision, as GitLab serves a repository's raw file."""
        base = self.repository.rstrip("/").removesuffix(".git")
        return f"{base}/-/raw/{self.rev}/{TEMPLATE}"

    @property
    def include(self) -> dict[str, str]:
        """The ``include:`` item of the CI template: a remote URL, or the local copy."""
        return {"local": TEMPLATE} if self.local else {"remote": self.template_url}

    def checked(self) -> Source:
        """Return the source if a handbook can work with it; raise :class:`UsageError` if not.

        The revision must be a tag or commit name; the repository an https URL
        without credentials on a host that serves GitLab's raw files, or a local
        clone (made absolute) whose revision is a commit holding the template.
        """
        rev = _checked_rev(self.rev)
        repository = self.repository
        if not repository.strip():
            raise UsageError("--repository is empty: name pscatalog's repository, an https URL")
        if repository.startswith("-"):
            raise UsageError(f"--repository {_shown(repository)} starts with '-', like an option")
        if not all(map(printable, repository)):
            raise UsageError(f"--repository {_shown(repository)} holds control characters")
        if self.local and not (_SCP_LIKE.match(repository) and not Path(repository).exists()):
            folder = _checked_clone(_local_path(repository), rev)
            return Source(str(folder), rev)
        return Source(_checked_url(repository), rev)


def _local_path(repository: str) -> str:
    if repository.startswith("file://"):
        return url2pathname(urlsplit(repository).path)
    return repository


def _checked_rev(rev: str) -> str:
    if not rev.strip():
        raise UsageError("--rev is empty: name a tag or a commit of pscatalog")
    if rev.startswith("-"):
        raise UsageError(f"--rev {_shown(rev)} starts with '-', like an option")
    if (
        not _REV.fullmatch(rev)
        or ".." in rev
        or "//" in rev
        or rev.endswith(("/", ".", ".lock"))
        or len(rev) > 255
    ):
        raise UsageError(
            f"--rev {_shown(rev)} is not a tag or a commit name (letters, digits and . _ + - /)"
        )
    return rev


def _checked_url(url: str) -> str:
    """Return an https repository URL (without a final slash) or raise :class:`UsageError`."""
    scheme = url.split("://", 1)[0].lower()
    if scheme == "ssh" or _SCP_LIKE.match(url):
        raise UsageError(
            f"--repository {_shown(url)} is an ssh address: the CI job includes the template "
            "and installs pscatalog over https, without a key; give the repository's https URL"
        )
    try:
        parts = urlsplit(url)
        port = parts.port  # a port out of range, or a bracket never closed, is no URL
    except ValueError:
        raise UsageError(f"--repository {_shown(url)} is not the URL of a repository") from None
    if scheme != "https":
        raise UsageError(f"--repository {_shown(url)} is not an https URL or a local clone")
    if parts.username is not None or parts.password is not None:
        shown = f"https://{parts.hostname or ''}{parts.path}"
        raise UsageError(
            f"--repository {shown} holds credentials: they would be written into "
            ".pre-commit-config.yaml and .gitlab-ci.yml; give the URL without them"
        )
    host = parts.netloc
    if (
        not _HOST.fullmatch(host)
        or not _URL_PATH.fullmatch(parts.path)
        or parts.path.strip("/") == ""
        or parts.query
        or parts.fragment
        or url.endswith(("?", "#"))
        or any(segment in (".", "..") for segment in parts.path.split("/"))
        or "/-/" in f"{parts.path}/"
        or port == 0
    ):
        raise UsageError(f"--repository {_shown(url)} is not the URL of a repository")
    if (parts.hostname or "").lower() in NOT_GITLAB_HOSTS:
        raise UsageError(
            f"--repository {_shown(url)} is not on a GitLab instance: the CI job includes the "
            "template from GitLab's raw files (/-/raw/); use a mirror on GitLab"
        )
    return url.rstrip("/")


def _checked_clone(path: str, rev: str) -> Path:
    """Return a local clone's top folder, made absolute, or raise :class:`UsageError`."""
    folder = Path(path).resolve()
    if not folder.is_dir():
        raise UsageError(
            f"--repository {_shown(path)} is neither an https URL nor a folder (a local clone)"
        )
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top is None or Path(top.strip()).resolve() != folder:
        raise UsageError(
            f"--repository {_shown(path)} is not the top folder of a git repository (a clone "
            "of pscatalog)"
        )
    if _git(folder, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}") is None:
        raise UsageError(f"--rev {_shown(rev)} is not a commit of the repository {folder}")
    if _git(folder, "cat-file", "-e", f"{rev}:{TEMPLATE}") is None:
        raise UsageError(
            f"{folder} at {rev} has no {TEMPLATE}: it is not a revision of pscatalog init can use"
        )
    return folder


def _local_template(source: Source) -> str | None:
    """Return the CI template of a local clone at the source's revision."""
    return _git(Path(source.repository), "cat-file", "blob", f"{source.rev}:{TEMPLATE}")


def _git(folder: Path, *args: str) -> str | None:
    """Run a read-only git command in ``folder``; its output, or ``None`` if it failed."""
    try:
        completed = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            check=False,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
        )
    except FileNotFoundError:
        raise UsageError("git is not installed: a local --repository needs it") from None
    if completed.returncode != 0:
        return None
    return completed.stdout.decode("utf-8", "replace")


def checked_page(page: str, catalog: str = CATALOG) -> str:
    """Return the page as a path from the repository's top, or raise :class:`UsageError`.

    The page is a Markdown file (``.md``, the pages the render-check hook
    reads) inside the repository, outside the catalog folder (``catalog``,
    from the repository's top) and ``.git``.
    """
    if not page.strip():
        raise UsageError("--page is empty: name a Markdown page, such as services.md")
    if page.startswith("-"):
        raise UsageError(f"--page {_shown(page)} starts with '-', like an option")
    path = PurePosixPath(page)
    if path.is_absolute() or ".." in path.parts or not all(map(printable, page)):
        raise UsageError(f"--page names a page inside the repository, not {_shown(page)}")
    parts = [part for part in path.parts if part != "."]
    if page.endswith("/") or not parts or path.suffix.lower() not in PAGE_SUFFIXES:
        raise UsageError(
            f"--page {_shown(page)} is not a Markdown page: the render-check hook reads pages "
            f"whose names end in {', '.join(PAGE_SUFFIXES)} (in any case)"
        )
    folder = catalog.casefold().split("/")
    if [part.casefold() for part in parts[: len(folder)]] == folder:
        raise UsageError(
            f"--page {_shown(page)} is inside the catalog folder, which holds catalog files only"
        )
    if any(part.casefold() == ".git" for part in parts):
        raise UsageError(f"--page {_shown(page)} is inside .git, which is git's, not a page's")
    return "/".join(parts)


def _shown(text: str) -> str:
    """Quote a value a file or the command line gave, escapes and all, for a message."""
    return repr(text)


def _word(value: Any) -> str:
    """Show a name from a file as it is when it is a plain word, else quoted."""
    text = str(value)
    return text if re.fullmatch(r"[a-z][a-z-]*", text) else _shown(text)


def _pinned(value: Any) -> str | None:
    """Return a revision a file pins, if it is one init would write itself."""
    try:
        return _checked_rev(value) if isinstance(value, str) else None
    except UsageError:
        return None


# -- what was done


@dataclass(frozen=True, slots=True)
class Step:
    """What init did with one file: ``created``, ``updated``, ``unchanged`` or ``not changed``.

    ``not changed`` is a file init should have edited but could not safely;
    ``manual`` then holds the lines to add by hand. ``problems`` are what is
    wrong in the file as init leaves it (a hook that never runs, an install
    of another package), each with what to do.
    """

    path: str
    action: str
    detail: str = ""
    manual: str = ""
    problems: tuple[str, ...] = ()

    @property
    def needs_attention(self) -> bool:
        """Whether the file is not as it must be: left alone, or with problems."""
        return self.action == "not changed" or bool(self.problems)

    def __str__(self) -> str:
        line = f"{self.action} {self.path}" + (f": {self.detail}" if self.detail else "")
        for problem in self.problems:
            line += f"\n    {problem}"
        if self.manual:
            line += "\n" + "".join(f"    {text}\n" for text in split_lines(self.manual)).rstrip()
        return line


@dataclass
class InitResult:
    """Every file init looked at, in order, and what it did with each."""

    steps: list[Step] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when everything is in place; 1 when a file needs something init did not do."""
        return 1 if any(step.needs_attention for step in self.steps) else 0

    def report(self, *, quiet: bool = False) -> str:
        """One line per file (what is wrong, and the lines to add by hand, under it).

        With ``quiet``, only the files that need attention.
        """
        return "".join(f"{step}\n" for step in self.steps if step.needs_attention or not quiet)


def init_repository(
    root: Path,
    *,
    example: bool = False,
    page: str = "services.md",
    source: Source = Source(),
    config: Path | None = None,
) -> InitResult:
    """Set up the handbook repository at ``root``; return what was done with each file.

    With ``example``, the catalog is the framework's (the catalog shipped with
    pscatalog); otherwise the three levels and a small category for each.
    ``page`` is the handbook page (relative to ``root``) that shows the
    categories. ``source`` is the repository and revision of pscatalog that
    the hooks and the CI job use; where the repository already pins pscatalog
    to a revision (its hooks, its CI job), what init adds uses that one.

    The configuration is read as every command reads it: ``config`` names the
    file, else ``pscatalog.toml`` or ``[tool.pscatalog]`` at ``root``. Its
    ``catalog`` setting is the catalog folder: init writes the catalog there
    only if it holds no catalog file, and the hooks' ``files:``, the yamllint
    exemptions, the page and the modelines follow it.

    Raises :class:`UsageError`, before anything is written, when ``root`` is not
    a repository's top folder, or the page or the source cannot give a setup
    that works (see :func:`checked_page` and :meth:`Source.checked`).
    """
    top = repository_root(root)
    if top is not None and Path(top).resolve() != root.resolve():
        raise UsageError(
            f"{root} is inside the git repository {top}, not its top folder, where "
            ".pre-commit-config.yaml and .gitlab-ci.yml belong: run init there, or make "
            f"{root} a repository of its own first (git init)"
        )
    settings = _configuration(root, config)
    catalog = catalog_folder(root, settings)
    page = checked_page(page, catalog)
    source = source.checked()
    pins = _pins_in_use(root, source)
    pinned = changed(source, rev=pins.rev)
    result = InitResult()
    steps: list[Callable[[], Iterator[Step]]] = [
        lambda: _schemas(root),
        lambda: _catalog(root, catalog, example=example),
        lambda: _page(root, page, catalog, settings),
        lambda: _pre_commit(root, pinned, pins, catalog),
        lambda: _gitlab_ci(root, pinned, pins),
        lambda: _yamllint(root, catalog),
    ]
    for step in steps:
        result.steps.extend(step())
    return result


def _configuration(root: Path, config: Path | None) -> Config:
    """Read the configuration ``config`` names, else the one at the repository's top."""
    from pscatalog.rules.registry import CODES

    if config is not None and not _found_by_hooks(root, config):
        # The hooks and the CI job find the configuration themselves; one elsewhere would
        # set up a catalog they cannot see.
        raise UsageError(
            f"--config {config}: the hooks and the CI job read the configuration at the "
            f"repository's top ({PSCATALOG_TOML} or pyproject.toml's [tool.pscatalog]); "
            "move it there, or leave --config out"
        )
    found = config if config is not None else find_config(root)
    return DEFAULT_CONFIG if found is None else load_config(found, known_codes=CODES)


PSCATALOG_TOML = "pscatalog.toml"


def _found_by_hooks(root: Path, config: Path) -> bool:
    """Whether ``config`` is the configuration a run from ``root`` finds by itself."""
    found = find_config(root)
    return found is not None and os.path.realpath(found) == os.path.realpath(config)


def catalog_folder(root: Path, settings: Config) -> str:
    """Return the catalog folder, as a path from ``root`` written with ``/``.

    The configuration's ``catalog`` where it names one, else ``catalog``.
    Raises :class:`UsageError` for a folder init cannot set up: outside ``root``,
    ``root`` itself (its tool files are not catalog files), or inside ``.git``.
    """
    if settings.catalog is None:
        return CATALOG
    named = f"the configured catalog {settings.catalog}"
    try:
        relative = Path(os.path.realpath(settings.catalog)).relative_to(
            Path(os.path.realpath(root))
        )
    except ValueError:
        raise UsageError(f"{named} is outside {root}, the repository init sets up") from None
    parts = relative.parts
    if not parts:
        raise UsageError(
            f"{named} is the repository's top folder, which holds the tools' files: "
            "name a folder of its own in the configuration's 'catalog'"
        )
    if any(part.casefold() == ".git" for part in parts):
        raise UsageError(f"{named} is inside .git, which is git's")
    return relative.as_posix()


# -- new files


def _schemas(root: Path) -> Iterator[Step]:
    for kind, file_name in SCHEMA_FILES.items():
        name = f"schema/{file_name}"
        text = schema_text(kind)
        path = root / name
        if not (path.exists() or path.is_symlink()):
            yield _write_new_or_same(root, name, text, check_json)
            continue
        try:
            current = _read(path)
        except (PscatalogError, OSError, UnicodeDecodeError) as exc:
            yield Step(name, "not changed", f"not read ({_one_line(exc)})")
            continue
        known = _known_schema(current, file_name)
        if known == "current":
            yield Step(name, "unchanged")
        elif known == "shipped":
            yield _replace(path, name, text, current, "the schema of this version of pscatalog")
        else:
            yield Step(
                name,
                "not changed",
                f"{known}; init replaces only an unedited copy of a schema pscatalog shipped",
                "the catalog's modelines name pscatalog's schema here: move this file aside "
                "and run init again,\nor replace it with 'pscatalog schema --output schema'",
            )


def _known_schema(text: str, file_name: str) -> str:
    """Say what a schema file is: this version's, an older one, or neither and why.

    ``current`` for this version's schema, ``shipped`` for an older version's.
    """
    try:
        data = parse_json(text)
    except BoundedReadError:
        return "it does not read as JSON"
    print_ = fingerprint(text)
    if print_ == _current_fingerprint(file_name):
        return "current"
    if print_ in SHIPPED_SCHEMAS[file_name]:
        return "shipped"
    schema_id = data.get("$id") if isinstance(data, dict) else None
    matched = SCHEMA_ID.fullmatch(schema_id) if isinstance(schema_id, str) else None
    if schema_id is None:
        return "it has no $id: it is not pscatalog's"
    if matched is None or matched.group("name") != file_name:
        return f"its $id is {_shown(str(schema_id))}, not pscatalog's"
    return (
        "it has pscatalog's $id but matches no version pscatalog shipped up to this one "
        "(edited, or from a later version)"
    )


@cache
def _current_fingerprint(file_name: str) -> str:
    kind = next(kind for kind, name in SCHEMA_FILES.items() if name == file_name)
    return fingerprint(schema_text(kind))


def _catalog(root: Path, catalog: str, *, example: bool) -> Iterator[Step]:
    folder = root / catalog
    if folder.is_symlink() or folder.exists():
        if not folder.is_dir():
            yield Step(
                catalog,
                "not changed",
                f"it is {'a file' if folder.is_file() else 'not a folder'}, where the catalog's "
                "folder goes; move it aside and run init again",
            )
            return
        existing = catalog_files(folder)
        if existing:
            yield Step(
                f"{catalog}/",
                "unchanged",
                f"it holds {len(existing)} catalog file{'s' if len(existing) != 1 else ''}; "
                "init never writes into a catalog",
            )
            return
    schemas = _schema_folder(catalog)
    files = _shipped_catalog(schemas) if example else _example_catalog(schemas)
    for name, text in files.items():
        yield _write_new_or_same(root, f"{catalog}/{name}", text, _yaml_check(text))


def _schema_folder(catalog: str) -> str:
    """Return the path from the catalog folder to ``schema/`` at the repository's top."""
    return "../" * len(PurePosixPath(catalog).parts) + "schema"


def _shipped_catalog(schemas: str = "../schema") -> dict[str, str]:
    """Return the framework's catalog, as shipped with pscatalog.

    Its modelines name the schemas in ``schemas``, a path from the catalog folder.
    """
    folder = resources.files("pscatalog") / "data" / "catalog"
    files = {}
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if not entry.name.endswith(".yaml"):
            continue
        text = entry.read_text(encoding="utf-8")
        kind = "levels" if entry.name == "levels.yaml" else "category"
        line = _modeline(kind, schemas).rstrip("\n")
        # The shipped files start with their modeline (a test of the shipped catalog says so).
        files[entry.name] = apply_edits(text, [set_first_line(text, line, replace=True)])
    return files


def _example_catalog(schemas: str = "../schema") -> dict[str, str]:
    """Return the three levels, and one category for each with one planned offering."""
    files = {
        "levels.yaml": _modeline("levels", schemas)
        + "# Levels 2 and 3 are named for the buyers they serve: a proposal; rename them freely.\n"
        + document_text({}, "levels", LEVELS)
    }
    for category_id, name, level, offering in EXAMPLE_CATEGORIES:
        item = {
            "id": re.sub(r"[^a-z0-9]+", "-", offering.lower()).strip("-"),
            "name": offering,
            "maturity": "planned",
            "summary": "An example: replace it with an offering of the practice.",
            "variants": [{"id": "custom"}],
        }
        fields = {"id": category_id, "name": name, "level": level}
        files[f"{category_id}.yaml"] = _modeline("category", schemas) + document_text(
            fields, "offerings", [item]
        )
    return files


def _modeline(kind: str, schemas: str = "../schema") -> str:
    return f"# yaml-language-server: $schema={schemas}/{SCHEMA_FILES[kind]}\n"


def _page(root: Path, page: str, catalog: str, settings: Config) -> Iterator[Step]:
    from pscatalog.outputs.rendering import BEGIN_MARKER, END_MARKER, find_regions

    path = root / page
    if path.exists() or path.is_symlink():
        try:
            regions = find_regions(_read(path))
        except (PscatalogError, OSError, ValueError) as exc:
            yield Step(
                page, "not changed", f"not read ({_one_line(exc)}); init leaves pages as they are"
            )
            return
        if regions:
            yield Step(page, "unchanged", "it has a pscatalog region")
        else:
            yield Step(
                page,
                "unchanged",
                "it has no pscatalog region; put "
                f"{BEGIN_MARKER.format(view='categories')} and {END_MARKER} where the "
                f"categories go, then run 'pscatalog render --write {page}'",
            )
        return
    rendered = _render_categories(root / catalog, settings)
    body = f"\n{rendered}\n" if rendered is not None else "\n"
    text = (
        "# Services\n\n"
        f"The categories of service, rendered from the catalog (`{catalog}/`): edit the catalog,\n"
        f"then run `pscatalog render --write {page}`.\n\n"
        f"{BEGIN_MARKER.format(view='categories')}\n{body}{END_MARKER}\n"
    )
    detail = "" if rendered is not None else "the catalog could not be read: its region is empty"
    yield _write_new_or_same(root, page, text, _page_check, detail=detail)


def _render_categories(folder: Path, settings: Config) -> str | None:
    from pscatalog.checks.checker import validate
    from pscatalog.outputs.rendering import render

    try:
        result = validate([folder], config=settings)
    except PscatalogError:
        return None  # no catalog folder to read: the page gets an empty region
    if not result.readable or not result.catalogs:
        return None
    return render(result.catalogs[0], "categories")


def _page_check(text: str) -> None:
    from pscatalog.outputs.rendering import find_regions

    if not find_regions(text):
        raise ValueError("the page would have no region")


def _write_new_or_same(
    root: Path, name: str, text: str, check: Callable[[str], None], *, detail: str = ""
) -> Step:
    """Write a file init owns where it is missing; an existing one is kept as it is."""
    path = root / name
    try:
        if path.exists() or path.is_symlink():
            if _read(path) == text:
                return Step(name, "unchanged")
            return Step(name, "unchanged", "it exists; init leaves it as it is")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text, check=check, previous=None)
    except (PscatalogError, OSError, UnicodeDecodeError) as exc:
        return Step(name, "not changed", _one_line(exc))
    return Step(name, "created", detail)


def _replace(path: Path, name: str, text: str, current: str, detail: str) -> Step:
    try:
        write_atomically(path, text, check=check_json, previous=current)
    except (PscatalogError, OSError) as exc:
        return Step(name, "not changed", _one_line(exc))
    return Step(name, "updated", detail)


def _yaml_check(text: str) -> Callable[[str], None]:
    data = load_text(text, "<new>").data

    def check(after: str) -> None:
        check_new(after, data)

    return check


# -- files the handbook may have: added to, never replaced


@dataclass
class _Plan:
    """What to add to a YAML file, what is there already, and what is wrong in it."""

    edits: list[TextEdit] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    stuck: str = ""
    """Why a part has no place init can edit (empty if every part has one)."""

    def add(self, edit: TextEdit | list[TextEdit] | None, said: str, why_not: str = "") -> None:
        if edit is None:
            self.stuck = self.stuck or why_not or "its layout leaves no place pscatalog can edit"
        else:
            self.edits.extend(edit if isinstance(edit, list) else [edit])
            self.said.append(said)


Planner = Callable[[Tree, Any], _Plan]


def _edit_or_create(
    root: Path,
    name: str,
    new_text: str,
    planner: Planner,
    by_hand: dict[str, Any],
    created: str = "",
) -> Step:
    """Create ``name`` with ``new_text``, or add to it what ``planner`` plans, checked.

    ``by_hand`` is what init adds, shown when the file cannot be edited safely;
    ``created`` what to say of a file init creates.
    """
    path = root / name
    if not (path.exists() or path.is_symlink()):
        return _write_new_or_same(root, name, new_text, _yaml_check(new_text), detail=created)
    manual = "add by hand (merge with what is there):\n" + yaml_text(by_hand)
    try:
        text = _read(path)
    except (PscatalogError, OSError, UnicodeDecodeError) as exc:
        return Step(name, "not changed", f"not read ({_one_line(exc)})", manual)
    doc = load_text(text, name)
    problem = next((d for d in doc.diagnostics if d.severity.name == "ERROR"), None)
    if problem is not None and problem.code == "Y006":
        return _fill(path, name, text, new_text, manual)
    if problem is not None or not doc.ok or not isinstance(doc.data, dict):
        return Step(name, "not changed", _why_not(problem), manual)
    try:
        tree = parse(text)
    except TreeError as exc:
        return Step(name, "not changed", _one_line(exc), manual)
    plan = planner(tree, doc.data)
    problems = tuple(plan.problems)
    if plan.stuck:
        return Step(name, "not changed", plan.stuck, manual, problems)
    if not plan.edits:
        return Step(name, "unchanged", "; ".join(plan.done), problems=problems)
    edits = _in_text_order(plan.edits)
    ending = keep_final_scalar(tree)
    if ending is not None and any(edit.start == len(text) for edit in edits):
        edits.append(ending)
    after = apply_edits(text, edits)
    expected = intended_data(doc.data, plan.edits)
    try:
        write_atomically(
            path,
            after,
            check=lambda new: check_rewrite(text, new, data=expected),
            previous=text,
        )
    except (PscatalogError, OSError) as exc:
        return Step(name, "not changed", _one_line(exc), manual, problems)
    return Step(name, "updated", "; ".join(plan.said), problems=problems)


def _fill(path: Path, name: str, text: str, new_text: str, manual: str) -> Step:
    """Write what init would create after a file's blank lines and comments (it holds no YAML)."""
    newline = dominant_break(text) if text else "\n"
    ending = "" if not text or text.endswith(("\n", "\r")) else newline
    after = text + ending + new_text.replace("\n", newline)
    data = load_text(new_text, name).data

    def check(new: str) -> None:
        if not new.startswith(text):
            raise VerifyError("the file's own lines would not come first")
        check_new(new, data)

    try:
        write_atomically(path, after, check=check, previous=text)
    except (PscatalogError, OSError) as exc:
        return Step(name, "not changed", _one_line(exc), manual)
    return Step(name, "updated", "it held no YAML: init's lines added after its own")


def _in_text_order(edits: list[TextEdit]) -> list[TextEdit]:
    """Return the edits in the order their texts go in.

    Edits that insert at one place (the end of a block that ends several
    blocks, such as the last key's mapping at the end of the file) go in with
    the deepest first: an entry for a nested mapping, then one for the mapping
    around it, so each lands inside its own block. At one indentation, a list's
    new item goes before a new key: the list is the value of a key there. Edits
    with the same indentation and kind keep the order they were planned in.
    """

    def key(edit: TextEdit) -> tuple[int, int, int, bool]:
        lines = [line for line in split_lines(edit.replacement) if line.strip()]
        first = lines[0] if lines else ""
        content = first.lstrip(" ")
        return (edit.start, edit.end, -(len(first) - len(content)), not content.startswith("-"))

    return sorted(edits, key=key)


def _why_not(problem: Diagnostic | None) -> str:
    if problem is None:
        return "pscatalog adds to a YAML mapping, and this file holds none"
    line = problem.location.line
    if problem.code == "Y005":
        return f"it uses a YAML tag (line {line}), which pscatalog does not edit around"
    if problem.code == "Y004":
        return f"it holds more than one YAML document (another starts at line {line})"
    return f"it does not read as plain YAML (line {line}: {problem.message})"


def _why_stuck(tree: Tree, path: Sequence[PathPart], where: str = "") -> str:
    """Say why no entry or item can be added at ``path`` (which exists).

    ``where`` names the place for people (default: its keys, ``rules > line-length``).
    """
    where = where or " > ".join(map(str, path)) + ":"
    _, node, shared = tree.locate(path)
    anchor = getattr(node, "anchor", None)
    if anchor is not None and shared:
        return (
            f"its {where} carries the anchor &{anchor}, which other places repeat: what is "
            "added there would be added to them too"
        )
    if shared:
        return f"its {where} comes from an alias or a merge (<<), shared with another place"
    if isinstance(node, Collection) and not node.flow and not node.entries:
        return f"its {where} is empty"
    return f"its {where} is written in a way pscatalog cannot add to"


# -- .pre-commit-config.yaml


@dataclass
class _Pins:
    """The revisions of pscatalog a repository already uses, before init adds anything."""

    requested: str
    """The revision init was asked for, which what it adds uses where nothing is pinned."""
    hooks: str | None = None
    template: str | None = None
    spec: str | None = None

    @property
    def rev(self) -> str:
        """The revision what init adds must use: the hooks', the CI job's, or the one asked for."""
        return self.hooks or self.template or self.spec or self.requested

    def disagreement(self) -> str:
        """Say which pins disagree, or return ``""``."""
        named = {
            "pscatalog's hooks": self.hooks,
            "the CI template": self.template,
            "PSCATALOG_PIP_SPEC": self.spec,
        }
        pins = {name: rev for name, rev in named.items() if rev is not None}
        if len(set(pins.values())) < 2:
            return ""
        listed = ", ".join(f"{name} to {rev}" for name, rev in pins.items())
        return f"pscatalog is pinned to different revisions ({listed}): pin them to one"


def _pins_in_use(root: Path, source: Source) -> _Pins:
    """Read the revisions of pscatalog the hooks and the CI job already name, if any."""
    pins = _Pins(source.rev)
    hooks = _plain_data(root / ".pre-commit-config.yaml")
    repos = hooks.get("repos") if isinstance(hooks, dict) else None
    for repo in repos if isinstance(repos, list) else []:
        if isinstance(repo, dict) and _same_repository(root, repo.get("repo"), source):
            pins.hooks = _pinned(repo.get("rev"))
            break
    ci = _plain_data(root / ".gitlab-ci.yml")
    if isinstance(ci, dict):
        for found in _template_includes(ci.get("include")):
            if found.kind == "remote" and _same_repository(root, found.base, source):
                pins.template = _pinned(found.rev)
        spec = _spec_value(ci.get("variables"))
        parsed = _parse_spec(spec) if isinstance(spec, str) else None
        if parsed is not None and _same_repository(root, parsed[0], source):
            pins.spec = _pinned(parsed[1])
    return pins


def _plain_data(path: Path) -> Any:
    try:
        return load_text(_read(path), path.name).data
    except (PscatalogError, OSError, UnicodeDecodeError):
        return None


def _same_repository(root: Path, value: Any, source: Source) -> bool:
    """Whether ``value`` (a hooks ``repo:``, a URL) names the source's repository."""
    return isinstance(value, str) and _repository_key(root, value) == _repository_key(
        root, source.repository
    )


def _repository_key(root: Path, value: str) -> str:
    if value in ("local", "meta"):
        return value
    if value.lower().startswith(("https://", "http://")):
        # Credentials (a CI job token for a private mirror) do not change the repository.
        try:
            parts = urlsplit(value)
            host = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
        except ValueError:  # a port that is not a number: no repository init knows
            return value
        return f"https://{host}{parts.path.rstrip('/').removesuffix('.git')}"
    if "://" in value and not value.startswith("file://"):
        return value
    return os.path.realpath(root / _local_path(value))


def _pre_commit(root: Path, source: Source, pins: _Pins, catalog: str) -> Iterator[Step]:
    repo = _hooks_repo(source, catalog)
    install = {"default_install_hook_types": list(INSTALL_HOOK_TYPES)}
    new_text = (
        "---\n# pre-commit hooks (https://pre-commit.com); pscatalog init added pscatalog's.\n"
        + yaml_text(install)
        + yaml_text({"repos": [repo]})
    )

    def planner(tree: Tree, data: Any) -> _Plan:
        plan = _Plan()
        _plan_hooks(plan, tree, data, root, source, catalog)
        _plan_install_types(plan, tree, data)
        if pins.rev != pins.requested and "pscatalog's hooks added" in plan.said:
            plan.said.append(f"pinned to {pins.rev}, as the CI job is")
        return plan

    by_hand = {**install, "repos": [repo]}
    created = f"pinned to {pins.rev}, as the CI job is" if pins.rev != pins.requested else ""
    yield _edit_or_create(root, ".pre-commit-config.yaml", new_text, planner, by_hand, created)


def _hooks_repo(source: Source, catalog: str) -> dict[str, Any]:
    return {
        "repo": source.repository,
        "rev": source.rev,
        "hooks": [_hook(hook, catalog) for hook in HOOK_IDS],
    }


def _hook(hook_id: str, catalog: str) -> dict[str, Any]:
    """Return a hook's entry: its id, and the ``files:`` of a catalog kept elsewhere."""
    files = hook_files(catalog).get(hook_id)
    return (
        {"id": hook_id} if catalog == CATALOG or files is None else {"id": hook_id, "files": files}
    )


def hook_files(catalog: str) -> dict[str, str]:
    """Return the ``files:`` of pscatalog's hooks that name catalog files, for ``catalog``.

    They are the manifest's (``.pre-commit-hooks.yaml``) with the catalog folder's path
    (from the repository's top) in place of ``catalog``.
    """
    files = rf"^{_regex_path(catalog)}/[^/]+\.ya?ml$"
    return {
        "pscatalog-validate": files,
        "pscatalog-format": files,
        "pscatalog-render-check": rf"((?i:[^/]\.(md|markdown|mdown|mdwn|mkdn?))$|{files})",
    }


def _regex_path(path: str) -> str:
    """Escape what a regular expression would read as anything but itself in a path."""
    return re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", path)


def _plan_hooks(
    plan: _Plan, tree: Tree, data: Any, root: Path, source: Source, catalog: str
) -> None:
    """Add pscatalog's repository, or the hooks of it that a configuration lacks."""
    repo = _hooks_repo(source, catalog)
    if "repos" not in data:
        plan.add(append_entry(tree, [], "repos", [repo]), "pscatalog's hooks added")
        return
    repos = data["repos"]
    if not isinstance(repos, list):
        plan.add(None, "", "its repos: is not a list")
        return
    ours = next(
        (i for i, entry in enumerate(repos) if _is_repo_of(root, entry, source)),
        None,
    )
    impostors = _hooks_named_like_ours(root, repos, source)
    plan.problems.extend(impostors)
    if ours is None:
        if not impostors:
            plan.add(
                append_item(tree, ["repos"], repo),
                "pscatalog's hooks added",
                _why_stuck(tree, ["repos"]),
            )
        return
    entry = repos[ours]
    hooks = entry.get("hooks")
    if not isinstance(hooks, list):
        plan.add(None, "", f"the hooks of {source.repository} are not a list")
        return
    problems = _hook_problems(hooks, data, catalog)
    plan.problems.extend(problems)
    _plan_missing_hooks(plan, tree, ours, hooks, catalog, complete=not problems)


def _is_repo_of(root: Path, entry: Any, source: Source) -> bool:
    return isinstance(entry, dict) and _same_repository(root, entry.get("repo"), source)


def _hooks_named_like_ours(root: Path, repos: list[Any], source: Source) -> list[str]:
    """Say where hooks with pscatalog's ids come from another repository (or ``local``)."""
    problems = []
    for entry in repos:
        if not isinstance(entry, dict) or _is_repo_of(root, entry, source):
            continue
        hooks = entry.get("hooks")
        ids = [
            str(hook["id"])
            for hook in (hooks if isinstance(hooks, list) else [])
            if isinstance(hook, dict) and hook.get("id") in HOOK_STAGES
        ]
        if ids:
            problems.append(
                f"{', '.join(ids)} from {_shown(str(entry.get('repo')))} "
                f"{'is' if len(ids) == 1 else 'are'} not pscatalog's, whose hooks come from "
                f"{source.repository}: init adds none beside them (if that repository is a "
                "mirror of pscatalog, run init with --repository naming it)"
            )
    return problems


def _plan_missing_hooks(
    plan: _Plan, tree: Tree, ours: int, hooks: list[Any], catalog: str, *, complete: bool
) -> None:
    """Add the hooks pscatalog's entry lacks; ``complete``: the others do their work."""
    present = {hook.get("id") for hook in hooks if isinstance(hook, dict)}
    missing = [hook for hook in HOOK_IDS if hook not in present]
    if not missing:
        plan.done.append(
            "it already has pscatalog's hooks" if complete else "it lists pscatalog's hooks"
        )
        return
    path: list[PathPart] = ["repos", ours, "hooks"]
    edits: list[TextEdit] = []
    for offset, hook in enumerate(missing):
        edit = append_item(tree, path, _hook(hook, catalog))
        if edit is None:
            plan.add(None, "", _why_stuck(tree, path, "list of pscatalog's hooks"))
            return
        # Each goes after the one before it: the same place in the text, the next index.
        edits.append(changed(edit, path=(*edit.path[:-1], len(hooks) + offset)))
    plan.add(edits, f"{', '.join(missing)} added")


def _hook_problems(hooks: list[Any], data: dict[str, Any], catalog: str) -> list[str]:
    """Say which of pscatalog's hooks are there but never do their work."""
    problems = []
    for hook in hooks:
        if not isinstance(hook, dict) or hook.get("id") not in HOOK_STAGES:
            continue
        hook_id = hook["id"]
        wanted = HOOK_STAGES[hook_id]
        stages = hook.get("stages")
        if isinstance(stages, list) and stages:
            names = {_LEGACY_STAGES.get(str(stage), str(stage)) for stage in stages}
            if wanted not in names:
                problems.append(
                    f"{hook_id} runs only at {', '.join(map(_word, stages))}, never at {wanted}: "
                    "remove its stages: to run it there"
                )
        problem = _filtered_out(hook, data, catalog)
        if problem:
            problems.append(problem)
        if hook_id == "pscatalog-render-check" and hook.get("pass_filenames") is False:
            problems.append(
                "pscatalog-render-check has pass_filenames: false, so it checks only the pages "
                "its args name and a stale page elsewhere passes: remove its pass_filenames:, "
                "args: and files: to check every page with a region"
            )
    return problems


def _filtered_out(hook: dict[str, Any], data: dict[str, Any], catalog: str) -> str:
    """Say whether the files filters keep a hook from ever seeing a catalog file."""
    hook_id = hook["id"]
    if hook.get("always_run", hook_id in ALWAYS_RUN) is True:
        return ""
    name = f"{catalog}/levels.yaml"
    filters = (
        ("files", data.get("files", ""), True),
        ("exclude", data.get("exclude", "^$"), False),
        ("files", hook.get("files", FORMAT_FILES if hook_id == "pscatalog-format" else ""), True),
        ("exclude", hook.get("exclude", "^$"), False),
    )
    for key, pattern, keep in filters:
        try:
            matched = isinstance(pattern, str) and re.search(pattern, name) is not None
        except re.error:
            return f"{hook_id}: its {key}: is not a regular expression"
        if matched != keep:
            wanted = hook_files(catalog).get(hook_id) if key == "files" else None
            return (
                f"{hook_id} never sees a catalog file: a {key}: leaves out {name}; "
                "change it so that the catalog's files pass"
                + (f", such as files: {wanted}" if wanted else "")
            )
    return ""


def _plan_install_types(plan: _Plan, tree: Tree, data: Any) -> None:
    """Have ``pre-commit install`` install both hook types pscatalog's hooks run at."""
    key = "default_install_hook_types"
    current = data.get(key)
    if key not in data:
        plan.add(append_entry(tree, [], key, list(INSTALL_HOOK_TYPES)), f"{key} set")
        return
    if not isinstance(current, list):
        plan.add(None, "", f"its {key} is not a list")
        return
    missing = [kind for kind in INSTALL_HOOK_TYPES if kind not in current]
    edits: list[TextEdit] = []
    for offset, kind in enumerate(missing):
        edit = append_item(tree, [key], kind)
        if edit is None:
            plan.add(None, "", _why_stuck(tree, [key]))
            return
        edits.append(changed(edit, path=(key, len(current) + offset)))
    if missing:
        plan.add(edits, f"{', '.join(missing)} added to {key}")


# -- .gitlab-ci.yml


@dataclass(frozen=True, slots=True)
class _Include:
    """An ``include:`` item that names pscatalog's template."""

    kind: str
    """``remote``, ``local``, ``project`` or another of GitLab's include kinds."""
    text: str
    """What it names: the URL, the path, the project."""
    base: str = ""
    """For ``remote``: the repository the raw file comes from."""
    rev: str | None = None


def _template_includes(include: Any) -> list[_Include]:
    """Return the items of ``include:`` that name pscatalog's template, in any of its forms."""
    items = include if isinstance(include, list) else [include]
    found = []
    name = TEMPLATE.rsplit("/", 1)[1]
    for item in items:
        if isinstance(item, str):
            kind = "remote" if item.startswith(("https://", "http://")) else "local"
            item = {kind: item}
        if not isinstance(item, dict):
            continue
        for kind in ("remote", "local", "template", "component"):
            value = item.get(kind)
            if isinstance(value, str) and value.rstrip("/").endswith(name):
                found.append(_include_of(kind, value))
        files = item.get("file")
        files = files if isinstance(files, list) else [files]
        project = item.get("project")
        if isinstance(project, str) and any(
            isinstance(file, str) and file.endswith(name) for file in files
        ):
            ref = item.get("ref")
            found.append(_Include("project", project, rev=ref if isinstance(ref, str) else None))
    return found


def _include_of(kind: str, value: str) -> _Include:
    if kind != "remote":
        return _Include(kind, value)
    matched = _RAW_TEMPLATE.fullmatch(value)
    if matched is None:
        return _Include(kind, value, base=value)
    return _Include(kind, value, base=matched.group("base"), rev=matched.group("rev"))


def _spec_value(variables: Any) -> Any:
    """Return the value of ``PSCATALOG_PIP_SPEC`` (plain, or GitLab's ``value:`` form)."""
    if not isinstance(variables, dict):
        return None
    value = variables.get("PSCATALOG_PIP_SPEC")
    return value.get("value") if isinstance(value, dict) else value


def _parse_spec(spec: str) -> tuple[str, str] | None:
    """Return the repository and revision of a ``git+URL@REV`` install, if it is one."""
    text = re.sub(r"^\s*pscatalog\s*@\s*", "", spec, flags=re.IGNORECASE).strip()
    text = text.split("#", 1)[0]
    if not text.startswith("git+") or "@" not in text:
        return None
    url, rev = text[4:].rsplit("@", 1)
    if not rev or "/" in rev:
        return None
    return url, rev


def _gitlab_ci(root: Path, source: Source, pins: _Pins) -> Iterator[Step]:
    if source.local:
        yield _vendored_template(root, source)
    include = source.include
    variables = {"PSCATALOG_PIP_SPEC": source.pip_spec}
    new_text = (
        "---\n# GitLab CI: pscatalog validates the catalog in merge requests.\n"
        + yaml_text({"include": [include]})
        + "\nvariables:\n  # Required by the template: a pinned install of pscatalog.\n"
        + textwrap.indent(yaml_text(variables), "  ")
    )

    def planner(tree: Tree, data: Any) -> _Plan:
        plan = _Plan()
        if _plan_include(plan, tree, data, root, source):
            _plan_stages(plan, tree, data)
        _plan_spec(plan, tree, data, root, source)
        disagreement = pins.disagreement()
        if disagreement:
            plan.problems.append(disagreement)
        elif plan.edits:
            plan.said.extend(_pinned_as(pins))
        return plan

    by_hand = {"include": [include], "variables": variables}
    created = "; ".join(_pinned_as(pins))
    yield _edit_or_create(root, ".gitlab-ci.yml", new_text, planner, by_hand, created)


def _pinned_as(pins: _Pins) -> list[str]:
    """Say which revision the CI additions follow, where the repository pins another."""
    if pins.rev == pins.requested:
        return []
    if pins.hooks is not None:
        return [f"pinned to {pins.hooks}, as pscatalog's hooks are"]
    if pins.template is not None:
        return [f"pinned to {pins.template}, as the CI template is"]
    if pins.spec is not None:
        return [f"pinned to {pins.spec}, as PSCATALOG_PIP_SPEC is"]
    return []


def _vendored_template(root: Path, source: Source) -> Step:
    """Copy the template of a local clone into the handbook, for ``include: local:``."""
    template = _local_template(source)
    if template is None:
        return Step(TEMPLATE, "not changed", f"not read from {source.repository} at {source.rev}")
    text = (
        "# yamllint disable-file\n"
        "# pscatalog's CI template, copied by pscatalog init from a local clone (which a CI\n"
        "# runner elsewhere cannot reach):\n"
        f"#   repository: {source.repository}\n"
        f"#   revision: {source.rev}\n" + template
    )
    step = _write_new_or_same(root, TEMPLATE, text, _yaml_check(text))
    if step.detail == "it exists; init leaves it as it is":
        return Step(
            TEMPLATE,
            "not changed",
            f"it is not the template of {source.repository} at {source.rev}; init does not "
            "replace it: move it aside and run init again",
        )
    return step


def _plan_include(plan: _Plan, tree: Tree, data: Any, root: Path, source: Source) -> bool:
    """Plan the template's include; return whether the file will include it."""
    current = data.get("include")
    ours, foreign = False, False
    for found in _template_includes(current):
        problem = _include_problem(found, root, source)
        if problem:
            plan.problems.append(problem)
            foreign = True
        else:
            ours = True
    if ours:
        plan.done.append("it includes pscatalog's template")
        return True
    if foreign:
        return False
    said = "pscatalog's template included"
    include = source.include
    if "include" not in data:
        plan.add(append_entry(tree, [], "include", [include]), said)
    elif isinstance(current, list):
        plan.add(append_item(tree, ["include"], include), said, _why_stuck(tree, ["include"]))
    elif isinstance(current, str | dict):
        plan.add(
            into_list(tree, ["include"], current, include), said, _why_stuck(tree, ["include"])
        )
    else:
        plan.add(None, said, "its include: is neither a list, a mapping nor a string")
    return True


TEMPLATE_STAGE = "test"
"""The stage of the template's jobs: one of GitLab's default stages, which a ``stages:`` of
the handbook's own must list too, or GitLab refuses the whole pipeline."""


def _plan_stages(plan: _Plan, tree: Tree, data: Any) -> None:
    """Add the template's stage to a ``stages:`` that lacks it."""
    if "stages" not in data:
        return
    stages = data["stages"]
    if not isinstance(stages, list):
        plan.problems.append(
            f"its stages: is not a list, and GitLab runs no job of pscatalog's template "
            f"(stage {TEMPLATE_STAGE}) without it: write stages: as a list that holds "
            f"{TEMPLATE_STAGE}"
        )
        return
    if TEMPLATE_STAGE in stages:
        return
    entry, node, shared = tree.locate(["stages"])
    anchor = getattr(node, "anchor", None)
    # An anchored list is left alone even where no alias repeats it yet: an edit there
    # would change every place that repeats it later.
    edit = None if shared or anchor else append_item(tree, ["stages"], TEMPLATE_STAGE)
    if edit is not None:
        plan.add(edit, f"{TEMPLATE_STAGE} added to stages:, the stage of the template's jobs")
        return
    if anchor is not None and not shared:
        why = f"its stages: carries the anchor &{anchor}, which pscatalog does not edit"
    else:
        why = _why_stuck(tree, ["stages"])
    key = entry.key if entry is not None else None
    line = f" at line {key.start[0] + 1}" if key is not None else ""
    plan.problems.append(
        f"{why}; GitLab refuses the pipeline while stages: lacks the template's stage: add "
        f"'- {TEMPLATE_STAGE}' to the stages:{line}"
    )


def _include_problem(found: _Include, root: Path, source: Source) -> str:
    """Say why an include of a template named like pscatalog's is not pscatalog's, or ``""``."""
    if found.kind == "local":
        if (root / found.text.lstrip("/")).is_file():
            return ""
        return f"it includes {_shown(found.text)}, which is not in the repository"
    ours = found.kind == "remote" and _same_repository(root, found.base, source)
    if found.kind == "project" and not source.local:
        ours = _project_path(found.text) == _project_path(urlsplit(source.repository).path)
    if ours and found.rev is None:
        return (
            f"it includes pscatalog's template from {_shown(found.text)} without a revision: "
            "pin one"
        )
    if ours:
        return ""
    return (
        f"it includes a template named like pscatalog's from {_shown(found.text)}, not from "
        f"{source.repository} (if that is a mirror of pscatalog, run init with --repository "
        "naming it); init adds no include beside it"
    )


def _project_path(path: str) -> str:
    return path.strip("/").removesuffix(".git").lower()


def _plan_spec(plan: _Plan, tree: Tree, data: Any, root: Path, source: Source) -> None:
    """Set ``PSCATALOG_PIP_SPEC`` where it is missing or empty; say what is wrong with it."""
    key = "PSCATALOG_PIP_SPEC"
    said = f"{key} set"
    current = data.get("variables")
    if "variables" not in data:
        plan.add(append_entry(tree, [], "variables", {key: source.pip_spec}), said)
        return
    if not isinstance(current, dict):
        plan.add(None, said, "its variables: is not a mapping")
        return
    if key not in current:
        plan.add(
            append_entry(tree, ["variables"], key, source.pip_spec),
            said,
            _why_stuck(tree, ["variables"]),
        )
        return
    value = _spec_value(current)
    if value == "":
        path = ["variables", key] + (["value"] if isinstance(current[key], dict) else [])
        edit = replace_value(tree, path, source.pip_spec)
        if edit is not None:
            plan.add(edit, f"{key} set (it was empty)")
            return
    problem = _spec_problem(value, root, source)
    if problem:
        plan.problems.append(problem)
    else:
        plan.done.append(f"it sets {key}")


def _spec_problem(value: Any, root: Path, source: Source) -> str:
    """Say what is wrong with a ``PSCATALOG_PIP_SPEC`` value, or return ``""``."""
    wanted = f"set it to {source.pip_spec}"
    if value is None or value == "":
        return f"PSCATALOG_PIP_SPEC is empty, and the CI job fails without it: {wanted}"
    if not isinstance(value, str):
        return f"PSCATALOG_PIP_SPEC is {value!r}, not a pinned install of pscatalog: {wanted}"
    if _INDEX_SPEC.fullmatch(value):
        return (
            f"PSCATALOG_PIP_SPEC is {_shown(value)}: the package index's 'pscatalog', which is "
            f"not this project's and which anyone could publish: {wanted}"
        )
    parsed = _parse_spec(value)
    if parsed is None or not _same_repository(root, parsed[0], source):
        return (
            f"PSCATALOG_PIP_SPEC installs {_shown(value)}, not pscatalog from "
            f"{source.repository} at a pinned revision: {wanted}"
        )
    return ""


# -- yamllint

YAMLLINT_TEXT = """\
---
# yamllint: its defaults, and what pscatalog's catalog files need.
extends: default

rules:
  line-length:
    # A URL is one word: the CI include's line is longer than 80 characters.
    allow-non-breakable-inline-mappings: true
    # pscatalog never wraps a value: a catalog line is as long as its text.
    ignore:
      - {pattern}
  document-start:
    # pscatalog fmt keeps a '---' where a catalog file has one, and adds none.
    ignore:
      - {pattern}
  new-lines:
    # pscatalog fmt keeps a catalog file's line ends: CR LF stays.
    ignore:
      - {pattern}
  comments:
    # pscatalog fmt never rewrites a comment: '#note' stays. yamllint
    # leaves out a whole rule or none, so its other comment checks go.
    ignore:
      - {pattern}
"""
"""The yamllint settings init writes where a handbook has none (``{pattern}``: the catalog)."""

YAMLLINT_ON = {
    "default": frozenset(YAMLLINT_RULES),
    "relaxed": frozenset({"line-length", "new-lines"}),
}
"""Which of :data:`YAMLLINT_RULES` each of yamllint's own settings turns on. A rule off is
left off: a rule written with an ``ignore:`` only would be turned on for every other file."""


def yamllint_pattern(catalog: str) -> str:
    """Return the yamllint ``ignore`` pattern (gitignore's form) of the catalog folder."""
    return "/" + re.sub(r"([*?\[\\])", r"\\\1", catalog) + "/"


def _yamllint(root: Path, catalog: str) -> Iterator[Step]:
    name = next((name for name in YAMLLINT_NAMES if (root / name).exists()), ".yamllint.yaml")
    pattern = yamllint_pattern(catalog)

    def planner(tree: Tree, data: Any) -> _Plan:
        plan = _Plan()
        rules = data.get("rules")
        on = _rules_on(data.get("extends"))
        if "rules" not in data:
            wanted_on = {rule: value for rule, value in wanted.items() if rule in on}
            if wanted_on:
                plan.add(append_entry(tree, [], "rules", wanted_on), "catalog files exempted")
            return plan
        if not isinstance(rules, dict):
            plan.add(None, "", "its rules: is not a mapping")
            return plan
        _plan_long_urls(plan, tree, rules.get("line-length"))
        for rule in YAMLLINT_RULES:
            if rule in rules or rule in on:
                _plan_rule(plan, tree, rule, rules.get(rule, None), pattern, rule in rules)
        return plan

    wanted: dict[str, Any] = {rule: {"ignore": [pattern]} for rule in YAMLLINT_RULES}
    wanted["line-length"] = {URL_LINES: True, **wanted["line-length"]}
    text = YAMLLINT_TEXT.replace("{pattern}", scalar_text(pattern))
    yield _edit_or_create(root, name, text, planner, {"rules": wanted})


def _rules_on(extends: Any) -> frozenset[str]:
    """Return which of :data:`YAMLLINT_RULES` a file's ``extends:`` turns on."""
    if extends is None:
        return frozenset()
    if isinstance(extends, str) and extends in YAMLLINT_ON:
        return YAMLLINT_ON[extends]
    # Settings of one's own (a file): what they turn on is not known here, so each rule
    # gets its exemption, which does no harm where it is on.
    return frozenset(YAMLLINT_RULES)


URL_LINES = "allow-non-breakable-inline-mappings"
"""yamllint's line-length option that lets ``key: URL`` run past the limit, a URL being one
word: the CI include and the install spec init writes are such lines."""


def _plan_long_urls(plan: _Plan, tree: Tree, conf: Any) -> None:
    """Let the lines init writes into ``.gitlab-ci.yml`` (``remote: URL``) pass line-length."""
    if (
        isinstance(conf, dict)
        and URL_LINES not in conf
        and "ignore-from-file" not in conf
        and conf.get("allow-non-breakable-words", True) is not False
    ):
        edit = append_entry(tree, ["rules", "line-length"], URL_LINES, True)
        plan.add(edit, f"line-length: {URL_LINES}, for the CI include's URL")


def _plan_rule(plan: _Plan, tree: Tree, rule: str, conf: Any, pattern: str, present: bool) -> None:
    """Plan the catalog's exemption from one yamllint rule."""
    said = f"catalog files exempted from {rule}"
    if not present:
        value: dict[str, Any] = {"ignore": [pattern]}
        if rule == "line-length":
            value = {URL_LINES: True, **value}
        plan.add(append_entry(tree, ["rules"], rule, value), said)
        return
    if conf == "disable" or conf is False:
        plan.done.append(f"{rule} is disabled")
        return
    if conf == "enable":
        # yamllint's word for "on, with its defaults": the same rule as a mapping of options.
        plan.add(_enabled_with(tree, ["rules", rule], {"ignore": [pattern]}), said)
        return
    if not isinstance(conf, dict):
        plan.add(None, said, f"its {rule} rule is neither a mapping, enable nor disable")
        return
    if "ignore-from-file" in conf:
        plan.add(
            None,
            said,
            f"its {rule} rule has ignore-from-file, beside which yamllint takes no ignore",
        )
        return
    if rule == "comments" and conf.get("require-starting-space") is False:
        # The check that fights fmt is off; the others pass fmt's output.
        plan.done.append("comments need no space after '#'")
        return
    ignore = conf.get("ignore")
    lines = split_lines(ignore) if isinstance(ignore, str) else ignore
    folder = pattern.strip("/")
    covering = {folder, f"{folder}/", f"{folder}/*", f"{folder}/**"}
    if isinstance(lines, list) and any(
        isinstance(line, str) and line.strip().lstrip("/") in covering for line in lines
    ):
        plan.done.append(f"catalog files are exempted from {rule}")
        return
    path = ["rules", rule, "ignore"]
    if "ignore" not in conf:
        plan.add(append_entry(tree, ["rules", rule], "ignore", [pattern]), said)
    elif isinstance(ignore, list):
        plan.add(append_item(tree, path, pattern), said, _why_stuck(tree, path))
    elif isinstance(ignore, str):
        plan.add(_add_block_line(tree, path, ignore, pattern), said, _why_stuck(tree, path))
    else:
        plan.add(None, said, f"its {rule} rule's ignore: is neither a list nor a block of lines")


def _enabled_with(tree: Tree, path: list[str], value: dict[str, Any]) -> TextEdit | None:
    """Return the edit that writes ``value`` (a rule's options) in place of ``enable``."""
    _, node, shared = tree.locate(path)
    if shared or not isinstance(node, Scalar) or not node.plain or node.anchor is not None:
        return None
    return TextEdit(node.start_index, node.end_index, flow_text(value), tuple(path), value)


def _add_block_line(tree: Tree, path: list[str], current: str, line: str) -> TextEdit | None:
    """Return the edit that adds ``line`` as the last line of the literal block at ``path``."""
    _, node, shared = tree.locate(path)
    if shared or not isinstance(node, Scalar) or node.style != "|" or not current.strip():
        return None
    first = node.start[0] + 1
    content = [n for n in range(first, len(tree.lines)) if n < node.end[0] or node.end[1]]
    content = [n for n in content if tree.lines[n].strip()]
    if not content:
        return None
    indent = len(tree.lines[content[0]]) - len(tree.lines[content[0]].lstrip(" "))
    last = content[-1]
    lines = LineIndex(tree.text)
    offset = lines.end(last + 1)
    newline = dominant_break(tree.text)
    kept = current[len(current.rstrip("\n")) :]
    value = current.rstrip("\n") + "\n" + line + (kept or "")
    return TextEdit(offset, offset, newline + " " * indent + line, tuple(path), value)


# -- reading


def _read(path: Path) -> str:
    """Read a file of the repository: one that links out of it is refused, never read."""
    inside(path, boundary_of(path.parent))
    return read_bytes(path, max_bytes=_MAX_BYTES).decode("utf-8")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
