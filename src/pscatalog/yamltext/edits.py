"""Edits on structure: a change replaces exactly the characters of the node it changes.

A fix never rewrites a line's text. It finds the node it changes through the
parser's positions (:mod:`pscatalog.yamltext.tree`), in flow and block style
alike, and replaces that node's characters, from its start mark to its end
mark, with text written for where the node stands (a plain scalar inside
``[...]`` cannot hold a comma). Each edit also says what it means for the
data and the comments, so that the writer can check that the new text reads
as exactly that and nothing else.

A node reached through an alias or a merge is shared with another place:
changing it would change both, so no edit is made there; nor at a node that
carries an anchor, which its aliases repeat (and whose characters start with
the anchor).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pscatalog.yamltext.emitter import list_item, yaml_text
from pscatalog.yamltext.lines import BREAK_CHARACTERS, LineIndex, dominant_break
from pscatalog.yamltext.quoting import (
    UnwritableValue,
    double_quoted,
    key_text,
    printable,
    scalar_text,
    string_text,
)
from pscatalog.yamltext.scalars import number_text
from pscatalog.yamltext.tree import BLOCK_STYLES, Collection, Node, PathPart, Scalar, Tree
from pscatalog.yamltext.verify import CommentChange

NO_COMMENT_CHANGE = CommentChange()
KEEP: Any = object()
"""As an edit's value: the data does not change (only how it is written)."""


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace the characters from ``start`` to ``end`` (offsets) with ``replacement``.

    What it means: the value at data ``path`` becomes ``value`` (:data:`KEEP`
    for no change of data), or, with ``insert``, ``value`` is inserted into
    the list at ``path`` before the index that ends it; ``comments`` says
    what it does to the comments.
    """

    start: int
    end: int
    replacement: str
    path: tuple[PathPart, ...] = ()
    value: Any = KEEP
    insert: bool = False
    comments: CommentChange = NO_COMMENT_CHANGE


class EditConflict(ValueError):
    """Two edits would change the same characters."""


def apply_edits(text: str, edits: Iterable[TextEdit]) -> str:
    """Return ``text`` with the edits made; raise :class:`EditConflict` if two overlap."""
    ordered = sorted(edits, key=lambda edit: (edit.start, edit.end))
    parts: list[str] = []
    position = 0
    for edit in ordered:
        if edit.start < position:
            raise EditConflict(f"two changes overlap at offset {edit.start}")
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def without_conflicts(edits: Iterable[TextEdit]) -> list[TextEdit]:
    """Return the edits that do not overlap one taken before them (the first wins)."""
    taken: list[TextEdit] = []
    for edit in edits:
        if any(_overlaps(edit, other) for other in taken):
            continue
        taken.append(edit)
    return taken


def _overlaps(one: TextEdit, other: TextEdit) -> bool:
    if one.start == one.end or other.start == other.end:
        return one.start == other.start and one.end == other.end
    return one.start < other.end and other.start < one.end


def intended_data(data: Any, edits: Iterable[TextEdit]) -> Any:
    """Return ``data`` as the edits mean to change it (a copy; ``data`` is left alone)."""
    result = copy.deepcopy(data)
    for edit in edits:
        if edit.value is KEEP:
            continue
        if not edit.path:
            result = edit.value
            continue
        parent = result
        for part in edit.path[:-1]:
            parent = parent[part]
        last = edit.path[-1]
        if edit.insert:
            parent.insert(last, copy.deepcopy(edit.value))
        else:
            parent[last] = copy.deepcopy(edit.value)
    return result


def comment_change(edits: Iterable[TextEdit]) -> CommentChange:
    """Return what the edits together do to the comments."""
    removed: list[str] = []
    added: list[str] = []
    for edit in edits:
        removed.extend(edit.comments.removed)
        added.extend(edit.comments.added)
    return CommentChange(tuple(removed), tuple(added))


# -- building edits


def replace_value(tree: Tree, path: Sequence[PathPart], value: Any) -> TextEdit | None:
    """Return the edit that makes the scalar at ``path`` hold ``value``.

    The new text keeps the scalar's quotes where they can hold the value,
    and is written for its place (a flow collection or a block). ``None``
    when the path is not a scalar written in place (a block scalar, a value
    shared through an alias, a merge or an anchor, a path that does not exist).
    """
    _, node, shared = tree.locate(path)
    if shared or not isinstance(node, Scalar) or node.anchor is not None:
        return None
    if node.style in BLOCK_STYLES:
        return None
    try:
        text = _scalar_like(node, value, flow=tree.in_flow(node))
    except UnwritableValue:
        return None
    start = _after_properties(tree.text, node.start_index, node.end_index)
    return TextEdit(start, node.end_index, text, tuple(path), value)


def _after_properties(text: str, start: int, end: int) -> int:
    """Return where a node's value starts, after its anchor (``&a``) and tag (``!t``), if any.

    An edit replaces the value and keeps the properties written before it.
    """
    position = start
    while position < end and text[position] in "&!":
        while position < end and text[position] not in " \t\r\n":
            position += 1
        while position < end and text[position] in " \t\r\n":
            position += 1
    return position


def _scalar_like(node: Scalar, value: Any, *, flow: bool) -> str:
    """Return ``value`` written as ``node`` is: its quotes where they fit, its anchor and tag."""
    if isinstance(value, str) and node.style == "'" and _single_quotable(value):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, str) and node.style == '"':
        return double_quoted(value)
    return scalar_text(value, flow=flow)


def _single_quotable(value: str) -> bool:
    return bool(value) and all(printable(character) for character in value)


def quote_scalar(tree: Tree, node: Scalar) -> TextEdit | None:
    """Return the edit that writes a plain scalar so every reader reads what YAML 1.2 does.

    A string is double-quoted; an integer written in a form YAML 1.1 reads
    otherwise (``0o17``) is written in decimal. The data does not change.
    ``None`` for a scalar that is not plain, or carries a tag or an anchor.
    """
    if not node.plain or node.tag is not None or node.anchor is not None:
        return None
    value = node.value
    if isinstance(value, str):
        text = double_quoted(value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        text = number_text(value)
    else:
        return None
    return TextEdit(
        _after_properties(tree.text, node.start_index, node.end_index), node.end_index, text
    )


def insert_item(
    tree: Tree, path: Sequence[PathPart], index: int, value: dict[str, Any]
) -> TextEdit | None:
    """Return the edit that inserts ``value`` into the list at ``path``, before item ``index``.

    In a block list the new item is a block of its own lines at the items'
    indentation; in a flow list it is written in flow style before the item.
    ``None`` when the list cannot take it in place (shared, anchored, empty block
    list, an item that does not start its line).
    """
    _, node, shared = tree.locate(path)
    if shared or not isinstance(node, Collection) or node.is_map or node.anchor is not None:
        return None
    where = (*tuple(path), index)
    if node.flow:
        return _insert_flow(tree, node, index, value, where)
    if not 0 <= index < len(node.entries):
        return None
    line, column = tree.dash(node.entries[index].value)
    lines = LineIndex(tree.text)
    start = lines.start(line + 1)
    if tree.text[start : start + column].strip(" "):
        return None  # another node stands before the dash on its line
    block = list_item(value, " " * column)
    newline = dominant_break(tree.text)
    if newline != "\n":
        block = block.replace("\n", newline)
    return TextEdit(start, start, block, where, value, insert=True)


def _insert_flow(
    tree: Tree, node: Collection, index: int, value: dict[str, Any], where: tuple[PathPart, ...]
) -> TextEdit | None:
    try:
        text = flow_text(value)
    except UnwritableValue:
        return None
    if not node.entries:
        if index != 0:
            return None
        opening = node.start_index + 1  # just after '['
        return TextEdit(opening, opening, text, where, value, insert=True)
    if not 0 <= index < len(node.entries):
        return None
    start = node.entries[index].value.start_index
    return TextEdit(start, start, text + ", ", where, value, insert=True)


def flow_text(value: Any) -> str:
    """Return plain data on one line in flow style: ``{id: custom}``, ``[a, b]``."""
    if isinstance(value, dict):
        pairs = (
            f"{string_text(str(key), flow=True)}: {flow_text(item)}" for key, item in value.items()
        )
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_text(item) for item in value) + "]"
    return scalar_text(value, flow=True)


def set_first_line(text: str, line: str, *, replace: bool) -> TextEdit:
    """Return the edit that makes ``line`` the first line of ``text``.

    With ``replace`` it takes the place of the first line's text (its break
    stays); otherwise it is inserted above it, ended with the text's own
    line break.
    """
    index = LineIndex(text)
    if replace and index.count:
        return TextEdit(0, index.end(1), line)
    return TextEdit(0, 0, line + dominant_break(text))


def set_line(text: str, number: int, line: str) -> TextEdit:
    """Return the edit that puts ``line`` in place of the text of line ``number`` (from 1).

    The line's break stays.
    """
    index = LineIndex(text)
    return TextEdit(index.start(number), index.end(number), line)


# -- adding to what is there (``pscatalog init`` edits files it did not write)


def append_entry(tree: Tree, path: Sequence[PathPart], key: str, value: Any) -> TextEdit | None:
    """Return the edit that adds ``key: value`` as the last entry of the mapping at ``path``.

    In a block mapping the entry is written on lines of its own after the
    mapping's last line, at its keys' indentation; in a flow mapping, in flow
    style before the closing brace. ``None`` when the path is not a mapping
    written in place, or already has the key.
    """
    _, node, shared = tree.locate(path)
    if shared or not isinstance(node, Collection) or not node.is_map:
        return None
    if tree.locate([*path, key])[1] is not None:
        return None
    where = (*tuple(path), key)
    try:
        if node.flow:
            entry = f"{key_text(key, flow=True)}: {flow_text(value)}"
            return _into_flow(node, entry, where, value)
        block = yaml_text({key: value})
    except UnwritableValue:
        return None
    return _after_block(tree, node, _indented(block, node.start[1]), where, value)


def append_item(tree: Tree, path: Sequence[PathPart], value: Any) -> TextEdit | None:
    """Return the edit that adds ``value`` as the last item of the list at ``path``.

    In a block list the item is written on lines of its own after the list's
    last line, its dash under the others; in a flow list, in flow style before
    the closing bracket. ``None`` when the path is not a list written in place.
    """
    _, node, shared = tree.locate(path)
    if shared or not isinstance(node, Collection) or node.is_map:
        return None
    where = (*tuple(path), len(node.entries))
    try:
        if node.flow:
            return _into_flow(node, flow_text(value), where, value, insert=True)
        block = list_item(value, "")
    except UnwritableValue:
        return None
    column = tree.dash(node.entries[0].value)[1]
    return _after_block(tree, node, _indented(block, column), where, value, insert=True)


def into_list(
    tree: Tree, path: Sequence[PathPart], current: Any, value: Any
) -> list[TextEdit] | None:
    """Return the edits that make the value at ``path`` a list: itself, then ``value``.

    ``current`` is the value's data. A scalar or a flow collection on one line
    becomes the first item of a block list under its key (its comment stays on
    its line); a block mapping becomes the first item by taking a dash, its
    lines moving two columns right. ``None`` for a value that is not a block
    mapping's value written in place, or one of several lines in flow style.
    """
    entry, node, shared = tree.locate(path)
    if shared or entry is None or not isinstance(entry.key, Scalar) or node is None:
        return None
    key = entry.key
    if isinstance(node, Collection) and not node.flow:
        if not node.is_map:
            return None
        return _mapping_into_list(tree, node, (*tuple(path),), current, value)
    if (isinstance(node, Scalar) and node.style in BLOCK_STYLES) or node.start[0] != node.end[0]:
        return None
    if node.start[0] == key.start[0] and key.end[0] == key.start[0]:
        colon = tree.text.find(":", key.end_index, node.start_index)
        if colon < 0:
            return None
        column = key.start[1] + 2
        newline = dominant_break(tree.text)
        first = TextEdit(colon + 1, node.start_index, newline + " " * column + "- ")
        try:
            item = _indented(list_item(value, ""), column)
        except UnwritableValue:
            return None
        last = _line_after(tree, node.start[0])
        return [
            TextEdit(first.start, first.end, first.replacement, tuple(path), [current, value]),
            _with_break(tree, last, item),
        ]
    return None


def _mapping_into_list(
    tree: Tree, node: Collection, path: tuple[PathPart, ...], current: Any, value: Any
) -> list[TextEdit] | None:
    first_line, column = node.start
    if tree.lines[first_line][:column].strip():
        return None  # the mapping does not start its line
    lines = LineIndex(tree.text)
    edits = [
        TextEdit(
            lines.start(first_line + 1) + column,
            lines.start(first_line + 1) + column,
            "- ",
            path,
            [current, value],
        )
    ]
    last = _last_line(tree, node)
    for number in range(first_line + 1, last + 1):
        if tree.lines[number].strip():
            start = lines.start(number + 1)
            edits.append(TextEdit(start, start, "  "))
    try:
        item = _indented(list_item(value, ""), column)
    except UnwritableValue:
        return None
    edits.append(_with_break(tree, _line_after(tree, last), item))
    return edits


def _into_flow(
    node: Collection, text: str, where: tuple[PathPart, ...], value: Any, *, insert: bool = False
) -> TextEdit:
    if node.entries:
        closing = node.end_index - 1  # the bracket or brace
        return TextEdit(closing, closing, ", " + text, where, value, insert=insert)
    opening = node.start_index + 1
    return TextEdit(opening, opening, text, where, value, insert=insert)


def _after_block(
    tree: Tree,
    node: Collection,
    block: str,
    where: tuple[PathPart, ...],
    value: Any,
    *,
    insert: bool = False,
) -> TextEdit:
    edit = _with_break(tree, _line_after(tree, _last_line(tree, node)), block)
    return TextEdit(edit.start, edit.end, edit.replacement, where, value, insert=insert)


def _indented(block: str, column: int) -> str:
    pad = " " * column
    return "".join(pad + line if line.strip() else line for line in block.splitlines(True))


def _last_line(tree: Tree, node: Node) -> int:
    """Return the 0-based line of a node's last character (not the blank lines after it).

    The blank lines that end a block scalar written with ``+`` are its last characters:
    they are part of its value.
    """
    if isinstance(node, Collection) and not node.flow and node.entries:
        return _last_line(tree, node.entries[-1].value)
    line, column = node.end
    if column == 0 and line > node.start[0]:
        line -= 1
    if isinstance(node, Scalar) and block_chomping(tree.text, node) == "+":
        return line
    while line > node.start[0] and not tree.lines[line].strip():
        line -= 1
    return line


_BLOCK_HEADER = re.compile(r"(?:[&!]\S*[ \t]+)*[|>]([1-9]?)([+-]?)([1-9]?)")


def block_chomping(text: str, node: Scalar) -> str | None:
    """Return a block scalar's chomping indicator: ``+``, ``-``, or ``""`` (clip).

    ``None`` for a scalar that is not in block style.
    """
    if node.style not in BLOCK_STYLES:
        return None
    header = _BLOCK_HEADER.match(text, node.start_index)
    return header.group(2) if header is not None else None


def keep_final_scalar(tree: Tree) -> TextEdit | None:
    """Return the edit that lets text be appended to a text ending in a block scalar.

    A block scalar (``|``, ``>``) whose last line of text ends the text, without
    a line break, has no final line break in its value; once text follows it,
    that line ends with one, which its value then takes (unless it is written
    with ``-``). Written with ``-`` (instead of nothing or ``+``, which have no
    break to keep there), it drops that break and its value stays. ``None``
    where nothing needs it.
    """
    text = tree.text
    if not text or text[-1] in BREAK_CHARACTERS or not tree.lines[-1].strip():
        return None
    node = tree.root
    while isinstance(node, Collection) and not node.flow and node.entries:
        node = node.entries[-1].value
    if not isinstance(node, Scalar) or block_chomping(text, node) not in ("", "+"):
        return None
    header = _BLOCK_HEADER.match(text, node.start_index)
    assert header is not None  # block_chomping matched it
    start = header.start(2)
    return TextEdit(start, header.end(2), "-")


def _line_after(tree: Tree, line: int) -> int:
    """Return the offset where the line after 0-based ``line`` starts (the end if none does)."""
    lines = LineIndex(tree.text)
    return lines.end(line + 1) + len(lines.line_break(line + 1))


def _with_break(tree: Tree, offset: int, block: str) -> TextEdit:
    """Return the edit that inserts ``block`` at ``offset``, the start of a line or the end."""
    newline = dominant_break(tree.text)
    if newline != "\n":
        block = block.replace("\n", newline)
    if offset == len(tree.text) and tree.text and not tree.text.endswith(("\n", "\r")):
        # After a last line without a break: the block takes the break before it instead,
        # so that the file still ends as it did, and two blocks added there stay adjacent.
        block = newline + block.removesuffix(newline)
    return TextEdit(offset, offset, block)
