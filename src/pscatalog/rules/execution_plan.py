"""A ``viable`` offering, and anything above, has an execution plan.

The framework: a viable offering has *at least some marketing materials and
execution plans*. ``evidence.execution_plan`` links the plan engineers deliver
the offering by. A warning, since the plan may still be in the making.

**Fix:** link the plan as ``evidence.execution_plan``.

Reported at the maturity that claims it, whatever other evidence is written, so a
suppression goes on that line:
``maturity: viable  # pscatalog: ignore[M004] the plan is being reviewed``.

Failing:

```yaml
maturity: viable
evidence:
  deliveries: 2
```

Passing:

```yaml
maturity: viable
evidence:
  deliveries: 2
  execution_plan: https://docs.example.com/plans/jira
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules._evidence import at_least, evidence_place, malformed, name_of
from pscatalog.rules.base import Finding

CODE = "M004"
NAME = "execution-plan"
SEVERITY = Severity.WARNING
SUMMARY = "'viable' and above have an execution plan"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield offerings that claim the maturity without this evidence."""
    for offering in at_least(catalog, "viable"):
        if malformed(offering, "execution_plan"):
            continue  # the schema reports its form
        if offering.entry.mapping("evidence").get("execution_plan"):
            continue
        yield Finding(
            f"'{name_of(offering)}' is {offering.claimed} but has no execution plan",
            evidence_place(offering, "execution_plan"),
            "link the execution plan as 'evidence.execution_plan'",
        )
