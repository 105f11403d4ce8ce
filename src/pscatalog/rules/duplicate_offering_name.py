r"""Offering names are unique across the whole catalog.

Buyers and sellers tell offerings apart by name. Names are compared as a
reader sees them: letter case, spaces (around, between words, of any kind),
compatibility forms such as full-width letters, and characters that take no
space (a zero-width space, a soft hyphen) make no difference. Such characters
are shown as escapes (``\u200b``) in the message.

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
from pscatalog.rules._unique import name_key, repeats
from pscatalog.rules.base import Finding

CODE = "C104"
NAME = "duplicate-offering-name"
SEVERITY = Severity.ERROR
SUMMARY = "offering names are unique across the catalog"
SUPERSEDES: frozenset[str] = frozenset()


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield every repeat after the first, with the first as related place."""
    items = (
        (name_key(name), name, offering.entry.at("name"))
        for offering in catalog.offerings
        if (name := offering.entry.text("name")) is not None
    )
    return repeats(items, "offering name", "rename one of the offerings")
