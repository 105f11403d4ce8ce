from pathlib import Path

from helpers import findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity

# The base education category moved to the product level: no category is left for 'adoption'.
EDUCATION_UNDER_PRODUCT = """\
    id: education
    name: Education Services
    level: product
    offerings:
      - id: base-training
        name: Base training
        maturity: planned
        variants:
          - id: custom
    """


def test_level_that_no_category_names_is_reported_at_its_id(tmp_path: Path):
    """A level without a category gets one C203 at the level's id."""
    root = write_catalog(tmp_path, {"b-adoption.yaml": EDUCATION_UNDER_PRODUCT})
    assert findings(root) == [("C203", "levels.yaml", 6, 9)]


def test_every_level_with_a_category_passes(tmp_path: Path):
    """Each level named by at least one category passes."""
    assert findings(write_catalog(tmp_path, {})) == []


def test_named_files_show_it_with_the_levels_file_or_any_category_file(tmp_path: Path):
    """C203 is in levels.yaml, and a change to any category file (the one moved away) causes it."""
    root = write_catalog(tmp_path, {"b-adoption.yaml": EDUCATION_UNDER_PRODUCT})
    assert findings(root, root / "levels.yaml") == [("C203", "levels.yaml", 6, 9)]
    assert findings(root, root / "b-adoption.yaml") == [("C203", "levels.yaml", 6, 9)]
    assert findings(root, root / "a-product.yaml") == [("C203", "levels.yaml", 6, 9)]


def test_message_and_hint(in_tmp: Path):
    """C203 names the level and the 'level:' line a category file would need."""
    write_catalog(in_tmp / "catalog", {"b-adoption.yaml": EDUCATION_UNDER_PRODUCT})
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C203",
            Severity.ERROR,
            "level 'adoption' has no category",
            Location("catalog/levels.yaml", 6, 9, "/levels/1/id"),
            "add a category file with 'level: adoption'",
        )
    ]


def test_not_reported_while_a_category_file_cannot_be_read(tmp_path: Path) -> None:
    """A syntax error in the only file of a level is one finding (Y001), not also C203."""
    root = write_catalog(tmp_path / "catalog", {"b-adoption.yaml": "id: education\nname: [x\n"})
    assert [code for code, *_ in findings(root)] == ["Y001"]
