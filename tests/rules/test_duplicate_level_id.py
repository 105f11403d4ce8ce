from pathlib import Path

from helpers import findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Related, Severity

LEVELS_WITH_A_REPEATED_ID = """\
    levels:
      - id: product
        name: Product
        rank: 1
        persona: The platform owner
      - id: product
        name: Adoption
        rank: 2
        persona: The enablement lead
      - id: transformation
        name: Transformation
        rank: 3
        persona: The executive sponsor
    """

# The base education category names 'adoption', which the levels above lack.
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


def _catalog(root: Path) -> Path:
    return write_catalog(
        root,
        {"levels.yaml": LEVELS_WITH_A_REPEATED_ID, "b-adoption.yaml": EDUCATION_UNDER_PRODUCT},
    )


def test_repeated_level_id_is_reported_at_the_second_id(tmp_path: Path):
    """The second level with an id gets one C101; the first is never reported."""
    assert findings(_catalog(tmp_path)) == [("C101", "levels.yaml", 6, 9)]


def test_distinct_level_ids_pass(tmp_path: Path):
    """Three levels with their own ids pass."""
    assert findings(write_catalog(tmp_path, {})) == []


def test_repeat_points_at_the_first_level_as_related(in_tmp: Path):
    """C101 names the repeated id, with the first level's id as related location."""
    _catalog(in_tmp / "catalog")
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C101",
            Severity.ERROR,
            "level id 'product' is already used",
            Location("catalog/levels.yaml", 6, 9, "/levels/1/id"),
            "give each level its own id",
            (Related(Location("catalog/levels.yaml", 2, 9, "/levels/0/id"), "already used here"),),
        )
    ]


def test_named_files_show_it_only_with_the_levels_file(tmp_path: Path):
    """Naming the levels file shows C101; naming only a category file does not."""
    root = _catalog(tmp_path)
    assert findings(root, root / "levels.yaml") == [("C101", "levels.yaml", 6, 9)]
    assert findings(root, root / "a-product.yaml") == []
