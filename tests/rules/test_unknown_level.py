from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity


def _category(level: str) -> str:
    return category_file(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
        """,
        level=level,
    )


def test_level_that_no_level_defines_is_reported_at_the_value(tmp_path: Path):
    """A category whose 'level' names no level gets one C201 at the value."""
    root = write_catalog(tmp_path, {"integration.yaml": _category("products")})
    assert findings(root) == [("C201", "integration.yaml", 3, 8)]


def test_level_of_the_levels_file_passes(tmp_path: Path):
    """A category naming a level of levels.yaml passes."""
    root = write_catalog(tmp_path, {"integration.yaml": _category("product")})
    assert findings(root) == []


def test_without_a_levels_file_only_the_missing_file_is_reported(tmp_path: Path):
    """With no levels file, C204 is reported and C201 is silent, even for a misspelt level."""
    root = write_catalog(tmp_path / "catalog", {"integration.yaml": _category("products")})
    (root / "levels.yaml").unlink()
    assert findings(root) == [("C204", "levels.yaml", 1, 1)]


def test_with_an_unreadable_levels_file_only_that_file_is_reported(tmp_path: Path):
    """An empty levels file is reported (Y006), and no category's level is then judged."""
    root = write_catalog(tmp_path, {"levels.yaml": "", "integration.yaml": _category("products")})
    assert findings(root) == [("Y006", "levels.yaml", 1, 1)]


def test_hint_suggests_the_closest_level(in_tmp: Path):
    """A misspelt level gets a 'did you mean' hint naming the closest level id."""
    write_catalog(in_tmp / "catalog", {"integration.yaml": _category("products")})
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C201",
            Severity.ERROR,
            "level 'products' is not defined in the levels file",
            Location("catalog/integration.yaml", 3, 8, "/level"),
            "did you mean 'product'?",
        )
    ]


def test_hint_lists_the_known_levels_when_none_is_close(in_tmp: Path):
    """A level like none of the known ones gets a hint listing them all."""
    write_catalog(in_tmp / "catalog", {"integration.yaml": _category("sales")})
    [diagnostic] = validate(["catalog"]).diagnostics
    assert diagnostic.hint == "known levels: product, adoption, transformation"
