"""The baseline: record today's findings; fail only on new ones; shrink as they go."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import category_file, write_catalog
from pscatalog.cli.main import cli

FAULTY = """\
- id: jira
  name: JIRA
  maturity: Minimal
  variants:
    - id: custom
- id: jenkins
  name: Jenkins
  maturity: Planned
  variants:
    - id: custom
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def catalog(in_tmp: Path) -> Path:
    """./catalog with two capitalised maturities (C004 at lines 7 and 12 of x.yaml)."""
    return write_catalog(in_tmp / "catalog", {"x.yaml": category_file(FAULTY)})


def test_baseline_records_every_finding_one_per_line(catalog: Path) -> None:
    """`pscatalog baseline` writes one JSON line per finding, with its fingerprint."""
    assert run("baseline") == (0, "Recorded 2 findings in pscatalog-baseline.json.\n", "")
    text = Path("pscatalog-baseline.json").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:3] == ["{", '  "version": 1,', '  "findings": [']
    rows = [json.loads(line.strip().rstrip(",")) for line in lines[3:5]]
    assert [(row["code"], row["file"], row["pointer"]) for row in rows] == [
        ("C004", "catalog/x.yaml", "/offerings/0/maturity"),
        ("C004", "catalog/x.yaml", "/offerings/1/maturity"),
    ]
    assert all(len(row["fingerprint"]) == 64 for row in rows)
    assert json.loads(text)["version"] == 1


def test_validate_with_baseline_passes_on_recorded_findings(catalog: Path) -> None:
    """Recorded findings do not fail the run."""
    run("baseline")
    assert run("validate", "--baseline", "pscatalog-baseline.json") == (
        0,
        "No problems found in 5 files.\n",
        "",
    )


def test_new_finding_fails_and_moved_lines_do_not(catalog: Path) -> None:
    """A new fault fails; inserting lines above recorded ones does not make them new."""
    run("baseline")
    path = catalog / "x.yaml"
    text = path.read_text(encoding="utf-8").replace("offerings:\n", "# a comment\n\nofferings:\n")
    path.write_text(
        text.replace("  - id: jenkins\n", "  - id: jenkins\n    summary: no\n"), encoding="utf-8"
    )
    code, out, _ = run(
        "validate", "--baseline", "pscatalog-baseline.json", "--output-format", "concise"
    )
    assert code == 0  # Y003 is a warning
    assert out == (
        "catalog/x.yaml:13:14: warning Y003 'no' is read as the boolean false by YAML 1.1 tools "
        "such as Ruby and Hugo\n"
    )
    path.write_text(text.replace("name: Jenkins", "name: JIRA"), encoding="utf-8")
    code, out, _ = run(
        "validate", "--baseline", "pscatalog-baseline.json", "--output-format", "concise"
    )
    assert (code, out) == (
        1,
        "catalog/x.yaml:13:11: error C104 offering name 'JIRA' is already used\n",
    )


def test_fixed_finding_is_reported_as_stale_entry(catalog: Path) -> None:
    """An entry whose finding is gone is a note at its line of the baseline file."""
    run("baseline")
    path = catalog / "x.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Minimal", "minimal"), encoding="utf-8"
    )
    code, out, _ = run(
        "validate", "--baseline", "pscatalog-baseline.json", "--output-format", "concise"
    )
    assert (code, out) == (
        0,
        "pscatalog-baseline.json:4:5: info N004 baseline entry C004 in catalog/x.yaml "
        "(/offerings/0/maturity) no longer occurs\n",
    )


def test_entries_of_files_not_checked_are_not_stale(catalog: Path) -> None:
    """With some files named (pre-commit), entries about the others stay quiet."""
    run("baseline")
    assert run("validate", "--baseline", "pscatalog-baseline.json", "catalog/a-product.yaml") == (
        0,
        "No problems found in 1 file.\n",
        "",
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "pscatalog-baseline.json: no such baseline file"),
        ("{", "pscatalog-baseline.json: not a baseline file: "),
        (
            '{"version": 2, "findings": []}',
            "pscatalog-baseline.json: not a version 1 baseline file",
        ),
        (
            '{"version": 1, "findings": [{"code": "C004"}]}',
            "pscatalog-baseline.json:1: an entry needs",
        ),
    ],
)
def test_unusable_baseline_is_one_line_exit_2(
    catalog: Path, content: str | None, message: str
) -> None:
    """A missing or malformed baseline stops with one line naming it."""
    if content is not None:
        Path("pscatalog-baseline.json").write_text(content, encoding="utf-8")
    code, out, err = run("validate", "--baseline", "pscatalog-baseline.json")
    assert (code, out) == (2, "")
    assert err.startswith(f"pscatalog: error: {message}")
    assert err.count("\n") == 1
