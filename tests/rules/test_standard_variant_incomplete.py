from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity


def test_standard_variant_without_sow_is_reported_at_the_variant(tmp_path: Path):
    """A 'standard' variant with a SKU but no standard SOW gets one C002, no schema error."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: standard
                      sku: GL-JIRA
                """
            )
        },
    )
    assert findings(root) == [("C002", "integration.yaml", 9, 9)]


def test_standard_variant_without_sku_or_sow_is_one_finding(tmp_path: Path):
    """A bare 'standard' variant lacks both keys and is reported once."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: standard
                """
            )
        },
    )
    assert findings(root) == [("C002", "integration.yaml", 9, 9)]


def test_standard_variant_with_sku_and_sow_passes(tmp_path: Path):
    """A 'standard' variant with both a SKU and a standard SOW passes."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: standard
                      sku: GL-JIRA
                      standard_sow: https://example.com/sow/jira
                """
            )
        },
    )
    assert findings(root) == []


def test_other_variants_without_sow_are_not_this_rule(tmp_path: Path):
    """Only variants called 'standard' must have a SKU and a SOW."""
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
                    - id: remote
                """
            )
        },
    )
    assert findings(root) == []


def test_a_missing_key_of_the_offering_is_still_reported(tmp_path: Path):
    """C002 replaces the schema's error about the variant only: an offering's own missing key stays."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  maturity: minimal
                  variants:
                    - id: standard
                      sku: GL-JIRA
                """
            )
        },
    )
    assert findings(root) == [
        ("S002", "integration.yaml", 5, 5),
        ("C002", "integration.yaml", 8, 9),
    ]


def test_a_missing_key_of_the_category_is_still_reported(tmp_path: Path):
    """A category file without 'level' keeps its S002 beside a C002 further down."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": """\
                id: integration
                name: Integration Services
                offerings:
                  - id: jira
                    name: JIRA
                    maturity: minimal
                    variants:
                      - id: standard
                """
        },
    )
    assert findings(root) == [
        ("S002", "integration.yaml", 1, 1),
        ("C002", "integration.yaml", 8, 9),
    ]


def test_message_and_hint_name_the_missing_key(in_tmp: Path):
    """C002 names the offering and the missing key, and offers the rename to 'custom'."""
    write_catalog(
        in_tmp / "catalog",
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: standard
                      sku: GL-JIRA
                """
            )
        },
    )
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C002",
            Severity.ERROR,
            "the standard variant of 'jira' has no 'standard_sow'",
            Location("catalog/integration.yaml", 9, 9, "/offerings/0/variants/0"),
            "add 'standard_sow'",
        )
    ]


def test_message_and_hint_name_both_missing_keys(in_tmp: Path):
    """With neither key, C002 lists both: 'or' in the message, 'and' in the hint."""
    write_catalog(
        in_tmp / "catalog",
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: standard
                """
            )
        },
    )
    [diagnostic] = validate(["catalog"]).diagnostics
    assert diagnostic.message == "the standard variant of 'jira' has no 'sku' or 'standard_sow'"
    assert diagnostic.hint == (
        "add 'sku' and 'standard_sow', or rename the variant to 'custom' if it is sold with a "
        "custom SOW"
    )
