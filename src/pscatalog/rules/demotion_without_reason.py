"""A demotion states its reason.

Lowering an offering's maturity changes what sales may promise. The catalog
keeps why, in ``maturity_reason``, written or changed in the same change.
Checked by ``pscatalog diff OLD NEW --check``.

**Fix:** write ``maturity_reason`` on the offering.

Failing:

```yaml
# before: maturity: complete
maturity: viable
```

Passing:

```yaml
# before: maturity: complete
maturity: viable
maturity_reason: Delivery times slipped on the last three engagements; margin under review.
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity

CODE = "D002"
NAME = "demotion-without-reason"
SEVERITY = Severity.ERROR
SUMMARY = "a demotion says why"
