"""There are exactly three levels of service, ranked 1, 2 and 3.

The framework has three levels of service, one for each kind of buyer. Pages
and exports order categories by their level's ``rank``; a missing, extra or
repeated rank leaves that order undefined.

**Fix:** keep three levels in ``levels.yaml``, with ranks 1, 2 and 3.

Failing:

```yaml
levels:
  - id: product
    name: Product
    rank: 1
    persona: The platform owner
  - id: adoption
    name: Adoption
    rank: 1
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
  - id: transformation
    name: Transformation
    rank: 3
    persona: The executive sponsor
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog, Entry
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Also, Finding

CODE = "C202"
NAME = "level-ranks"
SEVERITY = Severity.ERROR
SUMMARY = "there are exactly three levels, ranked 1, 2 and 3"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield a wrong number of levels, and each rank used twice."""
    doc = catalog.levels_doc
    if (
        doc is None
        or not isinstance(doc.data, dict)
        or not isinstance(doc.data.get("levels"), list)
    ):
        return
    count = len(doc.data["levels"])
    if count != 3:
        yield Finding(
            f"there {'is 1 level' if count == 1 else f'are {count} levels'}; "
            "the framework has exactly three",
            Entry(doc, (), doc.data).at("levels", key=True),
            "keep three levels, ranked 1, 2 and 3",
        )
    first: dict[int, Entry] = {}
    for level in catalog.levels:
        rank = level.data.get("rank")
        if not isinstance(rank, int) or isinstance(rank, bool):
            continue
        if rank in first:
            yield Finding(
                f"rank {rank} is already given to level '{first[rank].text('id') or '?'}'",
                level.at("rank"),
                "rank the levels 1, 2 and 3, one each",
                (Also(first[rank].at("rank"), "already given here"),),
            )
        else:
            first[rank] = level
