"""The ``github`` report: GitHub Actions workflow commands.

Printed in a workflow step's log, each line becomes an annotation on the
file and line it names, in the run's summary and in a pull request's diff.
GitHub resolves the paths from the repository's top folder.
"""

from __future__ import annotations

from pathlib import Path

from pscatalog.checks.checker import ValidationResult
from pscatalog.checks.fingerprints import repository_path, repository_root
from pscatalog.diagnostics import Related, Severity
from pscatalog.outputs.escaping import terminal

GITHUB_COMMAND: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}
"""The workflow command of each severity."""


def report_github(result: ValidationResult) -> str:
    """Return one workflow command per diagnostic.

    ``::error file=PATH,line=L,col=C,title=CODE::message``, with ``warning``
    and ``notice`` for the other severities, and the values escaped as GitHub
    reads them back. An annotation has one place: the message's further lines
    (``%0A``) name the related places, ``path:line:column: label``, then say
    how to fix it, ``hint: ...``. Values are first
    shown as a terminal shows them (:func:`pscatalog.outputs.escaping.terminal`):
    a line break or a control character in a key is a visible escape, never a
    line of its own.
    """
    if not result.diagnostics:
        return ""
    root = repository_root()
    lines = []
    for diagnostic in result.diagnostics:
        location = diagnostic.location
        properties = {
            "file": terminal(repository_path(location.file, root)),
            "line": str(location.line),
            "col": str(location.column),
            "title": diagnostic.code,
        }
        written = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
        command = GITHUB_COMMAND[diagnostic.severity]
        hint = [f"hint: {terminal(diagnostic.hint)}"] if diagnostic.hint else []
        message = "\n".join(
            [
                terminal(diagnostic.message),
                *(_related(related, root) for related in diagnostic.related),
                *hint,
            ]
        )
        lines.append(f"::{command} {written}::{_escape_data(message)}\n")
    return "".join(lines)


def _related(related: Related, root: Path | None) -> str:
    """Return a related place as a line of the annotation: ``path:line:column: label``."""
    location = related.location
    path = terminal(repository_path(location.file, root))
    return f"{path}:{location.line}:{location.column}: {terminal(related.label)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
