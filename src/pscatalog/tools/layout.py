"""The canonical layout of a catalog file, written from its tree.

Canonical means: keys in the order of the schema's ``properties`` (unknown
keys last, in their order); block style everywhere; two-space mapping indent,
sequences indented under their key (``  - ``); scalars plain where YAML 1.2
and YAML 1.1 read them alike, double-quoted otherwise
(:mod:`pscatalog.yamltext.quoting`); no wrapping; exactly one blank line
between the items of the top-level list (levels, offerings) and none
elsewhere; end-of-line comments two spaces after the value.

A comment belongs to the key or item it is written on or above, and moves
with it when keys are reordered. Comments above the first key stay first (the
``# yaml-language-server`` modeline among them); a ``---`` that starts the
document is kept. Literal and folded block scalars keep their lines. A flow
collection on a line whose end-of-line comment must stay with it (a
suppression) stays a flow collection on that line; a list item whose first
line carries a suppression keeps its first key first; a plain value whose
YAML 1.1 warning is suppressed is written as it was. The text is written here
rather than by ruamel's emitter: its round-trip model hangs a comment on the
value *before* it and writes it back at its old column, which is neither
"moves with its key" nor "two spaces after the value".
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from pscatalog.yamltext.memory import collector_paused
from pscatalog.yamltext.quoting import (
    MAX_IMPLICIT_KEY,
    MERGE_KEY_STRING,
    scalar_text,
    string_text,
)
from pscatalog.yamltext.scalars import number_kept_as_text, reads_alike
from pscatalog.yamltext.tree import (
    BLOCK_HEADER,
    BLOCK_STYLES,
    Alias,
    Collection,
    Entry,
    Node,
    Position,
    Scalar,
    Tree,
    walk,
)


def canonical_text(
    tree: Tree,
    schema: dict[str, Any],
    spaced_key: str,
    *,
    anchored: Callable[[str], bool] = lambda text: False,
    keeps_plain: Callable[[str], bool] = lambda text: False,
) -> str:
    """Return the text of ``tree`` in the canonical layout (the tree is rearranged on the way).

    ``schema`` orders the keys; ``spaced_key`` names the top-level list whose
    items are one blank line apart; ``anchored`` selects the end-of-line
    comments that must stay on the line of their values (suppressions);
    ``keeps_plain`` selects the comments that keep a plain value on their line
    as it is written, even where YAML 1.1 reads it otherwise (a suppression of that warning:
    quoting it would leave the suppression suppressing nothing).
    """
    with collector_paused():
        return _Emitter(tree, schema, spaced_key, anchored, keeps_plain).document()


class _Emitter:
    """Writes a parsed document in the canonical layout."""

    def __init__(
        self,
        source: Tree,
        schema: dict[str, Any],
        spaced_key: str,
        anchored: Callable[[str], bool],
        keeps_plain: Callable[[str], bool],
    ) -> None:
        self.source = source
        self.anchored = anchored
        self.keeps_plain = keeps_plain
        self.schema = schema
        self.spaced_key = spaced_key
        self.out: list[str] = []
        self.keep_open = False
        """The last line written belongs to a ``|+``/``>+`` scalar: a blank line would join it."""
        self.header: list[str] = []
        self.entries: list[Entry] = []
        """Every entry of the tree, when it has comments to place."""
        self.trailing: list[str] = []

    def document(self) -> str:
        root = self.source.root
        self._position(root)
        self._attach(root)
        self._arrange(root, self.schema)
        self._anchors_first(root)
        self.out.extend(self.header)
        if self.source.directives:
            self.out.extend([*self.source.directives, "---"])
        elif self.source.explicit_start:
            self.out.append("---")
        if isinstance(root, Collection) and root.entries:
            self._entries(root, 0, self.schema, root=True)
        elif isinstance(root, Scalar) and root.style in BLOCK_STYLES and _keeps_lines(root):
            self._block_scalar("", root, "", old_parent=-1, new_parent=-1)
        else:
            self._line(self._inline(root), "")
        self.out.extend(self.trailing)
        return "\n".join(self.out) + "\n"

    # -- comments: where each belongs

    def _position(self, root: Node) -> None:
        """Set where each entry starts; comments are placed by it, block scalars indent from it.

        Without comments only block scalars need it (finding a dash costs a look
        at the lines above).
        """
        everything = bool(self.source.comments)
        collected = self.entries
        for node in walk(root):
            if not isinstance(node, Collection):
                continue
            if everything:
                collected.extend(node.entries)
            for entry in node.entries:
                value = entry.value
                block = isinstance(value, Scalar) and value.style in BLOCK_STYLES
                if not (everything or block):
                    continue
                if entry.key is not None:
                    entry.position = entry.key.start
                elif node.flow:
                    entry.position = value.start
                else:
                    entry.position = self.source.dash(value)
                if isinstance(value, Scalar):
                    value.parent = entry.position[1]

    def _attach(self, root: Node) -> None:
        if not self.source.comments:
            return
        entries = self.entries
        # Parents come before their children; a stable sort keeps that order among
        # entries that start at the same place (an item and its first key).
        entries.sort(key=lambda entry: entry.position)
        positions = [entry.position for entry in entries]
        by_line, ends = self._on_commented_lines()
        for comment in self.source.comments:
            place = (comment.line, comment.column)
            if comment.own_line:
                self._attach_own_line(comment.text, place, positions)
                continue
            owner = _eol_owner(by_line.get(comment.line, []), ends.get(comment.line, []), place)
            if owner is not None:
                owner.eol.append(comment.text)
                continue
            index = bisect.bisect_left(positions, place)
            if index == 0:
                self.header.append(comment.text)
            else:
                entries[index - 1].eol.append(comment.text)

    def _on_commented_lines(self) -> tuple[dict[int, list[Entry]], dict[int, list[Entry]]]:
        """Return the entries that start, and those that end, on a line with a comment after it."""
        commented = {comment.line for comment in self.source.comments if not comment.own_line}
        by_line: dict[int, list[Entry]] = {}
        ends: dict[int, list[Entry]] = {}
        for entry in self.entries:
            if entry.position[0] in commented:
                by_line.setdefault(entry.position[0], []).append(entry)
            if entry.value.end[0] in commented and _ends_in_place(entry.value):
                ends.setdefault(entry.value.end[0], []).append(entry)
        return by_line, ends

    def _attach_own_line(self, text: str, place: Position, positions: list[Position]) -> None:
        """Give a comment on its own line to the entry after it (the header or the end else)."""
        if not positions or place < positions[0]:
            self.header.append(text)
            return
        index = bisect.bisect_right(positions, place)
        if index < len(self.entries):
            self.entries[index].before.append(text)
        else:
            self.trailing.append(text)

    def _arrange(
        self, node: Node, schema: dict[str, Any] | None, *, first_pinned: bool = False
    ) -> None:
        """Order keys as the schema does; gather the comments of each output line.

        ``first_pinned`` keeps a mapping's first key first: the mapping is a list
        item whose first line carries a suppression, and that line must keep
        what the suppression is about.
        """
        if not isinstance(node, Collection):
            return
        if node.is_map:
            rank = _rank(schema, self.schema)
            last = len(rank)

            def sort_key(item: tuple[int, Entry]) -> tuple[int, int]:
                index, entry = item
                if entry.key is not None and _merge_key(entry.key):
                    return (-1, index)  # merges first: keys written after them win everywhere
                if first_pinned and index == 0:
                    return (-1, index)
                name = _key_name(entry)
                return (rank.get(name, last) if name is not None else last, index)

            node.entries = [entry for _, entry in sorted(enumerate(node.entries), key=sort_key)]
        for entry in node.entries:
            child = _child_schema(schema, self.schema, entry)
            self._arrange(entry.value, child, first_pinned=self._item_line_anchored(entry))
            if entry.key is None and _inline_collection(entry.value):
                # The first key of a mapping in a list is written on the item's line:
                # its comments are the item's.
                assert isinstance(entry.value, Collection)
                first = entry.value.entries[0]
                entry.before += first.before
                entry.eol += first.eol
                first.before, first.eol = [], []
            if len(entry.eol) > 1:
                # One comment fits at the end of a line; the others go just above it.
                entry.before += entry.eol[1:]
                del entry.eol[1:]

    def _item_line_anchored(self, entry: Entry) -> bool:
        """Whether a list item is a block mapping whose first line has a suppression."""
        value = entry.value
        if entry.key is not None or not _inline_collection(value):
            return False
        assert isinstance(value, Collection)
        if not value.is_map or value.flow:
            return False
        comments = [*entry.before, *entry.eol, *value.entries[0].eol]
        return any(self.anchored(text) for text in comments)

    def _anchors_first(self, root: Node) -> None:
        """Swap an anchored value with its first alias when reordering put the alias first.

        Both stand for the same value, so the data is unchanged; an anchor name
        defined twice is left alone (the check after formatting then refuses).
        """
        if "&" not in self.source.text:
            return
        holders: dict[str, list[Entry]] = {}
        for node in walk(root):
            if isinstance(node, Collection):
                for entry in node.entries:
                    anchor = getattr(entry.value, "anchor", None)
                    if anchor is not None:
                        holders.setdefault(anchor, []).append(entry)
        if not holders:
            return
        self._visit_anchors(root, holders, set())

    def _visit_anchors(self, node: Node, holders: dict[str, list[Entry]], seen: set[str]) -> None:
        """Walk in the order of the output, swapping where an alias comes first."""
        anchor = getattr(node, "anchor", None)
        if anchor is not None:
            seen.add(anchor)
        if not isinstance(node, Collection):
            return
        for entry in node.entries:
            if entry.key is not None:
                self._visit_anchors(entry.key, holders, seen)
            value = entry.value
            if isinstance(value, Alias) and value.name not in seen:
                defined = holders.get(value.name, [])
                if len(defined) == 1:
                    holder = defined[0]
                    entry.value, holder.value = holder.value, value
            self._visit_anchors(entry.value, holders, seen)

    # -- layout

    def _entries(
        self,
        node: Collection,
        indent: int,
        schema: dict[str, Any] | None,
        *,
        spaced: bool = False,
        root: bool = False,
        first_head: str | None = None,
        first_eol: str = "",
        first_before: tuple[str, ...] = (),
    ) -> None:
        """Write the entries of a block mapping (keys at ``indent``) or sequence (dashes there)."""
        for index, entry in enumerate(node.entries):
            inline = index == 0 and first_head is not None
            if spaced and index > 0 and not self.keep_open:
                self.out.append("")
            if not inline:
                self.out.extend(" " * indent + text for text in entry.before)
            lead = first_head if inline and first_head is not None else " " * indent
            eol = first_eol if inline else (entry.eol[0] if entry.eol else "")
            above = first_before if inline else tuple(entry.before)
            child = _child_schema(schema, self.schema, entry)
            head = lead + "-" if entry.key is None else self._key_head(lead, entry.key, indent)
            spaced_child = root and node.is_map and _key_name(entry) == self.spaced_key
            self._value(head, entry, eol, above, indent, child, spaced=spaced_child)

    def _value(
        self,
        head: str,
        entry: Entry,
        eol: str,
        above: tuple[str, ...],
        indent: int,
        schema: dict[str, Any] | None,
        *,
        spaced: bool,
    ) -> None:
        """Write ``head`` (``key:`` or ``-``, at ``indent``) and the entry's value after it."""
        node = entry.value
        if isinstance(node, Scalar) and node.style in BLOCK_STYLES and _keeps_lines(node):
            self._block_scalar(head + " ", node, eol, old_parent=node.parent, new_parent=indent)
            return
        commented = bool(eol or above)  # most values carry no comment: nothing to ask then
        anchored = commented and (self.anchored(eol) or any(self.anchored(text) for text in above))
        if isinstance(node, Collection) and node.flow and node.entries and anchored:
            # What the comment suppresses stands on this line: keep it there.
            self._line(f"{head} {self._flow(node)}", eol)
            return
        if isinstance(node, Collection) and node.entries:
            if entry.key is None and _inline_collection(node):
                self._entries(
                    node,
                    indent + 2,
                    schema,
                    first_head=head + " ",
                    first_eol=eol,
                    first_before=above,
                )
                return
            anchor = f" &{node.anchor}" if node.anchor else ""
            self._line(head + anchor, eol)
            self._entries(node, indent + 2, schema, spaced=spaced and not node.is_map)
            return
        if commented and _plain_scalar(node) and any(map(self.keeps_plain, (eol, *above))):
            text = self._inline(node, keep_plain=True)
        else:
            text = self._inline(node)
        self._line(f"{head} {text}" if text else head, eol)

    def _line(self, text: str, eol: str) -> None:
        self.out.append(f"{text}  {eol}" if eol else text)
        self.keep_open = False

    def _key(self, node: Node) -> str:
        if isinstance(node, Alias):
            return f"*{node.name} "
        if isinstance(node, Scalar):
            anchor = f"&{node.anchor} " if node.anchor else ""
            if _merge_key(node):
                return anchor + "<<"  # a merge key: quoted, it would be a plain string
            if node.value == "<<":
                return anchor + MERGE_KEY_STRING  # the string '<<', for every reader
            return anchor + _scalar_text(node)
        raise TypeError("a mapping key is a scalar or an alias")  # the loader refuses others

    def _key_head(self, lead: str, node: Node, indent: int) -> str:
        """Return ``key:`` after ``lead``, or write ``? key`` for a key too long to be implicit."""
        text = self._key(node)
        if len(text) < MAX_IMPLICIT_KEY:
            return lead + text + ":"
        self.out.append(lead + "? " + text)
        return " " * indent + ":"

    def _flow(self, node: Node) -> str:
        """Return a node as one line of flow style: ``[a, b]``, ``{k: v}``."""
        if isinstance(node, Alias):
            return f"*{node.name}"
        anchor = f"&{node.anchor} " if node.anchor else ""
        if isinstance(node, Scalar):
            return anchor + _scalar_text(node, flow=True)
        if node.is_map:
            pairs = []
            for entry in node.entries:
                key = entry.key
                assert key is not None
                key_text_ = "<<" if _merge_key(key) else self._flow(key)
                if not _merge_key(key) and isinstance(key, Scalar) and key.value == "<<":
                    key_text_ = MERGE_KEY_STRING
                pairs.append(f"{key_text_}: {self._flow(entry.value)}")
            return anchor + "{" + ", ".join(pairs) + "}"
        return anchor + "[" + ", ".join(self._flow(entry.value) for entry in node.entries) + "]"

    def _inline(self, node: Node, *, keep_plain: bool = False) -> str:
        """Return a value written on the line of its key: a scalar, an alias, ``{}`` or ``[]``.

        ``keep_plain`` writes a plain scalar as it was written.
        """
        if isinstance(node, Alias):
            return f"*{node.name}"
        anchor = f"&{node.anchor}" if node.anchor else ""
        if isinstance(node, Collection):
            body = "{}" if node.is_map else "[]"
        elif keep_plain:
            body = node.text
        else:
            body = _scalar_text(node)
        return f"{anchor} {body}" if anchor and body else anchor or body

    def _block_scalar(
        self, head: str, node: Scalar, eol: str, *, old_parent: int, new_parent: int
    ) -> None:
        """Write a literal or folded scalar with its own lines, two spaces in from its parent.

        ``old_parent`` and ``new_parent`` are the columns libyaml measures an
        indentation indicator from (the key's, or the item's dash; -1 at the root).
        """
        lines = self.source.lines
        first, column = node.start
        last, end = node.end
        match = BLOCK_HEADER.match(lines[first], column)
        indicator = match.group(1) if match else node.style
        body = lines[first + 1 : last + 1 if end else last]
        chomping = "+" if "+" in indicator else "-" if "-" in indicator else ""
        relative = _block_lines(body, _block_indent(indicator, body, old_parent), chomping)
        first_text = next((line for line in relative if line), "")
        needs_indicator = first_text.startswith(" ")
        header = node.style + ("2" if needs_indicator else "") + chomping
        anchor = f"&{node.anchor} " if node.anchor else ""
        self._line(f"{head}{anchor}{header}", eol)
        indent = " " * (max(new_parent, 0) + 2)
        self.out.extend(indent + line if line else "" for line in relative)
        self.keep_open = chomping == "+"


def _block_indent(indicator: str, body: list[str], parent: int) -> int:
    """Return the indentation of a block scalar's lines, as written.

    An indentation indicator counts from ``parent`` (-1 at the root); without
    one, the first line that is not only spaces sets it.
    """
    digits = [character for character in indicator if character.isdigit()]
    if digits:
        return max(parent, 0) + int(digits[0])
    return next((len(line) - len(line.lstrip(" ")) for line in body if line.strip(" ")), 0)


def _block_lines(body: list[str], indent: int, chomping: str) -> list[str]:
    """Return a block scalar's lines without their indentation.

    Lines of spaces no longer than the indentation are empty lines of the
    value; everything else keeps what lies right of the indentation. Empty
    lines at the end go, unless the scalar keeps them (``+``).
    """
    relative = [
        "" if len(line) <= indent and not line.strip(" ") else line[indent:] for line in body
    ]
    if chomping != "+":
        while relative and not relative[-1]:
            relative.pop()
    return relative


def _scalar_text(node: Scalar, *, flow: bool = False) -> str:
    """Return a (non-block) scalar as the canonical layout writes it."""
    value = node.value
    if isinstance(value, str):
        if node.tag is None and node.plain and number_kept_as_text(node.text):
            return node.text  # a number to every other reader: quoted, it would be a string
        return string_text(value, flow=flow)
    if node.tag is None and node.plain and reads_alike(node.text):
        return node.text
    return scalar_text(value)


def _plain_scalar(node: Node) -> bool:
    """Whether a node is a one-line plain scalar without a tag, written as it was."""
    return (
        isinstance(node, Scalar)
        and node.plain
        and node.tag is None
        and node.start[0] == node.end[0]
    )


def _keeps_lines(node: Scalar) -> bool:
    """Whether a block scalar's value survives being written with line feeds.

    libyaml keeps a line or paragraph separator that ends a line inside a block
    scalar as part of the value; written with line feeds, it would be lost. Such
    a value is written double-quoted instead, its separators escaped.
    """
    return "\u2028" not in node.text and "\u2029" not in node.text


def _merge_key(node: Node) -> bool:
    return isinstance(node, Scalar) and node.plain and node.tag is None and node.text == "<<"


def _eol_owner(starting: list[Entry], ending: list[Entry], place: Position) -> Entry | None:
    """Return the entry an end-of-line comment at ``place`` follows.

    That is the entry whose value ends last on the line before the comment (the
    outermost on a tie: ``stages: [a, b]  # c`` is about ``stages``); else, on a
    ``key:`` line whose value starts below, the innermost entry that starts on it.
    """
    column = place[1]
    ended = [entry for entry in ending if entry.value.end[1] <= column]
    if ended:
        last = max(entry.value.end[1] for entry in ended)
        return next(entry for entry in ended if entry.value.end[1] == last)
    started = [entry for entry in starting if entry.position < place]
    return started[-1] if started else None


def _ends_in_place(node: Node) -> bool:
    """Whether a node's end mark is where its text ends (block nodes end at the next token)."""
    if isinstance(node, Collection):
        return node.flow
    return not (isinstance(node, Scalar) and node.style in ("|", ">"))


def _inline_collection(node: Node) -> bool:
    """Whether a collection that is a list item starts on the item's line (``- key: …``)."""
    return isinstance(node, Collection) and bool(node.entries) and node.anchor is None


def _key_name(entry: Entry) -> str | None:
    key = entry.key
    if isinstance(key, Scalar):
        value = key.value
        return value if isinstance(value, str) else None
    return None


def _resolved(schema: dict[str, Any] | None, root: dict[str, Any]) -> dict[str, Any] | None:
    """Follow local ``$ref``s to the schema that says what a value holds."""
    seen = 0
    while schema is not None and "$ref" in schema and seen < 32:
        if "properties" in schema or "items" in schema:
            return schema
        reference = schema["$ref"]
        if not isinstance(reference, str) or not reference.startswith("#/"):
            return None
        target: Any = root
        for part in reference[2:].split("/"):
            target = target.get(part) if isinstance(target, dict) else None
        schema = target if isinstance(target, dict) else None
        seen += 1
    return schema


def _properties(schema: dict[str, Any] | None, root: dict[str, Any]) -> dict[str, Any]:
    resolved = _resolved(schema, root)
    properties = resolved.get("properties") if resolved else None
    return properties if isinstance(properties, dict) else {}


_RANKS: dict[int, dict[str, int]] = {}
_CHILDREN: dict[tuple[int, str | None], dict[str, Any] | None] = {}
# Both keyed by the id() of a part of a packaged schema: those are loaded once and kept
# for the life of the process, so an id always names the same part.


def _rank(schema: dict[str, Any] | None, root: dict[str, Any]) -> dict[str, int]:
    """Return the position of each property of ``schema``, in the schema's order."""
    found = _RANKS.get(id(schema))
    if found is None:
        found = _RANKS[id(schema)] = {
            name: index for index, name in enumerate(_properties(schema, root))
        }
    return found


def _child_schema(
    schema: dict[str, Any] | None, root: dict[str, Any], entry: Entry
) -> dict[str, Any] | None:
    name = None if entry.key is None else (_key_name(entry) or "")
    key = (id(schema), name)
    if key not in _CHILDREN:
        _CHILDREN[key] = _find_child_schema(schema, root, entry)
    return _CHILDREN[key]


def _find_child_schema(
    schema: dict[str, Any] | None, root: dict[str, Any], entry: Entry
) -> dict[str, Any] | None:
    resolved = _resolved(schema, root)
    if resolved is None:
        return None
    if entry.key is None:
        items = resolved.get("items")
        return items if isinstance(items, dict) else None
    name = _key_name(entry)
    child = _properties(resolved, root).get(name) if name is not None else None
    return child if isinstance(child, dict) else None
