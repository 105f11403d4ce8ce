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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pscatalog.yamltext.emitter import list_item
from pscatalog.yamltext.lines import LineIndex, dominant_break
from pscatalog.yamltext.quoting import (
    UnwritableValue,
    double_quoted,
    printable,
    scalar_text,
    string_text,
)
from pscatalog.yamltext.scalars import number_text
from pscatalog.yamltext.tree import BLOCK_STYLES, Collection, PathPart, Scalar, Tree
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
    return TextEdit(node.start_index, node.end_index, text, tuple(path), value)


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
    return TextEdit(node.start_index, node.end_index, text)


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
