import textwrap
from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity

# Lines 5-12: an offering with the evidence viable needs; lovable evidence follows at line 13.
HEAD = """\
- id: jira
  name: JIRA
  maturity: {maturity}
  evidence:
    deliveries: 3
    marketing_material:
      - https://example.com/services/jira
    execution_plan: https://example.com/plans/jira
"""
# A custom base variant with the duration and day rate complete needs.
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
IMPACT = """\
adoption_impact:
  metric: Monthly active users
  result: Up 35% within 90 days
"""


def _offering(evidence: str, maturity: str = "lovable") -> str:
    """Return an offering at ``maturity`` with more ``evidence`` keys after the viable ones."""
    more = textwrap.indent(textwrap.dedent(evidence), "    ")
    return category_file(HEAD.format(maturity=maturity) + more + VARIANTS)


def _nps(score: int) -> str:
    return f"nps:\n  score: {score}\n" + IMPACT


def test_lovable_with_nps_zero_is_reported_at_the_score(tmp_path: Path):
    """An NPS of 0 is not positive: one M007 at the score."""
    root = write_catalog(tmp_path, {"integration.yaml": _offering(_nps(0))})
    assert findings(root) == [("M007", "integration.yaml", 14, 16)]


def test_lovable_with_negative_nps_is_reported_at_the_score(tmp_path: Path):
    """A negative NPS gets one M007 at the score."""
    root = write_catalog(tmp_path, {"integration.yaml": _offering(_nps(-5))})
    assert findings(root) == [("M007", "integration.yaml", 14, 16)]


def test_lovable_with_positive_nps_passes(tmp_path: Path):
    """A lovable offering with a positive NPS and all its evidence passes."""
    root = write_catalog(tmp_path, {"integration.yaml": _offering(_nps(42))})
    assert findings(root) == []


def test_lovable_without_nps_is_reported_at_the_maturity(tmp_path: Path):
    """A lovable offering without an NPS gets one M007 at the maturity it claims."""
    root = write_catalog(tmp_path, {"integration.yaml": _offering(IMPACT)})
    assert findings(root) == [("M007", "integration.yaml", 7, 15)]


def test_complete_may_have_a_negative_nps(tmp_path: Path):
    """Below lovable, the NPS is not judged."""
    root = write_catalog(
        tmp_path, {"integration.yaml": _offering("nps:\n  score: -5\n", "complete")}
    )
    assert findings(root) == []


def test_wrong_case_lovable_still_needs_a_positive_nps(tmp_path: Path):
    """'Lovable' claims lovable: an NPS of 0 is M007, beside the case's C004."""
    root = write_catalog(tmp_path, {"integration.yaml": _offering(_nps(0), "Lovable")})
    assert findings(root) == [
        ("C004", "integration.yaml", 7, 15),
        ("M007", "integration.yaml", 14, 16),
    ]


def test_message_and_hint_quote_the_score(in_tmp: Path):
    """M007 at a score quotes it."""
    write_catalog(in_tmp / "catalog", {"integration.yaml": _offering(_nps(-5))})
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "M007",
            Severity.ERROR,
            "'jira' is lovable but its NPS is -5, not positive",
            Location("catalog/integration.yaml", 14, 16, "/offerings/0/evidence/nps/score"),
            "record the measured, positive NPS as 'evidence.nps.score', or lower the maturity to "
            "'complete' and say why in 'maturity_reason'",
        )
    ]


def test_message_without_nps(in_tmp: Path):
    """M007 without an NPS says none was measured."""
    write_catalog(in_tmp / "catalog", {"integration.yaml": _offering(IMPACT)})
    [diagnostic] = validate(["catalog"]).diagnostics
    assert diagnostic.message == "'jira' is lovable but has no measured NPS"
    assert diagnostic.location == Location(
        "catalog/integration.yaml", 7, 15, "/offerings/0/maturity"
    )
