"""A SKU is retired before it is renamed or removed.

Order systems, quotes and contracts name SKUs. A SKU that disappears from the
catalog in one change breaks them silently. Mark the variant ``retired: true``
first (in a change of its own, so sales operations can act), then rename or
remove the SKU. Checked by ``pscatalog diff OLD NEW --check``.

**Fix:** restore the SKU and mark its variant ``retired: true``; remove it in a later
change.

Failing:

```yaml
# before: sku: GL-BAS-R
sku: GL-BAS-REMOTE
```

Passing:

```yaml
# before: sku: GL-BAS-R
#         retired: true
sku: GL-BAS-REMOTE
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity

CODE = "D003"
NAME = "sku-not-retired"
SEVERITY = Severity.ERROR
SUMMARY = "a SKU is retired before it is renamed or removed"
