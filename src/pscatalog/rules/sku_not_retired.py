"""A SKU is retired before it is renamed or removed.

Order systems, quotes and contracts name SKUs. A SKU that disappears from the
catalog in one change breaks them silently. Mark the variant ``retired: true``
first (in a merge request of its own, so sales operations can act), then
rename or remove the SKU in a later merge request, once that one is merged (a
later commit of the same merge request is still compared with the target
branch, which sells the SKU). Checked by ``pscatalog diff OLD NEW --check``.

**Fix:** restore the SKU and mark its variant ``retired: true``; remove it in a later
merge request, once this one is merged.

Failing:

```yaml
# before: sku: GL-BAS-R
sku: GL-BAS-REMOTE
```

Passing:

```yaml
# before: sku: GL-BAS-R
#         retired: true
sku: GL-BAS-REMOTE
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog, Offering, Place
from pscatalog.catalog.pairing import Pairing
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Finding

CODE = "D003"
NAME = "sku-not-retired"
SEVERITY = Severity.ERROR
SUMMARY = "a SKU is retired before it is renamed or removed"


def check(pairing: Pairing, old: Catalog, new: Catalog) -> Iterator[Finding]:
    """Yield SKUs of the old catalog that are gone from the new one without being retired."""
    remaining = _skus(new)
    deleted = {id(offering) for offering in pairing.removed}
    after_of = {id(before): after for before, after in pairing.pairs}
    for offering in old.offerings:
        if id(offering) in deleted:
            continue  # reported as a deleted offering (D004)
        after = after_of.get(id(offering))
        for variant in offering.variants:
            sku = variant.text("sku")
            if not sku or sku in remaining or variant.data.get("retired") is True:
                continue
            place = _variant_place(after, variant.text("id")) if after is not None else None
            yield Finding(
                f"SKU '{sku}' of '{_name(offering)}' is renamed or removed without being "
                "retired first",
                place or variant.at("sku"),
                (
                    "keep the SKU and mark its variant 'retired: true'; change it in a later "
                    "merge request, once this one is merged"
                ),
            )


def _skus(catalog: Catalog) -> set[str]:
    return {
        sku
        for offering in catalog.offerings
        for variant in offering.variants
        if (sku := variant.text("sku"))
    }


def _variant_place(offering: Offering, variant_id: str | None) -> Place:
    for variant in offering.variants:
        if variant.text("id") == variant_id:
            return variant.at("sku") if "sku" in variant.data else variant.at()
    return offering.entry.at("variants", key=True)


def _name(offering: Offering) -> str:
    return offering.entry.text("id") or offering.entry.text("name") or "?"
