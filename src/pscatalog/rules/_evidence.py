"""Shared logic of the maturity-evidence rules."""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog import MATURITIES, Catalog, Offering, Place


def at_least(catalog: Catalog, maturity: str) -> Iterator[Offering]:
    """Yield offerings whose maturity (in any letter case) is ``maturity`` or above."""
    floor = MATURITIES.index(maturity)
    for offering in catalog.offerings:
        rank = offering.maturity_rank
        if rank is not None and rank >= floor:
            yield offering


def name_of(offering: Offering) -> str:
    """Return how messages name an offering: its id, else its name."""
    return offering.entry.text("id") or offering.entry.text("name") or "?"


def evidence_place(offering: Offering, key: str) -> Place:
    """Return where a piece of evidence is, or where it is missing.

    The evidence itself if it is written, else the ``evidence`` key, else the
    maturity that claims it.
    """
    entry = offering.entry
    evidence = entry.data.get("evidence")
    if isinstance(evidence, dict):
        if key in evidence:
            return entry.at("evidence", key)
        return entry.at("evidence", key=True)
    return entry.at("maturity")
