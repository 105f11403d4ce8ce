"""A catalog file is not empty.

An empty file, or one with only comments, holds no category: it is most
likely a file whose content was lost.

**Fix:** add the category's content, or delete the file.

Failing:

```yaml
# nothing here yet
```

Passing:

```yaml
id: integration
name: Integration Services
level: product
offerings:
  - id: jira
    name: JIRA
    maturity: planned
    variants:
      - id: custom
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.yamltext.loader import EMPTY_FILE as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "empty-file"
SEVERITY = Severity.ERROR
SUMMARY = "a catalog file is not empty"
