from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity


def test_offering_without_standard_or_custom_is_reported_at_its_variants_key(tmp_path: Path):
    """An offering whose only variant is an alternative gets one C001 at 'variants'."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: remote
                """
            )
        },
    )
    assert findings(root) == [("C001", "integration.yaml", 8, 5)]


def test_custom_variant_is_a_base_variant(tmp_path: Path):
    """An offering with a 'custom' variant beside its alternatives passes."""
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


def test_standard_variant_is_a_base_variant(tmp_path: Path):
    """An offering whose base variant is a complete 'standard' one passes."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: remote
                    - id: standard
                      sku: GL-JIRA
                      standard_sow: https://example.com/sow/jira
                """
            )
        },
    )
    assert findings(root) == []


def test_empty_variants_list_is_one_c001_and_no_schema_error(tmp_path: Path):
    """'variants: []' is reported once, as C001, not also as the schema's minItems."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants: []
                """
            )
        },
    )
    assert findings(root) == [("C001", "integration.yaml", 8, 5)]


def test_variants_that_are_not_a_list_are_left_to_the_schema(tmp_path: Path):
    """A 'variants' that is not a list is a type error only, not also C001."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants: custom
                """
            )
        },
    )
    assert findings(root) == [("S003", "integration.yaml", 8, 15)]


def test_each_offering_without_a_base_variant_is_reported(tmp_path: Path):
    """Two offerings without a base variant give one C001 each."""
    root = write_catalog(
        tmp_path,
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: remote
                - id: jenkins
                  name: Jenkins
                  maturity: minimal
                  variants:
                    - id: on-site
                """
            )
        },
    )
    assert findings(root) == [
        ("C001", "integration.yaml", 8, 5),
        ("C001", "integration.yaml", 13, 5),
    ]


def test_message_and_hint(in_tmp: Path):
    """C001 names the offering and says which ids a base variant may have."""
    write_catalog(
        in_tmp / "catalog",
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: remote
                """
            )
        },
    )
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C001",
            Severity.ERROR,
            "offering 'jira' has no variant called 'standard' or 'custom'",
            Location("catalog/integration.yaml", 8, 5, "/offerings/0/variants"),
            "add a variant 'custom' (sold with a custom SOW)",
        )
    ]
