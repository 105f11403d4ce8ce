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

import sys
from collections.abc import Sequence

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

CODE = "N001"
NAME = "unused-suppression"
SEVERITY = Severity.WARNING
SUMMARY = "every suppression comment suppresses something"


def found(location: Location, unused: Sequence[str]) -> Diagnostic:
    """Return the finding for a suppression whose ``unused`` codes suppress nothing.

    The rules for changes (``D`` codes) are never suppressed by a comment: the
    change under review cannot silence the check that reviews it. The finding
    says so, rather than that nothing matched.
    """
    changes = [code for code in unused if code.startswith("D")]
    if changes and len(changes) == len(unused):
        return diagnose(
            _THIS,
            f"suppression of {', '.join(changes)} is never honoured: a change cannot silence "
            "the rules for changes",
            location,
            "remove it, and give the change what the rule asks (or have it reviewed by hand)",
        )
    return diagnose(
        _THIS,
        f"suppression of {', '.join(unused)} matches nothing",
        location,
        "remove it (or the codes that no longer occur)",
    )


_THIS = sys.modules[__name__]
