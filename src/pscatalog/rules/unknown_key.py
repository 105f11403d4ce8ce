"""Every key is one the schema defines.

A misspelt key (``maturty``) is not an extra piece of information: it is a
missing one, which every other tool ignores. The diagnostic points at the key
and suggests the closest known one.

**Fix:** correct the key's spelling, or remove it.

Failing:

```yaml
- id: jira
  name: JIRA
  maturty: complete
```

Passing:

```yaml
- id: jira
  name: JIRA
  maturity: complete
```
"""

from __future__ import annotations

from pscatalog.checks.schema import UNKNOWN_KEY as CODE
from pscatalog.diagnostics import Severity

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "unknown-key"
SEVERITY = Severity.ERROR
SUMMARY = "every key is one the schema defines"
