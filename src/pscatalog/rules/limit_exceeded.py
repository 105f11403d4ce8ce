"""The file stays within the loader's limits.

A validator runs on every commit and must never hang or exhaust memory. Files
over the size limit (64 MiB), nesting deeper than 256 levels (counted with
aliases expanded: an alias to a deeply nested anchor is reported at the
alias), and aliases that expand to more than 100,000 values (the "billion
laughs" attack) are reported and not read further, by every command.

**Fix:** split the file, flatten it, or write repeated values out instead of
repeating anchors.

Failing:

```yaml
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
# ... and so on, each level ten times the last
```

Passing:

```yaml
a: [x, x, x]
```
"""

from __future__ import annotations

import sys

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

CODE = "Y009"
NAME = "limit-exceeded"
SEVERITY = Severity.ERROR
SUMMARY = "the file stays within the loader's limits"


def file_size(name: str, size: int, limit: int) -> Diagnostic:
    """Return the finding for a file larger than the limit (it is not read)."""
    return diagnose(
        _THIS,
        f"file is {size:,} bytes, more than the limit of {limit:,}",
        Location(name, 1, 1),
        "split the file, or raise the limit if the file is genuine",
    )


def depth(name: str, limit: int, line: int, column: int) -> Diagnostic:
    """Return the finding for nesting deeper than the limit, where it goes deeper."""
    return diagnose(
        _THIS,
        f"nesting is deeper than the limit of {limit} levels",
        Location(name, line, column),
    )


def alias_depth(name: str, alias: str, limit: int, line: int, column: int) -> Diagnostic:
    """Return the finding for an alias whose value would nest the data deeper than the limit."""
    return diagnose(
        _THIS,
        f"the alias '*{alias}' nests the data deeper than the limit of {limit} levels",
        Location(name, line, column),
        "write the value out here, or refer to a less deeply nested one",
    )


def aliases(name: str, limit: int, line: int, column: int) -> Diagnostic:
    """Return the finding for the alias past which aliases add more values than the limit."""
    return diagnose(
        _THIS,
        f"aliases expand to more than {limit:,} values",
        Location(name, line, column),
        "write the values out instead of repeating anchors",
    )


_THIS = sys.modules[__name__]
