"""A ``complete`` offering, and anything above, states its duration.

The framework: *Complete: an offering that can be consistently delivered:
predictability in timing, results, and margin*. Timing is predictable when the
base variant (``standard``, else ``custom``) states its ``duration``: a fixed
value, or a range for a custom engagement.

**Fix:** add a ``duration`` to the base variant, or lower the maturity to ``viable``.

Reported at the maturity that claims it (where a suppression goes), with the base
variant as the related place.

Failing:

```yaml
maturity: complete
variants:
  - id: standard
    sku: GL-JIRA
    standard_sow: https://docs.example.com/sow/jira
```

Passing:

```yaml
maturity: complete
variants:
  - id: standard
    sku: GL-JIRA
    standard_sow: https://docs.example.com/sow/jira
    duration:
      min: 1
      max: 3
      unit: day
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules._evidence import at_least, name_of, or_lower
from pscatalog.rules.base import Also, Finding

CODE = "M005"
NAME = "predictable-timing"
SEVERITY = Severity.ERROR
SUMMARY = "'complete' and above have a duration on the base variant"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield offerings that claim the maturity without this evidence."""
    for offering in at_least(catalog, "complete"):
        base = offering.base_variant()
        if base is None or isinstance(base.data.get("duration"), dict):
            continue
        variant = base.text("id")
        # At the claim, as every missing piece of evidence: the variant is where it goes.
        yield Finding(
            f"'{name_of(offering)}' is {offering.claimed} "
            f"but its {variant} variant has no duration",
            offering.entry.at("maturity"),
            f"add a 'duration' to the {variant} variant, {or_lower(offering)}",
            (Also(base.at(), f"the {variant} variant, without a duration"),),
        )
