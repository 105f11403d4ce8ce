"""The registry of every code pscatalog reports, with its documentation.

``RULES`` holds the checks that run over a loaded catalog; ``CODES`` holds
every documented code, those of the loader (``Y``) and of the schema (``S``)
too. Codes: ``Y`` for YAML, ``S`` for the schema, ``C`` for the catalog's
structure, ``M`` for maturity evidence, ``N`` for suppression comments, ``I``
for what ``pscatalog import`` finds in a services file.
"""

from __future__ import annotations

from pscatalog.rules import (
    adoption_impact,
    bad_format,
    baseline_entry_mismatch,
    converted_value,
    custom_variant_with_sku,
    delivery_evidence,
    demotion_without_reason,
    disallowed_tag,
    duplicate_category_id,
    duplicate_key,
    duplicate_level_id,
    duplicate_offering_id,
    duplicate_offering_name,
    duplicate_sku,
    duplicate_source_id,
    duplicate_source_name,
    duplicate_variant_id,
    duration_disagrees,
    empty_file,
    execution_plan,
    file_name_taken,
    file_not_read,
    id_collision,
    invalid_value,
    level_disagrees,
    level_ranks,
    level_without_category,
    limit_exceeded,
    marketing_material,
    maturity_case,
    maturity_jump,
    merge_override,
    missing_base_variant,
    missing_key,
    missing_levels_file,
    missing_value,
    modeline,
    multiple_documents,
    not_a_service_entry,
    not_utf8,
    offering_with_sku_deleted,
    out_of_range,
    placeholder_on_sold_entry,
    planned_with_sku,
    positive_nps,
    predictable_margin,
    predictable_timing,
    price_as_text,
    price_in_duration,
    remote_priced_on_site,
    schema_violation,
    sku_not_retired,
    sku_without_sow,
    stale_baseline_entry,
    standard_variant_incomplete,
    suppression_without_reason,
    syntax_error,
    unclear_value,
    unknown_key,
    unknown_level,
    unknown_suppression_code,
    unmapped_category,
    unreadable_file,
    unused_suppression,
    wrong_type,
    yaml11_reading,
)
from pscatalog.rules.base import ChangeRule, Documented, Fixable, Rule

_RULE_MODULES: tuple[Rule, ...] = (
    missing_base_variant,
    standard_variant_incomplete,
    custom_variant_with_sku,
    maturity_case,
    sku_without_sow,
    duplicate_level_id,
    duplicate_category_id,
    duplicate_offering_id,
    duplicate_offering_name,
    duplicate_sku,
    duplicate_variant_id,
    unknown_level,
    level_ranks,
    level_without_category,
    missing_levels_file,
    modeline,
    planned_with_sku,
    delivery_evidence,
    marketing_material,
    execution_plan,
    predictable_timing,
    predictable_margin,
    positive_nps,
    adoption_impact,
)
_READING_MODULES: tuple[Documented, ...] = (
    syntax_error,
    duplicate_key,
    yaml11_reading,
    multiple_documents,
    disallowed_tag,
    empty_file,
    not_utf8,
    unreadable_file,
    limit_exceeded,
    merge_override,
    unknown_key,
    missing_key,
    wrong_type,
    invalid_value,
    bad_format,
    out_of_range,
    schema_violation,
)
_CHANGE_MODULES: tuple[ChangeRule, ...] = (
    maturity_jump,
    demotion_without_reason,
    sku_not_retired,
    offering_with_sku_deleted,
)
"""Rules for changes between two versions of a catalog (``diff --check``)."""
_SUPPRESSION_MODULES: tuple[Documented, ...] = (
    unused_suppression,
    suppression_without_reason,
    unknown_suppression_code,
    stale_baseline_entry,
    baseline_entry_mismatch,
)
_IMPORT_MODULES: tuple[Documented, ...] = (
    duplicate_source_id,
    duplicate_source_name,
    price_as_text,
    placeholder_on_sold_entry,
    price_in_duration,
    duration_disagrees,
    level_disagrees,
    remote_priced_on_site,
    unmapped_category,
    unclear_value,
    converted_value,
    missing_value,
    not_a_service_entry,
    id_collision,
    file_name_taken,
)

_DISCOVERY_MODULES: tuple[Documented, ...] = (file_not_read,)
"""Codes of what the catalog folder holds but is not read."""

RULES: dict[str, Rule] = {rule.CODE: rule for rule in _RULE_MODULES}
"""The catalog checks, by code, in the order they run."""

_DOCUMENTED: tuple[Documented, ...] = (
    *_READING_MODULES,
    *_SUPPRESSION_MODULES,
    *_CHANGE_MODULES,
    *_RULE_MODULES,
    *_DISCOVERY_MODULES,
    *_IMPORT_MODULES,
)
CODES: dict[str, Documented] = dict(sorted({m.CODE: m for m in _DOCUMENTED}.items()))
"""Every code pscatalog reports, sorted, with its documentation."""

STRUCTURAL: frozenset[str] = frozenset(module.CODE for module in _READING_MODULES)
"""Codes of the loader and the schema: a file with such an error does not read
as the schema defines it, and commands that need the data refuse it."""

FIXABLE: dict[str, Fixable] = {
    module.CODE: module
    for module in (maturity_case, yaml11_reading, modeline, missing_base_variant)
}
"""The codes ``validate --fix`` can fix, with their fixes (safe or unsafe)."""

CHANGE_RULES: dict[str, ChangeRule] = {rule.CODE: rule for rule in _CHANGE_MODULES}
"""The rules for changes between two versions (``diff --check``), by code."""
