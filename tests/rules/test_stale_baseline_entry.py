"""N004 stale-baseline-entry: a baseline entry whose finding is gone, word for word."""

from __future__ import annotations

from pscatalog.diagnostics import Diagnostic, Location, Severity
from pscatalog.rules import stale_baseline_entry

HINT = "remove it from the baseline (or run 'pscatalog baseline' again)"


def test_the_entry_is_reported_at_its_line_in_the_baseline() -> None:
    """The note names the code, file and place the entry recorded, where the entry starts."""
    found = stale_baseline_entry.found(
        "baseline.json", 4, 5, "C004", "catalog/x.yaml", "/offerings/[jira]/maturity"
    )
    assert found == Diagnostic(
        "N004",
        Severity.INFO,
        "baseline entry C004 in catalog/x.yaml (/offerings/[jira]/maturity) no longer occurs",
        Location("baseline.json", 4, 5),
        HINT,
    )


def test_an_entry_about_a_whole_file_says_the_file() -> None:
    """An entry with an empty pointer was about the whole file."""
    found = stale_baseline_entry.found("baseline.json", 7, 3, "Y006", "catalog/y.yaml", "")
    assert found.message == "baseline entry Y006 in catalog/y.yaml (the file) no longer occurs"
    assert found.location == Location("baseline.json", 7, 3)
