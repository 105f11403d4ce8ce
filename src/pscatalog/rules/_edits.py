"""Helpers for fixes: finding the text of a value at a position."""

from __future__ import annotations

from pscatalog.yamltext.loader import Document


def scalar_span(doc: Document, line: int, column: int) -> tuple[int, int, str] | None:
    """Return (start, end, text) of the one-line scalar at ``line``/``column``.

    The span covers the quotes of a quoted scalar; ``None`` if the value is not
    a scalar written on that one line.
    """
    source = doc.line_text(line)
    if source is None or column > len(source):
        return None
    rest = source[column - 1 :]
    if rest[:1] in ("'", '"'):
        end = rest.find(rest[0], 1)
        if end < 0:
            return None
        return column, column + end + 1, rest[: end + 1]
    if rest[:1] in ("|", ">", "[", "{", "&", "*", "!"):
        return None
    text = rest.split(" #", 1)[0].rstrip()
    return column, column + len(text), text
