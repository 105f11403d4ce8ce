"""Prices and durations as people write them, read by import and written back by export.

Each decision of ``pscatalog.catalog.values`` has its example here, with the
exact value read; every price and duration of the real 2022 snapshots is read
as its writer meant; and what export writes reads back as the same value.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REAL_DATA
from pscatalog.catalog.model import load_catalog
from pscatalog.catalog.services_entry import PriceInDuration, read_duration, read_price
from pscatalog.catalog.services_file import CATEGORY_DEFINITIONS, LEVEL_DEFINITIONS
from pscatalog.catalog.values import (
    CURRENCY_CODES,
    UNITS,
    Money,
    money_text,
    parse_duration,
    parse_price,
)
from pscatalog.outputs.exporting import export_services
from pscatalog.tools.importing import import_services
from pscatalog.yamltext.loader import load_document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$14,400", Money(14400, "USD")),
        ("USD 14,400", Money(14400, "USD")),
        ("14,400 USD", Money(14400, "USD")),
        ("US$ 1,234.50", Money(1234.5, "USD")),
        ("$500", Money(500, "USD")),
        ("2400", Money(2400, None)),
        ("  $2,400  ", Money(2400, "USD")),
        ("$0", Money(0, "USD")),
        # Money has two decimals at most: a mark before three digits separates thousands.
        ("14.400 €", Money(14400, "EUR")),
        ("$14.400", Money(14400, "USD")),
        ("€14,400", Money(14400, "EUR")),
        ("1.234,50 €", Money(1234.5, "EUR")),
        ("$14.400,00", Money(14400, "USD")),
        ("14,5 EUR", Money(14.5, "EUR")),
        ("£300", Money(300, "GBP")),
        ("$1,234,567", Money(1234567, "USD")),
        ("$1.5k", Money(1500, "USD")),
        ("$15K", Money(15000, "USD")),
        ("$2M", Money(2000000, "USD")),
        ("$1.15k", Money(1150, "USD")),
    ],
)
def test_a_price_text_reads_as_its_amount_and_currency(text: str, expected: Money) -> None:
    """One figure, with a currency sign or code before or after it, is one price."""
    assert parse_price(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Call for pricing",
        "Varies",
        "TBD",
        "",
        "$",
        "$14,400 EUR",  # two currencies
        "TBD 500",  # letters that are no currency
        "14,400 XYZ",
        "$1,234.567",  # three decimals after thousands
        "$1,2345",
        "$0.500",
        "12,34,567",
        "-$500",
        "$-500",
        "$20,000 - $30,000",  # a range is not one price
        "$5 per day",
        "$1e3",
        "$" + "9" * 16,  # more digits than a float holds exactly
        "$1.5 k",
    ],
)
def test_a_price_text_without_one_clear_amount_reads_as_none(text: str) -> None:
    """Words, ranges, odd separators and unknown currencies are no price."""
    assert parse_price(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 days", {"value": 20, "unit": "day"}),
        ("1 day", {"value": 1, "unit": "day"}),
        ("~1-3 days", {"min": 1, "max": 3, "unit": "day"}),
        ("2-3 days", {"min": 2, "max": 3, "unit": "day"}),
        ("2 – 3 days", {"min": 2, "max": 3, "unit": "day"}),
        ("1 to 2 weeks", {"min": 1, "max": 2, "unit": "week"}),
        ("two to three weeks", {"min": 2, "max": 3, "unit": "week"}),
        ("48 hours", {"value": 48, "unit": "hour"}),
        ("half a day", {"value": 0.5, "unit": "day"}),
        ("one week", {"value": 1, "unit": "week"}),
        ("a week", {"value": 1, "unit": "week"}),
        ("3 months", {"value": 3, "unit": "month"}),
        ("3 Months", {"value": 3, "unit": "month"}),
        ("90 days", {"value": 90, "unit": "day"}),
        ("1.5 days", {"value": 1.5, "unit": "day"}),
        ("1.5 weeks", {"value": 1.5, "unit": "week"}),
        ("3-day", {"value": 3, "unit": "day"}),
        ("1 year", {"value": 12, "unit": "month"}),
        (" 20 days ", {"value": 20, "unit": "day"}),
        ("5 days (remote)", {"value": 5, "unit": "day", "note": "remote"}),
        (
            "3 months, 40 hours per week",
            {"value": 3, "unit": "month", "note": "40 hours per week"},
        ),
        ("3 days, 8 hours a day", {"value": 3, "unit": "day", "note": "8 hours a day"}),
        (
            "Estimated to be 3 weeks total",
            {"value": 3, "unit": "week", "note": "Estimated to be 3 weeks total"},
        ),
        (
            "Estimated to be 1.5 weeks total",
            {"value": 1.5, "unit": "week", "note": "Estimated to be 1.5 weeks total"},
        ),
        ("about 3 days", {"value": 3, "unit": "day", "note": "about 3 days"}),
        ("10 business days", {"value": 10, "unit": "day", "note": "10 business days"}),
        (
            "Delivered in 2-3 weeks.",
            {"min": 2, "max": 3, "unit": "week", "note": "Delivered in 2-3 weeks."},
        ),
    ],
)
def test_a_duration_text_reads_as_its_length(text: str, expected: dict[str, Any]) -> None:
    """A length alone, with a note after a comma or in parentheses, or as a sentence's total."""
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Varies",
        "N/A",
        "0 days",
        "-3 days",
        "3-1 days",  # a range that ends before it starts
        "up to 3 days",  # a bound, not a length
        "Delivered over 3 weeks",  # "over" may mean "more than"
        "3 days or more",
        "3+ days",
        "2 weeks, 3 days",  # two lengths
        "3 days/week",  # a rate
        "8 hours per week expert services for 48 of 52 weeks",
        "One delivery of this course includes two 4-hour remote sessions.",
        "Minimum 48 hour blocks. Can add 48 hour increments from there (e.g 96, 144, etc.).",
        "1,5 days",
        "1e3 days",
        "1" * 20 + " days",
        "3 fortnights",
    ],
)
def test_a_duration_text_without_one_clear_length_reads_as_none(text: str) -> None:
    """Bounds, rates, parts of a delivery and two lengths say no one length."""
    assert parse_duration(text) is None


# -- the real snapshots


def _snapshot_entries() -> list[dict[str, Any]]:
    entries = []
    for name in ("services-2022-08.yml", "services-2022-11.yml"):
        entries += load_document(REAL_DATA / name, name).data
    return entries


def _keys(entry: dict[str, Any], *keys: str) -> str:
    return json.dumps({key: entry[key] for key in keys if key in entry}, ensure_ascii=False)


def _cut(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "..."


REAL_DURATIONS: dict[str, tuple[dict[str, Any] | None, str]] = {
    # Education: the number of days; the text, about sessions, is its note.
    '{"duration": 1} <strong>Remote:</strong> normally delive...': (
        {"value": 1, "unit": "day"},
        "note",
    ),
    '{"duration": 1} One delivery of this course includes two...': (
        {"value": 1, "unit": "day"},
        "note",
    ),
    "{} <strong>Remote:</strong> normally delive...": (None, "unclear"),
    '{"duration": 2} Typical durations are as follows:<br/> <...': (
        {"value": 2, "unit": "day"},
        "note",
    ),
    '{"duration": 1} Each standard live training consists of ...': (
        {"value": 1, "unit": "day"},
        "note",
    ),
    '{"duration": 4} One delivery of this course includes eig...': (
        {"value": 4, "unit": "day"},
        "note",
    ),
    '{"duration": 1} This course is completed in either 2 3 h...': (
        {"value": 1, "unit": "day"},
        "note",
    ),
    # Integration: an approximate range around the number of days.
    '{"duration": 1} ~1-3 days': ({"min": 1, "max": 3, "unit": "day"}, ""),
    # Implementation and migration: 20 days beside 15 disagree (I006), the text is kept.
    '{"duration": 15} 20 days': ({"value": 15, "unit": "day"}, "note"),
    '{"duration": 10} 10 days': ({"value": 10, "unit": "day"}, ""),
    '{"duration": 15} 15 days': ({"value": 15, "unit": "day"}, ""),
    "{} Varies": (None, "unclear"),
    "{} N/A": (None, "unclear"),
    # Dedicated: months, the weekly effort as the note; two prices pasted as durations.
    "{} 3 months, 40 hours per week": ({"value": 3, "unit": "month"}, "note"),
    "{} 6 months, 40 hours per week": ({"value": 6, "unit": "month"}, "note"),
    "{} 12 months, 40 hours per week": ({"value": 12, "unit": "month"}, "note"),
    "{} $184,875": (None, "price"),
    "{} $628,575": (None, "price"),
    # Expert: the size of a block of hours, and 48 working weeks of a year, are no length
    # of the engagement.
    "{} Minimum 48 hour blocks - 40 hours of Pro...": (None, "unclear"),
    "{} Minimum 48 hour blocks. Can add 48 hour ...": (None, "unclear"),
    "{} Minimum 48 hour blocks - 40 hours of Exp...": (None, "unclear"),
    "{} 8 hours per week expert services for 48 ...": (None, "unclear"),
    # Quickstarts: the one total length of the sentence, which is kept as the note.
    "{} Estimated to be 3 weeks total": ({"value": 3, "unit": "week"}, "note"),
    "{} Estimated to be 1.5 weeks total": ({"value": 1.5, "unit": "week"}, "note"),
}
"""Each duration of the snapshots (its number of days, its description cut at 40
characters) -> the duration read without its note, and what else: its note kept,
or why nothing is read (no clear length, a price)."""


def test_every_duration_of_the_real_snapshots_reads_as_its_writer_meant() -> None:
    """Each duration_desc of the 2022 files, with its number of days, reads as the table says."""
    found: dict[str, tuple[dict[str, Any] | None, str]] = {}
    for entry in _snapshot_entries():
        if "duration_desc" not in entry:
            continue
        reading = read_duration(entry)
        duration = reading.fields.get("duration")
        key = f"{_keys(entry, 'duration')} {_cut(entry['duration_desc'])}"
        if duration is None:
            price = any(isinstance(fact, PriceInDuration) for fact in reading.facts)
            found[key] = (None, "price" if price else "unclear")
        else:
            shape = {k: v for k, v in duration.items() if k != "note"}
            found[key] = (shape, "note" if "note" in duration else "")
    assert found == REAL_DURATIONS


REAL_PRICES: dict[str, tuple[float | None, str, bool]] = {
    # price and unit, price_desc cut -> the amount read, its unit, and whether a note is kept
    '{"price": 7000, "unit": "session"} <strong>Remote:</strong> $5,000<br/><str...': (
        7000,
        "session",
        True,
    ),
    '{"price": 5000, "unit": "session"} Remote delivery is $5,000 per class.': (
        5000,
        "session",
        True,
    ),
    # Two prices and no number: which one the custom variant costs is not said.
    '{"unit": "session"} <strong>Remote:</strong> $5,000<br/><str...': (None, "", False),
    '{"price": 12000, "unit": "session"} <strong>Remote:</strong> $12,000<br/><st...': (
        12000,
        "session",
        True,
    ),
    '{"price": "$500", "unit": "seat"} $500': (500, "seat", False),
    '{"price": 20000, "unit": "session"} <strong>Remote:</strong> $20,000<br/><st...': (
        20000,
        "session",
        True,
    ),
    '{"price": 2400} $2,400': (2400, "engagement", False),
    '{"price": 5000, "unit": "session"} $5,000': (5000, "session", False),
    '{"price": 40000} The latest pricing can be found in the t...': (40000, "engagement", True),
    '{"price": 17500} The latest pricing can be found in the t...': (17500, "engagement", True),
    '{"price": 35000} $35,000 for migration of up to 1000 repo...': (35000, "engagement", True),
    "{} Varies depending on the complexity of th...": (None, "", False),
    "{} Student Kits available for purchase in L...": (None, "", False),
    "{} Certification Packets available for purc...": (None, "", False),
    '{"price": 147900} 3 Months of a dedicated GitLab Professio...': (147900, "engagement", True),
    '{"price": 281010} 6 Months of a dedicated GitLab Professio...': (281010, "engagement", True),
    '{"price": 502860} 12 Months of a dedicated GitLab Professi...': (502860, "engagement", True),
    '{"price": 184875} 3 Months of a dedicated GitLab Professio...': (184875, "engagement", True),
    '{"price": 351263} 6 Months of a dedicated GitLab Professio...': (351263, "engagement", True),
    '{"price": 628575} 12 Months of a dedicated GitLab Professi...': (628575, "engagement", True),
    '{"price": null} Call for pricing': (None, "", False),
    '{"price": 147900} $147,900': (147900, "engagement", False),
    '{"price": 281010} $281,010': (281010, "engagement", False),
    '{"price": 502860} $502,860': (502860, "engagement", False),
    '{"price": 351263} $351,263': (351263, "engagement", False),
    # The description says what one price buys: a block of 48 hours.
    '{"price": "$14,400"} $14,400 for 48 hour block. Can add in bl...': (14400, "block", True),
    '{"price": "$115,200"} $115,200': (115200, "engagement", False),
    '{"price": "$32,500"} $32,500': (32500, "engagement", False),
    '{"price": "$16,000"} $16,000': (16000, "engagement", False),
}


def test_every_price_of_the_real_snapshots_reads_as_its_writer_meant() -> None:
    """Each price of the 2022 files reads as the table says: amount, unit, note or none."""
    found: dict[str, tuple[float | None, str, bool]] = {}
    for entry in _snapshot_entries():
        if "price" not in entry and "price_desc" not in entry:
            continue
        price = read_price(entry).fields.get("price")
        key = f"{_keys(entry, 'price', 'unit')} {_cut(str(entry.get('price_desc', '')))}"
        amount = price["amount"] if price else None
        found[key] = (amount, price["unit"] if price else "", bool(price and "note" in price))
    assert found == REAL_PRICES


# -- written back by export, read again by import


def _catalog_with(variant: dict[str, Any]) -> dict[str, Any]:
    """The files of a catalog with one offering of one custom variant."""
    return {
        "levels.yaml": {"levels": [dict(level) for level in LEVEL_DEFINITIONS]},
        "integration.yaml": {
            "schema_version": 1,
            **CATEGORY_DEFINITIONS["integration"],
            "offerings": [
                {
                    "id": "jira",
                    "name": "Jira",
                    "maturity": "minimal",
                    "variants": [{"id": "custom", **variant}],
                }
            ],
        },
    }


def _exported_and_imported(files: dict[str, Any]) -> dict[str, Any]:
    """Export a catalog to services.yml, import it back, and return its one variant."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "catalog").mkdir()
        for name, data in files.items():
            (root / "catalog" / name).write_text(json.dumps(data), encoding="utf-8")
        (root / "services.yml").write_text(
            export_services(load_catalog(root / "catalog")), encoding="utf-8"
        )
        import_services(root / "services.yml", root / "back")
        [offering] = load_catalog(root / "back").offerings
        [variant] = offering.variants
        return dict(variant.data)


WORDS = st.sampled_from(
    ["Estimated to be", "about", "total", "remote", "(on-site)", "over", ",", "per week", "~"]
)
LENGTHS = st.builds(
    lambda number, unit: f"{number} {unit}",
    st.sampled_from(["1", "2", "1.5", "3-5", "2 to 4", "one", "half a", "12"]),
    st.sampled_from(["day", "days", "week", "weeks", "hours", "months", "year"]),
)
DURATION_TEXTS = st.lists(LENGTHS | WORDS, min_size=1, max_size=5).map(" ".join) | st.text(
    alphabet="0123456789 -~,.()dayswkhourmtl", max_size=20
)


@settings(max_examples=150, deadline=None)
@given(DURATION_TEXTS)
def test_a_duration_read_from_text_is_written_back_as_the_same_duration(text: str) -> None:
    """Whatever text reads as a duration, export writes it so that import reads it again."""
    duration = parse_duration(text)
    if duration is None:
        return
    assert duration["unit"] in UNITS
    assert all(duration[key] > 0 for key in ("value", "min", "max") if key in duration)
    assert _exported_and_imported(_catalog_with({"duration": duration}))["duration"] == duration


AMOUNTS = st.decimals(min_value=0, max_value=10**9, places=2).map(
    lambda number: int(number) if number == number.to_integral_value() else float(number)
)


@settings(max_examples=200, deadline=None)
@given(AMOUNTS, st.sampled_from(sorted(CURRENCY_CODES)))
def test_money_written_by_export_reads_back_as_the_same_amount(
    amount: float, currency: str
) -> None:
    """money_text writes an amount as the services file does; parse_price reads it back."""
    assert parse_price(money_text(amount, currency)) == Money(amount, currency)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_reads_as_no_price_or_a_price_the_schema_takes(text: str) -> None:
    """No text makes the parsers fail, or read a negative, infinite or inexact number."""
    money = parse_price(text)
    if money is not None:
        assert money.amount >= 0
        assert Decimal(str(money.amount)).adjusted() < 15
    duration = parse_duration(text)
    if duration is not None:
        assert duration["unit"] in UNITS


@settings(max_examples=60, deadline=None)
@given(AMOUNTS, st.sampled_from(["USD", "EUR"]), st.sampled_from(["", "$2,400", "per day"]))
def test_a_price_written_by_export_reads_back_as_the_same_price(
    amount: float, currency: str, note: str
) -> None:
    """An amount, its currency and its note come back from export then import."""
    price: dict[str, Any] = {"amount": amount, "currency": currency, "unit": "engagement"}
    if note:
        price["note"] = note
    assert _exported_and_imported(_catalog_with({"price": price}))["price"] == price


def test_long_values_are_read_without_a_hang() -> None:
    """Runs of 200,000 digits or separators read in one pass (a watchdog, not a timing)."""
    code = (
        "from pscatalog.catalog.services_entry import read_duration, read_price\n"
        "for text in ('1' * 200_000, '1,' * 100_000, '1 day ' * 30_000, '$' + '1,234' * 40_000):\n"
        "    read_duration({'duration': 1, 'duration_desc': text})\n"
        "    read_price({'price': text, 'price_desc': text})\n"
        "print('done')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout == "done\n"
