"""A maturity rises at most one step in one change, unless new evidence comes with it.

A maturity claim is what sales and customers rely on. Going from ``minimal``
to ``complete`` in one merge request, with no new evidence, is a claim nobody
checked: either a step was skipped or the evidence that justifies it is
missing from the change. New evidence is a link, document or note that was not
there before (in any field of the evidence, or as the offering's other links),
a larger number of deliveries or a later ``last_delivered``; evidence that is
only reordered, moved between fields, requoted or removed is not new. Checked by
``pscatalog diff OLD NEW --check``.

**Fix:** raise the maturity one step, or record the evidence that supports the new
level (``evidence``) in the same change.

Failing:

```yaml
# before: maturity: minimal
maturity: complete
```

Passing:

```yaml
# before: maturity: minimal
maturity: viable
evidence:
  deliveries: 1
```
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import unquote, urlsplit

from pscatalog.catalog.model import MATURITIES, Catalog, Offering
from pscatalog.catalog.names import words_key
from pscatalog.catalog.pairing import Pairing
from pscatalog.diagnostics import Severity
from pscatalog.rules.base import Finding

CODE = "D001"
NAME = "maturity-jump"
SEVERITY = Severity.ERROR
SUMMARY = "a maturity rises one step at a time, unless new evidence comes with it"


def check(pairing: Pairing, old: Catalog, new: Catalog) -> Iterator[Finding]:
    """Yield offerings whose maturity rose more than one step with the same evidence."""
    for before, after in pairing.pairs:
        old_rank, new_rank = before.maturity_rank, after.maturity_rank
        if old_rank is None or new_rank is None or new_rank - old_rank <= 1:
            continue
        if _adds_evidence(before.entry.data, after.entry.data):
            continue
        steps = new_rank - old_rank
        yield Finding(
            f"'{_name(after)}' rises from '{MATURITIES[old_rank]}' to '{MATURITIES[new_rank]}' "
            f"({steps} steps) with no new evidence",
            after.entry.at("maturity"),
            f"raise it one step, to '{MATURITIES[old_rank + 1]}', or record the evidence for "
            f"'{MATURITIES[new_rank]}' in the same change",
        )


def _name(offering: Offering) -> str:
    return offering.entry.text("id") or offering.entry.text("name") or "?"


def _adds_evidence(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Whether the offering ``after`` holds evidence ``before`` did not.

    Every text of the old evidence, and the offering's other links (its
    ``url``, its variants' ``standard_sow``), is known, in whichever field it
    was: a link moved to another field, copied, reordered or requoted is not
    new, nor is one that differs only by letter case, a final ``/`` or a
    ``#fragment``. More deliveries are new; a later ``last_delivered`` is new;
    another number (an NPS) is new when it changed.
    """
    old, new = before.get("evidence"), after.get("evidence")
    known = {_text(value) for _, value in _leaves(old) if isinstance(value, str)}
    known.update(_text(link) for link in _other_links(before))
    old_values = dict(_leaves(old))
    for key, value in _leaves(new):
        previous = old_values.get(key)
        if _is_number(value):
            grew = value > (previous if _is_number(previous) else 0)
            if grew if key[-1] == "deliveries" else value != previous:
                return True
        elif isinstance(value, str) and value.strip():
            if key[-1] == "last_delivered":
                if _later_delivery(value, previous):
                    return True
            elif _text(value) not in known:
                return True
    return False


def _later_delivery(value: str, previous: Any) -> bool:
    """Whether ``value`` is a real date after ``previous`` (if any), and not in the future."""
    day = _date(value)
    if day is None or day > date.today():
        return False
    before = _date(previous) if isinstance(previous, str) else None
    return before is None or day > before


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:  # 2022-13-45, 2022-02-30: no such day
        return None


def _leaves(value: Any, key: tuple[str, ...] = ("",)) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Yield each scalar under ``value`` with the keys that lead to it (list items share theirs)."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _leaves(item, (*key, str(name)))
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item, key)
    elif value is not None:
        yield key, value


def _other_links(offering: dict[str, Any]) -> Iterator[str]:
    """Yield the offering's links outside its evidence: its url, its variants' SOWs."""
    if isinstance(offering.get("url"), str):
        yield offering["url"]
    for variant in offering.get("variants") or ():
        if isinstance(variant, dict) and isinstance(variant.get("standard_sow"), str):
            yield variant["standard_sow"]


def _text(value: str) -> str:
    """Return a text as evidence compares it: a link as it leads, a note as it reads.

    A link is compared without what does not change where it leads: ``http``
    against ``https``, letter case, a default port, ``.`` and ``..``
    segments, percent-encoded letters, an empty query, a fragment and a final
    ``/``. Other text is compared as a reader sees it
    (:func:`~pscatalog.catalog.names.words_key`).
    """
    text = value.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:  # a malformed host or port: compared as text
        return words_key(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return words_key(text)
    host = (parts.hostname or "").casefold()
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    path = posixpath.normpath(unquote(parts.path) or "/").rstrip("/")
    query = f"?{unquote(parts.query)}" if parts.query else ""
    # Letter case aside too: a link that differs from a known one only by case is not new.
    return f"web://{host}{'' if path == '.' else path}{query}".casefold()


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
