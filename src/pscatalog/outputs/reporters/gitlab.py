"""The ``gitlab`` report: GitLab Code Quality, for the merge request widget.

GitLab reads a JSON list of issues with the fields its documentation names
(``description``, ``check_name``, ``fingerprint``, ``severity``,
``location.path`` and ``location.lines.begin``), and nothing more is written:
an issue has one place, so a finding's related places are named, with their
labels, at the end of its description.
Paths are relative to the git work tree's top folder, as GitLab links them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pscatalog.checks.checker import ValidationResult
from pscatalog.checks.fingerprints import fingerprints, repository_path, repository_root
from pscatalog.diagnostics import Diagnostic, Severity
from pscatalog.outputs.escaping import json_text

GITLAB_SEVERITY: dict[Severity, str] = {
    Severity.ERROR: "major",
    Severity.WARNING: "minor",
    Severity.INFO: "info",
}
"""GitLab's severity for each of ours (its scale: info, minor, major, critical, blocker)."""


def report_gitlab(result: ValidationResult) -> str:
    """Return a GitLab Code Quality report: a JSON list with one issue per diagnostic.

    Each path is relative to the top folder of the git work tree around the
    current folder (to the current folder outside git); each fingerprint
    stays the same when lines are added or removed elsewhere in the file.
    The text is written by :func:`pscatalog.outputs.escaping.json_text`.
    """
    root = repository_root()
    paths = [repository_path(d.location.file, root) for d in result.diagnostics]
    issues: list[dict[str, Any]] = [
        {
            "description": _description(diagnostic, root),
            "check_name": diagnostic.code,
            "fingerprint": fingerprint,
            "severity": GITLAB_SEVERITY[diagnostic.severity],
            "location": {"path": path, "lines": {"begin": diagnostic.location.line}},
        }
        for diagnostic, path, fingerprint in zip(
            result.diagnostics, paths, fingerprints(result), strict=True
        )
    ]
    return json_text(issues)


def _description(diagnostic: Diagnostic, root: Path | None) -> str:
    """Return the message, then each related place with its label, in parentheses.

    Code Quality has one place per issue: the others are named in the text
    the merge request widget shows (``(catalog/x.yaml:10: already used here)``).
    """
    places = "; ".join(
        f"{repository_path(related.location.file, root)}:{related.location.line}: {related.label}"
        for related in diagnostic.related
    )
    return f"{diagnostic.message} ({places})" if places else diagnostic.message
