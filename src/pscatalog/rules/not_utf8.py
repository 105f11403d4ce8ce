"""The file is encoded as UTF-8.

YAML files are UTF-8. A file saved in another encoding (Windows-1252, Latin-1)
shows its accented letters as garbage in every other tool. The diagnostic points
at the first byte that is not UTF-8.

**Fix:** save the file as UTF-8.

Failing:

```yaml
name: Café training   # saved as Latin-1: the é is byte 0xE9
```

Passing:

```yaml
name: Café training
```
"""

from __future__ import annotations

import sys

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

CODE = "Y007"
NAME = "not-utf8"
SEVERITY = Severity.ERROR
SUMMARY = "the file is UTF-8"


def found(name: str, byte: int, line: int, column: int) -> Diagnostic:
    """Return the finding for ``byte``, which does not decode, at ``line``/``column``."""
    return diagnose(
        _THIS,
        f"is not valid UTF-8: byte 0x{byte:02x} cannot be decoded",
        Location(name, line, column),
        "save the file as UTF-8",
    )


_THIS = sys.modules[__name__]
