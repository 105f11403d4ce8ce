"""Text from catalog files, baselines and file names is shown safely wherever it goes.

What a merge request holds can never steer pscatalog's output: in the terminal
formats a value can neither start a line (a CI runner's command) nor drive the
terminal (escape sequences), and every report stays well formed whatever it quotes.
"""

from __future__ import annotations

import json
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import category_file, write_catalog
from pscatalog.checks.checker import ValidationResult
from pscatalog.checks.fingerprints import fingerprint_of
from pscatalog.cli.main import cli
from pscatalog.diagnostics import Diagnostic, Location, Related, Severity
from pscatalog.outputs import escaping
from pscatalog.outputs.reporters import REPORTER_BY_NAME
from pscatalog.outputs.reporters.text import excerpt, report_full

# A key that, printed as it is, makes a GitHub Actions runner annotate, mask and stop
# reading commands.
WORKFLOW_KEY = r'"x\n::error file=a.yaml::pwned\n::add-mask::token\n::stop-commands::end"'

RAW_CONTROLS = "".join(chr(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)])


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def printed_lines(*texts: str) -> list[str]:
    return [line for text in texts for line in text.splitlines()]


def assert_terminal_safe(text: str) -> None:
    """No raw control character but line feeds; no line a CI runner reads as a command."""
    assert not any(c in RAW_CONTROLS for c in text.replace("\n", "")), repr(text)
    assert not any(escaping._UNSAFE.search(line) for line in text.split("\n")), repr(text)
    for line in text.split("\n"):
        assert not line.lstrip().startswith("::"), line
        assert "##[" not in line, line
        assert "##vso[" not in line, line


@pytest.fixture
def workflow_key(in_tmp: Path) -> Path:
    """./catalog whose x.yaml has WORKFLOW_KEY as an unknown key of an offering, line 8."""
    offerings = f"""
    - id: jira
      name: JIRA
      {WORKFLOW_KEY}: 1
      maturity: planned
      variants:
        - id: custom
    """
    return write_catalog(in_tmp / "catalog", {"x.yaml": category_file(offerings)})


def test_key_with_line_breaks_never_starts_a_line_in_full_output(workflow_key: Path) -> None:
    """The issue's key prints as one line with visible escapes, its marker under it."""
    code, out, err = run("validate", "catalog/x.yaml")
    assert (code, err) == (1, "")
    assert out == (
        "catalog/x.yaml:7:5: error S001 unknown key "
        r"'x\n::error file=a.yaml::pwned\n::add-mask::token\n::stop-commands::end'"
        "\n  |\n"
        f"7 |     {WORKFLOW_KEY}: 1\n"
        f"  |     {'^' * len(WORKFLOW_KEY)}\n"
        "  = hint: allowed keys here: 'id', 'name', 'maturity', 'maturity_reason', 'summary', "
        "'description', 'url', 'owner', 'target_audience', 'stages', 'evidence', 'variants', "
        "'imported'\n"
        "Found 1 error in 1 file.\n"
    )
    assert_terminal_safe(out)


def test_key_with_line_breaks_never_starts_a_line_in_concise_output(workflow_key: Path) -> None:
    """One line per finding in `concise`, however many line breaks a key holds."""
    code, out, _ = run("validate", "--output-format", "concise", "catalog/x.yaml")
    assert code == 1
    assert out == (
        "catalog/x.yaml:7:5: error S001 unknown key "
        r"'x\n::error file=a.yaml::pwned\n::add-mask::token\n::stop-commands::end'"
        "\n"
    )


def test_github_format_is_the_only_one_that_starts_lines_with_commands(workflow_key: Path) -> None:
    """`github` prints its own command, with the key's line breaks as escapes."""
    code, out, _ = run("validate", "--output-format", "github", "catalog/x.yaml")
    assert code == 1
    assert out == (
        "::error file=catalog/x.yaml,line=7,col=5,title=S001::unknown key "
        r"'x\n::error file=a.yaml::pwned\n::add-mask::token\n::stop-commands::end'"
        "%0Ahint: allowed keys here: 'id', 'name', 'maturity', 'maturity_reason', 'summary', "
        "'description', 'url', 'owner', 'target_audience', 'stages', 'evidence', 'variants', "
        "'imported'\n"
    )


def test_escape_sequences_in_yaml_escapes_are_shown_not_sent(in_tmp: Path) -> None:
    """OSC 52 (clipboard), a window title, a screen clear and a bidi override, as escapes."""
    offerings = r"""
    - id: jira
      name: JIRA
      maturity: planned
      "\e]52;c;aGk=\a\e]0;title\a\e[2J\u202egnp.exe": 1
      variants:
        - id: custom
    """
    write_catalog(in_tmp / "catalog", {"x.yaml": category_file(offerings)})
    code, out, err = run("validate", "--output-format", "concise", "catalog/x.yaml")
    assert (code, err) == (1, "")
    assert out == (
        "catalog/x.yaml:8:5: error S001 unknown key "
        r"'\x1b]52;c;aGk=\x07\x1b]0;title\x07\x1b[2J\u202egnp.exe'"
        "\n"
    )


def test_raw_control_characters_in_a_source_line_are_shown_as_escapes(in_tmp: Path) -> None:
    """A raw ESC and BEL echoed in the excerpt are escapes; the marker still points at ESC."""
    catalog = write_catalog(in_tmp / "catalog", {})
    (catalog / "x.yaml").write_bytes(b'id: x\nname: "a\x1b]0;TITLE\x07b"\n')
    code, out, _ = run("validate", "catalog/x.yaml")
    assert code == 1
    assert out == (
        "catalog/x.yaml:2:9: error Y001 character U+001B is not allowed in YAML\n"
        "  |\n"
        '2 | name: "a\\x1b]0;TITLE\\x07b"\n'
        "  |         ^^^^^^^^^^^^^^^^^^\n"
        "Found 1 error in 1 file.\n"
    )


def test_file_named_like_a_workflow_command_is_shown_as_a_path(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run inside the catalog, `::error file=a::b.yaml` is shown `./::error file=a::b.yaml`."""
    catalog = write_catalog(in_tmp / "catalog", {})
    (catalog / "::error file=a::b.yaml").write_text("id: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--output-format", "concise", str(catalog)])
    lines = result.stdout.splitlines()
    assert lines == [
        "catalog/::error file=a::b.yaml:1:6: error Y001 did not find expected node content "
        "(while parsing a flow node)"
    ]
    monkeypatch.chdir(catalog)
    code, out, _ = run("validate", "--output-format", "concise", ".")
    assert code == 1
    assert out == (
        "./::error file=a::b.yaml:1:6: error Y001 did not find expected node content "
        "(while parsing a flow node)\n"
    )


def test_every_message_part_is_escaped_in_full_output() -> None:
    """File, message, hint and related label each go through the terminal escaping."""
    diagnostic = Diagnostic(
        "C105",
        Severity.ERROR,
        "SKU 'A\x1b[31m' is already used",
        Location("::x.yaml", 3, 5, "/id"),
        hint="rename\nit",
        related=(Related(Location("##[group]y.yaml", 1, 1), "already used\rhere"),),
    )
    out = report_full(ValidationResult(diagnostics=[diagnostic], files=["::x.yaml"]))
    assert out == (
        "./::x.yaml:3:5: error C105 SKU 'A\\x1b[31m' is already used\n"
        "  = hint: rename\\nit\n"
        "  = ./##\\x5bgroup]y.yaml:1:1: already used\\rhere\n"
        "Found 1 error in 1 file.\n"
    )
    assert_terminal_safe(out)


# -- excerpts of long lines ----------------------------------------------------------------


def test_excerpt_of_a_short_line_is_the_whole_line() -> None:
    """Up to a hundred characters, the line is shown whole, the marker under the value."""
    assert excerpt("    maturity: Complete", 15) == ("    maturity: Complete", " " * 14 + "^" * 8)


def test_excerpt_of_a_long_line_is_cut_around_the_column() -> None:
    """Forty characters before the column, a hundred in all, with an ellipsis at each cut."""
    line = "{" + ", ".join(f"k{n:04}: v{n:04}" for n in range(1000)) + "}"
    column = line.index("k0500") + 1
    shown, marker = excerpt(line, column)
    assert shown == "…" + line[column - 41 : column + 59] + "…"
    assert len(shown) == 102
    assert marker == " " * 41 + "^" * 5
    assert shown[marker.index("^") : marker.index("^") + 5] == "k0500"


def test_excerpt_at_the_end_of_a_long_line_keeps_its_end() -> None:
    """Near the end, no ellipsis after; the marker stands under the last value."""
    line = "[" + ", ".join("x" * 3 for _ in range(200)) + ", last]"
    shown, marker = excerpt(line, len(line) - 4)
    assert shown == "…" + line[len(line) - 45 :]
    assert marker.index("^") == 1 + 40
    assert shown[marker.index("^") :].startswith("last")


def test_excerpt_shows_tabs_as_one_space_and_counts_wide_characters_twice() -> None:
    """A tab is one space; a wide character two cells; controls their escape's width."""
    assert excerpt("\tname: 名前\x07: x", 8) == (" name: 名前\\x07: x", " " * 7 + "^" * 8)


def test_excerpt_marker_under_a_wide_value_covers_its_cells() -> None:
    """The marker under `名前` is four carets, after padding for the cells before it."""
    assert excerpt("名: 名前", 4) == ("名: 名前", "    ^^^^")


def test_full_output_grows_with_findings_not_with_line_length(in_tmp: Path) -> None:
    """A one-line flow file with 2,000 faults prints about 2,000 short blocks."""
    offerings = ", ".join(
        f"{{id: o{n}, name: O{n}, maturity: planned, variants: [{{id: custom}}], bad{n}: 1}}"
        for n in range(2000)
    )
    text = f"{{id: integration, name: Integration, level: product, offerings: [{offerings}]}}\n"
    catalog = write_catalog(in_tmp / "catalog", {})
    (catalog / "x.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run("validate", "catalog/x.yaml")
    assert code == 1
    blocks = out.split("catalog/x.yaml:1:")[1:]
    assert len(blocks) == 2000
    assert max(len(line) for line in out.splitlines() if line.startswith("1 | ")) == 106
    assert len(text) > 150_000
    assert len(out) < 500 * 2000
    first = blocks[0].splitlines()
    column = int(first[0].split(":")[0])
    marker_start = first[3].index("^") - len("  | ")
    assert first[2][len("1 | ") :][marker_start:].startswith("bad0")
    assert column == text.index("bad0") + 1


# -- reports stay well formed ---------------------------------------------------------------

HOSTILE = "a\x00\x1b[2J\x07\x7f\x85\u202e\u2028\ud800\udcff\ufeff\ufffe\uffff ##[add-mask]::x"


@pytest.fixture
def hostile_result() -> ValidationResult:
    """One finding whose file, message, hint, pointer and label hold every hostile character."""
    location = Location(f"catalog/{HOSTILE}.yaml", 2, 3, f"/offerings/0/{HOSTILE}")
    diagnostic = Diagnostic(
        "S001",
        Severity.ERROR,
        f"unknown key '{HOSTILE}'",
        location,
        hint=HOSTILE,
        related=(Related(location, HOSTILE),),
    )
    return ValidationResult(diagnostics=[diagnostic], files=[location.file])


@pytest.mark.parametrize("name", ["full", "concise"])
def test_terminal_formats_escape_every_hostile_character(
    hostile_result: ValidationResult, name: str
) -> None:
    """The terminal formats hold no raw control, surrogate, bidi or separator character."""
    out = REPORTER_BY_NAME[name](hostile_result)
    assert_terminal_safe(out)
    out.encode("utf-8")
    assert (
        r"a\x00\x1b[2J\x07\x7f\x85\u202e\u2028\ud800\udcff\ufeff\ufffe\uffff ##\x5badd-mask]::x"
        in out
    )


@pytest.mark.parametrize("name", ["json", "gitlab", "sarif"])
def test_json_reports_parse_and_hold_only_printable_text(
    hostile_result: ValidationResult, name: str, in_tmp: Path
) -> None:
    """JSON escapes for what is not printable; a lone surrogate becomes visible text."""
    text = REPORTER_BY_NAME[name](hostile_result)
    text.encode("utf-8")
    assert not escaping._UNSAFE.search(text.replace("\n", ""))
    assert "##[" not in text
    data = json.loads(text)
    message = {
        "json": lambda d: d["diagnostics"][0]["message"],
        "gitlab": lambda d: d[0]["description"],
        "sarif": lambda d: d["runs"][0]["results"][0]["message"]["text"],
    }[name](data)
    assert "a\x00\x1b[2J\x07\x7f\x85\u202e\u2028\\ud800\\udcff\ufeff\ufffe\uffff ##[add-mask]" in (
        message
    )


def test_junit_report_parses_with_every_hostile_character(
    hostile_result: ValidationResult, in_tmp: Path
) -> None:
    """Characters XML cannot hold, and the other hostile ones, are visible escapes."""
    suite = ET.fromstring(REPORTER_BY_NAME["junit"](hostile_result))
    shown = r"a\x00\x1b[2J\x07\x7f\x85\u202e\u2028\ud800\udcff\ufeff\ufffe\uffff ##[add-mask]::x"
    case = suite.find("testcase")
    assert case is not None
    assert case.get("name") == f"catalog/{shown}.yaml"
    assert suite.findtext("testcase/failure") == (
        f"catalog/{shown}.yaml:2:3: S001 unknown key '{shown}'\n  catalog/{shown}.yaml:2:3: {shown}\n"
    )


def test_github_report_escapes_every_hostile_character(
    hostile_result: ValidationResult, in_tmp: Path
) -> None:
    """One command line; the values in it are escapes, never raw characters."""
    out = REPORTER_BY_NAME["github"](hostile_result)
    assert out.count("\n") == 1
    assert out.startswith("::error file=catalog/a\\x00")
    assert not escaping._UNSAFE.search(out.rstrip("\n"))
    assert "##[" not in out


def test_baseline_entry_with_a_lone_surrogate_is_reported_not_a_crash(in_tmp: Path) -> None:
    """A baseline whose entry names a lone surrogate still gives every report, the entry as an escape."""
    write_catalog(in_tmp / "catalog", {})
    digest = fingerprint_of("catalog/levels.yaml", "C004", "/\ud800\x1b[2J", None)
    Path("baseline.json").write_text(
        '{\n  "version": 3,\n  "findings": [\n'
        f'    {{"fingerprint": "{digest}", "code": "C004", "file": "catalog/levels.yaml",'
        ' "pointer": "/\\ud800\\u001b[2J"}\n  ]\n}\n',
        encoding="utf-8",
    )
    args = ["validate", "--baseline", "baseline.json", "--output-format", "concise"]
    for name in ("gitlab", "junit", "sarif", "github", "json"):
        args += ["--report", f"{name}:report.{name}"]
    code, out, err = run(*args)
    assert (code, err) == (0, "")
    assert out == (
        "baseline.json:4:5: info N004 baseline entry C004 in catalog/levels.yaml "
        r"(/\ud800\x1b[2J) no longer occurs"
        "\n"
    )
    for name in ("gitlab", "sarif", "json"):
        json.loads(Path(f"report.{name}").read_text(encoding="utf-8"))
    ET.parse("report.junit")
    assert Path("report.github").read_text(encoding="utf-8") == (
        "::notice file=baseline.json,line=4,col=5,title=N004::baseline entry C004 in "
        r"catalog/levels.yaml (/\ud800\x1b[2J) no longer occurs"
        "%0Ahint: remove it from the baseline (or run 'pscatalog baseline' again)\n"
    )


def test_baseline_nested_too_deep_is_a_one_line_error(in_tmp: Path) -> None:
    """A baseline of 100,000 nested lists is refused with one line, exit 2."""
    write_catalog(in_tmp / "catalog", {})
    Path("baseline.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, out, err = run("validate", "--baseline", "baseline.json")
    assert (code, out) == (2, "")
    assert err.startswith("pscatalog: error: baseline.json: not a baseline file: ")
    assert err.count("\n") == 1


# -- statistics ----------------------------------------------------------------------------


def test_statistics_account_for_every_stage_of_the_run(workflow_key: Path) -> None:
    """Every stage is listed, matching and report included, and they add up to the total."""
    code, _, err = run("validate", "--statistics", "catalog/x.yaml")
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == "1 files, 4 offerings, 1 findings"
    stages = [line.split()[0] for line in lines[1:]]
    assert stages == [
        "config",
        "load",
        "schema",
        "rules",
        "match",
        "filter",
        "sort",
        "report",
        "total",
    ]
    milliseconds = [float(line.split()[1]) for line in lines[1:]]
    assert sum(milliseconds[:-1]) == pytest.approx(milliseconds[-1], abs=0.1 * len(stages))


# -- the schema ----------------------------------------------------------------------------


def test_schema_refuses_control_characters_in_names(in_tmp: Path) -> None:
    """A name with an escape sequence or a bidi override is S005, quoted with escapes."""
    offerings = r"""
    - id: jira
      name: "JIRA\e]0;title\a \u202egnp.exe"
      maturity: planned
      variants:
        - id: custom
          name: "Remote\u2028"
    """
    write_catalog(in_tmp / "catalog", {"x.yaml": category_file(offerings)})
    code, out, _ = run("validate", "--output-format", "concise", "catalog/x.yaml")
    assert code == 1
    assert out == (
        "catalog/x.yaml:6:11: error S005 'name' 'JIRA\\x1b]0;title\\x07 \\u202egnp.exe' is not "
        "a name on one line without control characters\n"
        "catalog/x.yaml:10:15: error S005 'name' 'Remote\\u2028' is not a name on one line "
        "without control characters\n"
    )


# -- messages on standard error --------------------------------------------------------------


def test_configuration_error_quoting_a_hostile_key_is_one_line(in_tmp: Path) -> None:
    """An unknown key `x<LF>::error::y` in pyproject.toml: one line, exit 2."""
    write_catalog(in_tmp / "catalog", {})
    (in_tmp / "pyproject.toml").write_text(
        '[tool.pscatalog]\n"x\\n::error::y\\u001b[2J" = 1\n', encoding="utf-8"
    )
    code, out, err = run("validate")
    assert (code, out) == (2, "")
    assert err == (
        f"pscatalog: error: {in_tmp / 'pyproject.toml'}: [tool.pscatalog] unknown key "
        "'x\\n::error::y\\x1b[2J'\n"
    )


def test_page_diff_of_render_check_shows_page_text_escaped(in_tmp: Path) -> None:
    """A stale region holding an escape sequence and `##[group]`: both escaped in the diff."""
    write_catalog(in_tmp / "catalog", {})
    Path("page.md").write_text(
        "<!-- pscatalog:begin maturity -->\n"
        "::add-mask::secret \x1b[2J ##[group]x\n"
        "<!-- pscatalog:end -->\n",
        encoding="utf-8",
    )
    code, out, err = run("render", "--check", "page.md")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[:6] == [
        "page.md: stale region 'maturity' at line 1",
        "--- page.md",
        "+++ page.md (rendered)",
        "@@ -1,3 +1,10 @@",
        " <!-- pscatalog:begin maturity -->",
        "-::add-mask::secret \\x1b[2J ##\\x5bgroup]x",
    ]
    assert_terminal_safe(out)


# -- no crash on any text ----------------------------------------------------------------------


def every_report(*args: str) -> tuple[int, str, dict[str, str]]:
    """Run validate with every report written; return the exit code, stdout and the reports."""
    names = ("gitlab", "junit", "sarif", "github", "json")
    command = ["validate", "--output-format", "concise", *args]
    for name in names:
        command += ["--report", f"{name}:report.{name}"]
    code, out, err = run(*command)
    assert err == ""
    reports = {name: Path(f"report.{name}").read_text(encoding="utf-8") for name in names}
    for name in ("gitlab", "sarif", "json"):
        json.loads(reports[name])
    ET.fromstring(reports["junit"])
    return code, out, reports


def test_lone_surrogate_in_a_yaml_escape_is_a_diagnostic(in_tmp: Path) -> None:
    r"""`"\ud800"` in a YAML file is Y001 at its place, in every format."""
    offerings = r"""
    - id: jira
      name: "JIRA \ud800"
      maturity: planned
      variants:
        - id: custom
    """
    write_catalog(in_tmp / "catalog", {"x.yaml": category_file(offerings)})
    code, out, reports = every_report("catalog/x.yaml")
    assert code == 1
    assert out == (
        "catalog/x.yaml:6:19: error Y001 found invalid Unicode character escape code "
        "(while parsing a quoted scalar)\n"
    )
    assert '"check_name": "Y001"' in reports["gitlab"]


def test_file_name_that_is_not_utf8_on_disk_is_shown_with_escapes(in_tmp: Path) -> None:
    r"""A catalog file named with byte 0xE9 (Latin-1): named `caf\xe9.yaml` in every report."""
    catalog = write_catalog(in_tmp / "catalog", {})
    (catalog / os.fsdecode(b"caf\xe9.yaml")).write_text("id: [\n", encoding="utf-8")
    code, out, reports = every_report()
    assert code == 1
    assert out == (
        "catalog/caf\\xe9.yaml:1:6: error Y001 did not find expected node content "
        "(while parsing a flow node)\n"
    )
    assert json.loads(reports["gitlab"])[0]["location"]["path"] == "catalog/caf\\xe9.yaml"
    assert reports["github"].startswith("::error file=catalog/caf\\xe9.yaml,line=1,col=6,")


def test_repository_folder_that_is_not_utf8_gives_every_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside a git work tree whose folder is named with byte 0xE9, every report is written."""
    top = tmp_path / os.fsdecode(b"caf\xe9")
    top.mkdir()
    subprocess.run(["git", "init", "-q", str(top)], check=True)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(top)
    write_catalog(top / "catalog", {"x.yaml": "id: [\n"})
    code, out, reports = every_report()
    assert code == 1
    assert out.startswith("catalog/x.yaml:1:6: error Y001 ")
    assert json.loads(reports["gitlab"])[0]["location"]["path"] == "catalog/x.yaml"
    base = json.loads(reports["sarif"])["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.endswith("/caf%E9/")
