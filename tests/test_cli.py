"""The command line: output, exit codes, and errors as one line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from conftest import REPO, SHIPPED_CATALOG
from helpers import category_file, write_catalog
from pscatalog import __version__
from pscatalog.cli.main import cli

BROKEN_OFFERINGS = """\
- id: jira
  name: JIRA
  maturity: Complete
  variants:
    - id: custom
      price:
        amount: 2400
        currency: USD
        unit: day
      duration:
        value: 1
        unit: day
  evidence:
    deliveries: 3
    marketing_material:
      - https://example.com/jira
    execution_plan: https://example.com/plan
"""


def run(*args: str) -> tuple[int, str, str]:
    """Invoke the CLI in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def shipped(in_tmp: Path) -> Path:
    """A copy of the shipped catalog in ./catalog of an empty folder."""
    shutil.copytree(SHIPPED_CATALOG, in_tmp / "catalog")
    shutil.copytree(REPO / "schema", in_tmp / "schema")
    return in_tmp / "catalog"


@pytest.fixture
def broken(in_tmp: Path) -> Path:
    """A catalog in ./catalog whose integration.yaml writes a maturity in capitals."""
    return write_catalog(in_tmp / "catalog", {"integration.yaml": category_file(BROKEN_OFFERINGS)})


def test_version() -> None:
    """`--version` prints the name and version."""
    assert run("--version") == (0, f"pscatalog {__version__}\n", "")


def test_validate_finds_the_catalog_from_the_current_folder(shipped: Path) -> None:
    """Without a path, ./catalog is validated."""
    assert run("validate") == (0, "No problems found in 7 files.\n", "")


def test_validate_finds_the_catalog_from_a_subfolder(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From a folder below, the nearest parent's catalog folder is used."""
    below = shipped.parent / "docs" / "deep"
    below.mkdir(parents=True)
    monkeypatch.chdir(below)
    assert run("validate") == (0, "No problems found in 7 files.\n", "")


def test_validate_full_output(broken: Path) -> None:
    """The full format shows the place, the source line with a marker, and the hint."""
    code, out, err = run("validate")
    assert code == 1
    assert err == ""
    assert out == (
        "catalog/integration.yaml:7:15: error C004 maturity 'Complete' must be written in "
        "lowercase\n"
        "  |\n"
        "7 |     maturity: Complete\n"
        "  |               ^^^^^^^^\n"
        "  = hint: write 'complete'\n"
        "Found 1 error in 5 files; 1 fixable with --fix.\n"
    )


def test_validate_concise_output(broken: Path) -> None:
    """The concise format gives one line per diagnostic and no summary."""
    code, out, _ = run("validate", "--output-format", "concise", "catalog")
    assert (code, out) == (
        1,
        "catalog/integration.yaml:7:15: error C004 maturity 'Complete' must be written in "
        "lowercase\n",
    )


def test_validate_json_output_follows_its_schema(broken: Path) -> None:
    """The json format is an object with a diagnostics list, valid against its own schema."""
    code, out, _ = run("validate", "--output-format", "json")
    assert code == 1
    report = json.loads(out)
    schema = json.loads((REPO / "docs" / "diagnostics.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(report)
    assert report["summary"] == {
        "errors": 1,
        "warnings": 0,
        "infos": 0,
        "files": 5,
        "baselined": 0,
        "fixable": 1,
        "unsafe_fixable": 0,
    }
    assert report["diagnostics"] == [
        {
            "code": "C004",
            "severity": "error",
            "message": "maturity 'Complete' must be written in lowercase",
            "file": "catalog/integration.yaml",
            "line": 7,
            "column": 15,
            "pointer": "/offerings/0/maturity",
            "hint": "write 'complete'",
            "fix": "safe",
            "url": "https://gitlab.com/pscatalog/pscatalog/-/blob/main/docs/rules.md#c004",
            "related": [],
        }
    ]


def test_related_place_is_shown(in_tmp: Path) -> None:
    """A duplicate across files names the first occurrence under the diagnostic."""
    offering = "- id: base-training\n  name: Other training\n  maturity: planned\n  variants:\n    - id: custom\n"
    write_catalog(in_tmp / "catalog", {"d-more.yaml": category_file(offering, category_id="more")})
    code, out, _ = run("validate")
    assert code == 1
    assert out == (
        "catalog/d-more.yaml:5:9: error C103 offering id 'base-training' is already used\n"
        "  |\n"
        "5 |   - id: base-training\n"
        "  |         ^^^^^^^^^^^^^\n"
        "  = hint: give the offering its own id, or make it a variant of the other offering\n"
        "  = catalog/b-adoption.yaml:5:9: already used here\n"
        "Found 1 error in 5 files.\n"
    )


def test_named_file_shows_only_findings_that_involve_it(broken: Path) -> None:
    """Naming a clean file of a broken catalog shows nothing and exits 0."""
    assert run("validate", "catalog/a-product.yaml") == (0, "No problems found in 1 file.\n", "")


def test_missing_path_is_a_usage_error(in_tmp: Path) -> None:
    """A path that does not exist: one line on stderr, exit 2."""
    assert run("validate", "nope") == (
        2,
        "",
        "pscatalog: error: no such file or folder: nope\n"
        "Try 'pscatalog validate --help' for help.\n",
    )


def test_non_yaml_file_is_a_usage_error(in_tmp: Path) -> None:
    """A named file that is not YAML: one line on stderr, exit 2."""
    (in_tmp / "notes.txt").write_text("x", encoding="utf-8")
    assert run("validate", "notes.txt") == (
        2,
        "",
        "pscatalog: error: not a catalog file (.yaml or .yml): notes.txt\n"
        "Try 'pscatalog validate --help' for help.\n",
    )


def test_no_catalog_found_is_a_usage_error(in_tmp: Path) -> None:
    """Without a path and without a catalog folder around, exit 2 with one line."""
    code, out, err = run("validate")
    assert (code, out) == (2, "")
    assert err.startswith("pscatalog: error: no catalog found:")
    assert err.endswith("; name the catalog folder\nTry 'pscatalog validate --help' for help.\n")
    assert err.count("\n") == 2


def test_render_prints_categories(shipped: Path) -> None:
    """`render` prints the categories view to stdout."""
    code, out, err = run("render")
    assert (code, err) == (0, "")
    assert out.count("#### ") == 6
    assert out.count("| Planned |") == 6


def test_render_refuses_a_catalog_with_schema_errors(in_tmp: Path) -> None:
    """A schema error stops `render`: exit 1, diagnostics on stderr, nothing on stdout."""
    bad = category_file(
        "- id: jira\n  name: JIRA\n  maturity: done\n  variants:\n    - id: custom\n"
    )
    write_catalog(in_tmp / "catalog", {"integration.yaml": bad})
    code, out, err = run("render")
    assert (code, out) == (1, "")
    assert err.startswith("catalog/integration.yaml:7:15: error S004 'maturity' is 'done'")
    assert err.endswith(
        "Found 1 error in 5 files.\n"
        "pscatalog: the catalog has YAML or schema errors; 'pscatalog render' needs them fixed\n"
    )


def test_render_goes_on_despite_rule_findings(broken: Path) -> None:
    """A rule finding is printed on stderr and the page is still rendered."""
    code, out, err = run("render")
    assert code == 0
    assert (
        "#### Integration Services\n\n| Offering | Maturity |\n| :-- | :--: |\n| JIRA | Complete |\n"
        in out
    )
    assert err == "pscatalog: the catalog has 1 error; 'pscatalog validate' shows them\n"


def test_export_json_is_one_nested_tree(shipped: Path) -> None:
    """`export --format json` nests levels, categories, offerings and variants."""
    code, out, _ = run("export", "--format", "json")
    assert code == 0
    tree = json.loads(out)
    assert [level["id"] for level in tree["levels"]] == ["product", "adoption", "transformation"]
    categories = [c["id"] for level in tree["levels"] for c in level["categories"]]
    assert categories == [
        "implementation",
        "integration",
        "migration",
        "education",
        "dedicated",
        "expert",
    ]
    offerings = [o for level in tree["levels"] for c in level["categories"] for o in c["offerings"]]
    assert len(offerings) == 15
    assert all(offering["variants"] for offering in offerings)
    assert "unassigned_categories" not in tree


def test_export_to_a_file(shipped: Path) -> None:
    """`export -o FILE` writes the same JSON to the file and nothing to stdout."""
    code, out, _ = run("export", "-o", "catalog.json")
    assert (code, out) == (0, "")
    assert (
        json.loads(Path("catalog.json").read_text(encoding="utf-8"))["levels"][0]["id"] == "product"
    )


def test_console_script_exit_codes_and_one_line_errors(tmp_path: Path) -> None:
    """The installed entry point exits 2 with one line for a bad option or path."""
    command = [sys.executable, "-c", "from pscatalog.cli.main import main; main()"]
    bad_option = subprocess.run(
        [*command, "validate", "--nope"], capture_output=True, text=True, cwd=tmp_path
    )
    assert bad_option.returncode == 2
    assert "Traceback" not in bad_option.stderr
    assert bad_option.stderr == (
        "pscatalog: error: no such option '--nope'\nTry 'pscatalog validate --help' for help.\n"
    )
    missing = subprocess.run(
        [*command, "validate", "missing"], capture_output=True, text=True, cwd=tmp_path
    )
    assert (missing.returncode, missing.stdout, missing.stderr) == (
        2,
        "",
        "pscatalog: error: no such file or folder: missing\n"
        "Try 'pscatalog validate --help' for help.\n",
    )


def test_version_and_help_import_nothing_heavy() -> None:
    """`--version` and `--help` load neither jsonschema nor the YAML parser."""
    probe = (
        "import sys\n"
        "from pscatalog.cli.main import cli\n"
        "for args in (['--version'], ['--help'], ['validate', '--help']):\n"
        "    try:\n"
        "        cli.main(args, standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('jsonschema', 'yaml', 'ruamel'))\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.splitlines()[-1] == "HEAVY []"


def test_public_api_names_resolve() -> None:
    """Every name pscatalog exports is importable, lazily, from the package."""
    import pscatalog

    for name in pscatalog.__all__:
        assert getattr(pscatalog, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = pscatalog.nope  # type: ignore[attr-defined]
