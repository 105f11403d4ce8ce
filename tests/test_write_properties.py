"""Every write, on catalogs using every YAML construct, reads back as meant or is refused.

Hypothesis builds category files out of every construct YAML has: block and
flow collections, plain, single- and double-quoted scalars, literal and folded
block scalars with chomping and indentation indicators, anchors, aliases and
merge keys, comments in every position (suppressions among them), line ends
LF, CR LF, CR, NEL, LS and PS, non-ASCII text, and values other readers read
differently (``no``, ``012``, ``1:30``, ``.inf``). Then it formats them and
fixes them as users do, and checks what was written:

- it reads as the same data (fmt) for pscatalog, ruamel.yaml (YAML 1.2) and
  PyYAML (YAML 1.1);
- every comment is kept;
- validation finds exactly what it found before: every suppression still
  suppresses what it did;
- formatting again changes nothing;
- or the write was refused and the file is byte for byte as it was.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from conftest import SHIPPED_CATALOG as SHIPPED
from helpers import LEVELS_YAML
from pscatalog.catalog.schemas import CATEGORY
from pscatalog.checks.checker import validate
from pscatalog.checks.config import Config
from pscatalog.diagnostics import Severity
from pscatalog.files.sources import Files
from pscatalog.tools.fixing import fix_catalog
from pscatalog.tools.formatting import FormatError, format_text
from pscatalog.yamltext.loader import load_text
from pscatalog.yamltext.quoting import double_quoted
from pscatalog.yamltext.scalars import number_kept_as_text
from pscatalog.yamltext.tree import Scalar, parse, walk
from readers import read_pyyaml, read_ruamel

# -- building texts


WORDS = [
    "JIRA",
    "Jenkins",
    "LDAP",
    "remote",
    "on-site",
    "Custom thing",
    "día",
    "日本語",
    "🎉 party",
]
TRICKY = [
    "no",
    "on",
    "yes",
    "y",
    "012",
    "0o17",
    "1:30",
    "2022-10-27",
    ".inf",
    "1e5",
    "1,000",
    "~",
    "null",
    "true",
    "=",
    "12",
    "1.5",
    "0x1F",
]
MATURITIES = ["planned", "minimal", "Minimal", "viable", "Viable", "complete", "lovable"]
BREAKS = ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]
SUPPRESSION = "# pscatalog: ignore[S001] generated"


@dataclass
class Out:
    """Lines being written, with the anchors defined so far."""

    lines: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    mapping_anchors: list[str] = field(default_factory=list)


def scalar(draw: st.DrawFn, value: str, *, flow: bool) -> str:
    """Write a string in a style drawn for it (plain only where it is safe to)."""
    styles = ["double", "single"]
    if value.replace(" ", "").replace("-", "").isalnum() and not value[0].isdigit():
        styles.append("plain")
    style = draw(st.sampled_from(styles))
    if style == "plain":
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return double_quoted(value)


def flow_value(draw: st.DrawFn, depth: int) -> str:
    kind = draw(
        st.sampled_from(["word", "tricky", "seq", "map"] if depth < 2 else ["word", "tricky"])
    )
    if kind == "word":
        return scalar(draw, draw(st.sampled_from(WORDS)), flow=True)
    if kind == "tricky":
        return draw(st.sampled_from(TRICKY))
    if kind == "seq":
        items = draw(st.lists(st.just(0), max_size=3))
        return "[" + ", ".join(flow_value(draw, depth + 1) for _ in items) + "]"
    keys = draw(st.lists(st.sampled_from(["a", "b", "c", "no"]), unique=True, max_size=3))
    return "{" + ", ".join(f"{key}: {flow_value(draw, depth + 1)}" for key in keys) + "}"


def block_scalar(draw: st.DrawFn, head: str, indent: int, out: Out) -> None:
    """Write ``head`` with a literal or folded scalar, its indicators drawn."""
    style = draw(st.sampled_from("|>"))
    chomp = draw(st.sampled_from(["", "-", "+"]))
    lines = draw(st.lists(st.sampled_from([*WORDS, "", "  indented more"]), min_size=1, max_size=4))
    lines[0] = lines[0].strip() or "first"
    comment = draw(st.sampled_from(["", "  # after the header"]))
    out.lines.append(f"{head} {style}{chomp}{comment}")
    pad = " " * (indent + 2)
    out.lines.extend(pad + line if line else "" for line in lines)


def value_lines(draw: st.DrawFn, key: str, indent: int, out: Out) -> None:
    """Write ``key: value`` in one of many forms, at ``indent``."""
    pad = " " * indent
    head = f"{pad}{key}:"
    kind = draw(
        st.sampled_from(["scalar", "tricky", "flow", "block-list", "block-scalar", "alias"])
    )
    anchor = ""
    if draw(st.booleans()) and kind in ("scalar", "flow", "block-list"):
        name = f"a{len(out.anchors)}"
        anchor = f" &{name}"
        out.anchors.append(name)
    if kind == "scalar":
        out.lines.append(f"{head}{anchor} {scalar(draw, draw(st.sampled_from(WORDS)), flow=False)}")
    elif kind == "tricky":
        out.lines.append(f"{head} {draw(st.sampled_from(TRICKY))}")
    elif kind == "flow":
        suffix = draw(st.sampled_from(["", f"  {SUPPRESSION}", "  # a note"]))
        out.lines.append(f"{head}{anchor} {flow_value(draw, 0)}{suffix}")
    elif kind == "block-list":
        out.lines.append(f"{head}{anchor}")
        for _ in range(draw(st.integers(1, 3))):
            out.lines.append(f"{pad}  - {scalar(draw, draw(st.sampled_from(WORDS)), flow=False)}")
    elif kind == "block-scalar":
        block_scalar(draw, head, indent, out)
    elif out.anchors:
        out.lines.append(f"{head} *{draw(st.sampled_from(out.anchors))}")
    else:
        out.lines.append(f"{head} plain")


@st.composite
def category_texts(draw: st.DrawFn) -> str:
    """A category file using many YAML constructs, with one line break style throughout."""
    out = Out()
    if draw(st.booleans()):
        out.lines.append("# yaml-language-server: $schema=../schema/category.schema.json")
    if draw(st.booleans()):
        out.lines.append("---")
    out.lines += ["id: generated", "name: Generated Services", "level: product"]
    if draw(st.booleans()):
        out.lines.append("# the offerings")
    out.lines.append("offerings:")
    for index in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            out.lines.append("  # an offering")
        if draw(st.booleans()):
            # a whole offering in flow style
            maturity = draw(st.sampled_from(MATURITIES))
            out.lines.append(
                f"  - {{id: flow-{index}, name: Flow {index}, maturity: {maturity}, "
                f"variants: [{{id: {draw(st.sampled_from(['custom', 'remote']))}}}]}}"
            )
            continue
        anchor = ""
        if draw(st.booleans()):
            name = f"m{index}"
            anchor = f"&{name} "
            out.mapping_anchors.append(name)
        out.lines.append(f"  - {anchor}id: offering-{index}")
        out.lines.append(f"    name: {scalar(draw, f'Offering {index}', flow=False)}")
        maturity = draw(st.sampled_from(MATURITIES))
        eol = draw(st.sampled_from(["", "  # claimed", "  # pscatalog: ignore[C004] as sold"]))
        out.lines.append(f"    maturity: {maturity}{eol}")
        for extra in draw(
            st.lists(st.sampled_from(["notes", "stages", "tags", "x"]), unique=True, max_size=3)
        ):
            value_lines(draw, extra, 4, out)
        if draw(st.booleans()):
            out.lines.append(
                f"    variants: [{{id: {draw(st.sampled_from(['custom', 'remote']))}}}]"
            )
        else:
            out.lines.append("    variants:")
            out.lines.append(
                f"      - id: {draw(st.sampled_from(['custom', 'remote', 'standard']))}"
            )
    if out.mapping_anchors and draw(st.booleans()):
        out.lines.append("  - <<: *" + draw(st.sampled_from(out.mapping_anchors)))
        out.lines.append("    id: merged")
    if draw(st.booleans()):
        out.lines.append("# the end")
    newline = draw(st.sampled_from(BREAKS))
    return newline.join(out.lines) + newline


# -- checking what was written


def clean(text: str) -> Any:
    """Return the loader's data of a text that must load without an error."""
    doc = load_text(text, "generated.yaml")
    assert doc.ok, doc.diagnostics
    assert not [d for d in doc.diagnostics if d.severity is Severity.ERROR], doc.diagnostics
    return doc.data


def assert_every_reader_reads(before: str, after: str, data: Any, *, fixed: bool = False) -> None:
    """Every reader reads ``after`` as pscatalog reads it, but for numbers kept as written.

    A plain ``.inf`` or ``1e400`` is text to pscatalog and a number to the
    others: ``fmt`` keeps it plain, as written, so every reader reads the same
    number before and after; a fix (``fixed``) may quote it (Y003's fix), so
    that every reader then reads the text pscatalog reads.
    """
    kept_before, kept_after = kept_numbers(before), kept_numbers(after)
    if fixed:
        assert not kept_after - kept_before
    else:
        assert kept_after == kept_before
    if not kept_after:
        assert read_ruamel(after) == data
        assert read_pyyaml(after) == data


def kept_numbers(text: str) -> Counter[str]:
    """The plain scalars of ``text`` that pscatalog reads as text and other readers as numbers."""
    return Counter(
        node.text
        for node in walk(parse(text).root)
        if isinstance(node, Scalar) and node.plain and node.tag is None
        if number_kept_as_text(node.text)
    )


def findings(root: Path, path: Path, text: str) -> Counter[tuple[str, str, str]]:
    """Validate the catalog with ``text`` as ``path`` (in memory); its findings by code and place."""
    result = validate([root], config=Config(ignore=("C301",)), files=Files({path: text}))
    return Counter(
        (d.code, d.location.pointer, d.message) for d in result.diagnostics if d.code != "Y003"
    )


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(category_texts())
def test_fmt_keeps_data_comments_and_findings_or_refuses(text: str) -> None:
    """Fmt's output reads as the same data everywhere, keeps comments and findings, and is stable."""
    doc = load_text(text, "generated.yaml")
    assume(doc.ok and not [d for d in doc.diagnostics if d.severity is Severity.ERROR])
    try:
        formatted = format_text(text, CATEGORY)
    except FormatError as exc:
        event(f"refused: {exc}")
        return
    event("formatted")
    data = clean(formatted)
    assert data == doc.data
    assert_every_reader_reads(text, formatted, data)
    assert Counter(parse(formatted).comment_texts()) == Counter(parse(text).comment_texts())
    assert format_text(formatted, CATEGORY) == formatted
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "catalog"
        root.mkdir()
        (root / "levels.yaml").write_text(LEVELS_YAML, encoding="utf-8")
        path = root / "generated.yaml"
        assert findings(root, path, formatted) == findings(root, path, text)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(category_texts(), st.booleans())
def test_fixes_write_what_they_mean_or_leave_the_file_as_it_was(text: str, unsafe: bool) -> None:
    """--fix writes a text every reader reads as pscatalog does, comments kept, or writes nothing."""
    doc = load_text(text, "generated.yaml")
    assume(doc.ok and not [d for d in doc.diagnostics if d.severity is Severity.ERROR])
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "catalog"
        root.mkdir()
        (root / "levels.yaml").write_text(LEVELS_YAML, encoding="utf-8")
        path = root / "generated.yaml"
        path.write_bytes(text.encode("utf-8"))
        before = findings(root, path, text)
        result = fix_catalog([path], config=Config(ignore=("C301",)), unsafe=unsafe)
        written = path.read_bytes().decode("utf-8")
        if path in result.refused or path not in result.changes:
            event("refused" if path in result.refused else "nothing to fix")
            assert written == text
            return
        event("fixed")
        data = clean(written)
        assert_every_reader_reads(text, written, data, fixed=True)
        comments = Counter(parse(written).comment_texts())
        assert comments == Counter(parse(text).comment_texts())
        after = findings(root, path, written)
        if not unsafe:  # an added base variant brings the evidence rules it answers to
            assert {code for code, _, _ in after} <= {code for code, _, _ in before}


# -- pages: render --write


BLOCKS = [
    "Some text with `code` and a [link](https://example.com).\n",
    "<!-- pscatalog:begin catalog -->\n",
    "<!-- pscatalog:end -->\n",
    "```\n<!-- pscatalog:begin maturity -->\n<!-- pscatalog:end -->\n```\n",
    "- item\n\n  ```yaml\n  <!-- pscatalog:begin categories -->\n  <!-- pscatalog:end -->\n  ```\n",
    "> `<!-- pscatalog:begin maturity -->`\n> `<!-- pscatalog:end -->`\n",
    "Indented:\n\n    <!-- pscatalog:begin maturity -->\n",
    "<div>\n<pre>\n&lt;!-- pscatalog:end --&gt;\n</pre>\n</div>\n",
    "| a | b |\n| - | - |\n| 1 | 2 |\n",
    "# A heading\n",
]


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A handbook page: Markdown blocks around one to three real regions."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        parts += draw(st.lists(st.sampled_from(BLOCKS[3:] + BLOCKS[:1]), max_size=3))
        view = draw(st.sampled_from(["categories", "catalog", "maturity"]))
        body = draw(st.sampled_from(["", "stale\n", "\n"]))
        parts.append(f"<!-- pscatalog:begin {view} -->\n{body}<!-- pscatalog:end -->\n")
    parts += draw(st.lists(st.sampled_from(BLOCKS[3:] + BLOCKS[:1]), max_size=2))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return "\n".join(parts).replace("\n", newline)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_render_write_changes_only_its_regions_and_a_second_write_nothing(page: str) -> None:
    """Render --write fills the real regions, keeps every other byte, and is stable."""
    from pscatalog.catalog.model import load_catalog
    from pscatalog.outputs.rendering import find_regions, sync_pages, write_pages

    catalog = load_catalog(SHIPPED)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.md"
        path.write_bytes(page.encode("utf-8"))
        regions = find_regions(page)
        write_pages(sync_pages(catalog, [path]))
        written = path.read_bytes().decode("utf-8")
        assert [region.view for region in find_regions(written)] == [r.view for r in regions]
        assert _outside_regions(written) == _outside_regions(page)
        write_pages(sync_pages(catalog, [path]))
        assert path.read_bytes().decode("utf-8") == written


def _outside_regions(text: str) -> list[str]:
    from pscatalog.outputs.rendering import _lines, find_regions

    lines = _lines(text)
    pieces, position = [], 0
    for region in find_regions(text):
        pieces.append("".join(lines[position : region.begin]))
        position = region.end - 1
    pieces.append("".join(lines[position:]))
    return pieces
