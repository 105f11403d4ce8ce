"""A ``planned`` offering has no SKU yet.

A planned offering is a future one: it is not sold yet, and SKUs are created
last, once an offering can be ordered. A SKU on a planned offering tells
sales it can be ordered when it cannot. (If it is sold, it is sold as
``custom``, with a custom SOW.)

**Fix:** remove the SKUs; or, if the offering is sold now and the variant has a
standard SOW, raise the maturity to what its evidence supports (``minimal``
needs none).

Failing:

```yaml
- id: rapid-results-implementation
  name: Rapid Results implementation
  maturity: planned
  variants:
    - id: custom
    - id: gitlab-com
      sku: GL-RR-COM
```

Passing:

```yaml
- id: rapid-results-implementation
  name: Rapid Results implementation
  maturity: planned
  variants:
    - id: custom
    - id: gitlab-com
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog, Entry, Offering
from pscatalog.diagnostics import Severity
from pscatalog.rules._evidence import supported
from pscatalog.rules.base import Finding

CODE = "M001"
NAME = "planned-with-sku"
SEVERITY = Severity.ERROR
SUMMARY = "a 'planned' offering has no SKU on any variant"
SUPERSEDES = frozenset({"not"})


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield every SKU on a variant of a planned offering."""
    for offering in catalog.offerings:
        if offering.maturity_rank != 0:
            continue
        for variant in offering.variants:
            sku = variant.text("sku")
            if sku is not None:
                yield Finding(
                    f"'{offering.entry.text('id') or '?'}' is planned but variant "
                    f"'{variant.text('id') or '?'}' has the SKU '{sku}'",
                    variant.at("sku", key=True),
                    _hint(offering, variant),
                )


def _hint(offering: Offering, variant: Entry) -> str:
    """Remove the SKU; raising the maturity is a way out only where it leads nowhere else."""
    remove = "remove the SKU until the offering is sold"
    if variant.text("id") == "custom" or not variant.text("standard_sow"):
        return remove  # sold as custom, or no standard SOW: the SKU cannot stay
    return f"{remove}, or raise the maturity to '{supported(offering)}' if it is sold now"
