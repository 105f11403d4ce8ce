"""Ids, SKUs, URLs, dates and currency codes are well formed.

Ids are lowercase slugs (``dedicated-engineer``), SKUs uppercase
(``GL-ENGR-3``), links http(s) URLs, dates ``YYYY-MM-DD``, currencies ISO 4217
codes (``USD``). Names are not empty.

**Fix:** write the value in the form the message names; the hint suggests one.

Failing:

```yaml
- id: Dedicated-12
```

Passing:

```yaml
- id: dedicated-engineer
```
"""

from __future__ import annotations

from pscatalog.checks.schema import BAD_FORMAT as CODE
from pscatalog.diagnostics import Severity

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "bad-format"
SEVERITY = Severity.ERROR
SUMMARY = "ids, SKUs, URLs, dates and codes are well formed"
