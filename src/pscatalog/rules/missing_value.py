"""Every entry has an id, a name, a category and one of the five maturities.

An offering needs all four. When the source lacks one, or gives a maturity
the framework does not have, import writes a stand-in that it names in the
message (the id for a missing name, the category ``uncategorised``, the
lowest maturity the entry's SKUs allow) and keeps the source's value under
``imported.unmapped``.

**Fix:** give the entry the missing value in the source, or replace the
stand-in in the catalog.

Failing:

```yaml
- id: training_sessions_devops
  name: GitLab DevOps Fundamentals Training
  category: Education
  maturity: Beta
```

Passing:

```yaml
- id: training_sessions_devops
  name: GitLab DevOps Fundamentals Training
  category: Education
  maturity: Lovable
```
"""

from __future__ import annotations

from typing import Any

from pscatalog.catalog.values import shown
from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose
from pscatalog.rules import missing_value as this_code  # diagnose() stamps its code

CODE = "I012"
NAME = "missing-value"
SEVERITY = Severity.ERROR
SUMMARY = "every entry has an id, a name, a category and a maturity"


def no_id(number: int, value: Any, at: Location) -> Diagnostic:
    """Return the finding for the ``number``-th entry (from 1), which has no id.

    ``value`` is what its ``id`` holds: nothing, blank text, or a value that is
    not an id (a date, a list).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        what = "has no id"
    else:
        what = f"has the id {shown(value)}, which is not text"
    return diagnose(
        this_code,
        f"entry {number} {what}; its offering's id is made from its name",
        at,
        "give the entry an id",
    )


def no_name(source_id: str | None, stand_in: str, at: Location) -> Diagnostic:
    """Return the finding for an entry without a name, named ``stand_in``."""
    return diagnose(
        this_code,
        f"entry '{source_id or '?'}' has no name; the offering is named '{stand_in}'",
        at,
        "give the entry a name",
    )


def no_category(source_id: str | None, stand_in: str, at: Location) -> Diagnostic:
    """Return the finding for an entry without a category, imported into ``stand_in``."""
    return diagnose(
        this_code,
        f"entry '{source_id or '?'}' has no category; it is imported into '{stand_in}'",
        at,
        "give the entry one of the framework's categories",
    )


def no_maturity(
    source_id: str | None, value: Any, stand_in: str, *, sold: bool, at: Location
) -> Diagnostic:
    """Return the finding for an entry whose maturity (``value``) is none of the five.

    ``sold`` says whether the offering has a SKU, which rules out ``planned``.
    """
    what = "has no maturity" if value is None else f"has the maturity {shown(value)}"
    reason = "the lowest a SKU allows" if sold else "the lowest"
    return diagnose(
        this_code,
        f"entry '{source_id or '?'}' {what}, none of planned, minimal, viable, complete or "
        f"lovable; it is imported as '{stand_in}', {reason}",
        at,
        "give the entry one of the five maturities",
    )
