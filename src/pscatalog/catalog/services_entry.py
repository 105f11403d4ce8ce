"""How the flat fields of a services-file entry read as catalog values.

One reading, shared: ``pscatalog import`` reads each entry with it and
reports what it found; ``export --format services-yml`` reads its own
entries back with it and writes, in each entry's ``pscatalog`` block, what
the flat fields cannot carry. Reading reports nothing itself: it returns the
catalog fields it read, the source values it keeps as they were (they go
under ``imported.unmapped``), and the facts worth a finding (a price written
as text, a duration that disagrees with its description, ...).

Names and maturities are not read here: when an entry lacks them, import
puts a stand-in that depends on the entry's whole offering.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pscatalog.catalog.model import MATURITIES
from pscatalog.catalog.schemas import CATEGORY, load_schema
from pscatalog.catalog.services_file import (
    CUSTOM_SKU_WORDS,
    DEFAULT_CURRENCY,
    DEFAULT_PRICE_UNIT,
    SITE,
    VAGUE_STAGES,
)
from pscatalog.catalog.values import (
    AMOUNT,
    Money,
    duration_agrees,
    duration_text,
    holds_money,
    is_number,
    is_sku,
    money_text,
    parse_amount,
    parse_duration,
    parse_price,
)

_URL = re.compile(r"https?://\S+")
_SITE_PATH = re.compile(r"/\S*")
_CURRENCY = re.compile(r"[A-Z]{3}")
_CLASS_SIZE = re.compile(
    r"(?:maximum|max\.?|up to)\s+(?P<size>[0-9]+)\s+(?:attendees|seats|people|students)\.?",
    re.IGNORECASE,
)
_NO_TEXT = (None, "")
_UNIT_WORDS = {"class": "session"}
"""Words a description uses for a price unit, where the schema's word differs."""
_PRICE_FOR = re.compile(
    rf"\$\s*(?P<figure>{AMOUNT})\s+(?:per|for\s+(?:an?|one|each|[0-9]+[- ]hours?))\s+"
    r"(?P<unit>block|session|class|seat|day|hour|month|year)s?\b",
    re.IGNORECASE,
)
"""A price and what it buys, in a description: ``$14,400 for 48 hour block``."""


# -- facts worth a finding


@dataclass(frozen=True)
class Unclear:
    """A value with no clear meaning in the catalog's form, kept as it was.

    ``expected`` says what the catalog takes there: ``text``, ``link``,
    ``stages``, ``sku``, ``amount``, ``price unit``, ``currency``, ``days``,
    ``length`` or ``price``.
    """

    key: str
    value: Any
    expected: str


@dataclass(frozen=True)
class OtherCurrency:
    """A currency key that is not the currency the price text names, kept as it was."""

    value: str
    currency: str


@dataclass(frozen=True)
class SitePath:
    """A link written as a path on GitLab's site, read as the full link."""

    key: str
    value: str
    url: str


@dataclass(frozen=True)
class CustomSku:
    """A SKU value that means "sold with a custom SOW"."""

    value: str


@dataclass(frozen=True)
class ClassSizeText:
    """A class size written as words ("Maximum 12 attendees."), read as a number."""

    value: str
    size: int


@dataclass(frozen=True)
class DurationText:
    """The number of days written as text ("3 weeks"), read as a duration."""

    value: str
    duration: dict[str, Any]


@dataclass(frozen=True)
class DurationDescribed:
    """A ``duration_desc`` read as a duration that its text does not spell alone."""

    text: str
    duration: dict[str, Any]


@dataclass(frozen=True)
class DurationDisagrees:
    """A number of days and a description that gives another number of days."""

    days: float
    text: str


@dataclass(frozen=True)
class PriceInDuration:
    """A duration field that holds a price; ``price`` is the entry's own, if it has one."""

    key: str
    text: str
    price: float | None


@dataclass(frozen=True)
class PriceText:
    """A price written as text, read as an amount in ``currency``."""

    text: str
    amount: float
    currency: str


@dataclass(frozen=True)
class UnitDescribed:
    """A price with no ``unit`` whose description says what one price buys."""

    text: str
    unit: str


@dataclass(frozen=True)
class PriceWithoutAmount:
    """A price written as text that states no clear amount."""

    text: str


Fact = (
    Unclear
    | SitePath
    | CustomSku
    | ClassSizeText
    | DurationText
    | DurationDescribed
    | DurationDisagrees
    | PriceInDuration
    | PriceText
    | PriceWithoutAmount
    | UnitDescribed
    | OtherCurrency
)
"""What reading an entry found that import reports."""


@dataclass
class Reading:
    """What some flat fields of an entry read as."""

    fields: dict[str, Any] = field(default_factory=dict)
    """The catalog fields read, by name."""
    kept: dict[str, Any] = field(default_factory=dict)
    """Source keys kept as they were, for ``imported.unmapped``."""
    facts: list[Fact] = field(default_factory=list)
    """What import reports about them."""

    def keep(self, key: str, value: Any) -> None:
        """Keep a source value as it was."""
        self.kept[key] = value

    def unclear(self, key: str, value: Any, expected: str) -> None:
        """Keep a source value whose meaning is not clear, and say what was expected."""
        self.kept[key] = value
        self.facts.append(Unclear(key, value, expected))

    def update(self, other: Reading) -> None:
        """Add what another reading of the same entry found."""
        self.fields.update(other.fields)
        self.kept.update(other.kept)
        self.facts += other.facts


# -- single values


def name_text(data: Mapping[str, Any]) -> str | None:
    """Return an entry's name without surrounding spaces, if it has one."""
    name = data.get("name")
    return name.strip() if isinstance(name, str) and name.strip() else None


def read_maturity(value: Any) -> str | None:
    """Return the maturity a source value names in any case (``Viable``), if it names one."""
    if isinstance(value, str) and value.strip().lower() in MATURITIES:
        return value.strip().lower()
    return None


def read_stages(value: Any) -> list[str] | None:
    """Return the DevOps stages a value lists (``Plan, Create``), if it lists distinct ones."""
    if isinstance(value, str):
        stages = [part.strip() for part in value.split(",")]
    elif isinstance(value, list) and all(isinstance(part, str) for part in value):
        stages = list(value)
    else:
        return None
    if (
        not stages
        or any(not stage or stage != stage.strip() for stage in stages)
        or len(set(stages)) != len(stages)
        or any(stage.lower() in VAGUE_STAGES for stage in stages)
    ):
        return None
    return stages


def is_link(value: Any) -> bool:
    """Whether a value is an http(s) link."""
    return isinstance(value, str) and _URL.fullmatch(value) is not None


@cache
def _key_orders() -> dict[str, tuple[str, ...]]:
    schema = load_schema(CATEGORY)
    orders = {name: tuple(d.get("properties", {})) for name, d in schema["$defs"].items()}
    orders["category"] = tuple(schema["properties"])
    return orders


def in_schema_order(data: dict[str, Any], definition: str) -> dict[str, Any]:
    """Return ``data`` with its keys in the category schema's order for ``definition``.

    Unknown keys come last, in their order; known nested objects are ordered too.
    """
    orders = _key_orders()
    properties = orders.get(definition, ())
    known = {key: data[key] for key in properties if key in data}
    known.update({key: value for key, value in data.items() if key not in known})
    for key, value in known.items():
        if isinstance(value, dict) and key in orders and key in properties:
            known[key] = in_schema_order(value, key)
    return known


@cache
def price_units() -> tuple[str, ...]:
    """Return what a price may be given for, as the category schema lists them."""
    units = load_schema(CATEGORY)["$defs"]["price"]["properties"]["unit"]["enum"]
    return tuple(str(unit) for unit in units)


# -- the offering's fields


def read_offering(data: Mapping[str, Any], skip: Collection[str] = ()) -> Reading:
    """Read the offering's fields from an entry (the first of its offering).

    ``skip`` names keys read otherwise (an override in the export's block, a
    placeholder): they are neither read nor kept.
    """
    reading = Reading()
    if "description2" in data:
        _text(reading, data["description2"], "description2", "description", report=False)
    for key, target in (("short_desc", "summary"), ("target_audience", "target_audience")):
        if key in data and key not in skip:
            _text(reading, data[key], key, target, report=True)
    if "desc_url" in data and "desc_url" not in skip:
        _site_link(reading, data["desc_url"], "desc_url", "url")
    if "stages" in data and "stages" not in skip:
        stages = read_stages(data["stages"])
        if stages is None:
            reading.unclear("stages", data["stages"], "stages")
        else:
            reading.fields["stages"] = stages
    if "delivery_kit" in data and "delivery_kit" not in skip:
        kit = data["delivery_kit"]
        if is_link(kit):
            reading.fields["evidence"] = {"delivery_kit": kit}
        else:
            reading.unclear("delivery_kit", kit, "link")
    if "level" in data and "level" not in skip:
        reading.keep("level", data["level"])
    return reading


def _text(reading: Reading, value: Any, key: str, target: str, *, report: bool) -> None:
    if isinstance(value, str):
        reading.fields[target] = value
    elif report:
        reading.unclear(key, value, "text")
    else:
        reading.keep(key, value)


def _site_link(reading: Reading, value: Any, key: str, target: str) -> None:
    if is_link(value):
        reading.fields[target] = value
    elif isinstance(value, str) and _SITE_PATH.fullmatch(value):
        reading.fields[target] = SITE + value
        reading.facts.append(SitePath(key, value, SITE + value))
    else:
        reading.unclear(key, value, "link")


# -- a variant's fields


def read_variant(
    data: Mapping[str, Any],
    offering: Mapping[str, Any],
    skip: Collection[str] = (),
    *,
    first: bool = False,
) -> Reading:
    """Read a variant's fields from an entry, given its offering's fields.

    A name or description equal to the offering's is the offering's. ``first``
    says the entry is the first of its offering, whose name and description
    are kept (when they are not text) with the offering's.
    """
    reading = Reading()
    _own_text(reading, data, "name", offering.get("name"), first=first)
    _own_text(reading, data, "description2", offering.get("description"), first=first)
    if "sku" in data and "sku" not in skip:
        _sku(reading, data["sku"])
    if "standard_sow" in data and "standard_sow" not in skip:
        _sow(reading, data["standard_sow"])
    if "class_size" in data and "class_size" not in skip:
        _class_size(reading, data["class_size"])
    reading.update(read_duration(data, skip))
    reading.update(read_price(data, skip))
    return reading


def _own_text(
    reading: Reading, data: Mapping[str, Any], key: str, offering_value: Any, *, first: bool
) -> None:
    target = "name" if key == "name" else "description"
    value = name_text(data) if key == "name" else data.get(key)
    if isinstance(value, str) and value != offering_value:
        reading.fields[target] = value
    elif not isinstance(value, str) and key in data and not first:
        reading.keep(key, data[key])


def _sku(reading: Reading, value: Any) -> None:
    if is_sku(value):
        reading.fields["sku"] = value
    elif value in _NO_TEXT:
        reading.keep("sku", value)
    elif isinstance(value, str) and value.strip().lower() in CUSTOM_SKU_WORDS:
        reading.keep("sku", value)
        reading.facts.append(CustomSku(value))
    else:
        reading.unclear("sku", value, "sku")


def _sow(reading: Reading, value: Any) -> None:
    if is_link(value):
        reading.fields["standard_sow"] = value
    elif value in _NO_TEXT:
        reading.keep("standard_sow", value)
    else:
        reading.unclear("standard_sow", value, "link")


def _class_size(reading: Reading, value: Any) -> None:
    if is_number(value) and isinstance(value, int) and value >= 1:
        reading.fields["class_size"] = value
        return
    match = _CLASS_SIZE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is not None and int(match["size"]) >= 1:
        reading.fields["class_size"] = int(match["size"])
        reading.facts.append(ClassSizeText(value, int(match["size"])))
        return
    reading.keep("class_size", value)


# -- duration


def read_duration(data: Mapping[str, Any], skip: Collection[str] = ()) -> Reading:
    """Read ``duration`` (a number of days) and ``duration_desc`` (words) as one duration.

    A number of days that the description agrees with takes the description's
    form (``~1-3 days`` beside ``1``); one it disagrees with keeps the
    description as its note. A price in either field is never a duration.
    """
    reading = Reading()
    days, parsed = _days(reading, data, skip)
    description = _duration_description(reading, data, skip)
    if parsed is not None:
        reading.fields["duration"] = parsed
        if description is not None:
            reading.keep("duration_desc", description)
        return reading
    described = parse_duration(description) if description is not None else None
    if days is not None:
        reading.fields["duration"] = _days_duration(reading, days, description, described)
    elif description is not None and described is None:
        reading.unclear("duration_desc", description, "length")
    elif description is not None and described is not None:
        reading.fields["duration"] = described
        _described(reading, description, described)
    return reading


def _days(
    reading: Reading, data: Mapping[str, Any], skip: Collection[str]
) -> tuple[float | None, dict[str, Any] | None]:
    """Return the number of days of ``duration``, or the duration its text states."""
    if "duration" not in data or "duration" in skip:
        return None, None
    value = data["duration"]
    if is_number(value) and value > 0:
        return value, None
    if isinstance(value, str) and holds_money(value):
        reading.keep("duration", value)
        reading.facts.append(PriceInDuration("duration", value, _entry_price(data)))
        return None, None
    parsed = parse_duration(value) if isinstance(value, str) else None
    if parsed is not None:
        reading.facts.append(DurationText(value, parsed))
    elif value is None:
        reading.keep("duration", value)
    else:
        reading.unclear("duration", value, "days")
    return None, parsed


def _duration_description(
    reading: Reading, data: Mapping[str, Any], skip: Collection[str]
) -> str | None:
    """Return ``duration_desc`` when it is text that may describe a duration."""
    if "duration_desc" not in data or "duration_desc" in skip:
        return None
    value = data["duration_desc"]
    if value in _NO_TEXT:
        reading.keep("duration_desc", value)
        return None
    if not isinstance(value, str):
        reading.unclear("duration_desc", value, "text")
        return None
    if holds_money(value):
        reading.keep("duration_desc", value)
        reading.facts.append(PriceInDuration("duration_desc", value, _entry_price(data)))
        return None
    return value


def _days_duration(
    reading: Reading, days: float, description: str | None, described: dict[str, Any] | None
) -> dict[str, Any]:
    if described is not None and description is not None and duration_agrees(described, days):
        _described(reading, description, described)
        return described
    if described is not None and description is not None and described["unit"] == "day":
        reading.facts.append(DurationDisagrees(days, description))
    duration: dict[str, Any] = {"value": days, "unit": "day"}
    if description is not None:
        duration["note"] = description
    return duration


def _described(reading: Reading, text: str, duration: dict[str, Any]) -> None:
    if text != duration_text(duration):
        reading.facts.append(DurationDescribed(text, duration))


def _entry_price(data: Mapping[str, Any]) -> float | None:
    price: Any = data.get("price")
    return price if is_number(price) and price >= 0 else None


# -- price


def read_price(data: Mapping[str, Any], skip: Collection[str] = ()) -> Reading:
    """Read ``price``, ``currency``, ``unit`` and ``price_desc`` as one price.

    ``price`` gives the amount (a number, or text such as ``$14,400``); the
    others count only with an amount. ``price_desc`` is the price's note,
    unless it only repeats the amount.
    """
    reading = Reading()
    money = _amount(reading, data, skip)
    currency = _currency(reading, data, skip, money)
    unit = _unit(reading, data, skip, money)
    present = "price_desc" in data and "price_desc" not in skip
    description = data.get("price_desc")
    if money is None:
        if present and description in _NO_TEXT:
            reading.keep("price_desc", description)
        elif present:
            reading.unclear("price_desc", description, "price")
        return reading
    if isinstance(data.get("price"), str):
        reading.facts.insert(0, PriceText(data["price"], money.amount, currency))
    if unit is None:
        unit = _described_unit(reading, description, money.amount)
    price: dict[str, Any] = {"amount": money.amount, "currency": currency, "unit": unit}
    if present and isinstance(description, str):
        if description != money_text(money.amount, currency):
            price["note"] = description
    elif present:
        reading.keep("price_desc", description)
    reading.fields["price"] = price
    return reading


def _amount(reading: Reading, data: Mapping[str, Any], skip: Collection[str]) -> Money | None:
    if "price" not in data or "price" in skip:
        return None
    value = data["price"]
    if is_number(value) and value >= 0:
        return Money(value, None)
    if isinstance(value, str):
        money = parse_price(value)
        if money is None:
            reading.keep("price", value)
            reading.facts.append(PriceWithoutAmount(value))
        return money
    if value is None:
        reading.keep("price", value)
    else:
        reading.unclear("price", value, "amount")
    return None


def _currency(
    reading: Reading, data: Mapping[str, Any], skip: Collection[str], money: Money | None
) -> str:
    stated = money.currency if money is not None else None
    if "currency" not in data or "currency" in skip:
        return stated or DEFAULT_CURRENCY
    value = data["currency"]
    if money is None:
        reading.keep("currency", value)
    elif not isinstance(value, str) or not _CURRENCY.fullmatch(value):
        reading.unclear("currency", value, "currency")
    elif stated is not None and value != stated:
        reading.keep("currency", value)
        reading.facts.append(OtherCurrency(value, stated))
    else:
        return value
    return stated or DEFAULT_CURRENCY


def _unit(
    reading: Reading, data: Mapping[str, Any], skip: Collection[str], money: Money | None
) -> str | None:
    """Return the price's unit; ``None`` when the entry gives none."""
    if "unit" not in data or "unit" in skip:
        return None
    value = data["unit"]
    if money is not None and value in price_units():
        return str(value)
    if money is not None:
        reading.unclear("unit", value, "price unit")
    else:
        reading.keep("unit", value)
    return DEFAULT_PRICE_UNIT


def _described_unit(reading: Reading, description: Any, amount: float) -> str:
    """Return the unit a description gives right after the amount, else the default."""
    match = _PRICE_FOR.search(description) if isinstance(description, str) else None
    if match is None or parse_amount(match["figure"]) != amount:
        return DEFAULT_PRICE_UNIT
    word = match["unit"].lower()
    unit = _UNIT_WORDS.get(word, word)
    reading.facts.append(UnitDescribed(description, unit))
    return unit
