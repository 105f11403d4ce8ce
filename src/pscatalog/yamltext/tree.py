"""A YAML text as a tree of nodes, each where it stands, with the text's comments.

:func:`parse` reads a text with the loader's parser
(:mod:`pscatalog.yamltext.libyaml`) and keeps, for every scalar, alias, mapping and
sequence, where it starts and ends: 0-based line and column, and the offset
in characters, as libyaml's marks give them. Comments are found by position:
a ``#`` that starts a line or follows white space, outside every scalar (a
``#`` inside a quoted string, a block scalar or a URL is text). The
formatter lays a tree out anew; fixes replace exactly the characters of the
node they change; suppressions are read from the comments; the writer's
checks compare the comments and the readings of two texts.

The text must be one readable YAML document (the loader says whether it is);
:func:`parse` raises :class:`TreeError` otherwise.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pscatalog.yamltext.lines import LINE_BREAK
from pscatalog.yamltext.memory import collector_paused
from pscatalog.yamltext.scalars import reads_alike, resolve_scalar

Position = tuple[int, int]
"""A 0-based line and column, as libyaml marks them."""
PathPart = str | int
"""One step of a path into a document: a mapping key or a list index."""

BLOCK_STYLES = frozenset({"|", ">"})
"""The styles of literal and folded block scalars."""
BLOCK_HEADER = re.compile(r"(?:(?:![^ \t]*|&[^ \t]+)[ \t]+)*([|>][-+0-9]*)")
"""A block scalar's header after its tag and anchor: ``|``, ``>-``, ``|2+``..."""
_WHOLE_LINE = 1 << 30
_UNRESOLVED: Any = object()
MAX_DEPTH = 256
"""Deeper nesting is refused, as the loader refuses it by default (``max-depth``)."""


class TreeError(ValueError):
    """The text is not one readable YAML document."""


@dataclass(eq=False, slots=True)
class Scalar:
    """A scalar as written: its text (after escapes and folding), style, tag and anchor."""

    start: Position
    end: Position
    start_index: int
    end_index: int
    text: str
    style: str
    """``""`` plain, ``'`` or ``"`` quoted, ``|`` literal, ``>`` folded."""
    tag: str | None
    anchor: str | None
    parent: int = -1
    """The column a block scalar's indentation indicator counts from (set by the formatter)."""
    resolved: Any = _UNRESOLVED

    @property
    def value(self) -> Any:
        """The value YAML 1.2 reads (the loader's rules, tag by tag)."""
        if self.resolved is _UNRESOLVED:
            self.resolved = resolve_scalar(self.text, self.tag, self.style == "")[0]
        return self.resolved

    @property
    def plain(self) -> bool:
        """Whether the scalar is written without quotes or a block indicator."""
        return self.style == ""


@dataclass(eq=False, slots=True)
class Alias:
    """A ``*name`` that stands for the node anchored ``&name`` before it."""

    start: Position
    end: Position
    start_index: int
    end_index: int
    name: str


@dataclass(eq=False, slots=True)
class Collection:
    """A mapping or a sequence, block or flow, with its entries in order."""

    start: Position
    end: Position
    start_index: int
    end_index: int
    anchor: str | None
    is_map: bool
    flow: bool
    tag: str | None = None
    entries: list[Entry] = field(default_factory=list)


Node = Scalar | Alias | Collection


@dataclass(eq=False, slots=True)
class Entry:
    """A key and its value in a mapping, or an item of a sequence (no key).

    ``position`` is where the entry starts: its key, or its dash in a block
    sequence. ``before`` and ``eol`` are the comments the formatter attaches
    to it.
    """

    key: Node | None
    value: Node
    position: Position = (0, 0)
    before: list[str] = field(default_factory=list)
    eol: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment: where its ``#`` stands (0-based), its text, and whether it has its line."""

    line: int
    column: int
    text: str
    own_line: bool


class Tree:
    """A parsed text: its lines, its root node, its comments and directives."""

    def __init__(self, text: str, *, max_depth: int = MAX_DEPTH) -> None:
        self.text = text
        self.max_depth = max_depth
        self.lines = LINE_BREAK.split(text)
        """The text's lines as libyaml counts them (a final break leaves an empty last line)."""
        self.directives: list[str] = []
        """``%YAML`` and ``%TAG`` lines, when the document has them."""
        self.explicit_start = False
        """Whether the document starts with ``---``."""
        self._marked = {number for number, line in enumerate(self.lines) if "#" in line}
        """The lines with a '#': only they can hold a comment."""
        self._hiding: list[Scalar] = []
        """Scalars on lines with a '#', which may be text rather than a comment."""
        self.root: Node = self._parse(text)
        self.comments: list[Comment] = self._find_comments()
        self._scalar_starts: dict[Position, Scalar] | None = None
        """Each scalar by where it starts, built when first asked for."""
        self._comment_columns = {comment.line: comment.column for comment in self.comments}
        self._anchors: dict[str, Node] | None = None
        self._flow_nodes: set[int] | None = None
        self._alias_names: set[str] | None = None

    # -- parsing

    def _parse(self, text: str) -> Node:
        from pscatalog.yamltext.libyaml import YAMLError, parser  # as the loader reads it

        builder = _Builder(self)
        events = parser(text)
        try:
            while builder.take(events.get_event()):
                pass
        except YAMLError as exc:
            raise TreeError(f"not readable YAML: {exc}") from None
        finally:
            # Its handlers are its own bound methods: a cycle, which the paused
            # collector would never free (and with it, this tree).
            builder.handlers.clear()
        if builder.root is None:
            raise TreeError("the text holds no YAML document")
        return builder.root

    def _directive_lines(self) -> list[str]:
        lines = []
        for line in self.lines:
            stripped = line.strip()
            if stripped.startswith("---"):
                break
            if stripped.startswith("%"):
                lines.append(stripped.split(" #")[0].rstrip())
        return lines

    # -- comments

    def _find_comments(self) -> list[Comment]:
        marked = self._marked
        if not marked:
            return []
        occupied: dict[int, list[tuple[int, int]]] = {}
        for node in self._hiding:
            self._occupy(occupied, node)
        comments = []
        for number in sorted(marked):
            line = self.lines[number]
            start = line.find("#")
            spans = occupied.get(number, ())
            while start >= 0:
                free = start == 0 or line[start - 1] in " \t"
                if free and not any(low <= start < high for low, high in spans):
                    text = line[start:].rstrip()
                    comments.append(Comment(number, start, text, not line[:start].strip()))
                    break
                start = line.find("#", start + 1)
        return comments

    def _occupy(self, occupied: dict[int, list[tuple[int, int]]], node: Scalar) -> None:
        (first, column), (last, end) = node.start, node.end
        if node.style in BLOCK_STYLES:
            header = BLOCK_HEADER.match(self.lines[first], column)
            occupied.setdefault(first, []).append((column, header.end() if header else column + 1))
            for number in range(first + 1, last + 1 if end else last):
                occupied.setdefault(number, []).append((0, _WHOLE_LINE))
            return
        if first == last:
            occupied.setdefault(first, []).append((column, end))
            return
        occupied.setdefault(first, []).append((column, _WHOLE_LINE))
        for number in range(first + 1, last):
            occupied.setdefault(number, []).append((0, _WHOLE_LINE))
        occupied.setdefault(last, []).append((0, end))

    def comment_texts(self) -> list[str]:
        """Every comment of the text, in order."""
        return [comment.text for comment in self.comments]

    # -- places

    def dash(self, value: Node) -> Position:
        """Return where the ``-`` of a block sequence item stands, found from its value."""
        line, column = value.start
        before = self.lines[line][:column].rstrip(" \t")
        if before:
            return (line, len(before) - 1) if _ends_with_dash(before) else value.start
        comment_columns = self._comment_columns
        for number in range(line - 1, -1, -1):
            text = self.lines[number][: comment_columns.get(number, _WHOLE_LINE)].rstrip(" \t")
            if text:
                return (number, len(text) - 1) if _ends_with_dash(text) else value.start
        return value.start

    @property
    def anchors(self) -> dict[str, Node]:
        """The node each anchor names (the last definition of a name wins, as for aliases)."""
        if self._anchors is None:
            self._anchors = {}
            for node in walk(self.root):
                anchor = getattr(node, "anchor", None)
                if anchor is not None:
                    self._anchors[anchor] = node
        return self._anchors

    def resolve_alias(self, node: Node) -> Node:
        """Return the node an alias stands for (a node that is not an alias itself)."""
        seen = 0
        while isinstance(node, Alias) and seen < 64:
            target = self.anchors.get(node.name)
            if target is None:
                break
            node = target
            seen += 1
        return node

    def locate(self, parts: Sequence[PathPart]) -> tuple[Entry | None, Node | None, bool]:
        """Return the entry and node at a data path, and whether the path crosses an alias.

        Keys are matched by the value YAML 1.2 reads; a key a merge (``<<``)
        brings in is found in the merged mapping. A node reached through an
        alias or a merge, or inside a node an alias elsewhere names, is shared
        with another place: changing it changes both, so callers that edit
        refuse it. ``(None, None, False)`` when the path does not exist.
        """
        node: Node = self.root
        entry: Entry | None = None
        shared = self._aliased(node)
        for part in parts:
            if isinstance(node, Alias):
                node, shared = self.resolve_alias(node), True
            if not isinstance(node, Collection):
                return None, None, shared
            found = self._step(node, part)
            if found is None:
                return None, None, shared
            entry, crossed = found
            shared = shared or crossed or self._aliased(entry.value)
            node = entry.value
        if isinstance(node, Alias):
            node, shared = self.resolve_alias(node), True
        return entry, node, shared

    def _aliased(self, node: Node) -> bool:
        """Whether an alias elsewhere stands for ``node`` (it carries an anchor one names)."""
        anchor = getattr(node, "anchor", None)
        if anchor is None:
            return False
        if self._alias_names is None:
            self._alias_names = {
                found.name for found in walk(self.root) if isinstance(found, Alias)
            }
        return anchor in self._alias_names

    def _step(self, node: Collection, part: PathPart) -> tuple[Entry, bool] | None:
        if not node.is_map:
            if isinstance(part, int) and 0 <= part < len(node.entries):
                return node.entries[part], False
            return None
        merges: list[Node] = []
        for entry in node.entries:
            key = entry.key
            if isinstance(key, Scalar) and key.plain and key.text == "<<":
                merges.append(entry.value)
            elif isinstance(key, Scalar) and _key_matches(key, part):
                return entry, False
        for source in merges:
            for mapping in self._merge_sources(source):
                found = self._step(mapping, part)
                if found is not None:
                    return found[0], True
        return None

    def _merge_sources(self, node: Node) -> Iterator[Collection]:
        node = self.resolve_alias(node)
        if isinstance(node, Collection) and node.is_map:
            yield node
        elif isinstance(node, Collection):
            for entry in node.entries:
                target = self.resolve_alias(entry.value)
                if isinstance(target, Collection) and target.is_map:
                    yield target

    def in_flow(self, node: Node) -> bool:
        """Whether ``node`` stands inside a flow collection (where ``,[]{}`` end a scalar)."""
        if self._flow_nodes is None:
            inside: set[int] = set()
            for collection in walk(self.root):
                if isinstance(collection, Collection) and collection.flow:
                    for child in walk(collection):
                        if child is not collection:
                            inside.add(id(child))
            self._flow_nodes = inside
        return id(node) in self._flow_nodes

    def scalar_at(self, line: int, column: int) -> Scalar | None:
        """Return the scalar that starts at a 1-based line and column, if one does."""
        if self._scalar_starts is None:
            # One walk for every question: a file with many findings asks once per finding.
            self._scalar_starts = {}
            for node in walk(self.root):
                if isinstance(node, Scalar):
                    self._scalar_starts.setdefault(node.start, node)
        return self._scalar_starts.get((line - 1, column - 1))

    def divergent_paths(self) -> set[tuple[Any, ...]]:
        """Return the data paths of scalars that some YAML 1.1 reader reads differently.

        Paths are those of :func:`data_paths`. A scalar counts when it is plain
        and does not read alike in YAML 1.2 and 1.1, or is tagged as a number
        whose text does not. Each node is visited where it is written (not
        again through aliases).
        """
        return {
            path
            for node, path in data_paths(self.root)
            if isinstance(node, Scalar) and _diverges(node)
        }


def data_paths(root: Node) -> Iterator[tuple[Node, tuple[Any, ...]]]:
    """Yield every key and value under ``root`` with its path in the data.

    A value's path is the keys and items that lead to it; a key's path is its
    mapping's path, the key, and :data:`KEY`. A list item that is a mapping
    with an ``id`` no other item of its list has is named ``("id", value)``,
    not by its place: inserting an item before it (a fix adding a missing
    variant) leaves its path, and what a check says about it, unchanged.
    """
    stack: list[tuple[Node, tuple[Any, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        yield node, path
        if not isinstance(node, Collection):
            continue
        if not node.is_map:
            names = _item_names(node)
            stack.extend((entry.value, (*path, names[i])) for i, entry in enumerate(node.entries))
            continue
        for entry in node.entries:
            key = entry.key
            name = key.value if isinstance(key, Scalar) else None
            if key is not None:
                yield key, (*path, name, KEY)
            stack.append((entry.value, (*path, name)))


def _item_names(node: Collection) -> list[Any]:
    """Return how each item of a list is named in a path: its unique ``id``, else its index."""
    names: list[Any] = []
    for index, entry in enumerate(node.entries):
        value = entry.value
        name: Any = index
        if isinstance(value, Collection) and value.is_map:
            for item in value.entries:
                key = item.key
                if isinstance(key, Scalar) and key.value == "id" and isinstance(item.value, Scalar):
                    name = ("id", item.value.value)
                    break
        names.append(name)
    counts = Counter(name for name in names if isinstance(name, tuple))
    return [
        name if not isinstance(name, tuple) or counts[name] == 1 else index
        for index, name in enumerate(names)
    ]


KEY = "\x00key"
"""The last step of a key's path in :func:`data_paths`."""


def _diverges(node: Scalar) -> bool:
    if node.plain and node.tag is None:
        return bool(node.text) and not reads_alike(node.text)
    if node.tag is not None and node.tag.endswith((":int", ":float")):
        return not reads_alike(node.text)
    return False


class _Builder:
    """Builds a tree's nodes from the libyaml event stream, one event at a time."""

    def __init__(self, tree: Tree) -> None:
        from pscatalog.yamltext.libyaml import events

        self.tree = tree
        self.stack: list[tuple[Collection, list[Node]]] = []
        self.root: Node | None = None
        self.handlers: dict[type, Any] = {
            events.ScalarEvent: self._scalar,
            events.AliasEvent: self._alias,
            events.MappingStartEvent: self._start,
            events.SequenceStartEvent: self._start,
            events.MappingEndEvent: self._end,
            events.SequenceEndEvent: self._end,
            events.DocumentStartEvent: self._document,
        }
        self.stream_end = events.StreamEndEvent

    def take(self, event: Any) -> bool:
        """Take one event; return whether more may follow."""
        if event is None or type(event) is self.stream_end:
            return False
        handler = self.handlers.get(type(event))
        if handler is not None:
            node = handler(event)
            if node is not None:
                self._place(node)
        return True

    def _place(self, node: Node) -> None:
        if self.stack:
            self.stack[-1][1].append(node)
        elif self.root is None:
            self.root = node

    def _scalar(self, event: Any) -> Node:
        start, end = event.start_mark, event.end_mark
        node = Scalar(
            (start.line, start.column),
            (end.line, end.column),
            start.index,
            end.index,
            event.value,
            event.style or "",
            event.tag,
            event.anchor,
        )
        marked = self.tree._marked
        if marked and (start.line in marked or end.line != start.line):
            self.tree._hiding.append(node)
        return node

    def _alias(self, event: Any) -> Node:
        start, end = event.start_mark, event.end_mark
        return Alias(
            (start.line, start.column), (end.line, end.column), start.index, end.index, event.anchor
        )

    def _start(self, event: Any) -> None:
        from pscatalog.yamltext.libyaml import events

        start, end = event.start_mark, event.end_mark
        collection = Collection(
            (start.line, start.column),
            (end.line, end.column),
            start.index,
            end.index,
            event.anchor,
            type(event) is events.MappingStartEvent,
            bool(event.flow_style),
            event.tag,
        )
        self.stack.append((collection, []))
        if len(self.stack) > self.tree.max_depth:
            raise TreeError(f"nesting is deeper than {self.tree.max_depth} levels")

    def _end(self, event: Any) -> Node:
        collection, children = self.stack.pop()
        end = event.end_mark
        collection.end = (end.line, end.column)
        collection.end_index = end.index
        if collection.is_map:
            if any(isinstance(key, Collection) for key in children[::2]):
                # As the loader: a catalog's keys are scalars; nothing below expects others.
                raise TreeError("a mapping key must be a plain string, not a mapping or a list")
            pairs = zip(children[::2], children[1::2], strict=True)
            collection.entries = [Entry(key, value) for key, value in pairs]
        else:
            collection.entries = [Entry(None, value) for value in children]
        return collection

    def _document(self, event: Any) -> None:
        if self.root is not None:
            raise TreeError("the text holds more than one YAML document")
        self.tree.explicit_start = bool(event.explicit)
        if event.version is not None or event.tags:
            self.tree.directives = self.tree._directive_lines()


def parse(text: str, *, max_depth: int = MAX_DEPTH) -> Tree:
    """Return the tree of ``text``; raise :class:`TreeError` if it is not one YAML document.

    Nesting deeper than ``max_depth`` is refused too: what walks the tree
    recursively (the formatter) stays within Python's limits.
    """
    with collector_paused():
        return Tree(text, max_depth=max_depth)


def walk(node: Node) -> Iterator[Node]:
    """Yield every node, parents before children, keys before values, in document order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, Collection):
            for entry in reversed(current.entries):
                stack.append(entry.value)
                if entry.key is not None:
                    stack.append(entry.key)


def _key_matches(key: Scalar, part: PathPart) -> bool:
    value = key.value
    if isinstance(value, str):
        return value == part
    # The loader names non-string keys as JSON would (true, null, 12).
    shown = (
        "null"
        if value is None
        else ("true" if value else "false")
        if isinstance(value, bool)
        else str(value)
    )
    return shown == str(part)


def _ends_with_dash(text: str) -> bool:
    return text.endswith("-") and (len(text) == 1 or text[-2] in " \t")
