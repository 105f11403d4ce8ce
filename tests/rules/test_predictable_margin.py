import textwrap
from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Related, Severity

COMPLETE = """\
- id: jira
  name: JIRA
  maturity: complete
  evidence:
    deliveries: 3
    marketing_material:
      - https://example.com/services/jira
    execution_plan: https://example.com/plans/jira
  variants:
"""


def _complete(variants: str) -> str:
    """Return a complete offering with all its evidence and the given variants block."""
    return category_file(COMPLETE + textwrap.indent(textwrap.dedent(variants), "    "))


CUSTOM_PER_ENGAGEMENT = _complete(
    """\
            - id: custom
              duration:
                min: 2
                max: 5
                unit: day
              price:
                amount: 40000
                currency: USD
                unit: engagement
    """
)


def test_custom_priced_per_engagement_is_reported_at_the_price_key(tmp_path: Path):
    """A complete offering whose custom variant has a fixed engagement price gets one M006."""
    root = write_catalog(tmp_path, {"integration.yaml": CUSTOM_PER_ENGAGEMENT})
    assert findings(root) == [("M006", "integration.yaml", 19, 9)]


def test_custom_with_a_day_rate_passes(tmp_path: Path):
    """A custom variant with a day rate ('unit: day') passes."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": _complete(
                """\
                    - id: custom
                      duration:
                        min: 2
                        max: 5
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


def test_custom_with_a_price_range_passes(tmp_path: Path):
    """A custom variant with a 'min' and 'max' per engagement passes."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": _complete(
                """\
                    - id: custom
                      duration:
                        min: 2
                        max: 5
                        unit: day
                      price:
                        min: 20000
                        max: 60000
                        currency: USD
                        unit: engagement
                """
            )
        },
    )
    assert findings(root) == []


def test_standard_priced_per_engagement_passes(tmp_path: Path):
    """A standard variant may have a fixed engagement price."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": _complete(
                """\
                    - id: standard
                      sku: GL-JIRA
                      standard_sow: https://example.com/sow/jira
                      duration:
                        value: 3
                        unit: day
                      price:
                        amount: 9000
                        currency: USD
                        unit: engagement
                """
            )
        },
    )
    assert findings(root) == []


def test_base_variant_without_price_is_reported_at_the_maturity(tmp_path: Path):
    """A complete offering whose base variant has no price gets one M006 at its maturity."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": _complete(
                """\
                    - id: custom
                      duration:
                        min: 2
                        max: 5
                        unit: day
                """
            )
        },
    )
    assert findings(root) == [("M006", "integration.yaml", 7, 15)]


def test_viable_needs_no_price(tmp_path: Path):
    """Below complete, the custom variant may be priced per engagement."""
    root = write_catalog(
        tmp_path,
        {"integration.yaml": CUSTOM_PER_ENGAGEMENT.replace("complete", "viable")},
    )
    assert findings(root) == []


def test_message_and_hint_for_an_engagement_price(in_tmp: Path):
    """M006 on a custom price says a day rate or a range is needed."""
    write_catalog(in_tmp / "catalog", {"integration.yaml": CUSTOM_PER_ENGAGEMENT})
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "M006",
            Severity.ERROR,
            "'jira' is complete but its custom variant has neither a day rate nor a price range",
            Location("catalog/integration.yaml", 19, 9, "/offerings/0/variants/0/price"),
            "make the price a day rate ('unit: day'), or a range ('min' and 'max' instead of "
            "'amount'), or lower the maturity to 'viable' and say why in 'maturity_reason'",
        )
    ]


def test_message_and_hint_for_a_missing_price(in_tmp: Path):
    """M006 on a variant without a price says a price is needed."""
    write_catalog(
        in_tmp / "catalog",
        {
            "integration.yaml": _complete(
                """\
                    - id: custom
                      duration:
                        min: 2
                        max: 5
                        unit: day
                """
            )
        },
    )
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "M006",
            Severity.ERROR,
            "'jira' is complete but its custom variant has no price",
            Location("catalog/integration.yaml", 7, 15, "/offerings/0/maturity"),
            "add a 'price' to the custom variant, or lower the maturity to 'viable' and say why "
            "in 'maturity_reason'",
            (
                Related(
                    Location("catalog/integration.yaml", 14, 9, "/offerings/0/variants/0"),
                    "the custom variant, without a price",
                ),
            ),
        )
    ]


def test_an_offering_without_a_base_variant_does_not_stop_the_others(tmp_path: Path):
    """No base variant is C001's alone; the next complete offering is still judged."""
    without_base = (
        COMPLETE + "    - id: remote\n      duration:\n        value: 3\n        unit: day\n"
    )
    unpriced = COMPLETE.replace("jira", "ldap").replace("JIRA", "LDAP") + (
        "    - id: custom\n      duration:\n        value: 3\n        unit: day\n"
    )
    root = write_catalog(tmp_path, {"integration.yaml": category_file(without_base + unpriced)})
    assert findings(root) == [
        ("C001", "integration.yaml", 13, 5),
        ("M006", "integration.yaml", 20, 15),
    ]
