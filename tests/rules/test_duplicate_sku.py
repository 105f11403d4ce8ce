from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Related, Severity


def _standard(offering_id: str, sku: str, category_id: str) -> str:
    return category_file(
        f"""
        - id: {offering_id}
          name: {offering_id.title()}
          maturity: minimal
          variants:
            - id: standard
              sku: {sku}
              standard_sow: https://example.com/sow/{offering_id}
        """,
        category_id=category_id,
    )


def test_sku_used_in_another_file_is_reported_at_the_repeat(tmp_path: Path):
    """A SKU already sold in another file gets one C105 at the repeat only."""
    root = write_catalog(
        tmp_path,
        {
            "x.yaml": _standard("jira", "GL-JIRA", "integration"),
            "y.yaml": _standard("jenkins", "GL-JIRA", "ci"),
        },
    )
    assert findings(root) == [("C105", "y.yaml", 10, 14)]


def test_sku_repeated_within_one_offering_is_reported(tmp_path: Path):
    """Two variants of one offering with one SKU give one C105, at the second."""
    root = write_catalog(
        tmp_path,
        {
            "x.yaml": category_file(
                """
                - id: engineer
                  name: Engineer
                  maturity: minimal
                  variants:
                    - id: standard
                      sku: GL-ENGR-12
                      standard_sow: https://example.com/sow/engineer
                    - id: cleared
                      sku: GL-ENGR-12
                      standard_sow: https://example.com/sow/engineer-cleared
                """,
                level="transformation",
                category_id="engineers",
            )
        },
    )
    assert findings(root) == [("C105", "x.yaml", 13, 14)]


def test_distinct_skus_pass(tmp_path: Path):
    """Variants with their own SKUs pass."""
    root = write_catalog(
        tmp_path,
        {
            "x.yaml": _standard("jira", "GL-JIRA", "integration"),
            "y.yaml": _standard("jenkins", "GL-JENKINS", "ci"),
        },
    )
    assert findings(root) == []


def test_repeat_points_at_the_first_sku_as_related(in_tmp: Path):
    """C105 names the SKU, with the first variant's SKU in the other file as related."""
    write_catalog(
        in_tmp / "catalog",
        {
            "x.yaml": _standard("jira", "GL-JIRA", "integration"),
            "y.yaml": _standard("jenkins", "GL-JIRA", "ci"),
        },
    )
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C105",
            Severity.ERROR,
            "SKU 'GL-JIRA' is already used",
            Location("catalog/y.yaml", 10, 14, "/offerings/0/variants/0/sku"),
            "give each variant its own SKU",
            (
                Related(
                    Location("catalog/x.yaml", 10, 14, "/offerings/0/variants/0/sku"),
                    "already used here",
                ),
            ),
        )
    ]


def test_named_files_show_the_duplicates_that_involve_them(tmp_path: Path):
    """Naming either file of the duplicate shows it; naming an unrelated file does not."""
    root = write_catalog(
        tmp_path,
        {
            "x.yaml": _standard("jira", "GL-JIRA", "integration"),
            "y.yaml": _standard("jenkins", "GL-JIRA", "ci"),
        },
    )
    assert findings(root, root / "x.yaml") == [("C105", "x.yaml", 10, 14)]
    assert findings(root, root / "y.yaml") == [("C105", "y.yaml", 10, 14)]
    assert findings(root, root / "a-product.yaml") == []
