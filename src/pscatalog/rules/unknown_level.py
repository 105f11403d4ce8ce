"""A category's ``level`` names a level of ``levels.yaml``.

Each category belongs to one of the three levels of service, named by the
level's ``id``. A category whose ``level`` names no level falls out of every
page and export that is organised by level.

**Fix:** set ``level`` to the ``id`` of a level in ``levels.yaml``.

Failing:

```yaml
id: integration
name: Integration Services
level: products
```

Passing:

```yaml
id: integration
name: Integration Services
level: product
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Finding

CODE = "C201"
NAME = "unknown-level"
SEVERITY = Severity.ERROR
SUMMARY = "a category's 'level' names a level of levels.yaml"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield categories whose level is not the id of any level."""
    if catalog.levels_doc is None or not catalog.levels_doc.ok:
        return  # reported once, as the levels file's own problem
    known = [level_id for level in catalog.levels if (level_id := level.text("id")) is not None]
    for category in catalog.categories:
        level = category.text("level")
        if level is None or level in known:
            continue
        close = difflib.get_close_matches(level, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known levels: {', '.join(known)}"
        yield Finding(
            f"level '{level}' is not defined in the levels file", category.at("level"), hint
        )
