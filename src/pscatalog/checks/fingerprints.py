"""Where a report names a file, and the fingerprint that identifies a finding.

The ``gitlab`` and ``sarif`` reports and the baseline share these, so that a
finding carries the same identity in all three. A finding is identified by:

- the file's real path from the repository's top folder (links followed, so
  that ``validate cat2`` where ``cat2 -> catalog`` names ``catalog/...``);
- its code;
- its place in the file's data: the JSON pointer with every list index
  replaced by what identifies the entry there, never its line. An offering's
  variant's SKU is ``/offerings/[jira]/variants/[remote]/sku``, whatever the
  positions of the offering and the variant in their lists;
- its subject, what the finding is about (see :class:`Subject`): the value
  at that place (a maturity in lower case, as it is read), or the keys of a
  mapping, or the entries of a list; for a finding about text that is not
  read as data (a syntax error, a second document), a digest of that text,
  and of the bytes of a file that is not UTF-8;
- the places it relates to (what a repeat repeats), by file and stable
  pointer.

So a finding keeps its fingerprint when lines move and when other entries
are inserted, removed or reordered; it changes when an id along its path
changes, and when the value it is about changes: ``sku: GL-A`` that repeated
one SKU and now repeats another is a new finding.

An entry of a list is named by (see :func:`stable_pointer`):

- ``[ID]``, for a mapping with a string ``id`` (levels, offerings, variants);
- ``[=VALUE]``, for a string (a marketing material link, a stage);
- ``[#INDEX]``, for anything else, by position, as a last resort.

Inside a token, ``~`` is written ``~0`` and ``/`` ``~1`` (as in RFC 6901); a
key that starts with ``[`` starts with ``~2`` instead, and an id that starts
with ``=`` or ``#`` with ``~3`` or ``~4``, so that no two places share a
name.

The loader's findings (``Y`` codes) are reported at a line and column, not at
a place in the data: they are given the place of the key or value they are
at (a duplicate key in the offering ``beta`` is at ``/offerings/[beta]/summary``),
or, where no key or value starts there, the mapping or list they are in and
the text of their line.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any, NamedTuple

from pscatalog.checks.checker import ValidationResult
from pscatalog.diagnostics import Diagnostic, parts_of, pointer_from_parts
from pscatalog.files.bounded import BoundedReadError, read_bytes
from pscatalog.files.repository import is_within
from pscatalog.files.repository import repository_root as _top_folder
from pscatalog.rules import multiple_documents
from pscatalog.yamltext.loader import Document, PathPart

Position = tuple[int, int]
"""A line and a column, 1-based."""

SUBJECT_KINDS = ("value", "keys", "entries", "text", "digest")
"""The forms of a subject, each a field of a baseline entry."""


def repository_root() -> Path | None:
    """Return the top folder of the git work tree around the current folder, if any."""
    return _top_folder(Path.cwd())


def repository_path(file: str, root: Path | None) -> str:
    """Return ``file`` (relative to the current folder) relative to ``root``, with ``/``.

    Outside a git work tree (``root`` is ``None``) the path stays relative to
    the current folder. Links are left as written: this is how reports name a
    file. Identities name it by its real path (:func:`identity_path`).
    """
    if root is None:
        return PurePath(file).as_posix()
    # git names its top folder with symbolic links resolved; so does getcwd().
    absolute = os.path.join(os.getcwd(), file)
    try:
        relative = os.path.relpath(absolute, os.path.realpath(root))
    except ValueError:  # another drive on Windows
        return PurePath(file).as_posix()
    return PurePath(relative).as_posix()


def identity_path(file: str, root: Path | None) -> str:
    """Return the path that identifies ``file``: its real path from ``root``, with ``/``.

    Links are followed, so that a catalog reached through a link inside the
    repository (``cat2 -> catalog``) is named as the files it leads to.
    Outside a git work tree the path is taken from the current folder. A file
    whose real path lies outside (a link that leads out, refused when read)
    keeps its path as written.
    """
    try:
        top = os.path.realpath(root) if root is not None else os.getcwd()
        real = os.path.realpath(os.path.join(os.getcwd(), file))
        if is_within(real, top):
            return PurePath(os.path.relpath(real, top)).as_posix()
    except ValueError:  # a name no file system can hold (a lone surrogate); another drive
        pass
    return repository_path(file, root)


class Subject(NamedTuple):
    """What a finding is about, beside its place: one of :data:`SUBJECT_KINDS` and its data.

    - ``value``: the string, number, boolean or null at the place;
    - ``keys``: the sorted keys of the mapping at the place;
    - ``entries``: the sorted names of the entries of the list at the place
      (``[ID]``, ``[=VALUE]``, or ``[#]`` for an entry with neither);
    - ``text``: the text of the line, stripped, for a finding of the loader
      that no key or value starts at (a merge key);
    - ``digest``: ``sha256:`` and the hex SHA-256 of the text pscatalog could
      not read as data (UTF-8, without a byte order mark): the whole file for
      a syntax error, the documents after the first for a second document.
      Any change to that text makes the finding new.
    """

    kind: str
    data: Any

    def as_json(self) -> dict[str, Any]:
        """Return the subject as the one-field object the fingerprint hashes."""
        return {self.kind: self.data}


class Identity(NamedTuple):
    """What identifies a finding across runs."""

    path: str
    """The file's real path from the repository's top folder."""
    code: str
    """The finding's code."""
    pointer: str
    """The finding's place in the file's data, entries named by their ids."""
    subject: Subject | None
    """What the finding is about there; ``None`` for a file that has no text."""
    related: tuple[str, ...]
    """The places the finding relates to (what a repeat repeats): each ``file#pointer``,
    the file as :attr:`path`, the pointer stable as :attr:`pointer`; empty for most."""
    occurrence: int
    """0, or how many findings before this one in the report share everything above."""
    fingerprint: str
    """The hash of all the above (see :func:`fingerprint_of`)."""


def identities(result: ValidationResult) -> list[Identity]:
    """Return the identity of each diagnostic of ``result``, in order.

    A finding a run that names files placed in a named file is identified as
    a run over the whole catalog reports it (:meth:`ValidationResult.canonical`).
    A file of a git revision read by ``diff`` is named by its path in the work
    tree.
    """
    root = repository_root()
    documents = {doc.name: doc for catalog in result.catalogs for doc in catalog.documents}
    paths: dict[str, str] = {}
    positions: dict[tuple[int, tuple[PathPart, ...], bool], Position] = {}
    rows = []
    for diagnostic in result.diagnostics:
        original = result.canonical(diagnostic)
        file = original.location.file
        doc = documents.get(file)
        if file not in paths:
            paths[file] = identity_path(_file_of(original, doc), root)
        pointer, subject = place_of(original, doc, positions)
        related = _related_places(original, documents, paths, root)
        rows.append((paths[file], original.code, pointer, subject, related))
    return [
        Identity(*row, occurrence, fingerprint_of(*row[:4], occurrence, related=row[4]))
        for row, occurrence in zip(rows, _occurrences(rows), strict=True)
    ]


def fingerprints(result: ValidationResult) -> list[str]:
    """Return the fingerprint of each diagnostic of ``result``, in order.

    See :func:`identities` for what identifies a finding, and
    :func:`fingerprint_of` for the hash.
    """
    return [identity.fingerprint for identity in identities(result)]


def fingerprint_of(
    path: str,
    code: str,
    pointer: str,
    subject: Subject | None,
    occurrence: int = 0,
    *,
    related: Sequence[str] = (),
) -> str:
    """Return the fingerprint of a finding: the hex SHA-256 of its identity.

    The hash is of the JSON array ``[path, code, pointer, subject]`` (the
    subject as a one-field object such as ``{"value": "GL-A"}``, or ``{}``),
    with the occurrence number appended when it is not 0, written by Python's
    ``json.dumps`` with ``ensure_ascii=False`` and encoded in UTF-8. The
    occurrence numbers findings that share all the rest in one report (two
    duplicate keys with one value, say): the second is 1, the third 2, so that
    every fingerprint in a report is distinct and the first keeps the
    fingerprint it has alone. ``related`` (what a repeat repeats, see
    :attr:`Identity.related`), when there is any, comes before the occurrence
    as ``{"related": [...]}``: a SKU that now repeats another offering's is a
    new finding.
    """
    parts: list[Any] = [path, code, pointer, subject.as_json() if subject is not None else {}]
    if related:
        parts.append({"related": list(related)})
    if occurrence:
        parts.append(occurrence)
    # A JSON array keeps the parts apart whatever characters they hold.
    text = json.dumps(parts, ensure_ascii=False)
    # A lone surrogate (a name that is not UTF-8) is hashed as it is, never a crash.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def place_of(
    diagnostic: Diagnostic,
    doc: Document | None,
    positions: dict[tuple[int, tuple[PathPart, ...], bool], Position] | None = None,
) -> tuple[str, Subject | None]:
    """Return the stable pointer and the subject of ``diagnostic``, a finding in ``doc``.

    ``positions`` keeps the positions of keys and values looked up for one
    finding of the loader, for the next ones.
    """
    location = diagnostic.location
    if doc is None:
        return location.pointer, None
    if doc.text is None:
        # Not UTF-8 (UTF-16, Latin-1): other YAML readers may read it; any change is new.
        return location.pointer, _bytes_digest(doc.path)
    if not doc.ok:
        # Nothing of the file was read: a finding there covers all of its text, and what
        # other YAML readers make of it (a syntax error to libyaml may not be one to Ruby).
        return location.pointer, _digest(doc.text)
    data = doc.data
    if diagnostic.code == multiple_documents.CODE:
        index = doc.line_index
        start = index.offset(location.line, location.column) if index is not None else 0
        return "", _digest(doc.text[start:])  # the documents after the first are not read
    if not location.pointer and diagnostic.code.startswith("Y"):
        # The loader reports at a line and column: the place is the key or value there.
        finder = _Finder(doc, {} if positions is None else positions)
        parts, exact = finder.path_at(location.line, location.column)
    else:
        parts, exact = parts_of(location.pointer), True
    stable = stable_pointer(data, pointer_from_parts(parts))
    if exact:
        found, node = _node_at(data, parts)
        if found:
            if parts and parts[-1] == "maturity" and isinstance(node, str):
                # A maturity claims the same in any letter case (C004 reports the case): the
                # evidence findings at 'Viable' stay those at 'viable' while it is corrected.
                node = node.lower()
            return stable, subject_of(node)
    line = doc.line_text(location.line)
    return stable, Subject("text", (line or "").strip())


def _bytes_digest(path: Path) -> Subject | None:
    """Return the digest of a file's bytes, ``None`` if it cannot be read (a folder, a pipe)."""
    try:
        data = read_bytes(path, max_bytes=_DIGEST_MAX_BYTES)
    except BoundedReadError:
        return None
    return Subject("digest", "sha256:" + hashlib.sha256(data).hexdigest())


_DIGEST_MAX_BYTES = 1 << 30
"""The largest file whose bytes are hashed (the largest ``max-file-bytes`` allows)."""


def _related_places(
    diagnostic: Diagnostic,
    documents: dict[str, Document],
    paths: dict[str, str],
    root: Path | None,
) -> tuple[str, ...]:
    """Return the places a finding relates to, as ``file#stable-pointer``, sorted."""
    places = []
    for related in diagnostic.related:
        location = related.location
        if not location.pointer:
            continue  # a line and column only (the loader's): no place that survives a move
        doc = documents.get(location.file)
        if location.file not in paths:
            paths[location.file] = identity_path(_file_of_location(location.file, doc), root)
        pointer = location.pointer
        if doc is not None and doc.ok:
            pointer = stable_pointer(doc.data, pointer)
        places.append(f"{paths[location.file]}#{pointer}")
    return tuple(sorted(places))


def _digest(text: str) -> Subject:
    return Subject("digest", "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest())


def subject_of(node: Any) -> Subject:
    """Return what a finding at ``node`` (a value of a file's data) is about."""
    if isinstance(node, dict):
        return Subject("keys", sorted(node))
    if isinstance(node, list):
        return Subject("entries", sorted(_entry(item, None) for item in node))
    if isinstance(node, float) and not math.isfinite(node):
        # JSON has no such number; the loader keeps them as text, so this is a caller's value.
        return Subject("value", repr(node))
    return Subject("value", node)


def stable_pointer(data: Any, pointer: str) -> str:
    """Return ``pointer`` (RFC 6901, into ``data``) with each list index replaced by an id.

    See the module's documentation for the form. Where the pointer leaves
    ``data`` (a place the data does not have), the rest of it is kept as it
    is written.
    """
    if not pointer:
        return ""
    tokens = []
    node: Any = data
    for raw in pointer.split("/")[1:]:
        key = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and key.isascii() and key.isdigit() and int(key) < len(node):
            index = int(key)
            tokens.append(_entry(node[index], index))
            node = node[index]
        elif isinstance(node, dict) and key in node:
            tokens.append(_key(key))
            node = node[key]
        else:
            tokens.append(_key(key))
            node = None
    return "".join("/" + token for token in tokens)


def _file_of_location(file: str, doc: Document | None) -> str:
    """Return a file a location names, as a path from the current folder (see :func:`_file_of`)."""
    if doc is None:
        return file
    try:
        return os.path.relpath(doc.path)
    except ValueError:  # another drive on Windows
        return file


def _file_of(diagnostic: Diagnostic, doc: Document | None) -> str:
    """Return the file a finding is in, as a path from the current folder.

    A document's path, rather than its name in reports: a file of a git
    revision is named ``REV:path`` but lies, for this purpose, in the work tree.
    """
    return _file_of_location(diagnostic.location.file, doc)


def _node_at(data: Any, parts: Sequence[PathPart]) -> tuple[bool, Any]:
    node = data
    for part in parts:
        if isinstance(node, dict):
            key = str(part)  # a key of digits reads as an index in a pointer
            if key not in node:
                return False, None
            node = node[key]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return False, None
    return True, node


class _Finder:
    """Finds the key or value of a document at a line and column (see :meth:`path_at`)."""

    def __init__(
        self, doc: Document, positions: dict[tuple[int, tuple[PathPart, ...], bool], Position]
    ) -> None:
        self.doc = doc
        self.positions = positions
        """Positions already looked up, by document, path and whether of the key."""

    def path_at(self, line: int, column: int) -> tuple[list[PathPart], bool]:
        """Return the path of the deepest key or value at ``line:column``.

        The second result says whether a key or value starts exactly there; if
        none does, the path is that of the mapping or list the position lies in.
        A child placed before its container (a value merged or aliased from an
        anchor above) is not where the position lies.
        """
        target = (line, column)
        parts: list[PathPart] = []
        node: Any = self.doc.data
        start = self.position(parts)
        while isinstance(node, (dict, list)):
            child = self.child_at(node, parts, start, target)
            if child is None:
                return parts, start == target
            part, at_key, child_start, node = child
            parts.append(part)
            if at_key == target:  # a key: the finding is about the entry it names
                return parts, True
            if not isinstance(node, (dict, list)):
                return (parts, True) if child_start == target else (parts[:-1], False)
            start = child_start
        return parts, start == target

    def child_at(
        self,
        node: dict[str, Any] | list[Any],
        parts: list[PathPart],
        start: Position,
        target: Position,
    ) -> tuple[PathPart, Position | None, Position, Any] | None:
        """Return the last child of ``node`` starting at or before ``target``, not before ``start``.

        As its key or index, its key's position (for a mapping), its value's
        position, and its value.
        """
        if isinstance(node, list):
            low, high = 0, len(node)
            while low < high:  # items are placed in the order they are written
                middle = (low + high) // 2
                if self.position([*parts, middle]) <= target:
                    low = middle + 1
                else:
                    high = middle
            if low == 0:
                return None
            at = self.position([*parts, low - 1])
            return (low - 1, None, at, node[low - 1]) if at >= start else None
        best: tuple[str, Position] | None = None
        for key in node:
            at_key = self.position([*parts, key], key=True)
            if start <= at_key <= target and (best is None or at_key >= best[1]):
                best = (key, at_key)
        if best is None:
            return None
        key = best[0]
        return key, best[1], self.position([*parts, key]), node[key]

    def position(self, parts: Sequence[PathPart], *, key: bool = False) -> Position:
        """Return the line and column of the value (or key) at ``parts``."""
        cache_key = (id(self.doc), tuple(parts), key)
        found = self.positions.get(cache_key)
        if found is None:
            location = self.doc.locate(parts, key=key)
            found = self.positions[cache_key] = (location.line, location.column)
        return found


def _entry(item: Any, index: int | None) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        identifier = _escaped(item["id"])
        if identifier.startswith(("=", "#")):
            identifier = ("~3" if identifier[0] == "=" else "~4") + identifier[1:]
        return f"[{identifier}]"
    if isinstance(item, str):
        return f"[={_escaped(item)}]"
    return f"[#{'' if index is None else index}]"


def _key(key: str) -> str:
    escaped = _escaped(key)
    return "~2" + escaped[1:] if escaped.startswith("[") else escaped


def _escaped(text: str) -> str:
    return text.replace("~", "~0").replace("/", "~1")


def _occurrences(
    rows: Sequence[tuple[str, str, str, Subject | None, tuple[str, ...]]],
) -> list[int]:
    """Return, for each row, how many rows before it are the same."""
    seen: dict[str, int] = {}
    result = []
    for path, code, pointer, subject, related in rows:
        key = json.dumps([path, code, pointer, subject.as_json() if subject else {}, related])
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        result.append(occurrence)
    return result
