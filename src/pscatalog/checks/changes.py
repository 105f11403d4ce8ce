"""Rules for changes: what ``pscatalog diff OLD NEW --check`` enforces.

Once a catalog is clean, what needs watching is how it changes. Between two
versions (folders or git revisions) these rules hold, each a code of its own,
documented like every other (``pscatalog explain D001``):

- ``D001`` a maturity rises at most one step, unless its evidence changes too;
- ``D002`` a demotion states its reason (``maturity_reason``);
- ``D003`` a SKU is retired (``retired: true``) before it is renamed or removed;
- ``D004`` an offering sold with a SKU is not deleted outright.

Findings are diagnostics in the new version's files (a deleted offering at
its file's ``offerings`` key), so reports work as they do for ``validate``.
What reviews a change cannot come from the change: the configuration is the
old revision's, and suppression comments do not apply.
"""

from __future__ import annotations

from pscatalog.catalog.model import Catalog
from pscatalog.catalog.pairing import pair_offerings
from pscatalog.checks.checker import ValidationResult, configured
from pscatalog.checks.config import Config
from pscatalog.diagnostics import Diagnostic
from pscatalog.rules.registry import CHANGE_RULES


def check_changes(old: Catalog, new: Catalog, config: Config) -> list[Diagnostic]:
    """Return the change rules' diagnostics from ``old`` to ``new``.

    The configuration applies (``diff --check`` reads it from the old
    revision); suppression comments do not: a change cannot excuse itself in
    the files it changes.
    """
    pairing = pair_offerings(old, new)
    diagnostics = [
        finding.diagnostic(rule)
        for rule in CHANGE_RULES.values()
        for finding in rule.check(pairing, old, new)
    ]
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
