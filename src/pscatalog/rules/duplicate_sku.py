"""SKUs are unique across the whole catalog.

A SKU is what an order names. Two variants with one SKU make an order
ambiguous, and the price list shows one of them only.

**Fix:** give each variant its own SKU.

Failing:

```yaml
variants:
  - id: standard
    sku: GL-ENGR-12
  - id: cleared
    sku: GL-ENGR-12
```

Passing:

```yaml
variants:
  - id: standard
    sku: GL-ENGR-12
  - id: cleared
    sku: GL-ENGR-CLEARED-12
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog, iter_variants
from pscatalog.diagnostics import Severity
from pscatalog.rules._unique import repeats
from pscatalog.rules.base import Finding

CODE = "C105"
NAME = "duplicate-sku"
SEVERITY = Severity.ERROR
SUMMARY = "SKUs are unique across the catalog"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield every repeat after the first, with the first as related place."""
    items = (
        (sku, sku, variant.at("sku"))
        for _, variant in iter_variants(catalog)
        if (sku := variant.text("sku")) is not None
    )
    return repeats(items, "SKU", "give each variant its own SKU")
