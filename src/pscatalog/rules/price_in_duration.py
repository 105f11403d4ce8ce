"""A duration field holds a duration, not a price.

The November 2022 file shipped ``duration_desc: $184,875``: a price pasted
into the duration column, so the page told buyers the engagement lasts
"$184,875". Import reads no value of ``duration`` or ``duration_desc`` that
names an amount of money (``$``, ``€``, ``£`` or a currency code beside a
figure) as a duration: it keeps it under ``imported.unmapped`` and reports it.

**Fix:** put the duration in ``duration_desc`` (``3 months, 40 hours per
week``) and the price in ``price``.

Failing:

```yaml
- id: Dedicated-Cleared-3
  price: 184875
  duration_desc: $184,875
```

Passing:

```yaml
- id: Dedicated-Cleared-3
  price: 184875
  duration_desc: 3 months, 40 hours per week
```
"""

from __future__ import annotations

from pscatalog.catalog.values import number_text
from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose
from pscatalog.rules import price_in_duration as this_code  # diagnose() stamps its code

CODE = "I005"
NAME = "price-in-duration"
SEVERITY = Severity.ERROR
SUMMARY = "a duration field holds no price"


def finding(key: str, text: str, price: float | None, at: Location) -> Diagnostic:
    """Return the finding for a duration field (``key``) that holds a price.

    ``price`` is the entry's own price, shown beside it when there is one.
    """
    said = f" (the entry's price is {number_text(price)})" if price is not None else ""
    return diagnose(
        this_code,
        f"{key} holds a price, '{text}'{said}; it is kept under imported.unmapped",
        at,
        "write how long the engagement lasts in duration_desc, e.g. '3 months, 40 hours per week'",
    )
