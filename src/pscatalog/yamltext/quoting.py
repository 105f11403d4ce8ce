"""How pscatalog writes a scalar: plain where every reader agrees, double-quoted otherwise.

The rule: a string pscatalog writes is a string for every common reader,
YAML 1.2 (ruamel.yaml, libyaml's core schema) and YAML 1.1 (PyYAML, Ruby's
Psych, go-yaml v2, Hugo), and reads back as exactly the same string. A plain
scalar is written only when it cannot be read any other way: no indicator
first, nothing a reader resolves (``no``, ``012``, ``1:30``, ``2022-10-27``,
``1,000``, ``.inf``, ``y``, ``=``, ``<<``), nothing that looks like a number
at all, no leading or trailing space, no character that is not printable.
Every other string is double-quoted, with escapes for what cannot stand as
itself: control characters, line breaks, the byte order mark, and the
bidirectional controls that could make a file read differently than it shows.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pscatalog.yamltext.scalars import number_like, number_text, resolve_plain, yaml11_reading

INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""Characters that cannot start a plain scalar (YAML's indicators)."""
FLOW_INDICATORS = frozenset(",[]{}:?")
"""Characters that end a plain scalar inside a flow collection (``?`` too, for YAML 1.1)."""
MAX_IMPLICIT_KEY = 1024
"""libyaml's limit on a key written without ``?``; longer keys need the explicit form."""

_ESCAPES = {
    "\0": "\\0",
    "\x07": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\x0b": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    '"': '\\"',
    "\\": "\\\\",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}
# Bidirectional controls: legal in YAML, but they can make a value read differently
# than its bytes say ("Trojan source"); written as escapes, they show.
_LOGGING_COMMAND = re.compile(r"(##(?:vso)?)\[")
"""A logging command of Azure Pipelines or GitHub Actions, which a runner obeys in any line."""
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")


class UnwritableValue(ValueError):
    """A value YAML has no form for: a lone surrogate, a number JSON cannot carry."""


def printable(character: str) -> bool:
    """Whether ``character`` may stand as itself in a plain or quoted scalar."""
    code = ord(character)
    if 0x20 <= code <= 0x7E:
        return True
    if character in _BIDI:
        return False
    return (
        0xA0 <= code <= 0xD7FF
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or 0x10000 <= code <= 0x10FFFF
    ) and code not in (0x2028, 0x2029)


_UNPRINTABLE = re.compile(
    "[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    "|[\u2028\u2029" + "".join(sorted(_BIDI)) + "]"
)
"""Any character :func:`printable` refuses."""


@lru_cache(maxsize=1 << 16)
def plain_ok(text: str, *, flow: bool = False) -> bool:
    """Whether ``text`` can be written plain and be read as this very string by every reader.

    ``flow`` is for a scalar inside a flow collection (``[a, b]``, ``{k: v}``),
    where commas, brackets, braces and colons end it.
    """
    if not text or text[0] in INDICATORS or text[0] in " \t" or text[-1] in " \t:":
        return False
    if ": " in text or " #" in text or "\t" in text or text.startswith(("---", "...")):
        return False
    if "##" in text and _LOGGING_COMMAND.search(text):
        return False  # a CI runner's command, wherever it stands in a line of a log
    if flow and any(character in FLOW_INDICATORS for character in text):
        return False
    if _UNPRINTABLE.search(text) is not None:
        return False
    if number_like(text):
        return False
    return isinstance(resolve_plain(text), str) and yaml11_reading(text) is None


def double_quoted(text: str) -> str:
    """Return ``text`` as a double-quoted scalar that every reader reads back exactly.

    Raises :class:`UnwritableValue` for a lone surrogate, which no YAML
    reader accepts in any form.
    """
    parts = ['"']
    for character in text:
        escape = _ESCAPES.get(character)
        if escape is not None:
            parts.append(escape)
        elif printable(character):
            parts.append(character)
        else:
            code = ord(character)
            if 0xD800 <= code <= 0xDFFF:
                raise UnwritableValue(f"a lone surrogate (U+{code:04X}) cannot be written as YAML")
            if code <= 0xFF:
                parts.append(f"\\x{code:02X}")
            elif code <= 0xFFFF:
                parts.append(f"\\u{code:04X}")
            else:
                parts.append(f"\\U{code:08X}")
    parts.append('"')
    quoted = "".join(parts)
    # '##[' runs as a CI runner's command anywhere in a printed line: its bracket is
    # written as an escape (the same string for every reader).
    return _LOGGING_COMMAND.sub(r"\1\\x5B", quoted) if "##" in quoted else quoted


def string_text(text: str, *, flow: bool = False) -> str:
    """Return a string as pscatalog writes it: plain if :func:`plain_ok`, else double-quoted."""
    return text if plain_ok(text, flow=flow) else double_quoted(text)


def scalar_text(value: Any, *, flow: bool = False) -> str:
    """Return a scalar value (string, number, boolean or ``None``) as pscatalog writes it.

    ``None`` is ``null``, written out so that it reads as null everywhere.
    Raises :class:`UnwritableValue` for a value with no portable form.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        try:
            return number_text(value)
        except ValueError as exc:
            raise UnwritableValue(str(exc)) from None
    if isinstance(value, str):
        return string_text(value, flow=flow)
    raise UnwritableValue(f"a {type(value).__name__} is not a YAML scalar")


MERGE_KEY_STRING = '!!str "<<"'
"""A key that is the string ``<<``: quoting alone is not enough, since Ruby's Psych merges a
quoted ``"<<"`` whose value is a mapping; an explicit string tag is read as a string by
every reader."""


def key_text(key: str, *, flow: bool = False) -> str:
    """Return a mapping key as pscatalog writes it (never a ``<<`` any reader would merge)."""
    if key == "<<":
        return MERGE_KEY_STRING
    return string_text(key, flow=flow)
