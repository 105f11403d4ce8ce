"""Markdown and SVG rendered from the catalog, for the handbook's pages.

Three views:

- ``categories`` reproduces the framework page's "Categories of service"
  section: a heading per category, then its offerings and maturities;
- ``catalog`` is the full catalog page: per category, per offering its name,
  maturity and summary, and a table of its variants (SKU, delivery, duration,
  price);
- ``maturity`` is the overview: how many offerings each category has at each
  maturity, as a Markdown table or as an SVG chart.

A handbook page keeps rendered views in regions between two marker comments::

    <!-- pscatalog:begin maturity -->
    ...generated, replaced by `pscatalog render --write PAGE`...
    <!-- pscatalog:end -->

:func:`select_pages` finds the pages named, and those in the folders
named (:data:`PAGE_SUFFIXES`, in any case); :func:`sync_pages` and
:func:`sync_selection` compute what each page's regions should hold;
:func:`write_pages` writes them, everything outside the regions kept byte for
byte. Every output is deterministic: the same catalog gives the same bytes.

Catalog text is escaped for where it lands
(:mod:`pscatalog.outputs.escaping`): in Markdown it shows exactly as
written and never becomes markup (HTML, links, emphasis, a heading, a list,
a table cell's end, a marker comment), in SVG it is XML text. Regions are
found by a CommonMark parser (markdown-it-py): a marker is an HTML comment
alone on its line, at the top level of the page or in an HTML block that a
blank line ends (``<details>``); in code it is text, and anywhere else an
error (:func:`find_regions`).
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, TypeGuard

from pscatalog.catalog.model import MATURITIES, Catalog, Entry, display_name
from pscatalog.errors import UsageError
from pscatalog.files.boundary import OutsideRepository, inside, is_inside
from pscatalog.files.bounded import BoundedReadError, may_hold, read_bytes
from pscatalog.files.repository import GIT_MARKER, boundary_of
from pscatalog.files.writer import write_atomically
from pscatalog.outputs.escaping import (
    markdown_code,
    markdown_text,
    terminal,
    terminal_path,
    visible,
    xml_escape,
)

VIEWS = ("categories", "catalog", "maturity")
"""The views ``pscatalog render`` can produce; ``categories`` is the default."""
FORMATS = ("markdown", "svg")
"""The output formats of ``pscatalog render``; ``svg`` is for the maturity view only."""
DEFAULT_VIEW = {"markdown": "categories", "svg": "maturity"}
"""The view rendered when none is named, by format."""
NONE = "—"
"""What a table shows for a value the catalog does not give."""

Renderer = Callable[[Catalog], str]


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
            markdown_row(
                [
                    markdown_text(offering.entry.text("name") or ""),
                    markdown_text(offering.claimed.capitalize()),
                ]
            )
            for offering in catalog.offerings_of(category)
        ]
        table = "\n".join(["| Offering | Maturity |", "| :-- | :--: |", *rows])
        sections.append(f"{hashes} {markdown_text(_category_name(category))}\n\n{table}\n")
    return "\n".join(sections)


def render_catalog(catalog: Catalog, *, heading_level: int = 2) -> str:
    """Return the full catalog page as Markdown.

    Per category (in page order) a heading; per offering (in file order) a
    heading one level below, its maturity, its summary, and a table of its
    variants: variant name and id, SKU, delivery, duration and price, written
    for people ("3 months", "USD 2,400 per engagement"; ranges with an en dash).
    """
    category_hashes = "#" * heading_level
    offering_hashes = "#" * (heading_level + 1)
    blocks = []
    for category in catalog.ordered_categories():
        blocks.append(f"{category_hashes} {markdown_text(_category_name(category))}\n")
        for offering in catalog.offerings_of(category):
            entry = offering.entry
            name = entry.text("name") or entry.text("id") or ""
            parts = [
                f"{offering_hashes} {markdown_text(name)}\n",
                f"**Maturity:** {markdown_text(offering.claimed.capitalize() or NONE)}\n",
            ]
            summary = entry.text("summary")
            if summary and summary.strip():
                parts.append(f"{markdown_text(summary)}\n")
            rows = [
                markdown_row(
                    [
                        _variant_label(variant),
                        markdown_text(variant.text("sku") or NONE),
                        markdown_text(format_delivery(variant.data.get("delivery"))),
                        markdown_text(format_duration(variant.data.get("duration"))),
                        markdown_text(_price_with_note(variant.data.get("price"))),
                    ]
                )
                for variant in offering.variants
            ]
            table = [
                "| Variant | SKU | Delivery | Duration | Price |",
                "| :-- | :-- | :-- | :-- | :-- |",
                *rows,
            ]
            parts.append("\n".join(table) + "\n")
            blocks.append("\n".join(parts))
    return "\n".join(blocks)


def maturity_counts(catalog: Catalog) -> list[tuple[Entry, dict[str, int]]]:
    """Return, per category in page order, how many offerings it has at each maturity.

    Every maturity of the model is a key, lowest first; an offering whose
    maturity is not one of the model's is not counted.
    """
    counts = []
    for category in catalog.ordered_categories():
        row = dict.fromkeys(MATURITIES, 0)
        for offering in catalog.offerings_of(category):
            if offering.claimed in row:
                row[offering.claimed] += 1
        counts.append((category, row))
    return counts


def render_maturity(catalog: Catalog) -> str:
    """Return the maturity overview as a Markdown table.

    One row per category (in page order), one column per maturity (lowest
    first), then a total column and a total row.
    """
    counts = maturity_counts(catalog)
    header = ["Category", *(maturity.capitalize() for maturity in MATURITIES), "Total"]
    lines = [
        "| " + " | ".join(header) + " |",
        "| :-- | " + " | ".join("--:" for _ in header[1:]) + " |",
    ]
    for category, row in counts:
        numbers = [row[maturity] for maturity in MATURITIES]
        cells = [markdown_text(_category_name(category)), *map(str, numbers), str(sum(numbers))]
        lines.append(markdown_row(cells))
    totals = [sum(row[maturity] for _, row in counts) for maturity in MATURITIES]
    lines.append("| **Total** | " + " | ".join(map(str, [*totals, sum(totals)])) + " |")
    return "\n".join(lines) + "\n"


MATURITY_COLOURS = {
    "planned": ("#d9d9d9", "#1a1a1a"),
    "minimal": ("#c7e9c0", "#1a1a1a"),
    "viable": ("#74c476", "#1a1a1a"),
    "complete": ("#31a354", "#ffffff"),
    "lovable": ("#006d2c", "#ffffff"),
}
"""Fill and label colour of each maturity in the SVG chart: one green scale, light
to dark as the maturity grows, so the order reads without the legend."""

_FONT = 'font-family="Helvetica, Arial, sans-serif" font-size="12"'
_CHAR_WIDTH = 7  # a generous average width of a 12 px sans-serif character
_ROW = 24
_BAR = 16
_TOP = 56  # title and legend above the bars
_MAX_BARS_WIDTH = 480


def render_maturity_svg(catalog: Catalog) -> str:
    """Return the maturity overview as a self-contained SVG chart.

    One stacked horizontal bar per category (in page order), one segment per
    maturity with offerings, a legend and text labels. Every offering is
    ``data-unit-width`` pixels wide (an attribute of the ``g`` that holds the
    bars), so a segment's width is its count times that; each segment also
    carries ``data-category``, ``data-maturity`` and ``data-count``.
    """
    counts = maturity_counts(catalog)
    largest = max((sum(row.values()) for _, row in counts), default=0)
    unit = 24 if largest * 24 <= _MAX_BARS_WIDTH else max(2, _MAX_BARS_WIDTH // largest)
    # Shown as XML text: escapes for what XML cannot hold, markup escaped. The width of a
    # label is reckoned on the text shown.
    names = [xml_escape(_category_name(category)) for category, _ in counts]
    widths = [len(visible(_category_name(category))) for category, _ in counts]
    left = max(120, max(widths, default=0) * _CHAR_WIDTH + 16)
    legend_items = []
    x = 8
    for maturity in MATURITIES:
        fill, _ = MATURITY_COLOURS[maturity]
        label = maturity.capitalize()
        legend_items.append(
            f'      <rect x="{x}" y="30" width="12" height="12" fill="{fill}"/>\n'
            f'      <text x="{x + 16}" y="40">{label}</text>\n'
        )
        x += 16 + len(label) * _CHAR_WIDTH + 16
    width = max(x, left + largest * unit + 40)
    height = _TOP + len(counts) * _ROW + 8

    rows = []
    for index, ((category, row), name) in enumerate(zip(counts, names, strict=True)):
        top = _TOP + index * _ROW
        category_id = xml_escape(category.text("id") or "")
        parts = [f'      <text x="{left - 8}" y="{top + 12}" text-anchor="end">{name}</text>\n']
        start = left
        for maturity in MATURITIES:
            count = row[maturity]
            if not count:
                continue
            fill, ink = MATURITY_COLOURS[maturity]
            segment = count * unit
            tooltip = f"{name}: {count} {maturity}"
            parts.append(
                f'      <rect class="bar" x="{start}" y="{top}" width="{segment}" '
                f'height="{_BAR}" fill="{fill}" data-category="{category_id}" '
                f'data-maturity="{maturity}" data-count="{count}">'
                f"<title>{tooltip}</title></rect>\n"
            )
            if segment >= 14:
                parts.append(
                    f'      <text x="{start + segment // 2}" y="{top + 12}" '
                    f'text-anchor="middle" fill="{ink}">{count}</text>\n'
                )
            start += segment
        parts.append(f'      <text x="{start + 6}" y="{top + 12}">{sum(row.values())}</text>\n')
        rows.append("".join(parts))

    summary = "; ".join(
        f"{name}: "
        + (
            ", ".join(f"{row[m]} {m}" for m in MATURITIES if row[m])
            if any(row.values())
            else "no offerings"
        )
        for (_, row), name in zip(counts, names, strict=True)
    )
    title = "Offerings per category and maturity"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="title desc">\n'
        f'  <title id="title">{title}</title>\n'
        f'  <desc id="desc">{summary}.</desc>\n'
        f'  <rect width="{width}" height="{height}" fill="#ffffff"/>\n'
        f'  <g {_FONT} fill="#1a1a1a">\n'
        f'    <text x="8" y="18" font-weight="bold">{title}</text>\n'
        '    <g class="legend">\n'
        f"{''.join(legend_items)}"
        "    </g>\n"
        f'    <g class="bars" data-unit-width="{unit}">\n'
        f"{''.join(rows)}"
        "    </g>\n"
        "  </g>\n"
        "</svg>\n"
    )


RENDERER_BY_VIEW: dict[tuple[str, str], Renderer] = {
    ("categories", "markdown"): render_categories,
    ("catalog", "markdown"): render_catalog,
    ("maturity", "markdown"): render_maturity,
    ("maturity", "svg"): render_maturity_svg,
}
"""The renderer of each (view, format) that exists."""


def renderer(view: str, output_format: str = "markdown") -> Renderer:
    """Return the function that renders ``view`` in ``output_format``.

    Raises :class:`UsageError` for a view or a format that does not exist, or
    a pair that does not (only the maturity view has an SVG form).
    """
    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}; one of {', '.join(VIEWS)}")
    found = RENDERER_BY_VIEW.get((view, output_format))
    if found is None:
        views = [name for name, fmt in RENDERER_BY_VIEW if fmt == output_format]
        raise UsageError(
            f"the {view} view has no {output_format} form; "
            f"{output_format} is for the {', '.join(views)} view"
            if views
            else f"unknown format {output_format!r}; one of {', '.join(FORMATS)}"
        )
    return found


def render(catalog: Catalog, view: str = "categories", output_format: str = "markdown") -> str:
    """Return ``view`` of the catalog in ``output_format`` (see :func:`renderer`)."""
    return renderer(view, output_format)(catalog)


# -- formatting values for people ---------------------------------------------------

_PLURALS = {"hour": "hours", "day": "days", "week": "weeks", "month": "months"}
_DELIVERY = {
    "remote": "Remote",
    "on-site": "On-site",
    "hybrid": "Hybrid",
    "self-paced": "Self-paced",
}


def format_duration(duration: Any) -> str:
    """Return a duration as people write it: ``"3 months"``, ``"1 day"``.

    A range joins its ends with an en dash ("1" en dash "3 days"). Anything
    that is not a duration mapping with a length gives ``"—"``.
    """
    if not isinstance(duration, dict):
        return NONE
    unit = duration.get("unit")
    unit = unit if isinstance(unit, str) else ""
    value, low, high = duration.get("value"), duration.get("min"), duration.get("max")
    if _is_number(value):
        text, one = _quantity(value), value == 1
    elif _is_number(low) and _is_number(high):
        text = f"{_quantity(low)}–{_quantity(high)}" if low != high else _quantity(low)
        one = high == 1
    else:
        return NONE
    if not unit:
        return text
    return f"{text} {unit if one else _PLURALS.get(unit, unit)}"


def format_price(price: Any) -> str:
    """Return a price as people write it: ``"USD 2,400 per engagement"``.

    A range joins its ends with an en dash, as durations do. Anything that is
    not a price mapping with an amount or a range gives ``"—"``.
    """
    if not isinstance(price, dict):
        return NONE
    amount, low, high = price.get("amount"), price.get("min"), price.get("max")
    if _is_number(amount):
        figure = _money(amount)
    elif _is_number(low) and _is_number(high):
        figure = f"{_money(low)}–{_money(high)}" if low != high else _money(low)
    else:
        return NONE
    currency, unit = price.get("currency"), price.get("unit")
    text = f"{currency} {figure}" if isinstance(currency, str) and currency else figure
    return f"{text} per {unit}" if isinstance(unit, str) and unit else text


def _price_with_note(price: Any) -> str:
    """Return a price with its note, which may say the figure is only indicative."""
    text = format_price(price)
    note = price.get("note") if isinstance(price, dict) else None
    if text == NONE or not isinstance(note, str) or not note.strip():
        return text
    return f"{text} ({note.strip()})"


def format_delivery(delivery: Any) -> str:
    """Return a delivery mode capitalised for a table (``"On-site"``), ``"—"`` if none."""
    if not isinstance(delivery, str) or not delivery:
        return NONE
    return _DELIVERY.get(delivery, delivery)


def table_cell(text: str) -> str:
    """Return catalog text for one Markdown table cell: shown as written, on one line.

    See :func:`pscatalog.outputs.escaping.markdown_text`.
    """
    return markdown_text(text)


def markdown_row(cells: Sequence[str]) -> str:
    """Return a Markdown table row of cells already written as Markdown."""
    return "| " + " | ".join(cells) + " |"


def _is_number(value: Any) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _quantity(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _money(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def _variant_label(variant: Entry) -> str:
    """Return a variant's name and id as Markdown: ``Remote (`remote`)``.

    A retired variant (no longer sold) says so, so that its SKU is not ordered.
    """
    variant_id = variant.text("id") or ""
    name = variant.text("name")
    if name and name.strip():
        label = (
            f"{markdown_text(name)} ({markdown_code(variant_id)})"
            if variant_id
            else (markdown_text(name))
        )
    else:
        label = markdown_code(variant_id) if variant_id else NONE
    return f"{label} — retired" if variant.data.get("retired") is True else label


def _category_name(category: Entry) -> str:
    return category.text("name") or category.text("id") or ""


# -- regions of handbook pages ------------------------------------------------------

BEGIN_MARKER = "<!-- pscatalog:begin {view} -->"
END_MARKER = "<!-- pscatalog:end -->"
PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mdwn", ".mkd", ".mkdn")
"""The suffixes of handbook pages, in any case (``.MD``, ``.Markdown``): those GitLab and
GitHub render as Markdown. MDX, R Markdown and literate CoffeeScript, which they render
too, are sources for other programs (MDX reads an HTML comment as an error)."""
PAGE_PATHSPECS = tuple(f":(icase)*{suffix}" for suffix in PAGE_SUFFIXES)
"""The pages as git pathspecs (``git grep -- PATHSPEC...``); :func:`is_page` has the last word."""
MARKER_GREP = r"<!--[[:blank:]]*pscatalog[[:blank:]]*[:_-]?[[:blank:]]*(begin|end)"
"""What every marker, and every comment meant as one, holds, as a POSIX extended regular
expression to search for case-insensitively (``git grep -i -E``)."""
PAGE_MAX_BYTES = 64 * 1024 * 1024
"""The largest handbook page read: larger ones are reported, not read."""
_MARKER = re.compile(
    r"[ \t]*<!--[ \t]*pscatalog:(?P<kind>begin|end)\b(?P<rest>[^\r\n]*?)-->[ \t]*(?:\r?\n|\r)?"
)
# A comment meant as a marker, however it is spelt; wherever a page holds one as HTML
# (not as code), it is a marker or an error, never text taken silently.
_CANDIDATE = re.compile(r"<!--[ \t]*pscatalog[ \t]*[:_-]?[ \t]*(?:begin|end)\b", re.IGNORECASE)
# Where a marker comment, rightly spelt, opens.
_MARKER_OPENING = re.compile(r"<!--[ \t]*pscatalog:(?:begin|end)\b")
# The first line of an HTML block whose content is not Markdown and runs to a closing
# tag, not to a blank line (CommonMark's HTML blocks 1 to 5).
_RAW_HTML = re.compile(
    r" {0,3}(?P<tag><(?:(?:script|pre|style|textarea)(?=[\s>]|$)|!--|\?|![A-Za-z]+|!\[CDATA\[))",
    re.IGNORECASE,
)
_CANDIDATE_BYTES = re.compile(_CANDIDATE.pattern.encode("ascii"), re.IGNORECASE)
_CONTAINERS = {"blockquote_open": "a block quote", "list_item_open": "a list item"}
# CommonMark's line endings, which markdown-it-py's line numbers count.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_MAX_NESTING = 100
"""The Markdown parser's limit of nested blocks (its CommonMark preset has 20, which a
list ten levels deep reaches): a page that reaches it is an error, never a silent stop."""
MAX_DIFF_LINES = 40
"""How many lines of unified diff ``render --check`` shows per stale page."""


@dataclass(frozen=True, slots=True)
class Region:
    """A region of a page: the view it holds and the 1-based lines of its markers."""

    view: str
    begin: int
    end: int


@dataclass(frozen=True, slots=True)
class PageProblem:
    """A page (or a folder of pages) that ``render --check`` or ``--write`` cannot use.

    ``kind`` says how it counts: ``"error"`` (a page that cannot be read,
    checked or written: markers that do not pair up, a link out of the
    repository), ``"no region"`` (a page named that holds no region),
    ``"folder"`` (a folder named that leads out of the repository, or none
    of whose pages holds a region), all three failing the run; ``"note"`` is
    only said (a link out of the repository met in a folder, not followed).
    """

    page: str
    message: str
    line: int | None = None
    kind: str = "error"

    def __str__(self) -> str:
        page = terminal_path(self.page)
        where = f"{page}:{self.line}" if self.line is not None else page
        severity = "note" if self.kind == "note" else "error"
        return f"{where}: {severity}: {terminal(self.message)}"


@dataclass(frozen=True, slots=True)
class PageLeftAlone:
    """A page found in a folder named that holds no region: none of ``render``'s business."""

    page: str


@dataclass(frozen=True, slots=True)
class PageSync:
    """A page, as it is and as it should be with its regions rendered anew."""

    path: Path
    page: str
    """The page's name in reports."""
    old: str
    new: str
    regions: tuple[Region, ...]
    stale_regions: tuple[Region, ...]

    @property
    def stale(self) -> bool:
        """Whether a region differs from what the catalog renders."""
        return self.old != self.new

    def diff(self, max_lines: int = MAX_DIFF_LINES) -> str:
        """Return a short unified diff from the page to its rendered form.

        At most ``max_lines`` lines, with one line of context around each
        change, lines as CommonMark counts them. The diff is computed only as
        far as those lines need; when it goes on, a last line says so.
        """
        from pscatalog.yamltext.linediff import unified_diff

        diff = unified_diff(
            _lines(self.old),
            _lines(self.new),
            self.page,
            f"{self.page} (rendered)",
            context=1,
            breaks="\r\n",
        )
        lines = list(islice(diff, max_lines + 1))
        if len(lines) > max_lines:
            lines[max_lines:] = [f"... (diff cut at {max_lines} lines)\n"]
        return "".join(lines)


class RegionError(ValueError):
    """The markers of a page do not delimit regions; ``line`` is where (1-based)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def find_regions(text: str) -> list[Region]:
    """Return the regions of a page, in order.

    The page is read as CommonMark, after a byte order mark if it starts with
    one. A marker is an HTML comment alone on its line, at the top level of
    the page: a block of its own, or a line of an HTML block that a blank
    line ends (``<details>``, ``<div>``: filled, the region's blank lines
    end that block, so the rendered Markdown is Markdown there too). A marker
    in a fenced or indented code block, or in inline code, is text (a page
    that shows how to write one). A marker comment anywhere else, where it
    cannot delimit what is rendered (in a list item, a block quote, a
    paragraph, an HTML comment or ``<pre>`` block, or misspelt), raises
    :class:`RegionError` at its line, as do a begin marker without a known
    view, an end marker with something after it, a begin inside an open
    region, an end without a begin, and a region left open. A page without
    a region is no error here (an empty list).
    """
    regions: list[Region] = []
    opened: tuple[str, int] | None = None
    for number, marker in _markers(text):
        words = marker["rest"].split()
        if marker["kind"] == "begin":
            if opened is not None:
                raise RegionError(
                    f"a begin marker inside the region opened at line {opened[1]}; "
                    f"close that region with {END_MARKER} first",
                    number,
                )
            if len(words) != 1 or words[0] not in VIEWS:
                raise RegionError(_unknown_view(words), number)
            opened = (words[0], number)
        else:
            if words:
                raise RegionError(f"the end marker takes nothing more: write {END_MARKER}", number)
            if opened is None:
                raise RegionError("an end marker without a begin marker before it", number)
            regions.append(Region(opened[0], opened[1], number))
            opened = None
    if opened is not None:
        raise RegionError(f"the region opened here has no {END_MARKER}", opened[1])
    return regions


def _unknown_view(words: Sequence[str]) -> str:
    """Say what a begin marker that names no known view should say."""
    if not words:
        return (
            f"the begin marker names no view; write {BEGIN_MARKER.format(view='VIEW')} "
            f"with VIEW one of {', '.join(VIEWS)}"
        )
    named = " ".join(words)
    close = difflib.get_close_matches(named.lower(), VIEWS, n=1, cutoff=0.6)
    if close:
        meant = BEGIN_MARKER.format(view=close[0])
        return f"the begin marker names {named!r}; did you mean {meant}?"
    return f"the begin marker names {named!r}, not one of the views {', '.join(VIEWS)}"


def _markers(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Yield (1-based line, match) of each marker of a page, in order.

    Raises :class:`RegionError` for a marker comment that cannot be a marker
    where it is.
    """
    # Imported here: only render --check and --write need a Markdown parser.
    from markdown_it import MarkdownIt

    # Editors that write a byte order mark expect it to be no part of the text; the
    # lines keep their numbers without it.
    body = text[1:] if text.startswith("\ufeff") else text
    if _CANDIDATE.search(body) is None:
        return
    containers: list[str] = []
    parser = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING})
    # Blocks only: markers are blocks, and inline parsing is most of the cost on a long page.
    for token in parser.disable("inline").parse(body):
        if token.level >= _MAX_NESTING - 1:
            # The parser stops at its nesting limit without a word: what follows is unseen.
            raise RegionError(
                "lists or quotes nest too deeply here for pscatalog to read the rest of the "
                "page (a region after this line would go unseen); nest them less",
                token.map[0] + 1 if token.map else 1,
            )
        if token.nesting:
            if token.nesting > 0:
                containers.append(token.type)
            else:
                containers.pop()
        elif token.map is None or _CANDIDATE.search(token.content) is None:
            continue
        elif token.type == "html_block":
            yield from _block_markers(token.content, token.map[0] + 1, containers)
        elif token.type == "inline":
            _refuse_inline_markers(token.content, token.map[0] + 1)


def _block_markers(
    content: str, first: int, containers: Sequence[str]
) -> Iterator[tuple[int, re.Match[str]]]:
    """Yield the markers of an HTML block that starts at line ``first``."""
    lines = content.split("\n")
    found = [(first + index, line) for index, line in enumerate(lines) if _CANDIDATE.search(line)]
    number, line = found[0]
    inside = [_CONTAINERS[kind] for kind in containers if kind in _CONTAINERS]
    if inside:
        raise RegionError(
            f"a marker inside {inside[-1]} is not a region (the rendered tables cannot go "
            "there); put the markers at the top level of the page, neither indented nor quoted",
            number,
        )
    raw = _RAW_HTML.match(lines[0])
    if raw is not None and raw["tag"] == "<!--":
        # A comment block: the marker is the whole block, or text inside a comment.
        marker = _MARKER.fullmatch(content)
        if marker is not None:
            yield first, marker
            return
        if number != first:
            raise RegionError(
                f"a marker inside the HTML comment that starts at line {first} is text; "
                "end that comment before the marker",
                number,
            )
        raise RegionError(_not_a_marker(line), number)
    if raw is not None:
        tag = raw["tag"].lower() + ">" if raw["tag"][1:].isalpha() else raw["tag"]
        raise RegionError(
            f"a marker inside the HTML block that starts at line {first} ({tag}) is text: "
            "what that block holds is not Markdown; put the markers outside it",
            number,
        )
    # Any other HTML block ends at a blank line, which the filled region starts with:
    # a marker alone on its line delimits Markdown there, as it does at the top level.
    for number, line in found:
        marker = _MARKER.fullmatch(line)
        if marker is None:
            raise RegionError(_not_a_marker(line), number)
        if len(line[: len(line) - len(line.lstrip(" \t"))].expandtabs(4)) >= 4:
            raise RegionError(
                "a marker indented 4 columns or more would be read as code once the region "
                "is filled; indent it less",
                number,
            )
        yield number, marker


def _refuse_inline_markers(content: str, first: int) -> None:
    """Raise :class:`RegionError` for a marker comment amid a paragraph's or a heading's text.

    A marker in a code span (```<!-- pscatalog:end -->```) is text and is allowed.
    """
    from markdown_it import MarkdownIt

    [inline] = MarkdownIt("commonmark").parseInline(content)
    for child in inline.children or ():
        if child.type == "html_inline" and _CANDIDATE.search(child.content):
            number = first + content[: content.find(child.content)].count("\n")
            raise RegionError(
                "a marker amid text is not a region; put it on a line of its own", number
            )


def _not_a_marker(line: str) -> str:
    """Say what is wrong with a line that holds a marker comment and is no marker."""
    opening = _MARKER_OPENING.search(line)
    # Searched from the first opening only: a search for a whole comment from each one
    # would take time quadratic in the length of a line that repeats openings.
    if opening is not None and "-->" in line[opening.end() :]:
        return "a marker shares its line with other text; put it on a line of its own"
    return (
        f"a comment that looks like a marker but is not one: write "
        f"{BEGIN_MARKER.format(view='VIEW')} or {END_MARKER}, in lower case, on one line"
    )


def fill_regions(text: str, render_view: Callable[[str], str]) -> str:
    """Return the page with every region holding ``render_view(VIEW)`` anew.

    A region holds a blank line, the rendered Markdown and a blank line
    between its markers; line endings follow the begin marker's. Everything
    outside the regions is kept as it is. Raises :class:`RegionError` as
    :func:`find_regions` does.
    """
    return _fill(text, find_regions(text), render_view)[0]


PageOutcome = PageSync | PageProblem | PageLeftAlone
"""What became of a page ``render --check`` or ``--write`` looked at."""
NO_REGION = (
    f"no pscatalog region: put {BEGIN_MARKER.format(view='VIEW')} and {END_MARKER} around the "
    "place to fill, each alone on a line (markers in code are text)"
)


def sync_page(path: Path, render_view: Callable[[str], str], *, named: bool = True) -> PageOutcome:
    """Read a page and render its regions anew with ``render_view``.

    A page ``named`` that leads outside its repository (through a link) is
    not read; a page not named is one :func:`select_pages` found in a
    folder, whose search never follows a link out. A page that cannot be
    read, is not UTF-8, or whose markers do not pair up gives a
    :class:`PageProblem`, as does a page ``named`` that holds no region; a
    page found in a folder without a region is :class:`PageLeftAlone`.
    """
    if not named and not may_hold(path, _CANDIDATE_BYTES):
        return PageLeftAlone(str(path))  # most pages of a folder: no name to work out
    page = display_name(path)
    if named:
        try:
            inside(path, boundary_of(path.parent))
        except OutsideRepository as exc:
            return PageProblem(page, _leads_outside(exc.boundary))
    try:
        # Bounded: a page named on the command line may be a pipe or a device.
        old = read_bytes(path, max_bytes=PAGE_MAX_BYTES).decode("utf-8")
    except BoundedReadError as exc:
        return PageProblem(page, str(exc))
    except UnicodeDecodeError as exc:
        return PageProblem(page, f"not UTF-8 text ({exc.reason} at byte {exc.start})")
    try:
        regions = find_regions(old)
    except RegionError as exc:
        return PageProblem(page, exc.message, exc.line)
    if not regions:
        return PageProblem(page, NO_REGION, kind="no region") if named else PageLeftAlone(page)
    new, stale = _fill(old, regions, render_view)
    return PageSync(path, page, old, new, tuple(regions), tuple(stale))


def needs_check(path: Path) -> bool:
    """Whether ``render --check --staged`` must look at a page a commit names or changes.

    It must if the page holds a region, or something to report: a marker out
    of place or misspelt, markers that do not pair up, text that is not
    UTF-8, a link out of the repository, a file it cannot read. A page
    without a marker is none of its business.
    """
    if not is_inside(path, boundary_of(path.parent)):
        return True
    try:
        data = read_bytes(path, max_bytes=PAGE_MAX_BYTES)
    except BoundedReadError:
        return path.exists()  # too large, or not a regular file: render says so
    if _CANDIDATE_BYTES.search(data) is None:
        return False
    try:
        return bool(find_regions(data.decode("utf-8")))
    except (UnicodeDecodeError, RegionError):
        return True


def sync_pages(catalog: Catalog, pages: Iterable[Path]) -> list[PageOutcome]:
    """Render the regions of each page named from the catalog; each view is rendered once."""
    render_view = _renderer_of(catalog)
    return [sync_page(path, render_view) for path in pages]


def sync_selection(catalog: Catalog, selection: PageSelection) -> list[PageOutcome]:
    """Render the regions of the pages of ``selection`` (see :func:`select_pages`).

    The pages named first, then those found in each folder, each page once
    however many names and folders lead to it; a folder none of whose pages
    holds a region is a :class:`PageProblem` of kind ``"folder"``.
    """
    render_view = _renderer_of(catalog)
    outcomes: list[PageOutcome] = []
    done: dict[str, PageOutcome] = {}
    for path in selection.named:
        outcomes.append(sync_page(path, render_view))
        done[os.path.realpath(path)] = outcomes[-1]
    for group in selection.folders:
        found = []
        for path, real in zip(group.pages, group.reals, strict=True):
            if real not in done:
                outcomes.append(sync_page(path, render_view, named=False))
                done[real] = outcomes[-1]
            found.append(done[real])
        if all(isinstance(outcome, PageLeftAlone) for outcome in found):
            outcomes.append(
                PageProblem(
                    _folder_name(group.folder),
                    f"no page in it holds a pscatalog region ({', '.join(PAGE_SUFFIXES)} "
                    "pages, links out of the repository and .git left out)",
                    kind="folder",
                )
            )
    outcomes.extend(selection.problems)
    return outcomes


def _renderer_of(catalog: Catalog) -> Callable[[str], str]:
    """Return a function that renders a view of ``catalog``, each view once."""
    rendered: dict[str, str] = {}

    def render_view(view: str) -> str:
        if view not in rendered:
            rendered[view] = render(catalog, view)
        return rendered[view]

    return render_view


def write_pages(outcomes: Iterable[PageOutcome]) -> list[PageOutcome]:
    """Write each stale page in its rendered form, atomically; leave the others alone.

    Each page is checked before it is written: its regions are found again in
    the new text, with the same views in the same order; everything outside
    them is byte for byte what it was; and rendering it again changes
    nothing. Return the outcomes, each page that could not be written (a
    failed check, a page changed on disk since it was read, a link out of
    the repository, a read-only file) replaced by a :class:`PageProblem`
    saying why; the other pages are still written.
    """
    from pscatalog.files.writer import UnsafeWrite, WriteRefused

    written: list[PageOutcome] = []
    for outcome in outcomes:
        if isinstance(outcome, PageSync) and outcome.stale:
            check = _page_check(outcome.old, outcome.regions)
            try:
                write_atomically(outcome.path, outcome.new, check=check, previous=outcome.old)
            except WriteRefused as exc:
                outcome = _not_written(outcome.page, exc.reason)
            except UnsafeWrite as exc:
                reason = str(exc).removeprefix(f"refusing to write {outcome.path}: ")
                outcome = _not_written(outcome.page, reason)
            except OSError as exc:
                outcome = _not_written(outcome.page, exc.strerror or str(exc))
        written.append(outcome)
    return written


def _not_written(page: str, reason: str) -> PageProblem:
    return PageProblem(page, f"not written: {reason}; the page is left as it was")


def _page_check(old: str, regions: Sequence[Region]) -> Callable[[str], None]:
    """Return the check a page's new text must pass before it replaces ``old``."""

    def check(text: str) -> None:
        try:
            found = find_regions(text)
        except RegionError as exc:
            raise ValueError(f"its markers would no longer pair up ({exc.message})") from None
        if [region.view for region in found] != [region.view for region in regions]:
            raise ValueError("its regions would change")
        if _outside(text, found) != _outside(old, regions):
            raise ValueError("text outside its regions would change")
        bodies = iter(_region_bodies(text, found))
        if _fill(text, found, lambda view: next(bodies))[0] != text:
            raise ValueError("rendering it again would change it")

    return check


def _region_bodies(text: str, regions: Sequence[Region]) -> list[str]:
    """Return what each region holds between its markers, without the blank lines around."""
    lines = _lines(text)
    bodies = []
    for region in regions:
        inner = "".join(lines[region.begin : region.end - 1])
        for newline in ("\r\n", "\r", "\n"):
            if inner.startswith(newline) and inner.endswith(newline):
                inner = inner[len(newline) : -len(newline)].replace(newline, "\n")
                break
        bodies.append(inner)
    return bodies


def _outside(text: str, regions: Sequence[Region]) -> list[str]:
    """Return the pieces of a page outside its regions (markers included)."""
    lines = _lines(text)
    pieces = []
    position = 0
    for region in regions:
        pieces.append("".join(lines[position : region.begin]))
        position = region.end - 1
    pieces.append("".join(lines[position:]))
    return pieces


@dataclass(frozen=True, slots=True)
class PagesReport:
    """What ``render --check`` or ``--write`` prints, and its exit code."""

    out: str
    err: str
    exit_code: int


def report_pages(outcomes: Sequence[PageOutcome], *, written: bool) -> PagesReport:
    """Report the pages checked (``written=False``) or rewritten (``written=True``).

    Checking: each stale page with its stale regions and a short diff; exit 1
    when a page is stale. Writing: each page updated. Either way, each
    :class:`PageProblem` is one line on standard error, and exit 1 unless
    it is a note; the last line counts the pages.
    """
    out: list[str] = []
    problems = [outcome for outcome in outcomes if isinstance(outcome, PageProblem)]
    syncs = [outcome for outcome in outcomes if isinstance(outcome, PageSync)]
    stale = [sync for sync in syncs if sync.stale]
    for sync in stale:
        where = ", ".join(
            f"'{region.view}' at line {region.begin}" for region in sync.stale_regions
        )
        page = terminal_path(sync.page)
        if written:
            out.append(f"{page}: updated {_regions_word(sync.stale_regions)} {where}\n")
        else:
            out.append(f"{page}: stale {_regions_word(sync.stale_regions)} {where}\n")
            out.append(sync.diff())
    kinds = [problem.kind for problem in problems]
    counts = [
        (len(stale), "updated" if written else "stale"),
        (len(syncs) - len(stale), "up to date"),
        (kinds.count("no region"), "without a region"),
        (kinds.count("error"), "could not be written" if written else "could not be checked"),
        (sum(isinstance(outcome, PageLeftAlone) for outcome in outcomes), "left alone (no region)"),
    ]
    summary = _summary(counts) or f"No page {'written' if written else 'checked'}"
    if stale and not written:
        words = [_shell_word(terminal_path(sync.page)) for sync in stale]
        # A page named like an option ('-x.md') must not be read as one.
        pages = " ".join(["--", *words] if any(word.startswith("-") for word in words) else words)
        their = "its regions" if len(stale) == 1 else "their regions"
        summary += f"; 'pscatalog render --write {pages}' renders {their} anew"
    out.append(summary + ".\n")
    err = "".join(f"{problem}\n" for problem in problems)
    failed = any(kind != "note" for kind in kinds) or (bool(stale) and not written)
    return PagesReport("".join(out), err, 1 if failed else 0)


def _summary(counts: Sequence[tuple[int, str]]) -> str:
    """Say how many pages went each way: '1 page stale, 2 up to date'; empty if none."""
    said = [(number, what) for number, what in counts if number]
    if not said:
        return ""
    first, what = said[0]
    parts = [f"{first} {'page' if first == 1 else 'pages'} {what}"]
    parts += [f"{number} {what}" for number, what in said[1:]]
    return ", ".join(parts)


def _shell_word(text: str) -> str:
    """Return a page name as a shell command line takes it (quoted when it must be)."""
    return text if re.fullmatch(r"[\w@%+=:,./-]+", text) else shlex.quote(text)


def split_paths(paths: Iterable[Path]) -> tuple[Path | None, list[Path]]:
    """Split bare ``render``'s arguments into the catalog folder (if named) and other files.

    Files are kept in order, each once. Raises :class:`UsageError` for a path
    that does not exist or for more than one folder.
    """
    folders: list[Path] = []
    pages: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
        if path.is_dir():
            folders.append(path)
        elif _first_time(os.path.realpath(path), seen):
            pages.append(path)
    if len(folders) > 1:
        raise UsageError(f"one catalog folder at most, got {', '.join(map(str, folders))}")
    return (folders[0] if folders else None), pages


def is_page(path: Path | str) -> bool:
    """Whether a file's name is a handbook page's: a suffix of :data:`PAGE_SUFFIXES`, any case.

    A name that is only a suffix (``.md``, a hidden file) is not a page's.
    """
    return Path(path).suffix.lower() in PAGE_SUFFIXES


@dataclass(frozen=True, slots=True)
class PageFolder:
    """A folder of pages named to ``render --check`` or ``--write``, and its pages."""

    folder: Path
    pages: tuple[Path, ...]
    """The pages in the folder and below it, each once, in the order found."""
    reals: tuple[str, ...]
    """Where each page is, its links followed: a page two names lead to is read once."""


@dataclass(frozen=True, slots=True)
class PageSelection:
    """The catalog folder and the pages ``render --check`` and ``--write`` work on."""

    catalog: Path | None = None
    named: tuple[Path, ...] = ()
    """The pages named: one without a region is an error."""
    folders: tuple[PageFolder, ...] = ()
    """Each folder named that is not the catalog, with the pages found in it."""
    problems: tuple[PageProblem, ...] = ()
    """What could not be searched: a folder named that leads out of the repository (an
    error), a link out of it met in a folder (a note, not followed)."""

    @property
    def empty(self) -> bool:
        """Whether no page and no folder of pages was named."""
        return not (self.named or self.folders or self.problems)


def select_pages(paths: Iterable[Path], configured: Path | None = None) -> PageSelection:
    """Sort ``render --check``'s or ``--write``'s arguments into the catalog and the pages.

    A file is a page, whatever its name, but for a YAML file (a catalog file's
    description may hold marker lines: never a page). A folder is the catalog if it is one
    (the ``configured`` catalog, a folder named ``catalog``, or one that holds
    a levels file); any other folder stands for the pages in it and below it:
    the files whose name ends with a suffix of :data:`PAGE_SUFFIXES` (in any
    case), ``.git`` left out, links followed while they stay in the
    repository. Each page and each folder is taken once, however many names
    lead to it. Raises :class:`UsageError` for a path that does not exist or
    for more than one catalog folder.
    """
    from pscatalog.catalog.discovery import is_catalog_folder

    catalogs: list[Path] = []
    named: list[Path] = []
    folders: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
        if not _first_time(os.path.realpath(path), seen):
            continue
        if not path.is_dir():
            if path.suffix.lower() in (".yaml", ".yml") or Path(
                os.path.realpath(path)
            ).suffix.lower() in (".yaml", ".yml"):
                # A catalog file's block scalar may hold marker lines; a page is Markdown.
                raise UsageError(f"not a page: {path}: a YAML file is never a page")
            named.append(path)
        elif is_catalog_folder(path, configured):
            catalogs.append(path)
        else:
            folders.append(path)
    if len(catalogs) > 1:
        raise UsageError(f"one catalog folder at most, got {', '.join(map(str, catalogs))}")
    found: list[PageFolder] = []
    problems: dict[PageProblem, None] = {}
    for folder in folders:
        try:
            inside(folder, boundary_of(folder))
        except OutsideRepository as exc:
            refused = PageProblem(_folder_name(folder), _leads_outside(exc.boundary), kind="folder")
            problems[refused] = None
            continue
        group, met = _pages_in(folder)
        found.append(group)
        problems.update(dict.fromkeys(met))  # nested folders meet the same links
    return PageSelection(
        catalogs[0] if catalogs else None, tuple(named), tuple(found), tuple(problems)
    )


def _pages_in(folder: Path) -> tuple[PageFolder, list[PageProblem]]:
    """Return the pages in ``folder`` and below it, and what was not searched."""
    boundary = boundary_of(folder)
    pages: list[Path] = []
    reals: list[str] = []
    problems: list[PageProblem] = []
    searched: set[str] = set()
    seen: set[str] = set()
    waiting = [folder]
    while waiting:
        current = waiting.pop()
        real = os.path.realpath(current)
        if real in searched:  # a link back to a folder already searched
            continue
        searched.add(real)
        try:
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            problems.append(
                PageProblem(_folder_name(current), f"cannot be read: {exc.strerror or exc}")
            )
            continue
        below: list[Path] = []
        for entry in entries:
            path = current / entry.name
            link = entry.is_symlink()
            if entry.name == GIT_MARKER:
                continue
            if link and not is_inside(path, boundary):
                if entry.is_dir() or is_page(entry.name):
                    problems.append(
                        PageProblem(display_name(path), _leads_outside(boundary), kind="note")
                    )
            elif entry.is_dir():
                below.append(path)
            elif is_page(entry.name):
                # The real path of a file that is no link is its real folder's, plus its name.
                where = os.path.realpath(path) if link else os.path.join(real, entry.name)
                if _first_time(where, seen):
                    pages.append(path)
                    reals.append(where)
        waiting.extend(reversed(below))
    return PageFolder(folder, tuple(pages), tuple(reals)), problems


def _first_time(real: str, seen: set[str]) -> bool:
    """Whether the real path ``real`` is not in ``seen`` yet (and add it)."""
    if real in seen:
        return False
    seen.add(real)
    return True


def _folder_name(folder: Path) -> str:
    return display_name(folder).rstrip("/") + "/"


def _leads_outside(boundary: Path | str) -> str:
    """Say why a page or a folder is not read: the same words for --check and --write."""
    return f"it leads outside the repository {boundary}; pscatalog reads no page there"


def _fill(
    text: str, regions: Sequence[Region], render_view: Callable[[str], str]
) -> tuple[str, list[Region]]:
    lines = _lines(text)
    out: list[str] = []
    stale: list[Region] = []
    position = 0
    for region in regions:
        begin_line = lines[region.begin - 1]
        newline = (
            "\r\n" if begin_line.endswith("\r\n") else "\r" if begin_line.endswith("\r") else "\n"
        )
        out.extend(lines[position : region.begin])
        body = "\n" + render_view(region.view) + "\n"
        if newline != "\n":
            body = body.replace("\n", newline)
        if "".join(lines[region.begin : region.end - 1]) != body:
            stale.append(region)
        out.append(body)
        position = region.end - 1
    out.extend(lines[position:])
    return "".join(out), stale


def _lines(text: str) -> list[str]:
    """Split text after each CommonMark line ending (LF, CRLF or CR), keeping them.

    ``str.splitlines`` also splits on form feeds and other separators that
    CommonMark, and so the line numbers of markers, do not count.
    """
    return _LINE.findall(text)


def _regions_word(regions: Sequence[Region]) -> str:
    return "region" if len(regions) == 1 else "regions"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
