"""A ``viable`` offering, and anything above, has some marketing material.

The framework: a viable offering has *at least some marketing materials and
execution plans*. ``evidence.marketing_material`` lists the links: a public
page, a datasheet, a deck. A warning, since an offering can be viable before
its material is written.

**Fix:** add the links under ``evidence.marketing_material``.

Reported at the maturity that claims it, whatever other evidence is written, so a
suppression goes on that line:
``maturity: viable  # pscatalog: ignore[M003] the datasheet is being written``.

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
  marketing_material:
    - https://about.gitlab.com/services/implementation/integration/
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules._evidence import at_least, evidence_place, malformed, name_of
from pscatalog.rules.base import Finding

CODE = "M003"
NAME = "marketing-material"
SEVERITY = Severity.WARNING
SUMMARY = "'viable' and above have marketing material"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield offerings that claim the maturity without this evidence."""
    for offering in at_least(catalog, "viable"):
        if malformed(offering, "marketing_material"):
            continue  # the schema reports its form
        evidence = offering.entry.mapping("evidence")
        if evidence.get("marketing_material"):
            continue
        yield Finding(
            f"'{name_of(offering)}' is {offering.claimed} but lists no marketing material",
            evidence_place(offering, "marketing_material"),
            "add links to its marketing material as 'evidence.marketing_material'",
        )
