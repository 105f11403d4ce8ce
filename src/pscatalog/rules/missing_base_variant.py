"""Every offering has a variant called ``standard`` or ``custom``.

The framework defines an offering's base variant: ``standard`` when it is sold
with a standard SKU and an out-of-the-box statement of work (SOW), ``custom``
when it needs a custom SOW. Other variants (remote, on-site, 6 or 12 months)
are alternatives to the base one. An offering without either cannot be quoted
the way the framework says.

**Fix:** add a ``custom`` variant, or rename the variant sold most often to
``standard`` if it has a SKU and a standard SOW (a variant with a SKU cannot be
``custom``).

Failing:

```yaml
offerings:
  - id: jira
    name: JIRA
    maturity: minimal
    variants:
      - id: remote
```

Passing:

```yaml
offerings:
  - id: jira
    name: JIRA
    maturity: minimal
    variants:
      - id: custom
      - id: remote
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import Catalog, Offering
from pscatalog.diagnostics import Diagnostic, Severity, parts_of
from pscatalog.rules.base import Finding, FixContext
from pscatalog.yamltext.edits import TextEdit, insert_item

CODE = "C001"
NAME = "missing-base-variant"
SEVERITY = Severity.ERROR
SUMMARY = "every offering has a variant called 'standard' or 'custom'"
SUPERSEDES = frozenset({"contains", "minItems"})


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield offerings whose variants include neither ``standard`` nor ``custom``."""
    for offering in catalog.offerings:
        if not isinstance(offering.entry.data.get("variants"), list):
            continue
        if offering.base_variant() is None:
            name = offering.entry.text("id") or offering.entry.text("name") or "?"
            yield Finding(
                f"offering '{name}' has no variant called 'standard' or 'custom'",
                offering.entry.at("variants", key=True),
                _hint(offering),
            )


def _hint(offering: Offering) -> str:
    """Add a custom variant; or name 'standard' a variant that has what a standard one needs."""
    add = "add a variant 'custom' (sold with a custom SOW)"
    ready = [
        variant.text("id")
        for variant in offering.variants
        if variant.text("sku") and variant.text("standard_sow") and variant.text("id")
    ]
    if ready and offering.maturity_rank != 0:
        return f"{add}, or rename variant '{ready[0]}' (it has a SKU and a standard SOW) 'standard'"
    return add


FIX = "unsafe"


def fix(context: FixContext, diagnostic: Diagnostic) -> list[TextEdit]:
    """Add a ``custom`` variant before the first one, in the list's own style.

    Unsafe: it decides how the offering is sold (with a custom SOW) until
    someone names the real base variant.
    """
    path = parts_of(diagnostic.location.pointer)
    edit = insert_item(context.tree, path, 0, {"id": "custom"})
    return [edit] if edit is not None else []
