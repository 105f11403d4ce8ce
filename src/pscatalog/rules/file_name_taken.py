"""Import writes each category to a file of its own, never over a file it did not write.

A category's file is named after its id: ``integration.yaml``. Some ids
cannot have their file. ``levels`` is the levels file's name (``levels.yaml``
or ``levels.yml``): a category written there would replace the levels. Ids
that differ only by case or punctuation would share a file on some systems,
and confuse readers on all. And an output folder written into with
``--force`` may already hold a file of that name, which import did not write
and never replaces. Import writes such a category to a free name
(``levels-2.yaml``), keeps its id, and reports it here; ``pscatalog
validate`` reads a category from any file name. A levels file already in the
output folder is kept, and the import's own levels are not written.

**Fix:** import into an empty folder; or, after import, give the category an
id whose file name is free and rename its file.

Failing:

```yaml
- id: audit
  name: Audit
  category: Levels
  maturity: planned
  pscatalog:
    category: levels
    offering: audit
    variant: custom
```

Passing:

```yaml
- id: audit
  name: Audit
  category: Levels
  maturity: planned
  pscatalog:
    category: levels-audit
    offering: audit
    variant: custom
```
"""

from __future__ import annotations

from pscatalog.diagnostics import Diagnostic, Location, Related, Severity, diagnose
from pscatalog.rules import file_name_taken as this_code  # diagnose() stamps its code

CODE = "I015"
NAME = "file-name-taken"
SEVERITY = Severity.WARNING
SUMMARY = "each category gets a file of its own, and no file is written over"

_HINT = "import into an empty folder, or give the category an id whose file name is free"


def levels_name(category_id: str, wanted: str, name: str, at: Location) -> Diagnostic:
    """Return the finding for a category whose file would be the levels file."""
    return diagnose(
        this_code,
        f"category '{category_id}' is written to {name}: its own file name, {wanted}, is the "
        "levels file's",
        at,
        "give the category an id other than 'levels' if its file should be named after it",
    )


def other_category(
    category_id: str,
    wanted: str,
    name: str,
    other_id: str,
    other_name: str,
    at: Location,
    other_at: Location,
) -> Diagnostic:
    """Return the finding for a category whose file name another category's file has.

    Names are the same when they differ only by case or punctuation.
    """
    return diagnose(
        this_code,
        f"category '{category_id}' is written to {name}: its own file name, {wanted}, is "
        f"taken by category '{other_id}' ({other_name})",
        at,
        "give the categories ids that differ by more than case or punctuation",
        (Related(other_at, "the other category"),),
    )


def existing_file(
    category_id: str, wanted: str, name: str, existing: str, at: Location
) -> Diagnostic:
    """Return the finding for a category whose file name a file in the output folder has."""
    return diagnose(
        this_code,
        f"category '{category_id}' is written to {name}: its own file name, {wanted}, is "
        f"taken by {existing}, already in the output folder",
        at,
        _HINT,
    )


def levels_kept(existing: str, at: Location) -> Diagnostic:
    """Return the finding for a levels file already in the output folder, kept as it is."""
    return diagnose(
        this_code,
        f"the output folder already has a levels file, {existing}; it is kept, and the "
        "import's levels are not written",
        at,
        "import into an empty folder, or move the levels file away and import again",
    )
