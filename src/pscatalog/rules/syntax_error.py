"""The file is valid YAML.

A file that cannot be parsed cannot be checked any further: its diagnostic
points at the line and column where the parser gave up. Tabs used for
indentation, an unclosed bracket or quote, and ``: `` inside a plain value are
the usual causes. The rest of the catalog is still checked.

**Fix:** correct the YAML at the place shown; quote values that contain ``: `` or
start with a special character (``*``, ``&``, ``!``, ``%``, ``@``).

Failing:

```yaml
summary: Setup: one day
```

Passing:

```yaml
summary: "Setup: one day"
```
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

if TYPE_CHECKING:
    from pscatalog.yamltext.lines import LineIndex

CODE = "Y001"
NAME = "syntax-error"
SEVERITY = Severity.ERROR
SUMMARY = "the file is valid YAML"


def from_parser(
    name: str,
    problem: str,
    context: str | None,
    place: tuple[int, int],
    context_place: tuple[int, int] | None,
    lines: LineIndex,
) -> Diagnostic:
    """Return the finding for libyaml's ``problem``, found at ``place`` (1-based).

    ``context_place`` is where the construct libyaml was reading started (the
    opening quote of a string never closed, the bracket of a list). A problem
    libyaml meets at the end of the file is placed there: at the construct
    that the end interrupted, which is what needs the fix.
    """
    message = f"{problem} ({context})" if context else problem
    line, column = place
    if "end of stream" in problem and context_place is not None:
        line, column = context_place
        if context and "quoted scalar" in context:
            quote = (lines.line(line) or "")[column - 1 : column] or '"'
            return _at(
                name,
                "the quoted value that starts here is never closed",
                line,
                column,
                f"end the value with {quote}",
            )
    elif lines.line(line) is None and lines.count:
        line, column = lines.count, len(lines.line(lines.count) or "") + 1
    hint = _hint(problem, context, lines.line(line) or "", column, context_place)
    return _at(name, message, line, column, hint)


def _hint(
    problem: str,
    context: str | None,
    source_line: str,
    column: int,
    context_place: tuple[int, int] | None,
) -> str | None:
    character = source_line[column - 1 : column]
    if character == "\t":
        return "YAML indents with spaces, never tabs"
    if "cannot start any token" in problem:
        return "quote the value if it starts with a special character"
    if "mapping values are not allowed" in problem:
        before = source_line[: column - 1]
        if ": " in before or before.rstrip().endswith(":"):
            return "quote the value: it contains ': '"
        # A key alone on its line, where no key can start: it is indented too far.
        return "indent this key as the keys beside it (it is indented more than they are)"
    if context and "block" in context and problem.startswith("did not find expected"):
        # A line indented less than the keys or items above it, and more than their parent.
        return "indent this line as the keys or list items above it, or as their parent"
    if context and "flow" in context and context_place is not None:
        closer = "]" if "sequence" in context else "}"
        line, start = context_place
        return (
            f"close the {'list' if closer == ']' else 'mapping'} that opens at line {line}, "
            f"column {start} with '{closer}', and separate its values with ','"
        )
    return None


def from_reader(name: str, code_point: int, line: int, column: int) -> Diagnostic:
    """Return the finding for a character YAML does not allow in a file."""
    if code_point == 0:
        return _at(name, "the file contains a NUL byte", line, column)
    return _at(name, f"character U+{code_point:04X} is not allowed in YAML", line, column)


def unreadable(name: str, detail: str) -> Diagnostic:
    """Return the finding for YAML the parser gives up on without a place."""
    return _at(name, f"invalid YAML: {detail}", 1, 1)


def key_not_scalar(name: str, line: int, column: int) -> Diagnostic:
    """Return the finding for a mapping or a list written as a mapping key."""
    return _at(
        name,
        "a mapping key must be a plain string, not a mapping or a list",
        line,
        column,
        "catalog files use plain keys such as 'id:'",
    )


def alias_problem(name: str, alias: str, inside: bool, line: int, column: int) -> Diagnostic:
    """Return the finding for an alias to no anchor before it (or to one still open)."""
    problem = "refers to the mapping or list it is inside" if inside else "is undefined"
    return _at(name, f"alias '*{alias}' {problem}", line, column)


def bad_merge(name: str, line: int, column: int) -> Diagnostic:
    """Return the finding for a ``<<`` merge of something that is not a mapping."""
    return _at(name, "a merge key '<<' needs a mapping or a list of mappings", line, column)


def invalid_tagged(name: str, value: str, tag: str, line: int, column: int) -> Diagnostic:
    """Return the finding for a value its core tag does not fit (``!!int abc``)."""
    return _at(name, f"{value!r} is not a valid !!{tag}", line, column)


def _at(name: str, message: str, line: int, column: int, hint: str | None = None) -> Diagnostic:
    return diagnose(_THIS, message, Location(name, line, column), hint)


_THIS = sys.modules[__name__]
