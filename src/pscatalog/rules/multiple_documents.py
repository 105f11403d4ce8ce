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

from pscatalog.diagnostics import Severity
from pscatalog.yamltext.loader import MULTIPLE_DOCUMENTS as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "multiple-documents"
SEVERITY = Severity.ERROR
SUMMARY = "a file holds one YAML document"
