"""What a scalar means: the YAML 1.2 core schema, and how YAML 1.1 readers read it.

pscatalog reads YAML 1.2 (the core schema, tag by tag, never building an
object a file asks for). The handbook's other readers are YAML 1.1 tools:
PyYAML, Ruby's Psych (behind the handbook's site), go-yaml v2 (behind Hugo).
They read some plain scalars differently: ``no`` is false, ``012`` is 10,
``1:30`` is 90, ``2022-10-27`` is a date, ``1,000`` is 1000 in Ruby, ``y`` is
true in go-yaml. This module is the one place that knows both readings; the
loader, the formatter, the emitter and the writer's checks all ask it.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any, Literal

CORE = "tag:yaml.org,2002:"
"""The prefix of the core schema's tags (``!!str`` is ``tag:yaml.org,2002:str``)."""

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT_DEC = re.compile(r"[-+]?[0-9]+")
_INT_OCT = re.compile(r"0o[0-7]+")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_NUMBER_START = frozenset("0123456789+-.")
_MAX_DIGITS = 102
_INT_BOUND = 10**100
_INTEGERS = ((_INT_DEC, 0, 10), (_INT_OCT, 2, 8), (_INT_HEX, 2, 16))
"""The core schema's integer forms: pattern, prefix length, base."""

# How YAML 1.1 readers read plain scalars that YAML 1.2 reads as strings.
_YAML11_BOOLS = {
    word: value
    for value, words in ((True, ("yes", "on")), (False, ("no", "off")))
    for base in words
    for word in (base, base.capitalize(), base.upper())
}
_YAML11_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_YAML11_UNDERSCORED = re.compile(r"[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)")
YAML11_OCTAL = re.compile(r"[-+]?0[0-7]+")
"""Integers YAML 1.1 reads in base 8 (``012`` is 10) and YAML 1.2 in base 10."""
_YAML11_BINARY = re.compile(r"[-+]?0b[01]+")
_YAML11_SIGNED_HEX = re.compile(r"[-+]0x[0-9a-fA-F]+")
# PyYAML's YAML 1.1 numbers, to say how it reads a value YAML 1.2 reads as a number.
_PYYAML_INT = re.compile(
    r"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
)
_PYYAML_FLOAT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
)
_YAML11_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?"
)
_RUBY_COMMA_NUMBER = re.compile(r"[-+]?[0-9][0-9_]*(?:,[0-9_]*)+(?:\.[0-9]*)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|nan)", re.IGNORECASE)
# Words some YAML 1.1 reader takes for something else, compared in lowercase: Ruby's
# Psych reads booleans and nulls in any letter case, go-yaml v2 reads y and n as
# booleans, PyYAML reads '=' as a value tag and '<<' as a merge.
_YAML11_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"})
_YAML11_MARKERS = frozenset({"=", "<<"})
# The characters of every number, date and time form of every reader, with the words
# inf and nan: a plain scalar that starts like a number and holds nothing else is
# quoted, whether or not one of the patterns above names its form.
_NUMBER_LIKE = re.compile(r"[-+]?(?:\.?(?:inf|nan)|[0-9.][0-9a-f_.,:xobetz \t+-]*)", re.IGNORECASE)
# Non-string scalars written in a form that YAML 1.1 readers read alike.
_INT_ALIKE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)|0x[0-9a-fA-F]+")
_FLOAT_ALIKE = re.compile(r"[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?")

Problem = Literal["invalid", "disallowed"] | None
"""Why a tagged scalar has no core value: its text does not fit its tag, or the tag is
not one of the core schema's."""


def resolve_plain(value: str) -> Any:
    """Resolve a plain scalar by the YAML 1.2 core schema.

    Numbers JSON cannot carry stay text, which the schema reports where a
    number belongs: ``.inf`` and ``.nan``, floats too large for a double, and
    integers of more than a hundred digits (Python refuses to print those).
    """
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if value[0] not in _NUMBER_START:
        return value
    if _FLOAT.fullmatch(value) and not _INT_DEC.fullmatch(value):
        number = float(value)
        return number if math.isfinite(number) else value
    for pattern, skip, base in _INTEGERS:
        if pattern.fullmatch(value):
            if len(value) > _MAX_DIGITS:
                return value
            integer = int(value[skip:], base)
            return integer if abs(integer) < _INT_BOUND else value
    return value


@lru_cache(maxsize=1 << 16)
def resolve_scalar(text: str, tag: str | None, plain: bool) -> tuple[Any, Problem]:
    """Return the YAML 1.2 value of a scalar, and the problem with its tag if any.

    ``tag`` is the scalar's tag as the parser gives it (``None`` when it has
    none); ``plain`` whether it is written without quotes or block indicator.
    A scalar with a problem reads as its text.
    """
    if tag is None or tag == "!":
        if tag is None and plain:
            return resolve_plain(text), None
        return text, None
    short = tag[len(CORE) :] if tag.startswith(CORE) else None
    if short in ("str", "timestamp"):
        return text, None
    if short in ("int", "float", "bool", "null"):
        resolved: Any = resolve_plain(text) if text else None
        if _is_core_type(short, resolved):
            return (float(resolved) if short == "float" else resolved), None
        return text, "invalid"
    return text, "disallowed"


def _is_core_type(short: str, resolved: Any) -> bool:
    """Whether a resolved scalar is of the core type an explicit tag names."""
    if short == "bool":
        return isinstance(resolved, bool)
    if short == "null":
        return resolved is None
    if isinstance(resolved, bool):
        return False
    return isinstance(resolved, int if short == "int" else (int, float))


BY_YAML11 = "by YAML 1.1 tools such as Ruby and Hugo"
"""Who reads the YAML 1.1 way, as messages say it."""


def yaml11_reading(value: str) -> str | None:
    """Describe how another reader reads a plain scalar that YAML 1.2 reads as a string.

    The description reads after "is read as": what the value becomes, and by
    whom. ``None`` when every reader reads it as the same string.
    """
    if not value:
        return None
    if value in _YAML11_BOOLS:
        return f"the boolean {str(_YAML11_BOOLS[value]).lower()} {BY_YAML11}"
    lowered = value.lower()
    if lowered in _YAML11_WORDS:
        if lowered in ("y", "n"):
            return "a boolean by go-yaml v2 (behind Hugo)"
        return "a boolean or null by Ruby"
    if value == "=":
        return "a value marker by PyYAML, which refuses to read it"
    if value == "<<":
        return "a merge key by every YAML reader"
    if value[0] not in _NUMBER_START:
        return None
    return _number_reading(value)


def _number_reading(value: str) -> str | None:
    if ":" in value and _YAML11_SEXAGESIMAL.fullmatch(value):
        return f"a base-60 number {BY_YAML11}"
    if "-" in value and _YAML11_TIMESTAMP.fullmatch(value):
        return f"a date, not a string, {BY_YAML11}"
    if _YAML11_BINARY.fullmatch(value):
        return f"the number {int(value.replace('0b', ''), 2)} {BY_YAML11}"
    if _YAML11_SIGNED_HEX.fullmatch(value):
        return f"the number {int(value, 16)} {BY_YAML11}"
    if "_" in value and _YAML11_UNDERSCORED.fullmatch(value):
        return f"a number {BY_YAML11}"
    if "," in value and _RUBY_COMMA_NUMBER.fullmatch(value):
        return "a number by Ruby"
    if _SPECIAL_FLOAT.fullmatch(value) or _core_number(value):
        # Text here only because JSON cannot carry it: other readers read a number.
        return "a number by other YAML readers (JSON has no such number: it stays text here)"
    return None


def _core_number(value: str) -> bool:
    """Whether the core schema's number forms take ``value`` (however large)."""
    return _FLOAT.fullmatch(value) is not None or any(
        pattern.fullmatch(value) for pattern, _, _ in _INTEGERS
    )


def number_kept_as_text(text: str) -> bool:
    """Whether the core schema reads plain ``text`` as a number that pscatalog keeps as text.

    ``.inf``, ``.nan``, a float too large for a double, an integer of more than a
    hundred digits: every other YAML reader reads a number there, so writing
    the text quoted would change the value for all of them.
    """
    if not text or text[0] not in _NUMBER_START:
        return False  # most text: no number of any reader starts so
    return _SPECIAL_FLOAT.fullmatch(text) is not None or (
        _core_number(text) and isinstance(resolve_plain(text), str)
    )


def number_like(text: str) -> bool:
    """Whether a plain scalar looks like a number, a date or a time of some reader.

    It starts like a number and holds only what those are made of. Not a
    reading of any reader: a safety margin for quoting, so that a form no
    pattern here names (a reader's quirk) is quoted too.
    """
    return _NUMBER_LIKE.fullmatch(text) is not None


@lru_cache(maxsize=1 << 16)
def reads_alike(text: str) -> bool:
    """Whether every YAML 1.1 reader reads the plain scalar ``text`` as YAML 1.2 does."""
    value = resolve_plain(text)
    if isinstance(value, str):
        return yaml11_reading(text) is None
    if value is None or isinstance(value, bool):
        # The core schema's spellings of null and the booleans mean the same in 1.1.
        return True
    if isinstance(value, int):
        return _INT_ALIKE.fullmatch(text) is not None and not YAML11_OCTAL.fullmatch(text)
    return _FLOAT_ALIKE.fullmatch(text) is not None


def yaml11_number_reading(text: str) -> str | None:
    """Describe how YAML 1.1 reads a plain scalar that YAML 1.2 reads as a number, if otherwise.

    The description reads after "is read as", as :func:`yaml11_reading`'s.
    ``None`` when every reader reads the same number.
    """
    if reads_alike(text):
        return None
    if _PYYAML_INT.fullmatch(text):
        digits = text.replace("_", "")
        if YAML11_OCTAL.fullmatch(digits):
            return f"the octal number {int(digits, 8)} {BY_YAML11}"
        return f"the number {int(digits, 0)} {BY_YAML11}"
    if _PYYAML_FLOAT.fullmatch(text):
        return f"the number {float(text.replace('_', ''))} {BY_YAML11}"
    return f"a string, not a number, {BY_YAML11}"


def number_text(value: int | float) -> str:
    """Return a number written so that YAML 1.2 and every YAML 1.1 reader read it alike.

    Raises :class:`ValueError` for a float that is not finite or an integer
    that JSON and the loader do not carry as a number (more than a hundred
    digits): they have no such form.
    """
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        if abs(value) >= _INT_BOUND:
            raise ValueError(f"an integer of {len(str(abs(value)))} digits has no portable form")
        return str(value)
    if not math.isfinite(value):
        raise ValueError(f"{value!r} has no portable form")
    mantissa, separator, exponent = repr(value).partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + separator + exponent
