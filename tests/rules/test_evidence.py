"""The evidence rules (M002-M004, M007, M008) leave evidence written in the wrong form to the schema.

A lovable offering with all its evidence passes; each piece written in a form
the schema refuses is reported once, by the schema, at the value, and the rule
that needs it says nothing (one fault, one diagnostic). Evidence in the right
form but not enough is the rule's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.checks.fingerprints import identities
from pscatalog.cli.main import cli
from pscatalog.diagnostics import Location

EVIDENCE = {
    "deliveries": "3",
    "marketing_material": "\n      - https://example.com/services/jira",
    "execution_plan": "https://example.com/plans/jira",
    "nps": "\n      score: 40",
    "adoption_impact": "\n      metric: Monthly active users\n      result: Up 35%",
}
LINE = {"deliveries": 9, "marketing_material": 10, "execution_plan": 12, "nps": 13}
LINE["adoption_impact"] = 15
VARIANTS = """\
  variants:
    - id: custom
      duration:
        min: 2
        max: 5
        unit: day
      price:
        amount: 2400
        currency: USD
        unit: day
"""


def _catalog(root: Path, maturity: str = "lovable", **evidence: str | None) -> Path:
    """A catalog whose one offering claims ``maturity`` with the evidence given (None: left out)."""
    pieces = {**EVIDENCE, **evidence}
    written = "".join(f"    {key}: {value}\n" for key, value in pieces.items() if value is not None)
    offering = f"- id: jira\n  name: JIRA\n  maturity: {maturity}\n  evidence:\n{written}"
    return write_catalog(root, {"integration.yaml": category_file(offering + VARIANTS)})


def test_lovable_with_all_its_evidence_passes(tmp_path: Path):
    """The evidence every rule asks for, in the schema's form: no finding."""
    assert findings(_catalog(tmp_path)) == []


@pytest.mark.parametrize(
    ("key", "value", "code", "column"),
    [
        ("deliveries", "'3'", "S003", 19),
        ("deliveries", "true", "S003", 19),
        ("deliveries", "-1", "S006", 19),
        ("marketing_material", "[]", "S006", 27),
        ("marketing_material", "https://example.com/services/jira", "S003", 27),
        ("execution_plan", "example.com/plans/jira", "S005", 23),
        ("execution_plan", "[https]", "S003", 23),
        ("nps", "40", "S003", 12),
        ("nps", "{}", "S002", 7),
        ("nps", "{score: '40'}", "S003", 20),
        ("nps", "{score: true}", "S003", 20),
        ("adoption_impact", "{metric: Users}", "S002", 7),
        ("adoption_impact", "{result: Up}", "S002", 7),
        ("adoption_impact", "[]", "S003", 24),
    ],
)
def test_evidence_in_the_wrong_form_is_the_schemas_alone(
    tmp_path: Path, key: str, value: str, code: str, column: int
):
    """A piece of evidence the schema refuses is one schema finding at it, no M code."""
    assert findings(_catalog(tmp_path, **{key: value})) == [
        (code, "integration.yaml", LINE[key], column)
    ]


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("deliveries", "0", "M002"),
        ("nps", "{score: 0}", "M007"),
        ("nps", "{score: -10}", "M007"),
        ("deliveries", None, "M002"),
        ("marketing_material", None, "M003"),
        ("execution_plan", None, "M004"),
        ("nps", None, "M007"),
        ("adoption_impact", None, "M008"),
    ],
)
def test_evidence_missing_or_not_enough_is_the_rules(
    tmp_path: Path, key: str, value: str | None, code: str
):
    """Evidence left out, or in the right form but not enough, is the rule's finding alone."""
    assert [found[0] for found in findings(_catalog(tmp_path, **{key: value}))] == [code]


def test_an_offering_without_an_id_is_named_by_its_name(in_tmp: Path):
    """Messages name the offering by its id, else by its name, else '?'."""
    root = _catalog(in_tmp / "catalog", deliveries="0")
    text = (root / "integration.yaml").read_text(encoding="utf-8")
    (root / "integration.yaml").write_text(text.replace("- id: jira\n    name", "- name"))
    [m002] = [d for d in validate(["catalog"]).diagnostics if d.code == "M002"]
    assert m002.message == "'JIRA' is lovable but its evidence shows no delivery"
    (root / "integration.yaml").write_text(text.replace("- id: jira\n    name: JIRA\n    ", "- "))
    [m002] = [d for d in validate(["catalog"]).diagnostics if d.code == "M002"]
    assert m002.message == "'?' is lovable but its evidence shows no delivery"


def test_missing_evidence_is_reported_at_the_maturity(tmp_path: Path):
    """Evidence left out is reported at the maturity that claims it; not enough, at the value."""
    assert findings(_catalog(tmp_path / "a", nps=None)) == [("M007", "integration.yaml", 7, 15)]
    assert findings(_catalog(tmp_path / "b", nps="\n      score: 0")) == [
        ("M007", "integration.yaml", 14, 16)
    ]
    assert findings(_catalog(tmp_path / "c", nps="\n      score: 1")) == []
    assert findings(_catalog(tmp_path / "d", deliveries="0")) == [
        ("M002", "integration.yaml", LINE["deliveries"], 19)
    ]


def test_every_offering_is_checked_after_one_that_passes_or_is_malformed(tmp_path: Path):
    """A passing offering, then one with malformed evidence, then one with nothing: each judged."""
    good = "- id: good\n  name: Good\n  maturity: lovable\n  evidence:\n" + "".join(
        f"    {key}: {value}\n" for key, value in EVIDENCE.items()
    )
    malformed = good.replace("good", "odd").replace("Good", "Odd").replace("score: 40", "score: x")
    bare = "- id: bare\n  name: Bare\n  maturity: lovable\n"
    text = category_file(
        good + VARIANTS + malformed + VARIANTS + bare + "  variants:\n    - id: custom\n"
    )
    root = write_catalog(tmp_path, {"integration.yaml": text})
    at_bare = ("integration.yaml", 53, 15)  # the bare offering's maturity
    assert findings(root) == [
        ("S003", "integration.yaml", 37, 16),  # the odd offering's score, the schema's alone
        # Its custom variant has no duration (M005) nor a day rate (M006).
        *[(code, *at_bare) for code in ("M002", "M003", "M004", "M005", "M006", "M007", "M008")],
    ]


def test_messages_name_the_offering_by_its_id(in_tmp: Path):
    """An offering with an id is named by it."""
    _catalog(in_tmp / "catalog", deliveries="0")
    [m002] = validate(["catalog"]).diagnostics
    assert m002.message == "'jira' is lovable but its evidence shows no delivery"


def test_a_suppression_on_the_maturity_line_silences_missing_evidence(in_tmp: Path):
    """'# pscatalog: ignore[...]' on the maturity line silences each missing piece; no N001."""
    _catalog(in_tmp / "catalog", marketing_material=None, execution_plan=None, nps=None)
    path = in_tmp / "catalog" / "integration.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("maturity: lovable\n", "maturity: lovable  # pscatalog: ignore[M004] soon\n"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["validate", "--output-format", "concise"])
    assert (result.exit_code, result.stdout) == (
        1,
        "catalog/integration.yaml:7:15: warning M003 'jira' is lovable but lists no marketing "
        "material\n"
        "catalog/integration.yaml:7:15: error M007 'jira' is lovable but has no measured NPS\n",
    )


@pytest.mark.parametrize(
    ("code", "left_out"),
    [
        ("M002", "deliveries"),
        ("M003", "marketing_material"),
        ("M004", "execution_plan"),
        ("M007", "nps"),
        ("M008", "adoption_impact"),
    ],
)
def test_writing_other_evidence_leaves_the_finding_where_it_was(
    in_tmp: Path, code: str, left_out: str
):
    """A missing piece stays at the maturity, with its identity, as other evidence comes and goes."""
    identities_seen = set()
    kept = next(key for key in EVIDENCE if key != left_out)
    for others in ({}, {key: None for key in EVIDENCE if key not in (left_out, kept)}):
        _catalog(in_tmp / "catalog", **{left_out: None, **others})
        result = validate(["catalog"])
        [found] = [
            (d.location, identity)
            for d, identity in zip(result.diagnostics, identities(result), strict=True)
            if d.code == code
        ]
        assert found[0] == Location("catalog/integration.yaml", 7, 15, "/offerings/0/maturity")
        identities_seen.add(found[1])
    assert len(identities_seen) == 1
