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

import sys
from collections.abc import Sequence

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

CODE = "N003"
NAME = "unknown-suppression-code"
SEVERITY = Severity.ERROR
SUMMARY = "suppression comments name pscatalog codes"


def found(location: Location, unknown: Sequence[str]) -> Diagnostic:
    """Return the finding for a suppression naming ``unknown`` codes (or none at all)."""
    shown = ", ".join(f"'{code}'" for code in unknown) or "no code"
    return diagnose(
        _THIS,
        f"suppression names {shown}, not a pscatalog code",
        location,
        "name the codes to ignore, e.g. '# pscatalog: ignore[M003] reason'",
    )


_THIS = sys.modules[__name__]
