from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity


def _viable(maturity: str, deliveries: int) -> str:
    return category_file(
        f"""
        - id: jira
          name: JIRA
          maturity: {maturity}
          evidence:
            deliveries: {deliveries}
            marketing_material:
              - https://example.com/services/jira
            execution_plan: https://example.com/plans/jira
          variants:
            - id: custom
        """
    )


def test_viable_with_no_delivery_is_reported_at_the_count(tmp_path: Path):
    """A viable offering with 'deliveries: 0' gets one M002 at the count."""
    root = write_catalog(tmp_path, {"integration.yaml": _viable("viable", 0)})
    assert findings(root) == [("M002", "integration.yaml", 9, 19)]


def test_viable_delivered_once_passes(tmp_path: Path):
    """A viable offering delivered at least once, with its material and plan, passes."""
    root = write_catalog(tmp_path, {"integration.yaml": _viable("viable", 1)})
    assert findings(root) == []


def test_minimal_needs_no_delivery(tmp_path: Path):
    """Below viable, no delivery is needed."""
    root = write_catalog(tmp_path, {"integration.yaml": _viable("minimal", 0)})
    assert findings(root) == []


def test_missing_count_is_reported_at_the_maturity_beside_other_evidence(tmp_path: Path):
    """Evidence without 'deliveries' is reported at the maturity, not at the 'evidence' key."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: viable
                  evidence:
                    marketing_material:
                      - https://example.com/services/jira
                    execution_plan: https://example.com/plans/jira
                  variants:
                    - id: custom
                """
            )
        },
    )
    assert findings(root) == [("M002", "integration.yaml", 7, 15)]


def test_missing_evidence_is_reported_at_the_maturity(tmp_path: Path):
    """A viable offering without any evidence gets M002, M003 and M004 at its maturity."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: viable
                  variants:
                    - id: custom
                """
            )
        },
    )
    assert findings(root) == [
        ("M002", "integration.yaml", 7, 15),
        ("M003", "integration.yaml", 7, 15),
        ("M004", "integration.yaml", 7, 15),
    ]


def test_wrong_case_maturity_still_needs_a_delivery(tmp_path: Path):
    """'Viable' claims viable: no delivery is M002, beside the case's C004."""
    root = write_catalog(tmp_path, {"integration.yaml": _viable("Viable", 0)})
    assert findings(root) == [
        ("C004", "integration.yaml", 7, 15),
        ("M002", "integration.yaml", 9, 19),
    ]


def test_message_and_hint(in_tmp: Path):
    """M002 names the offering and the maturity it claims."""
    write_catalog(in_tmp / "catalog", {"integration.yaml": _viable("viable", 0)})
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "M002",
            Severity.ERROR,
            "'jira' is viable but its evidence shows no delivery",
            Location("catalog/integration.yaml", 9, 19, "/offerings/0/evidence/deliveries"),
            "record the number of deliveries as 'evidence.deliveries', or lower the maturity to "
            "'minimal' and say why in 'maturity_reason'",
        )
    ]
