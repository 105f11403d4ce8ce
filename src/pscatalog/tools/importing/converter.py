"""The conversion of a services file's entries into category files' data.

The converter reads the entries, files each under its category, groups the
variants of each offering, and builds each offering from its entries: the
fields are read by :mod:`pscatalog.catalog.services_entry` (the reading the
export shares), and every fact it finds is reported through its code's
module. What has no place in the catalog goes under the offering's
``imported.unmapped``; nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from pscatalog.catalog.services_entry import (
    ClassSizeText,
    CustomSku,
    DurationDescribed,
    DurationDisagrees,
    DurationText,
    Fact,
    OtherCurrency,
    PriceInDuration,
    PriceText,
    PriceWithoutAmount,
    SitePath,
    Unclear,
    UnitDescribed,
    in_schema_order,
    read_maturity,
    read_offering,
    read_variant,
)
from pscatalog.catalog.services_file import BLOCK_KEY, KNOWN_KEYS, OFFERING_KEYS, SOLD_KEYS
from pscatalog.catalog.services_file import VARIANTS_KEY as VARIANTS
from pscatalog.catalog.values import is_sku
from pscatalog.diagnostics import Diagnostic, Location
from pscatalog.rules import (
    converted_value,
    duration_disagrees,
    missing_value,
    not_a_service_entry,
    placeholder_on_sold_entry,
    price_as_text,
    price_in_duration,
    remote_priced_on_site,
    unclear_value,
)
from pscatalog.tools.importing.categories import Categories
from pscatalog.tools.importing.entries import Entry, check_duplicates, read_entries
from pscatalog.tools.importing.grouping import Group, check_collisions, group
from pscatalog.tools.importing.source import Context, SourceFile


@dataclass
class Conversion:
    """What a services file becomes: category files' data, and what was found on the way."""

    categories: list[dict[str, Any]] = field(default_factory=list)
    """The category files' data, in page order, then the source's own categories."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Every finding, at its place in the source."""
    places: dict[str, Location] = field(default_factory=dict)
    """Where each category first appears in the source, by id (for findings about its file)."""
    source: Location | None = None
    """The place of the whole source (for findings that concern no entry)."""


def convert_entries(data: Any, source: SourceFile, source_name: str) -> Conversion:
    """Convert the data of a services file (a list of entries) into category files' data.

    ``source`` places each value (``data`` must be the data it locates);
    ``source_name`` is what the offerings' ``imported.source`` says.
    """
    context = Context(source, source_name)
    whole = source.locate(())
    if not isinstance(data, list):
        context.add(not_a_service_entry.not_a_list(data, whole))
        return Conversion(diagnostics=context.diagnostics, source=whole)
    entries = read_entries(context, data)
    check_duplicates(context, entries)
    categories = Categories(context)
    categories.assign(entries)
    groups = group(entries)
    check_collisions(context, groups)
    converter = _Converter(context, groups)
    offerings: dict[str, list[dict[str, Any]]] = {}
    for each in groups:
        offerings.setdefault(each.category, []).append(converter.offering(each))
    files = [
        {**categories.header(category_id), "offerings": offerings[category_id]}
        for category_id in categories.ordered(offerings)
    ]
    return Conversion(files, context.diagnostics, categories.places, whole)


class _Converter:
    """Builds each offering of a conversion from its group of entries."""

    def __init__(self, context: Context, groups: list[Group]) -> None:
        self.context = context
        self.siblings = {
            id(entry): [other for other in each.entries if other is not entry]
            for each in groups
            for entry in each.entries
        }
        """The other entries of each entry's group, by ``id()`` of the entry."""

    def offering(self, group: Group) -> dict[str, Any]:
        """Return the offering a group of entries makes."""
        first = group.entries[0]
        variant_ids = group.variant_ids()
        unmapped: dict[str, Any] = {}
        kept: list[dict[str, Any]] = [unmapped] + [{} for _ in group.entries[1:]]
        for entry, extra in zip(group.entries, kept, strict=True):
            self.placeholders(entry, extra)
        if "id" in first.data and first.source_id is None:
            unmapped["id"] = first.data["id"]
        offering: dict[str, Any] = {"id": group.offering_id}
        offering["name"] = self.name(group, unmapped)
        offering["maturity"] = self.maturity(group, unmapped)
        reading = read_offering(first.data, first.consumed)
        offering.update(reading.fields)
        self.keep(first, unmapped, reading.kept, reading.facts)
        offering.update(_overrides(first, "offering_fields"))
        offering = {key: value for key, value in offering.items() if value is not None}
        variants = []
        for position, (entry, variant_id) in enumerate(
            zip(group.entries, variant_ids, strict=True)
        ):
            variants.append(self.variant(entry, variant_id, offering, kept[position], position))
            if position:
                self.other_entry_keys(entry, group, variant_id, kept[position])
        offering["variants"] = variants
        offering["imported"] = self.imported(group, variant_ids, kept)
        return in_schema_order(offering, "offering")

    def name(self, group: Group, unmapped: dict[str, Any]) -> str:
        """Return the offering's name; a stand-in, reported, when its first entry has none."""
        name = group.name()
        if name is not None:
            return name
        first = group.entries[0]
        if "name" in first.data:
            unmapped["name"] = first.data["name"]
        stand_in = first.source_id or group.offering_id
        at = self.context.place(first, "name")
        self.context.add(missing_value.no_name(first.source_id, stand_in, at))
        return stand_in

    def maturity(self, group: Group, unmapped: dict[str, Any]) -> str:
        """Return the offering's maturity; the lowest its SKUs allow, reported, if unreadable."""
        first = group.entries[0]
        if "maturity" in _overrides(first, "offering_fields"):
            return ""  # the export's block gives it
        value = None if "maturity" in first.consumed else first.data.get("maturity")
        first.consumed.add("maturity")
        maturity = read_maturity(value)
        if maturity is not None:
            return maturity
        sold = any(is_sku(entry.data.get("sku")) for entry in group.entries)
        stand_in = "minimal" if sold else "planned"
        at = self.context.place(first, "maturity")
        self.context.add(
            missing_value.no_maturity(first.source_id, value, stand_in, sold=sold, at=at)
        )
        if "maturity" in first.data:
            unmapped["maturity"] = value
        return stand_in

    def variant(
        self,
        entry: Entry,
        variant_id: str,
        offering: dict[str, Any],
        unmapped: dict[str, Any],
        position: int,
    ) -> dict[str, Any]:
        """Return the variant an entry makes, given its offering's fields."""
        reading = read_variant(entry.data, offering, entry.consumed, first=position == 0)
        variant: dict[str, Any] = {"id": variant_id, **reading.fields}
        self.keep(entry, unmapped, reading.kept, reading.facts)
        if entry.block is None:
            variant.update(self.delivery(entry, variant_id))
            self.check_remote_price(entry, variant.get("price"))
        self.keep_unknown(entry, unmapped, position)
        variant.update(_overrides(entry, "variant_fields"))
        variant = {key: value for key, value in variant.items() if value is not None}
        return in_schema_order(variant, "variant")

    def delivery(self, entry: Entry, variant_id: str) -> dict[str, Any]:
        """Return what an entry's suffixes say about how its variant is delivered."""
        signals = entry.signals
        fields: dict[str, Any] = {}
        if signals.remote:
            fields["delivery"] = "remote"
        elif variant_id in ("standard", "custom") and any(
            other.signals.remote for other in self.siblings[id(entry)]
        ):
            # The entry without the remote suffix is the on-site delivery.
            fields["delivery"] = "on-site"
        if signals.deployment is not None:
            fields["deployment"] = signals.deployment
        if signals.cleared:
            fields["clearance"] = True
        return fields

    def check_remote_price(self, entry: Entry, price: dict[str, Any] | None) -> None:
        """Report an entry whose id says remote but whose price is the on-site one."""
        description = entry.data.get("price_desc")
        if entry.source_id is None or price is None or not isinstance(description, str):
            return
        finding = remote_priced_on_site.check(
            entry.source_id,
            price["amount"],
            description,
            partial(self.context.at, entry, "id"),
            partial(self.context.at, entry, "price"),
        )
        if finding is not None:
            self.context.add(finding)

    def placeholders(self, entry: Entry, unmapped: dict[str, Any]) -> None:
        """Report ``#TODO`` placeholders, and empty values on an entry sold with a SKU."""
        data = entry.data
        sku_placeholder = self.context.placeholder(entry, "sku") if "sku" in data else None
        sold = is_sku(data.get("sku")) or sku_placeholder is not None
        for key, value in data.items():
            if key in entry.consumed:
                continue
            todo = self.context.placeholder(entry, key)
            if todo is not None and sold:
                self.context.add(placeholder_on_sold_entry.placeholder(key, entry.source_id, todo))
            elif todo is not None:
                self.context.add(unclear_value.placeholder(key, todo))
            elif sold and key in SOLD_KEYS and value in (None, ""):
                at = self.context.at(entry, key)
                self.context.add(placeholder_on_sold_entry.empty(key, entry.source_id, at))
            else:
                continue
            unmapped[key] = value
            entry.consumed.add(key)

    def other_entry_keys(
        self, entry: Entry, group: Group, variant_id: str, unmapped: dict[str, Any]
    ) -> None:
        """Keep what another entry of the group says differently about the offering."""
        first = group.entries[0]
        generated = (
            entry.block is not None and entry.source_id == f"{group.offering_id}_{variant_id}"
        )
        if "id" in entry.data and not generated:
            unmapped["id"] = entry.data["id"]
        for key in OFFERING_KEYS:
            if key not in entry.data or key in entry.consumed:
                continue  # absent, or represented by the offering's value
            value = entry.data[key]
            if key in first.data and first.data[key] == value:
                continue
            unmapped[key] = value

    def keep_unknown(self, entry: Entry, unmapped: dict[str, Any], position: int) -> None:
        """Keep the keys that have no place in the catalog, as they are."""
        for key, value in entry.data.items():
            if key in KNOWN_KEYS or key in entry.consumed or key in unmapped:
                continue
            if key == BLOCK_KEY:
                at = self.context.at(entry, key)
                self.context.add(unclear_value.finding(key, value, "block", at))
            if position == 0 and key == VARIANTS:
                # The first entry's own key named like the other entries' block goes in it.
                unmapped.setdefault(VARIANTS, {})[key] = value
            else:
                unmapped[key] = value

    def imported(
        self, group: Group, variant_ids: list[str], kept: list[dict[str, Any]]
    ) -> dict[str, Any]:
        """Return the offering's ``imported`` block: its source, and what had no place."""
        first = group.entries[0]
        unmapped = kept[0]
        own = unmapped.pop(VARIANTS, None)
        others = {
            variant_id: _in_source_order(extra, entry.data)
            for variant_id, entry, extra in zip(variant_ids, group.entries, kept, strict=True)
            if extra is not unmapped and extra
        }
        if own is not None:
            others = {variant_ids[0]: own, **others}
        if others:
            unmapped[VARIANTS] = others
        imported: dict[str, Any] = {"source": self.context.source_name}
        if first.source_id is not None:
            imported["source_id"] = first.source_id
        if unmapped:
            imported["unmapped"] = _in_source_order(unmapped, first.data)
        return imported

    def keep(
        self, entry: Entry, unmapped: dict[str, Any], kept: dict[str, Any], facts: Iterable[Fact]
    ) -> None:
        """Keep what a reading kept, and report what it found."""
        unmapped.update(kept)
        for fact in facts:
            self.context.add(self.finding(entry, fact))

    def finding(self, entry: Entry, fact: Fact) -> Diagnostic:
        """Return the finding of a fact about an entry, made by its code's module."""
        at = self.context.at
        match fact:
            case Unclear(key, value, expected):
                return unclear_value.finding(key, value, expected, at(entry, key))
            case OtherCurrency(value, currency):
                return unclear_value.other_currency(value, currency, at(entry, "currency"))
            case SitePath(key, value, url):
                return converted_value.site_path(key, value, url, at(entry, key))
            case CustomSku(value):
                return converted_value.custom_sku(value, at(entry, "sku"))
            case ClassSizeText(value, size):
                return converted_value.class_size(value, size, at(entry, "class_size"))
            case DurationText(value, duration):
                return converted_value.duration_as_text(value, duration, at(entry, "duration"))
            case DurationDescribed(text, duration):
                return converted_value.described_duration(
                    text, duration, at(entry, "duration_desc")
                )
            case DurationDisagrees(days, text):
                return duration_disagrees.finding(
                    days, text, at(entry, "duration"), at(entry, "duration_desc")
                )
            case PriceInDuration(key, text, price):
                return price_in_duration.finding(key, text, price, at(entry, key))
            case PriceText(text, amount, currency):
                return price_as_text.converted(text, amount, currency, at(entry, "price"))
            case PriceWithoutAmount(text):
                return price_as_text.without_amount(text, at(entry, "price"))
            case UnitDescribed(text, unit):
                return converted_value.described_unit(text, unit, at(entry, "price_desc"))


def _overrides(entry: Entry, kind: str) -> dict[str, Any]:
    """Return the fields an entry's export block sets (``offering_fields``, ``variant_fields``)."""
    fields = (entry.block or {}).get(kind)
    return fields if isinstance(fields, dict) else {}


def _in_source_order(unmapped: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """Order the unmapped keys as the source entry has them; the other entries' block last."""
    position = {key: index for index, key in enumerate(data)}
    return dict(
        sorted(
            unmapped.items(),
            key=lambda pair: (pair[0] == VARIANTS, position.get(pair[0], len(position))),
        )
    )
