"""A ``custom`` variant has no SKU.

``custom`` means sold with a custom statement of work, priced per engagement.
A SKU is a standard, orderable package; a variant that has one is not custom.

(On a ``planned`` offering, ``planned-with-sku`` reports it.)

**Fix:** remove the ``sku``; or, if the variant is the offering's out-of-the-box
package with a standard SOW and the offering has no ``standard`` variant, rename
it ``standard``.

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

from pscatalog.catalog.model import Catalog, Entry, Offering, iter_variants
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
                _hint(offering, variant),
            )


def _hint(offering: Offering, variant: Entry) -> str:
    """Remove the SKU; renaming to 'standard' only where the variant can be one."""
    remove = "remove the 'sku' (a custom variant is sold with a custom SOW)"
    ids = [other.text("id") for other in offering.variants]
    if variant.text("standard_sow") and "standard" not in ids:
        return f"{remove}, or rename the variant 'standard' (it has a standard SOW)"
    return remove
