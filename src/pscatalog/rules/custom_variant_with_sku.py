"""A ``custom`` variant has no SKU.

``custom`` means sold with a custom statement of work, priced per engagement.
A SKU is a standard, orderable package; a variant that has one is not custom.

(On a ``planned`` offering, ``planned-with-sku`` reports it.)

**Fix:** remove the ``sku``, or rename the variant (``standard`` if it is the
offering's out-of-the-box package, or a name for the alternative it is).

Failing:

```yaml
variants:
  - id: custom
    sku: GL-MIG-CUSTOM
```

Passing:

```yaml
variants:
  - id: custom
    price:
      amount: 2000
      currency: USD
      unit: day
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog, iter_variants
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Finding

CODE = "C003"
NAME = "custom-variant-with-sku"
SEVERITY = Severity.ERROR
SUMMARY = "a 'custom' variant has no 'sku'"
SUPERSEDES = frozenset({"not"})


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield ``custom`` variants that have a SKU."""
    for offering, variant in iter_variants(catalog):
        if offering.maturity_rank == 0:
            continue  # a planned offering has no SKU at all: planned-with-sku says so
        if variant.text("id") == "custom" and "sku" in variant.data:
            name = offering.entry.text("id") or "?"
            yield Finding(
                f"the custom variant of '{name}' has a SKU: custom variants are sold "
                "with a custom SOW",
                variant.at("sku", key=True),
                "remove the 'sku', or rename the variant to 'standard' or to what it is",
            )
