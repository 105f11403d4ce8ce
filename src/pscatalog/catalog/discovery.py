"""Finding the catalog a command works on, and grouping the files it names.

Without a path, the catalog is ``./catalog``, else the ``catalog`` folder of
the nearest parent folder that has one, else the current folder if it holds a
levels file. A path may be a catalog folder or files of catalogs; files are
grouped by their folder, since cross-file rules need the whole catalog.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pscatalog.catalog.model import LEVELS_FILE_NAMES, YAML_SUFFIXES
from pscatalog.errors import UsageError
from pscatalog.files.sources import DISK, Files

DEFAULT_CATALOG = "catalog"


@dataclass(frozen=True, slots=True)
class Target:
    """A catalog folder to check, and the files of it that were named.

    ``named`` is ``None`` when the whole folder was named (or none was).
    """

    root: Path
    named: frozenset[Path] | None


def find_catalog(start: Path | None = None) -> Path:
    """Return the catalog folder found from ``start`` (the current folder)."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        candidate = folder / DEFAULT_CATALOG
        if candidate.is_dir():
            return candidate
    if any((start / name).is_file() for name in LEVELS_FILE_NAMES):
        return start
    raise UsageError(
        f"no catalog found: no '{DEFAULT_CATALOG}' folder in {start} or its parents; "
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
            roots[path.resolve()] = None
            continue
        if path.suffix not in YAML_SUFFIXES:
            raise UsageError(f"not a catalog file (.yaml or .yml): {raw}")
        root = path.parent.resolve()
        if root in roots and roots[root] is None:
            continue
        roots.setdefault(root, set())
        named = roots[root]
        assert named is not None
        named.add(path.parent.resolve() / path.name)
    if not roots:
        return [Target(find_catalog(), None)]
    return [
        Target(root, None if named is None else frozenset(named)) for root, named in roots.items()
    ]
