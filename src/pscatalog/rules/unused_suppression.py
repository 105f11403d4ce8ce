"""Every suppression comment suppresses something.

A ``# pscatalog: ignore[CODE] reason`` comment that matches no diagnostic is
left over from a fault that was fixed, or sits on the wrong line. Left in
place, it would silently hide the next fault of that code there.

**Fix:** remove the comment, or the codes in it that no longer occur.

Failing:

```yaml
maturity: complete  # pscatalog: ignore[C004] imported spelling
```

Passing:

```yaml
maturity: Complete  # pscatalog: ignore[C004] spelling kept until the export is fixed
```
"""

from __future__ import annotations

from pscatalog.checks.suppressions import UNUSED_SUPPRESSION as CODE
from pscatalog.diagnostics import Severity

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "unused-suppression"
SEVERITY = Severity.WARNING
SUMMARY = "every suppression comment suppresses something"
