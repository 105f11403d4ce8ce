"""Numbers and lists stay within their bounds.

Prices are not negative, durations are more than zero, NPS is between -100
and 100, a category has at least one offering, a list does not repeat an
item.

**Fix:** bring the value within the bound the message names.

Failing:

```yaml
nps:
  score: 140
```

Passing:

```yaml
nps:
  score: 40
```
"""

from __future__ import annotations

from pscatalog.checks.schema import OUT_OF_RANGE as CODE
from pscatalog.diagnostics import Severity

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "out-of-range"
SEVERITY = Severity.ERROR
SUMMARY = "numbers and lists stay within their bounds"
