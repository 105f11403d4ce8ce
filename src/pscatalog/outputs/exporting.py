"""Exports of the catalog for other programs.

The ``json`` export is the whole catalog as one nested tree: levels, each with
its categories, each with its offerings and their variants.

The ``services-yml`` export is GitLab's flat services file, the one its
handbook templates read: one entry per variant, with the fields of the real
file (``id``, ``name``, ``level`` as ``1 - Product``, ``category`` as the file
names it, a capitalised ``maturity``, ``sku``, ``price``, ``price_desc``,
``unit``, ``duration``, ``duration_desc``, ``standard_sow``, ...) and what an
import kept under ``imported.unmapped``. Each entry also has a ``pscatalog``
block naming its category, offering and variant, with whatever catalog values
the flat fields cannot carry, so that ``pscatalog import`` gives back the same
offerings. What the flat fields carry is decided by reading them back as
import reads them (:mod:`pscatalog.catalog.services_entry`); the export does
not run the import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pscatalog.catalog.model import Catalog, Entry, Offering
from pscatalog.catalog.services_entry import (
    in_schema_order,
    name_text,
    read_maturity,
    read_offering,
    read_variant,
)
from pscatalog.catalog.services_file import (
    BLOCK_KEY,
    OFFERING_KEYS,
    SOURCE_CATEGORY_NAMES,
    VARIANTS_KEY,
)
from pscatalog.catalog.values import duration_agrees, duration_text, money_text, parse_duration
from pscatalog.outputs.escaping import json_text
from pscatalog.yamltext.emitter import services_text


def catalog_tree(catalog: Catalog) -> dict[str, Any]:
    """Return the catalog as one nested tree of plain data.

    ``{"levels": [{..., "categories": [{..., "offerings": [{..., "variants":
    [...]}]}]}]}``, levels by rank and categories in page order. Categories
    whose level is not defined are listed under ``"unassigned_categories"``.
    """
    by_level: dict[str, list[dict[str, Any]]] = {}
    unassigned: list[dict[str, Any]] = []
    for category in catalog.ordered_categories():
        data = {key: value for key, value in category.data.items() if key != "schema_version"}
        level = category.text("level")
        if level is not None and catalog.level_rank(level) is not None:
            by_level.setdefault(level, []).append(data)
        else:
            unassigned.append(data)
    levels = sorted(catalog.levels, key=lambda level: _rank(level.data.get("rank")))
    tree: dict[str, Any] = {
        "levels": [
            {**level.data, "categories": by_level.get(level.text("id") or "", [])}
            for level in levels
        ]
    }
    if unassigned:
        tree["unassigned_categories"] = unassigned
    return tree


def export_json(catalog: Catalog) -> str:
    """Return the catalog tree as JSON text, every character in it printable.

    Controls and bidirectional marks in the catalog's text are JSON escapes (the
    same data), so that the export is safe to print in a terminal or a CI log.
    """
    return json_text(catalog_tree(catalog))


def _rank(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 1 << 30


def export_services(catalog: Catalog) -> str:
    """Return the catalog as GitLab's flat services file (YAML text)."""
    return services_text(services_entries(catalog))


def services_entries(catalog: Catalog) -> list[dict[str, Any]]:
    """Return the services file's entries: one per variant, categories in page order."""
    entries: list[dict[str, Any]] = []
    for category in catalog.ordered_categories():
        for offering in catalog.offerings_of(category):
            entries += _offering_entries(catalog, category, offering)
    return entries


def _offering_entries(
    catalog: Catalog, category: Entry, offering: Offering
) -> list[dict[str, Any]]:
    """Return the entries of an offering's variants, each with its ``pscatalog`` block.

    Each entry's flat fields are read back as ``pscatalog import`` reads
    them, and what comes back different is written in the blocks: the
    offering's values in the first entry's, then each variant's in its own
    (how a variant's name and description read depends on the offering's).
    """
    data = offering.entry.data
    variants = [variant.data for variant in offering.variants]
    entries = [
        _entry(catalog, category, data, variant, position)
        for position, variant in enumerate(variants)
    ]
    variant_ids = [str(variant.get("id", "")) for variant in variants]
    if not entries or len(set(variant_ids)) != len(variant_ids):
        return entries  # import makes two offerings of a variant id used twice: no block can help
    wanted = {key: value for key, value in data.items() if key != "imported"}
    offering_fields = _differences(_read_back(entries[0]), wanted, ("id", "variants", "imported"))
    if offering_fields:
        entries[0][BLOCK_KEY]["offering_fields"] = offering_fields
    read = {**_read_back(entries[0]), **offering_fields}
    read = {key: value for key, value in read.items() if value is not None}
    for position, (entry, variant) in enumerate(zip(entries, variants, strict=True)):
        got = read_variant(entry, read, first=position == 0).fields
        variant_fields = _differences(in_schema_order(got, "variant"), variant, ("id",))
        if variant_fields:
            entry[BLOCK_KEY]["variant_fields"] = variant_fields
    return entries


_UNREAD = object()
"""What import reads where it puts a stand-in: equal to no value of the catalog."""


def _read_back(entry: dict[str, Any]) -> dict[str, Any]:
    """Return the offering's fields as import reads them from its first entry."""
    got = {
        "name": name_text(entry) or _UNREAD,
        "maturity": read_maturity(entry.get("maturity")) or _UNREAD,
        **read_offering(entry).fields,
    }
    return in_schema_order(got, "offering")


def _differences(
    got: dict[str, Any], wanted: dict[str, Any], skip: tuple[str, ...]
) -> dict[str, Any]:
    """Return each key whose value ``got`` lacks, with the wanted one (``None``: it must go)."""
    return {
        key: wanted.get(key)
        for key in dict.fromkeys([*wanted, *got])
        if key not in skip and got.get(key) != wanted.get(key)
    }


def _entry(
    catalog: Catalog,
    category: Entry,
    offering: dict[str, Any],
    variant: dict[str, Any],
    position: int,
) -> dict[str, Any]:
    """Return one variant as a services file entry (before its block is completed)."""
    offering_id = str(offering.get("id", ""))
    variant_id = str(variant.get("id", ""))
    imported = _mapping(offering.get("imported"))
    unmapped = _mapping(imported.get("unmapped"))
    own = _mapping(_mapping(unmapped.get(VARIANTS_KEY)).get(variant_id))
    name = offering.get("name")
    entry: dict[str, Any] = {}
    if position == 0:
        entry["id"] = imported.get("source_id") or offering_id
        entry["name"] = variant.get("name") or name
    else:
        entry["id"] = own.get("id") or f"{offering_id}_{variant_id}"
        entry["name"] = variant.get("name") or f"{name} ({variant_id})"
    _put(entry, "desc_url", offering.get("url"))
    _put(entry, "short_desc", offering.get("summary"))
    description = variant.get("description", offering.get("description"))
    _put(entry, "description2", description)
    _put(entry, "target_audience", offering.get("target_audience"))
    entry["level"] = _level_text(catalog, category)
    category_id = category.text("id") or ""
    entry["category"] = SOURCE_CATEGORY_NAMES.get(category_id) or category.text("name")
    maturity = offering.get("maturity")
    entry["maturity"] = maturity.capitalize() if isinstance(maturity, str) else maturity
    entry.update(_price_fields(_mapping(variant.get("price"))))
    entry.update(_duration_fields(_mapping(variant.get("duration"))))
    _put(entry, "sku", variant.get("sku"))
    _put(entry, "class_size", variant.get("class_size"))
    _put(entry, "standard_sow", variant.get("standard_sow"))
    stages = offering.get("stages")
    if isinstance(stages, list) and all(isinstance(stage, str) for stage in stages):
        entry["stages"] = ", ".join(stages)
    _put(entry, "delivery_kit", _mapping(offering.get("evidence")).get("delivery_kit"))
    if position == 0:
        for key, value in unmapped.items():
            if key != VARIANTS_KEY:
                entry.setdefault(key, value)
    for key, value in own.items():
        # What this entry said differently about the offering is its own to say.
        if key in OFFERING_KEYS or key not in entry:
            entry[key] = value
    entry[BLOCK_KEY] = {"category": category_id, "offering": offering_id, "variant": variant_id}
    return entry


def _price_fields(price: dict[str, Any]) -> dict[str, Any]:
    if not price:
        return {}
    currency = price.get("currency", "USD")
    note = price.get("note")
    fields: dict[str, Any] = {}
    if "amount" in price:
        fields["price"] = price["amount"]
        fields["price_desc"] = note if note is not None else money_text(price["amount"], currency)
    elif "min" in price and "max" in price:
        low, high = money_text(price["min"], currency), money_text(price["max"], currency)
        fields["price_desc"] = f"{low} to {high}" + (f", {note}" if note is not None else "")
    if price.get("unit", "engagement") != "engagement":
        fields["unit"] = price.get("unit")
    if currency != "USD":
        fields["currency"] = currency
    return fields


def _duration_fields(duration: dict[str, Any]) -> dict[str, Any]:
    """Return ``duration`` (days, as the file counts) and ``duration_desc``.

    Written so that import reads them back: a range of days gives its
    shortest as the number of days; a note is written alone when it says the
    length in its own words ("Estimated to be 3 weeks total") or when it
    cannot be read as that number of days, else after the length.
    """
    if not duration:
        return {}
    fields: dict[str, Any] = {}
    note = duration.get("note")
    if duration.get("unit") == "day":
        days = duration.get("value", duration.get("min"))
        fields["duration"] = days
        if days is not None and "value" in duration and isinstance(note, str):
            parsed = parse_duration(note)
            if parsed is None or not duration_agrees(parsed, days) or parsed == duration:
                fields["duration_desc"] = note
                return fields
    if isinstance(note, str) and parse_duration(note) == duration:
        fields["duration_desc"] = note  # the note says the length in its own words
        return fields
    fields["duration_desc"] = duration_text(duration)
    return fields


def _level_text(catalog: Catalog, category: Entry) -> Any:
    """Return the category's level as the services file writes it: ``1 - Product``."""
    level_id = category.text("level")
    for level in catalog.levels:
        if level.text("id") == level_id:
            return f"{level.data.get('rank')} - {level.text('name') or level_id}"
    return level_id


def _put(entry: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        entry[key] = value


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


EXPORTER_BY_FORMAT: dict[str, Callable[[Catalog], str]] = {
    "json": export_json,
    "services-yml": export_services,
}
"""The exports of ``pscatalog export --format``, by name."""

FORMATS = tuple(EXPORTER_BY_FORMAT)
"""The formats ``pscatalog export`` can write."""
