"""The shipped catalog: clean, faithful to the framework page, and editor-ready."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REAL_DATA, REPO, SHIPPED_CATALOG
from pscatalog.catalog.model import load_catalog
from pscatalog.checks.checker import validate
from pscatalog.checks.config import Config
from pscatalog.outputs.rendering import render_categories

PAGE = REAL_DATA / "offerings-framework.md"


def page_tables() -> dict[str, list[tuple[str, str]]]:
    """Parse the framework page: category heading -> [(offering, maturity)]."""
    tables: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#### (.+)", line)
        if heading:
            current = tables.setdefault(heading.group(1).strip(), [])
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if current is None or len(cells) != 2 or cells[0] in ("Offering", "") or ":--" in line:
            continue
        current.append((cells[0], cells[1]))
    return tables


def rendered_tables(markdown: str) -> dict[str, list[tuple[str, str]]]:
    """Parse what `render` produced the same way."""
    tables: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] = []
    for line in markdown.splitlines():
        if line.startswith("#### "):
            current = tables.setdefault(line[5:], [])
        elif line.startswith("| ") and not line.startswith(("| Offering", "| :--")):
            name, maturity = (cell.strip() for cell in line.strip("| ").split(" | "))
            current.append((name, maturity))
    return tables


def test_shipped_catalog_validates_clean() -> None:
    """`validate` finds nothing at all in the shipped catalog."""
    result = validate([SHIPPED_CATALOG], config=Config())
    assert result.diagnostics == []
    assert result.files_checked == 7


def test_page_has_fifteen_offerings() -> None:
    """The parser of the page sees the page's six categories and 15 offerings."""
    tables = page_tables()
    assert len(tables) == 6
    assert sum(len(rows) for rows in tables.values()) == 15


def test_render_gives_back_the_page() -> None:
    """`render` reproduces every category heading, offering name and maturity of the page."""
    rendered = rendered_tables(render_categories(load_catalog(SHIPPED_CATALOG)))
    assert rendered == page_tables()


def test_render_categories_exact_text_start() -> None:
    """The rendered section starts with the page's first heading and table, in page order."""
    markdown = render_categories(load_catalog(SHIPPED_CATALOG))
    assert markdown.startswith(
        "#### Implementation Services\n\n"
        "| Offering | Maturity |\n"
        "| :-- | :--: |\n"
        "| Rapid Results implementation | Planned |\n"
        "| Custom implementation | Complete |\n"
        "| Assessment and optimization | Planned |\n\n"
        "#### Integration Services\n"
    )


def test_levels_say_names_are_a_proposal() -> None:
    """levels.yaml has three levels and says that the names of 2 and 3 are a proposal."""
    text = (SHIPPED_CATALOG / "levels.yaml").read_text(encoding="utf-8")
    assert "proposal" in text
    catalog = load_catalog(SHIPPED_CATALOG)
    assert [(lv.text("id"), lv.data["rank"]) for lv in catalog.levels] == [
        ("product", 1),
        ("adoption", 2),
        ("transformation", 3),
    ]
    assert catalog.levels[0].text("name") == "Product"


@pytest.mark.parametrize("path", sorted(SHIPPED_CATALOG.glob("*.yaml")), ids=lambda p: p.name)
def test_every_file_starts_with_its_modeline(path: Path) -> None:
    """Every catalog file's first line points editors at its schema."""
    kind = "levels" if path.name == "levels.yaml" else "category"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schema/{kind}.schema.json"
    assert (path.parent / f"../schema/{kind}.schema.json").resolve().is_file()


def test_real_skus_are_used() -> None:
    """Offerings that GitLab's data sells carry its real SKUs."""
    skus = {
        variant.text("sku")
        for offering in load_catalog(SHIPPED_CATALOG).offerings
        for variant in offering.variants
    }
    expected = {"GL-JIRA", "GL-JENKINS", "GL-LDAP", "GL-BAS", "GL-BAS-R", "MIG+"}
    expected |= {f"GL-ENGR-{m}" for m in (3, 6, 12)}
    expected |= {f"GL-ENGR-CLEARED-{m}" for m in (3, 6, 12)}
    assert expected <= skus


def test_dedicated_engineer_has_the_durations_its_name_implies() -> None:
    """The dedicated engineer is sold for 3 (standard), 6 and 12 months."""
    catalog = load_catalog(SHIPPED_CATALOG)
    engineer = next(o for o in catalog.offerings if o.entry.text("id") == "dedicated-engineer")
    months = {
        (variant.text("id"), variant.data["duration"]["value"])
        for variant in engineer.variants
        if not variant.data.get("clearance")
    }
    assert months == {("standard", 3), ("6-months", 6), ("12-months", 12)}


def test_category_files_are_one_per_category() -> None:
    """Six category files, each named after its category id, with the page's headings."""
    catalog = load_catalog(SHIPPED_CATALOG)
    names = {Path(c.doc.name).stem: c.text("id") for c in catalog.categories}
    assert names == {stem: stem for stem in names}
    assert [c.text("name") for c in catalog.ordered_categories()] == list(page_tables())


def test_repository_schema_folder_is_the_one_the_modelines_name() -> None:
    """The schema folder beside the catalog holds both schema files."""
    assert sorted(p.name for p in (REPO / "schema").glob("*.schema.json")) == [
        "category.schema.json",
        "levels.schema.json",
    ]
