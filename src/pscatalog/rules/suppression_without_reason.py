"""Every suppression comment says why.

A suppression hides a finding from everyone who reads the catalog after you;
the reason tells them whether it still holds. A suppression without a reason
suppresses nothing.

**Fix:** write the reason after the bracket.

Failing:

```yaml
sku: GL-RR-COM  # pscatalog: ignore[M001]
```

Passing:

```yaml
sku: GL-RR-COM  # pscatalog: ignore[M001] sold as a pilot; SKU kept for the order system
```
"""

from __future__ import annotations

from pscatalog.checks.suppressions import SUPPRESSION_WITHOUT_REASON as CODE
from pscatalog.diagnostics import Severity

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "suppression-without-reason"
SEVERITY = Severity.ERROR
SUMMARY = "every suppression comment says why"
