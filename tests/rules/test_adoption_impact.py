import textwrap
from pathlib import Path

from helpers import category_file, findings, write_catalog
from pscatalog.checks.checker import validate
from pscatalog.diagnostics import Diagnostic, Location, Severity

# Lines 5-14: an offering with the evidence viable needs and a positive NPS;
# the adoption impact, when given, follows at line 15.
HEAD = """\
- id: jira
  name: JIRA
  maturity: {maturity}
  evidence:
    deliveries: 3
    marketing_material:
      - https://example.com/services/jira
    execution_plan: https://example.com/plans/jira
    nps:
      score: 42
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


def _offering(evidence: str = "", maturity: str = "lovable") -> str:
    """Return an offering at ``maturity`` with more ``evidence`` keys after the NPS."""
    more = textwrap.indent(textwrap.dedent(evidence), "    ")
    return category_file(HEAD.format(maturity=maturity) + more + VARIANTS)


def test_lovable_without_impact_is_reported_at_the_maturity(tmp_path: Path):
    """A lovable offering without 'adoption_impact' gets one M008 at the maturity it claims."""
    root = write_catalog(tmp_path, {"integration.yaml": _offering()})
    assert findings(root) == [("M008", "integration.yaml", 7, 15)]


def test_lovable_with_measured_impact_passes(tmp_path: Path):
    """A lovable offering with a metric and a result passes."""
    impact = """\
        adoption_impact:
          metric: Monthly active users of GitLab CI
          result: Up 35% within 90 days of the training
        """
    root = write_catalog(tmp_path, {"integration.yaml": _offering(impact)})
    assert findings(root) == []


def test_complete_needs_no_impact(tmp_path: Path):
    """Below lovable, no adoption impact is needed."""
    root = write_catalog(tmp_path, {"integration.yaml": _offering(maturity="complete")})
    assert findings(root) == []


def test_impact_without_result_is_one_finding(tmp_path: Path):
    """An impact with a metric but no result is one fault, the schema's: S002 at its key, no M008."""
    impact = """\
        adoption_impact:
          metric: Monthly active users of GitLab CI
        """
    root = write_catalog(tmp_path, {"integration.yaml": _offering(impact)})
    assert findings(root) == [("S002", "integration.yaml", 15, 7)]


def test_message_and_hint(in_tmp: Path):
    """M008 names the offering and the two things to record."""
    write_catalog(in_tmp / "catalog", {"integration.yaml": _offering()})
    assert validate(["catalog"]).diagnostics == [
        Diagnostic(
            "M008",
            Severity.ERROR,
            "'jira' is lovable but shows no measured adoption impact",
            Location("catalog/integration.yaml", 7, 15, "/offerings/0/maturity"),
            "record the 'metric' and 'result' under 'evidence.adoption_impact', "
            "or lower the maturity to 'complete' and say why in 'maturity_reason'",
        )
    ]
