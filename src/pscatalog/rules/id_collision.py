"""Distinct source ids become distinct catalog ids.

Catalog ids are lowercase slugs, so ``training_sessions_basics`` becomes
``training-sessions-basics``. Two source ids that differ only by case or
punctuation, or two entries of one offering that would be the same variant,
become the same catalog id. Import never suffixes one silently: it keeps
both offerings with that id, reports it here, and ``pscatalog validate``
reports the duplicate (C103) until someone renames one.

**Fix:** give the entries ids that differ by more than case or punctuation.

Failing:

```yaml
- id: Migration_Plus
- id: migration-plus
```

Passing:

```yaml
- id: migration-plus
- id: migration-plus-remote
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Severity
from pscatalog.rules._import_codes import ID_COLLISION as CODE

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "id-collision"
SEVERITY = Severity.WARNING
SUMMARY = "distinct source ids stay distinct catalog ids"
