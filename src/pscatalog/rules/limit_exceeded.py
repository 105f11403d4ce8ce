"""The file stays within the loader's limits.

A validator runs on every commit and must never hang or exhaust memory. Files
over the size limit (64 MiB), nesting deeper than 256 levels (counted with
aliases expanded: an alias to a deeply nested anchor is reported at the
alias), and aliases that expand to more than 100,000 values (the "billion
laughs" attack) are reported and not read further, by every command.

**Fix:** split the file, flatten it, or write repeated values out instead of
repeating anchors.

Failing:

```yaml
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
# ... and so on, each level ten times the last
```

Passing:

```yaml
a: [x, x, x]
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.yamltext.loader import LIMIT_EXCEEDED as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "limit-exceeded"
SEVERITY = Severity.ERROR
SUMMARY = "the file stays within the loader's limits"
