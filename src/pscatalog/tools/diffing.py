"""What changed between two versions of a catalog, for merge requests.

:func:`read_side` reads one side: a catalog folder, or a git revision of the
repository around the current folder (the catalog's files at that revision,
read from git's object store, never from the work tree).
:func:`diff_catalogs` compares two catalogs:

- offerings are matched by id; an offering whose id changed but whose SKUs
  are the same (and not none) is a rename, not a removal and an addition;
- a matched offering's maturity moves up (a promotion) or down (a demotion);
- its variants are matched by id: added, removed, or changed field by field
  (SKU, price, duration, delivery, ...);
- SKUs added to or removed from the whole catalog are listed on their own,
  since that is what sales operations acts on;
- any other change of a matched offering (name, category, evidence, ...) is
  listed field by field;
- categories and levels are matched by id (a category whose id changed in
  the same file, a level whose id changed at the same rank, is the same one):
  added, removed, or changed field by field (id, name, level, description,
  order, owner; a level's rank and persona; the order of the offerings a
  category kept, of the levels the levels file kept).

Nothing in the catalog's data changes without a line in the diff, so
"No changes to the catalog." means none.

:func:`diff_markdown` writes it for a merge-request comment or a CI job
summary; :func:`diff_json` for programs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from pscatalog.catalog.discovery import DEFAULT_CATALOG, find_catalog
from pscatalog.catalog.model import (
    MATURITIES,
    YAML_SUFFIXES,
    Catalog,
    Entry,
    Offering,
    display_name,
)
from pscatalog.catalog.pairing import offering_id as _id
from pscatalog.catalog.pairing import offering_skus as _skus
from pscatalog.catalog.pairing import offerings_by_id as _by_id
from pscatalog.catalog.pairing import pair_offerings
from pscatalog.checks import config as config_module
from pscatalog.checks.checker import ValidationResult, validate
from pscatalog.checks.config import (
    DEFAULT_CONFIG,
    Config,
)
from pscatalog.checks.fingerprints import repository_path, repository_root
from pscatalog.diagnostics import Diagnostic, Location, Severity, parts_of
from pscatalog.errors import UsageError
from pscatalog.files.gittree import (
    GitTree,
    git_top,
    printable,
    run_git,
)
from pscatalog.files.sources import Files
from pscatalog.outputs.escaping import json_text, markdown_code, markdown_text
from pscatalog.outputs.rendering import NONE, format_duration, format_price, markdown_row
from pscatalog.rules.registry import STRUCTURAL
from pscatalog.tools.gitcatalog import config_in_git, git_catalog_files
from pscatalog.yamltext.loader import Document

ATOMIC_FIELDS = frozenset({"price", "duration"})
"""Mapping fields compared, and shown, as one value rather than key by key."""
SHORT_TEXT = 60
"""Longer texts are shortened in Markdown tables; JSON keeps them whole."""
LEVELS_FILE = "levels file"
"""How a diff names the levels file, for a change of its own keys (outside any level)."""
RENAMING_FIELDS = ("id", "name")
"""The fields whose change the summary counts as a category or level renamed."""


@dataclass(frozen=True, slots=True)
class OfferingRef:
    """An offering as a diff names it."""

    id: str
    name: str
    category: str
    """The id of its category."""
    maturity: str
    skus: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rename:
    """An offering whose id changed while its SKUs (or, without SKUs, its name) stayed the same."""

    old_id: str
    new_id: str
    name: str
    """Its name in the new catalog."""
    skus: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MaturityChange:
    """An offering whose maturity moved; ``id`` and ``name`` are the new ones."""

    id: str
    name: str
    old: str
    new: str

    @property
    def promotion(self) -> bool:
        """Whether the maturity moved up the model."""
        return _rank(self.new) > _rank(self.old)


@dataclass(frozen=True, slots=True)
class VariantRef:
    """A variant of an offering, as a diff names it."""

    offering: str
    """The id of its offering (the new id for a renamed offering)."""
    offering_name: str
    id: str
    name: str | None
    sku: str | None


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of an offering or of a variant that changed.

    ``field`` is the key, dotted for a key inside a mapping
    (``evidence.deliveries``); ``old`` and ``new`` are the values as the
    files hold them, ``None`` where the field is absent.
    """

    offering: str
    offering_name: str
    variant: str | None
    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class CategoryRef:
    """A category as a diff names it."""

    id: str
    name: str
    level: str
    """The id of its level."""
    offerings: tuple[str, ...]
    """The ids of its offerings, in file order."""


@dataclass(frozen=True, slots=True)
class LevelRef:
    """A level of service as a diff names it."""

    id: str
    name: str
    rank: Any
    persona: str | None


@dataclass(frozen=True, slots=True)
class EntryChange:
    """One field of a category or of a level that changed.

    ``id`` and ``name`` are the new ones (``id`` is ``None`` for a key of
    the levels file itself, outside any level); ``field`` is dotted as in
    :class:`FieldChange`; ``id`` itself is a field when it changed. The
    field ``offerings`` of a category (``levels`` of the levels file) is the
    order of the entries kept on both sides, as lists of (new) ids.
    """

    id: str | None
    name: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class CatalogDiff:
    """Everything that changed from an old catalog to a new one, in catalog order."""

    added: tuple[OfferingRef, ...] = ()
    removed: tuple[OfferingRef, ...] = ()
    renamed: tuple[Rename, ...] = ()
    promoted: tuple[MaturityChange, ...] = ()
    demoted: tuple[MaturityChange, ...] = ()
    variants_added: tuple[VariantRef, ...] = ()
    variants_removed: tuple[VariantRef, ...] = ()
    variants_changed: tuple[FieldChange, ...] = ()
    """One entry per field changed; see :attr:`changed_variant_count`."""
    offerings_changed: tuple[FieldChange, ...] = ()
    """Changes of matched offerings other than maturity and variants."""
    skus_added: tuple[str, ...] = ()
    skus_removed: tuple[str, ...] = ()
    categories_added: tuple[CategoryRef, ...] = ()
    categories_removed: tuple[CategoryRef, ...] = ()
    categories_changed: tuple[EntryChange, ...] = ()
    levels_added: tuple[LevelRef, ...] = ()
    levels_removed: tuple[LevelRef, ...] = ()
    levels_changed: tuple[EntryChange, ...] = ()

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return not any(
            (
                self.added,
                self.removed,
                self.renamed,
                self.promoted,
                self.demoted,
                self.variants_added,
                self.variants_removed,
                self.variants_changed,
                self.offerings_changed,
                self.skus_added,
                self.skus_removed,
                self.categories_added,
                self.categories_removed,
                self.categories_changed,
                self.levels_added,
                self.levels_removed,
                self.levels_changed,
            )
        )

    @property
    def changed_variant_count(self) -> int:
        """How many variants have at least one field changed."""
        return len({(change.offering, change.variant) for change in self.variants_changed})

    def summary(self) -> str:
        """Return one line that counts the changes ("No changes to the catalog." if none)."""
        categories, levels = self.categories_changed, self.levels_changed
        counts = (
            (len(self.added), "offering", "added"),
            (len(self.removed), "offering", "removed"),
            (len(self.renamed), "offering", "renamed"),
            (len(self.promoted), "promotion", ""),
            (len(self.demoted), "demotion", ""),
            (len(self.variants_added), "variant", "added"),
            (len(self.variants_removed), "variant", "removed"),
            (self.changed_variant_count, "variant", "changed"),
            (len(self.skus_added), "SKU", "added"),
            (len(self.skus_removed), "SKU", "removed"),
            (len(self.offerings_changed), "other offering change", ""),
            (len(self.categories_added), "category", "added"),
            (len(self.categories_removed), "category", "removed"),
            (_count(categories, RENAMING_FIELDS), "category", "renamed"),
            (_count(categories, ("level",)), "category", "moved to another level"),
            (_others(categories), "other category change", ""),
            (len(self.levels_added), "level", "added"),
            (len(self.levels_removed), "level", "removed"),
            (_count(levels, RENAMING_FIELDS), "level", "renamed"),
            (_others(levels), "other level change", ""),
        )
        parts = [
            f"{count} {_plural(noun, count)}" + (f" {verb}" if verb else "")
            for count, noun, verb in counts
            if count
        ]
        return ", ".join(parts) + "." if parts else "No changes to the catalog."


def diff_catalogs(old: Catalog, new: Catalog) -> CatalogDiff:
    """Return what changed from ``old`` to ``new`` (see the module's documentation)."""
    pairing = pair_offerings(old, new)
    new_by_id = _by_id(new.offerings)
    levels = _pair_entries(old.levels, new.levels, _rank_of)
    level_ids = _id_map(levels.pairs)
    categories = _pair_entries(old.categories, new.categories, _file_of)
    category_ids = _id_map(categories.pairs)
    offerings = _OfferingChanges()
    for before, after in pairing.pairs:
        offerings.compare(before, after, category_ids)
    offering_ids = {**{_id(o): _id(o) for o in old.offerings}, **dict(pairing.renames)}
    old_skus = _all_skus(old)
    new_skus = _all_skus(new)
    return CatalogDiff(
        added=tuple(_ref(offering) for offering in pairing.added),
        removed=tuple(_ref(offering) for offering in pairing.removed),
        renamed=tuple(
            Rename(old_id, new_id, _name(new_by_id[new_id]), _skus(new_by_id[new_id]))
            for old_id, new_id in pairing.renames
        ),
        promoted=tuple(offerings.promoted),
        demoted=tuple(offerings.demoted),
        variants_added=tuple(offerings.variants_added),
        variants_removed=tuple(offerings.variants_removed),
        variants_changed=tuple(offerings.variants_changed),
        offerings_changed=tuple(offerings.changed),
        skus_added=tuple(sku for sku in new_skus if sku not in old_skus),
        skus_removed=tuple(sku for sku in old_skus if sku not in new_skus),
        categories_added=tuple(_category_ref(new, entry) for entry in categories.added),
        categories_removed=tuple(_category_ref(old, entry) for entry in categories.removed),
        categories_changed=tuple(
            change
            for before, after in categories.pairs
            for change in _category_changes(old, new, before, after, level_ids, offering_ids)
        ),
        levels_added=tuple(_level_ref(entry) for entry in levels.added),
        levels_removed=tuple(_level_ref(entry) for entry in levels.removed),
        levels_changed=_levels_changes(old, new, levels.pairs, level_ids),
    )


@dataclass
class _OfferingChanges:
    """The changes of matched offerings, collected pair by pair."""

    promoted: list[MaturityChange] = field(default_factory=list)
    demoted: list[MaturityChange] = field(default_factory=list)
    variants_added: list[VariantRef] = field(default_factory=list)
    variants_removed: list[VariantRef] = field(default_factory=list)
    variants_changed: list[FieldChange] = field(default_factory=list)
    changed: list[FieldChange] = field(default_factory=list)

    def compare(self, before: Offering, after: Offering, category_ids: Mapping[str, str]) -> None:
        """Add what changed from ``before`` to ``after``, the same offering."""
        offering_id, name = _id(after), _name(after)
        if before.claimed != after.claimed:
            change = MaturityChange(offering_id, name, before.claimed, after.claimed)
            (self.promoted if change.promotion else self.demoted).append(change)
        old_category = _category(before)
        # A category whose id changed is shown once, as the category's change.
        if category_ids.get(old_category, old_category) != _category(after):
            self.changed.append(
                FieldChange(offering_id, name, None, "category", old_category, _category(after))
            )
        for key, old_value, new_value in _field_changes(
            before.entry.data, after.entry.data, skip=("id", "maturity", "variants")
        ):
            self.changed.append(FieldChange(offering_id, name, None, key, old_value, new_value))
        old_variants = _variants_by_id(before)
        new_variants = _variants_by_id(after)
        for variant_id, variant in old_variants.items():
            if variant_id not in new_variants:
                self.variants_removed.append(_variant_ref(after, variant))
        for variant_id, variant in new_variants.items():
            if variant_id not in old_variants:
                self.variants_added.append(_variant_ref(after, variant))
                continue
            for key, old_value, new_value in _field_changes(
                old_variants[variant_id].data, variant.data, skip=("id",)
            ):
                self.variants_changed.append(
                    FieldChange(offering_id, name, variant_id, key, old_value, new_value)
                )


@dataclass(frozen=True, slots=True)
class _EntryPairing:
    """Categories or levels of two catalogs, matched."""

    pairs: tuple[tuple[Entry, Entry], ...]
    """(old, new) of each entry in both, in the new catalog's order."""
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]


def _pair_entries(
    old: Sequence[Entry], new: Sequence[Entry], fallback: Callable[[Entry], Any]
) -> _EntryPairing:
    """Match entries by id, else by ``fallback`` where it names one entry on each side.

    An id used more than once is matched every way, so that no copy can
    stand in for a changed one.
    """
    old_by_id: dict[str | None, list[Entry]] = {}
    for entry in old:
        old_by_id.setdefault(entry.text("id"), []).append(entry)
    new_ids = {entry.text("id") for entry in new}
    old_left = [entry for entry in old if entry.text("id") not in new_ids]
    new_left = [entry for entry in new if entry.text("id") not in old_by_id]

    def alone(entries: Sequence[Entry]) -> dict[Any, Entry]:
        keys = [fallback(entry) for entry in entries]
        return {
            key: entry
            for key, entry in zip(keys, entries, strict=True)
            if key is not None and keys.count(key) == 1
        }

    old_alone, new_alone = alone(old_left), alone(new_left)
    matched = {id(entry): old_alone[key] for key, entry in new_alone.items() if key in old_alone}
    pairs: list[tuple[Entry, Entry]] = []
    for entry in new:
        if id(entry) in matched:
            pairs.append((matched[id(entry)], entry))
        pairs.extend((before, entry) for before in old_by_id.get(entry.text("id"), []))
    kept_old = {id(before) for before, _ in pairs}
    return _EntryPairing(
        pairs=tuple(pairs),
        added=tuple(entry for entry in new_left if id(entry) not in matched),
        removed=tuple(entry for entry in old if id(entry) not in kept_old),
    )


def _rank_of(level: Entry) -> Any:
    rank = level.data.get("rank")
    return rank if isinstance(rank, int) and not isinstance(rank, bool) else None


def _file_of(category: Entry) -> str:
    return category.doc.path.name


def _id_map(pairs: Iterable[tuple[Entry, Entry]]) -> dict[str, str]:
    """Return the new id of each matched entry by its old id."""
    return {
        before.text("id") or "": after.text("id") or ""
        for before, after in pairs
        if before.text("id") != after.text("id")
    }


def _category_changes(
    old: Catalog,
    new: Catalog,
    before: Entry,
    after: Entry,
    level_ids: Mapping[str, str],
    offering_ids: Mapping[str, str],
) -> Iterator[EntryChange]:
    """Yield what changed in a matched category: id, level, other fields, offerings' order."""
    category_id, name = after.text("id") or "", after.text("name") or after.text("id") or ""
    if before.text("id") != after.text("id"):
        yield EntryChange(category_id, name, "id", before.text("id"), after.text("id"))
    for key, old_value, new_value in _field_changes(
        before.data, after.data, skip=("id", "offerings")
    ):
        # A level whose id changed is shown once, as the level's change.
        if key == "level" and isinstance(old_value, str) and level_ids.get(old_value) == new_value:
            continue
        yield EntryChange(category_id, name, key, old_value, new_value)
    order = _order_change(
        [offering_ids.get(_id(o), _id(o)) for o in old.offerings_of(before)],
        [_id(o) for o in new.offerings_of(after)],
    )
    if order is not None:
        yield EntryChange(category_id, name, "offerings", *order)


def _levels_changes(
    old: Catalog,
    new: Catalog,
    pairs: Sequence[tuple[Entry, Entry]],
    level_ids: Mapping[str, str],
) -> tuple[EntryChange, ...]:
    """Return what changed in matched levels, then in the levels file's own keys and order."""
    changes: list[EntryChange] = []
    for before, after in pairs:
        level_id, name = after.text("id") or "", after.text("name") or after.text("id") or ""
        if before.text("id") != after.text("id"):
            changes.append(EntryChange(level_id, name, "id", before.text("id"), after.text("id")))
        changes.extend(
            EntryChange(level_id, name, key, old_value, new_value)
            for key, old_value, new_value in _field_changes(before.data, after.data, skip=("id",))
        )
    old_file = _mapping(old.levels_doc.data if old.levels_doc else None)
    new_file = _mapping(new.levels_doc.data if new.levels_doc else None)
    changes.extend(
        EntryChange(None, LEVELS_FILE, key, old_value, new_value)
        for key, old_value, new_value in _field_changes(old_file, new_file, skip=("levels",))
    )
    order = _order_change(
        [level_ids.get(level.text("id") or "", level.text("id") or "") for level in old.levels],
        [level.text("id") or "" for level in new.levels],
    )
    if order is not None:
        changes.append(EntryChange(None, LEVELS_FILE, "levels", *order))
    return tuple(changes)


def _order_change(old: Sequence[str], new: Sequence[str]) -> tuple[list[str], list[str]] | None:
    """Return the order of the ids on both sides, where those kept changed order."""
    kept_old = [key for key in old if key in new]
    kept_new = [key for key in new if key in old]
    return (kept_old, kept_new) if kept_old != kept_new else None


def _mapping(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}


def _category_ref(catalog: Catalog, category: Entry) -> CategoryRef:
    return CategoryRef(
        category.text("id") or "",
        category.text("name") or category.text("id") or "",
        category.text("level") or "",
        tuple(_id(offering) for offering in catalog.offerings_of(category)),
    )


def _level_ref(level: Entry) -> LevelRef:
    return LevelRef(
        level.text("id") or "",
        level.text("name") or level.text("id") or "",
        level.data.get("rank"),
        level.text("persona"),
    )


def _count(changes: Sequence[EntryChange], fields: Sequence[str]) -> int:
    """Return how many entries have a change of one of ``fields``."""
    return len({change.id for change in changes if change.id and change.field in fields})


def _others(changes: Sequence[EntryChange]) -> int:
    return sum(1 for change in changes if change.field not in (*RENAMING_FIELDS, "level"))


def _plural(noun: str, count: int) -> str:
    if count == 1:
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


# -- output ----------------------------------------------------------------------------


def diff_markdown(diff: CatalogDiff, *, heading_level: int = 2) -> str:
    """Return the diff as Markdown for a merge-request comment.

    A heading, the one-line summary, then one section (a heading and a
    table) per kind of change that happened, in this order: offerings added,
    removed, renamed; maturity promotions, demotions; variants added, removed,
    changed; SKUs added, removed; other offering changes; categories added,
    removed, changed; levels added, removed, changed.
    """
    hashes = "#" * heading_level
    sub = "#" * (heading_level + 1)
    blocks = [f"{hashes} Catalog changes\n", f"{diff.summary()}\n"]

    def section(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """Add a table whose cells are already Markdown (catalog text escaped)."""
        if not rows:
            return
        lines = [
            markdown_row(header),
            markdown_row([":--" for _ in header]),
            *(markdown_row(row) for row in rows),
        ]
        blocks.append(f"{sub} {title}\n\n" + "\n".join(lines) + "\n")

    offering_header = ("Offering", "Category", "Maturity", "SKUs")
    for title, refs in (("Offerings added", diff.added), ("Offerings removed", diff.removed)):
        section(
            title,
            offering_header,
            [
                (
                    _label(ref.name, ref.id),
                    markdown_code(ref.category),
                    markdown_text(ref.maturity.capitalize()),
                    markdown_text(", ".join(ref.skus) or NONE),
                )
                for ref in refs
            ],
        )
    section(
        "Offerings renamed",
        ("Old id", "New id", "Name", "SKUs"),
        [
            (
                markdown_code(rename.old_id),
                markdown_code(rename.new_id),
                markdown_text(rename.name),
                markdown_text(", ".join(rename.skus)),
            )
            for rename in diff.renamed
        ],
    )
    for title, changes in (
        ("Maturity promotions", diff.promoted),
        ("Maturity demotions", diff.demoted),
    ):
        section(
            title,
            ("Offering", "Maturity"),
            [
                (
                    _label(change.name, change.id),
                    markdown_text(f"{change.old.capitalize()} → {change.new.capitalize()}"),
                )
                for change in changes
            ],
        )
    for title, variants in (
        ("Variants added", diff.variants_added),
        ("Variants removed", diff.variants_removed),
    ):
        section(
            title,
            ("Offering", "Variant", "SKU"),
            [
                (
                    _label(ref.offering_name, ref.offering),
                    _label(ref.name, ref.id),
                    markdown_text(ref.sku or NONE),
                )
                for ref in variants
            ],
        )
    section(
        "Variants changed",
        ("Offering", "Variant", "Field", "Old", "New"),
        [
            (
                _label(change.offering_name, change.offering),
                markdown_code(change.variant or ""),
                markdown_text(change.field),
                *(markdown_text(side) for side in _shown_pair(change)),
            )
            for change in diff.variants_changed
        ],
    )
    skus = [(markdown_text(sku), "added") for sku in diff.skus_added]
    skus += [(markdown_text(sku), "removed") for sku in diff.skus_removed]
    section("SKUs", ("SKU", "Change"), skus)
    section(
        "Other offering changes",
        ("Offering", "Field", "Old", "New"),
        [
            (
                _label(change.offering_name, change.offering),
                markdown_text(change.field),
                *(markdown_text(side) for side in _shown_pair(change)),
            )
            for change in diff.offerings_changed
        ],
    )
    _entry_sections(diff, section)
    return "\n".join(blocks)


def _entry_sections(
    diff: CatalogDiff, section: Callable[[str, Sequence[str], Sequence[Sequence[str]]], None]
) -> None:
    """Add the tables of categories and levels added, removed and changed."""
    for title, categories in (
        ("Categories added", diff.categories_added),
        ("Categories removed", diff.categories_removed),
    ):
        section(
            title,
            ("Category", "Level", "Offerings"),
            [
                (
                    _label(ref.name, ref.id),
                    markdown_code(ref.level),
                    ", ".join(markdown_code(key) for key in ref.offerings) or NONE,
                )
                for ref in categories
            ],
        )
    section(
        "Categories changed",
        ("Category", "Field", "Old", "New"),
        [_entry_row(change) for change in diff.categories_changed],
    )
    for title, levels in (
        ("Levels added", diff.levels_added),
        ("Levels removed", diff.levels_removed),
    ):
        section(
            title,
            ("Level", "Rank", "Persona"),
            [
                (_label(ref.name, ref.id), _raw(ref.rank), markdown_text(ref.persona or NONE))
                for ref in levels
            ],
        )
    section(
        "Levels changed",
        ("Level", "Field", "Old", "New"),
        [_entry_row(change) for change in diff.levels_changed],
    )


def _entry_row(change: EntryChange) -> tuple[str, ...]:
    label = markdown_text(change.name) if change.id is None else _label(change.name, change.id)
    return (
        label,
        markdown_text(change.field),
        *(markdown_text(side) for side in _shown_pair(change)),
    )


def diff_data(diff: CatalogDiff) -> dict[str, Any]:
    """Return the diff as plain data; :func:`diff_json` documents its shape."""

    def offering(ref: OfferingRef) -> dict[str, Any]:
        return {
            "id": ref.id,
            "name": ref.name,
            "category": ref.category,
            "maturity": ref.maturity,
            "skus": list(ref.skus),
        }

    def maturity(change: MaturityChange) -> dict[str, Any]:
        return {"id": change.id, "name": change.name, "old": change.old, "new": change.new}

    def variant(ref: VariantRef) -> dict[str, Any]:
        return {"offering": ref.offering, "id": ref.id, "name": ref.name, "sku": ref.sku}

    def field(change: FieldChange) -> dict[str, Any]:
        data: dict[str, Any] = {"offering": change.offering}
        if change.variant is not None:
            data["variant"] = change.variant
        return {**data, "field": change.field, "old": change.old, "new": change.new}

    def category(ref: CategoryRef) -> dict[str, Any]:
        return {
            "id": ref.id,
            "name": ref.name,
            "level": ref.level,
            "offerings": list(ref.offerings),
        }

    def level(ref: LevelRef) -> dict[str, Any]:
        return {"id": ref.id, "name": ref.name, "rank": ref.rank, "persona": ref.persona}

    def entry(kind: str, change: EntryChange) -> dict[str, Any]:
        return {kind: change.id, "field": change.field, "old": change.old, "new": change.new}

    return {
        "summary": diff.summary(),
        "changed": not diff.empty,
        "offerings": {
            "added": [offering(ref) for ref in diff.added],
            "removed": [offering(ref) for ref in diff.removed],
            "renamed": [
                {
                    "old_id": rename.old_id,
                    "new_id": rename.new_id,
                    "name": rename.name,
                    "skus": list(rename.skus),
                }
                for rename in diff.renamed
            ],
            "changed": [field(change) for change in diff.offerings_changed],
        },
        "maturity": {
            "promoted": [maturity(change) for change in diff.promoted],
            "demoted": [maturity(change) for change in diff.demoted],
        },
        "variants": {
            "added": [variant(ref) for ref in diff.variants_added],
            "removed": [variant(ref) for ref in diff.variants_removed],
            "changed": [field(change) for change in diff.variants_changed],
        },
        "skus": {"added": list(diff.skus_added), "removed": list(diff.skus_removed)},
        "categories": {
            "added": [category(ref) for ref in diff.categories_added],
            "removed": [category(ref) for ref in diff.categories_removed],
            "changed": [entry("category", change) for change in diff.categories_changed],
        },
        "levels": {
            "added": [level(ref) for ref in diff.levels_added],
            "removed": [level(ref) for ref in diff.levels_removed],
            "changed": [entry("level", change) for change in diff.levels_changed],
        },
    }


def diff_json(diff: CatalogDiff) -> str:
    """Return the diff as JSON text.

    The shape (every list in catalog order, empty when nothing changed)::

        {
          "summary": "1 offering added, 1 promotion.",  # the Markdown's line
          "changed": true,                              # false when nothing changed
          "offerings": {
            "added":   [{"id", "name", "category", "maturity", "skus": [...]}],
            "removed": [{"id", "name", "category", "maturity", "skus": [...]}],
            "renamed": [{"old_id", "new_id", "name", "skus": [...]}],
            "changed": [{"offering", "field", "old", "new"}]
          },
          "maturity": {
            "promoted": [{"id", "name", "old", "new"}],
            "demoted":  [{"id", "name", "old", "new"}]
          },
          "variants": {
            "added":   [{"offering", "id", "name", "sku"}],
            "removed": [{"offering", "id", "name", "sku"}],
            "changed": [{"offering", "variant", "field", "old", "new"}]
          },
          "skus": {"added": [...], "removed": [...]},
          "categories": {
            "added":   [{"id", "name", "level", "offerings": [...]}],
            "removed": [{"id", "name", "level", "offerings": [...]}],
            "changed": [{"category", "field", "old", "new"}]
          },
          "levels": {
            "added":   [{"id", "name", "rank", "persona"}],
            "removed": [{"id", "name", "rank", "persona"}],
            "changed": [{"level", "field", "old", "new"}]
          }
        }

    ``category`` is a category id; ``offering`` is an offering id (the new one
    for a renamed offering); ``maturity``, ``old`` and ``new`` of a maturity
    change are lowercase maturities. In a field change, ``field`` is the key
    (dotted inside a mapping, e.g. ``evidence.deliveries``) and ``old`` and
    ``new`` are the values as the files hold them (a price or a duration as
    its mapping), ``null`` where the field is absent. ``name`` and ``sku`` of
    a variant are ``null`` where it has none.

    A category's ``level`` is a level id and its ``offerings`` the ids of its
    offerings in file order; a level's ``rank`` and ``persona`` are as the
    file holds them (``null`` where absent). In a category or level change,
    ``category`` or ``level`` is its id (the new one when its ``id`` changed,
    which is then a change of the field ``id``); ``level`` is ``null`` for a
    key of the levels file itself (``schema_version``). The field
    ``offerings`` of a category, and ``levels`` of the levels file, give the
    order of the entries both sides have, as lists of ids, where it changed.
    A category moved to another level is a change of its field ``level``;
    an offering moved to another category, of its field ``category``.
    """
    return json_text(diff_data(diff))


DIFF_FORMATS: dict[str, Callable[[CatalogDiff], str]] = {
    "markdown": diff_markdown,
    "json": diff_json,
}
"""The formats ``pscatalog diff --format`` writes."""


# -- reading a side: a folder, a git revision, or git's index ---------------------------


def read_side(spec: str, *, config: Config = DEFAULT_CONFIG) -> ValidationResult:
    """Read and validate one side of a diff: a catalog folder or a git revision.

    A folder never stands in for a revision by existing, as git refuses an
    ambiguous argument:

    - ``spec`` written as a path (``.``, ``..``, or starting with ``./``,
      ``../`` or ``/``, or ending with ``/``) is a folder;
    - otherwise, a name that is both an existing folder and a revision of the
      git repository around the catalog is refused; a name that is only a
      folder is a folder; a name that is only a revision is a revision.

    A revision's catalog is found as ``validate`` finds it (the
    configuration's ``catalog``, else ``./catalog`` or the nearest parent's)
    and read at that revision from git's objects, never from the work tree.
    Its files are named ``REV:path`` in diagnostics; each document's ``path``
    is where the file is in the work tree (see :func:`in_work_tree`). Raises
    :class:`UsageError` for an empty or option-like ``spec``, an ambiguous
    one, one that is neither a folder nor a revision, and a revision without
    catalog files.
    """
    if not spec:
        raise UsageError("an empty argument names neither a catalog folder nor a git revision")
    if spec.startswith("-"):
        raise UsageError(f"not a catalog folder or a git revision: {spec!r}")
    folder = Path(spec)
    if _written_as_path(spec):
        if not folder.is_dir():
            raise UsageError(f"no such catalog folder: {spec}")
        return validate([folder], config=config)
    found = _find_revision(spec, config)
    if folder.is_dir():
        if isinstance(found, _Revision):
            raise UsageError(
                f"'{spec}' is both a folder and a git revision: write './{spec}' for the "
                "folder; for the revision, remove or rename the folder"
            )
        return validate([folder], config=config)
    if not isinstance(found, _Revision):
        raise UsageError(found)
    if found.problem is not None:
        raise UsageError(found.problem)
    return _read_revision(spec, found, config)


def base_config(spec: str, config: Config, *, known_codes: Iterable[str] = ()) -> Config:
    """Return the configuration the rules for changes follow when ``spec`` is the old side.

    When ``spec`` names a git revision, it is the configuration that revision
    holds (found where ``validate`` would find it, from the current folder up
    to the repository's top; the default when it holds none): a change under
    review cannot loosen the check that reviews it. When ``spec`` is a folder,
    ``config`` (the work tree's) stays.
    """
    if not spec or spec.startswith("-") or _written_as_path(spec) or Path(spec).is_dir():
        return config
    found = _find_revision(spec, config)
    if not isinstance(found, _Revision):
        return config
    tree = GitTree(found.top, found.commit)
    chosen = config_in_git(tree, known_codes=known_codes) or config_module.DEFAULT_CONFIG
    if chosen.catalog is None:
        # Where the catalog is, as the old revision has it (a change may move it away).
        chosen = replace(chosen, catalog=_catalog_at(found))
    return chosen


def _catalog_at(found: _Revision) -> Path | None:
    """Return the ``catalog`` folder a revision has nearest the current folder, if any."""
    here = Path(os.path.abspath(Path.cwd()))
    tree = GitTree(found.top, found.commit)
    for folder in (here, *here.parents):
        try:
            relative = (folder / DEFAULT_CATALOG).relative_to(found.top)
        except ValueError:
            return None
        entry = tree.entry(PurePosixPath(relative.as_posix()))
        if entry is not None and entry.kind == "tree":
            return folder / DEFAULT_CATALOG
        if folder == found.top:
            return None
    return None


def _written_as_path(spec: str) -> bool:
    """Whether an argument is written as a path, which only a folder can be."""
    return (
        spec in (".", "..")
        or spec.startswith(("./", "../", "/", os.sep))
        or spec.endswith(("/", os.sep))
    )


@dataclass(frozen=True, slots=True)
class _Revision:
    """A commit of the git repository around the catalog, and where the catalog is in it.

    ``problem`` says why the catalog cannot be read at the revision (none
    found, or outside the repository): the name is still a revision, and a
    folder by that name is still ambiguous.
    """

    top: Path
    relative: PurePosixPath
    commit: str
    problem: str | None = None


def _find_revision(spec: str, config: Config) -> _Revision | str:
    """Return the revision ``spec`` names, or why it names none (a message)."""
    problem = None
    try:
        catalog = config.catalog if config.catalog is not None else find_catalog()
    except UsageError as exc:
        catalog, problem = Path.cwd(), str(exc)
    here = catalog if catalog.is_dir() else Path.cwd()
    top = git_top(here, need_git=False)
    if top is None:
        return f"not a catalog folder, and not in a git repository: {spec}"
    commit = run_git(
        top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{spec}^{{commit}}"
    )
    if commit is None:
        return f"not a catalog folder or a git revision: {spec}"
    try:
        relative = PurePosixPath(Path(os.path.realpath(catalog)).relative_to(top).as_posix())
    except ValueError:
        relative = PurePosixPath(".")
        problem = problem or f"the catalog {catalog} is not in the git repository {top}"
    return _Revision(top, relative, commit.decode("ascii").strip(), problem)


def _read_revision(spec: str, found: _Revision, config: Config) -> ValidationResult:
    relative = found.relative
    tree = GitTree(found.top, found.commit)
    held = git_catalog_files(tree, relative, max_file_bytes=config.limits.max_file_bytes)
    prefix = "" if str(relative) == "." else f"{relative}/"
    folder = found.top.joinpath(*relative.parts)
    if not any(path.parent == folder and path.name.endswith(YAML_SUFFIXES) for path in held):
        raise UsageError(f"no catalog files in '{prefix or './'}' at revision {spec}")
    # The revision's files are read in memory, at their places in the work tree (so that
    # reports name them as the merge request does); nothing is read from the disk, so
    # nothing in the work tree can stand in for them.
    result = validate([folder], config=config, files=Files(held, disk=False))
    names: dict[str, str] = {}
    for catalog_read in result.catalogs:
        for doc in catalog_read.documents:
            # A name that is not UTF-8 is shown with backslash escapes, as display_name does.
            shown = printable(f"{spec}:{prefix}{doc.path.name}")
            names[doc.name] = shown
            doc.name = shown
    return _renamed(result, names)


def in_work_tree(
    old: ValidationResult, new: ValidationResult, diagnostics: Sequence[Diagnostic]
) -> ValidationResult:
    """Return findings of ``diff --check`` placed as CI reports need them.

    Each file is named by its path in the work tree (``catalog/x.yaml``, never
    ``HEAD:catalog/x.yaml``) and each line is a line of the new version, so
    GitLab can show a finding on the merge request's lines. A finding about
    what only the old version has (a deleted offering, a SKU removed with its
    variant) is placed where the new version keeps what it belonged to: the
    offering, if it is still there (its ``variants`` key, or its id); else
    the ``offerings`` key of the new version's file of that name, or of the
    file that now holds its category; else, the category gone, the level it
    belonged to in the levels file; else the top of a file of the new
    version. Never in a file the new version does not have, nor at a line of
    the old one: its message ends with where it was before the change. Its
    fingerprint is still that of its old place, by ids, so that it keeps it
    however the new version changes. The result's catalogs are both
    versions', the new one's documents named as the findings name them, for
    the source lines of ``full``.
    """
    new_docs = {doc.name: doc for catalog in new.catalogs for doc in catalog.documents}
    old_docs = {doc.name: doc for catalog in old.catalogs for doc in catalog.documents}
    names = {name: display_name(doc.path) for name, doc in new_docs.items()}

    def renamed(where: Location) -> Location:
        return replace(where, file=names.get(where.file, where.file))

    root = repository_root()
    placed: list[Diagnostic] = []
    moved: dict[Diagnostic, Diagnostic] = {}
    for diagnostic in diagnostics:
        location = diagnostic.location
        # Related places in the old version are lines no merge request shows: left out.
        related = tuple(
            replace(also, location=renamed(also.location))
            for also in diagnostic.related
            if also.location.file not in old_docs or also.location.file in new_docs
        )
        old_doc = old_docs.get(location.file) if location.file not in new_docs else None
        if old_doc is None:
            placed.append(replace(diagnostic, location=renamed(location), related=related))
            continue
        before = repository_path(os.path.relpath(old_doc.path), root)
        shown = replace(
            diagnostic,
            message=f"{diagnostic.message} (it was at line {location.line} of {before})",
            location=renamed(_new_place(old_doc, location, list(new_docs.values()))),
            related=related,
        )
        placed.append(shown)
        # Identified by its old place, entries named by their ids (see fingerprints).
        moved[shown] = diagnostic
    for doc in new_docs.values():
        doc.name = names[doc.name]
    return ValidationResult(
        diagnostics=sorted(placed, key=lambda found: found.sort_key),
        catalogs=[*new.catalogs, *old.catalogs],
        files=[names.get(name, name) for name in new.files],
        timings=new.timings,
        moved=moved,
    )


def _new_place(old_doc: Document, location: Location, new_docs: Sequence[Document]) -> Location:
    """Return where the new version keeps what a place of the old version belonged to."""
    parts = parts_of(location.pointer)
    old_data = old_doc.data if isinstance(old_doc.data, dict) else {}
    if len(parts) >= 2 and parts[0] == "offerings" and isinstance(parts[1], int):
        offerings = old_data.get("offerings")
        item = offerings[parts[1]] if isinstance(offerings, list) else None
        wanted = item.get("id") if isinstance(item, dict) else None
        last = "variants" if parts[2:3] == ["variants"] else "id"
        for doc, index in _entries(new_docs, "offerings", wanted):
            return doc.locate(("offerings", index, last), key=True)
    category = old_data.get("id")
    for doc in new_docs:
        data = doc.data if isinstance(doc.data, dict) else {}
        if doc.path.name == old_doc.path.name and "offerings" in data:
            return doc.locate(("offerings",), key=True)
    for doc in new_docs:
        data = doc.data if isinstance(doc.data, dict) else {}
        if category is not None and data.get("id") == category and "offerings" in data:
            return doc.locate(("offerings",), key=True)
    for doc, index in _entries(new_docs, "levels", old_data.get("level")):
        return doc.locate(("levels", index, "id"))
    for doc in new_docs:
        if isinstance(doc.data, dict) and "levels" in doc.data:
            return doc.locate(())
    return new_docs[0].locate(()) if new_docs else location


def _entries(docs: Sequence[Document], key: str, wanted: Any) -> Iterator[tuple[Document, int]]:
    """Yield (document, index) of each entry of a document's ``key`` list whose id is ``wanted``."""
    if not isinstance(wanted, str):
        return
    for doc in docs:
        items = doc.data.get(key) if isinstance(doc.data, dict) else None
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and item.get("id") == wanted:
                yield doc, index


def structural_errors(result: ValidationResult) -> list[Diagnostic]:
    """Return the YAML and schema errors that keep a side of a diff from being compared."""
    return [
        diagnostic
        for diagnostic in result.diagnostics
        if diagnostic.code in STRUCTURAL and diagnostic.severity is Severity.ERROR
    ]


def is_folder_side(spec: str) -> bool:
    """Whether a side of a diff that :func:`read_side` read is a folder (else a revision)."""
    return _written_as_path(spec) or Path(spec).is_dir()


def _renamed(result: ValidationResult, names: Mapping[str, str]) -> ValidationResult:
    def location(where: Location) -> Location:
        return replace(where, file=names.get(where.file, where.file))

    def diagnostic(found: Diagnostic) -> Diagnostic:
        return replace(
            found,
            location=location(found.location),
            related=tuple(
                replace(where, location=location(where.location)) for where in found.related
            ),
        )

    return ValidationResult(
        diagnostics=sorted(
            (diagnostic(found) for found in result.diagnostics), key=lambda d: d.sort_key
        ),
        catalogs=result.catalogs,
        files=[names.get(name, name) for name in result.files],
    )


# -- helpers ---------------------------------------------------------------------------


def _rank(maturity: str) -> int:
    return MATURITIES.index(maturity) if maturity in MATURITIES else -1


def _name(offering: Offering) -> str:
    return offering.entry.text("name") or _id(offering)


def _category(offering: Offering) -> str:
    return offering.category.text("id") or ""


def _all_skus(catalog: Catalog) -> list[str]:
    seen: dict[str, None] = {}
    for offering in catalog.offerings:
        for variant in offering.variants:
            sku = variant.text("sku")
            if sku:
                seen.setdefault(sku)
    return list(seen)


def _ref(offering: Offering) -> OfferingRef:
    return OfferingRef(
        _id(offering), _name(offering), _category(offering), offering.claimed, _skus(offering)
    )


def _variants_by_id(offering: Offering) -> dict[str, Entry]:
    by_id: dict[str, Entry] = {}
    for variant in offering.variants:
        by_id.setdefault(variant.text("id") or "", variant)
    return by_id


def _variant_ref(offering: Offering, variant: Entry) -> VariantRef:
    return VariantRef(
        _id(offering),
        _name(offering),
        variant.text("id") or "",
        variant.text("name"),
        variant.text("sku"),
    )


def _field_changes(
    old: Mapping[str, Any], new: Mapping[str, Any], *, skip: Sequence[str]
) -> Iterator[tuple[str, Any, Any]]:
    """Yield (dotted key, old value, new value) for each leaf that differs."""
    flat_old = dict(_flatten(old, skip))
    flat_new = dict(_flatten(new, skip))
    for key in [*flat_new, *(key for key in flat_old if key not in flat_new)]:
        before, after = flat_old.get(key), flat_new.get(key)
        if not _same(before, after):
            yield key, before, after


def _flatten(
    data: Mapping[str, Any], skip: Sequence[str], prefix: str = ""
) -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        if not prefix and key in skip:
            continue
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and key not in ATOMIC_FIELDS:
            yield from _flatten(value, skip, f"{dotted}.")
        else:
            yield dotted, value


def _same(old: Any, new: Any) -> bool:
    # 2400 and 2400.0 are the same price; True and 1 are not the same value.
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, int | float) and isinstance(new, int | float):
        return old == new
    return type(old) is type(new) and bool(old == new)


def _label(name: str | None, key: str) -> str:
    """Return a name and its id as Markdown: ``JIRA (`jira`)``, or the id alone."""
    if name and name != key:
        return f"{markdown_text(name)} ({markdown_code(key)})"
    return markdown_code(key)


def _shown_pair(change: FieldChange | EntryChange) -> tuple[str, str]:
    """Return the old and new values of a change as a table shows them, never alike.

    A price or a duration is shown as people read it, which leaves out its note,
    and long text is cut: where the two would read the same, what differs is
    added (``note: 'Indicative'``), or the text around the first difference.
    """
    old, new = _shown(change.field, change.old), _shown(change.field, change.new)
    if old != new:
        return old, new
    if isinstance(change.old, dict) and isinstance(change.new, dict):
        keys = [
            key
            for key in [*change.new, *(key for key in change.old if key not in change.new)]
            if not _same(change.old.get(key), change.new.get(key))
        ]
        return _with_parts(old, change.old, keys), _with_parts(new, change.new, keys)
    if isinstance(change.old, str) and isinstance(change.new, str):
        return _around_difference(change.old, change.new)
    return _raw(change.old), _raw(change.new)


def _with_parts(shown: str, value: dict[str, Any], keys: Sequence[str]) -> str:
    parts = ", ".join(f"{key}: {_raw(value.get(key))}" for key in keys)
    return f"{shown} ({parts})"


def _raw(value: Any) -> str:
    """Return a value as data, so that no two different values read alike."""
    if value is None:
        return NONE
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _around_difference(old: str, new: str) -> tuple[str, str]:
    """Return the two texts from a little before their first difference, as JSON strings."""
    start = next(
        (index for index, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
        min(len(old), len(new)),
    )
    begin = max(0, start - SHORT_TEXT // 3)

    def excerpt(text: str) -> str:
        part = text[begin : begin + SHORT_TEXT]
        shown = json.dumps(part, ensure_ascii=False)
        return ("…" if begin else "") + shown + ("…" if begin + SHORT_TEXT < len(text) else "")

    return excerpt(old), excerpt(new)


def _shown(field: str, value: Any) -> str:
    """Return a value of a field change as people read it in a table."""
    if value is None:
        return NONE
    if field == "price" or field.endswith(".price"):
        return format_price(value)
    if field == "duration" or field.endswith(".duration"):
        return format_duration(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or NONE
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = " ".join(str(value).split())
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1].rstrip() + "…"
