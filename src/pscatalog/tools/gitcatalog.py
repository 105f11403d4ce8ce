"""A catalog, the schema files it names and its configuration, as git holds them.

``diff`` reads a side at a revision, and the pre-commit hooks read the commit
git's index holds (:class:`~pscatalog.files.gittree.GitTree` names either).
:func:`git_catalog_files` returns a catalog folder's files for a
:class:`~pscatalog.files.sources.Files` that reads nothing from the disk, so
that no file of the work tree can stand in for them; :func:`config_in_git`
returns the configuration found where ``validate`` would find it, read from
git. A hook pays a few git processes for it, whatever the catalog's size.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

from pscatalog.catalog.model import YAML_SUFFIXES
from pscatalog.catalog.schemas import SCHEMA_FILES
from pscatalog.checks import config as config_module
from pscatalog.checks.config import Config, ConfigError, config_candidates, config_from_bytes
from pscatalog.errors import UsageError
from pscatalog.files.bounded import TOML_MAX_BYTES
from pscatalog.files.gittree import (
    LINK_MODE,
    GitTree,
    TreeEntry,
    blob_sizes,
    printable,
    read_blobs,
    read_files,
)
from pscatalog.files.sources import Held

_MODELINE = re.compile(rb"\s*#\s*yaml-language-server:\s*\$schema=(\S+)")
SCHEMA_MAX_BYTES = 1024 * 1024
"""The largest schema file a modeline names that is read from git (as from disk)."""


def git_catalog_files(
    tree: GitTree, relative: PurePosixPath, *, max_file_bytes: int
) -> dict[Path, Held]:
    """Return what a catalog folder holds in ``tree``, for :class:`Files` that read nothing else.

    Keyed by the files' places in the work tree: the YAML files directly in
    the folder ``relative`` (a path from the repository's top), links
    followed, each read unless it is larger than ``max_file_bytes`` (then its
    size stands for it, and the loader reports it as too large: git stores a
    file of gigabytes of one byte in a few megabytes); a file whose suffix is
    YAML's in other letters (``.YAML``), by its size, to be reported and not
    read; and the schema files the modelines name, or where the modeline's
    hint looks for one. Raises :class:`UsageError` for a catalog file that
    links out of the repository, to no file, or round a loop: the catalog
    cannot be read as the work tree would hold it.
    """
    folder = tree.top.joinpath(*relative.parts)
    catalog: list[tuple[str, TreeEntry]] = []
    other: list[tuple[str, TreeEntry]] = []
    entries = tree.folder(relative)
    if any(entry.kind == "tree" and not entry.name.startswith(".") for entry in entries):
        other.extend(_yaml_in_sub_folders(tree, relative))
    other.extend(_yaml_in_linked_folders(tree, entries))
    for entry in entries:
        # Submodules and folders hold no YAML of their own; hidden files (.gitlab-ci.yml)
        # are other tools', as in the work tree.
        if entry.kind != "blob" or entry.name.startswith("."):
            continue
        if entry.name.endswith(YAML_SUFFIXES):
            target = tree.resolve(entry)
            if target is None:
                raise UsageError(
                    f"'{printable(str(entry.path))}' {tree.label} is a link to no file "
                    "(or round a loop): the catalog cannot be read there"
                )
            catalog.append((entry.name, target))
        elif PurePosixPath(entry.name).suffix.lower() in YAML_SUFFIXES and entry.is_file:
            other.append((entry.name, entry))
    # Where the modeline's hint looks for the schemas: read with the catalog's files.
    hinted = _schema_paths(relative, [])
    found = tree.entries(hinted)
    schemas: list[tuple[PurePosixPath, TreeEntry]] = []
    for path in hinted:
        at = found.get(path)
        schema = _within(tree, at) if at is not None else None
        if schema is not None:
            schemas.append((path, schema))
    everything = [target for _, target in [*catalog, *other, *schemas]]
    sizes = blob_sizes(tree.top, [target.object for target in everything])
    limits = [max_file_bytes] * len(catalog) + [-1] * len(other) + [SCHEMA_MAX_BYTES] * len(schemas)
    contents = read_blobs(
        tree.top,
        [
            target.object if 0 <= size <= limit else ""
            for target, size, limit in zip(everything, sizes, limits, strict=True)
        ],
    )
    held: dict[Path, Held] = {}
    for (name, _), content, size in zip(catalog, contents, sizes, strict=False):
        held[folder / name] = (content or b"") if size <= max_file_bytes else size
    for (name, _), size in zip(other, sizes[len(catalog) :], strict=False):
        held[folder / name] = max(size, 0)  # listed, to be reported; never read
    for (path, _), content in zip(schemas, contents[len(catalog) + len(other) :], strict=True):
        if content is not None:
            held[tree.top.joinpath(*path.parts)] = content
    # The schema files modelines name elsewhere (rare): read on their own.
    named = [
        path for path in _schema_paths(relative, contents[: len(catalog)]) if path not in hinted
    ]
    for path, text in zip(
        named, read_files(tree, named, max_bytes=SCHEMA_MAX_BYTES, strict=False), strict=True
    ):
        if isinstance(text, bytes):
            held.setdefault(tree.top.joinpath(*path.parts), text)
    return held


def _yaml_in_sub_folders(tree: GitTree, relative: PurePosixPath) -> Iterable[tuple[str, TreeEntry]]:
    """Yield the YAML files in the catalog folder's sub-folders, by their paths from it.

    They are not catalog files: listed (by size, never read), so that the
    catalog reports them as it reports them in the work tree (C205).
    """
    for entry in tree.below(relative):
        inside = entry.path.relative_to(relative)
        if len(inside.parts) < 2 or any(part.startswith(".") for part in inside.parts):
            continue
        if inside.suffix.lower() in YAML_SUFFIXES and entry.is_file:
            yield inside.as_posix(), entry


def _yaml_in_linked_folders(
    tree: GitTree, entries: Sequence[TreeEntry]
) -> Iterable[tuple[str, TreeEntry]]:
    """Yield the YAML files of folders the catalog folder links to, by their paths from it.

    A link to a folder is never followed for catalog files; what it leads to is
    listed (by size, never read), so that it is reported (C205) as in the work tree.
    """
    for entry in entries:
        if (
            entry.mode != LINK_MODE
            or entry.name.startswith(".")
            or entry.name.endswith(YAML_SUFFIXES)
        ):
            continue
        path = tree.link_target(entry)  # None: out of the repository, nothing of it listed
        found = tree.entry(path) if path is not None else None
        if path is None or found is None or found.kind != "tree":
            continue
        for inner in tree.below(path):
            inside = inner.path.relative_to(path)
            if inside.suffix.lower() in YAML_SUFFIXES and not any(
                part.startswith(".") for part in inside.parts
            ):
                yield f"{entry.name}/{inside.as_posix()}", inner


def config_in_git(
    tree: GitTree, *, named: Path | None = None, known_codes: Iterable[str] = ()
) -> Config | None:
    """Return the configuration ``tree`` (a revision or git's index) holds; ``None`` if none.

    The file is looked for where ``validate`` looks for it in the work tree
    (:func:`pscatalog.checks.config.config_candidates`: from the current
    folder up to the repository's top, ``pscatalog.toml`` first), but read
    from ``tree``: a configuration the work tree has and ``tree`` has not
    (untracked, or changed and not staged) is not the one that applies.
    ``named`` (``--config FILE``) is read there instead; ``tree`` must hold
    it. A link is followed as the work tree follows it. Raises
    :class:`~pscatalog.checks.config.ConfigError` for a configuration that
    cannot be used.
    """
    candidates = [named] if named is not None else config_candidates()
    located = [(path, relative) for path in candidates if (relative := from_top(path, tree))]
    if named is not None and not located:
        raise ConfigError(f"{named}: outside the repository, so not {tree.label}")
    contents = read_files(tree, [relative for _, relative in located], max_bytes=TOML_MAX_BYTES)
    for (path, _), content in zip(located, contents, strict=True):
        if content is None:
            if named is not None:
                raise ConfigError(f"{named}: no such configuration file {tree.label}")
            continue
        if isinstance(content, int):
            if path.name == config_module.PYPROJECT and named is None:
                continue  # another tool's file, too large to be read for a table of ours
            raise ConfigError(f"{path}: {content:,} bytes {tree.label}, more than 1 MiB")
        read = config_from_bytes(path, content, known_codes=known_codes)
        if read is not None:
            return read
        if named is not None:
            raise ConfigError(f"{named}: no [tool.pscatalog] table")
    return None


def from_top(path: Path, tree: GitTree) -> PurePosixPath | None:
    """Return a work-tree path as a path from the repository's top, ``None`` if outside it."""
    # The folder's links resolved as git resolves the top; the file's own name kept, so
    # that a link there is followed in the tree, not in the work tree.
    absolute = Path(os.path.realpath(Path(os.path.abspath(path)).parent)) / Path(path).name
    try:
        return PurePosixPath(absolute.relative_to(tree.top).as_posix())
    except ValueError:
        return None


def _within(tree: GitTree, entry: TreeEntry) -> TreeEntry | None:
    """Return the file ``entry`` leads to; ``None`` for none, or one outside the repository."""
    try:
        return tree.resolve(entry)
    except UsageError:
        return None


def _schema_paths(relative: PurePosixPath, contents: Sequence[bytes | None]) -> list[PurePosixPath]:
    """Return the paths from the top of the schema files a catalog's modelines may name.

    Those the modeline's hint looks for, ``../schema/`` beside the catalog and
    ``schema/`` at the top, then those the modelines of ``contents`` name by a
    relative path (``# yaml-language-server:
    $schema=../schema/category.schema.json``). A URL, or a path that leaves
    the repository, is not read.
    """
    references = [f"../schema/{name}" for name in SCHEMA_FILES.values()]
    references += [
        posixpath.relpath(f"schema/{name}", str(relative)) for name in SCHEMA_FILES.values()
    ]
    for content in contents:
        match = _MODELINE.match((content or b"").split(b"\n", 1)[0].lstrip(b"\xef\xbb\xbf"))
        if match is not None:
            references.append(match.group(1).decode("utf-8", "replace"))
    paths: dict[PurePosixPath, None] = {}
    for reference in references:
        if "://" in reference or reference.startswith("/"):
            continue
        path = posixpath.normpath(posixpath.join(str(relative), reference))
        if path != ".." and not path.startswith("../"):
            paths.setdefault(PurePosixPath(path))
    return list(paths)
