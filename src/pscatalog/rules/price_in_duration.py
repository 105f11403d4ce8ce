"""A duration field holds a duration, not a price.

The November 2022 file shipped ``duration_desc: $184,875``: a price pasted
into the duration column, so the page told buyers the engagement lasts
"$184,875". Import does not read such a value as a duration: it keeps it
under ``imported.unmapped`` and reports it.

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

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import PRICE_IN_DURATION as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "price-in-duration"
SEVERITY = Severity.ERROR
SUMMARY = "a duration field holds no price"
