"""Every variant sold with a SKU has a standard SOW.

A SKU is an orderable, standard package, and what is ordered under it is
described by its out-of-the-box statement of work. A variant with a ``sku``
but no ``standard_sow`` leaves sales without the document that says what the
customer buys. (For ``standard`` variants, ``standard-variant-incomplete``
reports it; a SKU on a ``custom`` variant or a planned offering is reported as
a SKU that must go.)

**Fix:** add the variant's ``standard_sow`` link, or remove its ``sku``.

Failing:

```yaml
variants:
  - id: remote
    sku: GL-BAS-R
```

Passing:

```yaml
variants:
  - id: remote
    sku: GL-BAS-R
    standard_sow: https://docs.example.com/sow/basics-remote
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog, iter_variants
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Finding

CODE = "C005"
NAME = "sku-without-sow"
SEVERITY = Severity.ERROR
SUMMARY = "every variant with a 'sku' has a 'standard_sow'"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield alternative variants that have a SKU and no standard SOW."""
    for offering, variant in iter_variants(catalog):
        if variant.text("id") in ("standard", "custom") or offering.maturity_rank == 0:
            continue  # reported as an incomplete standard variant, or as a SKU that must go
        sku = variant.text("sku")
        if sku and variant.data.get("standard_sow") in (None, ""):
            yield Finding(
                f"variant '{variant.text('id') or '?'}' of '{offering.entry.text('id') or '?'}' "
                f"is sold as '{sku}' but has no 'standard_sow'",
                variant.at("sku", key=True),
                "add the link to the variant's standard SOW as 'standard_sow'",
            )
