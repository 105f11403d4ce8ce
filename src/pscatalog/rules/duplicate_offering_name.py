"""Offering names are unique across the whole catalog.

Buyers and sellers tell offerings apart by name. Names are compared without
regard to letter case or surrounding spaces.

**Fix:** rename one of the offerings so the two can be told apart.

Failing:

```yaml
offerings:
  - id: dedicated-engineer
    name: Dedicated Engineer
  - id: cleared-engineer
    name: Dedicated engineer
```

Passing:

```yaml
offerings:
  - id: dedicated-engineer
    name: Dedicated Engineer
  - id: cleared-engineer
    name: Dedicated Engineer (Cleared)
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules._unique import repeats
from pscatalog.rules.base import Finding

CODE = "C104"
NAME = "duplicate-offering-name"
SEVERITY = Severity.ERROR
SUMMARY = "offering names are unique across the catalog"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield every repeat after the first, with the first as related place."""
    items = (
        (name.strip().casefold(), name, offering.entry.at("name"))
        for offering in catalog.offerings
        if (name := offering.entry.text("name")) is not None
    )
    return repeats(items, "offering name", "rename one of the offerings")
