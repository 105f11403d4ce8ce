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

from pscatalog.diagnostics import Diagnostic, Severity
from pscatalog.rules._edits import scalar_span
from pscatalog.rules.base import Edit
from pscatalog.yamltext.loader import YAML11_READING as CODE
from pscatalog.yamltext.loader import Document

__all__ = ["CODE", "NAME", "SEVERITY", "SUMMARY"]

NAME = "yaml11-reading"
SEVERITY = Severity.WARNING
SUMMARY = "plain values read alike in YAML 1.1 and 1.2"


FIX = "safe"


def fix(doc: Document, diagnostic: Diagnostic) -> list[Edit]:
    """Quote the value, so that YAML 1.1 and 1.2 read the same string."""
    location = diagnostic.location
    span = scalar_span(doc, location.line, location.column)
    if span is None or span[2][:1] in ("'", '"'):
        return []
    start, end, text = span
    if text.startswith("0o") and text[2:].isdigit():
        return [Edit(location.line, start, end, str(int(text[2:], 8)))]
    return [Edit(location.line, start, end, f'"{text}"')]
