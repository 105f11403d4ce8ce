"""Plain values read the same in YAML 1.1 and YAML 1.2.

pscatalog reads YAML 1.2, where ``no``, ``on``, ``012`` and ``1:30`` are the
string "no", the string "on", the number 12 and the string "1:30". The
handbook's site tools (Ruby, Hugo) read YAML 1.1, where they are the boolean
false, true, the octal number 10 and the base-60 number 90. Such a value passes
the schema here and breaks a page there. Unquoted dates are reported too:
YAML 1.1 reads them as dates, not strings.

**Fix:** quote the value.

Failing:

```yaml
delivery_note: no
last_delivered: 2022-10-27
```

Passing:

```yaml
delivery_note: "no"
last_delivered: "2022-10-27"
```
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

if TYPE_CHECKING:
    from pscatalog.rules.base import FixContext
    from pscatalog.yamltext.edits import TextEdit

CODE = "Y003"

NAME = "yaml11-reading"
SEVERITY = Severity.WARNING
SUMMARY = "plain values read alike in YAML 1.1 and 1.2"


def found(
    name: str, value: str, reading: str, line: int, column: int, hint: str | None = None
) -> Diagnostic:
    """Return the finding for a plain ``value`` another reader reads as ``reading``."""
    return diagnose(
        sys.modules[__name__],
        f"{value!r} is read as {reading}",
        Location(name, line, column),
        hint or f'quote it: "{value}"',
    )


def superseded(diagnostic: Diagnostic, schema_places: set[tuple[int, int]]) -> bool:
    """Whether this is a Y003 about a value the schema reports at the same place.

    Such a value must change anyway (``maturity: yes`` is no maturity, quoted or
    not): the schema's finding says to what, and quoting would lead to it. One
    fault, one diagnostic.
    """
    location = diagnostic.location
    return diagnostic.code == CODE and (location.line, location.column) in schema_places


FIX = "safe"


def fix(context: FixContext, diagnostic: Diagnostic) -> list[TextEdit]:
    """Quote the value (or write an ``0o`` number in decimal): every reader then agrees.

    Only the scalar's own characters change, in a flow collection as in a
    block, for a key as for a value.
    """
    from pscatalog.yamltext.edits import quote_scalar  # the loader reports Y003: no cycle

    location = diagnostic.location
    node = context.tree.scalar_at(location.line, location.column)
    if node is None:
        return []
    edit = quote_scalar(context.tree, node)
    return [edit] if edit is not None else []
