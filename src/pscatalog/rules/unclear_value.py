"""A value has a clear meaning in the form the catalog gives it.

"Varies", "Call for pricing", "N/A", "TBD", a ``#TODO`` placeholder, a
stage list such as "All", a link that is not one, a duration that is a bound
or a rate ("up to 3 days", "8 hours per week"), a currency that is not the
price's: the catalog has no honest number or list for them. Import leaves
the catalog's field empty, keeps the value exactly as it was under the
offering's ``imported.unmapped``, and reports it so that someone gives it a
meaning.

**Fix:** write the value in the form the field takes (a number of days, a
price, a list of stages, a full ``https://`` link), or move the words to a
description.

Failing:

```yaml
- id: health-check
  duration_desc: Varies
```

Passing:

```yaml
- id: health-check
  duration_desc: 5-10 days
```
"""

from __future__ import annotations

from typing import Any

from pscatalog.catalog.values import shown
from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose
from pscatalog.rules import unclear_value as this_code  # diagnose() stamps its code

CODE = "I010"
NAME = "unclear-value"
SEVERITY = Severity.WARNING
SUMMARY = "a value has a clear meaning in the catalog's form"


EXPECTED = {
    "text": "is not text",
    "link": "is not an http(s) link",
    "stages": "is not a list of DevOps stages",
    "sku": "is not a SKU (capitals, digits, + and hyphens)",
    "amount": "is not an amount",
    "price unit": "is not a unit a price is given for",
    "currency": "is not a currency code of three capitals",
    "days": "is not a number of days",
    "length": "is not a length of time",
    "price": "gives no price as a number",
    "block": "is not the block pscatalog's export writes",
}
"""What a value is not, by what the catalog takes in its place."""


def finding(key: str, value: Any, expected: str, at: Location) -> Diagnostic:
    """Return the finding for the value of ``key``, which is not what was ``expected``.

    ``expected`` is one of :data:`EXPECTED`'s keys (``text``, ``link``, ...).
    """
    return diagnose(
        this_code,
        f"{key} {shown(value)} {EXPECTED[expected]}; it is kept under imported.unmapped",
        at,
        f"write the {key} in the form the catalog takes, or move the words to a description",
    )


def other_currency(value: str, currency: str, at: Location) -> Diagnostic:
    """Return the finding for a currency key that the price text's currency contradicts."""
    return diagnose(
        this_code,
        f"currency {shown(value)} is not the currency of the price, {currency}; it is kept "
        "under imported.unmapped",
        at,
        "write the price as a number, and its currency in currency",
    )


def placeholder(key: str, at: Location) -> Diagnostic:
    """Return the finding for a ``#TODO`` placeholder on an entry not sold with a SKU."""
    return diagnose(
        this_code,
        f"{key} is a '#TODO' placeholder, read as empty; it is kept under imported.unmapped",
        at,
        f"fill in the {key}, or remove it",
    )


def unknown_level(value: Any, category_id: str, at: Location) -> Diagnostic:
    """Return the finding for a level that names none of the three, for a new category."""
    return diagnose(
        this_code,
        f"level {shown(value)} names none of the three levels; category '{category_id}' is "
        "put at level 1, Product",
        at,
        "write the level as '<rank> - <name>', e.g. '1 - Product'",
    )
