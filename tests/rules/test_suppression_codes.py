"""N001-N003: what a suppression comment that cannot work says, word for word."""

from __future__ import annotations

from pathlib import Path

from helpers import category_file, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity


def _validate(in_tmp: Path, comment: str, maturity: str = "Minimal") -> list[Diagnostic]:
    offering = f"""
        - id: jira
          name: JIRA
          maturity: {maturity}{comment}
          variants:
            - id: custom
        """
    write_catalog(in_tmp / "catalog", {"integration.yaml": category_file(offering)})
    return validate(["catalog"]).diagnostics


def test_n001_a_suppression_that_matches_nothing(in_tmp: Path) -> None:
    """A suppression of codes that do not occur on its line is N001, naming them."""
    assert _validate(in_tmp, "  # pscatalog: ignore[M003, C004] kept", "minimal") == [
        Diagnostic(
            "N001",
            Severity.WARNING,
            "suppression of M003, C004 matches nothing",
            Location("catalog/integration.yaml", 7, 24),
            "remove it (or the codes that no longer occur)",
        )
    ]


def test_n001_a_suppression_of_a_change_rule_is_never_honoured(in_tmp: Path) -> None:
    """D001 on a maturity line: N001 says a change cannot silence the rules for changes."""
    assert _validate(in_tmp, "  # pscatalog: ignore[D001] rushed", "minimal") == [
        Diagnostic(
            "N001",
            Severity.WARNING,
            "suppression of D001 is never honoured: a change cannot silence the rules for changes",
            Location("catalog/integration.yaml", 7, 24),
            "remove it, and give the change what the rule asks (or have it reviewed by hand)",
        )
    ]


def test_n002_a_suppression_without_a_reason(in_tmp: Path) -> None:
    """A suppression without a reason suppresses nothing and is N002."""
    found = _validate(in_tmp, "  # pscatalog: ignore[C004]")
    assert [d.code for d in found] == ["C004", "N002"]
    assert found[1] == Diagnostic(
        "N002",
        Severity.ERROR,
        "suppression without a reason suppresses nothing",
        Location("catalog/integration.yaml", 7, 24),
        "say why after the bracket: '# pscatalog: ignore[C004] <why it is right here>'",
    )


def test_n003_a_suppression_that_names_no_code(in_tmp: Path) -> None:
    """Codes pscatalog does not have, or none at all, are N003."""
    found = _validate(in_tmp, "  # pscatalog: ignore[X999, c004] typo")
    assert found[-1] == Diagnostic(
        "N003",
        Severity.ERROR,
        "suppression names 'X999', 'c004', not a pscatalog code",
        Location("catalog/integration.yaml", 7, 24),
        "name the codes as 'pscatalog rules' lists them: '# pscatalog: ignore[M003] why'",
    )
    found = _validate(in_tmp, "  # pscatalog: ignore[] nothing")
    assert found[-1].message == "suppression names no code, not a pscatalog code"
