"""Entry ids are unique in the services file being imported.

GitLab's pages and the SKU tables built from ``services.yml`` find an entry by
its ``id``. The 2022 file shipped ``Dedicated-12`` twice: the second entry was
really the security-cleared 12-month engineer (``GL-ENGR-CLEARED-12``), and
the pages showed one of them twice. Import keeps both entries, each as an
offering with the same id, so that ``pscatalog validate`` reports the
duplicate (C103) until someone decides; it never renames one silently.

**Fix:** give the second entry its own id in the source, or, after import,
give the offering its own id or make it a variant of the other offering.

Failing:

```yaml
- id: Dedicated-12
  sku: GL-ENGR-12
- id: Dedicated-12
  sku: GL-ENGR-CLEARED-12
```

Passing:

```yaml
- id: Dedicated-12
  sku: GL-ENGR-12
- id: Dedicated-Cleared-12
  sku: GL-ENGR-CLEARED-12
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import DUPLICATE_SOURCE_ID as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "duplicate-source-id"
SEVERITY = Severity.ERROR
SUMMARY = "entry ids are unique in the imported services file"
