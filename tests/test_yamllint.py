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
from test_integration import this_revision
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


def crlf_and_note_catalog(root: Path) -> Path:
    """A copy of the shipped catalog: one file with CR LF line ends, one with '#note'."""
    folder = root / "catalog"
    folder.mkdir()
    for path in SHIPPED_CATALOG.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    education = folder / "education.yaml"
    education.write_bytes(education.read_bytes().replace(b"\n", b"\r\n"))
    levels = folder / "levels.yaml"
    text = levels.read_text(encoding="utf-8")
    assert "\n  - id: product\n" in text
    levels.write_text(text.replace("\n  - id: product\n", "\n  - id: product  #note\n"))
    return folder


def fmt_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pscatalog", "fmt", "--check", "catalog"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_crlf_and_a_note_comment_pass_the_shipped_settings_and_fmt(tmp_path: Path) -> None:
    """CR LF and '#note' pass fmt --check and yamllint --strict with the shipped settings.

    yamllint's defaults report both.
    """
    crlf_and_note_catalog(tmp_path)
    assert fmt_check(tmp_path).returncode == 0
    shipped = yamllint("-c", str(SHIPPED), "catalog", cwd=tmp_path)
    assert (shipped.returncode, shipped.stdout, shipped.stderr) == (0, "", "")
    defaults = yamllint(
        "-d",
        "{extends: default, rules: {line-length: disable, document-start: disable}}",
        "catalog",
        cwd=tmp_path,
    )
    assert defaults.returncode == 1
    assert sorted(defaults.stdout.splitlines()) == [
        "catalog/education.yaml:1:63: [error] wrong new line character: expected \\n (new-lines)",
        "catalog/levels.yaml:7:19: [warning] missing starting space in comment (comments)",
    ]


def test_crlf_and_a_note_comment_pass_what_init_adds_to_a_handbook_yamllint(
    tmp_path: Path,
) -> None:
    """What init adds to a handbook's .yamllint lets the catalog's CR LF and '#note' pass.

    The same two in a file outside the catalog are still reported.
    """
    crlf_and_note_catalog(tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".yamllint").write_text("---\nextends: default\n", encoding="utf-8")
    (tmp_path / "other.yaml").write_bytes(b"---\r\nkey: value  #note\r\n")
    init = subprocess.run(
        [
            sys.executable,
            "-m",
            "pscatalog",
            "init",
            "--repository",
            str(REPO),
            "--rev",
            this_revision(),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "updated .yamllint: catalog files exempted\n" in init.stdout, init.stdout
    assert fmt_check(tmp_path).returncode == 0
    result = yamllint("catalog", "other.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        "other.yaml:1:4: [error] wrong new line character: expected \\n (new-lines)\n"
        "other.yaml:2:14: [warning] missing starting space in comment (comments)\n"
    )
