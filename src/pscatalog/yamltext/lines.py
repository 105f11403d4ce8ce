"""What a line of YAML text is: where lines break, and positions within them.

libyaml ends a line at a line feed, a carriage return, a CR LF pair, NEL
(U+0085), and the Unicode line and paragraph separators (U+2028, U+2029).
Its marks count lines and columns that way, and count offsets in characters
(code points) of the text. Every position pscatalog shows, every edit it
makes, every excerpt it prints and every suppression comment it reads uses
this module, so that they all agree with the parser on which line is which.
Python's ``str.splitlines`` also breaks at form feeds and other separators,
and splitting at line feeds misses CR, NEL and the Unicode separators: neither is
used on YAML text anywhere else.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""Every line break libyaml recognises; CR LF is one break."""
BREAK_CHARACTERS = frozenset("\r\n\x85\u2028\u2029")
"""The characters that end a line, alone or (CR LF) as a pair."""


def split_lines(text: str) -> list[str]:
    """Return the lines of ``text`` without their breaks.

    A break at the very end does not start another line: ``a LF`` is one
    line, ``a LF b`` two, ``""`` none.
    """
    lines = LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines


def split_keepends(text: str) -> list[str]:
    """Return the lines of ``text`` each with its own break (for diffs)."""
    lines: list[str] = []
    start = 0
    for match in LINE_BREAK.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def dominant_break(text: str) -> str:
    """Return the line break ``text`` uses most (LF for a text without one).

    New lines an edit inserts use it, so that a CR LF file stays CR LF.
    """
    counts = Counter(match.group() for match in LINE_BREAK.finditer(text))
    if not counts:
        return "\n"
    return max(counts.items(), key=lambda item: (item[1], item[0] == "\n"))[0]


def line_column(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of the character at ``offset``."""
    return LineIndex(text).position(offset)


class LineIndex:
    """The lines of one text, for turning offsets into lines and columns and back.

    Offsets count characters from the start of the text, as libyaml's marks
    do; lines and columns are 1-based, as diagnostics show them.
    """

    __slots__ = ("_breaks", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        breaks: list[int] = []
        for match in LINE_BREAK.finditer(text):
            breaks.append(match.start())
            starts.append(match.end())
        breaks.append(len(text))
        self._starts = starts
        self._breaks = breaks
        """Where each line's break starts (the text's end for the last line)."""

    @property
    def count(self) -> int:
        """How many lines the text has (a final break starts no line)."""
        if len(self._starts) > 1 and self._starts[-1] == len(self.text):
            return len(self._starts) - 1
        return len(self._starts) if self.text else 0

    def start(self, line: int) -> int:
        """Return the offset where 1-based ``line`` starts."""
        return self._starts[line - 1]

    def end(self, line: int) -> int:
        """Return the offset where 1-based ``line``'s text ends (where its break starts)."""
        return self._breaks[line - 1]

    def line(self, line: int) -> str | None:
        """Return the text of 1-based ``line`` without its break, ``None`` past the end."""
        if line < 1 or line > self.count:
            return None
        return self.text[self._starts[line - 1] : self._breaks[line - 1]]

    def line_break(self, line: int) -> str:
        """Return the break that ends 1-based ``line`` (``""`` for an unterminated last line)."""
        end = self._breaks[line - 1]
        following = self._starts[line] if line < len(self._starts) else end
        return self.text[end:following]

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of ``offset``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def offset(self, line: int, column: int) -> int:
        """Return the offset of a 1-based ``line`` and ``column``."""
        return self._starts[line - 1] + column - 1


def unified_diff(old: str, new: str, fromfile: str, tofile: str, *, context: int = 3) -> str:
    """Return a unified diff of two texts, their lines as libyaml counts them.

    Every line of the diff ends with a line feed: a CR LF break is kept, any
    other break (CR, NEL, LS, PS) is shown as a line feed, and a text that
    does not end with a break is marked as ``diff`` marks it. The diff is a
    patience diff (:mod:`pscatalog.yamltext.linediff`), in O(n log n) time
    for any two texts, with ``context`` lines around each change.
    """
    from pscatalog.yamltext.linediff import unified_diff as line_diff

    return "".join(
        line_diff(
            split_keepends(old),
            split_keepends(new),
            fromfile,
            tofile,
            context=context,
            breaks=BREAK_CHARACTERS,
        )
    )
