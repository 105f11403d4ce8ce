"""The services file is a list of entries, each a mapping of keys to values.

Anything else (a mapping at the top, a bare string in the list) cannot be an
offering: import reports it and converts the rest.

**Fix:** write each entry as ``- id: ...`` followed by its keys.

Failing:

```yaml
- id: integration_jira
- integration_jenkins
```

Passing:

```yaml
- id: integration_jira
- id: integration_jenkins
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import NOT_A_SERVICE_ENTRY as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "not-a-service-entry"
SEVERITY = Severity.ERROR
SUMMARY = "the services file is a list of entries, each a mapping"
