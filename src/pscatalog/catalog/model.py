"""A catalog folder: its files, and the levels, categories and offerings in them.

A catalog is a folder of YAML files: ``levels.yaml`` and one file per
category of service. :func:`load_catalog` reads every file of the folder; the
views it builds (:attr:`Catalog.levels`, :attr:`Catalog.categories`,
:attr:`Catalog.offerings`) skip whatever is not shaped as the schema says, so
rules can read them without guarding every access.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pscatalog.catalog.schemas import CATEGORY, LEVELS
from pscatalog.diagnostics import Location
from pscatalog.files.boundary import inside
from pscatalog.files.repository import boundary_of
from pscatalog.files.sources import DISK, Files
from pscatalog.rules import unreadable_file
from pscatalog.yamltext.loader import (
    DEFAULT_LIMITS,
    Document,
    Limits,
    PathPart,
    load_bytes,
    load_document,
    load_text,
    read_file_text,
)

LEVELS_FILE_NAMES = ("levels.yaml", "levels.yml")
"""The names the levels file may have; the first is the one created."""
YAML_SUFFIXES = (".yaml", ".yml")
MATURITIES = ("planned", "minimal", "viable", "complete", "lovable")
"""The maturity model's levels, lowest first."""


@dataclass(frozen=True, slots=True)
class Place:
    """A value in a document, named by its path; rules report findings at places."""

    doc: Document
    path: tuple[PathPart, ...]
    key: bool = False
    """Point at the key that holds the value rather than at the value."""
    line: int | None = None
    """A line of the file, for places that are not values (a comment, say)."""

    def location(self) -> Location:
        """Return the file, line and column of this place."""
        if self.line is not None:
            return Location(self.doc.name, self.line, 1)
        return self.doc.locate(self.path, key=self.key)


@dataclass(frozen=True, slots=True)
class Entry:
    """A mapping in a catalog file: a level, a category, an offering or a variant."""

    doc: Document
    path: tuple[PathPart, ...]
    data: dict[str, Any]

    def at(self, *parts: PathPart, key: bool = False) -> Place:
        """Return the place of a value inside this entry (the entry itself with no parts)."""
        return Place(self.doc, self.path + parts, key)

    def text(self, key: str) -> str | None:
        """Return the value of ``key`` if it is a string."""
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    def mapping(self, key: str) -> dict[str, Any]:
        """Return the value of ``key`` if it is a mapping, else an empty one."""
        value = self.data.get(key)
        return value if isinstance(value, dict) else {}

    def entries(self, key: str) -> list[Entry]:
        """Return the mappings in the list under ``key``, as entries."""
        items = self.data.get(key)
        if not isinstance(items, list):
            return []
        return [
            Entry(self.doc, (*self.path, key, index), item)
            for index, item in enumerate(items)
            if isinstance(item, dict)
        ]


@dataclass(frozen=True, slots=True)
class Offering:
    """An offering with the category it belongs to."""

    entry: Entry
    category: Entry
    variants: list[Entry]

    @property
    def maturity(self) -> str | None:
        """The offering's maturity as written (``None`` if it is not a string)."""
        return self.entry.text("maturity")

    @property
    def claimed(self) -> str:
        """The maturity claimed, in lowercase (``""`` if it is not a string)."""
        return (self.maturity or "").strip().lower()

    @property
    def maturity_rank(self) -> int | None:
        """The position of the claimed maturity in the model (planned = 0), if valid."""
        claimed = self.claimed
        return MATURITIES.index(claimed) if claimed in MATURITIES else None

    def base_variant(self) -> Entry | None:
        """Return the ``standard`` variant, else the ``custom`` one, else ``None``."""
        by_id = {variant.text("id"): variant for variant in self.variants}
        return by_id.get("standard") or by_id.get("custom")


@dataclass
class Catalog:
    """The files of one catalog folder, read, with views over their content."""

    root: Path
    levels_doc: Document | None
    category_docs: list[Document]
    levels: list[Entry] = field(default_factory=list)
    categories: list[Entry] = field(default_factory=list)
    offerings: list[Offering] = field(default_factory=list)
    files: Files = DISK
    """Where the catalog was read from: other files it names are read from there too."""

    @property
    def documents(self) -> list[Document]:
        """Every file of the catalog, the levels file first."""
        first = [self.levels_doc] if self.levels_doc is not None else []
        return first + self.category_docs

    @property
    def levels_path(self) -> Path:
        """Where the levels file is, or would be."""
        if self.levels_doc is not None:
            return self.levels_doc.path
        return self.root / LEVELS_FILE_NAMES[0]

    def kind_of(self, doc: Document) -> str:
        """Return the schema kind of a document: ``levels`` or ``category``."""
        return LEVELS if doc is self.levels_doc else CATEGORY

    def level_rank(self, level_id: str | None) -> int | None:
        """Return the rank of the level with ``level_id``, if there is one."""
        for level in self.levels:
            if level.text("id") == level_id:
                rank = level.data.get("rank")
                return rank if isinstance(rank, int) else None
        return None

    def ordered_categories(self) -> list[Entry]:
        """Categories in page order: by level rank, then ``order``, then name."""

        def key(category: Entry) -> tuple[int, int, str]:
            rank = self.level_rank(category.text("level"))
            order = category.data.get("order")
            return (
                rank if rank is not None else 99,
                order if isinstance(order, int) and not isinstance(order, bool) else 1 << 30,
                category.text("name") or "",
            )

        return sorted(self.categories, key=key)

    def offerings_of(self, category: Entry) -> list[Offering]:
        """Return the offerings of a category, in file order."""
        return [offering for offering in self.offerings if offering.category is category]


def display_name(path: Path) -> str:
    """Return how a file is named in reports: relative to the current folder if it can be.

    A file named by an absolute path that shares no folder but the root with
    the current one keeps it (``/tmp/rt/x.yaml``, as the user wrote the
    folder, not ``../../../tmp/rt/x.yaml``); a catalog found in a parent
    folder stays ``../catalog/x.yaml``.
    Bytes of the name that are not UTF-8 are shown as backslash escapes, so that
    every report can be written.
    """
    try:
        name = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        name = str(path)
    if path.is_absolute() and Path(name).parts[:1] == ("..",) and _apart(path):
        name = str(path)
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _apart(path: Path) -> bool:
    """Whether an absolute path was written so and shares only the root with the current folder.

    Paths written relative are made absolute by prefixing the current folder
    (``..`` kept), so one that does not start with it was written absolute.
    """
    here = os.getcwd()
    if str(path).startswith(os.path.join(here, "")):
        return False
    try:
        common = os.path.commonpath([os.path.abspath(path), here])
    except ValueError:  # another drive on Windows
        return True
    return common == os.path.dirname(common)


def catalog_files(root: Path, files: Files = DISK) -> list[Path]:
    """Return the YAML files of a catalog folder, sorted by name.

    A folder named like a YAML file is listed too: the loader reports it.
    Hidden files (``.gitlab-ci.yml``) are other tools' and are not listed.
    Files held in memory (``files``) are listed with those on disk.
    """
    children = files.children(root)
    return sorted(
        (
            child
            for child in children
            if child.suffix in YAML_SUFFIXES and not child.name.startswith(".")
        ),
        key=lambda child: child.name,
    )


def load_catalog(
    root: Path | str,
    *,
    limits: Limits = DEFAULT_LIMITS,
    files: Files = DISK,
    cache: DocumentCache | None = None,
) -> Catalog:
    """Read every file of the catalog folder ``root``.

    Problems in the files are diagnostics of their documents (see
    :attr:`pscatalog.yamltext.loader.Document.diagnostics`), never exceptions.
    A file whose text ``files`` holds in memory is read from there, as if it
    were on disk. With a ``cache``, a file whose text it already knows is not
    parsed again. Raises :class:`NotADirectoryError` or
    :class:`FileNotFoundError` when ``root`` is not a folder, and
    :class:`~pscatalog.files.boundary.OutsideRepository` when it leads out of
    its git repository (through a link in its path). A file that links out
    of the repository is reported, and not read.
    """
    root = Path(root)
    if not files.exists(root):
        raise FileNotFoundError(f"no such catalog folder: {root}")
    if not files.is_folder(root):
        raise NotADirectoryError(f"not a catalog folder: {root}")
    levels_doc: Document | None = None
    category_docs: list[Document] = []
    boundary = _catalog_boundary(root) if files.disk else None
    for path in catalog_files(root, files):
        doc = _read(path, files, boundary, limits, cache)
        if path.name in LEVELS_FILE_NAMES and levels_doc is None:
            levels_doc = doc
        else:
            category_docs.append(doc)
    catalog = Catalog(root, levels_doc, category_docs, files=files)
    _build_views(catalog)
    return catalog


class DocumentCache:
    """Files read before: a file whose text has not changed is not parsed again.

    A language server validates an editor's buffers after every keystroke; with
    one cache kept between runs, only the buffer that changed is parsed anew.
    Documents are keyed by path, name and limits, and kept while their text
    is the same.
    """

    def __init__(self) -> None:
        self._documents: dict[tuple[Path, str, Limits], tuple[str, Document]] = {}

    def load(self, path: Path, name: str, text: str, limits: Limits) -> Document:
        """Return the document of ``text`` at ``path``, parsed only if it changed."""
        key = (path, name, limits)
        known = self._documents.get(key)
        if known is not None and known[0] == text:
            return known[1]
        doc = load_text(text, name, path, limits=limits)
        self._documents[key] = (text, doc)
        return doc

    def forget(self, path: Path) -> None:
        """Drop what is known of ``path`` (a file closed or deleted)."""
        for key in [key for key in self._documents if key[0] == path]:
            del self._documents[key]


def _read(
    path: Path,
    files: Files,
    boundary: Path | None,
    limits: Limits,
    cache: DocumentCache | None,
) -> Document:
    """Read one catalog file, from memory if ``files`` holds its text, else from disk."""
    name = display_name(path)
    held = files.held(path)
    if isinstance(held, bytes | int):
        return load_bytes(held, name, path, limits=limits)
    text = held
    if text is None:
        assert boundary is not None  # files not in memory are read from the disk
        outside = _outside_link(path, boundary)
        if outside is not None:
            return outside
        if cache is None:
            return load_document(path, name, limits)
        read = read_file_text(path, limits)
        if isinstance(read, Document):
            return load_document(path, name, limits)  # the problem, named as reports name it
        text = read
    if cache is not None:
        return cache.load(path, name, text, limits)
    return load_text(text, name, path, limits=limits)


def _catalog_boundary(root: Path) -> Path:
    """Return the folder the catalog's files must stay in, its path resolved.

    Raises :class:`~pscatalog.files.boundary.OutsideRepository` when ``root``
    itself leads out of it.
    """
    boundary = boundary_of(root)
    inside(root, boundary)
    return Path(os.path.realpath(boundary))


def _outside_link(path: Path, boundary: Path) -> Document | None:
    """Return a document reporting ``path`` if it is a link out of the repository.

    A catalog file that links outside the repository is not read: its content
    would land in reports and CI logs that are not meant to show it.
    """
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=False)
    except (OSError, RuntimeError):  # a link loop
        target = None
    if target is not None and target.is_relative_to(boundary):
        return None
    doc = Document(path, display_name(path))
    doc.diagnostics.append(unreadable_file.outside_link(doc.name, loops=target is None))
    return doc


def _build_views(catalog: Catalog) -> None:
    levels_doc = catalog.levels_doc
    if levels_doc is not None and isinstance(levels_doc.data, dict):
        catalog.levels = Entry(levels_doc, (), levels_doc.data).entries("levels")
    for doc in catalog.category_docs:
        if not isinstance(doc.data, dict):
            continue
        category = Entry(doc, (), doc.data)
        catalog.categories.append(category)
        for offering in category.entries("offerings"):
            catalog.offerings.append(Offering(offering, category, offering.entries("variants")))


def iter_variants(catalog: Catalog) -> Iterator[tuple[Offering, Entry]]:
    """Yield every variant of every offering, with its offering."""
    for offering in catalog.offerings:
        for variant in offering.variants:
            yield offering, variant
