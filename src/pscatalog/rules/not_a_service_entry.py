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

from typing import Any

from pscatalog.catalog.values import kind_of
from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose
from pscatalog.rules import not_a_service_entry as this_code  # diagnose() stamps its code

CODE = "I013"
NAME = "not-a-service-entry"
SEVERITY = Severity.ERROR
SUMMARY = "the services file is a list of entries, each a mapping"


def not_a_list(data: Any, at: Location) -> Diagnostic:
    """Return the finding for a services file that is not a list."""
    return diagnose(
        this_code,
        f"a services file is a list of entries; this file holds {kind_of(data)}",
        at,
        "write each entry as '- id: ...' followed by its keys",
    )


def not_a_mapping(number: int, entry: Any, at: Location) -> Diagnostic:
    """Return the finding for the ``number``-th entry (from 1), which is not a mapping."""
    return diagnose(
        this_code,
        f"entry {number} is {kind_of(entry)}, not a mapping of keys; it is not imported",
        at,
        "write the entry as '- id: ...' followed by its keys",
    )
