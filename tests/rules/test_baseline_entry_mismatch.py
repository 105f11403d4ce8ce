"""N005 baseline-entry-mismatch: an entry whose fingerprint is not the hash of its fields."""

from __future__ import annotations

from pscatalog.diagnostics import Diagnostic, Location, Severity
from pscatalog.rules import baseline_entry_mismatch


def test_the_entry_is_an_error_where_it_starts_in_the_baseline() -> None:
    """The error names what the entry says it records, at the entry's line and column."""
    found = baseline_entry_mismatch.found(
        "pscatalog-baseline.json", 9, 5, "N001", "catalog/dedicated.yaml", "/summary"
    )
    assert found == Diagnostic(
        "N005",
        Severity.ERROR,
        "baseline entry N001 in catalog/dedicated.yaml (/summary) has a fingerprint that is not "
        "the hash of its fields: it matches nothing",
        Location("pscatalog-baseline.json", 9, 5),
        "record the baseline again with 'pscatalog baseline' instead of editing its entries",
    )


def test_an_entry_about_a_whole_file_says_the_file() -> None:
    """An entry with an empty pointer says it was about the whole file."""
    found = baseline_entry_mismatch.found("b.json", 1, 29, "Y001", "catalog/y.yaml", "")
    assert found.message.startswith("baseline entry Y001 in catalog/y.yaml (the file) has ")
