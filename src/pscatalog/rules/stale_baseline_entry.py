"""Every baseline entry still occurs.

``validate --baseline FILE`` lets the findings recorded in the baseline pass,
so a team can adopt pscatalog on an imperfect catalog and fail only on new
findings. An entry whose finding was fixed is reported (as a note, which does
not fail the run), so the baseline shrinks as the catalog is cleaned instead
of silently allowing the fault back.

**Fix:** remove the entry from the baseline file, or record the baseline
again with ``pscatalog baseline``.

Failing (the baseline still lists a duplicate id that was fixed):

```yaml
# pscatalog-baseline.json
# {"fingerprint": "…", "code": "C103", "file": "catalog/dedicated.yaml", ...}
```

Passing (the fixed finding's entry removed):

```yaml
# pscatalog-baseline.json
# {"version": 3, "findings": []}
```
"""

from __future__ import annotations

import sys

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

CODE = "N004"
NAME = "stale-baseline-entry"
SEVERITY = Severity.INFO
SUMMARY = "every baseline entry still occurs"


def found(baseline: str, line: int, column: int, code: str, file: str, pointer: str) -> Diagnostic:
    """Return the finding for the entry at ``line`` of ``baseline``, whose finding is gone.

    The entry recorded a ``code`` in ``file`` at the JSON ``pointer``; the
    finding is placed at the entry's ``line`` and ``column``, where its object starts.
    """
    return diagnose(
        _THIS,
        f"baseline entry {code} in {file} ({pointer or 'the file'}) no longer occurs",
        Location(baseline, line, column),
        "remove it from the baseline (or run 'pscatalog baseline' again)",
    )


_THIS = sys.modules[__name__]
