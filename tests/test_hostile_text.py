"""Property tests: generated hostile text in every field and file name never breaks an output.

Control characters, escape sequences, lone surrogates, bidirectional overrides, line breaks
followed by a CI runner's command, marker comments, HTML and Markdown syntax go into the
names, texts, keys and free-form values of a catalog, and into a file's name. Whatever they
hold, every output format stays well formed: JSON parses, XML parses, SARIF validates
against its schema, rendered Markdown holds no tag or link made from catalog text, and the
terminal formats hold no raw control character and no line a CI runner would obey.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from helpers import LEVELS_YAML, write_catalog
from pscatalog.catalog.model import load_catalog
from pscatalog.checks.baseline import apply_baseline, baseline_text, read_baseline
from pscatalog.checks.checker import ValidationResult, validate
from pscatalog.cli.main import cli
from pscatalog.outputs import escaping
from pscatalog.outputs.rendering import render
from pscatalog.outputs.reporters import REPORTER_BY_NAME
from pscatalog.outputs.stats import catalog_stats, stats_json, stats_markdown
from pscatalog.tools.diffing import diff_catalogs, diff_json, diff_markdown
from test_reports import sarif_errors

SETTINGS = settings(
    max_examples=int(os.environ.get("PSCATALOG_PROPERTY_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

FRAGMENTS = [
    "\x00", "\x07", "\x08", "\t", "\x0b", "\x0c", "\r", "\x1b[2J", "\x1b]52;c;aGk=\x07",
    "\x1b]0;title\x07", "\x1b]8;;https://x.invalid\x1b\\", "\x7f", "\x85", "\x9b", "\x9d",
    "\u061c", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029",
    "\ufeff", "\ufffe", "\uffff", "\ud800", "\udbff\udc00", "\udcff",
    "\n::error file=a::pwned", "\r\n::add-mask::secret", "\n  ::stop-commands::end", "::",
    "##[group]", "##vso[task.setvariable]", "\n", "\r\n",
    "<!--", "-->", "<!-- pscatalog:end -->", "<!-- pscatalog:begin catalog -->",
    "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "C++ <templates>", "&amp;",
    "&#x3c;", "*", "**", "_", "__", "`", "``", "[link](https://x.invalid)", "![i](x.png)",
    "<https://x.invalid>", "|", "\\", "\\|", "# ", "## x ##", "1. ", "2) ", "- ", "+ ", "> ",
    "---", "===", "~~~", "```", "    ", "$x$", "名前", "😀", "é", " ", "a", "Z",
]  # fmt: skip
HOSTILE = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), min_size=1, max_size=6).map(
    "".join
)
FIELDS = ("level", "persona", "category", "offering", "summary", "variant", "key", "unmapped")


def yaml_quoted(text: str) -> str:
    """Return ``text`` as a YAML double-quoted scalar.

    A lone surrogate stays a YAML escape, which the loader reports at its line.
    """
    out = []
    for character in text:
        code = ord(character)
        if character in '"\\':
            out.append("\\" + character)
        elif 0x20 <= code < 0x7F:
            out.append(character)
        else:
            out.append(f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}")
    return '"' + "".join(out) + '"'


def file_name(text: str) -> str:
    """Return a file name made of ``text``: what a file system can hold.

    Surrogate escapes (U+DC80 to U+DCFF) stand for bytes that are not UTF-8.
    """
    kept = "".join(
        c
        for c in text
        if c not in "/\x00" and (not "\ud800" <= c <= "\udfff" or "\udc80" <= c <= "\udcff")
    )
    return (kept[:40] or "x") + ".yaml"


def hostile_catalog(root: Path, texts: dict[str, str], name: str) -> Path:
    """Write a catalog whose every text field is hostile, its category file named ``name``."""
    quote = yaml_quoted
    category = (
        f"id: integration\nname: {quote(texts['category'])}\nlevel: product\n"
        f"description: {quote(texts['summary'])}\n"
        "offerings:\n"
        f"  - id: jira\n    name: {quote(texts['offering'])}\n    maturity: planned\n"
        f"    summary: {quote(texts['summary'])}\n    description: {quote(texts['summary'])}\n"
        f"    {quote(texts['key'])}: 1\n"
        f"    imported:\n      source: services.yml\n      unmapped:\n"
        f"        {quote(texts['key'])}: {quote(texts['unmapped'])}\n"
        f"    variants:\n      - id: custom\n        name: {quote(texts['variant'])}\n"
        f"  - id: jira-copy\n    name: {quote(texts['offering'])}\n    maturity: Planned\n"
        f"    variants:\n      - id: custom\n"
    )
    levels = LEVELS_YAML.replace("name: Product", f"name: {quote(texts['level'])}").replace(
        "persona: The platform owner", f"persona: {quote(texts['persona'])}"
    )
    folder = write_catalog(root, {"levels.yaml": levels})
    (folder / name).write_text(category, encoding="utf-8")
    return folder


def assert_terminal_safe(text: str) -> None:
    text.encode("utf-8")
    for line in text.split("\n"):
        assert not escaping._UNSAFE.search(line), repr(line)
        assert not line.lstrip().startswith("::"), repr(line)
        assert "##[" not in line, repr(line)
        assert "##vso[" not in line, repr(line)


def assert_reports_well_formed(result: ValidationResult) -> None:
    """Every reporter's output is well formed for its format."""
    for name, reporter in REPORTER_BY_NAME.items():
        text = reporter(result)
        text.encode("utf-8")
        if name in ("full", "concise"):
            assert_terminal_safe(text)
        elif name in ("json", "gitlab", "sarif"):
            assert not escaping._UNSAFE.search(text.replace("\n", "")), name
            assert "##[" not in text
            json.loads(text)
            if name == "sarif":
                assert sarif_errors(text) == []
        elif name == "junit":
            ET.fromstring(text)
        else:
            lines = text.splitlines()
            assert len(lines) == len(result.diagnostics)
            assert all(re.match(r"::(error|warning|notice) file=", line) for line in lines)
            assert not escaping._UNSAFE.search(text.replace("\n", ""))


MARKDOWN = MarkdownIt("commonmark").enable("table")
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]*")


def assert_markdown_has_no_catalog_markup(markdown: str, texts: list[str]) -> None:
    """No HTML, link, image or emphasis; code and strong only where the templates put them."""
    assert not escaping._UNSAFE.search(markdown.replace("\n", ""))
    tokens = MARKDOWN.parse(markdown)
    assert not [t for t in tokens if t.type == "html_block"]
    for token in tokens:
        for child in token.children or []:
            assert child.type in (
                "text",
                "softbreak",
                "code_inline",
                "strong_open",
                "strong_close",
            ), (child.type, markdown)
            if child.type == "code_inline":
                assert _IDENTIFIER.fullmatch(child.content), child.content
    html = MARKDOWN.render(markdown)
    for text in texts:
        shown = escaping.visible(" ".join(text.split()))
        if shown:
            assert _html_text(shown) in html, (shown, html)


def _html_text(text: str) -> str:
    """How markdown-it-py writes ``text`` in HTML."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


@SETTINGS
@given(st.fixed_dictionaries(dict.fromkeys(FIELDS, HOSTILE)), HOSTILE)
def test_hostile_text_in_every_field_and_file_name(texts: dict[str, str], name: str) -> None:
    """Validation reports, the baseline, rendered views, stats and diff stay well formed."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        catalog_folder = hostile_catalog(root / "catalog", texts, file_name(name))
        result = validate([catalog_folder])
        assert result.diagnostics
        assert_reports_well_formed(result)

        baseline = root / "baseline.json"
        baseline.write_text(baseline_text(result), encoding="utf-8")
        data = json.loads(baseline.read_text(encoding="utf-8"))
        data["findings"].append(
            {"fingerprint": "f", "code": texts["key"], "file": result.files[0], "pointer": name}
        )
        baseline.write_text(json.dumps(data), encoding="utf-8")
        assert_reports_well_formed(apply_baseline(result, baseline, read_baseline(baseline)))

        catalog = load_catalog(catalog_folder)
        empty = load_catalog(write_catalog(root / "empty", {}, base=False))
        # A file the loader could not read (a lone surrogate escape) shows none of its texts.
        read = all(doc.ok for doc in catalog.documents)
        shown = [texts[field] for field in ("category", "offering", "variant")] if read else []
        for view in ("categories", "catalog", "maturity"):
            assert_markdown_has_no_catalog_markup(render(catalog, view), shown[:1])
        assert_markdown_has_no_catalog_markup(render(catalog, "catalog"), shown[:3])
        ET.fromstring(render(catalog, "maturity", "svg"))
        stats = catalog_stats(catalog)
        assert_markdown_has_no_catalog_markup(stats_markdown(stats), shown[:1])
        json.loads(stats_json(stats))
        changes = diff_catalogs(empty, catalog)
        assert_markdown_has_no_catalog_markup(diff_markdown(changes), shown[1:2])
        json.loads(diff_json(changes))


@settings(SETTINGS, max_examples=max(5, SETTINGS.max_examples // 4))
@given(st.fixed_dictionaries(dict.fromkeys(FIELDS, HOSTILE)), HOSTILE)
def test_hostile_text_through_the_command_line(texts: dict[str, str], name: str) -> None:
    """What the commands print (findings on stderr included) is safe for a terminal."""
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        catalog = str(hostile_catalog(Path(folder) / "catalog", texts, file_name(name)))
        for args in (
            ["validate", catalog],
            ["validate", "--output-format", "concise", catalog],
            ["render", "--view", "catalog", catalog],
            ["stats", catalog],
            ["export", catalog],
            ["diff", catalog, catalog, "--check"],
        ):
            result = runner.invoke(cli, args)
            assert result.exit_code in (0, 1, 2), (args, result.output)
            assert result.exception is None or isinstance(result.exception, SystemExit)
            assert_terminal_safe(result.stderr)
            if args[0] != "export":
                assert_terminal_safe(result.stdout)
