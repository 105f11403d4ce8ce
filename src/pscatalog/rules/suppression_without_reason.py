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

import sys
from collections.abc import Sequence

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

CODE = "N002"
NAME = "suppression-without-reason"
SEVERITY = Severity.ERROR
SUMMARY = "every suppression comment says why"


def found(location: Location, codes: Sequence[str] = ()) -> Diagnostic:
    """Return the finding for a suppression comment without a reason; ``codes`` it names."""
    named = ", ".join(codes) or "CODE"
    return diagnose(
        _THIS,
        "suppression without a reason suppresses nothing",
        location,
        f"say why after the bracket: '# pscatalog: ignore[{named}] <why it is right here>'",
    )


_THIS = sys.modules[__name__]
