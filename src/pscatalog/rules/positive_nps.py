"""A ``lovable`` offering has a positive Net Promoter Score.

The framework: *Lovable: the offering is at full maturity, positive NPS &
impact on customer's adoption of GitLab product*. ``evidence.nps.score`` is
the measured NPS, from -100 to 100; lovable needs it above 0.

**Fix:** record the measured NPS as ``evidence.nps.score``, or lower the maturity to
``complete``.

A score of 0 or below is reported at the score; no NPS at all, at the maturity that
claims it, which is where a suppression goes.

Failing:

```yaml
maturity: lovable
evidence:
  nps:
    score: -5
```

Passing:

```yaml
maturity: lovable
evidence:
  nps:
    score: 42
    responses: 18
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules._evidence import at_least, evidence_place, malformed, name_of, or_lower
from pscatalog.rules.base import Finding

CODE = "M007"
NAME = "positive-nps"
SEVERITY = Severity.ERROR
SUMMARY = "'lovable' offerings have a positive NPS"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield offerings that claim the maturity without this evidence."""
    for offering in at_least(catalog, "lovable"):
        if malformed(offering, "nps"):
            continue  # the schema reports its form
        nps = offering.entry.mapping("evidence").get("nps")
        score = nps.get("score") if isinstance(nps, dict) else None
        if isinstance(score, (int, float)) and not isinstance(score, bool) and score > 0:
            continue
        if isinstance(nps, dict) and "score" in nps:
            place = offering.entry.at("evidence", "nps", "score")
            message = f"'{name_of(offering)}' is lovable but its NPS is {score}, not positive"
        else:
            place = evidence_place(offering, "nps")
            message = f"'{name_of(offering)}' is lovable but has no measured NPS"
        yield Finding(
            message,
            place,
            f"record the measured, positive NPS as 'evidence.nps.score', {or_lower(offering)}",
        )
