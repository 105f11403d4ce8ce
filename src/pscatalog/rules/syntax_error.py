"""The file is valid YAML.

A file that cannot be parsed cannot be checked any further: its diagnostic
points at the line and column where the parser gave up. Tabs used for
indentation, an unclosed bracket or quote, and ``: `` inside a plain value are
the usual causes. The rest of the catalog is still checked.

**Fix:** correct the YAML at the place shown; quote values that contain ``: `` or
start with a special character (``*``, ``&``, ``!``, ``%``, ``@``).

Failing:

```yaml
summary: Setup: one day
```

Passing:

```yaml
summary: "Setup: one day"
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.yamltext.loader import SYNTAX_ERROR as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "syntax-error"
SEVERITY = Severity.ERROR
SUMMARY = "the file is valid YAML"
