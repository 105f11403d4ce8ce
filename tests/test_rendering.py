"""Rendering: the catalog and maturity views, the SVG chart, and regions of handbook pages."""

from __future__ import annotations

import re
import runpy
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from conftest import REPO, SHIPPED_CATALOG
from helpers import category_file, write_catalog
from pscatalog.catalog.model import MATURITIES, load_catalog
from pscatalog.cli.main import cli
from pscatalog.errors import UsageError
from pscatalog.outputs.rendering import (
    FORMATS,
    VIEWS,
    Region,
    RegionError,
    fill_regions,
    find_regions,
    format_delivery,
    format_duration,
    format_price,
    maturity_counts,
    render,
    render_catalog,
    render_categories,
    render_maturity,
    render_maturity_svg,
)

GOLDEN = REPO / "tests" / "golden"
SVG = "{http://www.w3.org/2000/svg}"

SMALL = {
    "integration.yaml": category_file(
        """\
        - id: jira
          name: JIRA | Cloud
          maturity: complete
          summary: Set up   the Jira integration.
          variants:
            - id: standard
              name: Jira integration
              sku: GL-JIRA
              standard_sow: https://example.com/sow
              delivery: remote
              duration:
                min: 1
                max: 3
                unit: day
              price:
                amount: 2400
                currency: USD
                unit: engagement
            - id: custom
              delivery: on-site
              duration:
                value: 1
                unit: week
              price:
                min: 20000
                max: 150000.5
                currency: EUR
                unit: engagement
        - id: jenkins
          name: Jenkins
          maturity: planned
          variants:
            - id: custom
        """
    )
}


def run(*args: str) -> tuple[int, str, str]:
    """Invoke the CLI in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A small catalog: the base files and an integration file with two offerings."""
    return write_catalog(tmp_path / "catalog", SMALL)


@pytest.fixture
def shipped(in_tmp: Path) -> Path:
    """A copy of the shipped catalog in ./catalog of an empty folder."""
    shutil.copytree(SHIPPED_CATALOG, in_tmp / "catalog")
    shutil.copytree(REPO / "schema", in_tmp / "schema")
    return in_tmp / "catalog"


# -- the views -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "view", "output_format"),
    [
        ("catalog.md", "catalog", "markdown"),
        ("maturity.md", "maturity", "markdown"),
        ("maturity.svg", "maturity", "svg"),
    ],
)
def test_shipped_catalog_renders_as_its_golden_file(
    name: str, view: str, output_format: str
) -> None:
    """Each view of the shipped catalog is byte for byte its golden file (scripts/regenerate-golden.py)."""
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert render(load_catalog(SHIPPED_CATALOG), view, output_format) == expected


def test_categories_is_the_default_view_and_unchanged() -> None:
    """`render()` with no view is `render_categories`, the framework page's section."""
    catalog = load_catalog(SHIPPED_CATALOG)
    assert render(catalog) == render_categories(catalog)


def test_rendering_is_deterministic() -> None:
    """Two readings of the same catalog render the same bytes in every view and format."""
    first, second = load_catalog(SHIPPED_CATALOG), load_catalog(SHIPPED_CATALOG)
    for view, output_format in (("catalog", "markdown"), ("maturity", "svg")):
        assert render(first, view, output_format) == render(second, view, output_format)


def test_catalog_view_of_a_small_catalog(small: Path) -> None:
    """Per offering: heading, maturity, summary on one line, then its variants for people."""
    markdown = render_catalog(load_catalog(small))
    integration = markdown[markdown.index("## Integration Services") :]
    assert integration.split("\n## ")[0] == (
        "## Integration Services\n"
        "\n"
        "### JIRA \\| Cloud\n"
        "\n"
        "**Maturity:** Complete\n"
        "\n"
        "Set up the Jira integration.\n"
        "\n"
        "| Variant | SKU | Delivery | Duration | Price |\n"
        "| :-- | :-- | :-- | :-- | :-- |\n"
        "| Jira integration (`standard`) | GL-JIRA | Remote | 1–3 days | USD 2,400 per engagement |\n"
        "| `custom` | — | On-site | 1 week | EUR 20,000–150,000.50 per engagement |\n"
        "\n"
        "### Jenkins\n"
        "\n"
        "**Maturity:** Planned\n"
        "\n"
        "| Variant | SKU | Delivery | Duration | Price |\n"
        "| :-- | :-- | :-- | :-- | :-- |\n"
        "| `custom` | — | — | — | — |\n"
    )


def test_catalog_view_starts_with_the_first_category_in_page_order(small: Path) -> None:
    """Categories come by level rank: Implementation (product) before Education (adoption)."""
    markdown = render_catalog(load_catalog(small))
    headings = re.findall(r"^## (.*)$", markdown, re.M)
    assert headings == [
        "Implementation Services",
        "Integration Services",
        "Education Services",
        "Dedicated Services",
    ]


def test_maturity_view_of_a_small_catalog(small: Path) -> None:
    """One row per category, one column per maturity, totals on the right and at the bottom."""
    assert render_maturity(load_catalog(small)) == (
        "| Category | Planned | Minimal | Viable | Complete | Lovable | Total |\n"
        "| :-- | --: | --: | --: | --: | --: | --: |\n"
        "| Implementation Services | 0 | 1 | 0 | 0 | 0 | 1 |\n"
        "| Integration Services | 1 | 0 | 0 | 1 | 0 | 2 |\n"
        "| Education Services | 1 | 0 | 0 | 0 | 0 | 1 |\n"
        "| Dedicated Services | 1 | 0 | 0 | 0 | 0 | 1 |\n"
        "| **Total** | 3 | 1 | 0 | 1 | 0 | 5 |\n"
    )


def test_markdown_cells_escape_pipes(tmp_path: Path) -> None:
    """A `|` in a name stays inside its cell, in the categories and maturity tables."""
    bad = category_file(
        "- id: a\n  name: A | B\n  maturity: planned\n  variants:\n    - id: custom\n"
    ).replace("name: Integration Services", "name: R | D")
    catalog = load_catalog(write_catalog(tmp_path / "catalog", {"integration.yaml": bad}))
    assert "| R \\| D | 1 | 0 | 0 | 0 | 0 | 1 |\n" in render_maturity(catalog)
    assert "| A \\| B | Planned |\n" in render_categories(catalog)


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        ({"value": 3, "unit": "month"}, "3 months"),
        ({"value": 1, "unit": "day"}, "1 day"),
        ({"value": 1.5, "unit": "day"}, "1.5 days"),
        ({"min": 1, "max": 3, "unit": "day"}, "1–3 days"),
        ({"min": 2, "max": 2, "unit": "week"}, "2 weeks"),
        ({"value": 8, "unit": "hour", "note": "Two sessions"}, "8 hours"),
        ({"unit": "day"}, "—"),
        (None, "—"),
    ],
)
def test_format_duration(duration: object, text: str) -> None:
    """Durations read as people write them; no length reads as a dash."""
    assert format_duration(duration) == text


@pytest.mark.parametrize(
    ("price", "text"),
    [
        ({"amount": 2400, "currency": "USD", "unit": "engagement"}, "USD 2,400 per engagement"),
        ({"amount": 147900, "currency": "USD", "unit": "engagement"}, "USD 147,900 per engagement"),
        ({"amount": 2400.0, "currency": "USD", "unit": "day"}, "USD 2,400 per day"),
        ({"amount": 99.5, "currency": "EUR", "unit": "seat"}, "EUR 99.50 per seat"),
        ({"min": 20000, "max": 150000, "currency": "USD", "unit": "engagement"},
         "USD 20,000–150,000 per engagement"),
        ({"amount": 0, "currency": "USD", "unit": "session"}, "USD 0 per session"),
        ({"currency": "USD", "unit": "day"}, "—"),
        ("2400", "—"),
    ],
)  # fmt: skip
def test_format_price(price: object, text: str) -> None:
    """Prices read with currency, thousands separators and unit; no amount reads as a dash."""
    assert format_price(price) == text


def test_format_delivery() -> None:
    """Delivery modes are capitalised as a table shows them."""
    assert [format_delivery(d) for d in ("remote", "on-site", "hybrid", "self-paced", None)] == [
        "Remote",
        "On-site",
        "Hybrid",
        "Self-paced",
        "—",
    ]


# -- the SVG chart ---------------------------------------------------------------------


def test_svg_bars_add_up_to_the_counts() -> None:
    """Each segment is its count times the unit width; a category's segments add up to its total."""
    catalog = load_catalog(SHIPPED_CATALOG)
    root = ET.fromstring(render_maturity_svg(catalog))
    assert root.tag == f"{SVG}svg"
    bars = root.find(f".//{SVG}g[@class='bars']")
    assert bars is not None
    unit = int(bars.attrib["data-unit-width"])
    widths: dict[str, int] = {}
    for rect in bars.iter(f"{SVG}rect"):
        count = int(rect.attrib["data-count"])
        assert int(rect.attrib["width"]) == count * unit
        category = rect.attrib["data-category"]
        widths[category] = widths.get(category, 0) + int(rect.attrib["width"])
    expected = {
        category.text("id"): sum(row.values()) * unit for category, row in maturity_counts(catalog)
    }
    assert widths == expected
    assert {category: width // unit for category, width in widths.items()} == {
        "implementation": 3,
        "integration": 3,
        "migration": 2,
        "education": 3,
        "dedicated": 1,
        "expert": 3,
    }


def test_svg_segments_follow_the_maturity_order_with_one_colour_each() -> None:
    """Within a bar, segments go planned to lovable, left to right, each maturity its own colour."""
    root = ET.fromstring(render_maturity_svg(load_catalog(SHIPPED_CATALOG)))
    rects = list(root.iter(f"{SVG}rect"))
    bars = [rect for rect in rects if rect.attrib.get("class") == "bar"]
    migration = [rect for rect in bars if rect.attrib["data-category"] == "migration"]
    assert [rect.attrib["data-maturity"] for rect in migration] == ["planned", "complete"]
    assert int(migration[0].attrib["x"]) + int(migration[0].attrib["width"]) == int(
        migration[1].attrib["x"]
    )
    colours = {rect.attrib["data-maturity"]: rect.attrib["fill"] for rect in bars}
    assert len(set(colours.values())) == len(colours)


def test_svg_has_a_legend_and_labels() -> None:
    """The legend names the five maturities; each category is labelled; the title says what it is."""
    root = ET.fromstring(render_maturity_svg(load_catalog(SHIPPED_CATALOG)))
    legend = root.find(f".//{SVG}g[@class='legend']")
    assert legend is not None
    assert [text.text for text in legend.iter(f"{SVG}text")] == [m.capitalize() for m in MATURITIES]
    labels = [text.text for text in root.iter(f"{SVG}text") if text.get("text-anchor") == "end"]
    assert labels == [
        "Implementation Services",
        "Integration Services",
        "Migration Services",
        "Education Services",
        "Dedicated Services",
        "Expert Services",
    ]
    title = root.find(f"{SVG}title")
    assert title is not None
    assert title.text == "Offerings per category and maturity"


def test_svg_escapes_names(tmp_path: Path) -> None:
    """A category named with `&` and `<` still gives well-formed XML, the name intact."""
    text = category_file("- id: a\n  name: A\n  maturity: viable\n  variants:\n    - id: custom\n")
    text = text.replace("name: Integration Services", 'name: "R&D <Services>"')
    catalog = load_catalog(write_catalog(tmp_path / "catalog", {"integration.yaml": text}))
    root = ET.fromstring(render_maturity_svg(catalog))
    labels = [text.text for text in root.iter(f"{SVG}text") if text.get("text-anchor") == "end"]
    assert "R&D <Services>" in labels


def test_svg_of_a_large_category_stays_within_bounds(tmp_path: Path) -> None:
    """With 60 offerings in a category, the unit shrinks so that bars stay 480 pixels wide at most."""
    offerings = "".join(
        f"- id: o{i}\n  name: O{i}\n  maturity: planned\n  variants:\n    - id: custom\n"
        for i in range(60)
    )
    catalog = load_catalog(
        write_catalog(tmp_path / "catalog", {"integration.yaml": category_file(offerings)})
    )
    root = ET.fromstring(render_maturity_svg(catalog))
    bars = root.find(f".//{SVG}g[@class='bars']")
    assert bars is not None
    assert bars.attrib["data-unit-width"] == "8"
    widest = max(int(rect.attrib["width"]) for rect in bars.iter(f"{SVG}rect"))
    assert widest == 480


def test_only_the_maturity_view_has_an_svg_form() -> None:
    """Asking for the catalog view as SVG is a usage error naming the view that has one."""
    catalog = load_catalog(SHIPPED_CATALOG)
    with pytest.raises(UsageError) as caught:
        render(catalog, "catalog", "svg")
    assert str(caught.value) == "the catalog view has no svg form; svg is for the maturity view"


# -- regions ---------------------------------------------------------------------------


def test_find_regions_reads_several_regions_and_skips_fenced_markers() -> None:
    """Regions are found with their views and marker lines; markers in a code fence are text."""
    page = (
        "# Page\n"
        "<!-- pscatalog:begin maturity -->\n"
        "old\n"
        "<!-- pscatalog:end -->\n"
        "```markdown\n"
        "<!-- pscatalog:begin nonsense -->\n"
        "```\n"
        "  <!--pscatalog:begin catalog-->\n"
        "<!-- pscatalog:end -->\n"
    )
    assert find_regions(page) == [Region("maturity", 2, 4), Region("catalog", 8, 9)]


@pytest.mark.parametrize(
    ("page", "line", "message"),
    [
        (
            "<!-- pscatalog:begin maturity -->\n<!-- pscatalog:begin catalog -->\n",
            2,
            "a begin marker inside the region opened at line 1; "
            "close that region with <!-- pscatalog:end --> first",
        ),
        ("text\n<!-- pscatalog:end -->\n", 2, "an end marker without a begin marker before it"),
        (
            "a\n<!-- pscatalog:begin maturity -->\nb\n",
            2,
            "the region opened here has no <!-- pscatalog:end -->",
        ),
        (
            "<!-- pscatalog:begin tables -->\n<!-- pscatalog:end -->\n",
            1,
            "the begin marker names 'tables', not one of the views categories, catalog, maturity",
        ),
        (
            "<!-- pscatalog:begin categorys -->\n<!-- pscatalog:end -->\n",
            1,
            "the begin marker names 'categorys'; did you mean <!-- pscatalog:begin categories -->?",
        ),
        (
            "<!-- pscatalog:begin -->\n<!-- pscatalog:end -->\n",
            1,
            "the begin marker names no view; write <!-- pscatalog:begin VIEW --> "
            "with VIEW one of categories, catalog, maturity",
        ),
        (
            "<!-- pscatalog:begin maturity -->\n<!-- pscatalog:end maturity -->\n",
            2,
            "the end marker takes nothing more: write <!-- pscatalog:end -->",
        ),
    ],
)
def test_unbalanced_or_unknown_markers_are_errors_at_their_line(
    page: str, line: int, message: str
) -> None:
    """Each marker fault is reported at its 1-based line with what to write instead."""
    with pytest.raises(RegionError) as caught:
        find_regions(page)
    assert (caught.value.line, caught.value.message) == (line, message)


def test_fill_regions_replaces_only_the_regions_byte_for_byte() -> None:
    """Text around and between regions, CRLF endings and a missing final newline are kept."""
    page = (
        "Intro\r\n"
        "<!-- pscatalog:begin maturity -->\r\n"
        "stale\r\n"
        "<!-- pscatalog:end -->\r\n"
        "Middle \t \n"
        "<!-- pscatalog:begin categories -->\n"
        "<!-- pscatalog:end -->\n"
        "Outro, no newline"
    )
    filled = fill_regions(page, lambda view: f"{view} table\nrow\n")
    assert filled == (
        "Intro\r\n"
        "<!-- pscatalog:begin maturity -->\r\n"
        "\r\n"
        "maturity table\r\n"
        "row\r\n"
        "\r\n"
        "<!-- pscatalog:end -->\r\n"
        "Middle \t \n"
        "<!-- pscatalog:begin categories -->\n"
        "\n"
        "categories table\n"
        "row\n"
        "\n"
        "<!-- pscatalog:end -->\n"
        "Outro, no newline"
    )
    assert fill_regions(filled, lambda view: f"{view} table\nrow\n") == filled


# -- the command line: views -------------------------------------------------------------


def test_cli_renders_each_view(shipped: Path) -> None:
    """`render --view catalog|maturity [--format svg]` prints the golden output."""
    assert run("render", "--view", "catalog") == (
        0,
        (GOLDEN / "catalog.md").read_text(encoding="utf-8"),
        "",
    )
    assert run("render", "--view", "maturity") == (
        0,
        (GOLDEN / "maturity.md").read_text(encoding="utf-8"),
        "",
    )
    svg = (GOLDEN / "maturity.svg").read_text(encoding="utf-8")
    assert run("render", "--view", "maturity", "--format", "svg") == (0, svg, "")
    assert run("render", "--format", "svg") == (0, svg, "")


def test_cli_svg_of_another_view_is_a_usage_error(shipped: Path) -> None:
    """`--view catalog --format svg` exits 2 with one line."""
    assert run("render", "--view", "catalog", "--format", "svg") == (
        2,
        "",
        "pscatalog: error: the catalog view has no svg form; svg is for the maturity view\n"
        "Try 'pscatalog render --help' for help.\n",
    )


def test_cli_choices_are_the_registries() -> None:
    """The `--view` and `--format` choices of `render` are the views and formats that exist."""
    params = {param.name: param for param in cli.commands["render"].params}
    assert tuple(params["view"].type.choices) == VIEWS  # type: ignore[attr-defined]
    assert tuple(params["render_format"].type.choices) == FORMATS  # type: ignore[attr-defined]


# -- the command line: pages -------------------------------------------------------------

PAGE = """\
# Services

Hand-written intro, kept as is.  \n
<!-- pscatalog:begin maturity -->
out of date
<!-- pscatalog:end -->

## By category

<!-- pscatalog:begin categories -->
<!-- pscatalog:end -->

Hand-written outro.
"""


def fresh_page(catalog: Path) -> str:
    """The page as `--write` leaves it for the catalog at ``catalog``."""
    loaded = load_catalog(catalog)
    return (
        PAGE.replace(
            "out of date\n", "\n" + render_maturity(loaded) + "\n"
        ).replace(
            "<!-- pscatalog:begin categories -->\n",
            "<!-- pscatalog:begin categories -->\n\n" + render_categories(loaded) + "\n",
        )
    )  # fmt: skip


def test_check_names_a_stale_page_with_a_short_diff(shipped: Path) -> None:
    """A stale page: exit 1, its name and stale regions, a unified diff, the way to fix it."""
    (shipped.parent / "page.md").write_text(PAGE, encoding="utf-8")
    code, out, err = run("render", "--check", "page.md")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == "page.md: stale regions 'maturity' at line 5, 'categories' at line 11"
    assert lines[1:4] == ["--- page.md", "+++ page.md (rendered)", "@@ -5,3 +5,13 @@"]
    assert "-out of date" in lines
    assert "+| Implementation Services | 2 | 0 | 0 | 1 | 0 | 3 |" in lines
    assert "... (" in lines[-2]
    assert lines[-1] == (
        "1 page stale; 'pscatalog render --write page.md' renders its regions anew."
    )
    assert len(lines) == 1 + 40 + 1 + 1


def test_check_passes_a_fresh_page(shipped: Path) -> None:
    """A page whose regions match the catalog: exit 0, one line."""
    (shipped.parent / "page.md").write_text(fresh_page(shipped), encoding="utf-8")
    assert run("render", "--check", "page.md") == (0, "1 page up to date.\n", "")


def test_write_rewrites_only_the_regions(shipped: Path) -> None:
    """`--write` fills both regions; every byte outside them stays; a second check passes."""
    page = shipped.parent / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    page.chmod(0o640)
    code, out, err = run("render", "--write", "page.md")
    assert (code, err) == (0, "")
    assert out == (
        "page.md: updated regions 'maturity' at line 5, 'categories' at line 11\n1 page updated.\n"
    )
    assert page.read_bytes() == fresh_page(shipped).encode("utf-8")
    assert page.stat().st_mode & 0o777 == 0o640
    assert sorted(path.name for path in shipped.parent.iterdir()) == [
        "catalog",
        "page.md",
        "schema",
    ]
    assert run("render", "--check", "page.md") == (0, "1 page up to date.\n", "")


def test_write_leaves_a_fresh_page_untouched(shipped: Path) -> None:
    """A page already up to date is not rewritten (its modification time stays)."""
    page = shipped.parent / "page.md"
    page.write_text(fresh_page(shipped), encoding="utf-8")
    before = page.stat().st_mtime_ns
    assert run("render", "--write", "page.md") == (0, "1 page up to date.\n", "")
    assert page.stat().st_mtime_ns == before


NO_REGION_LINE = (
    "README.md: error: no pscatalog region: put <!-- pscatalog:begin VIEW --> and "
    "<!-- pscatalog:end --> around the place to fill, each alone on a line (markers in code "
    "are text)\n"
)


def test_a_page_without_a_region_is_an_error(shipped: Path) -> None:
    """Exit 1 with one line naming the page; the other pages are still checked."""
    (shipped.parent / "README.md").write_text("# Nothing here\n", encoding="utf-8")
    (shipped.parent / "page.md").write_text(fresh_page(shipped), encoding="utf-8")
    assert run("render", "--check", "README.md", "page.md") == (
        1,
        "1 page up to date, 1 without a region.\n",
        NO_REGION_LINE,
    )


def test_write_says_a_page_named_without_a_region_has_none(shipped: Path) -> None:
    """`--write` as `--check`: the page has no region (not a failed write), exit 1; the others written."""
    readme = shipped.parent / "README.md"
    readme.write_text("# Nothing here\n", encoding="utf-8")
    (shipped.parent / "page.md").write_text(PAGE, encoding="utf-8")
    assert run("render", "--write", "README.md", "page.md") == (
        1,
        "page.md: updated regions 'maturity' at line 5, 'categories' at line 11\n"
        "1 page updated, 1 without a region.\n",
        NO_REGION_LINE,
    )
    assert (shipped.parent / "page.md").read_text(encoding="utf-8") == fresh_page(shipped)
    assert readme.read_text(encoding="utf-8") == "# Nothing here\n"


def test_unbalanced_markers_are_an_error_with_the_line(shipped: Path) -> None:
    """A region left open: exit 1, the page and the begin marker's line; `--write` writes nothing."""
    page = shipped.parent / "page.md"
    page.write_text("# Page\n\n<!-- pscatalog:begin maturity -->\nold\n", encoding="utf-8")
    expected_err = "page.md:3: error: the region opened here has no <!-- pscatalog:end -->\n"
    assert run("render", "--check", "page.md") == (
        1,
        "1 page could not be checked.\n",
        expected_err,
    )
    assert run("render", "--write", "page.md") == (
        1,
        "1 page could not be written.\n",
        expected_err,
    )
    assert page.read_text(encoding="utf-8") == "# Page\n\n<!-- pscatalog:begin maturity -->\nold\n"


def test_several_pages_with_different_views(shipped: Path) -> None:
    """Each page is checked; the stale ones are named; `--write` updates only those."""
    root = shipped.parent
    (root / "a.md").write_text(fresh_page(shipped), encoding="utf-8")
    (root / "b.md").write_text(
        "<!-- pscatalog:begin catalog -->\n<!-- pscatalog:end -->\n", encoding="utf-8"
    )
    code, out, err = run("render", "--check", "a.md", "b.md")
    assert (code, err) == (1, "")
    assert out.startswith("b.md: stale region 'catalog' at line 1\n--- b.md\n")
    assert out.endswith(
        "1 page stale, 1 up to date; 'pscatalog render --write b.md' renders its regions anew.\n"
    )
    assert run("render", "--write", "a.md", "b.md") == (
        0,
        "b.md: updated region 'catalog' at line 1\n1 page updated, 1 up to date.\n",
        "",
    )
    catalog_md = (GOLDEN / "catalog.md").read_text(encoding="utf-8")
    assert (root / "b.md").read_text(encoding="utf-8") == (
        f"<!-- pscatalog:begin catalog -->\n\n{catalog_md}\n<!-- pscatalog:end -->\n"
    )


def test_pages_with_a_catalog_folder_named(tmp_path: Path, in_tmp: Path) -> None:
    """A folder among the paths is the catalog the pages are rendered from."""
    catalog = write_catalog(tmp_path / "elsewhere", SMALL)
    (in_tmp / "page.md").write_text(PAGE, encoding="utf-8")
    assert run("render", str(catalog), "--write", "page.md")[0] == 0
    assert (in_tmp / "page.md").read_text(encoding="utf-8") == fresh_page(catalog)


def test_check_refuses_a_catalog_with_schema_errors(in_tmp: Path) -> None:
    """A schema error stops `--write` before any page is touched: exit 1, errors on stderr."""
    bad = category_file(
        "- id: jira\n  name: JIRA\n  maturity: done\n  variants:\n    - id: custom\n"
    )
    write_catalog(in_tmp / "catalog", {"integration.yaml": bad})
    (in_tmp / "page.md").write_text(PAGE, encoding="utf-8")
    code, out, err = run("render", "--write", "page.md")
    assert (code, out) == (1, "")
    assert "\ncatalog/integration.yaml:7:15: error S004 'maturity' is 'done'" in f"\n{err}"
    assert err.endswith(
        "pscatalog: the catalog has YAML or schema errors; 'pscatalog render' needs them fixed\n"
    )
    assert (in_tmp / "page.md").read_text(encoding="utf-8") == PAGE


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--check", "--write", "page.md"), "--check and --write cannot be used together"),
        (
            ("--check", "--view", "catalog", "page.md"),
            "each region names its view, in Markdown: no --view or --format here",
        ),
        (("--check",), "name the pages to check"),
        (("page.md",), "not a catalog folder: page.md (pages go with --check or --write)"),
        (("--check", "missing.md"), "no such file or folder: missing.md"),
    ],
)
def test_page_usage_errors(shipped: Path, args: tuple[str, ...], message: str) -> None:
    """Contradictory or missing arguments exit 2 with one line, before the catalog is read."""
    (shipped.parent / "page.md").write_text(PAGE, encoding="utf-8")
    assert run("render", *args) == (
        2,
        "",
        f"pscatalog: error: {message}\nTry 'pscatalog render --help' for help.\n",
    )


def test_render_check_hook_definition() -> None:
    """The hook runs on every commit, in one process, given the pages and catalog files changed."""
    hooks = {hook["id"]: hook for hook in YAML(typ="safe").load(REPO / ".pre-commit-hooks.yaml")}
    hook = hooks["pscatalog-render-check"]
    # The entry may end with `--`, so that the page names pre-commit adds are never options.
    entry = hook["entry"].removesuffix(" --")
    assert (entry, hook["language"], hook["require_serial"], hook["always_run"]) == (
        "pscatalog render --check --staged",
        "python",
        True,
        True,
    )
    pattern = re.compile(hook["files"])
    assert pattern.search("handbook/services.md")
    assert pattern.search("catalog/jira.yaml")
    assert not pattern.search("catalog/archive/jira.yaml")
    assert not pattern.search("handbook/services.html")


def test_golden_files_are_the_ones_the_script_writes() -> None:
    """tests/golden holds exactly the files scripts/regenerate-golden.py renders."""
    script = runpy.run_path(str(REPO / "scripts" / "regenerate-golden.py"))
    assert sorted(script["FILES"]) == sorted(path.name for path in GOLDEN.iterdir())


def test_check_of_a_page_that_cannot_be_read_counts_no_page_up_to_date(shipped: Path) -> None:
    """A page that is not UTF-8: the summary says it was not checked, never '0 pages up to date'."""
    (shipped.parent / "page.md").write_bytes(b"<!-- pscatalog:begin categories -->\n\xe9\n")
    assert run("render", "--check", "page.md") == (
        1,
        "1 page could not be checked.\n",
        "page.md: error: not UTF-8 text (invalid continuation byte at byte 36)\n",
    )


def test_check_of_a_misspelt_view_suggests_the_view_meant(shipped: Path) -> None:
    """`categorys` in a begin marker: the error names the line and the marker to write."""
    (shipped.parent / "page.md").write_text(
        "# Services\n\n<!-- pscatalog:begin categorys -->\n<!-- pscatalog:end -->\n",
        encoding="utf-8",
    )
    assert run("render", "--check", "page.md") == (
        1,
        "1 page could not be checked.\n",
        "page.md:3: error: the begin marker names 'categorys'; "
        "did you mean <!-- pscatalog:begin categories -->?\n",
    )


def test_check_hint_names_each_stale_page(shipped: Path) -> None:
    """The command that fixes stale pages names them, quoted where a shell needs it."""
    stale = "<!-- pscatalog:begin catalog -->\n<!-- pscatalog:end -->\n"
    (shipped.parent / "a page.md").write_text(stale, encoding="utf-8")
    (shipped.parent / "b.md").write_text(stale, encoding="utf-8")
    code, out, err = run("render", "--check", "a page.md", "b.md")
    assert (code, err) == (1, "")
    assert out.splitlines()[-1] == (
        "2 pages stale; 'pscatalog render --write 'a page.md' b.md' renders their regions anew."
    )


def test_catalog_view_shows_a_price_note(small: Path) -> None:
    """A price's note shows beside the figure: an indicative price never reads as a firm one."""
    text = (small / "integration.yaml").read_text(encoding="utf-8")
    text = text.replace("unit: engagement\n", "unit: engagement\n          note: Indicative\n", 1)
    (small / "integration.yaml").write_text(text, encoding="utf-8")
    rows = [line for line in render_catalog(load_catalog(small)).splitlines() if "GL-JIRA" in line]
    assert rows == [
        "| Jira integration (`standard`) | GL-JIRA | Remote | 1–3 days "
        "| USD 2,400 per engagement (Indicative) |"
    ]


def test_catalog_view_marks_a_retired_variant(tmp_path: Path) -> None:
    """A variant no longer sold says so beside its name, so that its SKU is not ordered."""
    text = category_file(
        """
        - id: jira
          name: JIRA
          maturity: minimal
          variants:
            - id: custom
            - id: old
              name: Old package
              sku: GL-OLD
              standard_sow: https://example.com/sow
              retired: true
        """
    )
    root = write_catalog(tmp_path / "catalog", {"integration.yaml": text})
    rows = [line for line in render(load_catalog(root), "catalog").splitlines() if "GL-OLD" in line]
    assert rows == ["| Old package (`old`) — retired | GL-OLD | — | — | — |"]
