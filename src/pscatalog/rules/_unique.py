"""Shared logic of the uniqueness rules: one pass, first occurrence wins."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator

from pscatalog.catalog.model import Place
from pscatalog.catalog.names import invisible, name_key
from pscatalog.rules.base import Also, Finding

__all__ = ["ALREADY_USED", "name_key", "repeats", "shown_name"]

ALREADY_USED = "already used here"
"""What the first occurrence of a repeated value is, as a related place."""


def shown_name(name: str) -> str:
    r"""Return a name for a message, its invisible characters written as escapes (``\u200b``)."""
    return "".join(_escaped(character) if invisible(character) else character for character in name)


def _escaped(character: str) -> str:
    code = ord(character)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def repeats(
    items: Iterable[tuple[Hashable, str, Place]], what: str, hint: str
) -> Iterator[Finding]:
    """Yield a finding for each item whose key was seen before.

    ``items`` are ``(key, shown, place)``: the key compared, the value as the
    file writes it (invisible characters are shown as escapes), and where it
    is. Each repeat is reported at its own place, with the first occurrence as
    the related place.
    """
    first: dict[Hashable, Place] = {}
    for key, shown, place in items:
        if key not in first:
            first[key] = place
            continue
        related = (Also(first[key], ALREADY_USED),)
        yield Finding(f"{what} '{shown_name(shown)}' is already used", place, hint, related)
