from pathlib import Path

from helpers import LEVELS_YAML, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity


def _without_levels(root: Path) -> Path:
    write_catalog(root, {})
    (root / "levels.yaml").unlink()
    return root


def test_catalog_without_levels_file_is_reported_once(tmp_path: Path):
    """A catalog without levels.yaml gets one C204, and no level of a category is judged."""
    assert findings(_without_levels(tmp_path / "catalog")) == [("C204", "levels.yaml", 1, 1)]


def test_levels_yml_is_a_levels_file(tmp_path: Path):
    """A catalog whose levels file is levels.yml passes."""
    root = _without_levels(tmp_path / "catalog")
    (root / "levels.yml").write_text(LEVELS_YAML, encoding="utf-8")
    assert findings(root) == []


def test_catalog_with_levels_file_passes(tmp_path: Path):
    """The base catalog, with its levels.yaml, passes."""
    assert findings(write_catalog(tmp_path, {})) == []


def test_named_files_show_the_missing_levels_file(tmp_path: Path):
    """A missing levels file concerns the whole catalog: naming any file shows it."""
    root = _without_levels(tmp_path / "catalog")
    assert findings(root, root / "a-product.yaml") == [("C204", "levels.yaml", 1, 1)]


def test_message_and_hint(in_tmp: Path):
    """C204 is reported at the levels file the catalog should have."""
    _without_levels(in_tmp / "catalog")
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "C204",
            Severity.ERROR,
            "the catalog has no levels file",
            Location("catalog/levels.yaml", 1, 1, ""),
            "add levels.yaml with the three levels of service",
        )
    ]
