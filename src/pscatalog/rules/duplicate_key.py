"""A mapping does not repeat a key.

YAML readers keep one of the values of a repeated key and silently drop the
other, so what one tool reads differs from what the author meant. The
diagnostic points at the repeat and names the first as related.

**Fix:** remove one of the keys, or merge their values.

Failing:

```yaml
- id: jira
  name: JIRA
  name: Jira
```

Passing:

```yaml
- id: jira
  name: JIRA
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.yamltext.loader import DUPLICATE_KEY as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "duplicate-key"
SEVERITY = Severity.ERROR
SUMMARY = "a mapping does not repeat a key"
