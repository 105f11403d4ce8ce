"""A price is written as a number, not as text.

``price: $14,400`` is a string: templates that sort, add or format prices get
text, and a typo such as ``$14.400`` goes unnoticed. When the text is one
clear amount, import converts it and says so: ``"$14,400"`` and ``"USD
14,400"`` become 14400 USD, ``"14.400 €"`` 14400 EUR (money has two decimals
at most, so a point or comma before three digits separates thousands),
``"$1.5k"`` 1500 USD. Any other text (``TBD``, ``Varies``, ``Call for
pricing``, a range) is kept under the offering's ``imported.unmapped`` and
the price is left empty.

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

from pscatalog.catalog.values import number_text
from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose
from pscatalog.rules import price_as_text as this_code  # diagnose() stamps its code

CODE = "I003"
NAME = "price-as-text"
SEVERITY = Severity.ERROR
SUMMARY = "a price is a number, not text"


def converted(text: str, amount: float, currency: str, at: Location) -> Diagnostic:
    """Return the finding for a price written as text whose amount is clear."""
    figure = number_text(amount)
    currency_too = "" if currency == "USD" else f", with currency: {currency}"
    return diagnose(
        this_code,
        f"price is written as text, '{text}'; it is imported as {figure} {currency}",
        at,
        f"write the amount as a number: price: {figure}{currency_too}",
    )


def without_amount(text: str, at: Location) -> Diagnostic:
    """Return the finding for a price written as text that states no clear amount."""
    return diagnose(
        this_code,
        f"price is written as text, '{text}', with no clear amount; it is kept under "
        "imported.unmapped",
        at,
        "write the amount as a number, and words about it in price_desc",
    )
