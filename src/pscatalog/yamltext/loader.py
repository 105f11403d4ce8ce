"""Read YAML files into plain data, with the line and column of every value.

The loader reads the libyaml event stream (:mod:`pscatalog.yamltext.libyaml`)
and builds plain Python values from it directly: dicts with string keys,
lists, strings, numbers, booleans and ``None``. That is what JSON Schema
validates, and it is several times faster than composing a YAML library's
node tree or round-trip objects. Positions are kept beside the data in one flat integer
array per file, so a large catalog does not pay one Python object per value.

Scalars are resolved by the YAML 1.2 core schema, tag by tag, in this module:
nothing a file says can make the loader build an object of its choosing.
Plain scalars that a YAML 1.1 reader (Ruby, Hugo) would take for something
else (``no``, ``on``, ``012``, ``1:30``) are reported as warnings.

Problems in a file are diagnostics of that file, never exceptions: the caller
gets a :class:`Document` whose ``data`` is ``None`` when the file could not be
read as one YAML document.
"""

from __future__ import annotations

import errno
import stat
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from pscatalog.diagnostics import Diagnostic, Location, pointer_from_parts
from pscatalog.rules import (
    disallowed_tag,
    duplicate_key,
    empty_file,
    limit_exceeded,
    merge_override,
    multiple_documents,
    not_utf8,
    syntax_error,
    unreadable_file,
)
from pscatalog.rules import yaml11_reading as yaml11_reading_code
from pscatalog.yamltext.lines import LineIndex, line_column
from pscatalog.yamltext.memory import collector_paused
from pscatalog.yamltext.scalars import (
    CORE,
    number_text,
    resolve_plain,
    resolve_scalar,
    yaml11_number_reading,
    yaml11_reading,
)

PathPart = str | int
"""One step of a path into a document: a mapping key or a list index."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep a hostile file from exhausting time or memory."""

    max_file_bytes: int = 64 * 1024 * 1024
    """Files larger than this are not parsed."""
    max_depth: int = 256
    """Deepest nesting of mappings and sequences, aliases expanded."""
    max_alias_nodes: int = 100_000
    """Values that aliases may add to a document by repeating anchors."""


DEFAULT_LIMITS = Limits()


class Document:
    """One catalog file: its data, the positions of its values, its findings.

    ``data`` is the plain data of the file's YAML document, or ``None`` when
    the file could not be read as one (``ok`` is then false and
    ``diagnostics`` says why).
    """

    __slots__ = (
        "_flat",
        "_index",
        "_key_indexes",
        "_line_index",
        "data",
        "diagnostics",
        "name",
        "ok",
        "path",
        "root",
        "text",
    )

    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.name = name
        self.text: str | None = None
        self.data: Any = None
        self.ok = False
        self.diagnostics: list[Diagnostic] = []
        self.root = (1, 1)
        self._flat: array[int] = array("I")
        self._index: dict[int, int] = {}
        self._key_indexes: dict[int, dict[str, int]] = {}
        self._line_index: LineIndex | None = None

    def __repr__(self) -> str:
        return f"Document({self.name!r}, ok={self.ok})"

    def locate(self, parts: Sequence[PathPart], *, key: bool = False) -> Location:
        """Return the location of the value at ``parts``.

        With ``key=True`` and a mapping entry last, the location is that of the
        key rather than its value. Where the path does not exist, the location
        is that of its nearest existing parent, and so is the pointer.
        """
        line, column = self.root
        node = self.data
        found: list[PathPart] = []
        last = len(parts) - 1
        flat = self._flat
        for i, part in enumerate(parts):
            offset = self._index.get(id(node))
            if offset is None:
                break
            if isinstance(node, dict):
                if part not in node:
                    break
                base = offset + 4 * self._key_index(node)[str(part)]
                if key and i == last:
                    line, column = flat[base], flat[base + 1]
                else:
                    line, column = flat[base + 2], flat[base + 3]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                base = offset + 2 * part
                line, column = flat[base], flat[base + 1]
            else:
                break
            node = node[part]
            found.append(part)
        return Location(self.name, line, column, pointer_from_parts(found))

    def _key_index(self, mapping: dict[str, Any]) -> dict[str, int]:
        """Return the position of each key of ``mapping``, computed once per mapping."""
        index = self._key_indexes.get(id(mapping))
        if index is None:
            index = self._key_indexes[id(mapping)] = {key: i for i, key in enumerate(mapping)}
        return index

    def line_text(self, line: int) -> str | None:
        """Return the text of a 1-based line of the file, if it was read.

        Lines end where libyaml ends them (CR, LF, CRLF, NEL, LS, PS), so that
        they match the lines of diagnostics.
        """
        index = self.line_index
        return index.line(line) if index is not None else None

    @property
    def line_index(self) -> LineIndex | None:
        """The lines of the file as the parser counts them, if it was read."""
        if self._line_index is None and self.text is not None:
            self._line_index = LineIndex(self.text)
        return self._line_index


def load_document(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read the YAML file at ``path`` into a :class:`Document`.

    ``name`` is how diagnostics refer to the file. Never raises for a bad
    file: every problem becomes a diagnostic of the document.
    """
    doc = Document(path, name)
    text = _read_text(doc, limits)
    if text is None:
        return doc
    return _parse(doc, text, limits)


def read_file_text(path: Path, limits: Limits = DEFAULT_LIMITS) -> str | Document:
    """Return the text of the file at ``path``, or a document whose diagnostics say why not.

    The reading half of :func:`load_document`: the same checks (a folder, a
    pipe, the size limit, UTF-8), without parsing.
    """
    doc = Document(path, str(path))
    text = _read_text(doc, limits)
    return doc if text is None else text


def load_bytes(
    raw: bytes | int, name: str, path: Path, *, limits: Limits = DEFAULT_LIMITS
) -> Document:
    """Read a file's content held in memory (a git object, say) as a file is read.

    The same size limit, decoding and parsing as :func:`load_document`.
    ``raw`` may be the size of a content left unread (larger than any limit
    worth reading): it is reported as too large.
    """
    doc = Document(path, name)
    size = raw if isinstance(raw, int) else len(raw)
    if size > limits.max_file_bytes:
        doc.diagnostics.append(limit_exceeded.file_size(name, size, limits.max_file_bytes))
        return doc
    text = _decode(doc, raw) if isinstance(raw, bytes) else None
    return doc if text is None else _parse(doc, text, limits)


def load_text(
    text: str, name: str, path: Path | None = None, *, limits: Limits = DEFAULT_LIMITS
) -> Document:
    """Read YAML ``text`` (a file's content already in memory) into a :class:`Document`."""
    return _parse(Document(path or Path(name), name), text, limits)


def _parse(doc: Document, text: str, limits: Limits) -> Document:
    doc.text = text
    with collector_paused():
        _Builder(doc, text, limits).run()
    return doc


def _read_text(doc: Document, limits: Limits) -> str | None:
    """Return the file's text, or ``None`` after reporting why it has none."""
    path = doc.path
    try:
        if path.is_dir():
            doc.diagnostics.append(unreadable_file.folder(doc.name))
            return None
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            doc.diagnostics.append(unreadable_file.not_regular(doc.name))
            return None
        size = status.st_size
        if size > limits.max_file_bytes:
            doc.diagnostics.append(limit_exceeded.file_size(doc.name, size, limits.max_file_bytes))
            return None
        raw = path.read_bytes()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            doc.diagnostics.append(unreadable_file.outside_link(doc.name, loops=True))
        else:
            doc.diagnostics.append(unreadable_file.unreadable(doc.name, str(exc.strerror or exc)))
        return None
    return _decode(doc, raw)


def _decode(doc: Document, raw: bytes) -> str | None:
    """Return a file's bytes as text (UTF-8, a byte order mark dropped), or report why not."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace")
        line, column = line_column(before, len(before))
        doc.diagnostics.append(not_utf8.found(doc.name, raw[exc.start], line, column))
        return None


class _Frame:
    """A mapping or sequence being built."""

    __slots__ = (
        "anchor",
        "column",
        "container",
        "height",
        "is_key",
        "key",
        "key_column",
        "key_index",
        "key_line",
        "line",
        "merge_key",
        "merges",
        "positions",
        "size",
    )

    def __init__(
        self, container: dict[str, Any] | list[Any], anchor: str | None, line: int, column: int
    ) -> None:
        self.container = container
        self.anchor = anchor
        self.line = line
        self.column = column
        self.positions: list[int] = []
        self.size = 1
        self.height = 1
        """Levels of nesting from this container down, aliased values included."""
        self.key: str | None = None
        self.key_line = 0
        self.key_column = 0
        self.merges: list[tuple[dict[str, Any], int, int]] = []
        self.merge_key = False
        """The key being placed is a plain ``<<``: a merge (a quoted one is a string)."""
        self.is_key = False
        self.key_index: dict[str, int] | None = None


_LIBYAML_DEPTH_PROBLEM = "exceeded maximum nesting depth"
"""libyaml's words when nesting passes its own limit."""


class _Stop(Exception):
    """Raised inside the builder to abandon a document after a fatal finding."""


_NO_KEY = object()


class _Builder:
    """Builds one document's data from the libyaml event stream."""

    def __init__(self, doc: Document, text: str, limits: Limits) -> None:
        self.doc = doc
        self.text = text
        self.limits = limits
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        """Each anchor's value, its weight in values and its height in levels."""
        self.alias_nodes = 0

    def run(self) -> None:
        # Imported when first needed: the C extension costs a hook run milliseconds.
        from pscatalog.yamltext.libyaml import YAMLError, parser

        try:
            documents, result = self._read(parser(self.text))
        except YAMLError as exc:
            self._found(self._syntax_problem(exc))
            return
        except _Stop:
            return
        if documents == 0:
            self._found(empty_file.found(self.doc.name))
            return
        self.doc.data = result
        self.doc.ok = True

    def _read(self, stream: Any) -> tuple[int, Any]:
        """Build the first document from the parser's events; return the documents seen and it.

        A second document is reported (Y004) and not read.
        """
        from pscatalog.yamltext.libyaml import events

        documents = 0
        result: Any = None
        handlers = {
            events.ScalarEvent: self._scalar,
            events.MappingStartEvent: self._mapping_start,
            events.SequenceStartEvent: self._sequence_start,
            events.MappingEndEvent: self._end,
            events.SequenceEndEvent: self._end,
            events.AliasEvent: self._alias,
        }
        while True:
            event = stream.get_event()
            kind = type(event)
            handler = handlers.get(kind)
            if handler is not None:
                done = handler(event)
                if done is not _NO_KEY:
                    result = done
            elif kind is events.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    self._found(
                        multiple_documents.found(self.doc.name, mark.line + 1, mark.column + 1)
                    )
                    return documents, result
            elif kind is events.StreamEndEvent or event is None:
                return documents, result

    def _syntax_problem(self, exc: Exception) -> Diagnostic:
        """Return the Y001 (or Y009) of a parser's error: at the character or mark it names."""
        from pscatalog.yamltext.libyaml import MarkedYAMLError, ReaderError

        name = self.doc.name
        if isinstance(exc, ReaderError):
            line, column = _byte_offset_to_line_column(self.text, exc.position)
            character = exc.character
            code = ord(character) if isinstance(character, str) else int(character)
            return syntax_error.from_reader(name, code, line, column)
        if isinstance(exc, MarkedYAMLError):
            mark = exc.problem_mark or exc.context_mark
            if exc.problem == _LIBYAML_DEPTH_PROBLEM and mark is not None:
                return self._depth_finding(mark.index, mark.line, mark.column)
            context_mark = exc.context_mark
            return syntax_error.from_parser(
                name,
                str(exc.problem or "invalid YAML"),
                str(exc.context) if exc.context else None,
                (mark.line + 1, mark.column + 1) if mark is not None else (1, 1),
                (
                    (context_mark.line + 1, context_mark.column + 1)
                    if context_mark is not None
                    else None
                ),
                LineIndex(self.text),
            )
        return syntax_error.unreadable(name, str(exc))

    def _depth_finding(self, index: int, line: int, column: int) -> Diagnostic:
        """Return Y009 for nesting libyaml refused (past its own limit of 1,000 levels).

        libyaml scans flow brackets ahead of the events it gives, so it refuses
        ``[[[[…`` before this builder has seen the level past ``max_depth``.
        The text up to where libyaml stopped is read again: there the builder's
        own limit is met first, and the finding is where that level starts.
        """
        again = Document(self.doc.path, self.doc.name)
        _Builder(again, self.text[:index], self.limits).run()
        found = [d for d in again.diagnostics if d.code == limit_exceeded.CODE]
        if found:
            return found[0]
        return limit_exceeded.depth(self.doc.name, self.limits.max_depth, line + 1, column + 1)

    # -- event handlers: each returns the finished top-level value, or _NO_KEY

    def _place(self, value: Any, size: int, height: int, line: int, column: int) -> Any:
        """Put a finished value into the open container; return it if it is the root."""
        if not self.stack:
            self.doc.root = (line, column)
            return value
        frame = self.stack[-1]
        frame.size += size
        container = frame.container
        if type(container) is list:
            frame.height = max(frame.height, height + 1)
            container.append(value)
            frame.positions += (line, column)
            return _NO_KEY
        if frame.key is None:
            frame.key = _key_text(value)
            frame.key_line = line
            frame.key_column = column
            return _NO_KEY
        key = frame.key
        frame.key = None
        merge, frame.merge_key = frame.merge_key, False
        if key == "<<" and merge and self._is_merge(value, line, column):
            # The merged values sit in this mapping: one level up from the alias's value.
            frame.height = max(frame.height, height - 1 if isinstance(value, list) else height)
            return _NO_KEY
        frame.height = max(frame.height, height + 1)
        mapping = cast(dict[str, Any], container)
        if key in mapping:
            index = self._duplicate(frame, key)
            frame.positions[4 * index : 4 * index + 4] = [
                frame.key_line,
                frame.key_column,
                line,
                column,
            ]
        else:
            if frame.key_index is not None:
                frame.key_index[key] = len(mapping)
            frame.positions += (frame.key_line, frame.key_column, line, column)
        mapping[key] = value
        return _NO_KEY

    def _scalar(self, event: Any) -> Any:
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        if event.value == "<<" and self._at_key():
            self.stack[-1].merge_key = event.tag is None and event.style in ("", None)
        value = self._resolve(event, line, column)
        # A long string weighs more: aliases that repeat it are bounded by its size too.
        weight = 1 + len(event.value) // 100
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, weight, 0)
        return self._place(value, weight, 0, line, column)

    def _mapping_start(self, event: Any) -> Any:
        self._check_collection_tag(event, "map")
        return self._push(event, {})

    def _sequence_start(self, event: Any) -> Any:
        self._check_collection_tag(event, "seq")
        return self._push(event, [])

    def _push(self, event: Any, container: dict[str, Any] | list[Any]) -> Any:
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        if len(self.stack) >= self.limits.max_depth:
            self._found(limit_exceeded.depth(self.doc.name, self.limits.max_depth, line, column))
            raise _Stop
        frame = _Frame(container, event.anchor, line, column)
        if self.stack:
            parent = self.stack[-1]
            frame.is_key = type(parent.container) is dict and parent.key is None
        self.stack.append(frame)
        return _NO_KEY

    def _end(self, event: Any) -> Any:
        frame = self.stack.pop()
        container = frame.container
        if frame.merges and type(container) is dict:
            self._apply_merges(frame, container)
        self.doc._index[id(container)] = len(self.doc._flat)
        self.doc._flat.extend(frame.positions)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (container, frame.size, frame.height)
        if frame.is_key:
            self._found(syntax_error.key_not_scalar(self.doc.name, frame.line, frame.column))
            raise _Stop
        return self._place(container, frame.size, frame.height, frame.line, frame.column)

    def _alias(self, event: Any) -> Any:
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        name = event.anchor
        if name not in self.anchors:
            inside = any(frame.anchor == name for frame in self.stack)
            self._found(syntax_error.alias_problem(self.doc.name, name, inside, line, column))
            raise _Stop
        value, size, height = self.anchors[name]
        parent = self.stack[-1] if self.stack else None
        if (
            parent is not None
            and type(parent.container) is dict
            and parent.key is None
            and isinstance(value, (dict, list))
        ):
            self._found(syntax_error.key_not_scalar(self.doc.name, line, column))
            raise _Stop
        self.alias_nodes += size
        if self.alias_nodes > self.limits.max_alias_nodes:
            limit = self.limits.max_alias_nodes
            self._found(limit_exceeded.aliases(self.doc.name, limit, line, column))
            raise _Stop
        if self._alias_depth() + height > self.limits.max_depth:
            limit = self.limits.max_depth
            self._found(limit_exceeded.alias_depth(self.doc.name, name, limit, line, column))
            raise _Stop
        return self._place(value, size, height, line, column)

    def _alias_depth(self) -> int:
        """Return the depth of the container an alias's value goes into, merges included.

        An alias under a merge key ``<<`` (alone or in its list) puts its
        mapping's values into the mapping that holds the key.
        """
        stack = self.stack
        depth = len(stack)
        if depth and type(stack[-1].container) is dict and stack[-1].key == "<<":
            return depth - 1
        if (
            depth > 1
            and type(stack[-1].container) is list
            and type(stack[-2].container) is dict
            and stack[-2].key == "<<"
        ):
            return depth - 2
        return depth

    # -- helpers

    def _resolve(self, event: Any, line: int, column: int) -> Any:
        value: str = event.value
        tag: str | None = event.tag
        plain = event.style in ("", None)
        if tag is None and plain:
            return self._resolve_plain(value, line, column)
        resolved, problem = resolve_scalar(value, tag, plain)
        if problem == "invalid":
            short = (tag or "")[len(CORE) :]
            self._found(syntax_error.invalid_tagged(self.doc.name, value, short, line, column))
        elif problem == "disallowed":
            self._disallowed_tag(tag or "", line, column)
        return resolved

    def _resolve_plain(self, value: str, line: int, column: int) -> Any:
        resolved = resolve_plain(value)
        if isinstance(resolved, str):
            if value == "<<" and self._at_key():
                return resolved  # a merge key, read as one by every reader
            reading = yaml11_reading(value)
            if reading is not None:
                self._yaml11(value, reading, line, column)
        elif isinstance(resolved, int | float) and not isinstance(resolved, bool):
            reading = yaml11_number_reading(value)
            if reading is not None:
                hint = f"write it as {number_text(resolved)} (or quote it if it is text)"
                self._yaml11(value, reading, line, column, hint=hint)
        return resolved

    def _at_key(self) -> bool:
        """Whether the next value placed is a mapping key."""
        if not self.stack:
            return False
        frame = self.stack[-1]
        return type(frame.container) is dict and frame.key is None

    def _yaml11(
        self, value: str, reading: str, line: int, column: int, *, hint: str | None = None
    ) -> None:
        self._found(yaml11_reading_code.found(self.doc.name, value, reading, line, column, hint))

    def _found(self, diagnostic: Diagnostic) -> None:
        self.doc.diagnostics.append(diagnostic)

    def _check_collection_tag(self, event: Any, kind: str) -> None:
        tag = event.tag
        if tag is not None and tag != "!" and tag != CORE + kind:
            mark = event.start_mark
            self._disallowed_tag(tag, mark.line + 1, mark.column + 1)

    def _disallowed_tag(self, tag: str, line: int, column: int) -> None:
        self._found(disallowed_tag.found(self.doc.name, tag, line, column))

    def _duplicate(self, frame: _Frame, key: str) -> int:
        """Report a repeated key; return the position of its first occurrence."""
        if frame.key_index is None:  # built on the first repeat: most mappings have none
            frame.key_index = {name: i for i, name in enumerate(frame.container)}
        index = frame.key_index[key]
        first = (frame.positions[4 * index], frame.positions[4 * index + 1])
        name = self.doc.name
        self._found(duplicate_key.found(name, key, frame.key_line, frame.key_column, first))
        return index

    def _is_merge(self, value: Any, line: int, column: int) -> bool:
        """Record a ``<<`` merge; return whether it was one."""
        frame = self.stack[-1]
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(source, dict) for source in sources):
            self._found(syntax_error.bad_merge(self.doc.name, line, column))
            return True
        self._check_override(frame, sources, frame.key_line, frame.key_column)
        frame.merges.extend((source, line, column) for source in sources)
        return True

    def _check_override(
        self, frame: _Frame, sources: list[dict[str, Any]], line: int, column: int
    ) -> None:
        """Report a key a merge brings in that the mapping (or another merge) already set.

        Readers disagree there: YAML 1.2 and PyYAML keep the key written in the
        mapping (or the first merge's), Ruby keeps whatever comes last.
        """
        mapping = cast(dict[str, Any], frame.container)
        index = {name: i for i, name in enumerate(mapping)}
        merged: dict[str, tuple[int, int]] = {
            key: (merge_line, merge_column)
            for source, merge_line, merge_column in frame.merges
            for key in source
        }
        for source in sources:
            for key in source:
                by_merge = key not in index
                if not by_merge:
                    first = frame.positions[4 * index[key]], frame.positions[4 * index[key] + 1]
                elif key in merged:
                    first = merged[key]
                else:
                    merged[key] = (line, column)
                    continue
                name = self.doc.name
                self._found(merge_override.found(name, key, line, column, first, by_merge=by_merge))
                return

    def _apply_merges(self, frame: _Frame, container: dict[str, Any]) -> None:
        flat = self.doc._flat
        index = self.doc._index
        for source, line, column in frame.merges:
            offset = index.get(id(source))
            for position, (key, value) in enumerate(source.items()):
                if key in container:
                    continue
                container[key] = value
                if offset is None:
                    frame.positions += (line, column, line, column)
                else:
                    base = offset + 4 * position
                    frame.positions += flat[base : base + 4].tolist()


def _key_text(value: Any) -> str:
    """Return a mapping key as the string JSON needs."""
    if isinstance(value, str):
        return value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _byte_offset_to_line_column(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column (in characters) of a UTF-8 byte offset."""
    before = text.encode("utf-8")[:offset].decode("utf-8", "ignore")
    return line_column(before, len(before))
