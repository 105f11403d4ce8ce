"""Shared logic of the uniqueness rules: one pass, first occurrence wins."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator

from pscatalog.catalog.model import Place
from pscatalog.rules.base import Also, Finding

ALREADY_USED = "already used here"
"""What the first occurrence of a repeated value is, as a related place."""


def repeats(
    items: Iterable[tuple[Hashable, str, Place]], what: str, hint: str
) -> Iterator[Finding]:
    """Yield a finding for each item whose key was seen before.

    ``items`` are ``(key, shown, place)``: the key compared, the value as the
    file writes it, and where it is. Each repeat is reported at its own place,
    with the first occurrence as the related place.
    """
    first: dict[Hashable, Place] = {}
    for key, shown, place in items:
        if key not in first:
            first[key] = place
            continue
        related = (Also(first[key], ALREADY_USED),)
        yield Finding(f"{what} '{shown}' is already used", place, hint, related)
