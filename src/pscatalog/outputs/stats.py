"""Counts of the catalog: offerings per level, category and maturity.

:func:`catalog_stats` counts; :func:`stats_markdown` and :func:`stats_json`
write the counts for people and for programs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pscatalog.catalog.model import MATURITIES, Catalog
from pscatalog.outputs.escaping import json_text, markdown_text
from pscatalog.outputs.rendering import markdown_row


@dataclass(frozen=True, slots=True)
class LevelCount:
    """A level of service and what it holds.

    ``rank`` is ``None`` for a level that categories name but ``levels.yaml``
    does not define.
    """

    id: str
    name: str
    rank: int | None
    categories: int
    offerings: int


@dataclass(frozen=True, slots=True)
class CategoryCount:
    """A category and what it holds."""

    id: str
    name: str
    level: str
    offerings: int
    variants: int


@dataclass(frozen=True, slots=True)
class CatalogStats:
    """The counts of one catalog; levels by rank, categories in page order."""

    offerings: int
    variants: int
    skus: int
    """Distinct SKUs."""
    levels: tuple[LevelCount, ...]
    categories: tuple[CategoryCount, ...]
    maturities: tuple[tuple[str, int], ...]
    """Every maturity of the model, lowest first, with its number of offerings."""


def catalog_stats(catalog: Catalog) -> CatalogStats:
    """Count the catalog's offerings per level, category and maturity."""
    category_counts = _category_counts(catalog)
    return CatalogStats(
        offerings=len(catalog.offerings),
        variants=sum(len(offering.variants) for offering in catalog.offerings),
        skus=len(_skus(catalog)),
        levels=_level_counts(catalog, category_counts),
        categories=tuple(category_counts),
        maturities=_maturity_counts(catalog),
    )


def _category_counts(catalog: Catalog) -> list[CategoryCount]:
    """Return each category's offerings and variants, in page order."""
    return [
        CategoryCount(
            category.text("id") or "",
            category.text("name") or category.text("id") or "",
            category.text("level") or "",
            len(offerings := catalog.offerings_of(category)),
            sum(len(offering.variants) for offering in offerings),
        )
        for category in catalog.ordered_categories()
    ]


def _level_counts(catalog: Catalog, category_counts: list[CategoryCount]) -> tuple[LevelCount, ...]:
    """Return each level's categories and offerings, the defined levels first, by rank.

    Levels that categories name but ``levels.yaml`` does not define follow.
    """
    defined = sorted(
        catalog.levels,
        key=lambda level: catalog.level_rank(level.text("id")) or 1 << 30,
    )
    level_ids = [level.text("id") or "" for level in defined]
    level_ids += [count.level for count in category_counts if count.level not in level_ids]
    names = {level.text("id") or "": level.text("name") or "" for level in defined}
    return tuple(
        _level_count(level_id, names.get(level_id) or level_id, catalog, category_counts)
        for level_id in dict.fromkeys(level_ids)
    )


def _level_count(
    level_id: str, name: str, catalog: Catalog, category_counts: list[CategoryCount]
) -> LevelCount:
    mine = [count for count in category_counts if count.level == level_id]
    return LevelCount(
        level_id,
        name,
        catalog.level_rank(level_id),
        len(mine),
        sum(count.offerings for count in mine),
    )


def _maturity_counts(catalog: Catalog) -> tuple[tuple[str, int], ...]:
    """Return every maturity of the model, lowest first, with its number of offerings."""
    by_maturity = dict.fromkeys(MATURITIES, 0)
    for offering in catalog.offerings:
        if offering.claimed in by_maturity:
            by_maturity[offering.claimed] += 1
    return tuple(by_maturity.items())


def _skus(catalog: Catalog) -> set[str]:
    """Return the distinct SKUs of the catalog's variants."""
    return {
        sku for offering in catalog.offerings for v in offering.variants if (sku := v.text("sku"))
    }


def stats_markdown(stats: CatalogStats, *, heading_level: int = 3) -> str:
    """Return the counts as Markdown: a summary line, then a table per level, category, maturity."""
    hashes = "#" * heading_level
    summary = (
        f"{_count(stats.offerings, 'offering')} in {_count(len(stats.categories), 'category')} "
        f"and {_count(len(stats.levels), 'level')}, with {_count(stats.variants, 'variant')} "
        f"and {_count(stats.skus, 'SKU')}.\n"
    )
    level_rows = [
        (
            f"{level.rank}. {markdown_text(level.name)}"
            if level.rank is not None
            else f"{markdown_text(level.name)} (undefined)",
            str(level.categories),
            str(level.offerings),
        )
        for level in stats.levels
    ]
    level_rows.append(("**Total**", str(len(stats.categories)), str(stats.offerings)))
    level_names = {level.id: level.name for level in stats.levels}
    category_rows = [
        (
            markdown_text(category.name),
            markdown_text(level_names.get(category.level, category.level)),
            str(category.offerings),
            str(category.variants),
        )
        for category in stats.categories
    ]
    category_rows.append(("**Total**", "", str(stats.offerings), str(stats.variants)))
    maturity_rows = [
        (maturity.capitalize(), str(count), _share(count, stats.offerings))
        for maturity, count in stats.maturities
    ]
    return "\n".join(
        [
            summary,
            f"{hashes} Offerings per level\n\n"
            + _table(("Level", "Categories", "Offerings"), "lrr", level_rows),
            f"{hashes} Offerings per category\n\n"
            + _table(("Category", "Level", "Offerings", "Variants"), "llrr", category_rows),
            f"{hashes} Offerings per maturity\n\n"
            + _table(("Maturity", "Offerings", "Share"), "lrr", maturity_rows),
        ]
    )


def stats_data(stats: CatalogStats) -> dict[str, Any]:
    """Return the counts as plain data; :func:`stats_json` documents its shape."""
    return {
        "offerings": stats.offerings,
        "variants": stats.variants,
        "skus": stats.skus,
        "levels": [
            {
                "id": level.id,
                "name": level.name,
                "rank": level.rank,
                "categories": level.categories,
                "offerings": level.offerings,
            }
            for level in stats.levels
        ],
        "categories": [
            {
                "id": category.id,
                "name": category.name,
                "level": category.level,
                "offerings": category.offerings,
                "variants": category.variants,
            }
            for category in stats.categories
        ],
        "maturities": dict(stats.maturities),
    }


def stats_json(stats: CatalogStats) -> str:
    """Return the counts as JSON text.

    The shape::

        {
          "offerings": 15, "variants": 24, "skus": 11,
          "levels": [{"id", "name", "rank", "categories", "offerings"}],
          "categories": [{"id", "name", "level", "offerings", "variants"}],
          "maturities": {"planned": 6, "minimal": 2, "viable": 1, "complete": 6, "lovable": 0}
        }

    Levels come by rank (a level that categories name but ``levels.yaml``
    lacks comes last, with ``rank`` null); categories in page order;
    maturities lowest first, every one of the model present.
    """
    return json_text(stats_data(stats))


STATS_FORMATS: dict[str, Callable[[CatalogStats], str]] = {
    "markdown": stats_markdown,
    "json": stats_json,
}
"""The formats ``pscatalog stats --format`` writes."""


def _table(header: Sequence[str], align: str, rows: Sequence[Sequence[str]]) -> str:
    """Return a Markdown table of cells already written as Markdown.

    ``align`` has an ``l`` or ``r`` per column.
    """
    lines = [
        markdown_row(header),
        markdown_row([":--" if side == "l" else "--:" for side in align]),
        *(markdown_row(row) for row in rows),
    ]
    return "\n".join(lines) + "\n"


def _share(count: int, total: int) -> str:
    return f"{round(100 * count / total)}%" if total else "0%"


def _count(number: int, noun: str) -> str:
    plural = "categories" if noun == "category" else f"{noun}s"
    return f"{number} {noun if number == 1 else plural}"
