"""Reporters: a validation result turned into text for people and programs.

A reporter is a function from a :class:`~pscatalog.checks.checker.ValidationResult`
to text, one module per format. ``REPORTER_BY_NAME`` maps the names
``--output-format`` and ``--report`` accept to them; a format's module is
imported when it is first used, so a hook run pays only for the one it prints.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from pscatalog.checks.checker import ValidationResult

Reporter = Callable[[ValidationResult], str]
"""Turns a validation result into the text of a report."""

_HOMES = {
    "full": ("text", "report_full"),
    "concise": ("text", "report_concise"),
    "json": ("json_format", "report_json"),
    "github": ("github", "report_github"),
    "gitlab": ("gitlab", "report_gitlab"),
    "junit": ("junit", "report_junit"),
    "sarif": ("sarif", "report_sarif"),
}


def _imported_when_used(module: str, function: str) -> Reporter:
    def report(result: ValidationResult) -> str:
        found: Reporter = getattr(
            importlib.import_module(f"pscatalog.outputs.reporters.{module}"), function
        )
        return found(result)

    report.__name__ = report.__qualname__ = function
    report.__doc__ = f"Run :func:`pscatalog.outputs.reporters.{module}.{function}`."
    return report


REPORTER_BY_NAME: dict[str, Reporter] = {
    name: _imported_when_used(module, function) for name, (module, function) in _HOMES.items()
}
"""The reporters of ``--output-format`` and ``--report``, by name."""

__all__ = ["REPORTER_BY_NAME", "Reporter"]
