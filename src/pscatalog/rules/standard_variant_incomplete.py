"""A ``standard`` variant has a SKU and a standard SOW.

``standard`` means sold with a standard SKU and an out-of-the-box statement of
work. A ``standard`` variant without ``sku`` or ``standard_sow`` cannot be
ordered that way: sales would have to write a custom SOW, which is what
``custom`` means.

**Fix:** add the missing ``sku`` and ``standard_sow``, or rename the variant
to ``custom`` if it is sold with a custom SOW.

Failing:

```yaml
variants:
  - id: standard
    sku: GL-JIRA
```

Passing:

```yaml
variants:
  - id: standard
    sku: GL-JIRA
    standard_sow: https://docs.example.com/sow/jira
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog, Entry, Offering, iter_variants
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Finding

CODE = "C002"
NAME = "standard-variant-incomplete"
SEVERITY = Severity.ERROR
SUMMARY = "a 'standard' variant has a 'sku' and a 'standard_sow'"
SUPERSEDES = frozenset({"required"})


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield ``standard`` variants that lack a SKU or a standard SOW."""
    for offering, variant in iter_variants(catalog):
        if variant.text("id") != "standard":
            continue
        missing = [key for key in ("sku", "standard_sow") if variant.data.get(key) in (None, "")]
        if not missing:
            continue
        keys = " or ".join(f"'{key}'" for key in missing)
        name = offering.entry.text("id") or "?"
        yield Finding(
            f"the standard variant of '{name}' has no {keys}",
            variant.at(),
            _hint(offering, variant, missing),
        )


def _hint(offering: Offering, variant: Entry, missing: list[str]) -> str:
    """Add what is missing; renaming to 'custom' only where a custom variant may be so."""
    add = "add " + " and ".join(f"'{key}'" for key in missing)
    ids = [other.text("id") for other in offering.variants]
    if "sku" in missing and "custom" not in ids:
        return f"{add}, or rename the variant to 'custom' if it is sold with a custom SOW"
    return add
