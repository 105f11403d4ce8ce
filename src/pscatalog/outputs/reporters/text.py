"""Reports for people at a terminal: ``full`` and ``concise``.

Every file name, message, hint and label goes through
:mod:`pscatalog.outputs.escaping`, so what a catalog file holds can neither
drive the terminal nor start a line of its own. ``full`` shows an excerpt of
the source line, cut around the column when the line is long, so the report
grows with the number of findings, never with the length of their lines.
"""

from __future__ import annotations

import re

from pscatalog.checks.checker import ValidationResult
from pscatalog.diagnostics import Diagnostic, Location, Severity
from pscatalog.outputs.escaping import (
    cell_width,
    escape_character,
    terminal,
    terminal_path,
    visible,
)
from pscatalog.yamltext.loader import Document

EXCERPT_LENGTH = 100
"""At most this many characters of a source line are shown under a finding."""
EXCERPT_BEFORE = 40
"""Of a line cut short, this many characters are shown before the column."""
CUT = "…"
"""Where an excerpt leaves part of its line out."""
_RUNNER_COMMAND = re.compile(r"##(?:vso)?\[")


def report_concise(result: ValidationResult) -> str:
    """Return one line per diagnostic: ``file:line:col: severity code message``."""
    return "".join(_headline(diagnostic) + "\n" for diagnostic in result.diagnostics)


def report_full(result: ValidationResult) -> str:
    """Return each diagnostic with its source line, a marker under the fault, and a hint."""
    documents = {doc.name: doc for catalog in result.catalogs for doc in catalog.documents}
    blocks = [_full_block(diagnostic, documents) for diagnostic in result.diagnostics]
    return "".join(block + "\n" for block in blocks) + summary_line(result) + "\n"


def summary_line(result: ValidationResult) -> str:
    """Return one line that says what the run found.

    How many findings of each severity, in how many files; how many a
    baseline left out; how many ``--fix`` would fix (and how many more
    ``--unsafe-fixes`` would): ``Found 12 errors, 20 warnings, 13 notes in 7
    files (84 baselined); 3 fixable with --fix.``
    """
    files = _plural(result.files_checked, "file")
    baselined = f" ({result.baselined} baselined)" if result.baselined else ""
    if not result.diagnostics:
        found = "No new problems" if result.baselined else "No problems found"
        return f"{found} in {files}{baselined}."
    parts = [
        _plural(count, name)
        for count, name in (
            (result.errors, "error"),
            (result.warnings, "warning"),
            (result.count(Severity.INFO), "note"),
        )
        if count
    ]
    return f"Found {', '.join(parts)} in {files}{baselined}{fixable_phrase(result)}."


def fixable_phrase(result: ValidationResult) -> str:
    """Return ``; 3 fixable with --fix (1 more with --fix --unsafe-fixes)``, or ``""``."""
    kinds = result.fix_kinds()
    safe, unsafe = kinds.count("safe"), kinds.count("unsafe")
    if not (safe or unsafe):
        return ""
    more = f" ({unsafe} more with --fix --unsafe-fixes)" if safe and unsafe else ""
    if safe:
        return f"; {safe} fixable with --fix{more}"
    return f"; {unsafe} fixable with --fix --unsafe-fixes"


def place(location: Location) -> str:
    """Return ``file:line:column`` as a terminal shows it, at the start of a line."""
    return f"{terminal_path(location.file)}:{location.line}:{location.column}"


def excerpt(line: str, column: int) -> tuple[str, str]:
    """Return how a source line is shown under a finding, and the marker line below it.

    ``column`` is 1-based, in characters. A line longer than
    :data:`EXCERPT_LENGTH` is cut around the column, with :data:`CUT` where
    text is left out. Characters of
    :data:`pscatalog.outputs.escaping.UNSAFE` are shown as escapes, a tab as
    one space; the marker is padded by the width each character takes in a
    terminal (two cells for wide characters), so it stands under the value.
    """
    start = min(max(column - 1, 0), len(line))
    first = max(0, start - EXCERPT_BEFORE) if len(line) > EXCERPT_LENGTH else 0
    last = min(len(line), first + EXCERPT_LENGTH)
    head = CUT if first else ""
    tail = CUT if last < len(line) else ""
    window = line[first:last]
    # A long line is flow style ({...} and [...] on one line), where a comma or a
    # bracket ends a plain value; so does a short one with a bracket before the column.
    flow = bool(first) or "[" in line[:start] or "{" in line[:start]
    width = _token_width(line[start:last], flow=flow) if start < last else 1
    if window.isascii() and window.isprintable() and "##" not in window:
        return head + window + tail, " " * (len(head) + start - first) + "^" * width
    shown = [visible(" " if character == "\t" else character) for character in window]
    cells = [cell_width(" " if character == "\t" else character) for character in window]
    for match in _RUNNER_COMMAND.finditer(window):
        # A CI runner obeys "##[" anywhere in a line: its bracket is shown escaped.
        shown[match.end() - 1] = escape_character("[")
        cells[match.end() - 1] = len(shown[match.end() - 1])
    before = len(head) + sum(cells[: start - first])
    under = sum(cells[start - first : start - first + width])
    return head + "".join(shown) + tail, " " * before + "^" * max(1, under)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _headline(diagnostic: Diagnostic) -> str:
    return (
        f"{place(diagnostic.location)}: {diagnostic.severity} {diagnostic.code} "
        f"{terminal(diagnostic.message)}"
    )


def _full_block(diagnostic: Diagnostic, documents: dict[str, Document]) -> str:
    lines = [_headline(diagnostic)]
    location = diagnostic.location
    doc = documents.get(location.file)
    source = doc.line_text(location.line) if doc is not None else None
    if source is not None:
        gutter = " " * len(str(location.line))
        shown, marker = excerpt(source, location.column)
        lines += [f"{gutter} |", f"{location.line} | {shown}", f"{gutter} | {marker}"]
        prefix = f"{gutter} = "
    else:
        prefix = "  = "
    if diagnostic.hint:
        lines.append(f"{prefix}hint: {terminal(diagnostic.hint)}")
    for related in diagnostic.related:
        lines.append(f"{prefix}{place(related.location)}: {terminal(related.label)}")
    return "\n".join(lines)


def _token_width(rest: str, *, flow: bool = False) -> int:
    """Return how many characters the marker covers: the value or key ``rest`` starts with."""
    if not rest or rest[0].isspace():
        return 1
    if rest[0] in "\"'":
        end = rest.find(rest[0], 1)
        return end + 1 if end > 0 else len(rest.rstrip())
    for stop in (": ", " #", *((",", "]", "}") if flow else ())):
        index = rest.find(stop)
        if index > 0:
            rest = rest[:index]
    if rest.endswith(":"):
        rest = rest[:-1]
    return max(1, len(rest.rstrip()))
