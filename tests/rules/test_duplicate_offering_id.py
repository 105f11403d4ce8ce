from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Related, Severity

# a-product.yaml of the base catalog holds the offering 'base-implementation' (line 5).
REPEAT = category_file(
    """
    - id: base-implementation
      name: Another implementation
      maturity: minimal
      variants:
        - id: custom
    """
)


def test_offering_id_used_in_another_file_is_reported_at_the_repeat(tmp_path: Path):
    """An offering id already used in another file gets one C103 at the repeat only."""
    root = write_catalog(tmp_path, {"x.yaml": REPEAT})
    assert findings(root) == [("C103", "x.yaml", 5, 9)]


def test_offering_id_repeated_in_one_file_is_reported_at_the_second(tmp_path: Path):
    """Two offerings of one file with the same id give one C103, at the second."""
    root = write_catalog(
        tmp_path,
        {
            "x.yaml": category_file(
                """
                - id: dedicated-engineer
                  name: Dedicated engineer
                  maturity: minimal
                  variants:
                    - id: custom
                - id: dedicated-engineer
                  name: Cleared dedicated engineer
                  maturity: minimal
                  variants:
                    - id: custom
                """,
                level="transformation",
                category_id="engineers",
            )
        },
    )
    assert findings(root) == [("C103", "x.yaml", 10, 9)]


def test_distinct_offering_ids_pass(tmp_path: Path):
    """Offerings with their own ids pass."""
    root = write_catalog(
        tmp_path,
        {
            "x.yaml": category_file(
                """
                - id: dedicated-engineer
                  name: Dedicated engineer
                  maturity: minimal
                  variants:
                    - id: custom
                - id: cleared-dedicated-engineer
                  name: Cleared dedicated engineer
                  maturity: minimal
                  variants:
                    - id: custom
                """,
                level="transformation",
                category_id="engineers",
            )
        },
    )
    assert findings(root) == []


def test_repeat_points_at_the_first_offering_as_related(in_tmp: Path):
    """C103 names the id, with the first offering's id in the other file as related."""
    write_catalog(in_tmp / "catalog", {"x.yaml": REPEAT})
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C103",
            Severity.ERROR,
            "offering id 'base-implementation' is already used",
            Location("catalog/x.yaml", 5, 9, "/offerings/0/id"),
            "give the offering its own id, or make it a variant of the other offering",
            (
                Related(
                    Location("catalog/a-product.yaml", 5, 9, "/offerings/0/id"), "already used here"
                ),
            ),
        )
    ]


def test_named_files_show_the_duplicates_that_involve_them(tmp_path: Path):
    """Naming x.yaml shows its cross-file duplicate, not a fault confined to another file."""
    other = category_file(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: remote
        """,
        category_id="other",
    )
    root = write_catalog(tmp_path, {"x.yaml": REPEAT, "z.yaml": other})
    assert findings(root) == [("C103", "x.yaml", 5, 9), ("C001", "z.yaml", 8, 5)]
    assert findings(root, root / "x.yaml") == [("C103", "x.yaml", 5, 9)]
    assert findings(root, root / "a-product.yaml") == [("C103", "a-product.yaml", 5, 9)]
    assert findings(root, root / "z.yaml") == [("C001", "z.yaml", 8, 5)]
