"""A ``viable`` offering, and anything above, has been delivered at least once.

The framework: *Viable: we have delivered the offering at least once*. The
catalog must not claim what it cannot show, so ``evidence.deliveries`` records
the number of completed customer deliveries, and must be at least 1.

**Fix:** record the deliveries under ``evidence.deliveries``, or lower the maturity to
``minimal``.

A count below 1 is reported at the count; no count at all, at the maturity that
claims it, which is where a suppression goes
(``maturity: viable  # pscatalog: ignore[M002] <why>``).

Failing:

```yaml
maturity: viable
evidence:
  deliveries: 0
```

Passing:

```yaml
maturity: viable
evidence:
  deliveries: 2
  last_delivered: "2022-10-27"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules._evidence import at_least, evidence_place, malformed, name_of, or_lower
from pscatalog.rules.base import Finding

CODE = "M002"
NAME = "delivery-evidence"
SEVERITY = Severity.ERROR
SUMMARY = "'viable' and above were delivered at least once"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield offerings that claim the maturity without this evidence."""
    for offering in at_least(catalog, "viable"):
        if malformed(offering, "deliveries"):
            continue  # the schema reports its form
        evidence = offering.entry.mapping("evidence")
        deliveries = evidence.get("deliveries")
        if isinstance(deliveries, int) and not isinstance(deliveries, bool) and deliveries >= 1:
            continue
        yield Finding(
            f"'{name_of(offering)}' is {offering.claimed} but its evidence shows no delivery",
            evidence_place(offering, "deliveries"),
            f"record the number of deliveries as 'evidence.deliveries', {or_lower(offering)}",
        )
