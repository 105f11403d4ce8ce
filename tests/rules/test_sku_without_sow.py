from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity


def test_alternative_variant_with_sku_and_no_sow_is_reported_at_the_sku_key(tmp_path: Path):
    """A 'remote' variant sold with a SKU but without a standard SOW gets one C005."""
    root = write_catalog(
        tmp_path,
        {
            "education.yaml": category_file(
                """
                - id: basics
                  name: GitLab basics
                  maturity: minimal
                  variants:
                    - id: custom
                    - id: remote
                      sku: GL-BAS-R
                """,
                level="adoption",
                category_id="training",
            )
        },
    )
    assert findings(root) == [("C005", "education.yaml", 11, 9)]


def test_alternative_variant_with_sku_and_sow_passes(tmp_path: Path):
    """A variant with a SKU and its standard SOW passes."""
    root = write_catalog(
        tmp_path,
        {
            "education.yaml": category_file(
                """
                - id: basics
                  name: GitLab basics
                  maturity: minimal
                  variants:
                    - id: custom
                    - id: remote
                      sku: GL-BAS-R
                      standard_sow: https://example.com/sow/basics-remote
                """,
                level="adoption",
                category_id="training",
            )
        },
    )
    assert findings(root) == []


def test_standard_variant_without_sow_is_left_to_standard_variant_incomplete(tmp_path: Path):
    """A 'standard' variant lacking its SOW is reported once, as C002, not as C005."""
    root = write_catalog(
        tmp_path,
        {
            "education.yaml": category_file(
                """
                - id: basics
                  name: GitLab basics
                  maturity: minimal
                  variants:
                    - id: standard
                      sku: GL-BAS
                """,
                level="adoption",
                category_id="training",
            )
        },
    )
    assert findings(root) == [("C002", "education.yaml", 9, 9)]


def test_sku_on_a_planned_offering_is_left_to_planned_with_sku(tmp_path: Path):
    """On a planned offering the SKU is reported once, as M001, not as C005."""
    root = write_catalog(
        tmp_path,
        {
            "education.yaml": category_file(
                """
                - id: basics
                  name: GitLab basics
                  maturity: planned
                  variants:
                    - id: custom
                    - id: remote
                      sku: GL-BAS-R
                """,
                level="adoption",
                category_id="training",
            )
        },
    )
    assert findings(root) == [("M001", "education.yaml", 11, 9)]


def test_message_and_hint(in_tmp: Path):
    """C005 names the variant, its offering and its SKU."""
    write_catalog(
        in_tmp / "catalog",
        {
            "education.yaml": category_file(
                """
                - id: basics
                  name: GitLab basics
                  maturity: minimal
                  variants:
                    - id: custom
                    - id: remote
                      sku: GL-BAS-R
                """,
                level="adoption",
                category_id="training",
            )
        },
    )
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C005",
            Severity.ERROR,
            "variant 'remote' of 'basics' is sold as 'GL-BAS-R' but has no 'standard_sow'",
            Location("catalog/education.yaml", 11, 9, "/offerings/0/variants/1/sku"),
            "add the link to the variant's standard SOW as 'standard_sow'",
        )
    ]
