from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity

WITHOUT_MATERIAL = category_file(
    """
    - id: jira
      name: JIRA
      maturity: viable
      evidence:
        deliveries: 2
        execution_plan: https://example.com/plans/jira
      variants:
        - id: custom
    """
)


def test_viable_without_material_is_reported_at_the_maturity(tmp_path: Path):
    """A viable offering listing no marketing material gets one M003 at the maturity it claims."""
    root = write_catalog(tmp_path, {"integration.yaml": WITHOUT_MATERIAL})
    assert findings(root) == [("M003", "integration.yaml", 7, 15)]


def test_viable_with_material_passes(tmp_path: Path):
    """A viable offering with a link to its marketing material passes."""
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


def test_minimal_needs_no_material(tmp_path: Path):
    """Below viable, no marketing material is expected."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: custom
                """
            )
        },
    )
    assert findings(root) == []


def test_empty_material_list_is_one_finding(tmp_path: Path):
    """'marketing_material: []' is one fault, the schema's (an error): S006 at the list, no M003."""
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
                    marketing_material: []
                    execution_plan: https://example.com/plans/jira
                  variants:
                    - id: custom
                """
            )
        },
    )
    assert findings(root) == [("S006", "integration.yaml", 10, 27)]


def test_message_hint_and_severity(in_tmp: Path):
    """M003 is a warning that names the offering and the maturity it claims."""
    write_catalog(in_tmp / "catalog", {"integration.yaml": WITHOUT_MATERIAL})
    result = validate(["catalog"])
    assert result.diagnostics == [
        Diagnostic(
            "M003",
            Severity.WARNING,
            "'jira' is viable but lists no marketing material",
            Location("catalog/integration.yaml", 7, 15, "/offerings/0/maturity"),
            "add links to its marketing material as 'evidence.marketing_material'",
        )
    ]
    assert result.exit_code == 0
