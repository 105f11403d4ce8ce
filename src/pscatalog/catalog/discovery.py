"""Finding the catalog a command works on, and grouping the files it names.

Without a path, the catalog is ``./catalog``, else the ``catalog`` folder of
the nearest parent folder that has one, up to the top of the git repository
and never above it, else the current folder if it holds a levels file. A path
may be a catalog folder or files of catalogs; files are grouped by their
folder, since cross-file rules need the whole catalog. Paths keep their links
as written, so that loading can tell a link out of the repository.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pscatalog.catalog.model import LEVELS_FILE_NAMES, YAML_SUFFIXES
from pscatalog.errors import UsageError
from pscatalog.files.repository import repository_root
from pscatalog.files.sources import DISK, Files

DEFAULT_CATALOG = "catalog"


@dataclass(frozen=True, slots=True)
class Target:
    """A catalog folder to check, and the files of it that were named.

    ``named`` is ``None`` when the whole folder was named (or none was).
    """

    root: Path
    named: frozenset[Path] | None


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


def find_catalog(start: Path | None = None) -> Path:
    """Return the catalog folder found from ``start`` (the current folder).

    The search stops at :func:`search_top`: it never leaves the repository.
    """
    start = Path(os.path.abspath(start or Path.cwd()))
    top = search_top(start)
    for folder in (start, *start.parents):
        candidate = folder / DEFAULT_CATALOG
        if candidate.is_dir():
            return candidate
        if folder == top:
            break
    if any((start / name).is_file() for name in LEVELS_FILE_NAMES):
        return start
    searched = "" if top == start else f" or its parents up to {top}"
    raise UsageError(
        f"no catalog found: no '{DEFAULT_CATALOG}' folder in {start}{searched}; "
        "name the catalog folder"
    )


def resolve_targets(paths: Iterable[Path | str], files: Files = DISK) -> list[Target]:
    """Group the named paths into catalogs to check.

    A path may name a file or folder held in memory by ``files``. Raises
    :class:`UsageError` for a path that does not exist or a named file that
    is not YAML.
    """
    roots: dict[Path, set[Path] | None] = {}
    for raw in paths:
        path = Path(raw)
        if not files.exists(path):
            raise UsageError(f"no such file or folder: {raw}")
        if files.is_folder(path):
            roots[_absolute(path)] = None
            continue
        if path.suffix not in YAML_SUFFIXES:
            raise UsageError(f"not a catalog file (.yaml or .yml): {raw}")
        root = _absolute(path.parent)
        if root in roots and roots[root] is None:
            continue
        roots.setdefault(root, set())
        named = roots[root]
        assert named is not None
        named.add(root / path.name)
    if not roots:
        return [Target(find_catalog(), None)]
    return [
        Target(root, None if named is None else frozenset(named)) for root, named in roots.items()
    ]


def _absolute(path: Path) -> Path:
    """Return ``path`` from the filesystem's root, its links and ``..`` kept as written."""
    return Path(os.path.join(os.getcwd(), path))
