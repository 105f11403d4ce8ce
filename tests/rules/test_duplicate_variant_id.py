from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Related, Severity


def test_variant_id_repeated_in_an_offering_is_reported_at_the_second(tmp_path: Path):
    """Two variants of one offering with one id give one C106, at the second."""
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
                    - id: custom
                """
            )
        },
    )
    assert findings(root) == [("C106", "integration.yaml", 11, 13)]


def test_same_variant_id_in_two_offerings_passes(tmp_path: Path):
    """Variant ids are unique per offering: two offerings may each have 'custom'."""
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
                - id: jenkins
                  name: Jenkins
                  maturity: minimal
                  variants:
                    - id: custom
                    - id: remote
                """
            )
        },
    )
    assert findings(root) == []


def test_repeat_points_at_the_first_variant_as_related(in_tmp: Path):
    """C106 names the id, with the first variant's id as related."""
    write_catalog(
        in_tmp / "catalog",
        {
            "integration.yaml": category_file(
                """
                - id: jira
                  name: JIRA
                  maturity: minimal
                  variants:
                    - id: custom
                    - id: custom
                """
            )
        },
    )
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C106",
            Severity.ERROR,
            "variant id 'custom' is already used",
            Location("catalog/integration.yaml", 10, 13, "/offerings/0/variants/1/id"),
            "give each variant its own id",
            (
                Related(
                    Location("catalog/integration.yaml", 9, 13, "/offerings/0/variants/0/id"),
                    "already used here",
                ),
            ),
        )
    ]
