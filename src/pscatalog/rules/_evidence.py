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


def rate_or_range(price: dict[str, object]) -> bool:
    """Whether a custom variant's price is a day rate or a range (a fixed sum is neither)."""
    return price.get("unit") == "day" or ("min" in price and "max" in price)


def supported(offering: Offering) -> str:
    """Return the highest maturity the offering's evidence supports (``minimal`` at least).

    Viable needs a delivery; complete a duration and a price on the base variant
    (a day rate or a range for ``custom``); lovable a positive NPS and an adoption
    impact: the errors of M002 and M005-M008. ``minimal`` needs nothing.
    """
    evidence = offering.entry.mapping("evidence")
    deliveries = evidence.get("deliveries")
    if isinstance(deliveries, bool) or not isinstance(deliveries, int) or deliveries < 1:
        return "minimal"
    base = offering.base_variant()
    price = base.data.get("price") if base is not None else None
    if (
        base is None
        or not isinstance(base.data.get("duration"), dict)
        or not isinstance(price, dict)
        or (base.text("id") == "custom" and not rate_or_range(price))
    ):
        return "viable"
    nps = evidence.get("nps")
    score = nps.get("score") if isinstance(nps, dict) else None
    impact = evidence.get("adoption_impact")
    if (
        isinstance(score, int | float)
        and not isinstance(score, bool)
        and score > 0
        and isinstance(impact, dict)
        and impact.get("metric")
        and impact.get("result")
    ):
        return "lovable"
    return "complete"


def or_lower(offering: Offering) -> str:
    """Return the end of a hint: lower the maturity to what the evidence supports, saying why."""
    return f"or lower the maturity to '{supported(offering)}' and say why in 'maturity_reason'"


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
    """Return where a piece of evidence falls short: the value written, else the claim.

    Evidence written but not enough (``deliveries: 0``) is reported at that
    value; evidence left out, at the maturity that needs it. The place of a
    missing piece never depends on what other evidence is written, so a
    suppression on the ``maturity`` line and a baseline entry keep matching
    while evidence is added.
    """
    entry = offering.entry
    evidence = entry.data.get("evidence")
    if isinstance(evidence, dict) and key in evidence:
        return entry.at("evidence", key)
    return entry.at("maturity")
