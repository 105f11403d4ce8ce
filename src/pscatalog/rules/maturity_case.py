"""Maturity is written in lowercase.

The maturity model's levels are ``planned``, ``minimal``, ``viable``,
``complete`` and ``lovable``. Other tools compare them as written, so
``Complete`` (as GitLab's services file writes them) is not ``complete``.

**Fix:** write the maturity in lowercase.

Failing:

```yaml
maturity: Complete
```

Passing:

```yaml
maturity: complete
```
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import MATURITIES, Catalog
from pscatalog.diagnostics import Diagnostic, Severity, parts_of
from pscatalog.rules.base import Finding, FixContext
from pscatalog.yamltext.edits import TextEdit, replace_value
from pscatalog.yamltext.tree import Scalar

CODE = "C004"
NAME = "maturity-case"
SEVERITY = Severity.ERROR
SUMMARY = "maturity is written in lowercase"
SUPERSEDES = frozenset({"enum"})


def check(catalog: Catalog) -> Iterator[Finding]:
    """Yield maturities that are valid but for their letter case."""
    for offering in catalog.offerings:
        maturity = offering.maturity
        if maturity is None or maturity in MATURITIES:
            continue
        lower = maturity.strip().lower()
        if lower in MATURITIES:
            yield Finding(
                f"maturity '{maturity}' must be written in lowercase",
                offering.entry.at("maturity"),
                f"write '{lower}'",
            )


FIX = "safe"


def fix(context: FixContext, diagnostic: Diagnostic) -> list[TextEdit]:
    """Write the maturity in lowercase, keeping its quotes; nothing else changes."""
    path = parts_of(diagnostic.location.pointer)
    _, node, _ = context.tree.locate(path)
    value = node.value if isinstance(node, Scalar) else None
    if not isinstance(value, str) or value.strip().lower() not in MATURITIES:
        return []
    edit = replace_value(context.tree, path, value.strip().lower())
    return [edit] if edit is not None else []
