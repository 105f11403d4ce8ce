"""Rules for changes: what ``pscatalog diff OLD NEW --check`` enforces.

Once a catalog is clean, what needs watching is how it changes. Between two
versions (folders or git revisions) these rules hold, each a code of its own,
documented like every other (``pscatalog explain D001``):

- ``D001`` a maturity rises at most one step, unless its evidence changes too;
- ``D002`` a demotion states its reason (``maturity_reason``);
- ``D003`` a SKU is retired (``retired: true``) before it is renamed or removed;
- ``D004`` an offering sold with a SKU is not deleted outright.

Findings are diagnostics in the new version's files (a deleted offering's in
the old version's), so suppressions, configuration, reports and the baseline
work as they do for ``validate``.
"""

from __future__ import annotations

from collections.abc import Iterator

from pscatalog.catalog.model import MATURITIES, Catalog, Offering, Place
from pscatalog.checks.checker import ValidationResult, configured
from pscatalog.checks.config import Config
from pscatalog.checks.suppressions import apply_suppressions
from pscatalog.diagnostics import Diagnostic
from pscatalog.rules import (
    demotion_without_reason,
    maturity_jump,
    offering_with_sku_deleted,
    sku_not_retired,
)
from pscatalog.rules.base import Documented, Finding
from pscatalog.rules.registry import CODES
from pscatalog.tools.diffing import Pairing, pair_offerings


def check_changes(old: Catalog, new: Catalog, config: Config) -> list[Diagnostic]:
    """Return the change rules' diagnostics from ``old`` to ``new``.

    Suppression comments in the new version's files and the configuration
    apply, as for ``validate``.
    """
    pairing = pair_offerings(old, new)
    checks: tuple[tuple[Documented, Iterator[Finding]], ...] = (
        (maturity_jump, _maturity_jumps(pairing)),
        (demotion_without_reason, _unexplained_demotions(pairing)),
        (sku_not_retired, _unretired_skus(pairing, old, new)),
        (offering_with_sku_deleted, _deleted_sold_offerings(pairing)),
    )
    diagnostics = [finding.diagnostic(rule) for rule, findings in checks for finding in findings]
    diagnostics = apply_suppressions(diagnostics, new.documents, CODES)
    return sorted(configured(diagnostics, config), key=lambda diagnostic: diagnostic.sort_key)


def change_result(
    old: ValidationResult, new: ValidationResult, diagnostics: list[Diagnostic]
) -> ValidationResult:
    """Return a result holding the change findings, for the reporters.

    Its files are the new version's; its catalogs both versions', so that a
    deleted offering's source line can be shown.
    """
    return ValidationResult(
        diagnostics=diagnostics, catalogs=[*new.catalogs, *old.catalogs], files=list(new.files)
    )


def _rank(offering: Offering) -> int | None:
    return offering.maturity_rank


def _name(offering: Offering) -> str:
    return offering.entry.text("id") or offering.entry.text("name") or "?"


def _maturity_jumps(pairing: Pairing) -> Iterator[Finding]:
    for before, after in pairing.pairs:
        old_rank, new_rank = _rank(before), _rank(after)
        if old_rank is None or new_rank is None or new_rank - old_rank <= 1:
            continue
        if before.entry.data.get("evidence") != after.entry.data.get("evidence"):
            continue
        steps = new_rank - old_rank
        yield Finding(
            f"'{_name(after)}' rises from '{MATURITIES[old_rank]}' to '{MATURITIES[new_rank]}' "
            f"({steps} steps) with no change to its evidence",
            after.entry.at("maturity"),
            "raise it one step, or record the evidence for the new level in the same change",
        )


def _unexplained_demotions(pairing: Pairing) -> Iterator[Finding]:
    for before, after in pairing.pairs:
        old_rank, new_rank = _rank(before), _rank(after)
        if old_rank is None or new_rank is None or new_rank >= old_rank:
            continue
        reason = after.entry.text("maturity_reason")
        if reason and reason != before.entry.text("maturity_reason"):
            continue
        yield Finding(
            f"'{_name(after)}' is demoted from '{MATURITIES[old_rank]}' to "
            f"'{MATURITIES[new_rank]}' without a reason",
            after.entry.at("maturity"),
            "say why in 'maturity_reason', in the same change",
        )


def _skus(catalog: Catalog) -> set[str]:
    return {
        sku
        for offering in catalog.offerings
        for variant in offering.variants
        if (sku := variant.text("sku"))
    }


def _unretired_skus(pairing: Pairing, old: Catalog, new: Catalog) -> Iterator[Finding]:
    remaining = _skus(new)
    deleted = {id(offering) for offering in pairing.removed}
    after_of = {id(before): after for before, after in pairing.pairs}
    for offering in old.offerings:
        if id(offering) in deleted:
            continue  # reported as a deleted offering
        after = after_of.get(id(offering))
        for variant in offering.variants:
            sku = variant.text("sku")
            if not sku or sku in remaining or variant.data.get("retired") is True:
                continue
            place = _variant_place(after, variant.text("id")) if after is not None else None
            yield Finding(
                f"SKU '{sku}' of '{_name(offering)}' is renamed or removed without being "
                "retired first",
                place or variant.at("sku"),
                "keep the SKU and mark its variant 'retired: true'; change it in a later change",
            )


def _variant_place(offering: Offering, variant_id: str | None) -> Place:
    for variant in offering.variants:
        if variant.text("id") == variant_id:
            return variant.at("sku") if "sku" in variant.data else variant.at()
    return offering.entry.at("variants", key=True)


def _deleted_sold_offerings(pairing: Pairing) -> Iterator[Finding]:
    for offering in pairing.removed:
        live = [
            sku
            for variant in offering.variants
            if (sku := variant.text("sku")) and variant.data.get("retired") is not True
        ]
        if live:
            yield Finding(
                f"'{_name(offering)}' is deleted while sold as {', '.join(repr(s) for s in live)}",
                offering.entry.at("id"),
                "restore it and mark its variants 'retired: true'; delete it in a later change",
            )
