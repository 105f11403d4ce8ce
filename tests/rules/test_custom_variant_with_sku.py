from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity


def test_custom_variant_with_sku_is_reported_at_the_sku_key(tmp_path: Path):
    """A SKU on a 'custom' variant gets one C003 at the key, no schema 'not' error."""
    root = write_catalog(
        tmp_path,
        {
            "migration.yaml": category_file(
                """
                - id: migration
                  name: Migration
                  maturity: minimal
                  variants:
                    - id: custom
                      sku: GL-MIG-CUSTOM
                """,
                category_id="migration",
            )
        },
    )
    assert findings(root) == [("C003", "migration.yaml", 10, 9)]


def test_custom_variant_without_sku_passes(tmp_path: Path):
    """A 'custom' variant priced by the day, without a SKU, passes."""
    root = write_catalog(
        tmp_path,
        {
            "migration.yaml": category_file(
                """
                - id: migration
                  name: Migration
                  maturity: minimal
                  variants:
                    - id: custom
                      price:
                        amount: 2000
                        currency: USD
                        unit: day
                """,
                category_id="migration",
            )
        },
    )
    assert findings(root) == []


def test_sku_on_custom_of_a_planned_offering_is_left_to_planned_with_sku(tmp_path: Path):
    """On a planned offering the SKU is reported once, as M001, not as C003."""
    root = write_catalog(
        tmp_path,
        {
            "migration.yaml": category_file(
                """
                - id: migration
                  name: Migration
                  maturity: planned
                  variants:
                    - id: custom
                      sku: GL-MIG-CUSTOM
                """,
                category_id="migration",
            )
        },
    )
    assert findings(root) == [("M001", "migration.yaml", 10, 9)]


def test_message_and_hint(in_tmp: Path):
    """C003 names the offering and says what to do with the SKU."""
    write_catalog(
        in_tmp / "catalog",
        {
            "migration.yaml": category_file(
                """
                - id: migration
                  name: Migration
                  maturity: minimal
                  variants:
                    - id: custom
                      sku: GL-MIG-CUSTOM
                """,
                category_id="migration",
            )
        },
    )
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C003",
            Severity.ERROR,
            "the custom variant of 'migration' has a SKU: custom variants are sold "
            "with a custom SOW",
            Location("catalog/migration.yaml", 10, 9, "/offerings/0/variants/0/sku"),
            "remove the 'sku' (a custom variant is sold with a custom SOW)",
        )
    ]
