"""The file can be read.

A path in the catalog that cannot be read (no permission, a broken link, a
folder named like a YAML file) is reported, and the rest of the catalog is
checked.

**Fix:** fix the file's permissions or link, or remove it from the catalog folder.

Failing:

```yaml
catalog/integration.yaml -> ../elsewhere/missing.yaml   # a broken link
```

Passing:

```yaml
catalog/integration.yaml   # a readable file
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.yamltext.loader import UNREADABLE_FILE as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "unreadable-file"
SEVERITY = Severity.ERROR
SUMMARY = "the file can be read"
