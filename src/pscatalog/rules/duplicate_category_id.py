"""Category ids are unique across the catalog.

Each category file holds one category; two files with the same ``id`` split
one category in two, and pages and exports would merge or drop one of them.

**Fix:** give the category its own id, or merge the two files.

Failing:

```yaml
# catalog/integration.yaml
id: integration
# catalog/integrations-2.yaml
id: integration
```

Passing:

```yaml
# catalog/integration.yaml
id: integration
# catalog/migration.yaml
id: migration
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules._unique import repeats
from pscatalog.rules.base import Finding

CODE = "C102"
NAME = "duplicate-category-id"
SEVERITY = Severity.ERROR
SUMMARY = "category ids are unique across the catalog"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield every repeat after the first, with the first as related place."""
    items = (
        (category.text("id"), category.text("id") or "", category.at("id"))
        for category in catalog.categories
        if category.text("id") is not None
    )
    return repeats(items, "category id", "give the category its own id, or merge the two files")
