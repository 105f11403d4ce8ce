"""Entry names are unique in the services file being imported.

Two entries with the same name show as the same line in the pages and tables
built from the file, and a buyer cannot tell which one a SKU is. Import keeps
both names; ``pscatalog validate`` reports offerings that still share a name
(C104).

**Fix:** name each entry for what it sells, e.g. say "(Cleared)" on the
security-cleared engineer.

Failing:

```yaml
- id: Dedicated-12
  name: Dedicated Engineer - 12 Month
- id: Dedicated-Cleared-12
  name: Dedicated Engineer - 12 Month
```

Passing:

```yaml
- id: Dedicated-12
  name: Dedicated Engineer - 12 Month
- id: Dedicated-Cleared-12
  name: Dedicated Engineer (Cleared) - 12 Month
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import DUPLICATE_SOURCE_NAME as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "duplicate-source-name"
SEVERITY = Severity.ERROR
SUMMARY = "entry names are unique in the imported services file"
