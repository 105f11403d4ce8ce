"""A price is written as a number, not as text.

``price: $14,400`` is a string: templates that sort, add or format prices get
text, and a typo such as ``$14.400`` goes unnoticed. When the text is a plain
amount in dollars, import converts it (``"$14,400"`` becomes an amount of
14400 USD) and says so; any other text (``TBD``, ``Varies``) is kept under the
offering's ``imported.unmapped`` and the price is left empty.

**Fix:** write the amount as a number, without currency sign or thousands
separator; put words about the price in ``price_desc``.

Failing:

```yaml
- id: Expertise-Services
  price: $14,400
```

Passing:

```yaml
- id: Expertise-Services
  price: 14400
  price_desc: $14,400 for 48 hour block
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import PRICE_AS_TEXT as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "price-as-text"
SEVERITY = Severity.ERROR
SUMMARY = "a price is a number, not text"
