"""The file is encoded as UTF-8.

YAML files are UTF-8. A file saved in another encoding (Windows-1252, Latin-1)
shows its accented letters as garbage in every other tool. The diagnostic points
at the first byte that is not UTF-8.

**Fix:** save the file as UTF-8.

Failing:

```yaml
name: Café training   # saved as Latin-1: the é is byte 0xE9
```

Passing:

```yaml
name: Café training
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.yamltext.loader import NOT_UTF8 as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "not-utf8"
SEVERITY = Severity.ERROR
SUMMARY = "the file is UTF-8"
