"""A maturity rises at most one step in one change, unless its evidence changes with it.

A maturity claim is what sales and customers rely on. Going from ``minimal``
to ``complete`` in one merge request, with the evidence untouched, is a claim
nobody checked: either a step was skipped or the evidence that justifies it is
missing from the change. Checked by ``pscatalog diff OLD NEW --check``.

**Fix:** raise the maturity one step, or record the evidence that supports the new
level (``evidence``) in the same change.

Failing:

```yaml
# before: maturity: minimal
maturity: complete
```

Passing:

```yaml
# before: maturity: minimal
maturity: viable
evidence:
  deliveries: 1
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity

CODE = "D001"
NAME = "maturity-jump"
SEVERITY = Severity.ERROR
SUMMARY = "a maturity rises one step at a time, unless its evidence changes too"
