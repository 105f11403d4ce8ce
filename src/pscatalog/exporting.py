"""Exports of the catalog for other programs.

The ``json`` export is the whole catalog as one nested tree: levels, each with
its categories, each with its offerings and their variants.
"""

from __future__ import annotations

import json
from typing import Any

from pscatalog.catalog import Catalog

FORMATS = ("json",)
"""The formats ``pscatalog export`` can write."""


def catalog_tree(catalog: Catalog) -> dict[str, Any]:
    """Return the catalog as one nested tree of plain data.

    ``{"levels": [{..., "categories": [{..., "offerings": [{..., "variants":
    [...]}]}]}]}``, levels by rank and categories in page order. Categories
    whose level is not defined are listed under ``"unassigned_categories"``.
    """
    by_level: dict[str, list[dict[str, Any]]] = {}
    unassigned: list[dict[str, Any]] = []
    for category in catalog.ordered_categories():
        data = {key: value for key, value in category.data.items() if key != "schema_version"}
        level = category.text("level")
        if level is not None and catalog.level_rank(level) is not None:
            by_level.setdefault(level, []).append(data)
        else:
            unassigned.append(data)
    levels = sorted(catalog.levels, key=lambda level: _rank(level.data.get("rank")))
    tree: dict[str, Any] = {
        "levels": [
            {**level.data, "categories": by_level.get(level.text("id") or "", [])}
            for level in levels
        ]
    }
    if unassigned:
        tree["unassigned_categories"] = unassigned
    return tree


def export_json(catalog: Catalog) -> str:
    """Return the catalog tree as JSON text."""
    return json.dumps(catalog_tree(catalog), indent=2, ensure_ascii=False) + "\n"


def _rank(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 1 << 30
