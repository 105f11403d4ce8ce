"""Suppression comments: ``# pscatalog: ignore[CODE] reason``.

A comment at the end of a line suppresses the named codes on that line; a
comment on a line of its own suppresses them on the next line that is neither
blank nor a comment. The reason is required: a suppression without one is
reported and suppresses nothing. A suppression that suppresses nothing is
reported too, so that suppressions go when their cause goes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pscatalog.diagnostics import Diagnostic, Location
from pscatalog.rules import suppression_without_reason, unknown_suppression_code, unused_suppression
from pscatalog.yamltext.loader import Document
from pscatalog.yamltext.tree import Tree, TreeError, parse, walk

_COMMENT = re.compile(r"#\s*pscatalog:\s*ignore\[([^\]]*)\]\s*(.*?)\s*$")


@dataclass
class Suppression:
    """One suppression comment, and what it has suppressed."""

    doc: Document
    comment_line: int
    comment_column: int
    target_line: int
    codes: tuple[str, ...]
    reason: str
    used: set[str] = field(default_factory=set)

    def location(self) -> Location:
        """Where the comment is."""
        return Location(self.doc.name, self.comment_line, self.comment_column)


def is_suppression(comment: str) -> bool:
    """Whether a comment's text is a suppression (``# pscatalog: ignore[...] ...``)."""
    return _COMMENT.search(comment) is not None


def suppressed_codes(comment: str) -> tuple[str, ...]:
    """Return the codes a comment suppresses, if it is a suppression with a reason."""
    match = _COMMENT.search(comment)
    if match is None or not match.group(2):
        return ()
    return tuple(code.strip() for code in match.group(1).split(",") if code.strip())


def find_suppressions(doc: Document) -> list[Suppression]:
    """Return the suppression comments of a document, in file order.

    Only YAML comments count, as the parser places them: text that looks
    like a suppression inside a string, a block scalar or a URL is not one.
    """
    text = doc.text
    if text is None or "pscatalog:" not in text or not doc.ok:
        return []
    try:
        tree = parse(text)
    except TreeError:
        return []
    starts = sorted(_value_lines(tree))
    found: list[Suppression] = []
    for comment in tree.comments:
        match = _COMMENT.search(comment.text)
        if match is None:
            continue
        line = comment.line + 1
        target = _next_value_line(starts, line) if comment.own_line else line
        codes = tuple(code.strip() for code in match.group(1).split(",") if code.strip())
        column = comment.column + match.start() + 1
        found.append(Suppression(doc, line, column, target, codes, match.group(2)))
    return found


def _value_lines(tree: Tree) -> set[int]:
    """Return the 1-based lines on which a key or a value starts."""
    return {node.start[0] + 1 for node in walk(tree.root)}


def _next_value_line(starts: list[int], line: int) -> int:
    index = bisect.bisect_right(starts, line)
    return starts[index] if index < len(starts) else line


def apply_suppressions(
    diagnostics: list[Diagnostic], documents: Iterable[Document], known_codes: Iterable[str]
) -> list[Diagnostic]:
    """Drop suppressed diagnostics; add findings about the suppressions themselves."""
    known = set(known_codes)
    suppressions = [found for doc in documents for found in find_suppressions(doc)]
    problems = [problem for found in suppressions for problem in _problems(found, known)]
    by_target: dict[tuple[str, int], list[Suppression]] = {}
    for suppression in suppressions:
        if suppression.reason:  # without one it suppresses nothing
            key = (suppression.doc.name, suppression.target_line)
            by_target.setdefault(key, []).append(suppression)
    kept = [diagnostic for diagnostic in diagnostics if not _suppressed(diagnostic, by_target)]
    problems.extend(
        unused_suppression.found(suppression.location(), unused)
        for suppression in suppressions
        if suppression.reason and (unused := _unused(suppression, known))
    )
    return kept + problems


def _problems(suppression: Suppression, known: set[str]) -> list[Diagnostic]:
    """Return what is wrong with a suppression comment itself: unknown codes, no reason."""
    problems = []
    unknown = [code for code in suppression.codes if code not in known]
    if unknown or not suppression.codes:
        problems.append(unknown_suppression_code.found(suppression.location(), unknown))
    if not suppression.reason:
        problems.append(suppression_without_reason.found(suppression.location(), suppression.codes))
    return problems


def _suppressed(
    diagnostic: Diagnostic, by_target: dict[tuple[str, int], list[Suppression]]
) -> bool:
    """Whether a suppression on the diagnostic's line names its code (and mark it used)."""
    location = diagnostic.location
    matching = [
        suppression
        for suppression in by_target.get((location.file, location.line), ())
        if diagnostic.code in suppression.codes
    ]
    for suppression in matching:
        suppression.used.add(diagnostic.code)
    return bool(matching)


def _unused(suppression: Suppression, known: set[str]) -> list[str]:
    return [code for code in suppression.codes if code in known and code not in suppression.used]
