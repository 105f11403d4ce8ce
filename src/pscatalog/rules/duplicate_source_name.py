"""Entry names are unique in the services file being imported.

Two entries with the same name show as the same line in the pages and tables
built from the file, and a buyer cannot tell which one a SKU is. Import keeps
both names; ``pscatalog validate`` reports offerings that still share a name
(C104).

**Fix:** name each entry for what it sells, e.g. say "(Cleared)" on the
security-cleared engineer.

Failing:

```yaml
- id: Dedicated-12
  name: Dedicated Engineer - 12 Month
- id: Dedicated-Cleared-12
  name: Dedicated Engineer - 12 Month
```

Passing:

```yaml
- id: Dedicated-12
  name: Dedicated Engineer - 12 Month
- id: Dedicated-Cleared-12
  name: Dedicated Engineer (Cleared) - 12 Month
```
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from pscatalog.diagnostics import Diagnostic, Location, Related, Severity, diagnose
from pscatalog.rules import duplicate_source_name as this_code  # diagnose() stamps its code
from pscatalog.rules._unique import name_key, shown_name

CODE = "I002"
NAME = "duplicate-source-name"
SEVERITY = Severity.ERROR
SUMMARY = "entry names are unique in the imported services file"

Locate = Callable[[], Location]
"""Finds a place: called only for the places a finding shows."""


def check(entries: Iterable[tuple[str, str | None, Locate]]) -> Iterator[Diagnostic]:
    """Yield a finding for each entry whose name an earlier entry has, as a reader sees it.

    ``entries`` gives each entry's name (without surrounding spaces), its id
    and how to find the place of its name, in file order.
    """
    first: dict[str, tuple[int, str | None, Locate]] = {}
    for position, (name, source_id, at) in enumerate(entries):
        earlier_position, earlier_id, earlier = first.setdefault(
            name_key(name), (position, source_id, at)
        )
        if earlier_position == position:
            continue
        yield diagnose(
            this_code,
            f"name '{shown_name(name)}' is already used by entry '{earlier_id or '?'}'",
            at(),
            "name each entry for what it sells",
            (Related(earlier(), "already used here"),),
        )
