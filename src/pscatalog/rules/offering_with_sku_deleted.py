"""An offering sold with a SKU is not deleted outright.

Deleting an offering whose variants have SKUs removes what orders and
contracts refer to. Retire its variants first (``retired: true``), then delete
it in a later merge request, once this one is merged: the check compares a
branch with where it left the target branch, so a later commit of the same
merge request still deletes a SKU that the target branch sells. Checked by
``pscatalog diff OLD NEW --check``.

**Fix:** restore the offering and mark its variants ``retired: true``; delete it in a
later merge request, once this one is merged.

Failing:

```yaml
# before: an offering with sku: GL-JIRA
# after: the offering is gone
```

Passing:

```yaml
# before: an offering whose variants are all retired: true
# after: the offering is gone
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog, Offering
from pscatalog.catalog.pairing import Pairing
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Finding

CODE = "D004"
NAME = "offering-with-sku-deleted"
SEVERITY = Severity.ERROR
SUMMARY = "an offering sold with a SKU is retired before it is deleted"


def check(pairing: Pairing, old: Catalog, new: Catalog) -> Iterator[Finding]:
    """Yield offerings deleted while a variant is still sold with a SKU."""
    for offering in pairing.removed:
        live = [
            sku
            for variant in offering.variants
            if (sku := variant.text("sku")) and variant.data.get("retired") is not True
        ]
        if live:
            yield Finding(
                f"'{_name(offering)}' is deleted while sold as {', '.join(repr(s) for s in live)}",
                offering.entry.at("id"),
                (
                    "restore it and mark its variants 'retired: true'; delete it in a later "
                    "merge request, once this one is merged"
                ),
            )


def _name(offering: Offering) -> str:
    return offering.entry.text("id") or offering.entry.text("name") or "?"
