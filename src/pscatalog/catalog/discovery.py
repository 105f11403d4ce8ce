"""Finding the catalog a command works on, and grouping the files it names.

The catalog is found, never guessed. Without a path, it is the configured
catalog, else ``./catalog``, else the current folder if it is a catalog
folder, else the ``catalog`` folder of the nearest parent that has one, up
to the top of the git repository and never above it. A folder named on the
command line means the configured catalog if it is that folder or holds it,
else its ``catalog`` folder if it has one (a repository's root), else itself
if it is a catalog folder. A catalog folder is the configured one, one named
``catalog``, or one that holds a levels file. A named file must lie directly
in a catalog folder. Anything else is a usage error: no CI file, tool
configuration or site configuration is ever read as part of a catalog.

Inside a catalog folder, what looks like catalog files but is not read (a
sub-folder holding YAML files, a ``.YAML`` file) is listed by
:func:`unread_entries`, for a notice. Files are grouped by their folder,
since cross-file rules need the whole catalog. Paths keep their links as
written, so that loading can tell a link out of the repository.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pscatalog.catalog.model import LEVELS_FILE_NAMES, YAML_SUFFIXES, display_name
from pscatalog.errors import UsageError
from pscatalog.files.repository import repository_root
from pscatalog.files.sources import DISK, Files, absolute

DEFAULT_CATALOG = "catalog"
_MAX_LISTED = 10_000
"""How many entries of a sub-folder are looked at before it counts as holding no YAML."""


@dataclass(frozen=True, slots=True)
class Target:
    """A catalog folder to check, and the files of it that were named.

    ``named`` is ``None`` when the whole folder was named (or none was);
    ``deleted`` holds catalog files a change removed (a run that names them
    shows the findings that involve them, see
    :func:`pscatalog.checks.checker.validate`).
    """

    root: Path
    named: frozenset[Path] | None
    deleted: frozenset[Path] = frozenset()


def search_top(start: Path | None = None) -> Path:
    """Return the highest folder a search from ``start`` (the current folder) may look in.

    The top folder of the git repository around ``start``; outside git, the
    nearest folder from ``start`` upwards that holds a ``catalog`` folder (the
    project's), else ``start`` itself. Searches for the catalog and for the
    configuration never look above it.
    """
    start = Path(os.path.abspath(start or Path.cwd()))
    top = repository_root(start)
    if top is not None:
        return top
    for folder in (start, *start.parents):
        if (folder / DEFAULT_CATALOG).is_dir():
            return folder
    return start


def find_catalog(start: Path | None = None, files: Files = DISK) -> Path:
    """Return the catalog folder found from ``start`` (the current folder).

    ``./catalog``, else ``start`` itself if it is a catalog folder, else the
    ``catalog`` folder of the nearest parent that has one. The search stops
    at :func:`search_top`: it never leaves the repository. Raises
    :class:`UsageError` when there is none.
    """
    start = Path(os.path.abspath(start or Path.cwd()))
    top = search_top(start)
    if files.is_folder(start / DEFAULT_CATALOG):
        # A site's data/catalog/ is not the catalog where the repository has its own.
        return _found_elsewhere(start / DEFAULT_CATALOG, None, files) or start / DEFAULT_CATALOG
    if _holds_levels(start, files):
        return start
    for folder in start.parents if start != top else ():
        candidate = folder / DEFAULT_CATALOG
        if files.is_folder(candidate) and _found_elsewhere(candidate, None, files) is None:
            return candidate
        if folder == top:
            break
    searched = "" if top == start else f" or its parents up to {top}"
    raise UsageError(
        f"no catalog found: no '{DEFAULT_CATALOG}' folder in {start}{searched}; "
        "name the catalog folder"
    )


def is_catalog_folder(folder: Path, configured: Path | None = None, files: Files = DISK) -> bool:
    """Whether ``folder`` is a catalog folder.

    It is if it is the ``configured`` one or holds a levels file; without a
    configured catalog, also if it is named ``catalog``. Once the
    configuration names the catalog, another folder that happens to be named
    ``catalog`` (a site generator's ``data/catalog/``) is not one.
    """
    if configured is not None:
        return absolute(folder) == absolute(configured) or _holds_levels(folder, files)
    return absolute(folder).name == DEFAULT_CATALOG or _holds_levels(folder, files)


def catalog_in(folder: Path, configured: Path | None = None, files: Files = DISK) -> Path:
    """Return the catalog a folder named on the command line means.

    The configured catalog if ``folder`` is it or holds it; else
    ``folder/catalog`` if there is one; else ``folder`` itself if it is a
    catalog folder. Raises :class:`UsageError` otherwise, saying why.
    """
    if configured is not None:
        here, wanted = absolute(folder), absolute(configured)
        if wanted == here or wanted.is_relative_to(here):
            return folder / os.path.relpath(wanted, here) if wanted != here else folder
    shown = _shown(folder)
    for candidate in (folder / DEFAULT_CATALOG, folder):
        if absolute(candidate).name != DEFAULT_CATALOG or not files.is_folder(candidate):
            continue
        found = _found_elsewhere(candidate, configured, files)
        if found is not None:
            raise UsageError(
                f"not a catalog folder: {_shown(candidate)}: the catalog is {_shown(found)}"
            )
    if files.is_folder(folder / DEFAULT_CATALOG):
        return folder / DEFAULT_CATALOG
    if is_catalog_folder(folder, configured, files):
        return folder
    parent = folder.parent if folder.name not in ("", ".", "..") else absolute(folder).parent
    if is_catalog_folder(parent, configured, files):
        raise UsageError(
            f"not a catalog folder: {shown}: only the files directly in {_shown(parent)} "
            "are catalog files"
        )
    raise UsageError(
        f"not a catalog folder: {shown}: it has no '{DEFAULT_CATALOG}' folder and no "
        f"{LEVELS_FILE_NAMES[0]} (to use it as the catalog, set 'catalog' in the configuration)"
    )


def resolve_targets(
    paths: Iterable[Path | str],
    files: Files = DISK,
    *,
    configured: Path | None = None,
    deleted: Iterable[Path | str] = (),
) -> list[Target]:
    """Group the named paths into catalogs to check.

    A path may name a file or folder held in memory by ``files``. Without
    paths, the catalog is ``configured``, else the one :func:`find_catalog`
    finds. ``deleted`` are catalog files a change removed; with them, the run
    names files even when ``paths`` is empty. Raises :class:`UsageError` for
    a path that does not exist, a folder that is not and holds no catalog, and
    a named file that is not directly in a catalog folder or is not YAML.
    """
    roots: dict[Path, set[Path] | None] = {}
    for raw in paths:
        path = Path(raw)
        if not files.exists(path):
            raise UsageError(f"no such file or folder: {raw}")
        if files.is_folder(path):
            roots[_absolute(catalog_in(path, configured, files))] = None
            continue
        root = _absolute(_folder_of_file(path, str(raw), configured, files))
        if root in roots and roots[root] is None:
            continue
        named = roots.setdefault(root, set())
        assert named is not None
        named.add(root / path.name)
    gone: dict[Path, set[Path]] = {}
    for raw in deleted:
        path = _absolute(Path(raw))
        gone.setdefault(path.parent, set()).add(path)
        if path.parent not in roots:
            roots[path.parent] = set()
    if not roots:
        root = configured if configured is not None else find_catalog(files=files)
        return [Target(root, None)]
    return [
        Target(
            root,
            None if named is None else frozenset(named),
            frozenset(gone.get(root, ())),
        )
        for root, named in roots.items()
    ]


def unread_entries(root: Path, files: Files = DISK) -> Iterator[tuple[Path, int, str]]:
    """Yield what in a catalog folder looks like catalog files but is not read.

    Each is ``(path, count, first)``: a sub-folder with the number of YAML
    files it holds (at any depth) and the first of them, as a path from the
    sub-folder; a link to a folder, never followed (it may lead out of the
    repository), with a count of 0; or a file whose suffix is ``.yaml`` or
    ``.yml`` in other letters (``.YAML``), with a count of 1 and its own name.
    Hidden entries (``.git``, ``.github``) are other tools' and are not looked
    at, nor are folders named like YAML files (the loader reports those).
    """
    for child in sorted(files.children(root), key=lambda child: child.name):
        if child.name.startswith("."):
            continue
        if child.suffix in YAML_SUFFIXES:
            continue
        if child.suffix.lower() in YAML_SUFFIXES:
            if not files.is_folder(child):
                yield child, 1, child.name
            continue
        if files.disk and child.is_dir():
            if child.is_symlink():
                yield child, 0, ""
                continue
            count, first = _yaml_below(child)
            if count:
                yield child, count, first
        elif not files.disk and files.is_folder(child):
            count, first = _yaml_held_below(child, files)
            if count:
                yield child, count, first


def _yaml_below(folder: Path) -> tuple[int, str]:
    """Return how many YAML files lie below ``folder`` (links not followed), and the first."""
    count, first, seen = 0, "", 0
    for top, dirs, names in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(names):
            seen += 1
            if seen > _MAX_LISTED:
                return count, first
            if not name.startswith(".") and Path(name).suffix.lower() in YAML_SUFFIXES:
                if not count:
                    first = Path(os.path.relpath(os.path.join(top, name), folder)).as_posix()
                count += 1
    return count, first


def _yaml_held_below(folder: Path, files: Files) -> tuple[int, str]:
    """Return how many YAML files ``files`` holds below ``folder``, and the first."""
    base = absolute(folder)
    below = [
        path.relative_to(base)
        for path in files.held_below(folder)
        if path.suffix.lower() in YAML_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(base).parts)
    ]
    return len(below), below[0].as_posix() if below else ""


def _folder_of_file(path: Path, raw: str, configured: Path | None, files: Files) -> Path:
    """Return the catalog folder a named file lies in; raise :class:`UsageError` if none."""
    if path.suffix not in YAML_SUFFIXES:
        raise UsageError(f"not a catalog file (.yaml or .yml): {raw}")
    folder = path.parent
    if is_catalog_folder(folder, configured, files):
        if path.name.startswith("."):
            raise UsageError(f"not a catalog file: {raw}: hidden files are other tools'")
        found = _found_elsewhere(folder, configured, files)
        if found is not None:
            raise UsageError(f"not a catalog file: {raw}: the catalog is {_shown(found)}")
        return folder
    if files.is_folder(folder / DEFAULT_CATALOG):
        raise UsageError(
            f"not a catalog file: {raw}: the catalog is {_shown(folder / DEFAULT_CATALOG)}"
        )
    parent = absolute(folder).parent
    if is_catalog_folder(parent, configured, files):
        raise UsageError(
            f"not a catalog file: {raw}: only the files directly in {_shown(parent)} "
            "are catalog files"
        )
    raise UsageError(
        f"not a catalog file: {raw}: {_shown(folder)} has no {LEVELS_FILE_NAMES[0]} "
        "and is not named 'catalog' (to use it as the catalog, set 'catalog' in the "
        "configuration)"
    )


def _found_elsewhere(folder: Path, configured: Path | None, files: Files) -> Path | None:
    """Return the repository's catalog, if ``folder`` is a catalog by name only and is not it.

    Without a configuration, a folder named ``catalog`` is taken for a catalog;
    but where the repository around it has its own ``catalog/`` at the top, a
    ``catalog`` folder elsewhere that holds no catalog file (no levels file,
    no file with a category's ``level:`` or ``offerings:`` at its top: a
    site's ``data/catalog/``) is not one.
    """
    if configured is not None or _holds_levels(folder, files):
        return None
    found = search_top(absolute(folder)) / DEFAULT_CATALOG
    if absolute(found) == absolute(folder) or not files.is_folder(found):
        return None
    if _holds_categories(folder, files):
        return None  # a second catalog (one whose levels file is missing is still one)
    return found


_CATEGORY_KEY = re.compile(r"^(?:level|offerings)[ \t]*:", re.MULTILINE)
"""A key only a category file has at its top (a site's data has ``items:``, ``title:``)."""


def _holds_categories(folder: Path, files: Files) -> bool:
    """Whether a YAML file directly in ``folder`` reads like a category file, at its top."""
    for child in files.children(folder):
        if child.suffix not in YAML_SUFFIXES or child.name.startswith("."):
            continue
        text = files.read_small(child)
        if text is not None and _CATEGORY_KEY.search(text) is not None:
            return True
    return False


def _shown(folder: Path) -> str:
    """Return how a folder is named in a message: as reports name files, with a slash."""
    return display_name(folder).rstrip("/") + "/"


def _holds_levels(folder: Path, files: Files) -> bool:
    return any(
        files.exists(folder / name) and not files.is_folder(folder / name)
        for name in LEVELS_FILE_NAMES
    )


def _absolute(path: Path) -> Path:
    """Return ``path`` from the filesystem's root, its links and ``..`` kept as written."""
    return Path(os.path.join(os.getcwd(), path))
