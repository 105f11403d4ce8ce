from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Related, Severity

# a-product.yaml of the base catalog holds the category 'implementation'.
REPEAT = category_file(
    """
    - id: rapid-implementation
      name: Rapid implementation
      maturity: minimal
      variants:
        - id: custom
    """,
    category_id="implementation",
)


def test_repeated_category_id_is_reported_in_the_second_file(tmp_path: Path):
    """A second file with an existing category id gets one C102; the first file none."""
    root = write_catalog(tmp_path, {"x.yaml": REPEAT})
    assert findings(root) == [("C102", "x.yaml", 1, 5)]


def test_distinct_category_ids_pass(tmp_path: Path):
    """A category file with its own id passes."""
    root = write_catalog(
        tmp_path,
        {
            "x.yaml": category_file(
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


def test_every_repeat_points_at_the_first_file(in_tmp: Path):
    """A third file with the id is reported too, each repeat with the first file as related."""
    third = category_file(
        """
        - id: guided-implementation
          name: Guided implementation
          maturity: minimal
          variants:
            - id: custom
        """,
        category_id="implementation",
    )
    write_catalog(in_tmp / "catalog", {"x.yaml": REPEAT, "y.yaml": third})
    first = Location("catalog/a-product.yaml", 1, 5, "/id")
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C102",
            Severity.ERROR,
            "category id 'implementation' is already used",
            Location(f"catalog/{name}", 1, 5, "/id"),
            "give the category its own id, or merge the two files",
            (Related(first, "already used here"),),
        )
        for name in ("x.yaml", "y.yaml")
    ]


def test_named_files_show_the_duplicates_that_involve_them(tmp_path: Path):
    """Naming either file of a duplicate shows it; a fault confined to another file is not shown."""
    other = category_file(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
        """,
        level="products",
    )
    root = write_catalog(tmp_path, {"x.yaml": REPEAT, "z.yaml": other})
    assert findings(root) == [("C102", "x.yaml", 1, 5), ("C201", "z.yaml", 3, 8)]
    assert findings(root, root / "x.yaml") == [("C102", "x.yaml", 1, 5)]
    assert findings(root, root / "a-product.yaml") == [("C102", "a-product.yaml", 1, 5)]
    assert findings(root, root / "b-adoption.yaml") == []
