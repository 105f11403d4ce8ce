"""Every value has the type the schema says.

A price written as text (``"$14,400"``), a list where a mapping belongs, a
number where a name belongs: other tools read the value and get something
they cannot use. GitLab's services file shipped prices as text.

**Fix:** write the value as the schema's type; numbers without quotes or currency
signs.

Failing:

```yaml
price:
  amount: "$14,400"
  currency: USD
  unit: block
```

Passing:

```yaml
price:
  amount: 14400
  currency: USD
  unit: block
```
"""

from __future__ import annotations

from pscatalog.checks.schema import WRONG_TYPE as CODE
from pscatalog.diagnostics import Severity

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "wrong-type"
SEVERITY = Severity.ERROR
SUMMARY = "every value has the type the schema says"
