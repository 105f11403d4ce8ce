"""Suppression comments name pscatalog codes.

A misspelt code in ``ignore[...]`` suppresses nothing, and the comment looks
as if it did. ``pscatalog rules`` lists the codes.

**Fix:** name the codes as ``pscatalog rules`` lists them.

Failing:

```yaml
maturity: Complete  # pscatalog: ignore[C04] spelling kept for now
```

Passing:

```yaml
maturity: Complete  # pscatalog: ignore[C004] spelling kept for now
```
"""

from __future__ import annotations

from pscatalog.checks.suppressions import UNKNOWN_CODE as CODE
from pscatalog.diagnostics import Severity

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "unknown-suppression-code"
SEVERITY = Severity.ERROR
SUMMARY = "suppression comments name pscatalog codes"
