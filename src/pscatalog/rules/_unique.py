"""Shared logic of the uniqueness rules: one pass, first occurrence wins."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable, Iterator

from pscatalog.catalog.model import Place
from pscatalog.rules.base import Also, Finding

ALREADY_USED = "already used here"
"""What the first occurrence of a repeated value is, as a related place."""

# Characters that take no space on a page: format characters (zero-width space and
# joiners, the soft hyphen, word joiner, tags, bidirectional marks) and the few
# default-ignorable characters of other categories (variation selectors, the
# combining grapheme joiner, the Hangul fillers).
_IGNORABLE_OTHERS = re.compile("[\u034f\u115f\u1160\u3164\uffa0\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def _invisible(character: str) -> bool:
    return unicodedata.category(character) == "Cf" or bool(_IGNORABLE_OTHERS.match(character))


def name_key(name: str) -> str:
    """Return a name as uniqueness rules compare it.

    Two names a reader cannot tell apart compare equal: letter case, spaces
    around and between words (any kind of space, any number of them),
    compatibility forms (a full-width letter, the ligature "ﬁ") and
    characters that take no space (a zero-width space, a soft hyphen) make
    no difference.
    """
    text = unicodedata.normalize("NFKC", name)
    text = "".join(character for character in text if not _invisible(character))
    return unicodedata.normalize("NFKC", " ".join(text.split()).casefold())


def shown_name(name: str) -> str:
    r"""Return a name for a message, its invisible characters written as escapes (``\u200b``)."""
    return "".join(
        _escaped(character) if _invisible(character) else character for character in name
    )


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
