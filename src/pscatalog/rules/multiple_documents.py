"""A catalog file holds one YAML document.

Tools that read a catalog file read its first document only; whatever follows
a second ``---`` is invisible to them. The first document is still checked.

**Fix:** remove the ``---`` line and what follows, or move it to a file of its own.

Failing:

```yaml
id: integration
---
id: migration
```

Passing:

```yaml
id: integration
```
"""

from __future__ import annotations

import sys

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

CODE = "Y004"
NAME = "multiple-documents"
SEVERITY = Severity.ERROR
SUMMARY = "a file holds one YAML document"


def found(name: str, line: int, column: int) -> Diagnostic:
    """Return the finding for a second document starting at ``line``/``column``."""
    return diagnose(
        _THIS,
        "a catalog file holds one YAML document; this is a second one",
        Location(name, line, column),
        "remove the '---' and what follows, or move it to a file of its own",
    )


_THIS = sys.modules[__name__]
