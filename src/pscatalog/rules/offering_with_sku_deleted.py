"""An offering sold with a SKU is not deleted outright.

Deleting an offering whose variants have SKUs removes what orders and
contracts refer to. Retire its variants first (``retired: true``), then delete
it in a later change. Checked by ``pscatalog diff OLD NEW --check``.

**Fix:** restore the offering and mark its variants ``retired: true``; delete it in a
later change.

Failing:

```yaml
# before: an offering with sku: GL-JIRA
# after: the offering is gone
```

Passing:

```yaml
# before: an offering whose variants are all retired: true
# after: the offering is gone
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity

CODE = "D004"
NAME = "offering-with-sku-deleted"
SEVERITY = Severity.ERROR
SUMMARY = "an offering sold with a SKU is retired before it is deleted"
