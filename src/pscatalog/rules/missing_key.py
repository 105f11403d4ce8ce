"""Every required key is present.

Levels need ``id``, ``name``, ``rank`` and ``persona``; categories ``id``,
``name``, ``level`` and ``offerings``; offerings ``id``, ``name``, ``maturity``
and ``variants``; variants ``id``. Prices need ``currency`` and ``unit``,
durations ``unit``.

**Fix:** add the missing key.

Failing:

```yaml
- id: jira
  name: JIRA
  variants:
    - id: custom
```

Passing:

```yaml
- id: jira
  name: JIRA
  maturity: minimal
  variants:
    - id: custom
```
"""

from __future__ import annotations

from pscatalog.checks.schema import MISSING_KEY as CODE
from pscatalog.diagnostics import Severity

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "missing-key"
SEVERITY = Severity.ERROR
SUMMARY = "every required key is present"
