"""Level ids are unique.

Categories name their level by its ``id``; two levels with one id make that
reference ambiguous.

**Fix:** give each level its own id.

Failing:

```yaml
levels:
  - id: product
    name: Product
    rank: 1
    persona: The platform owner
  - id: product
    name: Adoption
    rank: 2
    persona: The enablement lead
```

Passing:

```yaml
levels:
  - id: product
    name: Product
    rank: 1
    persona: The platform owner
  - id: adoption
    name: Adoption
    rank: 2
    persona: The enablement lead
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules._unique import repeats
from pscatalog.rules.base import Finding

CODE = "C101"
NAME = "duplicate-level-id"
SEVERITY = Severity.ERROR
SUMMARY = "level ids are unique"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield every repeat after the first, with the first as related place."""
    items = (
        (level.text("id"), level.text("id") or "", level.at("id"))
        for level in catalog.levels
        if level.text("id") is not None
    )
    return repeats(items, "level id", "give each level its own id")
