"""Reporters: a validation result turned into text for people and programs.

A reporter is a function from a :class:`~pscatalog.checker.ValidationResult`
to text. ``REPORTER_BY_NAME`` maps the names ``--output-format`` accepts to
them.
"""

from __future__ import annotations

from collections.abc import Callable

from pscatalog.checker import ValidationResult
from pscatalog.reporters.json_format import report_json
from pscatalog.reporters.text import report_concise, report_full

Reporter = Callable[[ValidationResult], str]
"""Turns a validation result into the text of a report."""

REPORTER_BY_NAME: dict[str, Reporter] = {
    "full": report_full,
    "concise": report_concise,
    "json": report_json,
}
"""The reporters of ``--output-format``, by name."""

__all__ = ["REPORTER_BY_NAME", "Reporter", "report_concise", "report_full", "report_json"]
