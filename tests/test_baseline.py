"""The baseline: record today's findings; fail only on new ones; shrink as they go."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from helpers import category_file, write_catalog
from pscatalog.checks.baseline import read_baseline
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


def fingerprint(
    path: str, code: str, pointer: str, subject: dict[str, Any], occurrence: int = 0
) -> str:
    """The documented fingerprint: SHA-256 of [path, code, pointer, subject(, occurrence)]."""
    parts: list[Any] = [path, code, pointer, subject] + ([occurrence] if occurrence else [])
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def entry(
    code: str, file: str, pointer: str, subject: dict[str, Any], **more: Any
) -> dict[str, Any]:
    """A baseline entry as pscatalog writes it (without its message)."""
    digest = fingerprint(file, code, pointer, subject, more.get("occurrence", 0))
    return {
        "fingerprint": digest,
        "code": code,
        "file": file,
        "pointer": pointer,
        **subject,
        **more,
    }


def write_baseline(rows: list[dict[str, Any]], name: str = "pscatalog-baseline.json") -> None:
    """Write a version 3 baseline, one entry per line from line 4, as pscatalog does."""
    body = ",\n    ".join(json.dumps(row) for row in rows)
    Path(name).write_text(
        f'{{\n  "version": 3,\n  "findings": [\n    {body}\n  ]\n}}\n', encoding="utf-8"
    )


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def concise(*args: str, baseline: str = "pscatalog-baseline.json") -> tuple[int, str, str]:
    return run("validate", "--baseline", baseline, "--output-format", "concise", *args)


@pytest.fixture
def catalog(in_tmp: Path) -> Path:
    """./catalog with two capitalised maturities (C004 at lines 7 and 12 of x.yaml)."""
    return write_catalog(in_tmp / "catalog", {"x.yaml": category_file(FAULTY)})


def test_baseline_records_every_finding_one_per_line(catalog: Path) -> None:
    """`pscatalog baseline` writes one JSON line per finding: fingerprint, place, value."""
    assert run("baseline") == (0, "Recorded 2 findings in pscatalog-baseline.json.\n", "")
    text = Path("pscatalog-baseline.json").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:3] == ["{", '  "version": 3,', '  "findings": [']
    rows = [json.loads(line.strip().rstrip(",")) for line in lines[3:5]]
    assert rows == [
        {
            **entry(
                "C004", "catalog/x.yaml", "/offerings/[jenkins]/maturity", {"value": "planned"}
            ),
            "message": "maturity 'Planned' must be written in lowercase",
        },
        {
            **entry("C004", "catalog/x.yaml", "/offerings/[jira]/maturity", {"value": "minimal"}),
            "message": "maturity 'Minimal' must be written in lowercase",
        },
    ]
    assert list(rows[0]) == ["fingerprint", "code", "file", "pointer", "value", "message"]
    assert lines[5:] == ["  ]", "}"]


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
    code, out, _ = concise()
    assert code == 0  # Y003 is a warning
    assert out == (
        "catalog/x.yaml:13:14: warning Y003 'no' is read as the boolean false by YAML 1.1 tools "
        "such as Ruby and Hugo\n"
    )
    path.write_text(text.replace("name: Jenkins", "name: JIRA"), encoding="utf-8")
    assert concise()[:2] == (
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
    assert concise()[:2] == (
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


# -- a changed value is a new finding


ALPHA, DELTA, BETA = (
    f"- id: {name}\n  name: {name.title()}\n  maturity: minimal\n  variants:\n"
    f"    - id: standard\n      sku: {sku}\n      standard_sow: {sow}\n"
    for name, sku, sow in (
        ("alpha", "GL-A", "https://x.example/sow"),
        ("delta", "GL-D", "https://x.example/sow"),
        ("beta", "GL-A", "TODO"),
    )
)
SOLD = ALPHA + DELTA + BETA


@pytest.fixture
def sold(in_tmp: Path) -> Path:
    """./catalog/x.yaml: beta repeats alpha's SKU (C105) and has no SOW link (S005), recorded."""
    path = write_catalog(in_tmp / "catalog", {"x.yaml": category_file(SOLD)}) / "x.yaml"
    assert run("baseline") == (0, "Recorded 2 findings in pscatalog-baseline.json.\n", "")
    return path


@pytest.mark.parametrize(
    ("old", "new", "found", "entry_line", "pointer"),
    [
        (
            "sku: GL-A",
            "sku: GL-D",
            "catalog/x.yaml:24:14: error C105 SKU 'GL-D' is already used\n",
            4,
            "C105 in catalog/x.yaml (/offerings/[beta]/variants/[standard]/sku)",
        ),
        (
            "standard_sow: TODO",
            'standard_sow: "javascript:alert(document.cookie)"',
            "catalog/x.yaml:25:23: error S005 'standard_sow' 'javascript:alert(document.cookie)' "
            "is not an http(s) URL\n",
            5,
            "S005 in catalog/x.yaml (/offerings/[beta]/variants/[standard]/standard_sow)",
        ),
    ],
)
def test_a_changed_value_at_a_recorded_place_is_a_new_finding(
    sold: Path, old: str, new: str, found: str, entry_line: int, pointer: str
) -> None:
    """Another SKU repeated, another bad link at the same place: new, and the old entry stale."""
    sold.write_text(category_file(ALPHA + DELTA + BETA.replace(old, new)), encoding="utf-8")
    assert concise() == (
        1,
        found + f"pscatalog-baseline.json:{entry_line}:5: info N004 baseline entry {pointer} "
        "no longer occurs\n",
        "",
    )


def test_moving_the_offerings_of_a_recorded_finding_keeps_it(sold: Path) -> None:
    """The same value at the same place, whatever the order of the other offerings."""
    sold.write_text(category_file(DELTA + ALPHA + LDAP + BETA), encoding="utf-8")
    assert concise() == (0, "", "")


# -- entries that cannot be trusted


def test_an_entry_whose_fingerprint_is_not_its_own_matches_nothing(in_tmp: Path) -> None:
    """Fingerprints of real errors under fields that read as notes elsewhere: N005, errors shown."""
    write_catalog(in_tmp / "catalog", {"x.yaml": category_file(FAULTY)})
    run("baseline", "-o", "real.json")
    real = json.loads(Path("real.json").read_text(encoding="utf-8"))["findings"]
    forged = [
        {**row, "code": "N001", "file": "catalog/a-product.yaml", "pointer": "/summary"}
        for row in real
    ]
    write_baseline(forged)
    hint = "  = hint: record the baseline again with 'pscatalog baseline' instead of editing its"
    code, out, err = run("validate", "--baseline", "pscatalog-baseline.json")
    assert (code, err) == (1, "")
    assert out.count(" error C004 ") == 2
    assert (
        "pscatalog-baseline.json:4:5: error N005 baseline entry N001 in catalog/a-product.yaml "
        "(/summary) has a fingerprint that is not the hash of its fields: it matches nothing\n"
        f"{hint} entries\n"
    ) in out
    assert out.endswith("Found 4 errors in 5 files; 2 fixable with --fix.\n")


@pytest.mark.parametrize(
    "edit",
    [
        {"value": "viable"},
        {"pointer": "/offerings/[jenkins]/maturity"},
        {"code": "C104"},
        {"occurrence": 1},
        {"value": None},
    ],
)
def test_an_entry_edited_by_hand_matches_nothing(catalog: Path, edit: dict[str, Any]) -> None:
    """One field of an entry changed, the fingerprint kept: N005, and the finding is new."""
    run("baseline")
    rows = json.loads(Path("pscatalog-baseline.json").read_text(encoding="utf-8"))["findings"]
    write_baseline([rows[0], {**rows[1], **edit}])
    code, out, _ = concise()
    assert code == 1
    assert out.splitlines() == [
        "catalog/x.yaml:7:15: error C004 maturity 'Minimal' must be written in lowercase",
        f"pscatalog-baseline.json:5:5: error N005 baseline entry {edit.get('code', 'C004')} in "
        f"catalog/x.yaml ({edit.get('pointer', '/offerings/[jira]/maturity')}) has a fingerprint "
        "that is not the hash of its fields: it matches nothing",
    ]


def test_an_honest_entry_for_a_file_not_in_the_catalog_is_stale(catalog: Path) -> None:
    """An entry for a file the catalog folder does not hold (yet) is a stale note, not silence."""
    write_baseline(
        [
            entry("C201", "catalog/extra.yaml", "/level", {"value": "nosuch"}),
            entry("C201", "old/x.yaml", "/level", {"value": "nosuch"}),
        ]
    )
    assert concise() == (
        1,
        "catalog/x.yaml:7:15: error C004 maturity 'Minimal' must be written in lowercase\n"
        "catalog/x.yaml:12:15: error C004 maturity 'Planned' must be written in lowercase\n"
        "pscatalog-baseline.json:4:5: info N004 baseline entry C201 in catalog/extra.yaml "
        "(/level) no longer occurs\n",
        "",
    )
    assert concise("catalog/x.yaml")[1].endswith(
        "pscatalog-baseline.json:4:5: info N004 baseline entry C201 in catalog/extra.yaml "
        "(/level) no longer occurs\n"
    )


def test_entries_are_found_at_their_line_and_column_in_any_layout(catalog: Path) -> None:
    """A baseline laid out by another tool: each entry's note is where its object starts."""
    run("baseline")
    data = json.loads(Path("pscatalog-baseline.json").read_text(encoding="utf-8"))
    Path("pscatalog-baseline.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    path = catalog / "x.yaml"
    path.write_text(path.read_text(encoding="utf-8").lower(), encoding="utf-8")
    assert concise()[1] == (
        "pscatalog-baseline.json:4:3: info N004 baseline entry C004 in catalog/x.yaml "
        "(/offerings/[jenkins]/maturity) no longer occurs\n"
        "pscatalog-baseline.json:12:3: info N004 baseline entry C004 in catalog/x.yaml "
        "(/offerings/[jira]/maturity) no longer occurs\n"
    )
    text = json.dumps(data)
    first = text.index("[{") + 2
    starts = [(1, first), (1, first + len(json.dumps(data["findings"][0])) + 2)]
    for written in (text, "\ufeff" + text):  # a byte order mark is no column
        Path("pscatalog-baseline.json").write_text(written, encoding="utf-8")
        entries = read_baseline(Path("pscatalog-baseline.json"))
        assert [(entry.line, entry.column) for entry in entries] == starts


# -- findings of the loader


def test_a_duplicate_key_fixed_in_one_offering_and_added_in_another_is_new(in_tmp: Path) -> None:
    """Y002 is known by the key it repeats and where: the same fault elsewhere is new."""
    alpha = "- id: alpha\n  name: Alpha\n  maturity: planned\n  summary: first\n  summary: second\n"
    beta = "- id: beta\n  name: Beta\n  maturity: planned\n  summary: a\n  summary: b\n"
    variants = "  variants:\n    - id: custom\n"
    path = write_catalog(in_tmp / "catalog", {"x.yaml": category_file(alpha + variants)})
    assert run("baseline") == (0, "Recorded 1 finding in pscatalog-baseline.json.\n", "")
    clean_beta = beta.replace("  summary: a\n", "")
    (path / "x.yaml").write_text(
        category_file(clean_beta + variants + alpha + variants), encoding="utf-8"
    )
    assert concise() == (0, "", "")  # moved below another offering: still recorded
    fixed = alpha.replace("  summary: first\n", "")
    (path / "x.yaml").write_text(
        category_file(fixed + variants + beta + variants), encoding="utf-8"
    )
    assert concise() == (
        1,
        "catalog/x.yaml:15:5: error Y002 duplicate key 'summary': YAML readers keep only one "
        "of the values\n"
        "pscatalog-baseline.json:4:5: info N004 baseline entry Y002 in catalog/x.yaml "
        "(/offerings/[alpha]/summary) no longer occurs\n",
        "",
    )


def test_repeated_findings_are_numbered_and_the_numbers_checked(in_tmp: Path) -> None:
    """One key written three times with one value: two Y002 alike but for an occurrence."""
    thrice = "- id: a\n  name: A\n  name: A\n  name: A\n  maturity: planned\n"
    write_catalog(
        in_tmp / "catalog",
        {"x.yaml": category_file(thrice + "  variants:\n    - id: custom\n")},
    )
    run("baseline")
    rows = json.loads(Path("pscatalog-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [(row["pointer"], row.get("value"), row.get("occurrence")) for row in rows] == [
        ("/offerings/[a]", None, None),
        ("/offerings/[a]/name", "A", None),
    ]
    assert rows[0]["text"] == "name: A"
    assert concise() == (0, "", "")


@pytest.mark.parametrize(
    ("text", "edit", "found"),
    [
        (
            "id: x\nname: X\nlevel: product\nofferings:\n  - id: a\n    name: a: b\n",
            ("name: X", "name: Z"),
            "catalog/y.yaml:6:12: error Y001 mapping values are not allowed in this context\n",
        ),
        (
            category_file(FAULTY.lower()) + "---\nid: other\nname: kept\n",
            ("name: kept", "name: changed"),
            "catalog/y.yaml:15:1: error Y004 a catalog file holds one YAML document; this is a "
            "second one\n",
        ),
    ],
    ids=["a syntax error", "a second document"],
)
def test_a_recorded_finding_about_text_not_read_covers_that_text(
    catalog: Path, text: str, edit: tuple[str, str], found: str
) -> None:
    """What pscatalog cannot read may be read by others: any change to it is a new finding."""
    (catalog / "y.yaml").write_text(text, encoding="utf-8")
    run("baseline")
    assert concise() == (0, "", "")
    (catalog / "y.yaml").write_text(text.replace(*edit), encoding="utf-8")
    code, out, _ = concise()
    assert (code, out.split("pscatalog-baseline.json:")[0]) == (1, found)
    assert " info N004 baseline entry Y00" in out


# -- a catalog reached through a link


def test_a_catalog_named_through_a_link_inside_the_repository_matches(in_tmp: Path) -> None:
    """`validate cat2` where cat2 -> catalog: the files' real paths, the findings baselined."""
    subprocess.run(["git", "init", "-q"], check=True)
    write_catalog(in_tmp / "catalog", {"x.yaml": category_file(FAULTY)})
    Path("cat2").symlink_to("catalog")
    assert run("baseline")[0] == 0
    assert run("validate", "cat2", "--baseline", "pscatalog-baseline.json") == (
        0,
        "No new problems in 5 files (2 baselined).\n",
        "",
    )
    assert run("baseline", "cat2", "-o", "via-link.json")[0] == 0
    assert Path("via-link.json").read_text(encoding="utf-8") == Path(
        "pscatalog-baseline.json"
    ).read_text(encoding="utf-8")


# -- files that cannot be used


def test_a_missing_baseline_is_a_usage_error(catalog: Path) -> None:
    """`--baseline nothere.json` is one line and where the help is, exit 2, on every command."""
    for command in ("validate", "render", "stats"):
        code, _, err = run(command, "--baseline", "nothere.json")
        assert (code, err) == (
            2,
            "pscatalog: error: nothere.json: no such baseline file\n"
            f"Try 'pscatalog {command} --help' for help.\n",
        )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "pscatalog-baseline.json: not a baseline file: not valid JSON: "),
        (
            '{"version": ' + "9" * 5000 + "}",
            "pscatalog-baseline.json: not a baseline file: not valid JSON here: a number has "
            "too many digits",
        ),
        (
            '{"version": 3, "findings": [{"fingerprint": "f", "code": "C", "file": "x", '
            '"related": []}]}',
            "pscatalog-baseline.json:1: an entry's 'related' must be a list of places",
        ),
        ('{"version": 4, "findings": []}', "pscatalog-baseline.json: not a version 3 baseline"),
        ('{"version": true, "findings": []}', "pscatalog-baseline.json: not a version 3 baseline"),
        ('{"version": 3.0, "findings": []}', "pscatalog-baseline.json: not a version 3 baseline"),
        ("[]", "pscatalog-baseline.json: not a version 3 baseline file"),
        ('{"version": 3}', "pscatalog-baseline.json: 'findings' must be a list"),
        (
            '{"version": 3, "findings": [], "ignore": ["C"]}',
            "pscatalog-baseline.json: unknown key 'ignore': a baseline has 'version' and "
            "'findings'",
        ),
        (
            '{"version": 3, "findings": [1]}',
            "pscatalog-baseline.json: entry 1 of 'findings' is not an object",
        ),
        (
            '{"version": 3, "findings": [{"code": "C004"}]}',
            "pscatalog-baseline.json:1: an entry needs 'fingerprint', 'code' and 'file'",
        ),
        (
            '{"version": 3,\n "findings": [\n{"fingerprint": "f", "code": 4, "file": "x"}]}',
            "pscatalog-baseline.json:3: an entry needs 'fingerprint', 'code' and 'file'",
        ),
        (
            '{"version": 3, "findings": [{"fingerprint": "f", "code": "C", "file": "x", '
            '"ignore": true}]}',
            "pscatalog-baseline.json:1: an entry has no field 'ignore'",
        ),
        (
            '{"version": 3, "findings": [{"fingerprint": "f", "code": "C", "file": "x", '
            '"value": 1, "text": "a"}]}',
            "pscatalog-baseline.json:1: an entry has one of 'value', 'keys', 'entries', 'text' "
            "and 'digest', not two",
        ),
        (
            '{"version": 3, "findings": [{"fingerprint": "f", "code": "C", "file": "x", '
            '"keys": [1]}]}',
            "pscatalog-baseline.json:1: an entry's 'keys' is not as pscatalog writes it",
        ),
        (
            '{"version": 3, "findings": [{"fingerprint": "f", "code": "C", "file": "x", '
            '"value": {"a": 1}}]}',
            "pscatalog-baseline.json:1: an entry's 'value' is not as pscatalog writes it",
        ),
        (
            '{"version": 3, "findings": [{"fingerprint": "f", "code": "C", "file": "x", '
            '"occurrence": 0}]}',
            "pscatalog-baseline.json:1: an entry's 'occurrence' must be a number above 0",
        ),
        (
            '{"version": 3, "findings": [{"fingerprint": "f", "code": "C", "file": "x", '
            '"pointer": 1}]}',
            "pscatalog-baseline.json:1: an entry's 'pointer' must be a string",
        ),
    ],
)
def test_unusable_baseline_is_one_line_exit_2(catalog: Path, content: str, message: str) -> None:
    """A malformed baseline stops with one line naming it (and the entry's line)."""
    Path("pscatalog-baseline.json").write_text(content, encoding="utf-8")
    code, out, err = run("validate", "--baseline", "pscatalog-baseline.json")
    assert (code, out) == (2, "")
    assert err.startswith(f"pscatalog: error: {message}")
    assert err.count("\n") == 1


def test_a_baseline_that_is_not_utf8_says_so(catalog: Path) -> None:
    """A baseline saved as UTF-16: one line naming the byte, not a codec's message."""
    Path("pscatalog-baseline.json").write_bytes('{"version": 3, "findings": []}'.encode("utf-16"))
    assert run("validate", "--baseline", "pscatalog-baseline.json") == (
        2,
        "",
        "pscatalog: error: pscatalog-baseline.json: not UTF-8 (byte 0xff at offset 0): "
        "save it as UTF-8\n",
    )


@pytest.mark.parametrize(
    ("content", "line", "key"),
    [
        ('{"version": 3, "findings": [],\n "findings": [{"a": 1}]}', 2, "findings"),
        ('{"version": 3,\n"version": 3, "findings": []}', 2, "version"),
        (
            '{"version": 3, "findings": [\n{"fingerprint": "f", "code": "C", "file": "x",\n'
            ' "\\u0063ode": "D"}]}',
            3,
            "code",
        ),
    ],
)
def test_a_key_written_twice_makes_the_baseline_unusable(
    catalog: Path, content: str, line: int, key: str
) -> None:
    """JSON keeps the last of two keys, a reviewer may read the first: refused, at its line."""
    Path("pscatalog-baseline.json").write_text(content, encoding="utf-8")
    assert run("validate", "--baseline", "pscatalog-baseline.json") == (
        2,
        "",
        f"pscatalog: error: pscatalog-baseline.json:{line}: the key '{key}' is written twice\n",
    )


@pytest.mark.parametrize("version", [1, 2])
def test_a_baseline_of_an_earlier_release_is_refused_with_what_to_do(
    catalog: Path, version: int
) -> None:
    """Versions 1 and 2 matched a finding by its place alone: one line says to record again."""
    Path("old.json").write_text(json.dumps({"version": version, "findings": []}), encoding="utf-8")
    assert run("validate", "--baseline", "old.json") == (
        2,
        "",
        f"pscatalog: error: old.json: a version {version} baseline, which matched findings by "
        "their place alone; record it again with 'pscatalog baseline' (see docs/adopting.md)\n",
    )


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


@pytest.fixture
def listed(in_tmp: Path) -> Path:
    """./catalog whose x.yaml has three findings in lists, all recorded in the baseline."""
    write_catalog(in_tmp / "catalog", {"x.yaml": category_file(LISTED)})
    assert run("baseline") == (0, "Recorded 3 findings in pscatalog-baseline.json.\n", "")
    return in_tmp / "catalog" / "x.yaml"


def test_the_baseline_names_entries_by_their_ids(listed: Path) -> None:
    """Each entry's pointer names the offering and variant by id, never by position."""
    rows = json.loads(Path("pscatalog-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [(row["code"], row["pointer"], row["value"]) for row in rows] == [
        ("C004", "/offerings/[jenkins]/maturity", "planned"),
        ("C004", "/offerings/[jira]/maturity", "minimal"),
        ("C005", "/offerings/[jira]/variants/[remote]/sku", "GL-JIRA-REMOTE"),
    ]


def test_inserting_an_offering_above_baselined_findings_makes_none_new(listed: Path) -> None:
    """An offering inserted at the top shifts every index; the three findings stay baselined."""
    listed.write_text(category_file(LDAP + LISTED), encoding="utf-8")
    assert concise() == (0, "", "")
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
    assert concise() == (0, "", "")
    with_onsite = jira.replace("    - id: custom\n", "    - id: custom\n" + ONSITE)
    listed.write_text(category_file(with_onsite + LDAP), encoding="utf-8")
    assert concise() == (
        0,
        "pscatalog-baseline.json:4:5: info N004 baseline entry C004 in catalog/x.yaml "
        "(/offerings/[jenkins]/maturity) no longer occurs\n",
        "",
    )


def test_a_changed_id_makes_its_findings_new(listed: Path) -> None:
    """Renaming the offering 'jira' makes its findings new, and its old entries stale."""
    listed.write_text(category_file(LISTED.replace("id: jira", "id: jira-cloud")), encoding="utf-8")
    assert concise() == (
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
