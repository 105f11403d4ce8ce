from pathlib import Path

from helpers import findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Related, Severity

PRODUCT = """\
  - id: product
    name: Product
    rank: 1
    persona: The platform owner
"""
ADOPTION = """\
  - id: adoption
    name: Adoption
    rank: {rank}
    persona: The enablement lead
"""
TRANSFORMATION = """\
  - id: transformation
    name: Transformation
    rank: 3
    persona: The executive sponsor
"""
ENTERPRISE = """\
  - id: enterprise
    name: Enterprise
    rank: 3
    persona: The chief information officer
"""


def _category(category_id: str, level: str) -> str:
    return f"""\
id: {category_id}
name: {category_id.title()} Services
level: {level}
offerings:
  - id: {category_id}-offering
    name: {category_id.title()} offering
    maturity: planned
    variants:
      - id: custom
"""


def test_two_levels_are_reported_at_the_levels_key(tmp_path: Path):
    """A levels file with two levels gets one C202 at 'levels'."""
    root = write_catalog(
        tmp_path,
        {
            "levels.yaml": "levels:\n" + PRODUCT + ADOPTION.format(rank=2),
            # The base dedicated category names 'transformation', which is gone.
            "c-transformation.yaml": _category("dedicated", "adoption"),
        },
    )
    assert findings(root) == [("C202", "levels.yaml", 1, 1)]


def test_four_levels_are_reported_with_the_rank_they_repeat(tmp_path: Path):
    """A fourth level is a wrong count, and its rank (3) is already taken: two C202."""
    root = write_catalog(
        tmp_path,
        {
            "levels.yaml": "levels:\n"
            + PRODUCT
            + ADOPTION.format(rank=2)
            + TRANSFORMATION
            + ENTERPRISE,
            "x.yaml": _category("enterprise", "enterprise"),
        },
    )
    assert findings(root) == [("C202", "levels.yaml", 1, 1), ("C202", "levels.yaml", 16, 11)]


def test_repeated_rank_is_reported_at_the_second_rank(tmp_path: Path):
    """Three levels where two share a rank give one C202, at the second rank."""
    root = write_catalog(
        tmp_path,
        {"levels.yaml": "levels:\n" + PRODUCT + ADOPTION.format(rank=1) + TRANSFORMATION},
    )
    assert findings(root) == [("C202", "levels.yaml", 8, 11)]


def test_three_levels_ranked_1_2_3_pass(tmp_path: Path):
    """Three levels ranked 1, 2 and 3 pass."""
    root = write_catalog(
        tmp_path,
        {"levels.yaml": "levels:\n" + PRODUCT + ADOPTION.format(rank=2) + TRANSFORMATION},
    )
    assert findings(root) == []


def test_count_message_and_hint(in_tmp: Path):
    """The count finding says how many levels there are."""
    write_catalog(
        in_tmp / "catalog",
        {
            "levels.yaml": "levels:\n" + PRODUCT + ADOPTION.format(rank=2),
            "c-transformation.yaml": _category("dedicated", "adoption"),
        },
    )
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C202",
            Severity.ERROR,
            "there are 2 levels; the framework has exactly three",
            Location("catalog/levels.yaml", 1, 1, "/levels"),
            "keep three levels, ranked 1, 2 and 3",
        )
    ]


def test_repeated_rank_message_hint_and_related(in_tmp: Path):
    """The repeated-rank finding names the level that has the rank, and points at its rank."""
    write_catalog(
        in_tmp / "catalog",
        {"levels.yaml": "levels:\n" + PRODUCT + ADOPTION.format(rank=1) + TRANSFORMATION},
    )
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C202",
            Severity.ERROR,
            "rank 1 is already given to level 'product'",
            Location("catalog/levels.yaml", 8, 11, "/levels/1/rank"),
            "rank the levels 1, 2 and 3, one each",
            (
                Related(
                    Location("catalog/levels.yaml", 4, 11, "/levels/0/rank"), "already given here"
                ),
            ),
        )
    ]
