"""The registry of every code pscatalog reports, with its documentation.

``RULES`` holds the checks that run over a loaded catalog; ``CODES`` holds
every documented code, those of the loader (``Y``) and of the schema (``S``)
too. Codes: ``Y`` for YAML, ``S`` for the schema, ``C`` for the catalog's
structure, ``M`` for maturity evidence, ``N`` for suppression comments.
"""

from __future__ import annotations

from pscatalog.rules import (
    adoption_impact,
    bad_format,
    custom_variant_with_sku,
    delivery_evidence,
    disallowed_tag,
    duplicate_category_id,
    duplicate_key,
    duplicate_level_id,
    duplicate_offering_id,
    duplicate_offering_name,
    duplicate_sku,
    duplicate_variant_id,
    empty_file,
    execution_plan,
    invalid_value,
    level_ranks,
    level_without_category,
    limit_exceeded,
    marketing_material,
    maturity_case,
    missing_base_variant,
    missing_key,
    missing_levels_file,
    modeline,
    multiple_documents,
    not_utf8,
    out_of_range,
    planned_with_sku,
    positive_nps,
    predictable_margin,
    predictable_timing,
    schema_violation,
    sku_without_sow,
    stale_baseline_entry,
    standard_variant_incomplete,
    suppression_without_reason,
    syntax_error,
    unknown_key,
    unknown_level,
    unknown_suppression_code,
    unreadable_file,
    unused_suppression,
    wrong_type,
    yaml11_reading,
)
from pscatalog.rules.base import Documented, Finding, Rule

__all__ = ["CODES", "RULES", "STRUCTURAL", "Documented", "Finding", "Rule"]

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
    unknown_key,
    missing_key,
    wrong_type,
    invalid_value,
    bad_format,
    out_of_range,
    schema_violation,
)
_SUPPRESSION_MODULES: tuple[Documented, ...] = (
    unused_suppression,
    suppression_without_reason,
    unknown_suppression_code,
    stale_baseline_entry,
)

RULES: dict[str, Rule] = {rule.CODE: rule for rule in _RULE_MODULES}
"""The catalog checks, by code, in the order they run."""

CODES: dict[str, Documented] = dict(
    sorted({m.CODE: m for m in (*_READING_MODULES, *_SUPPRESSION_MODULES, *_RULE_MODULES)}.items())
)
"""Every code pscatalog reports, sorted, with its documentation."""

STRUCTURAL: frozenset[str] = frozenset(module.CODE for module in _READING_MODULES)
"""Codes of the loader and the schema: a file with such an error does not read
as the schema defines it, and commands that need the data refuse it."""
