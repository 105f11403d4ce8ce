"""Every output format carries a finding's related places with their labels, where it can hold them.

One finding with a related place: offering id 'base-implementation' is used
again in integration.yaml (line 10), first used in a-product.yaml (line 5).
``concise`` is one line per finding (``file:line:col: severity code message``,
what editors' problem matchers read), so it names no second place.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import category_file, write_catalog
from pscatalog.checks.checker import ValidationResult, validate
from pscatalog.outputs.reporters import REPORTER_BY_NAME

SECOND = "catalog/integration.yaml"
FIRST = "catalog/a-product.yaml"
MESSAGE = "offering id 'base-implementation' is already used"


@pytest.fixture
def result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ValidationResult:
    """The validation of a catalog whose one finding is a C103 with a labelled related place."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    offerings = """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
        - id: base-implementation
          name: JIRA two
          maturity: minimal
          variants:
            - id: custom
        """
    write_catalog(Path("catalog"), {"integration.yaml": category_file(offerings)})
    found = validate([Path("catalog")])
    assert [(d.code, d.location.file, d.location.line) for d in found.diagnostics] == [
        ("C103", SECOND, 10)
    ]
    return found


def test_full_shows_the_related_place_and_its_label(result: ValidationResult) -> None:
    """full: a '= file:line:column: label' line under the finding."""
    assert REPORTER_BY_NAME["full"](result) == (
        f"{SECOND}:10:9: error C103 {MESSAGE}\n"
        "   |\n"
        "10 |   - id: base-implementation\n"
        "   |         ^^^^^^^^^^^^^^^^^^^\n"
        "   = hint: give the offering its own id, or make it a variant of the other offering\n"
        f"   = {FIRST}:5:9: already used here\n"
        "Found 1 error in 5 files.\n"
    )


def test_concise_is_one_line_per_finding(result: ValidationResult) -> None:
    """concise: the finding's own place and message only."""
    assert REPORTER_BY_NAME["concise"](result) == f"{SECOND}:10:9: error C103 {MESSAGE}\n"


def test_json_lists_the_related_place_with_its_label(result: ValidationResult) -> None:
    """json: 'related' holds the place, its pointer and its label."""
    [diagnostic] = json.loads(REPORTER_BY_NAME["json"](result))["diagnostics"]
    assert diagnostic["related"] == [
        {
            "file": FIRST,
            "line": 5,
            "column": 9,
            "pointer": "/offerings/0/id",
            "label": "already used here",
        }
    ]


def test_sarif_has_a_related_location_whose_message_is_the_label(result: ValidationResult) -> None:
    """sarif: relatedLocations, each with the label as its message."""
    [finding] = json.loads(REPORTER_BY_NAME["sarif"](result))["runs"][0]["results"]
    assert finding["relatedLocations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": FIRST, "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 5, "startColumn": 9},
            },
            "message": {"text": "already used here"},
        }
    ]


def test_gitlab_names_the_related_place_in_the_description(result: ValidationResult) -> None:
    """gitlab: Code Quality has one place per issue, so the description names the other."""
    [issue] = json.loads(REPORTER_BY_NAME["gitlab"](result))
    assert issue["description"] == f"{MESSAGE} ({FIRST}:5: already used here)"
    assert issue["location"] == {"path": SECOND, "lines": {"begin": 10}}


def test_junit_lists_the_related_place_under_the_finding(result: ValidationResult) -> None:
    """junit: an indented 'file:line:column: label' line follows the finding in its failure."""
    suite = ET.fromstring(REPORTER_BY_NAME["junit"](result))
    assert suite.findtext(f"testcase[@name='{SECOND}']/failure") == (
        f"{SECOND}:10:9: C103 {MESSAGE}\n  {FIRST}:5:9: already used here\n"
    )


def test_github_adds_the_related_place_as_a_line_of_the_annotation(
    result: ValidationResult,
) -> None:
    """github: the annotation's message has a second line (%0A) with the place and its label."""
    assert REPORTER_BY_NAME["github"](result) == (
        f"::error file={SECOND},line=10,col=9,title=C103::{MESSAGE}"
        f"%0A{FIRST}:5:9: already used here"
        "%0Ahint: give the offering its own id, or make it a variant of the other offering\n"
    )
