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
from pscatalog.diagnostics import Diagnostic, Severity
from pscatalog.rules._edits import scalar_span
from pscatalog.rules.base import Edit, Finding
from pscatalog.yamltext.loader import Document

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


def fix(doc: Document, diagnostic: Diagnostic) -> list[Edit]:
    """Write the maturity in lowercase, keeping its quotes."""
    location = diagnostic.location
    span = scalar_span(doc, location.line, location.column)
    if span is None:
        return []
    start, end, text = span
    return [Edit(location.line, start, end, text.lower())]
