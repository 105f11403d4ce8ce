"""Values as people write them in a services file, and as the catalog holds them.

Import reads prices and durations written as text (``"$14,400"``, ``"2-3
days"``, ``"Estimated to be 3 weeks total"``) with these parsers; export
writes them back with the formatters beside them, which the parsers read
back to the same value. Each parser returns ``None`` for text whose meaning
is not clear: the caller keeps such text as it is and says so.

Decisions (each has a test):

- **Money** has at most two decimals, so a point or a comma followed by
  exactly three digits separates thousands: ``"$14,400"``, ``"14.400 €"`` and
  ``"USD 14,400"`` are all 14400. A point or comma followed by one or two
  digits at the end is the decimal mark (``"1.234,50 €"`` is 1234.5).
  ``k`` and ``M`` multiply (``"$1.5k"`` is 1500). ``$`` and ``US$`` are US
  dollars, ``€`` euros, ``£`` pounds; a code of a common currency may stand
  before or after the figure. Words ("Call for pricing", "Varies") and
  ranges are not one price.
- **A duration** is a length in hours, days, weeks or months (years become
  months); ``~`` before it is dropped. Written alone (``"3 months"``, ``"2-3
  days"``, ``"1 to 2 weeks"``, ``"half a day"``, ``"one week"``), after a
  comma it may carry a note (``"3 months, 40 hours per week"``), or a note in
  parentheses (``"5 days (remote)"``). In a sentence, it is read when the
  sentence gives exactly one total length (``"Estimated to be 3 weeks
  total"``), and the whole sentence is kept as the note. Lengths of parts
  (``"two 4-hour sessions"``, ``"48 hour blocks"``), rates (``"8 hours per
  week"``) and bounds (``"up to 3 days"``, ``"48 of 52 weeks"``) are not the
  length of the engagement: a sentence with no other length is not clear.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

# -- numbers


def is_number(value: Any) -> bool:
    """Whether ``value`` is a finite int or float (YAML booleans are not numbers)."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and not (isinstance(value, float) and not math.isfinite(value))
    )


def number_text(value: float) -> str:
    """Return a number as the catalog writes it: ``3``, ``1.5`` (never ``3.0``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


_MAX_DIGITS = 15
"""Figures with more digits before the point than a float holds exactly are not clear."""


def _as_number(value: Decimal) -> int | float | None:
    """Return ``value`` as an int when whole, else a float; ``None`` if it is too large."""
    if not value.is_finite() or value.adjusted() >= _MAX_DIGITS:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# -- money

AMOUNT = r"[0-9]+(?:[.,][0-9]+)*"
"""A figure as written in text, separators included; it ends with a digit, so a
comma or full stop after it (``$4,000,``) is never part of it."""

_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
CURRENCY_CODES = frozenset(
    {"USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY", "CNY", "INR", "SGD"}
    | {"HKD", "SEK", "NOK", "DKK", "PLN", "BRL", "MXN", "ZAR", "ILS", "KRW"}
)
"""Currency codes a price text may name; other letters before or after a figure
are words, not a currency."""
_MULTIPLIERS = {"k": 1000, "K": 1000, "m": 1_000_000, "M": 1_000_000}
_SIGN = "|".join(re.escape(sign) for sign in sorted(_CURRENCY_SIGNS, key=len, reverse=True))
_PRICE = re.compile(
    rf"(?P<before>{_SIGN}|[A-Z]{{3}}(?=[\s0-9]))?\s*"
    rf"(?P<figure>{AMOUNT})(?P<times>[kKmM](?![A-Za-z]))?\s*"
    rf"(?P<after>{_SIGN}|[A-Z]{{3}})?"
)
_MONEY_IN_TEXT = re.compile(
    rf"(?:{_SIGN})\s*{AMOUNT}|\b(?:{'|'.join(sorted(CURRENCY_CODES))})\s*{AMOUNT}"
    # A figure starts where no other does: trying every digit of a long run would take
    # time in the square of its length.
    rf"|(?<![0-9.,]){AMOUNT}\s*(?:€|£|\b(?:{'|'.join(sorted(CURRENCY_CODES))})\b)"
)


class Money(NamedTuple):
    """An amount, and the currency its text names (``None`` when it names none)."""

    amount: int | float
    currency: str | None


def parse_amount(figure: str) -> int | float | None:
    """Return the number a figure such as ``14,400`` or ``1.234,50`` states, if it is clear.

    A separator followed by exactly three digits separates thousands; one
    followed by one or two digits at the end is the decimal mark. Anything
    else (``1,2345``, ``1,234.567``, mixed thousands separators) is not clear.
    """
    if not re.fullmatch(AMOUNT, figure):
        return None
    groups = re.split(r"[.,]", figure)
    marks = re.findall(r"[.,]", figure)
    decimals = ""
    if marks and len(groups[-1]) in (1, 2):
        decimals = groups.pop()
        decimal_mark = marks.pop()
        if decimal_mark in marks:
            return None
    if not _thousands(groups, marks):
        return None
    return _as_number(Decimal("".join(groups) + ("." + decimals if decimals else "")))


def _thousands(groups: list[str], marks: list[str]) -> bool:
    """Whether ``groups`` joined by ``marks`` is a whole number in groups of thousands."""
    if not marks:
        return True
    first, rest = groups[0], groups[1:]
    return (
        len(set(marks)) == 1
        and 1 <= len(first) <= 3
        and not first.startswith("0")
        and all(len(group) == 3 for group in rest)
    )


def parse_price(text: str) -> Money | None:
    """Return the one price a text such as ``"$14,400"`` or ``"14.400 €"`` states, if any."""
    match = _PRICE.fullmatch(text.strip())
    if match is None:
        return None
    clear, currency = _currency_of(match["before"], match["after"])
    if not clear:
        return None
    amount = parse_amount(match["figure"])
    if amount is None:
        return None
    if match["times"]:
        amount = _as_number(Decimal(str(amount)) * _MULTIPLIERS[match["times"]])
        if amount is None:
            return None
    return Money(amount, currency)


def _currency_of(before: str | None, after: str | None) -> tuple[bool, str | None]:
    """Return whether the signs or codes around a figure are clear, and the currency they name."""
    named = {_CURRENCY_SIGNS.get(mark, mark) for mark in (before, after) if mark}
    if len(named) > 1 or not named <= CURRENCY_CODES:
        return False, None
    return True, next(iter(named), None)


def holds_money(text: str) -> bool:
    """Whether a text names an amount of money (``$184,875``, ``EUR 500``, ``500 €``)."""
    return _MONEY_IN_TEXT.search(text) is not None


def money_text(amount: float, currency: str = "USD") -> str:
    """Return an amount as the services file writes it: ``$14,400`` (or ``14,400 EUR``)."""
    figure = f"{amount:,.2f}" if amount != int(amount) else f"{int(amount):,}"
    return f"${figure}" if currency == "USD" else f"{figure} {currency}"


# -- durations

UNITS = ("hour", "day", "week", "month")
"""The units of a duration, as the catalog's schema names them."""
_UNIT_WORDS = {
    "hour": "hour",
    "hr": "hour",
    "day": "day",
    "week": "week",
    "wk": "week",
    "month": "month",
    "mo": "month",
    "year": "year",
    "yr": "year",
}
_MONTHS_A_YEAR = 12
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_NUMBER = (
    r"(?:[0-9]+(?:\.[0-9]+)?|half(?:\s+an?)?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")"
)
_UNIT = r"(?P<unit>" + "|".join(sorted(_UNIT_WORDS, key=len, reverse=True)) + r")s?\b"
_LENGTH = (
    rf"(?P<a>{_NUMBER})(?:\s*(?:-|–|—|\bto\b|\bor\b)\s*(?P<b>{_NUMBER}))?"
    rf"(?P<joint>\s*-\s*|\s*)"
)
_ALONE = re.compile(
    rf"(?:~\s*)?{_LENGTH}{_UNIT}(?:\s*\((?P<paren>[^()\n]+)\)|, (?P<note>.*))?",
    re.IGNORECASE | re.DOTALL,
)
_IN_SENTENCE = re.compile(
    rf"(?<![\w$€£.,/-]){_LENGTH}(?P<kind>(?:business|working|work|calendar)\s+)?{_UNIT}"
    r"(?P<rate>\s*(?:per|a|an|each|every|/)\s*(?:hour|hr|day|week|wk|month|mo|year|yr)s?\b)?",
    re.IGNORECASE,
)
_TOTAL_AFTER = re.compile(
    r"\s*(?:$|[.,;:!?)(]|\s[-–—]\s|(?:in\s+)?total\b|overall\b|long\b|or\s+so\b)", re.IGNORECASE
)
_BOUND_REACH = 40
"""How far before a length the words that bound it are looked for."""
_BOUND_BEFORE = re.compile(
    r"(?:\b(?:min(?:imum)?|max(?:imum)?|up\s+to|at\s+(?:least|most)|no\s+more\s+than|"
    r"(?:less|more|fewer)\s+than|over|under|per|each|every)|[0-9]+\s+(?:out\s+)?of|[+<>≤≥])\s*$",
    re.IGNORECASE,
)


def parse_duration(text: str) -> dict[str, Any] | None:
    """Return the duration a text states, in the catalog's form, if it states one clearly.

    ``{"value": 3, "unit": "month", "note": "40 hours per week"}`` for ``"3
    months, 40 hours per week"``; ``{"min": 2, "max": 3, "unit": "day"}`` for
    ``"2-3 days"``; ``None`` for ``"Varies"`` or a sentence whose length is not
    clear (see the module's decisions).
    """
    match = _ALONE.fullmatch(text) or _ALONE.fullmatch(text.strip())
    if match is not None and not _starts_with_length(match["note"]):
        note = match["note"] if match["note"] is not None else match["paren"]
        return _duration(match, note)
    return _in_sentence(text.strip())


def _starts_with_length(note: str | None) -> bool:
    """Whether a note begins with a second length (``2 weeks, 3 days``): a rate is no length."""
    match = _IN_SENTENCE.match(note.lstrip()) if note is not None else None
    return match is not None and not match["rate"]


def _in_sentence(text: str) -> dict[str, Any] | None:
    """Return the one total length a sentence gives, with the sentence as its note."""
    totals = []
    for match in _IN_SENTENCE.finditer(text):
        if match["rate"]:
            continue
        if _BOUND_BEFORE.search(text, max(0, match.start() - _BOUND_REACH), match.start()):
            return None
        if "-" not in match["joint"] and _TOTAL_AFTER.match(text, match.end()):
            totals.append(match)
    if len(totals) != 1:
        return None
    return _duration(totals[0], text)


def _duration(match: re.Match[str], note: str | None) -> dict[str, Any] | None:
    """Return the duration of a matched length, or ``None`` if its numbers make none."""
    unit = _UNIT_WORDS[match["unit"].lower()]
    scale = _MONTHS_A_YEAR if unit == "year" else 1
    first = _length_number(match["a"], scale)
    second = _length_number(match["b"], scale) if match["b"] else None
    if first is None or (match["b"] and (second is None or second < first)):
        return None
    duration: dict[str, Any] = {"value": first} if second is None else {"min": first, "max": second}
    duration["unit"] = "month" if unit == "year" else unit
    if note is not None:
        duration["note"] = note
    return duration


def _length_number(word: str, scale: int) -> int | float | None:
    """Return a length's number (``3``, ``one``, ``half a``) times ``scale``, if above 0."""
    word = " ".join(word.lower().split())
    if word.startswith("half"):
        number = Decimal("0.5")
    elif word in _NUMBER_WORDS:
        number = Decimal(_NUMBER_WORDS[word])
    else:
        try:
            number = Decimal(word)
        except InvalidOperation:
            return None
    value = _as_number(number * scale)
    return value if value is not None and value > 0 else None


def duration_text(duration: dict[str, Any]) -> str:
    """Return a duration as ``parse_duration`` reads it back: ``1-3 days, note``."""
    unit = duration.get("unit", "day")
    if "value" in duration:
        amount = number_text(duration["value"])
        plural = "" if duration["value"] == 1 else "s"
    else:
        amount = f"{number_text(duration['min'])}-{number_text(duration['max'])}"
        plural = "s"
    text = f"{amount} {unit}{plural}"
    note = duration.get("note")
    return text if note is None else f"{text}, {note}"


def duration_words(duration: dict[str, Any]) -> str:
    """Return a duration as a message says it: ``1 to 3 days, note '...'``."""
    unit = duration["unit"]
    if "value" in duration:
        words = f"{number_text(duration['value'])} {unit}(s)"
    else:
        words = f"{number_text(duration['min'])} to {number_text(duration['max'])} {unit}s"
    note = duration.get("note")
    return words if note is None else f"{words}, note '{note}'"


def duration_agrees(duration: dict[str, Any], days: float) -> bool:
    """Whether a duration read from text is ``days`` days (or a range of days around it)."""
    if duration["unit"] != "day":
        return False
    if "value" in duration:
        return bool(duration["value"] == days)
    return bool(duration["min"] <= days <= duration["max"])


# -- SKUs

_SKU = re.compile(r"[A-Z0-9][A-Z0-9+]*(?:-[A-Z0-9+]+)*")


def is_sku(value: Any) -> bool:
    """Whether ``value`` is a SKU: capitals, digits and ``+``, in parts joined by hyphens."""
    return isinstance(value, str) and _SKU.fullmatch(value) is not None


# -- values in messages


def shown(value: Any) -> str:
    """Return a source value as a message shows it: quoted text, cut after 57 characters."""
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 60 else f"'{value[:57]}...'"
    if value is None:
        return "(empty)"
    return str(value) if not isinstance(value, bool) else str(value).lower()


def kind_of(value: Any) -> str:
    """Return what a value is, for a message: ``a mapping``, ``a list``, ``the value 42``."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"the value {shown(value)}"
