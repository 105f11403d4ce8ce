"""Checks a YAML text must pass before pscatalog writes it.

Black checks every file it formats before writing it: the result parses to
the same tree, and formatting it again changes nothing. pscatalog's writes of
YAML pass the same kind of checks, on data and comments (after
:func:`check_rewrite` or :func:`check_new` says nothing is wrong, the writer
may replace the file):

- the text is one YAML document that the loader reads without an error;
- it reads as exactly the intended data (YAML 1.2, as pscatalog reads it),
  types included: the data before, or before with the intended changes, or
  the data a new file was written from;
- no value reads differently for a YAML 1.1 reader (PyYAML, Ruby, Hugo)
  unless it already did before the change;
- every comment is kept (as many of each text; the order may follow moved
  keys), less and plus what the change means to remove and add;
- every end-of-line comment that ``anchored`` selects (suppressions) is still
  on a line holding the same values and keys it was on, and an own-line one
  still stands above the same values.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pscatalog.diagnostics import Severity
from pscatalog.yamltext.loader import load_text
from pscatalog.yamltext.tree import Comment, Tree, TreeError, data_paths, parse

SAME: Any = object()
"""As expected data: the data of the text before the change."""


@dataclass(frozen=True, slots=True)
class CommentChange:
    """Comments a change means to remove and add (a fix that writes the modeline, say)."""

    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


Anchored = Callable[[str], bool]
"""Selects the comments that must stay with the values on their line (suppressions)."""


def _never(text: str) -> bool:
    return False


@dataclass
class Readings:
    """What the checks compare of one text.

    Its data (YAML 1.2, as the loader reads it), the paths of the values some
    YAML 1.1 reader reads differently, its comments, and for each anchored
    comment the paths of the values on the line it applies to.
    """

    data: Any
    divergent: set[tuple[Any, ...]] = field(default_factory=set)
    comments: list[str] = field(default_factory=list)
    anchored: list[tuple[str, frozenset[tuple[Any, ...]]]] = field(default_factory=list)


class VerifyError(ValueError):
    """The text fails a check; the message says which, in one line."""


def readings(text: str, *, anchored: Anchored = _never, data: Any = SAME) -> Readings:
    """Read a text for the checks; raise :class:`VerifyError` if it is not one clean document.

    ``data``, when given, is the loader's data of ``text`` already at hand.
    """
    if data is SAME:
        doc = load_text(text, "<text>")
        errors = [d for d in doc.diagnostics if d.severity is Severity.ERROR]
        if errors or not doc.ok:
            first = errors[0] if errors else None
            where = f" (line {first.location.line}: {first.message})" if first else ""
            raise VerifyError(f"the new text would not read as YAML{where}")
        data = doc.data
    try:
        tree = parse(text)
    except TreeError as exc:
        raise VerifyError(f"the new text would not read as YAML ({exc})") from None
    return of_tree(tree, data, anchored=anchored)


def of_tree(tree: Tree, data: Any, *, anchored: Anchored = _never) -> Readings:
    """Return the readings of a parsed text whose loader data is ``data``.

    Call it before anything rearranges the tree (the formatter does).
    """
    return Readings(
        data,
        tree.divergent_paths(),
        tree.comment_texts(),
        _anchored_targets(tree, anchored),
    )


def check_rewrite(
    before: Readings | str,
    after: str,
    *,
    data: Any = SAME,
    comments: CommentChange | None = None,
    anchored: Anchored = _never,
) -> None:
    """Check that ``after`` may replace ``before``; raise :class:`VerifyError` if not.

    ``data`` is the intended data of ``after`` (:data:`SAME`: unchanged);
    ``comments`` what the change means to do to the comments; ``anchored``
    selects the comments that must stay with the values on their line.
    """
    old = before if isinstance(before, Readings) else readings(before, anchored=anchored)
    new = readings(after, anchored=anchored)
    expected = old.data if data is SAME else data
    if not same_data(new.data, expected):
        raise VerifyError("the new text would read as different data")
    introduced = new.divergent - old.divergent
    if introduced:
        raise VerifyError(f"{len(introduced)} value(s) would read differently for YAML 1.1 readers")
    wanted = Counter(old.comments)
    if comments is not None:
        wanted.subtract(comments.removed)
        wanted.update(comments.added)
    if +wanted != Counter(new.comments):
        raise VerifyError("a comment would be lost, changed or added")
    moved = _moved(old.anchored, new.anchored)
    if moved is not None:
        raise VerifyError(f"the comment '{moved}' would no longer be on the line it applies to")


def check_new(after: str, data: Any) -> None:
    """Check that a new text reads as ``data`` for every reader; raise :class:`VerifyError`."""
    new = readings(after)
    if not same_data(new.data, data):
        raise VerifyError("the new text would read as different data")
    if new.divergent:
        raise VerifyError(
            f"{len(new.divergent)} value(s) would read differently for YAML 1.1 readers"
        )


def same_data(left: Any, right: Any) -> bool:
    """Whether two values of loaded data are equal, types included (1 is not 1.0 nor true)."""
    return _fingerprint(left) == _fingerprint(right)


def _fingerprint(data: Any) -> str:
    # JSON keeps types apart (1, 1.0, true) and key order out (sort_keys) of the comparison.
    return json.dumps(data, sort_keys=True, allow_nan=True, ensure_ascii=True, default=repr)


# -- comments that must stay with their values


def _anchored_targets(
    tree: Tree, anchored: Anchored
) -> list[tuple[str, frozenset[tuple[Any, ...]]]]:
    """Each anchored comment's text, with the paths of the values on the line it applies to."""
    chosen = [comment for comment in tree.comments if anchored(comment.text)]
    if not chosen:
        return []
    lines = _paths_by_line(tree)
    return [
        (comment.text, frozenset(lines.get(_target_line(tree, comment, lines), set())))
        for comment in chosen
    ]


def _moved(
    old: list[tuple[str, frozenset[tuple[Any, ...]]]],
    new: list[tuple[str, frozenset[tuple[Any, ...]]]],
) -> str | None:
    """Return the text of the first anchored comment whose values are no longer on its line."""
    remaining = list(new)
    for text, paths in old:
        match = next((item for item in remaining if item[0] == text and paths == item[1]), None)
        if match is None:
            return text
        remaining.remove(match)
    return None


def _target_line(tree: Tree, comment: Comment, lines: dict[int, set[tuple[Any, ...]]]) -> int:
    """Return the line a comment applies to.

    That is its own line, or, for a comment alone on its line, the next line
    that holds a value.
    """
    if not comment.own_line:
        return int(comment.line)
    following = [line for line in lines if line > comment.line]
    return min(following) if following else int(comment.line)


def _paths_by_line(tree: Tree) -> dict[int, set[tuple[Any, ...]]]:
    """Map each 0-based line to the data paths of the keys and values that start on it.

    The paths are those of :func:`~pscatalog.yamltext.tree.data_paths`: an
    item named by its id keeps its path when a fix inserts an item before it.
    """
    lines: dict[int, set[tuple[Any, ...]]] = {}
    for node, path in data_paths(tree.root):
        lines.setdefault(node.start[0], set()).add(path)
    return lines


def comment_texts(texts: Iterable[str]) -> tuple[str, ...]:
    """Return comment texts as :class:`CommentChange` takes them (stripped at the end)."""
    return tuple(text.rstrip() for text in texts)
