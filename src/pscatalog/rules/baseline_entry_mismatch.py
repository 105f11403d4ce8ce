"""Every baseline entry's fingerprint is the hash of what the entry says.

A baseline entry is matched by its fingerprint, the hash of its ``file``,
``code``, ``pointer``, subject (``value``, ``keys``, ``entries``, ``text`` or
``digest``) and ``occurrence``. A reviewer reads those fields, so an entry
whose fingerprint is the hash of something else would hide a finding the
review never saw: a fingerprint copied from another entry, or a field edited
by hand. Such an entry matches nothing, and is reported as an error at its
line of the baseline file.

**Fix:** record the baseline again with ``pscatalog baseline`` (and review what
the difference adds), rather than writing entries by hand.

Failing (an entry that reads as a note, with the fingerprint of an error):

```yaml
# pscatalog-baseline.json
# {"fingerprint": "d1f0…", "code": "N001", "file": "catalog/dedicated.yaml", ...}
```

Passing (the entry as ``pscatalog baseline`` writes it):

```yaml
# pscatalog-baseline.json
# {"fingerprint": "d1f0…", "code": "C201", "file": "catalog/education.yaml",
#  "pointer": "/level", "value": "nosuch", "message": "…"}
```
"""

from __future__ import annotations

import sys

from pscatalog.diagnostics import Diagnostic, Location, Severity, diagnose

CODE = "N005"
NAME = "baseline-entry-mismatch"
SEVERITY = Severity.ERROR
SUMMARY = "every baseline entry's fingerprint is the hash of its fields"


def found(baseline: str, line: int, column: int, code: str, file: str, pointer: str) -> Diagnostic:
    """Return the finding for the entry at ``line`` of ``baseline``, whose fingerprint lies.

    The entry says it records a ``code`` in ``file`` at the JSON ``pointer``;
    the finding is placed at the entry's ``line`` and ``column``, where its object
    starts.
    """
    return diagnose(
        _THIS,
        f"baseline entry {code} in {file} ({pointer or 'the file'}) has a fingerprint that is "
        "not the hash of its fields: it matches nothing",
        Location(baseline, line, column),
        "record the baseline again with 'pscatalog baseline' instead of editing its entries",
    )


_THIS = sys.modules[__name__]
