"""The document matches the schema in every other respect.

Any other way a value fails the schema, such as a duration that is both a
fixed value and a range.

**Fix:** follow the message; the schema's description of the field (shown by editors
on hover) says what it takes.

Failing:

```yaml
duration:
  value: 3
  min: 1
  max: 5
  unit: day
```

Passing:

```yaml
duration:
  min: 1
  max: 5
  unit: day
```
"""

from __future__ import annotations

from pscatalog.checks.schema import SCHEMA_VIOLATION as CODE
from pscatalog.diagnostics import Severity

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "schema-violation"
SEVERITY = Severity.ERROR
SUMMARY = "the document matches the schema"
