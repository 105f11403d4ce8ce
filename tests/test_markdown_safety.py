"""Rendered pages show catalog text exactly as written, and regions are found as CommonMark reads the page.

Each Markdown view is rendered to HTML with markdown-it-py, the CommonMark parser: no tag,
link or marker comes from catalog text, and the text of the HTML is the catalog's text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from helpers import LEVELS_YAML, write_catalog
from pscatalog.catalog.model import load_catalog
from pscatalog.cli.main import cli
from pscatalog.outputs.escaping import visible
from pscatalog.outputs.rendering import (
    Region,
    fill_regions,
    find_regions,
    render,
    render_maturity_svg,
)
from pscatalog.outputs.stats import catalog_stats, stats_markdown
from pscatalog.tools.diffing import diff_catalogs, diff_markdown

SVG = "{http://www.w3.org/2000/svg}"
MARKDOWN = MarkdownIt("commonmark").enable("table")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


class _Events(HTMLParser):
    """The tags and the text of an HTML fragment, text runs joined."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", f"{tag} {sorted(attrs)}"))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if self.events and self.events[-1][0] == "text":
            self.events[-1] = ("text", self.events[-1][1] + data)
        else:
            self.events.append(("text", data))

    def handle_comment(self, data: str) -> None:
        self.events.append(("comment", data))


def html_events(markdown: str) -> list[tuple[str, str]]:
    parser = _Events()
    parser.feed(MARKDOWN.render(markdown))
    parser.close()
    return parser.events


def shown(text: str) -> str:
    """How a page shows catalog text: on one line, white space runs as one space, escapes."""
    return visible(" ".join(text.split()))


def catalog_text(
    *, category: str, offering: str, summary: str, variant: str, level: str = "Product"
) -> dict[str, str]:
    """The files of a one-offering catalog whose texts are the arguments (YAML-quoted)."""
    quote = _yaml_quoted
    return {
        "levels.yaml": LEVELS_YAML.replace("name: Product", f"name: {quote(level)}"),
        "integration.yaml": (
            f"id: integration\nname: {quote(category)}\nlevel: product\nofferings:\n"
            f"  - id: jira\n    name: {quote(offering)}\n    maturity: planned\n"
            f"    summary: {quote(summary)}\n    variants:\n"
            f"      - id: custom\n        name: {quote(variant)}\n"
        ),
    }


def _yaml_quoted(text: str) -> str:
    escaped = "".join(
        "\\\\" if c == "\\" else '\\"' if c == '"' else c if c.isprintable() else f"\\U{ord(c):08x}"
        for c in text
    )
    return f'"{escaped}"'


def views(tmp_path: Path, name: str, texts: dict[str, str]) -> dict[str, str]:
    """Every Markdown output of the catalog: the three views, stats, and a diff from empty."""
    folder = write_catalog(tmp_path / name, catalog_text(**texts), base=False)
    catalog = load_catalog(folder)
    empty = load_catalog(write_catalog(tmp_path / f"{name}-old", {}, base=False))
    return {
        "categories": render(catalog, "categories"),
        "catalog": render(catalog, "catalog"),
        "maturity": render(catalog, "maturity"),
        "stats": stats_markdown(catalog_stats(catalog)),
        "diff": diff_markdown(diff_catalogs(empty, catalog)),
    }


PLACEHOLDERS = {
    "category": "Categoryplaceholder",
    "offering": "Offeringplaceholder",
    "summary": "Summaryplaceholder",
    "variant": "Variantplaceholder",
    "level": "Levelplaceholder",
}


def assert_renders_as_written(tmp_path: Path, texts: dict[str, str]) -> None:
    """Same tags as with plain placeholders; each placeholder's text is the catalog text."""
    plain = views(tmp_path, "plain", PLACEHOLDERS)
    hostile = views(tmp_path, "hostile", texts)
    for view, markdown in hostile.items():
        expected = html_events(plain[view])
        for field, placeholder in PLACEHOLDERS.items():
            expected = [
                (kind, value.replace(placeholder, shown(texts[field])) if kind == "text" else value)
                for kind, value in expected
            ]
        assert html_events(markdown) == expected, (view, markdown)


HOSTILE_TEXTS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "C++ <templates> & &amp; &#60;",
    "<!-- pscatalog:end -->",
    "<!-- pscatalog:begin catalog -->",
    "*bold* _em_ __strong__ `code` ``x`` ~~strike~~",
    "[link](https://example.com) ![image](x.png) <https://example.com> [ref]: /x",
    "a | b || c \\| d",
    "# heading ## closed ##",
    "1. item",
    "2) item",
    "- item",
    "+ item",
    "> quote",
    "---",
    "===",
    "    indented code",
    "```fence",
    "~~~fence",
    "line one\nline two\n\nparagraph\r\nthree",
    "trailing backslash \\",
    "hard break  \nnext",
    "\\*not bold\\*",
    ":: ::error::x ##[add-mask]y",
    "$x$ $$y$$",
    "\x1b]52;c;aGk=\x07 \u202e bidi \x85 nel \u2028 sep",
    "<div>\n\nblock</div>",
    "<?php ?> <!DOCTYPE x> <![CDATA[x]]>",
]


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_catalog_text_renders_as_written_in_every_markdown_view(tmp_path: Path, text: str) -> None:
    """Names, summary and level: no tag or link from catalog text, the text shown as written."""
    texts = {field: f"{text} {field}" for field in PLACEHOLDERS}
    assert_renders_as_written(tmp_path, texts)


def test_html_in_a_summary_is_text_in_the_catalog_page(tmp_path: Path) -> None:
    """The issue's example: `<img onerror>` and `C++ <templates>` as escaped text."""
    folder = write_catalog(
        tmp_path / "catalog",
        catalog_text(
            category="Integration",
            offering="C++ <templates>",
            summary="<img src=x onerror=alert(1)> *fast*",
            variant="Remote",
        ),
        base=False,
    )
    page = render(load_catalog(folder), "catalog")
    assert page == (
        "## Integration\n"
        "\n"
        "### C++ &lt;templates&gt;\n"
        "\n"
        "**Maturity:** Planned\n"
        "\n"
        "&lt;img src=x onerror=alert(1)&gt; \\*fast\\*\n"
        "\n"
        "| Variant | SKU | Delivery | Duration | Price |\n"
        "| :-- | :-- | :-- | :-- | :-- |\n"
        "| Remote (`custom`) | — | — | — | — |\n"
    )
    assert MARKDOWN.render(page).count("<img") == 0


# -- regions ----------------------------------------------------------------------------

PAGE_WITH_EXAMPLES = """\
# Services

- a list item with a fenced example:

  ```markdown
  <!-- pscatalog:begin catalog -->
  <!-- pscatalog:end -->
  ```

- a list
  - two deep, in code: `<!-- pscatalog:begin maturity -->`

> ```
> <!-- pscatalog:begin catalog -->
> <!-- pscatalog:end -->
> ```

An indented example:

    <!-- pscatalog:begin catalog -->
    <!-- pscatalog:end -->

The real region:

<!-- pscatalog:begin maturity -->
stale
<!-- pscatalog:end -->
"""


def test_markers_in_code_are_text_at_any_depth() -> None:
    """Only the top-level marker comments make a region; every example in code is left alone."""
    assert find_regions(PAGE_WITH_EXAMPLES) == [Region("maturity", 25, 27)]


def test_write_fills_only_the_real_region_of_a_page_with_examples(
    tmp_path: Path, in_tmp: Path
) -> None:
    """The issue's example: markers in a fenced block in a list item are not filled."""
    write_catalog(in_tmp / "catalog", {})
    page = in_tmp / "page.md"
    page.write_text(PAGE_WITH_EXAMPLES, encoding="utf-8")
    assert run("render", "--write", "page.md") == (
        0,
        "page.md: updated region 'maturity' at line 25\n1 page updated.\n",
        "",
    )
    text = page.read_text(encoding="utf-8")
    assert text.startswith(PAGE_WITH_EXAMPLES[: PAGE_WITH_EXAMPLES.index("stale")])
    assert "stale" not in text
    assert text.endswith("| **Total** | 2 | 1 | 0 | 0 | 0 | 3 |\n\n<!-- pscatalog:end -->\n")


def test_regions_follow_commonmark_line_endings() -> None:
    """A page with CR line endings: markers at their lines, the region's own endings kept."""
    page = "intro\r<!-- pscatalog:begin maturity -->\rold\r<!-- pscatalog:end -->\routro"
    assert find_regions(page) == [Region("maturity", 2, 4)]
    assert fill_regions(page, lambda view: "new\n") == (
        "intro\r<!-- pscatalog:begin maturity -->\r\rnew\r\r<!-- pscatalog:end -->\routro"
    )


def test_marker_text_in_a_summary_never_opens_or_closes_a_region(in_tmp: Path) -> None:
    """The issue's example: a summary holding marker comments; a second --write changes nothing."""
    write_catalog(
        in_tmp / "catalog",
        catalog_text(
            category="Integration",
            offering="JIRA",
            summary="<!-- pscatalog:end --> then <!-- pscatalog:begin catalog -->",
            variant="Remote",
        ),
    )
    page = in_tmp / "page.md"
    page.write_text(
        "# Catalog\n\n<!-- pscatalog:begin catalog -->\n<!-- pscatalog:end -->\n\nOutro.\n",
        encoding="utf-8",
    )
    code, out, err = run("render", "--write", "page.md")
    assert (code, out, err) == (
        0,
        "page.md: updated region 'catalog' at line 3\n1 page updated.\n",
        "",
    )
    written = page.read_bytes()
    assert written.count(b"<!-- pscatalog:") == 2
    assert b"&lt;!-- pscatalog:end --&gt; then &lt;!-- pscatalog:begin catalog --&gt;\n" in written
    assert run("render", "--write", "page.md") == (0, "1 page up to date.\n", "")
    assert page.read_bytes() == written
    assert run("render", "--check", "page.md") == (0, "1 page up to date.\n", "")
    events = html_events(written.decode("utf-8"))
    assert [value for kind, value in events if kind == "comment"] == [
        " pscatalog:begin catalog ",
        " pscatalog:end ",
    ]


# -- SVG ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["R&D \x01 <b>", "Odd \ufffe\uffff", "Bidi \u202e \ud800"])
def test_svg_holds_only_what_xml_allows(tmp_path: Path, name: str) -> None:
    """A category name with U+0001, U+FFFE or a lone surrogate gives XML that parses."""
    folder = write_catalog(
        tmp_path / "catalog",
        catalog_text(category="x", offering="JIRA", summary="s", variant="v"),
        base=False,
    )
    catalog = load_catalog(folder)
    catalog.categories[0].data["name"] = name
    svg = render_maturity_svg(catalog)
    svg.encode("utf-8")
    root = ET.fromstring(svg)
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert labels == [visible(name)]
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert titles[1] == f"{visible(name)}: 1 planned"
