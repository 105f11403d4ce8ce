"""A ``complete`` offering, and anything above, states its price.

The framework: *Complete: predictability in timing, results, and margin*.
Margin is predictable when the base variant states its ``price``. A
``standard`` variant has a price; a ``custom`` one, priced per engagement, has
a day rate (``unit: day``) or a range (``min`` and ``max``).

**Fix:** add a ``price`` to the base variant, or lower the maturity to ``viable``.

A missing price is reported at the maturity that claims it (where a suppression
goes), with the base variant as the related place; a custom variant's fixed sum, at
its ``price``.

Failing:

```yaml
maturity: complete
variants:
  - id: custom
    price:
      amount: 40000
      currency: USD
      unit: engagement
```

Passing:

```yaml
maturity: complete
variants:
  - id: custom
    price:
      amount: 2400
      currency: USD
      unit: day
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules._evidence import at_least, name_of, or_lower, rate_or_range
from pscatalog.rules.base import Also, Finding

CODE = "M006"
NAME = "predictable-margin"
SEVERITY = Severity.ERROR
SUMMARY = "'complete' and above have a price on the base variant"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield offerings that claim the maturity without this evidence."""
    for offering in at_least(catalog, "complete"):
        base = offering.base_variant()
        if base is None:
            continue
        price = base.data.get("price")
        if not isinstance(price, dict):
            variant = base.text("id")
            # At the claim, as every missing piece of evidence: the variant is where it goes.
            yield Finding(
                f"'{name_of(offering)}' is {offering.claimed} "
                f"but its {variant} variant has no price",
                offering.entry.at("maturity"),
                f"add a 'price' to the {variant} variant, {or_lower(offering)}",
                (Also(base.at(), f"the {variant} variant, without a price"),),
            )
        elif base.text("id") == "custom" and not rate_or_range(price):
            yield Finding(
                f"'{name_of(offering)}' is {offering.claimed} but its custom variant "
                "has neither a day rate nor a price range",
                base.at("price", key=True),
                "make the price a day rate ('unit: day'), or a range ('min' and 'max' "
                f"instead of 'amount'), {or_lower(offering)}",
            )
