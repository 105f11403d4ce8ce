from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity

PLANNED_WITH_SKU = category_file(
    """
    - id: rapid
      name: Rapid Results implementation
      maturity: planned
      variants:
        - id: custom
        - id: gitlab-com
          sku: GL-RR-COM
    """
)


def test_sku_on_a_planned_offering_is_reported_at_the_sku_key(tmp_path: Path):
    """A SKU on a variant of a planned offering gets one M001, no schema 'not' error, no C005."""
    root = write_catalog(tmp_path, {"integration.yaml": PLANNED_WITH_SKU})
    assert findings(root) == [("M001", "integration.yaml", 11, 9)]


def test_planned_offering_without_skus_passes(tmp_path: Path):
    """A planned offering sold, if at all, as 'custom', without SKUs, passes."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: rapid
                  name: Rapid Results implementation
                  maturity: planned
                  variants:
                    - id: custom
                    - id: gitlab-com
                """
            )
        },
    )
    assert findings(root) == []


def test_sku_on_a_minimal_offering_is_not_this_rule(tmp_path: Path):
    """Once the offering is minimal, a variant with a SKU and its SOW passes."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: rapid
                  name: Rapid Results implementation
                  maturity: minimal
                  variants:
                    - id: custom
                    - id: gitlab-com
                      sku: GL-RR-COM
                      standard_sow: https://example.com/sow/rapid
                """
            )
        },
    )
    assert findings(root) == []


def test_every_sku_of_a_planned_offering_is_reported(tmp_path: Path):
    """Each variant with a SKU gets its own M001, the custom one included."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: rapid
                  name: Rapid Results implementation
                  maturity: planned
                  variants:
                    - id: custom
                      sku: GL-RR
                    - id: gitlab-com
                      sku: GL-RR-COM
                """
            )
        },
    )
    assert findings(root) == [
        ("M001", "integration.yaml", 10, 9),
        ("M001", "integration.yaml", 12, 9),
    ]


def test_message_and_hint(in_tmp: Path):
    """M001 names the offering, the variant and the SKU."""
    write_catalog(in_tmp / "catalog", {"integration.yaml": PLANNED_WITH_SKU})
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "M001",
            Severity.ERROR,
            "'rapid' is planned but variant 'gitlab-com' has the SKU 'GL-RR-COM'",
            Location("catalog/integration.yaml", 11, 9, "/offerings/0/variants/1/sku"),
            "remove the SKU until the offering is sold",
        )
    ]
