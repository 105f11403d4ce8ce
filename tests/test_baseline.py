"""The baseline: record today's findings; fail only on new ones; shrink as they go."""

from __future__ import annotations

import hashlib
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


def fingerprint(path: str, code: str, pointer: str) -> str:
    """The documented fingerprint: SHA-256 of the JSON array [path, code, pointer] in UTF-8."""
    return hashlib.sha256(json.dumps([path, code, pointer]).encode()).hexdigest()


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
    assert lines[:3] == ["{", '  "version": 2,', '  "findings": [']
    rows = [json.loads(line.strip().rstrip(",")) for line in lines[3:5]]
    assert [(row["code"], row["file"], row["pointer"]) for row in rows] == [
        ("C004", "catalog/x.yaml", "/offerings/[jenkins]/maturity"),
        ("C004", "catalog/x.yaml", "/offerings/[jira]/maturity"),
    ]
    assert [row["fingerprint"] for row in rows] == [
        fingerprint("catalog/x.yaml", "C004", "/offerings/[jenkins]/maturity"),
        fingerprint("catalog/x.yaml", "C004", "/offerings/[jira]/maturity"),
    ]
    assert lines[5:] == ["  ]", "}"]
    assert json.loads(text)["version"] == 2


def test_validate_with_baseline_passes_on_recorded_findings(catalog: Path) -> None:
    """Recorded findings do not fail the run."""
    run("baseline")
    assert run("validate", "--baseline", "pscatalog-baseline.json") == (
        0,
        "No new problems in 5 files (2 baselined).\n",
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
        "pscatalog-baseline.json:5:5: info N004 baseline entry C004 in catalog/x.yaml "
        "(/offerings/[jira]/maturity) no longer occurs\n",
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
            '{"version": 3, "findings": []}',
            "pscatalog-baseline.json: not a version 1 or 2 baseline file",
        ),
        (
            '{"version": true, "findings": []}',
            "pscatalog-baseline.json: not a version 1 or 2 baseline file",
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


# Offerings whose findings sit in lists: C004 at the maturity of 'jira' and 'jenkins', and
# C005 at the SKU of jira's 'remote' variant, which has no standard SOW.
LISTED = """\
- id: jira
  name: JIRA
  maturity: Minimal
  variants:
    - id: custom
    - id: remote
      sku: GL-JIRA-REMOTE
- id: jenkins
  name: Jenkins
  maturity: Planned
  variants:
    - id: custom
"""
LDAP = """\
- id: ldap
  name: LDAP
  maturity: planned
  variants:
    - id: custom
"""
ONSITE = "    - id: onsite\n      delivery: on-site\n"


def _concise(*args: str) -> tuple[int, str, str]:
    return run(
        "validate", "--baseline", "pscatalog-baseline.json", "--output-format", "concise", *args
    )


@pytest.fixture
def listed(in_tmp: Path) -> Path:
    """./catalog whose x.yaml has three findings in lists, all recorded in the baseline."""
    write_catalog(in_tmp / "catalog", {"x.yaml": category_file(LISTED)})
    assert run("baseline") == (0, "Recorded 3 findings in pscatalog-baseline.json.\n", "")
    return in_tmp / "catalog" / "x.yaml"


def test_the_baseline_names_entries_by_their_ids(listed: Path) -> None:
    """Each entry's pointer names the offering and variant by id, never by position."""
    rows = json.loads(Path("pscatalog-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [(row["code"], row["pointer"]) for row in rows] == [
        ("C004", "/offerings/[jenkins]/maturity"),
        ("C004", "/offerings/[jira]/maturity"),
        ("C005", "/offerings/[jira]/variants/[remote]/sku"),
    ]


def test_inserting_an_offering_above_baselined_findings_makes_none_new(listed: Path) -> None:
    """An offering inserted at the top shifts every index; the three findings stay baselined."""
    listed.write_text(category_file(LDAP + LISTED), encoding="utf-8")
    assert _concise() == (0, "", "")
    assert run("validate", "--baseline", "pscatalog-baseline.json") == (
        0,
        "No new problems in 5 files (3 baselined).\n",
        "",
    )


def test_reordering_and_removing_other_entries_makes_none_new(listed: Path) -> None:
    """Offerings swapped, a variant inserted above a baselined one, another offering removed."""
    jira, jenkins = LISTED.split("- id: jenkins\n")
    jenkins = "- id: jenkins\n" + jenkins
    listed.write_text(category_file(jenkins + jira), encoding="utf-8")
    assert _concise() == (0, "", "")
    with_onsite = jira.replace("    - id: custom\n", "    - id: custom\n" + ONSITE)
    listed.write_text(category_file(with_onsite + LDAP), encoding="utf-8")
    assert _concise() == (
        0,
        "pscatalog-baseline.json:4:5: info N004 baseline entry C004 in catalog/x.yaml "
        "(/offerings/[jenkins]/maturity) no longer occurs\n",
        "",
    )


def test_a_changed_id_makes_its_findings_new(listed: Path) -> None:
    """Renaming the offering 'jira' makes its findings new, and its old entries stale."""
    listed.write_text(category_file(LISTED.replace("id: jira", "id: jira-cloud")), encoding="utf-8")
    assert _concise() == (
        1,
        "catalog/x.yaml:7:15: error C004 maturity 'Minimal' must be written in lowercase\n"
        "catalog/x.yaml:11:9: error C005 variant 'remote' of 'jira-cloud' is sold as "
        "'GL-JIRA-REMOTE' but has no 'standard_sow'\n"
        "pscatalog-baseline.json:5:5: info N004 baseline entry C004 in catalog/x.yaml "
        "(/offerings/[jira]/maturity) no longer occurs\n"
        "pscatalog-baseline.json:6:5: info N004 baseline entry C005 in catalog/x.yaml "
        "(/offerings/[jira]/variants/[remote]/sku) no longer occurs\n",
        "",
    )


def test_a_version_1_baseline_is_read_and_matched_as_it_was_written(catalog: Path) -> None:
    """Fingerprints of index pointers (version 1) still match, with a note to record again."""
    rows = [
        {
            "fingerprint": fingerprint("catalog/x.yaml", "C004", f"/offerings/{index}/maturity"),
            "code": "C004",
            "file": "catalog/x.yaml",
            "pointer": f"/offerings/{index}/maturity",
        }
        for index in (0, 1)
    ]
    Path("old.json").write_text(json.dumps({"version": 1, "findings": rows}), encoding="utf-8")
    assert run("validate", "--baseline", "old.json") == (
        0,
        "No new problems in 5 files (2 baselined).\n",
        "pscatalog: note: old.json is a version 1 baseline, matched by list positions; "
        "'pscatalog baseline' records it again as version 2, by ids\n",
    )
    path = catalog / "x.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Minimal", "minimal"), encoding="utf-8"
    )
    code, out, _ = run("validate", "--baseline", "old.json", "--output-format", "concise")
    assert (code, out) == (
        0,
        "old.json:1:5: info N004 baseline entry C004 in catalog/x.yaml (/offerings/0/maturity) "
        "no longer occurs\n",
    )
