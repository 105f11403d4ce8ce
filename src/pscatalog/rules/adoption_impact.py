"""A ``lovable`` offering shows a measured impact on the customer's adoption.

The framework: *Lovable: ... impact on customer's adoption of GitLab product*.
``evidence.adoption_impact`` records what was measured (``metric``) and what
it showed (``result``), with its ``source``.

**Fix:** record the measurement under ``evidence.adoption_impact``, or lower the
maturity to ``complete``.

Reported at the maturity that claims it, whatever other evidence is written, so a
suppression goes on that line.

Failing:

```yaml
maturity: lovable
evidence:
  nps:
    score: 42
```

Passing:

```yaml
maturity: lovable
evidence:
  nps:
    score: 42
  adoption_impact:
    metric: Monthly active users of GitLab CI
    result: +35% within 90 days of the training
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules._evidence import at_least, evidence_place, malformed, name_of, or_lower
from pscatalog.rules.base import Finding

CODE = "M008"
NAME = "adoption-impact"
SEVERITY = Severity.ERROR
SUMMARY = "'lovable' offerings show a measured adoption impact"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield offerings that claim the maturity without this evidence."""
    for offering in at_least(catalog, "lovable"):
        if malformed(offering, "adoption_impact"):
            continue  # the schema reports its form
        impact = offering.entry.mapping("evidence").get("adoption_impact")
        if isinstance(impact, dict) and impact.get("metric") and impact.get("result"):
            continue
        yield Finding(
            f"'{name_of(offering)}' is lovable but shows no measured adoption impact",
            evidence_place(offering, "adoption_impact"),
            "record the 'metric' and 'result' under 'evidence.adoption_impact', "
            + or_lower(offering),
        )
