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

from collections.abc import Callable, Iterable, Iterator

from pscatalog.diagnostics import Diagnostic, Location, Related, Severity, diagnose
from pscatalog.rules import id_collision as this_code  # diagnose() stamps its code

CODE = "I014"
NAME = "id-collision"
SEVERITY = Severity.WARNING
SUMMARY = "distinct source ids stay distinct catalog ids"

Locate = Callable[[], Location]
"""Finds a place: called only for the places a finding shows."""


def check(offerings: Iterable[tuple[str, str | None, Locate]]) -> Iterator[Diagnostic]:
    """Yield a finding for each offering whose catalog id an earlier one has.

    ``offerings`` gives each offering's catalog id, the source id of its first
    entry and how to find that entry's place, in file order. Offerings whose
    entries share one source id are that id's duplicates (I001), not a collision.
    """
    first: dict[str, tuple[int, str | None, Locate]] = {}
    for position, (offering_id, source_id, at) in enumerate(offerings):
        earlier_position, earlier_id, earlier = first.setdefault(
            offering_id, (position, source_id, at)
        )
        if earlier_position == position or (source_id is not None and source_id == earlier_id):
            continue
        yield diagnose(
            this_code,
            f"entry '{source_id or '?'}' becomes the catalog id '{offering_id}', as entry "
            f"'{earlier_id or '?'}' does; both offerings keep it",
            at(),
            "give the entries ids that differ by more than case, punctuation or a delivery suffix",
            (Related(earlier(), "the other entry"),),
        )
