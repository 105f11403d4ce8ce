"""Every level of service has at least one category.

The framework says each level has one or many categories of service. A level
without any sells nothing: it is either a category file that is missing or
names another level, or a level that should go.

**Fix:** add a category file whose ``level`` is this level's ``id``, or point
an existing category at it.

Failing (no category file has ``level: adoption``):

```yaml
levels:
  - id: adoption
    name: Adoption
    rank: 2
    persona: The enablement lead
```

Passing:

```yaml
# catalog/education.yaml
id: education
name: Education Services
level: adoption
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Finding

CODE = "C203"
NAME = "level-without-category"
SEVERITY = Severity.ERROR
SUMMARY = "every level has at least one category"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield levels that no category names (not while a category file cannot be read).

    A category file that does not read as a mapping may be the one that names
    the level: its own finding says what is wrong, and this one would be a
    second diagnostic for the same fault.
    """
    if any(not isinstance(doc.data, dict) for doc in catalog.category_docs):
        return
    used = {category.text("level") for category in catalog.categories}
    spare = len(catalog.levels) > 3  # removing a level must leave the framework's three
    for level in catalog.levels:
        level_id = level.text("id")
        if level_id is not None and level_id not in used:
            yield Finding(
                f"level '{level_id}' has no category",
                level.at("id"),
                f"add a category file with 'level: {level_id}'"
                + (", or remove the level" if spare else ""),
            )
