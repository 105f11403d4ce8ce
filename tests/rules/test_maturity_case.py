from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity


def _catalog(root: Path, maturity: str) -> Path:
    return write_catalog(
        root,
        {
            "integration.yaml": category_file(
                f"""
                - id: jira
                  name: JIRA
                  maturity: {maturity}
                  variants:
                    - id: custom
                """
            )
        },
    )


def test_capitalised_maturity_is_one_c004_and_no_schema_error(tmp_path: Path):
    """'Minimal' is reported once, as C004 at the value, not also as the schema's enum."""
    assert findings(_catalog(tmp_path, "Minimal")) == [("C004", "integration.yaml", 7, 15)]


def test_upper_case_maturity_is_reported(tmp_path: Path):
    """'MINIMAL' is a valid maturity in the wrong case too."""
    assert findings(_catalog(tmp_path, "MINIMAL")) == [("C004", "integration.yaml", 7, 15)]


def test_lowercase_maturity_passes(tmp_path: Path):
    """A maturity written in lowercase passes."""
    assert findings(_catalog(tmp_path, "minimal")) == []


def test_unknown_maturity_is_left_to_the_schema(tmp_path: Path):
    """A word that is no maturity in any case is the schema's S004, not C004."""
    assert findings(_catalog(tmp_path, "mature")) == [("S004", "integration.yaml", 7, 15)]


def test_wrong_case_maturity_still_needs_its_evidence(tmp_path: Path):
    """'Viable' claims viable: the evidence rules report what it lacks, beside C004."""
    assert findings(_catalog(tmp_path, "Viable")) == [
        ("C004", "integration.yaml", 7, 15),
        ("M002", "integration.yaml", 7, 15),
        ("M003", "integration.yaml", 7, 15),
        ("M004", "integration.yaml", 7, 15),
    ]


def test_wrong_case_planned_still_forbids_skus(tmp_path: Path):
    """'Planned' is planned: a SKU on one of its variants is M001, beside C004."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: Planned
                  variants:
                    - id: custom
                    - id: remote
                      sku: GL-JIRA-R
                """
            )
        },
    )
    assert findings(root) == [
        ("C004", "integration.yaml", 7, 15),
        ("M001", "integration.yaml", 11, 9),
    ]


def test_message_and_hint(in_tmp: Path):
    """C004 quotes the maturity as written and the lowercase form to write."""
    _catalog(in_tmp / "catalog", "Minimal")
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C004",
            Severity.ERROR,
            "maturity 'Minimal' must be written in lowercase",
            Location("catalog/integration.yaml", 7, 15, "/offerings/0/maturity"),
            "write 'minimal'",
        )
    ]
