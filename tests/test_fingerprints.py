"""Fingerprints: a finding is known by its file, its code and its place named by ids."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from helpers import category_file, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.checks.fingerprints import fingerprints, identities, stable_pointer
from pscatalog.outputs.reporters.gitlab import report_gitlab
from pscatalog.outputs.reporters.sarif import report_sarif

DATA: dict[str, Any] = {
    "offerings": [
        {"id": "jira", "variants": [{"id": "standard"}, {"id": "remote", "sku": "X"}]},
        {"id": "a/b~c", "evidence": {"marketing_material": ["https://x.example/a#b", "=x"]}},
        {"name": "no id", "variants": [{"id": 3}]},
        {"id": "=eq", "stages": ["#one"]},
        {"id": "#hash"},
    ],
    "[weird]": {"1": "a key of digits"},
}


@pytest.mark.parametrize(
    ("pointer", "stable"),
    [
        ("", ""),
        ("/offerings", "/offerings"),
        ("/offerings/0/variants/1/sku", "/offerings/[jira]/variants/[remote]/sku"),
        ("/offerings/1/id", "/offerings/[a~1b~0c]/id"),
        (
            "/offerings/1/evidence/marketing_material/0",
            "/offerings/[a~1b~0c]/evidence/marketing_material/[=https:~1~1x.example~1a#b]",
        ),
        (
            "/offerings/1/evidence/marketing_material/1",
            "/offerings/[a~1b~0c]/evidence/marketing_material/[==x]",
        ),
        ("/offerings/2/name", "/offerings/[#2]/name"),
        ("/offerings/2/variants/0", "/offerings/[#2]/variants/[#0]"),
        ("/offerings/3/stages/0", "/offerings/[~3eq]/stages/[=#one]"),
        ("/offerings/4", "/offerings/[~4hash]"),
        ("/~0weird~1/1", "/~0weird~1/1"),
        ("/[weird]/1", "/~2weird]/1"),
        ("/offerings/9/id", "/offerings/9/id"),
        ("/offerings/0/missing/0", "/offerings/[jira]/missing/0"),
    ],
)
def test_stable_pointer_names_entries_by_id_and_keeps_places_apart(
    pointer: str, stable: str
) -> None:
    """Indexes become ids, strings or [#index]; escapes keep every place's name its own."""
    assert stable_pointer(DATA, pointer) == stable


def test_stable_pointer_outside_the_data_is_kept_as_written() -> None:
    """A file that did not parse (no data) keeps the pointer's parts as they are."""
    assert stable_pointer(None, "/offerings/3/id") == "/offerings/3/id"


def _sha(*parts: object) -> str:
    return hashlib.sha256(json.dumps(list(parts)).encode()).hexdigest()


OFFERINGS = """\
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
LDAP = "- id: ldap\n  name: LDAP\n  maturity: planned\n  variants:\n    - id: custom\n"


def test_code_quality_and_sarif_share_the_fingerprint_of_ids(in_tmp: Path) -> None:
    """GitLab's and SARIF's fingerprints are the hash of [path, code, pointer by ids]."""
    write_catalog(in_tmp / "catalog", {"x.yaml": category_file(OFFERINGS)})
    result = validate(["catalog"])
    expected = [
        _sha("catalog/x.yaml", "C004", "/offerings/[jira]/maturity"),
        _sha("catalog/x.yaml", "C004", "/offerings/[jenkins]/maturity"),
    ]
    assert fingerprints(result) == expected
    assert [issue["fingerprint"] for issue in json.loads(report_gitlab(result))] == expected
    sarif = json.loads(report_sarif(result))["runs"][0]["results"]
    assert [found["partialFingerprints"]["pscatalog/v1"] for found in sarif] == expected


def test_fingerprints_stay_when_an_offering_is_inserted_above(in_tmp: Path) -> None:
    """An offering inserted at the top moves every index; no fingerprint changes."""
    path = write_catalog(in_tmp / "catalog", {"x.yaml": category_file(OFFERINGS)}) / "x.yaml"
    before = json.loads(report_gitlab(validate(["catalog"])))
    path.write_text(category_file(LDAP + OFFERINGS), encoding="utf-8")
    after = json.loads(report_gitlab(validate(["catalog"])))
    assert [i["location"]["lines"]["begin"] for i in before] == [7, 12]
    assert [i["location"]["lines"]["begin"] for i in after] == [12, 17]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


def test_a_repeat_placed_in_a_named_file_keeps_its_identity(in_tmp: Path) -> None:
    """Placed in the named file, a duplicate is still identified as the full run reports it."""
    write_catalog(
        in_tmp / "catalog",
        {
            "a.yaml": category_file(LDAP, category_id="a"),
            "b.yaml": category_file(LDAP.replace("LDAP", "LDAP again"), category_id="b"),
        },
    )
    whole = validate(["catalog"])
    named = validate(["catalog/a.yaml"])
    assert [d.location.file for d in whole.diagnostics] == ["catalog/b.yaml"]
    assert [d.location.file for d in named.diagnostics] == ["catalog/a.yaml"]
    assert identities(named) == identities(whole)
    assert identities(whole)[0].path == "catalog/b.yaml"
