"""Shared logic of the maturity-evidence rules."""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import MATURITIES, Catalog, Offering, Place


def at_least(catalog: Catalog, maturity: str) -> Iterator[Offering]:
    """Yield offerings whose maturity (in any letter case) is ``maturity`` or above."""
    floor = MATURITIES.index(maturity)
    for offering in catalog.offerings:
        rank = offering.maturity_rank
        if rank is not None and rank >= floor:
            yield offering


def malformed(offering: Offering, key: str) -> bool:
    """Whether ``evidence.<key>`` is written but not as the schema says.

    Its form is then the schema's to report; the rule speaks only of evidence
    that is absent, or well formed and not enough.
    """
    evidence = offering.entry.mapping("evidence")
    return key in evidence and not _well_formed(key, evidence[key])


def _well_formed(key: str, value: object) -> bool:
    if key == "deliveries":
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if key == "marketing_material":
        return isinstance(value, list) and len(value) > 0
    if key == "execution_plan":
        return isinstance(value, str) and value.startswith(("http://", "https://"))
    if key == "nps":
        score = value.get("score") if isinstance(value, dict) else None
        return isinstance(score, (int, float)) and not isinstance(score, bool)
    if key == "adoption_impact":
        return isinstance(value, dict) and bool(value.get("metric")) and bool(value.get("result"))
    return True


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
