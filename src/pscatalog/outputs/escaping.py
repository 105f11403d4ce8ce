r"""How text that pscatalog did not write is shown, in each place it goes.

Keys, values, file names, baseline fields and page text come from files
anyone can propose in a merge request. Every output shows them through this
module, which decides once, per destination, what such text may hold:

- **terminal** (``full``, ``concise``, every message on standard error):
  control characters (C0, DEL, C1), bidirectional controls, line and
  paragraph separators, lone surrogates, U+FEFF, U+FFFE and U+FFFF are
  shown as visible escapes (``\x1b``, ``\n``, ``\u202e``), so a value
  can neither drive the terminal nor start a line of its own; a line can
  never begin like a CI runner's command (``::error``, ``##[group]``);
- **JSON**: the same characters are written as JSON escapes, so reports
  hold only printable text and parse anywhere; a lone surrogate, which no
  JSON reader can decode, becomes the visible text ``\udXXX``;
- **XML** (JUnit, SVG): characters XML 1.0 cannot hold, and the other
  characters above, become visible escapes; markup is escaped;
- **Markdown** (rendered pages, the diff and stats tables): text shows
  exactly as written and never becomes markup: HTML, links, emphasis, code,
  headings, lists, quotes and table cells are escaped, line breaks and
  runs of white space become one space, and the characters above become
  visible escapes.

Every function is linear in the length of its text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

UNSAFE = (
    "\x00-\x1f\x7f-\x9f"  # C0 controls (line breaks and tabs too), DEL, C1 controls
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional controls
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff"  # lone surrogates (file names read with surrogateescape, JSON escapes)
    "\ufeff\ufffe\uffff"  # zero-width no-break space, and the two non-characters XML refuses
)
"""The characters never shown as they are, as the body of a regular expression class."""

_UNSAFE = re.compile(f"[{UNSAFE}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_BEYOND_C0 = UNSAFE.removeprefix("\x00-\x1f")
_UNSAFE_BEYOND_C0 = re.compile(f"[{_BEYOND_C0}]")
# In multi-line text, line feeds, tabs and CRLF line ends are structure, not content.
_UNSAFE_IN_LINES = re.compile(f"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f{_BEYOND_C0}]")
# GitHub's runner reads a line as a command when it starts, after white space, with
# "::"; its older form "##[" and Azure Pipelines' "##vso[" count anywhere in a line.
_LINE_COMMAND = re.compile(r"^([^\S\n]*):(?=:)", re.MULTILINE)
_ANYWHERE_COMMAND = re.compile(r"(##(?:vso)?)\[")


def escape_character(character: str) -> str:
    r"""Return the visible escape of one character: ``\n``, ``\x1b``, ``\u202e``."""
    short = _SHORT.get(character)
    if short is not None:
        return short
    code = ord(character)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _escaped(match: re.Match[str]) -> str:
    return escape_character(match.group())


def visible(text: str) -> str:
    """Return ``text`` with every character of :data:`UNSAFE` as a visible escape.

    The result is one line, and holds no character that drives a terminal,
    reorders text, or cannot be encoded.
    """
    return _UNSAFE.sub(_escaped, text)


def _no_commands(text: str) -> str:
    return _ANYWHERE_COMMAND.sub(r"\1\\x5b", text)


# -- terminal ---------------------------------------------------------------------------


def terminal(text: str) -> str:
    """Return a value (a message, a key, a label) as a terminal shows it.

    :func:`visible`, and a CI runner's command that counts anywhere in a line
    (``##[``, ``##vso[``) has its bracket escaped.
    """
    return _no_commands(visible(text))


def terminal_path(name: str) -> str:
    """Return a file name as a terminal shows it, at the start of a line.

    Besides :func:`terminal`, a relative name that would start the line like
    a CI runner's command (``::error``) is written ``./::error``, the same
    file.
    """
    shown = terminal(name)
    if shown.lstrip().startswith((":", "#")):
        return "./" + shown
    return shown


def terminal_lines(text: str) -> str:
    r"""Return multi-line text (a diff, a page, a whole report) safe for a terminal.

    Line feeds, tabs and CRLF line ends are kept; every other character of
    :data:`UNSAFE` becomes a visible escape, and what a CI runner would read
    as a command is broken by an escape (``\x3a:error``, ``##\x5bgroup]``).
    Text made of values already shown by :func:`terminal` passes unchanged.
    """
    text = _UNSAFE_IN_LINES.sub(_escaped, text)
    return _LINE_COMMAND.sub(r"\1\\x3a", _no_commands(text))


# -- JSON -------------------------------------------------------------------------------


def _json_escape(match: re.Match[str]) -> str:
    character = match.group()
    if _SURROGATE.fullmatch(character):
        # Not a character: no JSON reader can decode it, so show its code instead.
        return f"\\\\u{ord(character):04x}"
    return f"\\u{ord(character):04x}"


def json_text(data: Any, *, indent: int | None = 2) -> str:
    r"""Return ``data`` as JSON text that holds only printable characters.

    Non-ASCII text stays readable (UTF-8); the characters of :data:`UNSAFE`
    are JSON escapes, except lone surrogates, which become the visible text
    ``\udXXX``; a CI runner's command that counts anywhere in a line
    (``##[``) has its bracket escaped (``##\u005b``), the same data. Ends
    with a line feed.
    """
    import json

    dumped = json.dumps(data, indent=indent, ensure_ascii=False)
    # json.dumps escapes C0 controls itself (the line feeds left are the indentation's).
    dumped = _UNSAFE_BEYOND_C0.sub(_json_escape, dumped)
    return _ANYWHERE_COMMAND.sub(r"\1\\u005b", dumped) + "\n"


def json_safe(text: str) -> str:
    r"""Return a string any JSON writer can write and any reader decode.

    Lone surrogates become the visible text ``\udXXX``; everything else is kept.
    """
    return _SURROGATE.sub(_escaped, text)


# -- XML --------------------------------------------------------------------------------


def xml_value(text: str) -> str:
    """Return text that XML 1.0 can hold, for an element's text or an attribute.

    :func:`visible`: characters XML cannot hold, even escaped (most C0
    controls, lone surrogates, U+FFFE, U+FFFF), and the other characters of
    :data:`UNSAFE`, become visible escapes. Markup is left to the XML writer.
    """
    return visible(text)


def xml_escape(text: str) -> str:
    """Return text for XML written by hand, in an element or a quoted attribute.

    :func:`xml_value`, with markup and quotes escaped.
    """
    return (
        visible(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


# -- Markdown ---------------------------------------------------------------------------

# Characters that open inline markup anywhere in a line: code, emphasis, links, raw HTML
# and entities, table cells, strike-through, heading closers.
_MARKDOWN_INLINE = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "[": "\\[",
        "]": "\\]",
        "|": "\\|",
        "~": "\\~",
        "#": "\\#",
        "$": "\\$",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
    }
)
# An underscore between two letters or digits can neither open nor close emphasis
# (CommonMark's flanking rules), so field names such as marketing_material stay as written.
_MARKDOWN_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# What opens a block at the start of a line: a list item, a quote (already an entity),
# a thematic break or setext underline, an ordered list item, a CI runner's command.
_MARKDOWN_BLOCK_START = re.compile(r"^(?:[-+=:]|(\d{1,9})([.)]))")


def markdown_text(text: str) -> str:
    """Return ``text`` as Markdown that renders exactly as written, on one line.

    White space runs (line breaks included) become one space, the characters
    of :data:`UNSAFE` visible escapes, and every character that could start
    markup is escaped, so the text can sit in a paragraph, a heading or a
    table cell and change nothing around it.
    """
    flat = visible(" ".join(text.split()))
    escaped = _MARKDOWN_UNDERSCORE.sub(r"\\_", flat.translate(_MARKDOWN_INLINE))
    return _MARKDOWN_BLOCK_START.sub(
        lambda match: f"{match[1]}\\{match[2]}" if match[1] else "\\" + match.group(),
        escaped,
        count=1,
    )


_CODE_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]*")


def markdown_code(text: str) -> str:
    """Return an identifier as inline code (`` `jira` ``).

    Text that holds anything an identifier does not is :func:`markdown_text` instead.
    """
    if _CODE_SAFE.fullmatch(text):
        return f"`{text}`"
    return markdown_text(text)


# -- widths in a terminal ---------------------------------------------------------------


def cell_width(character: str) -> int:
    """Return how many terminal cells a character takes once shown.

    Wide and full-width characters (most CJK, many emoji) take two; combining
    marks and format characters none; a character of :data:`UNSAFE` the
    length of its escape.
    """
    if _UNSAFE.match(character):
        return len(escape_character(character))
    if ord(character) < 0x300:
        return 1
    if unicodedata.category(character) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
