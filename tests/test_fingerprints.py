"""Fingerprints: a finding is known by its file, code, place named by ids, and subject."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from helpers import category_file, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.checks.fingerprints import (
    Subject,
    fingerprint_of,
    fingerprints,
    identities,
    identity_path,
    place_of,
    stable_pointer,
    subject_of,
)
from pscatalog.outputs.reporters.gitlab import report_gitlab
from pscatalog.outputs.reporters.sarif import report_sarif
from pscatalog.yamltext.loader import load_text

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
    return hashlib.sha256(json.dumps(list(parts), ensure_ascii=False).encode()).hexdigest()


VIABLE = {"value": "viable"}


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
    """GitLab's and SARIF's fingerprints hash [path, code, pointer by ids, subject]."""
    write_catalog(in_tmp / "catalog", {"x.yaml": category_file(OFFERINGS)})
    result = validate(["catalog"])
    expected = [
        _sha("catalog/x.yaml", "C004", "/offerings/[jira]/maturity", {"value": "minimal"}),
        _sha("catalog/x.yaml", "C004", "/offerings/[jenkins]/maturity", {"value": "planned"}),
    ]
    assert fingerprints(result) == expected
    assert [issue["fingerprint"] for issue in json.loads(report_gitlab(result))] == expected
    sarif = json.loads(report_sarif(result))["runs"][0]["results"]
    assert [found["partialFingerprints"]["pscatalog/v2"] for found in sarif] == expected


def test_fingerprint_of_is_the_documented_hash() -> None:
    """The hash of the JSON array, the subject as a one-field object, an occurrence appended."""
    subject = Subject("keys", ["id", "name"])
    assert fingerprint_of("c/x.yaml", "S002", "/o", subject) == _sha(
        "c/x.yaml", "S002", "/o", {"keys": ["id", "name"]}
    )
    assert fingerprint_of("c/x.yaml", "S002", "/o", None, 2) == _sha(
        "c/x.yaml", "S002", "/o", {}, 2
    )
    assert (
        fingerprint_of("c/\udcff.yaml", "Y007", "", None)
        == hashlib.sha256(
            json.dumps(["c/\udcff.yaml", "Y007", "", {}], ensure_ascii=False).encode(
                "utf-8", "surrogatepass"
            )
        ).hexdigest()
    )


@pytest.mark.parametrize(
    ("node", "subject"),
    [
        ("GL-A", Subject("value", "GL-A")),
        (0, Subject("value", 0)),
        (None, Subject("value", None)),
        (False, Subject("value", False)),
        (float("nan"), Subject("value", "nan")),
        ({"name": "x", "id": "y"}, Subject("keys", ["id", "name"])),
        (
            [{"id": "remote"}, "a/b", 3, {"id": "custom"}],
            Subject("entries", ["[#]", "[=a~1b]", "[custom]", "[remote]"]),
        ),
    ],
)
def test_the_subject_is_the_value_the_keys_or_the_entries(node: Any, subject: Subject) -> None:
    """A scalar is its value; a mapping, its sorted keys; a list, its entries' sorted names."""
    assert subject_of(node) == subject


def test_a_changed_value_changes_the_fingerprint_a_moved_one_does_not(in_tmp: Path) -> None:
    """The SKU a duplicate repeats is its subject: another SKU is another finding."""
    a, b, c = (
        f"- id: {name}\n  name: {name.upper()}\n  maturity: minimal\n  variants:\n"
        f"    - id: standard\n      sku: {sku}\n      standard_sow: https://x.example/sow\n"
        for name, sku in (("a", "GL-A"), ("b", "GL-B"), ("c", "GL-A"))
    )
    offerings = a + b + c
    path = write_catalog(in_tmp / "catalog", {"x.yaml": category_file(offerings)}) / "x.yaml"
    [before] = identities(validate(["catalog"]))
    assert before[1:6] == (
        "C105",
        "/offerings/[c]/variants/[standard]/sku",
        Subject("value", "GL-A"),
        ("catalog/x.yaml#/offerings/[a]/variants/[standard]/sku",),
        0,
    )
    path.write_text(category_file(c + b + a), encoding="utf-8")  # now 'a' repeats c's SKU
    [swapped] = identities(validate(["catalog"]))
    assert swapped.pointer == "/offerings/[a]/variants/[standard]/sku"
    path.write_text(category_file(b + a + c), encoding="utf-8")
    assert identities(validate(["catalog"])) == [before]
    path.write_text(category_file(a + b + c.replace("GL-A", "GL-B")), encoding="utf-8")
    [changed] = identities(validate(["catalog"]))
    assert (changed.pointer, changed.subject) == (before.pointer, Subject("value", "GL-B"))
    assert changed.fingerprint != before.fingerprint


def test_a_repeat_of_another_first_use_is_a_new_finding(in_tmp: Path) -> None:
    """Offering c repeated a's SKU; a new g uses it first, a moves on: c now repeats g's."""
    a, c, g, a2 = (
        f"- id: {name}\n  name: {name.upper()}\n  maturity: minimal\n  variants:\n"
        f"    - id: standard\n      sku: {sku}\n      standard_sow: https://x.example/sow\n"
        for name, sku in (("a", "GL-A"), ("c", "GL-A"), ("g", "GL-A"), ("a", "GL-Z"))
    )
    path = write_catalog(in_tmp / "catalog", {"x.yaml": category_file(a + c)}) / "x.yaml"
    [before] = identities(validate(["catalog"]))
    path.write_text(category_file(g + a2 + c), encoding="utf-8")
    [after] = identities(validate(["catalog"]))
    assert (after.pointer, after.subject) == (before.pointer, before.subject)
    assert after.related == ("catalog/x.yaml#/offerings/[g]/variants/[standard]/sku",)
    assert after.fingerprint != before.fingerprint


def test_a_file_that_is_not_utf8_is_identified_by_its_bytes(in_tmp: Path) -> None:
    """Y007 on a UTF-16 file: other readers read it, so any change to its bytes is new."""
    import hashlib

    catalog = write_catalog(in_tmp / "catalog", {})
    path = catalog / "extra.yaml"
    path.write_bytes("id: extra\nlevel: product\n".encode("utf-16"))
    [before] = [i for i in identities(validate(["catalog"])) if i.code == "Y007"]
    digest = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    assert (before.pointer, before.subject) == ("", Subject("digest", digest))
    path.write_bytes("id: extra\nlevel: nosuch\n".encode("utf-16"))
    [after] = [i for i in identities(validate(["catalog"])) if i.code == "Y007"]
    assert after.fingerprint != before.fingerprint


def test_a_missing_key_is_about_the_keys_of_its_mapping(in_tmp: Path) -> None:
    """S002 on an offering names its keys: missing 'name' instead of 'maturity' is new."""
    no_maturity = "- id: jira\n  name: JIRA\n  variants:\n    - id: custom\n"
    path = write_catalog(in_tmp / "catalog", {"x.yaml": category_file(no_maturity)}) / "x.yaml"
    [before] = identities(validate(["catalog"]))
    assert before[1:4] == ("S002", "/offerings/[jira]", Subject("keys", ["id", "name", "variants"]))
    no_name = no_maturity.replace("name: JIRA", "maturity: minimal")
    path.write_text(category_file(no_name), encoding="utf-8")
    [after] = identities(validate(["catalog"]))
    assert after.subject == Subject("keys", ["id", "maturity", "variants"])
    assert after.fingerprint != before.fingerprint


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


# -- the loader's findings, placed where they are

PLACED = [
    (
        "a key written twice, in the second offering",
        "offerings:\n  - id: a\n    summary: x\n  - id: b\n    summary: y\n    summary: z\n",
        "Y002",
        ("/offerings/[b]/summary", Subject("value", "z")),
    ),
    (
        "a value YAML 1.1 reads as a boolean, in a flow list",
        "offerings:\n  - id: a\n    stages: [Plan, no, 'on']\n",
        "Y003",
        ("/offerings/[a]/stages/[=no]", Subject("value", "no")),
    ),
    (
        "a key YAML 1.1 reads as a boolean",
        "offerings:\n  - id: a\n    no: 1\n",
        "Y003",
        ("/offerings/[a]/no", Subject("value", 1)),
    ),
    (
        "a tag on a mapping",
        "offerings:\n  - id: a\n    evidence: !thing\n      deliveries: 1\n",
        "Y005",
        ("/offerings/[a]/evidence", Subject("keys", ["deliveries"])),
    ),
    (
        "a merge that overrides a key, not at the start of its mapping",
        "base: &b {name: B}\nofferings:\n  - id: a\n    name: A\n    <<: *b\n",
        "Y010",
        ("/offerings/[a]", Subject("text", "<<: *b")),
    ),
    (
        "a merge that overrides a key, at the start of its mapping",
        "base: &b {name: B, id: x}\nofferings:\n  - <<: [*b, *b]\n    name: A\n",
        "Y010",
        ("/offerings/[x]", Subject("keys", ["id", "name"])),
    ),
    (
        "a second document: the text not read",
        "offerings:\n  - id: a\n---\nid: b\n",
        "Y004",
        ("", Subject("digest", "sha256:" + hashlib.sha256(b"---\nid: b\n").hexdigest())),
    ),
    (
        "a syntax error: the file, none of which is read",
        "offerings:\n  - id: a\n    name: a: b\n",
        "Y001",
        (
            "",
            Subject(
                "digest",
                "sha256:" + hashlib.sha256(b"offerings:\n  - id: a\n    name: a: b\n").hexdigest(),
            ),
        ),
    ),
]


@pytest.mark.parametrize(
    ("text", "code", "place"),
    [case[1:] for case in PLACED],
    ids=[case[0] for case in PLACED],
)
def test_a_finding_of_the_loader_is_placed_at_its_key_or_value(
    text: str, code: str, place: tuple[str, Subject]
) -> None:
    """A Y finding, at a line and column, gets the place and subject of what is there."""
    doc = load_text(text, "x.yaml")
    [diagnostic] = [d for d in doc.diagnostics if d.code == code]
    assert diagnostic.location.pointer == ""
    assert place_of(diagnostic, doc) == place


def test_a_finding_of_the_loader_keeps_its_identity_when_other_entries_move(
    in_tmp: Path,
) -> None:
    """A duplicate key keeps its fingerprint when offerings are inserted above it."""
    twice = "- id: b\n  name: B\n  name: Bee\n  maturity: planned\n  variants:\n    - id: custom\n"
    path = write_catalog(in_tmp / "catalog", {"x.yaml": category_file(twice)}) / "x.yaml"
    [before] = identities(validate(["catalog"]))
    assert before[1:4] == ("Y002", "/offerings/[b]/name", Subject("value", "Bee"))
    path.write_text(category_file(LDAP + twice), encoding="utf-8")
    assert identities(validate(["catalog"])) == [before]


def test_a_file_is_named_by_its_real_path_from_the_top(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link inside the repository leads to the file's own path; one leading out is kept."""
    top = tmp_path / "top"
    (top / ".git").mkdir(parents=True)
    (top / "catalog").mkdir()
    (top / "cat2").symlink_to("catalog")
    (tmp_path / "elsewhere").mkdir()
    (top / "out").symlink_to(tmp_path / "elsewhere")
    monkeypatch.chdir(top / "cat2")
    assert identity_path("x.yaml", top) == "catalog/x.yaml"
    assert identity_path("../out/x.yaml", top) == "out/x.yaml"
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert identity_path("x.yaml", None) == "x.yaml"


def test_a_maturity_is_the_same_subject_in_any_letter_case(in_tmp: Path) -> None:
    """'Viable' claims what 'viable' does: its evidence finding keeps its identity (C004 aside)."""
    bare = "- id: jira\n  name: JIRA\n  maturity: viable\n  variants:\n    - id: custom\n"
    path = write_catalog(in_tmp / "catalog", {"x.yaml": category_file(bare)}) / "x.yaml"
    before = [i for i in identities(validate(["catalog"])) if i.code == "M002"]
    path.write_text(category_file(bare.replace("viable", "Viable")), encoding="utf-8")
    after = identities(validate(["catalog"]))
    assert [i.code for i in after] == ["C004", "M002", "M003", "M004"]
    assert [i for i in after if i.code == "M002"] == before
    assert before[0].subject == Subject("value", "viable")
