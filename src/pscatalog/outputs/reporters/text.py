"""Reports for people at a terminal: ``full`` and ``concise``."""

from __future__ import annotations

from pscatalog.checks.checker import ValidationResult
from pscatalog.diagnostics import Diagnostic, Severity
from pscatalog.yamltext.loader import Document


def report_concise(result: ValidationResult) -> str:
    """Return one line per diagnostic: ``file:line:col: severity code message``."""
    return "".join(_headline(diagnostic) + "\n" for diagnostic in result.diagnostics)


def report_full(result: ValidationResult) -> str:
    """Return each diagnostic with its source line, a marker under the fault, and a hint."""
    documents = {doc.name: doc for catalog in result.catalogs for doc in catalog.documents}
    blocks = [_full_block(diagnostic, documents) for diagnostic in result.diagnostics]
    return "".join(block + "\n" for block in blocks) + summary_line(result) + "\n"


def summary_line(result: ValidationResult) -> str:
    """Return one line that counts the findings."""
    files = _plural(result.files_checked, "file")
    if not result.diagnostics:
        return f"No problems found in {files}."
    parts = [
        _plural(count, name)
        for count, name in (
            (result.errors, "error"),
            (result.warnings, "warning"),
            (result.count(Severity.INFO), "note"),
        )
        if count
    ]
    return f"Found {' and '.join(parts)} in {files}."


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _headline(diagnostic: Diagnostic) -> str:
    return f"{diagnostic.location}: {diagnostic.severity} {diagnostic.code} {diagnostic.message}"


def _full_block(diagnostic: Diagnostic, documents: dict[str, Document]) -> str:
    lines = [_headline(diagnostic)]
    location = diagnostic.location
    doc = documents.get(location.file)
    source = doc.line_text(location.line) if doc is not None else None
    if source is not None:
        gutter = " " * len(str(location.line))
        source = source.replace("\t", " ")
        width = _token_width(source, location.column - 1)
        lines += [
            f"{gutter} |",
            f"{location.line} | {source}",
            f"{gutter} | {' ' * (location.column - 1)}{'^' * width}",
        ]
        prefix = f"{gutter} = "
    else:
        prefix = "  = "
    if diagnostic.hint:
        lines.append(f"{prefix}hint: {diagnostic.hint}")
    for related in diagnostic.related:
        lines.append(f"{prefix}{related}")
    return "\n".join(lines)


def _token_width(line: str, start: int) -> int:
    """Return how many characters the marker covers: the value or key at ``start``."""
    if start >= len(line) or line[start].isspace():
        return 1
    rest = line[start:]
    if rest[0] in "\"'":
        end = rest.find(rest[0], 1)
        return end + 1 if end > 0 else len(rest.rstrip())
    for stop in (": ", " #"):
        index = rest.find(stop)
        if index > 0:
            rest = rest[:index]
    if rest.endswith(":"):
        rest = rest[:-1]
    return max(1, len(rest.rstrip()))
