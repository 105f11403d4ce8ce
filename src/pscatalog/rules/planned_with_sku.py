"""A ``planned`` offering has no SKU yet.

A planned offering is a future one: it is not sold yet, and SKUs are created
last, once an offering can be ordered. A SKU on a planned offering tells
sales it can be ordered when it cannot. (If it is sold, it is sold as
``custom``, with a custom SOW.)

**Fix:** remove the SKUs, or raise the maturity once the offering has the
evidence for it.

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

from pscatalog.catalog.model import Catalog
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
                    "remove the SKU until the offering is sold, or raise the maturity",
                )
