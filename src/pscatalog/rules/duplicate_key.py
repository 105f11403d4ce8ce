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

import sys

from pscatalog.diagnostics import Diagnostic, Location, Related, Severity, diagnose

CODE = "Y002"
NAME = "duplicate-key"
SEVERITY = Severity.ERROR
SUMMARY = "a mapping does not repeat a key"


def found(name: str, key: str, line: int, column: int, first: tuple[int, int]) -> Diagnostic:
    """Return the finding for ``key`` repeated at ``line``/``column``; ``first`` is its first."""
    first_place = Related(Location(name, *first), "first written here")
    return diagnose(
        _THIS,
        f"duplicate key '{key}': YAML readers keep only one of the values",
        Location(name, line, column),
        "remove one of the keys, or merge their values",
        (first_place,),
    )


_THIS = sys.modules[__name__]
