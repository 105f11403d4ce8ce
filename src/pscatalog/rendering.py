"""Markdown rendered from the catalog, for the handbook's pages.

The ``categories`` view reproduces the framework page's "Categories of
service" section: a heading per category, then its offerings and maturities.
"""

from __future__ import annotations

from pscatalog.catalog import Catalog

VIEWS = ("categories",)
"""The views ``pscatalog render`` can produce."""


def render_categories(catalog: Catalog, *, heading_level: int = 4) -> str:
    """Return the page's "Categories of service" tables as Markdown.

    Categories come in page order (by level rank, then ``order``); offerings in
    the order their file lists them; maturities capitalised, as the page writes
    them.
    """
    hashes = "#" * heading_level
    sections = []
    for category in catalog.ordered_categories():
        rows = [
            f"| {_cell(offering.entry.text('name') or '')} | {offering.claimed.capitalize()} |"
            for offering in catalog.offerings_of(category)
        ]
        name = category.text("name") or category.text("id") or ""
        table = "\n".join(["| Offering | Maturity |", "| :-- | :--: |", *rows])
        sections.append(f"{hashes} {name}\n\n{table}\n")
    return "\n".join(sections)


def _cell(text: str) -> str:
    """Return text that stays inside one Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")
