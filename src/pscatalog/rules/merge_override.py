"""A merge (``<<``) never sets a key the mapping has already set.

A merge key copies the keys of another mapping into this one. YAML 1.2 and
PyYAML let a key written in the mapping win over a merged one wherever the
merge stands; Ruby's YAML reader (behind the handbook's site) lets whatever
comes last win. A merge written after a key it also brings in therefore
reads differently for the handbook than for pscatalog: a maturity can be
`minimal` for the checks and `lovable` on the site. Two mappings merged
together that bring in the same key disagree the same way.

**Fix:** put the merge first in the mapping (keys written after it then win
for every reader), or remove the key from one of the places.

Failing:

```yaml
base: &base
  maturity: lovable
offering:
  maturity: minimal
  <<: *base
```

Passing:

```yaml
base: &base
  maturity: lovable
offering:
  <<: *base
  maturity: minimal
```
"""

from __future__ import annotations

import sys

from pscatalog.diagnostics import Diagnostic, Location, Related, Severity, diagnose

CODE = "Y010"
NAME = "merge-override"
SEVERITY = Severity.ERROR
SUMMARY = "a merge never sets a key the mapping has already set"


def found(
    name: str, key: str, line: int, column: int, first: tuple[int, int], *, by_merge: bool
) -> Diagnostic:
    """Return the finding for the merge at ``line``/``column`` that brings in ``key``.

    ``first`` is where the mapping already set it, or (``by_merge``) the merge
    that also brings it in.
    """
    if by_merge:
        message = f"two merges bring in '{key}': YAML readers disagree on which value wins"
        hint = "merge mappings that do not share keys, or set the key in the mapping itself"
        label = "also brought in here"
    else:
        message = (
            f"the merge brings in '{key}', which this mapping already sets: "
            "YAML readers disagree on which value wins"
        )
        hint = "put the merge first in the mapping, or remove one of the two values"
        label = "already set here"
    return diagnose(
        _THIS,
        message,
        Location(name, line, column),
        hint,
        (Related(Location(name, *first), label),),
    )


_THIS = sys.modules[__name__]
