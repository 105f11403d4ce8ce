"""Entries that are the variants of one offering, grouped.

Entries that differ only by a delivery suffix (remote, 3/6/12 months,
cleared, self-managed or GitLab.com) in the same category are one offering;
the entry with the fewest suffixes (then the shortest duration) is its base,
``standard`` when it has a SKU, else ``custom``. Entries with an export's
block are grouped by the offering and variant it names. An id used by two
entries is a defect ``validate`` must see, so such entries are never grouped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from pscatalog.catalog.services_entry import name_text
from pscatalog.catalog.services_file import ID_SUFFIXES, NAME_SUFFIX
from pscatalog.catalog.values import is_sku
from pscatalog.rules import id_collision
from pscatalog.tools.importing.categories import slug
from pscatalog.tools.importing.entries import Entry
from pscatalog.tools.importing.source import Context


@dataclass
class Group:
    """The entries that become one offering; ``entries[0]`` gives the offering's fields."""

    category: str
    offering_id: str
    entries: list[Entry]
    block_variants: list[str] = field(default_factory=list)
    """The variant ids the export's blocks name, for a group of block entries."""
    by_suffix: bool = False
    """Whether the entries were grouped by their suffixes."""

    def variant_ids(self) -> list[str]:
        """Return each entry's variant id: the base one's, then what the suffixes say."""
        if self.block_variants:
            return self.block_variants
        base = "standard" if is_sku(self.entries[0].data.get("sku")) else "custom"
        return [base] + [entry.signals.variant_id for entry in self.entries[1:]]

    def name(self) -> str | None:
        """Return the offering's name: the base entry's, without delivery suffixes."""
        name = name_text(self.entries[0].data)
        if name is None or not self.by_suffix or len(self.entries) == 1:
            return name
        while (shorter := NAME_SUFFIX.sub("", name)) != name and shorter:
            name = shorter
        return name


def group(entries: list[Entry]) -> list[Group]:
    """Return the offerings the entries make, in order of their first entry."""
    id_counts: dict[str, int] = {}
    for entry in entries:
        if entry.source_id is not None:
            id_counts[entry.source_id] = id_counts.get(entry.source_id, 0) + 1
    groups: list[Group] = []
    by_key: dict[tuple[str, str], list[Group]] = {}
    for entry in entries:
        if entry.block is not None:
            found = _join_block(entry, by_key)
        elif entry.source_id is not None and id_counts[entry.source_id] > 1:
            found = ((entry.category, ""), Group(entry.category, slug(entry.source_id), [entry]))
        else:
            found = _join_family(entry, by_key)
        if found is not None:
            key, new = found
            groups.append(new)
            by_key.setdefault(key, []).append(new)
    for each in groups:
        if each.by_suffix:
            each.entries.sort(key=lambda entry: (entry.signals.base_rank, entry.index))
    return groups


def _join_block(
    entry: Entry, by_key: dict[tuple[str, str], list[Group]]
) -> tuple[tuple[str, str], Group] | None:
    """Add an entry to the group its block names; return a new group if there is none."""
    assert entry.block is not None
    key = (entry.category, entry.block["offering"])
    variant = entry.block["variant"]
    for candidate in by_key.get(key, []):
        if variant not in candidate.block_variants:
            candidate.entries.append(entry)
            candidate.block_variants.append(variant)
            return None
    return key, Group(entry.category, entry.block["offering"], [entry], [variant])


def _join_family(
    entry: Entry, by_key: dict[tuple[str, str], list[Group]]
) -> tuple[tuple[str, str], Group] | None:
    """Add an entry to the group of its id without suffixes; return a new group if none fits."""
    base = family(entry.source_id or name_text(entry.data) or "")
    key = (entry.category, "suffix:" + base)
    signature = entry.signals.signature
    for candidate in by_key.get(key, []):
        if all(other.signals.signature != signature for other in candidate.entries):
            candidate.entries.append(entry)
            return None
    offering_id = slug(base) if not by_key.get(key) else slug(entry.source_id or base)
    return key, Group(entry.category, offering_id, [entry], by_suffix=True)


def family(source_id: str) -> str:
    """Return an id without its delivery suffixes: what the variants of an offering share."""
    base = source_id.strip()
    while True:
        shorter = base
        for pattern in ID_SUFFIXES:
            shorter = pattern.sub("", shorter)
        if shorter == base or not shorter:
            return base
        base = shorter


def check_collisions(context: Context, groups: list[Group]) -> None:
    """Report offerings whose entries' distinct ids become the same catalog id."""
    context.add(
        *id_collision.check(
            (
                each.offering_id,
                each.entries[0].source_id,
                partial(context.place, each.entries[0], "id"),
            )
            for each in groups
        )
    )
