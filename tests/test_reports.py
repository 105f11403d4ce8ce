"""The CI reports: gitlab (Code Quality), junit, sarif and github."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker

from conftest import REPO
from helpers import category_file, write_catalog
from pscatalog._version import __version__
from pscatalog.checks.checker import ValidationResult, validate
from pscatalog.diagnostics import Diagnostic, Location, Severity
from pscatalog.outputs.reporters import REPORTER_BY_NAME
from pscatalog.outputs.reporters.github import report_github
from pscatalog.outputs.reporters.gitlab import report_gitlab
from pscatalog.outputs.reporters.junit import report_junit
from pscatalog.outputs.reporters.links import help_url
from pscatalog.outputs.reporters.sarif import report_sarif
from pscatalog.rules.registry import CODES

SARIF_SCHEMA = REPO / "tests" / "fixtures" / "reports" / "sarif-schema-2.1.0.json"

# Sold twice under one SKU (C105), viable without evidence (M002, and the
# warnings M003 and M004), and two unknown keys in one variant (S001 twice).
INTEGRATION = category_file(
    """
    - id: jira
      name: Jira integration
      maturity: viable
      variants:
        - id: standard
          sku: GL-JIRA
          standard_sow: https://example.com/sow/jira
        - id: remote
          sku: GL-JIRA
          standard_sow: https://example.com/sow/jira-remote
    - id: ldap
      name: LDAP integration
      maturity: minimal
      variants:
        - id: custom
          colour: blue
          flavour: red
    """
)

# One key written three times: two Y002, the last at the key the data keeps, the other in
# the offering, known by the text of its line.
MIGRATION = category_file(
    """
    - id: svn
      name: SVN migration
      name: Subversion migration
      name: SVN import
      maturity: minimal
      variants:
        - id: custom
    """,
    category_id="migration",
)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run inside an empty temporary folder that no git work tree contains."""
    monkeypatch.chdir(tmp_path)
    # git must not find a repository above the temporary folder, nor take one from CI.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    for name in ("GIT_DIR", "GIT_WORK_TREE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def faulty_catalog(root: Path, *, lines_above: int = 0) -> ValidationResult:
    """Write the catalog with known faults at ``root`` and validate it."""
    comments = "".join(f"# note {n}\n" for n in range(lines_above))
    write_catalog(root, {"integration.yaml": comments + INTEGRATION, "migration.yaml": MIGRATION})
    return validate([root])


def fingerprint(
    path: str,
    code: str,
    pointer: str,
    subject: dict[str, Any] | None = None,
    occurrence: int = 0,
    related: tuple[str, ...] = (),
) -> str:
    """The documented fingerprint: SHA-256 of [path, code, pointer, subject(, related)(, occurrence)].

    As UTF-8 JSON. The pointer names list entries by their ids
    (``/offerings/[jira]/maturity``); the subject is what the finding is about
    there (``{"value": "viable"}``), ``{}`` for a finding in no file read; the
    related places (what a repeat repeats) as ``{"related": ["file#pointer"]}``.
    """
    parts: list[Any] = [path, code, pointer, subject or {}]
    parts += [{"related": list(related)}] if related else []
    parts += [occurrence] if occurrence else []
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def diagnostic(
    code: str, severity: Severity, message: str, file: str = "catalog/odd.yaml", **more: Any
) -> Diagnostic:
    """A diagnostic at line 3, column 5 of ``file``, pointer ``/id``."""
    return Diagnostic(code, severity, message, Location(file, 3, 5, "/id"), **more)


def issue(code: str, severity: str, message: str, line: int, path: str, digest: str) -> Any:
    """A Code Quality issue as GitLab documents it."""
    return {
        "description": message,
        "check_name": code,
        "fingerprint": digest,
        "severity": severity,
        "location": {"path": path, "lines": {"begin": line}},
    }


def git_repository(folder: Path) -> Path:
    """Make ``folder`` a git work tree."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    return folder


# --- registry -------------------------------------------------------------------


def test_ci_reporters_are_registered_by_name(here: Path):
    """The four CI formats are in REPORTER_BY_NAME under their --report names, and run them."""
    result = faulty_catalog(here)
    for name, reporter in (
        ("gitlab", report_gitlab),
        ("junit", report_junit),
        ("sarif", report_sarif),
        ("github", report_github),
    ):
        assert REPORTER_BY_NAME[name].__name__ == reporter.__name__
        assert REPORTER_BY_NAME[name](result) == reporter(result)


# --- gitlab ---------------------------------------------------------------------


def test_gitlab_report_has_one_issue_per_diagnostic_with_the_documented_fields(here: Path):
    """Outside git, each issue has GitLab's six fields, paths relative to the current folder."""
    report = json.loads(report_gitlab(faulty_catalog(here / "catalog")))
    integration, migration = "catalog/integration.yaml", "catalog/migration.yaml"
    maturity, sku = "/offerings/[jira]/maturity", "/offerings/[jira]/variants/[remote]/sku"
    colour = "/offerings/[ldap]/variants/[custom]/colour"
    flavour = "/offerings/[ldap]/variants/[custom]/flavour"
    viable = {"value": "viable"}
    assert report == [
        issue(
            "M002",
            "major",
            "'jira' is viable but its evidence shows no delivery",
            7,
            integration,
            fingerprint(integration, "M002", maturity, viable),
        ),
        issue(
            "M003",
            "minor",
            "'jira' is viable but lists no marketing material",
            7,
            integration,
            fingerprint(integration, "M003", maturity, viable),
        ),
        issue(
            "M004",
            "minor",
            "'jira' is viable but has no execution plan",
            7,
            integration,
            fingerprint(integration, "M004", maturity, viable),
        ),
        issue(
            "C105",
            "major",
            "SKU 'GL-JIRA' is already used (catalog/integration.yaml:10: already used here)",
            13,
            integration,
            fingerprint(
                integration,
                "C105",
                sku,
                {"value": "GL-JIRA"},
                related=(f"{integration}#/offerings/[jira]/variants/[standard]/sku",),
            ),
        ),
        issue(
            "S001",
            "major",
            "unknown key 'colour'",
            20,
            integration,
            fingerprint(integration, "S001", colour, {"value": "blue"}),
        ),
        issue(
            "S001",
            "major",
            "unknown key 'flavour'",
            21,
            integration,
            fingerprint(integration, "S001", flavour, {"value": "red"}),
        ),
        issue(
            "Y002",
            "major",
            "duplicate key 'name': YAML readers keep only one of the values"
            " (catalog/migration.yaml:6: first written here)",
            7,
            migration,
            fingerprint(
                migration, "Y002", "/offerings/[svn]", {"text": "name: Subversion migration"}
            ),
        ),
        issue(
            "Y002",
            "major",
            "duplicate key 'name': YAML readers keep only one of the values"
            " (catalog/migration.yaml:7: first written here)",
            8,
            migration,
            fingerprint(migration, "Y002", "/offerings/[svn]/name", {"value": "SVN import"}),
        ),
    ]


def test_gitlab_report_maps_each_severity(here: Path):
    """Error is major, warning minor, info info."""
    result = ValidationResult(
        diagnostics=[
            diagnostic("C001", Severity.ERROR, "an error"),
            diagnostic("M003", Severity.WARNING, "a warning"),
            diagnostic("Y003", Severity.INFO, "a note"),
        ]
    )
    report = json.loads(report_gitlab(result))
    assert [(i["check_name"], i["severity"]) for i in report] == [
        ("C001", "major"),
        ("M003", "minor"),
        ("Y003", "info"),
    ]


def test_gitlab_paths_are_relative_to_the_git_top_folder(
    here: Path, monkeypatch: pytest.MonkeyPatch
):
    """In a git work tree, paths start at its top folder, whatever folder pscatalog runs in."""
    top = git_repository(here / "handbook")
    (top / "data").mkdir()
    monkeypatch.chdir(top / "data")
    result = faulty_catalog(top / "data" / "catalog")
    assert result.diagnostics[0].location.file == "catalog/integration.yaml"
    report = json.loads(report_gitlab(result))
    assert {i["location"]["path"] for i in report} == {
        "data/catalog/integration.yaml",
        "data/catalog/migration.yaml",
    }
    assert report[0]["fingerprint"] == fingerprint(
        "data/catalog/integration.yaml", "M002", "/offerings/[jira]/maturity", {"value": "viable"}
    )


def test_gitlab_fingerprints_stay_when_lines_are_inserted_above_the_fault(here: Path):
    """Three lines added at the top move every issue down three lines, its fingerprint not."""
    before = json.loads(report_gitlab(faulty_catalog(here / "catalog")))
    after = json.loads(report_gitlab(faulty_catalog(here / "catalog", lines_above=3)))
    moved = [i for i in after if i["location"]["path"] == "catalog/integration.yaml"]
    assert [i["location"]["lines"]["begin"] for i in moved] == [10, 10, 10, 16, 23, 24]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


def test_gitlab_fingerprints_differ_for_two_findings_of_one_code_in_one_file(here: Path):
    """Two unknown keys in one file: two fingerprints, neither with an occurrence number."""
    report = json.loads(report_gitlab(faulty_catalog(here / "catalog")))
    unknown = [i["fingerprint"] for i in report if i["check_name"] == "S001"]
    path = "catalog/integration.yaml"
    assert unknown == [
        fingerprint(path, "S001", "/offerings/[ldap]/variants/[custom]/colour", {"value": "blue"}),
        fingerprint(path, "S001", "/offerings/[ldap]/variants/[custom]/flavour", {"value": "red"}),
    ]
    assert len({i["fingerprint"] for i in report}) == len(report)


def test_gitlab_fingerprints_number_only_the_repeats_of_file_code_and_pointer(here: Path):
    """A repeated (file, code, pointer) gets occurrence 1, 2...; the first and the rest none."""
    path = "catalog/odd.yaml"
    result = ValidationResult(
        diagnostics=[
            diagnostic("Y002", Severity.ERROR, "first"),
            diagnostic("Y002", Severity.ERROR, "second"),
            diagnostic("Y002", Severity.ERROR, "third"),
            diagnostic("Y003", Severity.WARNING, "same place, other code"),
            diagnostic("Y002", Severity.ERROR, "same code, other file", file="catalog/b.yaml"),
        ]
    )
    assert [i["fingerprint"] for i in json.loads(report_gitlab(result))] == [
        fingerprint(path, "Y002", "/id"),
        fingerprint(path, "Y002", "/id", occurrence=1),
        fingerprint(path, "Y002", "/id", occurrence=2),
        fingerprint(path, "Y003", "/id"),
        fingerprint("catalog/b.yaml", "Y002", "/id"),
    ]


def test_gitlab_report_of_a_clean_catalog_is_an_empty_list(here: Path):
    """No diagnostics, no issues."""
    write_catalog(here / "catalog", {})
    assert report_gitlab(validate([here / "catalog"])) == "[]\n"


# --- junit ----------------------------------------------------------------------


def test_junit_report_has_one_case_per_file_with_errors_as_failures(here: Path):
    """Each file is a case; errors fill its failure, warnings its system-out."""
    suite = ET.fromstring(report_junit(faulty_catalog(here / "catalog")))
    assert suite.tag == "testsuite"
    assert suite.attrib == {
        "name": "pscatalog",
        "tests": "6",
        "failures": "2",
        "errors": "0",
        "skipped": "0",
    }
    cases = suite.findall("testcase")
    assert [case.attrib for case in cases] == [
        {"classname": "pscatalog", "name": f"catalog/{name}", "file": f"catalog/{name}"}
        for name in (
            "levels.yaml",
            "a-product.yaml",
            "b-adoption.yaml",
            "c-transformation.yaml",
            "integration.yaml",
            "migration.yaml",
        )
    ]
    assert [list(case) for case in cases[:4]] == [[], [], [], []]
    integration, migration = cases[4], cases[5]
    assert [child.tag for child in integration] == ["failure", "system-out"]
    failure = integration.find("failure")
    assert failure is not None
    assert failure.attrib == {"message": "4 errors", "type": "M002 C105 S001"}
    assert failure.text == (
        "catalog/integration.yaml:7:15: M002 'jira' is viable but its evidence shows no delivery\n"
        "catalog/integration.yaml:13:14: C105 SKU 'GL-JIRA' is already used\n"
        "  catalog/integration.yaml:10:14: already used here\n"
        "catalog/integration.yaml:20:9: S001 unknown key 'colour'\n"
        "catalog/integration.yaml:21:9: S001 unknown key 'flavour'\n"
    )
    assert integration.findtext("system-out") == (
        "catalog/integration.yaml:7:15: warning M003 'jira' is viable but lists no marketing material\n"
        "catalog/integration.yaml:7:15: warning M004 'jira' is viable but has no execution plan\n"
    )
    assert [child.tag for child in migration] == ["failure"]
    assert [f.attrib for f in migration.iter("failure")] == [
        {"message": "2 errors", "type": "Y002"}
    ]


def test_junit_report_adds_a_case_for_a_file_that_is_missing(here: Path):
    """A missing levels file is not among the files checked, yet gets a failed case."""
    write_catalog(here / "catalog", {})
    (here / "catalog" / "levels.yaml").unlink()
    suite = ET.fromstring(report_junit(validate([here / "catalog"])))
    assert suite.get("tests") == "4"
    assert suite.get("failures") == "1"
    last = suite.findall("testcase")[-1]
    assert last.get("name") == "catalog/levels.yaml"
    assert [f.attrib for f in last.iter("failure")] == [{"message": "1 error", "type": "C204"}]
    assert last.findtext("failure") == (
        "catalog/levels.yaml:1:1: C204 the catalog has no levels file\n"
    )


def test_junit_file_attribute_is_relative_to_the_git_top_folder(
    here: Path, monkeypatch: pytest.MonkeyPatch
):
    """Cases and failures name files from the top folder, never `../`, wherever it runs."""
    top = git_repository(here / "handbook")
    (top / "data").mkdir()
    (top / "data" / "pages").mkdir()
    monkeypatch.chdir(top / "data" / "pages")
    suite = ET.fromstring(report_junit(faulty_catalog(top / "data" / "catalog")))
    last = suite.findall("testcase")[-1]
    assert (last.get("name"), last.get("file")) == (
        "data/catalog/migration.yaml",
        "data/catalog/migration.yaml",
    )
    assert (last.findtext("failure") or "").splitlines()[:2] == [
        "data/catalog/migration.yaml:7:5: Y002 duplicate key 'name': YAML readers keep only one "
        "of the values",
        "  data/catalog/migration.yaml:6:5: first written here",
    ]


# What ActiveSupport's XML reader, which GitLab uses, does with a "type" attribute
# of these values: casts the element's text, or refuses the whole file.
ACTIVESUPPORT_TYPES = {
    "array",
    "base64Binary",
    "boolean",
    "date",
    "datetime",
    "dateTime",
    "decimal",
    "double",
    "file",
    "float",
    "hash",
    "integer",
    "string",
    "symbol",
    "yaml",
}


def gitlab_test_cases(xml_text: str) -> list[dict[str, Any]]:
    """Read JUnit XML for the fields GitLab's parser uses (lib/gitlab/ci/parsers/test/junit.rb).

    Test cases of a top-level ``testsuite``, or of the ``testsuite``s of a
    top-level ``testsuites``; status ``failed`` with the failure's text and
    ``System Out:`` appended, or ``success`` with no output.
    """
    root = ET.fromstring(xml_text)
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    cases = []
    for suite in suites:
        for case in suite.findall("testcase"):
            failure = case.find("failure")
            entry = {
                "suite_name": suite.get("name"),
                "classname": case.get("classname"),
                "name": case.get("name"),
                "file": case.get("file"),
                "status": "success",
                "system_output": None,
            }
            if failure is not None:
                assert failure.get("type") not in ACTIVESUPPORT_TYPES
                system_out = case.findtext("system-out")
                outputs = [failure.text, f"System Out:\n\n{system_out}" if system_out else None]
                entry["status"] = "failed"
                entry["system_output"] = "\n\n".join(o for o in outputs if o)
            cases.append(entry)
    return cases


def test_junit_report_reads_as_gitlab_reads_it(here: Path):
    """GitLab sees six cases of suite pscatalog, two failed with every error in their output."""
    cases = gitlab_test_cases(report_junit(faulty_catalog(here / "catalog")))
    assert [
        (c["suite_name"], c["classname"], c["name"], c["file"], c["status"]) for c in cases
    ] == [
        ("pscatalog", "pscatalog", f"catalog/{name}", f"catalog/{name}", status)
        for name, status in (
            ("levels.yaml", "success"),
            ("a-product.yaml", "success"),
            ("b-adoption.yaml", "success"),
            ("c-transformation.yaml", "success"),
            ("integration.yaml", "failed"),
            ("migration.yaml", "failed"),
        )
    ]
    assert cases[5]["system_output"] == (
        "catalog/migration.yaml:7:5: Y002 duplicate key 'name': YAML readers keep only one of the values\n"
        "  catalog/migration.yaml:6:5: first written here\n"
        "catalog/migration.yaml:8:5: Y002 duplicate key 'name': YAML readers keep only one of the values\n"
        "  catalog/migration.yaml:7:5: first written here\n"
    )
    assert cases[4]["system_output"].endswith(
        "System Out:\n\n"
        "catalog/integration.yaml:7:15: warning M003 'jira' is viable but lists no marketing material\n"
        "catalog/integration.yaml:7:15: warning M004 'jira' is viable but has no execution plan\n"
    )


def test_junit_report_escapes_markup_and_shows_characters_xml_cannot_hold_as_escapes(here: Path):
    """Markup in a message is escaped by the XML writer; a control character is a visible escape."""
    result = ValidationResult(
        diagnostics=[diagnostic("S004", Severity.ERROR, "value '<a & \"b\">\x07' is not allowed")],
        files=["catalog/odd.yaml"],
    )
    suite = ET.fromstring(report_junit(result))
    assert suite.findtext("testcase/failure") == (
        "catalog/odd.yaml:3:5: S004 value '<a & \"b\">\\x07' is not allowed\n"
    )


def test_junit_report_of_no_files_is_an_empty_suite(here: Path):
    """No files: a suite of no tests, still well formed."""
    suite = ET.fromstring(report_junit(ValidationResult()))
    assert (suite.tag, suite.attrib, list(suite)) == (
        "testsuite",
        {"name": "pscatalog", "tests": "0", "failures": "0", "errors": "0", "skipped": "0"},
        [],
    )


# --- sarif ----------------------------------------------------------------------

# jsonschema checks "uri" only with an optional package; these follow RFC 3986.
_URI_CHAR = r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})"
SARIF_FORMATS = FormatChecker()


@SARIF_FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(
        re.fullmatch(rf"[A-Za-z][A-Za-z0-9+.\-]*:{_URI_CHAR}*", value)
    )


@SARIF_FORMATS.checks("uri-reference")
def _is_uri_reference(value: object) -> bool:
    return not isinstance(value, str) or bool(re.fullmatch(rf"{_URI_CHAR}*", value))


def sarif_errors(report: str) -> list[str]:
    """Validate a report against the SARIF 2.1.0 schema; return the errors' messages."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = Draft4Validator(schema, format_checker=SARIF_FORMATS)
    return [error.message for error in validator.iter_errors(json.loads(report))]


def test_sarif_schema_fixture_is_the_oasis_draft_04_schema():
    """The schema copy is the OASIS one, a valid draft-04 schema."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    assert schema["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )


def test_sarif_format_checks_reject_what_is_not_a_uri():
    """The test's own uri checks have teeth: a space or a missing scheme fails them."""
    assert not _is_uri("catalog/a.yaml")
    assert not _is_uri("file:///tmp/my folder/")
    assert not _is_uri_reference("catalog/my file.yaml")
    assert _is_uri_reference("catalog/my%20file.yaml")


def test_sarif_report_of_a_faulty_catalog_is_valid_sarif_2_1_0(here: Path):
    """The report of the faulty catalog validates against the official schema."""
    report = report_sarif(faulty_catalog(here / "catalog"))
    assert sarif_errors(report) == []
    assert len(json.loads(report)["runs"][0]["results"]) == 8


def test_sarif_report_of_odd_names_and_no_findings_is_valid_sarif_2_1_0(here: Path):
    """Spaces and accents in a file name, and an empty result list, still validate."""
    odd = ValidationResult(
        diagnostics=[
            diagnostic(
                "Y003", Severity.INFO, "note", file="catalog/my file é.yaml", hint="quote it"
            )
        ]
    )
    assert sarif_errors(report_sarif(odd)) == []
    assert sarif_errors(report_sarif(ValidationResult())) == []


def test_sarif_driver_describes_every_code_as_a_rule(here: Path):
    """The driver names pscatalog, its version and home page, and has one rule per code."""
    driver = json.loads(report_sarif(ValidationResult()))["runs"][0]["tool"]["driver"]
    assert {key: value for key, value in driver.items() if key != "rules"} == {
        "name": "pscatalog",
        "version": __version__,
        "informationUri": "https://gitlab.com/pscatalog/pscatalog",
    }
    assert [rule["id"] for rule in driver["rules"]] == list(CODES)
    assert driver["rules"][list(CODES).index("C105")] == {
        "id": "C105",
        "name": "duplicate-sku",
        "shortDescription": {"text": "SKUs are unique across the catalog"},
        "fullDescription": {"text": "SKUs are unique across the whole catalog."},
        "helpUri": help_url("C105"),
        "defaultConfiguration": {"level": "error"},
    }
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in driver["rules"]}
    assert (levels["M003"], levels["Y003"]) == ("warning", "warning")


def test_sarif_result_has_rule_level_message_location_related_and_fingerprint(here: Path):
    """A duplicate SKU: its rule, message and hint as sentences, the first use, gitlab's fingerprint."""
    result = faulty_catalog(here / "catalog")
    log = json.loads(report_sarif(result))
    gitlab = json.loads(report_gitlab(result))
    results = log["runs"][0]["results"]

    def place(line: int, column: int) -> dict[str, Any]:
        return {
            "artifactLocation": {"uri": "catalog/integration.yaml", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": line, "startColumn": column},
        }

    assert results[3] == {
        "ruleId": "C105",
        "ruleIndex": list(CODES).index("C105"),
        "level": "error",
        "message": {"text": "SKU 'GL-JIRA' is already used. Give each variant its own SKU."},
        "locations": [{"physicalLocation": place(13, 14)}],
        "relatedLocations": [
            {"physicalLocation": place(10, 14), "message": {"text": "already used here"}}
        ],
        "partialFingerprints": {"pscatalog/v2": gitlab[3]["fingerprint"]},
    }
    assert [r["partialFingerprints"]["pscatalog/v2"] for r in results] == [
        i["fingerprint"] for i in gitlab
    ]
    assert [(r["ruleId"], r["level"]) for r in results[:3]] == [
        ("M002", "error"),
        ("M003", "warning"),
        ("M004", "warning"),
    ]


def test_sarif_uris_are_encoded_and_relative_to_the_folder_it_ran_in(here: Path):
    """Outside git: a relative, percent-encoded URI against %SRCROOT%, the current folder."""
    odd = ValidationResult(
        diagnostics=[diagnostic("Y003", Severity.INFO, "a note", file="catalog/my file é.yaml")]
    )
    run = json.loads(report_sarif(odd))["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}}
    assert run["columnKind"] == "unicodeCodePoints"
    [only] = run["results"]
    assert (only["level"], only["message"]) == ("note", {"text": "A note."})
    assert only["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "catalog/my%20file%20%C3%A9.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert "relatedLocations" not in only


def test_sarif_log_header_names_the_schema_and_version(here: Path):
    """The log names the 2.1.0 schema and version, and holds one run."""
    log = json.loads(report_sarif(ValidationResult()))
    assert (log["$schema"], log["version"], len(log["runs"])) == (
        "https://json.schemastore.org/sarif-2.1.0.json",
        "2.1.0",
        1,
    )
    assert log["runs"][0]["results"] == []


# --- github ---------------------------------------------------------------------


VARIANT_KEYS = (
    "'id', 'name', 'description', 'sku', 'standard_sow', 'retired', 'delivery', 'deployment', "
    "'clearance', 'class_size', 'duration', 'price'"
)


def test_github_report_has_one_workflow_command_per_diagnostic(here: Path):
    """Errors are ::error, warnings ::warning, with file, line, column, code, related places and hint."""
    assert report_github(faulty_catalog(here / "catalog")) == (
        "::error file=catalog/integration.yaml,line=7,col=15,title=M002::'jira' is viable but its evidence shows no delivery"
        "%0Ahint: record the number of deliveries as 'evidence.deliveries', or lower the maturity to 'minimal' and say why in 'maturity_reason'\n"
        "::warning file=catalog/integration.yaml,line=7,col=15,title=M003::'jira' is viable but lists no marketing material"
        "%0Ahint: add links to its marketing material as 'evidence.marketing_material'\n"
        "::warning file=catalog/integration.yaml,line=7,col=15,title=M004::'jira' is viable but has no execution plan"
        "%0Ahint: link the execution plan as 'evidence.execution_plan'\n"
        "::error file=catalog/integration.yaml,line=13,col=14,title=C105::SKU 'GL-JIRA' is already used"
        "%0Acatalog/integration.yaml:10:14: already used here%0Ahint: give each variant its own SKU\n"
        "::error file=catalog/integration.yaml,line=20,col=9,title=S001::unknown key 'colour'"
        f"%0Ahint: allowed keys here: {VARIANT_KEYS}\n"
        "::error file=catalog/integration.yaml,line=21,col=9,title=S001::unknown key 'flavour'"
        f"%0Ahint: allowed keys here: {VARIANT_KEYS}\n"
        "::error file=catalog/migration.yaml,line=7,col=5,title=Y002::duplicate key 'name': YAML readers keep only one of the values"
        "%0Acatalog/migration.yaml:6:5: first written here%0Ahint: remove one of the keys, or merge their values\n"
        "::error file=catalog/migration.yaml,line=8,col=5,title=Y002::duplicate key 'name': YAML readers keep only one of the values"
        "%0Acatalog/migration.yaml:7:5: first written here%0Ahint: remove one of the keys, or merge their values\n"
    )


def test_github_report_escapes_properties_and_message(here: Path):
    """'%' is escaped everywhere, ':' and ',' in properties; CR and LF are shown as escapes."""
    result = ValidationResult(
        diagnostics=[
            diagnostic(
                "Y003",
                Severity.INFO,
                "100% sure: 'a,b'\r\nsecond line",
                file="catalog/odd: 1,2%.yaml",
            )
        ]
    )
    assert report_github(result) == (
        "::notice file=catalog/odd%3A 1%2C2%25.yaml,line=3,col=5,title=Y003"
        "::100%25 sure: 'a,b'\\r\\nsecond line\n"
    )


def test_github_paths_are_relative_to_the_git_top_folder(
    here: Path, monkeypatch: pytest.MonkeyPatch
):
    """GitHub resolves annotation paths from the repository's top folder."""
    top = git_repository(here / "handbook")
    (top / "data").mkdir()
    monkeypatch.chdir(top / "data")
    first = report_github(faulty_catalog(top / "data" / "catalog")).splitlines()[0]
    assert first.startswith("::error file=data/catalog/integration.yaml,line=7,col=15,title=M002::")


def test_github_report_of_no_diagnostics_is_empty(here: Path):
    """Nothing found, nothing printed."""
    assert report_github(ValidationResult()) == ""


def test_one_validate_run_writes_all_four_reports(here: Path):
    """`validate --report` x4 on a broken catalog writes every report, each accepted by its consumer."""
    from click.testing import CliRunner

    from pscatalog.cli.main import OUTPUT_FORMATS, REPORT_FORMATS, cli

    assert set(OUTPUT_FORMATS) | set(REPORT_FORMATS) <= set(REPORTER_BY_NAME)
    faulty_catalog(here)
    args = ["validate", "--output-format", "concise"]
    for name, file in (
        ("gitlab", "cq.json"),
        ("junit", "junit.xml"),
        ("sarif", "out.sarif"),
        ("github", "gh.txt"),
    ):
        args += ["--report", f"{name}:{file}"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    concise = result.stdout.splitlines()
    issues = json.loads((here / "cq.json").read_text(encoding="utf-8"))
    assert len(issues) == len(concise)
    assert all(
        set(i) == {"description", "check_name", "fingerprint", "severity", "location"}
        for i in issues
    )
    assert sarif_errors((here / "out.sarif").read_text(encoding="utf-8")) == []
    cases = gitlab_test_cases((here / "junit.xml").read_text(encoding="utf-8"))
    assert any(case["status"] == "failed" for case in cases)
    github = (here / "gh.txt").read_text(encoding="utf-8").splitlines()
    assert len(github) == len(concise)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in github)


def test_bad_report_argument_is_a_usage_error(here: Path):
    """`--report` without FORMAT:PATH, or with an unknown format, exits 2 before checking."""
    from click.testing import CliRunner

    from pscatalog.cli.main import cli

    faulty_catalog(here)
    result = CliRunner().invoke(cli, ["validate", "--report", "xml:out.xml"])
    assert result.exit_code == 2
    assert (
        "expected FORMAT:PATH with FORMAT one of gitlab, junit, sarif, github, json"
        in result.stderr
    )
    assert not (here / "out.xml").exists()
