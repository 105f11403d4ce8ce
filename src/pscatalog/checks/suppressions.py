"""Suppression comments: ``# pscatalog: ignore[CODE] reason``.

A comment at the end of a line suppresses the named codes on that line; a
comment on a line of its own suppresses them on the next line that is neither
blank nor a comment. The reason is required: a suppression without one is
reported and suppresses nothing. A suppression that suppresses nothing is
reported too, so that suppressions go when their cause goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pscatalog.diagnostics import Diagnostic, Location, Severity
from pscatalog.yamltext.loader import Document

UNUSED_SUPPRESSION = "N001"
SUPPRESSION_WITHOUT_REASON = "N002"
UNKNOWN_CODE = "N003"

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


def find_suppressions(doc: Document) -> list[Suppression]:
    """Return the suppression comments of a document, in file order."""
    text = doc.text
    if text is None or "pscatalog:" not in text:
        return []
    lines = text.splitlines()
    found: list[Suppression] = []
    for index, line in enumerate(lines):
        match = _COMMENT.search(line)
        if match is None:
            continue
        own_line = not line[: match.start()].strip()
        target = _next_content_line(lines, index) if own_line else index + 1
        codes = tuple(code.strip() for code in match.group(1).split(",") if code.strip())
        found.append(Suppression(doc, index + 1, match.start() + 1, target, codes, match.group(2)))
    return found


def _next_content_line(lines: list[str], index: int) -> int:
    for following in range(index + 1, len(lines)):
        stripped = lines[following].strip()
        if stripped and not stripped.startswith("#"):
            return following + 1
    return index + 1


def apply_suppressions(
    diagnostics: list[Diagnostic], documents: Iterable[Document], known_codes: Iterable[str]
) -> list[Diagnostic]:
    """Drop suppressed diagnostics; add findings about the suppressions themselves."""
    known = set(known_codes)
    by_target: dict[tuple[str, int], list[Suppression]] = {}
    suppressions: list[Suppression] = []
    problems: list[Diagnostic] = []
    for doc in documents:
        for suppression in find_suppressions(doc):
            suppressions.append(suppression)
            unknown = [code for code in suppression.codes if code not in known]
            if unknown or not suppression.codes:
                shown = ", ".join(f"'{code}'" for code in unknown) or "no code"
                problems.append(
                    Diagnostic(
                        UNKNOWN_CODE,
                        Severity.ERROR,
                        f"suppression names {shown}, not a pscatalog code",
                        suppression.location(),
                        "name the codes to ignore, e.g. '# pscatalog: ignore[M003] reason'",
                    )
                )
            if not suppression.reason:
                problems.append(
                    Diagnostic(
                        SUPPRESSION_WITHOUT_REASON,
                        Severity.ERROR,
                        "suppression without a reason suppresses nothing",
                        suppression.location(),
                        "say why after the bracket: '# pscatalog: ignore[CODE] why it is fine'",
                    )
                )
                continue
            by_target.setdefault((doc.name, suppression.target_line), []).append(suppression)
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        location = diagnostic.location
        matching = [
            suppression
            for suppression in by_target.get((location.file, location.line), ())
            if diagnostic.code in suppression.codes
        ]
        for suppression in matching:
            suppression.used.add(diagnostic.code)
        if not matching:
            kept.append(diagnostic)
    for suppression in suppressions:
        if not suppression.reason:
            continue
        unused = [
            code for code in suppression.codes if code in known and code not in suppression.used
        ]
        if unused:
            problems.append(
                Diagnostic(
                    UNUSED_SUPPRESSION,
                    Severity.WARNING,
                    f"suppression of {', '.join(unused)} matches nothing",
                    suppression.location(),
                    "remove it (or the codes that no longer occur)",
                )
            )
    return kept + problems
