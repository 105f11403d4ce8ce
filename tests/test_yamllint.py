"""yamllint and pscatalog agree: what pscatalog writes passes the yamllint settings it ships."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from yamllint import linter
from yamllint.config import YamlLintConfig

from conftest import REPO, SHIPPED_CATALOG
from pscatalog.tools.formatting import FormatError, format_text
from test_properties import CATALOGS, emit_yaml

SHIPPED = REPO / "src" / "pscatalog" / "data" / "yamllint.yaml"
CONFIG = YamlLintConfig(file=str(SHIPPED))


def problems(text: str, config: YamlLintConfig = CONFIG) -> list[str]:
    return [f"{p.line}:{p.column} {p.rule}" for p in linter.run(text, config)]


def yamllint(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", "-f", "parsable", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_copy_the_readme_points_at_is_the_packaged_file() -> None:
    """yamllint/catalog.yaml is src/pscatalog/data/yamllint.yaml, byte for byte."""
    assert (REPO / "yamllint" / "catalog.yaml").read_bytes() == SHIPPED.read_bytes()


def test_shipped_catalog_passes_yamllint_with_the_shipped_settings() -> None:
    """The real yamllint, --strict, on every catalog file: no problem at all."""
    result = yamllint("-c", "yamllint/catalog.yaml", "catalog")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_yamllint_defaults_would_fight_the_catalog() -> None:
    """Without the settings, the catalog's long lines and missing '---' are reported."""
    text = (SHIPPED_CATALOG / "integration.yaml").read_text(encoding="utf-8")
    rules = {found.split()[1] for found in problems(text, YamlLintConfig("extends: default"))}
    assert rules == {"line-length", "document-start"}
    assert problems(text) == []


@settings(max_examples=60, suppress_health_check=list(HealthCheck), deadline=None)
@given(CATALOGS)
def test_fmt_output_of_generated_catalogs_passes_yamllint(catalog: tuple) -> None:  # type: ignore[type-arg]
    """Whatever the generated catalog, fmt's output of each readable file passes yamllint."""
    levels, categories, header = catalog
    for kind, data in [("levels", levels), *(("category", c) for c in categories)]:
        try:
            formatted = format_text(header.format(kind=kind) + emit_yaml(data)[0], kind)
        except FormatError:
            continue
        assert problems(formatted) == [], formatted


@pytest.mark.parametrize(
    "text",
    [
        "# yaml-language-server: $schema=../schema/levels.schema.json\n---\nlevels:\n"
        "  - id: product   # the first\n    name: Product\n",
        "\n\nid: x\nname:   'A long name that goes well past the eightieth column of the file, on'\n"
        "offerings:\n- id: y\n  name: Y\n  variants: [{id: custom}, {id: standard}]\n",
    ],
)
def test_fmt_output_of_hand_written_layouts_passes_yamllint(text: str) -> None:
    """A kept '---', blank lines at the top, flow lists and unindented lists: fmt's output passes."""
    kind = "levels" if "levels:" in text else "category"
    formatted = format_text(text, kind)
    assert problems(formatted) == []


def test_a_handbook_yamllint_scoped_to_the_catalog(tmp_path: Path) -> None:
    """The README's scoped settings: catalog files pass, long lines elsewhere are still errors."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("```yaml\n# .yamllint of the handbook\n") + len("```yaml\n")
    (tmp_path / ".yamllint").write_text(readme[start : readme.index("```", start)])
    (tmp_path / "catalog").mkdir()
    for path in SHIPPED_CATALOG.iterdir():
        (tmp_path / "catalog" / path.name).write_bytes(path.read_bytes())
    (tmp_path / "other.yaml").write_text("---\nkey:" + " word" * 20 + "\n", encoding="utf-8")
    result = yamllint(".", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        "./other.yaml:2:81: [error] line too long (104 > 80 characters) (line-length)\n"
    )
