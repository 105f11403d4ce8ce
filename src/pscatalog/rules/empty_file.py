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

import sys

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

CODE = "Y006"
NAME = "empty-file"
SEVERITY = Severity.ERROR
SUMMARY = "a catalog file is not empty"


def found(name: str) -> Diagnostic:
    """Return the finding for a file without a YAML document."""
    return diagnose(
        _THIS,
        "the file holds no YAML document",
        Location(name, 1, 1),
        "add the file's content, or delete the file",
    )


_THIS = sys.modules[__name__]
