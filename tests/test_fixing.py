"""`validate --fix`: safe fixes, unsafe ones on request, comments kept, --diff writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import category_file, write_catalog
from pscatalog.checks.config import Config
from pscatalog.cli.main import cli
from pscatalog.tools.fixing import fix_catalog

FAULTY = """\
- id: jira  # the Jira integration
  name: JIRA
  # capitalised by the import
  maturity: Minimal
  summary: no
  variants:
    - id: remote  # no base variant yet
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def catalog(in_tmp: Path) -> Path:
    """./catalog whose x.yaml has C004 (line 8), Y003 (line 9) and C001 (line 10)."""
    return write_catalog(in_tmp / "catalog", {"x.yaml": category_file(FAULTY)})


def test_safe_fixes_are_applied_and_comments_kept(catalog: Path) -> None:
    """--fix lowercases the maturity and quotes `no`, keeps every comment, leaves C001."""
    code, out, err = run("validate", "--fix", "--output-format", "concise")
    assert err == (
        "Fixed 2 findings (C004 x1, Y003 x1); 2 files changed (fixes and canonical layout); "
        "1 finding left.\n"
    )
    assert (code, out) == (
        1,
        "catalog/x.yaml:10:5: error C001 offering 'jira' has no variant called 'standard' or 'custom'\n",
    )
    text = (catalog / "x.yaml").read_text(encoding="utf-8")
    assert text == (
        "id: integration\n"
        "name: Integration Services\n"
        "level: product\n"
        "offerings:\n"
        "  - id: jira  # the Jira integration\n"
        "    name: JIRA\n"
        "    # capitalised by the import\n"
        "    maturity: minimal\n"
        '    summary: "no"\n'
        "    variants:\n"
        "      - id: remote  # no base variant yet\n"
    )


def test_unsafe_fix_adds_a_custom_variant(catalog: Path) -> None:
    """--unsafe-fixes also adds a `custom` variant where an offering has no base variant."""
    code, out, err = run("validate", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert (code, out) == (0, "")
    assert err == (
        "Fixed 3 findings (C001 x1, C004 x1, Y003 x1); 2 files changed (fixes and canonical "
        "layout); 0 findings left.\n"
    )
    assert (
        (catalog / "x.yaml")
        .read_text(encoding="utf-8")
        .endswith("    variants:\n      - id: custom\n      - id: remote  # no base variant yet\n")
    )


def test_an_inserted_variant_leaves_a_suppression_below_it_in_force(in_tmp: Path) -> None:
    """The custom variant goes before a variant with a suppression; the fix is made.

    The suppression still applies to its variant, and still suppresses.
    """
    offerings = (
        "- id: jira\n"
        "  name: Jira\n"
        "  maturity: minimal\n"
        "  variants:\n"
        "    - id: remote\n"
        "      name: on  # pscatalog: ignore[Y003] the product's name\n"
    )
    write_catalog(in_tmp / "catalog", {"x.yaml": category_file(offerings)})
    code, out, err = run("validate", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert (code, out) == (0, "")
    assert err.startswith("Fixed 1 finding (C001 x1);")
    assert (
        (in_tmp / "catalog" / "x.yaml")
        .read_text(encoding="utf-8")
        .endswith(
            "    variants:\n"
            "      - id: custom\n"
            "      - id: remote\n"
            "        name: on  # pscatalog: ignore[Y003] the product's name\n"
        )
    )


def test_diff_shows_the_fixes_and_writes_nothing(catalog: Path) -> None:
    """--fix --diff prints a unified diff, writes nothing, and reports what would be left."""
    before = (catalog / "x.yaml").read_text(encoding="utf-8")
    code, out, err = run("validate", "--fix", "--diff")
    assert code == 1
    assert (catalog / "x.yaml").read_text(encoding="utf-8") == before
    assert out.startswith("--- a/catalog/levels.yaml\n")
    assert (
        "     # capitalised by the import\n"
        "-    maturity: Minimal\n"
        "-    summary: no\n"
        "+    maturity: minimal\n"
        '+    summary: "no"\n'
        "     variants:\n"
    ) in out[out.index("--- a/catalog/x.yaml") :]
    assert (
        "catalog/x.yaml:10:5: error C001 offering 'jira' has no variant called 'standard' or "
        "'custom'\n   |\n10 |     variants:\n   |     ^^^^^^^^\n"
    ) in out
    assert err.startswith("Would fix 2 findings (C004 x1, Y003 x1); 2 files would change")


def test_fix_options_need_fix() -> None:
    """--diff or --unsafe-fixes without --fix is a usage error."""
    code, _, err = run("validate", "--diff")
    assert code == 2
    assert "--unsafe-fixes and --diff go with --fix" in err


def test_modeline_fix_names_the_schema_beside_the_catalog_or_the_url(tmp_path: Path) -> None:
    """A missing modeline becomes ../schema/... where that schema exists, else the $id URL."""
    root = write_catalog(tmp_path / "catalog", {})
    outcome = fix_catalog([root], config=Config(), write=True)
    assert outcome.fixed["C301"] == 4
    first = (root / "levels.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert (
        first
        == "# yaml-language-server: $schema=https://pscatalog.gitlab.io/schema/v1/levels.schema.json"
    )
    assert outcome.remaining.diagnostics == []


def test_rules_command_shows_which_codes_can_be_fixed() -> None:
    """`pscatalog rules` marks safe and unsafe fixes."""
    _, out, _ = run("rules")
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "safe fix" in lines["C004"]
    assert "safe fix" in lines["Y003"]
    assert "safe fix" in lines["C301"]
    assert "unsafe fix" in lines["C001"]
    assert "fix" not in lines["C103"].split("  ")[3]


def test_a_file_that_does_not_parse_is_left_alone(catalog: Path) -> None:
    """A file with a syntax error is not touched by --fix; the others are fixed."""
    broken = catalog / "y.yaml"
    broken.write_text("id: [broken\n", encoding="utf-8")
    run("validate", "--fix")
    assert broken.read_text(encoding="utf-8") == "id: [broken\n"
    assert "maturity: minimal" in (catalog / "x.yaml").read_text(encoding="utf-8")
