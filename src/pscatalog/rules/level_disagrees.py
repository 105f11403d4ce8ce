"""The level an entry gives agrees with the level of its category.

GitLab's file gives every entry ``level: 1 - Product``. In the catalog, the
level belongs to the category: Implementation, Integration and Migration are
level 1 (Product), Education level 2 (Adoption), Dedicated and Expert level 3
(Transformation), as this project's levels decision says. Import files each
entry under its category's level, keeps the source's value under
``imported.unmapped``, and reports the disagreement once per category, with
the other entries as related places.

**Fix:** nothing in the catalog, if the decision holds; otherwise change the
category's level in the catalog, with the reason in the CHANGELOG.

Failing:

```yaml
- id: training_sessions_basics
  category: Education
  level: 1 - Product
```

Passing:

```yaml
- id: training_sessions_basics
  category: Education
  level: 2 - Adoption
```
"""

from __future__ import annotations

from collections.abc import Iterable

from pscatalog.diagnostics import Diagnostic, Location, Related, Severity, diagnose
from pscatalog.rules import level_disagrees as this_code  # diagnose() stamps its code

CODE = "I007"
NAME = "level-disagrees"
SEVERITY = Severity.WARNING
SUMMARY = "the source's level agrees with the catalog's levels"


def finding(
    shown: str, category_id: str, level: str, at: Location, others: Iterable[Location] = ()
) -> Diagnostic:
    """Return the finding for a source level (``shown`` as quoted) that is not its category's.

    ``level`` is the category's level as the file writes it (``2 - Adoption``);
    ``others`` are the places of the same level in the category's other entries.
    """
    return diagnose(
        this_code,
        f"level {shown} disagrees with the catalog, which puts category '{category_id}' at "
        f"level {level}; the source's value is kept under imported.unmapped",
        at,
        "nothing to do if the levels decision holds; otherwise change the category's level in "
        "the catalog",
        [Related(other, "also this level") for other in others],
    )
