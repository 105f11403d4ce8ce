"""The ``json`` report: every diagnostic as data, for programs.

Its shape is documented by ``docs/diagnostics.schema.json``.
"""

from __future__ import annotations

from typing import Any

from pscatalog._version import __version__
from pscatalog.checks.checker import ValidationResult
from pscatalog.diagnostics import Diagnostic, Location, Severity
from pscatalog.outputs.escaping import json_text
from pscatalog.outputs.reporters.links import help_url

JSON_FORMAT_VERSION = 1
"""Version of the ``json`` output; documented by ``docs/diagnostics.schema.json``."""


def report_json(result: ValidationResult) -> str:
    """Return a JSON object with a ``diagnostics`` list (``docs/diagnostics.schema.json``)."""
    fixes = result.fix_kinds()
    document = {
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": "pscatalog", "version": __version__},
        "summary": {
            "errors": result.errors,
            "warnings": result.warnings,
            "infos": result.count(Severity.INFO),
            "files": result.files_checked,
            "baselined": result.baselined,
            "fixable": fixes.count("safe"),
            "unsafe_fixable": fixes.count("unsafe"),
        },
        "diagnostics": [
            _json_diagnostic(diagnostic, fix)
            for diagnostic, fix in zip(result.diagnostics, fixes, strict=True)
        ],
    }
    return json_text(document)


def _json_location(location: Location) -> dict[str, Any]:
    return {
        "file": location.file,
        "line": location.line,
        "column": location.column,
        "pointer": location.pointer,
    }


def _json_diagnostic(diagnostic: Diagnostic, fix: str | None) -> dict[str, Any]:
    return {
        "code": diagnostic.code,
        "severity": str(diagnostic.severity),
        "message": diagnostic.message,
        **_json_location(diagnostic.location),
        "hint": diagnostic.hint,
        "fix": fix,
        "url": help_url(diagnostic.code),
        "related": [
            {**_json_location(related.location), "label": related.label}
            for related in diagnostic.related
        ],
    }
