"""A ``planned`` offering has no SKU yet.

A planned offering is a future one: it is not sold yet, and SKUs are created
last, once an offering can be ordered. A SKU on a planned offering tells
sales it can be ordered when it cannot. (If it is sold, it is sold as
``custom``, with a custom SOW.)

**Fix:** remove the SKUs; or, if the offering is sold now and the variant has a
standard SOW, raise the maturity one step, to ``minimal`` (it needs no
evidence, and a change raises a maturity one step at a time: D001).

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

from pscatalog.catalog.model import MATURITIES, Catalog, Entry
from pscatalog.diagnostics import Severity
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
                    _hint(variant),
                )


def _hint(variant: Entry) -> str:
    """Remove the SKU; raising the maturity is a way out only where it leads nowhere else.

    One step, to ``minimal``: it needs no evidence, and a higher one in the same
    change would be a jump the change check (D001) refuses.
    """
    remove = "remove the SKU until the offering is sold"
    if variant.text("id") == "custom" or not variant.text("standard_sow"):
        return remove  # sold as custom, or no standard SOW: the SKU cannot stay
    return f"{remove}, or raise the maturity one step, to '{MATURITIES[1]}', if it is sold now"
