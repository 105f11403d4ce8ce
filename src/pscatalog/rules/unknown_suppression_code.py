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

import difflib
import re
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
        _hint(unknown),
    )


def _hint(unknown: Sequence[str]) -> str:
    """Suggest the code meant for each unknown one, where one is close."""
    from pscatalog.rules.registry import CODES  # the registry lists this module: import late

    meant = [_meant(code, list(CODES)) for code in unknown]
    if unknown and all(meant):
        return "did you mean " + ", ".join(f"'{code}'" for code in meant) + "?"
    return "name the codes as 'pscatalog rules' lists them: '# pscatalog: ignore[M003] why'"


def _meant(code: str, known: list[str]) -> str | None:
    """Return the code meant: its digits padded (``C04`` is ``C004``), else the closest one."""
    match = re.fullmatch(r"([A-Za-z])0*(\d{1,3})", code.strip())
    if match is not None:
        padded = f"{match[1].upper()}{int(match[2]):03d}"
        if padded in known:
            return padded
    close = difflib.get_close_matches(code.upper(), known, n=1)
    return close[0] if close else None


_THIS = sys.modules[__name__]
