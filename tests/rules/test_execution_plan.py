from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity


def _offering(maturity: str) -> str:
    return category_file(
        f"""
        - id: jira
          name: JIRA
          maturity: {maturity}
          evidence:
            deliveries: 2
            marketing_material:
              - https://example.com/services/jira
          variants:
            - id: custom
        """
    )


def test_viable_without_plan_is_reported_at_the_maturity(tmp_path: Path):
    """A viable offering without an execution plan gets one M004 at the maturity it claims."""
    root = write_catalog(tmp_path, {"integration.yaml": _offering("viable")})
    assert findings(root) == [("M004", "integration.yaml", 7, 15)]


def test_viable_with_plan_passes(tmp_path: Path):
    """A viable offering that links its execution plan passes."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: viable
                  evidence:
                    deliveries: 2
                    marketing_material:
                      - https://example.com/services/jira
                    execution_plan: https://example.com/plans/jira
                  variants:
                    - id: custom
                """
            )
        },
    )
    assert findings(root) == []


def test_minimal_needs_no_plan(tmp_path: Path):
    """Below viable, no execution plan is expected."""
    root = write_catalog(tmp_path, {"integration.yaml": _offering("minimal")})
    assert findings(root) == []


def test_message_hint_and_severity(in_tmp: Path):
    """M004 is a warning that names the offering and the maturity it claims."""
    write_catalog(in_tmp / "catalog", {"integration.yaml": _offering("viable")})
    result = validate(["catalog"])
    assert result.diagnostics == [
        Diagnostic(
            "M004",
            Severity.WARNING,
            "'jira' is viable but has no execution plan",
            Location("catalog/integration.yaml", 7, 15, "/offerings/0/maturity"),
            "link the execution plan as 'evidence.execution_plan'",
        )
    ]
    assert result.exit_code == 0
