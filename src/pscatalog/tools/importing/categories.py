"""The category each entry is imported into, and the level of each category.

The framework's six categories keep their definitions (and the levels
decision); "Consulting" entries go to the category of what they sell; any
other source category becomes a category of its own, reported. A source
level that disagrees with its category's is reported once per category.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pscatalog.catalog.services_file import (
    BLOCK_KEY,
    CATEGORY_DEFINITIONS,
    CATEGORY_NAME_SUFFIX,
    CONSULTING,
    CONSULTING_CATEGORIES,
    LEVEL_DEFINITIONS,
    LEVEL_TEXT,
    UNCATEGORISED,
)
from pscatalog.catalog.values import shown
from pscatalog.diagnostics import Location
from pscatalog.rules import (
    converted_value,
    level_disagrees,
    missing_value,
    unclear_value,
    unmapped_category,
)
from pscatalog.tools.importing.entries import Entry
from pscatalog.tools.importing.source import Context

_RESERVED = ("levels", UNCATEGORISED)
"""Ids a source category never gets as they are: the levels file's name, the stand-in."""


def slug(text: str) -> str:
    """Return ``text`` as an id: lowercase words joined by hyphens (``entry`` if none)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "entry"


class Categories:
    """The categories of one conversion: each entry's, with the headers of new ones."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.headers: dict[str, dict[str, Any]] = {}
        """The files' own keys of categories that are not the framework's, by id."""
        self.places: dict[str, Location] = {}
        """Where each category first appears in the source."""

    def assign(self, entries: Iterable[Entry]) -> None:
        """Set each entry's category, then report the categories and levels of the source."""
        entries = list(entries)
        for entry in entries:
            entry.category = self.category_of(entry)
            if entry.category not in self.places:
                self.places[entry.category] = self.place_of(entry)
        self.check_unmapped(entries)
        self.check_levels(entries)

    def header(self, category_id: str) -> dict[str, Any]:
        """Return a category file's own keys (everything but its offerings)."""
        if category_id in CATEGORY_DEFINITIONS:
            return {"schema_version": 1, **CATEGORY_DEFINITIONS[category_id]}
        return self.headers[category_id]

    def ordered(self, category_ids: Iterable[str]) -> list[str]:
        """Return category ids in page order, then the source's own in order of appearance."""
        found = list(category_ids)
        return [cid for cid in CATEGORY_DEFINITIONS if cid in found] + [
            cid for cid in found if cid not in CATEGORY_DEFINITIONS
        ]

    def place_of(self, entry: Entry) -> Location:
        """Return where the source names an entry's category."""
        if entry.block is not None:
            return self.context.at(entry, BLOCK_KEY, "category")
        return self.context.place(entry, "category")

    # -- each entry's category

    def category_of(self, entry: Entry) -> str:
        """Return the id of the category an entry is imported into."""
        if entry.block is not None:
            return self.block_category(entry)
        value = entry.data.get("category")
        if not isinstance(value, str) or not value.strip():
            self.context.add(
                missing_value.no_category(
                    entry.source_id, UNCATEGORISED, self.context.place(entry, "category")
                )
            )
            self.new_header(UNCATEGORISED, "Uncategorised", entry)
            return UNCATEGORISED
        entry.consumed.add("category")
        text = value.strip()
        known = CATEGORY_NAME_SUFFIX.sub("", text.lower())
        if known in CATEGORY_DEFINITIONS:
            return known
        if text.lower() == CONSULTING:
            sold = consulting_category(entry.data)
            if sold is not None:
                category_id, what = sold
                at = self.context.at(entry, "category")
                self.context.add(converted_value.consulting(category_id, what, at))
                return category_id
        category_id = slug(text)
        if category_id in _RESERVED or category_id in CATEGORY_DEFINITIONS:
            category_id += "-category"
        self.new_header(category_id, text, entry)
        return category_id

    def block_category(self, entry: Entry) -> str:
        """Return the category an export's block names, with a header if it is a new one."""
        assert entry.block is not None
        category_id: str = entry.block["category"]
        if category_id not in CATEGORY_DEFINITIONS and category_id not in self.headers:
            value = entry.data.get("category")
            name = value.strip() if isinstance(value, str) and value.strip() else category_id
            self.headers[category_id] = {
                "schema_version": 1,
                "id": category_id,
                "name": name,
                "level": level_of(entry.data.get("level")) or "product",
            }
        entry.consumed.add("category")
        return category_id

    def new_header(self, category_id: str, name: str, entry: Entry) -> None:
        """Start a category of the source's own, at the level its first entry names."""
        if category_id in self.headers:
            return
        level = level_of(entry.data.get("level"))
        if level is None:
            level = "product"
            if entry.data.get("level") is not None:
                self.context.add(
                    unclear_value.unknown_level(
                        entry.data["level"], category_id, self.context.at(entry, "level")
                    )
                )
        self.headers[category_id] = {
            "schema_version": 1,
            "id": category_id,
            "name": name,
            "level": level,
        }

    # -- what the source says about categories and levels

    def check_unmapped(self, entries: list[Entry]) -> None:
        """Report each source category that is none of the framework's, once."""
        by_text: dict[str, list[Entry]] = {}
        for entry in entries:
            value = entry.data.get("category")
            own = entry.block is None and entry.category in self.headers
            if own and entry.category != UNCATEGORISED and isinstance(value, str):
                by_text.setdefault(value.strip(), []).append(entry)
        for text, group in by_text.items():
            at, *others = (self.context.at(entry, "category") for entry in group)
            self.context.add(unmapped_category.finding(text, group[0].category, at, others))

    def check_levels(self, entries: list[Entry]) -> None:
        """Report source levels that disagree with their category's, once per category."""
        disagreeing: dict[tuple[str, str], list[Entry]] = {}
        for entry in entries:
            value = entry.data.get("level")
            if value is None:
                continue
            level = self.header(entry.category)["level"]
            if level_of(value) == level and level_agrees(value, level):
                entry.consumed.add("level")
            else:
                disagreeing.setdefault((entry.category, shown(value)), []).append(entry)
        for (category_id, quoted), group in disagreeing.items():
            level = level_definition(self.header(category_id)["level"])
            at, *others = (self.context.at(entry, "level") for entry in group)
            self.context.add(
                level_disagrees.finding(
                    quoted, category_id, f"{level['rank']} - {level['name']}", at, others
                )
            )


def level_definition(level_id: str) -> dict[str, Any]:
    """Return the definition of one of the three levels."""
    return next(level for level in LEVEL_DEFINITIONS if level["id"] == level_id)


def level_of(value: Any) -> str | None:
    """Return the id of the level a source level (``1 - Product``) names, if it names one."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        return None
    match = LEVEL_TEXT.fullmatch(str(value))
    if match is None:
        return None
    rank = int(match["rank"]) if match["rank"] else None
    if rank is None and match["name"].isdigit():
        rank = int(match["name"])
    name = match["name"].casefold()
    for level in LEVEL_DEFINITIONS:
        if level["rank"] == rank or (rank is None and level["name"].casefold() == name):
            return str(level["id"])
    return None


def level_agrees(value: Any, level_id: str) -> bool:
    """Whether a source level names ``level_id`` by its rank and, if given, its name."""
    match = LEVEL_TEXT.fullmatch(str(value))
    if match is None:
        return False
    name = match["name"]
    definition = level_definition(level_id)
    return not name or name.isdigit() or name.casefold() == definition["name"].casefold()


def consulting_category(data: dict[str, Any]) -> tuple[str, str] | None:
    """Return the category a "Consulting" entry belongs to by what it sells, and why."""
    words = " ".join(str(data.get(key) or "") for key in ("id", "name", "desc_url", "sku")).lower()
    for category_id, what, signs in CONSULTING_CATEGORIES:
        if any(sign in words for sign in signs):
            return category_id, what
    return None
