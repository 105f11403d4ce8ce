"""Reporters: a validation result turned into text for people and programs.

A reporter is a function from a :class:`~pscatalog.checker.ValidationResult`
to text. ``REPORTER_BY_NAME`` maps the names ``--output-format`` and
``--report`` accept to them.
"""

from __future__ import annotations

from collections.abc import Callable

from pscatalog.checker import ValidationResult
from pscatalog.reporters.github import report_github
from pscatalog.reporters.gitlab import report_gitlab
from pscatalog.reporters.json_format import report_json
from pscatalog.reporters.junit import report_junit
from pscatalog.reporters.sarif import report_sarif
from pscatalog.reporters.text import report_concise, report_full

Reporter = Callable[[ValidationResult], str]
"""Turns a validation result into the text of a report."""

REPORTER_BY_NAME: dict[str, Reporter] = {
    "full": report_full,
    "concise": report_concise,
    "json": report_json,
    "github": report_github,
    "gitlab": report_gitlab,
    "junit": report_junit,
    "sarif": report_sarif,
}
"""The reporters of ``--output-format`` and ``--report``, by name."""

__all__ = [
    "REPORTER_BY_NAME",
    "Reporter",
    "report_concise",
    "report_full",
    "report_github",
    "report_gitlab",
    "report_json",
    "report_junit",
    "report_sarif",
]
