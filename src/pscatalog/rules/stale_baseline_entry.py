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
# {"version": 1, "findings": []}
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity

CODE = "N004"
NAME = "stale-baseline-entry"
SEVERITY = Severity.INFO
SUMMARY = "every baseline entry still occurs"
