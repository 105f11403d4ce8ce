"""How names and texts are compared when a reader could not tell them apart.

Uniqueness rules (two offerings named alike), renames (an offering whose id
changed but whose name did not) and the rules for changes (a reason that is
the old one) all ask the same question: would a person reading the page see
the same words?
"""

from __future__ import annotations

import re
import unicodedata

# Characters that take no space on a page: format characters (zero-width space and
# joiners, the soft hyphen, word joiner, tags, bidirectional marks) and the few
# default-ignorable characters of other categories (variation selectors, the
# combining grapheme joiner, the Hangul fillers).
_IGNORABLE_OTHERS = re.compile("[\u034f\u115f\u1160\u3164\uffa0\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def invisible(character: str) -> bool:
    """Whether a character takes no space on a page (a zero-width space, a soft hyphen)."""
    return unicodedata.category(character) == "Cf" or bool(_IGNORABLE_OTHERS.match(character))


def name_key(name: str) -> str:
    """Return a name as a reader sees it, to compare.

    Two names a reader cannot tell apart compare equal: letter case, spaces
    around and between words (any kind of space, any number of them),
    compatibility forms (a full-width letter, the ligature "ﬁ") and
    characters that take no space (a zero-width space, a soft hyphen) make
    no difference. Letters of other scripts that look alike (a Cyrillic "ie")
    are other letters.
    """
    text = unicodedata.normalize("NFKC", name)
    text = "".join(character for character in text if not invisible(character))
    return unicodedata.normalize("NFKC", " ".join(text.split()).casefold())


def words_key(text: str) -> str:
    """Return what a sentence says, to compare: :func:`name_key`, its final punctuation aside."""
    key = name_key(text)
    end = len(key)
    while end and unicodedata.category(key[end - 1]).startswith("P"):
        end -= 1
    return key[:end].rstrip()
