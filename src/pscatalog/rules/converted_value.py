"""A value whose meaning is clear is converted to the catalog's form, and said so.

A link relative to the site (``/services/education/gitlab-basics/``) becomes
``https://about.gitlab.com/services/education/gitlab-basics/``; an
approximate duration (``~1-3 days``) becomes a range of days; a sentence that
gives one total length (``Estimated to be 3 weeks total``) becomes that
length, with the sentence as its note; a price description that says what
one price buys (``$14,400 for 48 hour block``) gives the unit when the entry
has none; a "Consulting" entry goes to the category of what it sells. Each
conversion is reported at its source line, so that the import can be
reviewed line by line.

**Fix:** nothing is wrong; write the value in the catalog's form in the
source to silence the note.

Failing:

```yaml
- id: integration_jira
  desc_url: /services/integration/
```

Passing:

```yaml
- id: integration_jira
  desc_url: https://about.gitlab.com/services/integration/
```
"""

from __future__ import annotations

from typing import Any

from pscatalog.catalog.values import duration_text, duration_words, shown
from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose
from pscatalog.rules import converted_value as this_code  # diagnose() stamps its code

CODE = "I011"
NAME = "converted-value"
SEVERITY = Severity.INFO
SUMMARY = "a value is converted to the catalog's form"


def site_path(key: str, value: str, url: str, at: Location) -> Diagnostic:
    """Return the note for a link written as a path on GitLab's site."""
    return diagnose(
        this_code, f"{key} '{value}' is a path on GitLab's site; it is imported as '{url}'", at
    )


def consulting(category_id: str, what: str, at: Location) -> Diagnostic:
    """Return the note for a "Consulting" entry filed under the category of what it sells."""
    return diagnose(
        this_code,
        f"category 'Consulting' is imported as '{category_id}': the entry sells {what}",
        at,
    )


def custom_sku(value: str, at: Location) -> Diagnostic:
    """Return the note for a SKU value that means a custom SOW."""
    return diagnose(
        this_code, f"sku '{value}' means a custom SOW; the variant is sold without a SKU", at
    )


def class_size(value: str, size: int, at: Location) -> Diagnostic:
    """Return the note for a class size written as words."""
    return diagnose(this_code, f"class_size '{value}' is imported as {size} attendees", at)


def duration_as_text(value: str, duration: dict[str, Any], at: Location) -> Diagnostic:
    """Return the note for a number of days written as text."""
    return diagnose(
        this_code,
        f"duration '{value}' is written as text; it is imported as {duration_text(duration)}",
        at,
        "write the duration as a number of days",
    )


def described_duration(text: str, duration: dict[str, Any], at: Location) -> Diagnostic:
    """Return the note for a ``duration_desc`` read as a duration."""
    return diagnose(
        this_code, f"duration_desc '{text}' is imported as {duration_words(duration)}", at
    )


def described_unit(text: str, unit: str, at: Location) -> Diagnostic:
    """Return the note for a price whose unit is read from its description."""
    return diagnose(
        this_code,
        f"price_desc {shown(text)} gives the price of one {unit}; its unit is imported as '{unit}'",
        at,
        f"write it in the entry: unit: {unit}",
    )
