from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Related, Severity

CUSTOM_WITHOUT_DURATION = category_file(
    """
    - id: jira
      name: JIRA
      maturity: complete
      evidence:
        deliveries: 3
        marketing_material:
          - https://example.com/services/jira
        execution_plan: https://example.com/plans/jira
      variants:
        - id: custom
          price:
            amount: 2400
            currency: USD
            unit: day
    """
)


def test_complete_without_duration_is_reported_at_the_maturity(tmp_path: Path):
    """A complete offering whose custom variant has no duration gets one M005 at its maturity."""
    root = write_catalog(tmp_path, {"integration.yaml": CUSTOM_WITHOUT_DURATION})
    assert findings(root) == [("M005", "integration.yaml", 7, 15)]


def test_complete_with_a_duration_range_passes(tmp_path: Path):
    """A complete offering whose base variant has a duration range passes."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: complete
                  evidence:
                    deliveries: 3
                    marketing_material:
                      - https://example.com/services/jira
                    execution_plan: https://example.com/plans/jira
                  variants:
                    - id: custom
                      duration:
                        min: 1
                        max: 3
                        unit: day
                      price:
                        amount: 2400
                        currency: USD
                        unit: day
                """
            )
        },
    )
    assert findings(root) == []


def test_duration_on_an_alternative_does_not_time_the_standard_variant(tmp_path: Path):
    """The base is 'standard' when there is one: a duration on 'remote' does not count."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: complete
                  evidence:
                    deliveries: 3
                    marketing_material:
                      - https://example.com/services/jira
                    execution_plan: https://example.com/plans/jira
                  variants:
                    - id: standard
                      sku: GL-JIRA
                      standard_sow: https://example.com/sow/jira
                      price:
                        amount: 9000
                        currency: USD
                        unit: engagement
                    - id: remote
                      duration:
                        value: 3
                        unit: day
                """
            )
        },
    )
    assert findings(root) == [("M005", "integration.yaml", 7, 15)]


def test_viable_needs_no_duration(tmp_path: Path):
    """Below complete, no duration is needed."""
    root = write_catalog(
        tmp_path,
        {"integration.yaml": CUSTOM_WITHOUT_DURATION.replace("complete", "viable")},
    )
    assert findings(root) == []


def test_message_and_hint(in_tmp: Path):
    """M005 names the offering, the maturity it claims and the base variant."""
    write_catalog(in_tmp / "catalog", {"integration.yaml": CUSTOM_WITHOUT_DURATION})
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "M005",
            Severity.ERROR,
            "'jira' is complete but its custom variant has no duration",
            Location("catalog/integration.yaml", 7, 15, "/offerings/0/maturity"),
            "add a 'duration' to the custom variant, or lower the maturity to 'viable' and say why "
            "in 'maturity_reason'",
            (
                Related(
                    Location("catalog/integration.yaml", 14, 9, "/offerings/0/variants/0"),
                    "the custom variant, without a duration",
                ),
            ),
        )
    ]
