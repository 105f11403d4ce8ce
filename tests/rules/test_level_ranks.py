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


def _codes(root: Path) -> list[str]:
    return [code for code, *_ in findings(root)]


def test_a_levels_file_without_a_levels_list_is_left_to_the_schema(tmp_path: Path):
    """A levels file that is a list, or whose 'levels' is no list, gets no C202."""
    root = write_catalog(tmp_path / "a", {"levels.yaml": "- id: product\n"})
    assert "C202" not in _codes(root)
    root = write_catalog(tmp_path / "b", {"levels.yaml": "levels: three\n"})
    assert "C202" not in _codes(root)


def test_ranks_that_are_not_numbers_are_never_repeats(tmp_path: Path):
    """Two ranks 'x', or two ranks true, are the schema's to report, not repeated ranks."""
    for name, rank in (("text", "x"), ("boolean", "true")):
        levels = PRODUCT.replace("rank: 1", f"rank: {rank}") + ADOPTION.format(rank=rank)
        root = write_catalog(
            tmp_path / name, {"levels.yaml": "levels:\n" + levels + TRANSFORMATION}
        )
        assert "C202" not in _codes(root), name


def test_a_repeated_rank_after_a_level_with_a_bad_rank_is_still_found(tmp_path: Path):
    """A level whose rank is not a number is passed over; the repeat after it is reported."""
    levels = PRODUCT.replace("rank: 1", "rank: first") + ADOPTION.format(rank=3) + TRANSFORMATION
    root = write_catalog(tmp_path, {"levels.yaml": "levels:\n" + levels})
    assert [f for f in findings(root) if f[0] == "C202"] == [("C202", "levels.yaml", 12, 11)]


def test_a_level_without_an_id_is_named_by_a_question_mark(in_tmp: Path):
    """The level that has the rank first, if it has no id, is '?' in the message."""
    levels = PRODUCT.replace("  - id: product\n    name", "  - name") + ADOPTION.format(rank=1)
    write_catalog(in_tmp / "catalog", {"levels.yaml": "levels:\n" + levels + TRANSFORMATION})
    [c202] = [d for d in validate(["catalog"]).diagnostics if d.code == "C202"]
    assert c202.message == "rank 1 is already given to level '?'"
