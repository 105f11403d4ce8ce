"""Two versions of a catalog, their offerings matched: what diffs and change rules compare.

Offerings are matched by id; an offering whose id changed but whose SKUs are
the same (and not none), or, for one that has no SKU, whose name is the same,
is a rename, not a removal and an addition: a new id cannot hide a change the
rules for changes refuse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pscatalog.catalog.model import Catalog, Offering
from pscatalog.catalog.names import name_key


@dataclass(frozen=True, slots=True)
class Pairing:
    """The offerings of two catalogs, matched by id (and by SKUs for renames)."""

    pairs: tuple[tuple[Offering, Offering], ...]
    """(old, new) of each offering in both, renamed ones too, in the new catalog's order."""
    added: tuple[Offering, ...]
    """Offerings only in the new catalog (renames excluded)."""
    removed: tuple[Offering, ...]
    """Offerings only in the old catalog (renames excluded)."""
    renames: tuple[tuple[str, str], ...]
    """(old id, new id) of each renamed offering."""


def pair_offerings(old: Catalog, new: Catalog) -> Pairing:
    """Match the offerings of ``old`` and ``new``.

    By id; an offering whose id changed but whose SKUs are the same (and not
    none) is a rename. An id used more than once is matched every way: each
    old offering with it is paired with each new one, and each is added or
    removed, so that no copy can stand in for a changed one.
    """
    old_by_id = offerings_by_id(old.offerings)
    new_by_id = offerings_by_id(new.offerings)
    removed_ids = [key for key in old_by_id if key not in new_by_id]
    added_ids = [key for key in new_by_id if key not in old_by_id]
    renames = _renames(
        {key: old_by_id[key] for key in removed_ids}, {key: new_by_id[key] for key in added_ids}
    )
    renamed_new = set(renames.values())
    old_all, new_all = _all_by_id(old.offerings), _all_by_id(new.offerings)
    return Pairing(
        pairs=_pairs(old_all, new_all, old_by_id, new_by_id, renames, new.offerings),
        added=tuple(o for key in added_ids if key not in renamed_new for o in new_all[key]),
        removed=tuple(o for key in removed_ids if key not in renames for o in old_all[key]),
        renames=tuple(renames.items()),
    )


def _all_by_id(offerings: Sequence[Offering]) -> dict[str, list[Offering]]:
    """Return every offering by id, in catalog order (an id used twice has two)."""
    found: dict[str, list[Offering]] = {}
    for offering in offerings:
        found.setdefault(offering_id(offering), []).append(offering)
    return found


def _pairs(
    old_all: dict[str, list[Offering]],
    new_all: dict[str, list[Offering]],
    old_by_id: dict[str, Offering],
    new_by_id: dict[str, Offering],
    renames: dict[str, str],
    order_of: Sequence[Offering],
) -> tuple[tuple[Offering, Offering], ...]:
    """Return (old, new) of each offering in both, renamed ones too, in the new order.

    An id used twice on a side is paired every way, so that no copy can hide a change.
    """
    pairs = [
        (before, after)
        for key in new_all
        if key in old_all
        for after in new_all[key]
        for before in old_all[key]
    ]
    pairs += [(old_by_id[old_id], new_by_id[new_id]) for old_id, new_id in renames.items()]
    order = {id(offering): index for index, offering in enumerate(order_of)}
    pairs.sort(key=lambda pair: order[id(pair[1])])
    return tuple(pairs)


def _renames(removed: dict[str, Offering], added: dict[str, Offering]) -> dict[str, str]:
    """Return old id -> new id for each removed offering an added one continues.

    One whose SKUs an added one has (SKUs are what is sold); else, for an
    offering without SKUs, one whose name (letter case and spacing aside) an
    added one without SKUs has. Each added offering is the new name of one
    removed offering at most, the first in the old catalog's order.
    """
    renames: dict[str, str] = {}
    for old_id, offering in removed.items():
        skus = offering_skus(offering)
        name = _name_key(offering)
        for new_id, candidate in added.items():
            if new_id in renames.values():
                continue
            if skus and offering_skus(candidate) == skus:
                renames[old_id] = new_id
                break
            if not skus and name and not offering_skus(candidate) and _name_key(candidate) == name:
                renames[old_id] = new_id
                break
    return renames


def _name_key(offering: Offering) -> str:
    """Return an offering's name as renames compare it (:func:`.names.name_key`)."""
    return name_key(offering.entry.text("name") or "")


def offering_id(offering: Offering) -> str:
    """Return an offering's id (``""`` when it has none)."""
    return offering.entry.text("id") or ""


def offerings_by_id(offerings: Sequence[Offering]) -> dict[str, Offering]:
    """Return offerings by id, in catalog order; the first of a duplicated id wins."""
    by_id: dict[str, Offering] = {}
    for offering in offerings:
        by_id.setdefault(offering_id(offering), offering)
    return by_id


def offering_skus(offering: Offering) -> tuple[str, ...]:
    """Return the SKUs of an offering's variants, sorted, each once."""
    return tuple(sorted({sku for variant in offering.variants if (sku := variant.text("sku"))}))
