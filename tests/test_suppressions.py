"""Suppression comments: `# pscatalog: ignore[CODE] reason`."""

from __future__ import annotations

from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate

CAPITAL = """\
- id: jira
  name: JIRA
  maturity: Minimal{comment}
  variants:
    - id: custom
"""


def catalog_with(tmp_path: Path, offerings: str) -> Path:
    return write_catalog(tmp_path / "catalog", {"x.yaml": category_file(offerings)})


def test_end_of_line_comment_suppresses_its_line(tmp_path: Path) -> None:
    """A comment at the end of the faulty line suppresses the code there."""
    root = catalog_with(
        tmp_path, CAPITAL.format(comment="  # pscatalog: ignore[C004] kept as imported")
    )
    assert findings(root) == []


def test_own_line_comment_suppresses_the_next_content_line(tmp_path: Path) -> None:
    """A comment on its own line applies to the next line that is not blank or a comment."""
    offerings = """\
    - id: jira
      name: JIRA
      # pscatalog: ignore[C004] kept as imported

      # another comment
      maturity: Minimal
      variants:
        - id: custom
    """
    assert findings(catalog_with(tmp_path, offerings)) == []


def test_other_codes_are_not_suppressed(tmp_path: Path) -> None:
    """Only the named codes are suppressed; the unused suppression is reported."""
    root = catalog_with(
        tmp_path, CAPITAL.format(comment="  # pscatalog: ignore[M003] not relevant")
    )
    assert findings(root) == [("C004", "x.yaml", 7, 15), ("N001", "x.yaml", 7, 24)]


def test_suppression_without_reason_is_an_error_and_suppresses_nothing(tmp_path: Path) -> None:
    """No reason: N002 at the comment, and the finding stays."""
    root = catalog_with(tmp_path, CAPITAL.format(comment="  # pscatalog: ignore[C004]"))
    result = validate([root])
    assert [(d.code, d.location.line, d.location.column) for d in result.diagnostics] == [
        ("C004", 7, 15),
        ("N002", 7, 24),
    ]
    assert result.diagnostics[1].message == "suppression without a reason suppresses nothing"


def test_unknown_code_is_reported(tmp_path: Path) -> None:
    """A code pscatalog does not have is N003, and the finding stays."""
    root = catalog_with(tmp_path, CAPITAL.format(comment="  # pscatalog: ignore[C04] typo"))
    result = validate([root])
    assert [(d.code, d.location.line) for d in result.diagnostics] == [("C004", 7), ("N003", 7)]
    assert result.diagnostics[1].message == "suppression names 'C04', not a pscatalog code"


def test_several_codes_in_one_comment(tmp_path: Path) -> None:
    """`ignore[A,B]` suppresses both codes on the line; unused ones are named."""
    root = catalog_with(
        tmp_path, CAPITAL.format(comment="  # pscatalog: ignore[C004, M002] both imported")
    )
    result = validate([root])
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("N001", "suppression of M002 matches nothing"),
    ]


def test_unused_suppression_after_the_fault_is_fixed(tmp_path: Path) -> None:
    """When the fault is gone, the suppression left behind is a warning."""
    offerings = CAPITAL.replace("Minimal", "minimal").format(
        comment="  # pscatalog: ignore[C004] old"
    )
    result = validate([catalog_with(tmp_path, offerings)])
    assert [(d.code, str(d.severity), d.location.line) for d in result.diagnostics] == [
        ("N001", "warning", 7)
    ]


def test_cross_file_duplicate_is_suppressed_at_its_repeat(tmp_path: Path) -> None:
    """A duplicate is reported at the repeat, so the suppression goes there."""
    offering = (
        "- id: base-training  # pscatalog: ignore[C103] same offering, sold by two teams\n"
        "  name: Other training\n  maturity: planned\n  variants:\n    - id: custom\n"
    )
    root = write_catalog(
        tmp_path / "catalog", {"d.yaml": category_file(offering, category_id="more")}
    )
    assert findings(root) == []
