"""Line diffs in O(n log n) time, and their unified-diff text.

The diff is Bram Cohen's *patience diff*, as Bazaar and ``git diff --patience``
compute it:

1. lines equal at the start and at the end of both texts match;
2. in what is left, the lines that occur exactly once in each text are
   candidate anchors; the longest run of them in the same order in both texts
   (a longest increasing subsequence, found by patience sorting) match;
3. the same is done again between consecutive anchors, where a line repeated
   in the whole text may be unique;
4. where no line is unique in both texts, a small block (blank lines, repeated
   list items) is matched line by line, and a larger one is shown as replaced.

Python's :mod:`difflib` looks for the longest matching block again and again,
which takes time growing with the square of the lines on a text with many
small changes, such as a file the formatter rewrote. Here every step is
linear in the lines of its range but for the sort, O(k log k) in the k
anchors; the ranges of one level of recursion do not overlap, the recursion
stops at :data:`MAX_DEPTH` levels (beyond that a block is shown as replaced,
as Bazaar does), and matching a small block line by line costs at most a
constant per line (:data:`SMALL_BLOCK`). So the whole diff takes O(n log n)
time for any input: lines all equal, all distinct, a text reversed, every
other line changed, a line repeated thousands of times.

Nothing here knows about YAML: lines are whatever the caller split, each
with the break that ends it. :mod:`pscatalog.yamltext.lines` splits YAML as
libyaml does; the render check splits Markdown as CommonMark does.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass

MAX_DEPTH = 12
"""How many times the diff looks for anchors inside a block between anchors.

Each level costs at most O(n log n) over the whole text; a reformatted catalog
file needs two. Deeper blocks are matched as blocks without an anchor are.
"""
SMALL_BLOCK = 1024
"""The largest block without an anchor (old lines times new lines) matched line by line.

Such a block, where every line repeats (blank lines, list items), gets a
longest common subsequence by dynamic programming in ``r * c`` steps; since
it has ``r + c >= 2 * sqrt(r * c)`` lines, that is at most 16 steps a line.
Larger blocks are shown as replaced.
"""
NO_NEWLINE = "\\ No newline at end of file\n"
"""The line ``diff`` and ``patch`` use to mark a last line without a break."""

Block = tuple[int, int, int]
"""A run of equal lines: where it starts in the old lines, in the new lines, its length."""


def matching_blocks(a: Sequence[Hashable], b: Sequence[Hashable]) -> Iterator[Block]:
    """Yield the runs of lines that ``a`` and ``b`` share, in order, each as long as it goes.

    Runs are computed as they are needed: a caller that stops early does not
    pay for the rest of the diff below its first level.
    """
    ids: dict[Hashable, int] = {}
    # Small integers hash and compare in constant time, whatever the lines hold.
    old = [ids.setdefault(line, len(ids)) for line in a]
    new = [ids.setdefault(line, len(ids)) for line in b]
    pending: Block | None = None
    for i, j, size in _matches(old, new, 0, len(old), 0, len(new), 0):
        if pending is None:
            pending = (i, j, size)
        elif pending[0] + pending[2] == i and pending[1] + pending[2] == j:
            pending = (pending[0], pending[1], pending[2] + size)
        else:
            yield pending
            pending = (i, j, size)
    if pending is not None:
        yield pending


def _matches(
    a: list[int], b: list[int], alo: int, ahi: int, blo: int, bhi: int, depth: int
) -> Iterator[Block]:
    """Yield the matching runs of ``a[alo:ahi]`` and ``b[blo:bhi]``, in order."""
    i, j = alo, blo
    while i < ahi and j < bhi and a[i] == b[j]:
        i += 1
        j += 1
    if i > alo:
        yield alo, blo, i - alo
    alo, blo = i, j
    i, j = ahi, bhi
    while i > alo and j > blo and a[i - 1] == b[j - 1]:
        i -= 1
        j -= 1
    suffix = ahi - i
    ahi, bhi = i, j
    if alo < ahi and blo < bhi:
        anchors = _anchors(a, b, alo, ahi, blo, bhi) if depth < MAX_DEPTH else []
        if anchors:
            i, j = alo, blo
            for x, y in anchors:
                yield from _matches(a, b, i, x, j, y, depth + 1)
                yield x, y, 1
                i, j = x + 1, y + 1
            yield from _matches(a, b, i, ahi, j, bhi, depth + 1)
        elif (ahi - alo) * (bhi - blo) <= SMALL_BLOCK:
            for x, y in _common_subsequence(a, b, alo, ahi, blo, bhi):
                yield x, y, 1
    if suffix:
        yield ahi, bhi, suffix


def _anchors(
    a: list[int], b: list[int], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Return the longest run, in order in both ranges, of lines unique in each."""
    in_a: dict[int, int] = {}
    for i in range(alo, ahi):
        in_a[a[i]] = -1 if a[i] in in_a else i
    in_b: dict[int, int] = {}
    for j in range(blo, bhi):
        line = b[j]
        if in_a.get(line, -1) >= 0:
            in_b[line] = -1 if line in in_b else j
    pairs = [(i, in_b[a[i]]) for i in range(alo, ahi) if in_b.get(a[i], -1) >= 0]
    return _longest_increasing(pairs)


def _common_subsequence(
    a: list[int], b: list[int], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Return the pairs of a longest common subsequence of two ranges (dynamic programming)."""
    rows, columns = ahi - alo, bhi - blo
    # longest[r][c]: the length of a longest common subsequence of a[alo + r:ahi], b[blo + c:bhi].
    longest = [[0] * (columns + 1) for _ in range(rows + 1)]
    for r in range(rows - 1, -1, -1):
        row, below, line = longest[r], longest[r + 1], a[alo + r]
        for c in range(columns - 1, -1, -1):
            row[c] = below[c + 1] + 1 if line == b[blo + c] else max(below[c], row[c + 1])
    pairs: list[tuple[int, int]] = []
    r = c = 0
    while r < rows and c < columns:
        if a[alo + r] == b[blo + c]:
            pairs.append((alo + r, blo + c))
            r += 1
            c += 1
        elif longest[r + 1][c] >= longest[r][c + 1]:
            r += 1
        else:
            c += 1
    return pairs


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the longest run of ``pairs`` whose second items increase (patience sorting).

    Of several such runs, the one that ends first, as difflib prefers the
    matches that come first in the old lines.
    """
    tops: list[int] = []
    """The second item on top of each pile, increasing from pile to pile."""
    top_index: list[int] = []
    below: list[int] = []
    """For each pair, the pair on top of the pile to its left when it was placed."""
    end = -1
    """The first pair placed on the last pile."""
    for index, (_, j) in enumerate(pairs):
        pile = bisect_left(tops, j)
        below.append(top_index[pile - 1] if pile else -1)
        if pile == len(tops):
            tops.append(j)
            top_index.append(index)
            end = index
        else:
            tops[pile] = j
            top_index[pile] = index
    run: list[tuple[int, int]] = []
    index = end
    while index >= 0:
        run.append(pairs[index])
        index = below[index]
    run.reverse()
    return run


@dataclass(frozen=True, slots=True)
class Hunk:
    """A hunk of a unified diff: ranges of old and new lines, and what happens to them.

    ``edits`` lists ``(tag, start, stop)``: tag ``" "`` for context and ``"-"``
    for removed lines, ranges of the old lines; ``"+"`` for added lines, a
    range of the new lines.
    """

    a_start: int
    a_stop: int
    b_start: int
    b_stop: int
    edits: tuple[tuple[str, int, int], ...]

    def header(self) -> str:
        """Return the hunk's ``@@ -a,b +c,d @@`` line, as GNU diff writes it."""
        return f"@@ -{_range(self.a_start, self.a_stop)} +{_range(self.b_start, self.b_stop)} @@\n"


def _range(start: int, stop: int) -> str:
    """Return a 0-based range as a unified diff's ``line,count`` (a bare line for one)."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    # An empty range names the line before it: 0 for the start of the file.
    return f"{start + 1 if length else start},{length}"


def hunks(a: Sequence[Hashable], b: Sequence[Hashable], *, context: int = 3) -> Iterator[Hunk]:
    """Yield the hunks of a diff of ``a`` to ``b`` with ``context`` lines around each change.

    Changes closer than twice ``context`` lines share a hunk, as in GNU diff.
    Nothing is yielded when ``a`` and ``b`` are equal.
    """
    if context < 0:
        raise ValueError("context must be 0 or more lines")
    a_len, b_len = len(a), len(b)
    edits: list[tuple[str, int, int]] = []
    a_start = b_start = 0
    a_at = b_at = equal = 0
    """Where the previous matching block ended, and its length."""
    for i, j, size in _with_end(matching_blocks(a, b), a_len, b_len):
        if i > a_at or j > b_at:
            if not edits:
                lead = min(context, equal)
                a_start, b_start = a_at - lead, b_at - lead
                if lead:
                    edits.append((" ", a_at - lead, a_at))
            elif equal:
                # Not more than twice the context, or the hunk would have ended there.
                edits.append((" ", a_at - equal, a_at))
            if i > a_at:
                edits.append(("-", a_at, i))
            if j > b_at:
                edits.append(("+", b_at, j))
        a_at, b_at, equal = i + size, j + size, size
        if edits and (size > 2 * context or (a_at == a_len and b_at == b_len)):
            trail = min(context, size)
            if trail:
                edits.append((" ", i, i + trail))
            yield Hunk(a_start, i + trail, b_start, j + trail, tuple(edits))
            edits = []


def _with_end(blocks: Iterable[Block], a_len: int, b_len: int) -> Iterator[Block]:
    """Yield the blocks, then an empty one at the end of both texts."""
    yield from blocks
    yield a_len, b_len, 0


def unified_diff(
    a: Sequence[str],
    b: Sequence[str],
    fromfile: str,
    tofile: str,
    *,
    context: int = 3,
    breaks: Container[str] = "\n",
) -> Iterator[str]:
    r"""Yield the lines of a unified diff from lines ``a`` to lines ``b``, each ending with LF.

    Each line of ``a`` and ``b`` holds the break that ends it (the last may
    have none); ``breaks`` holds the characters that end a line. A line that
    ends with a line feed (CR LF included) is shown as it is; one that ends
    with another break, with a line feed instead; a last line without a break
    is followed by ``\ No newline at end of file``, as ``diff`` writes it, so
    that ``patch`` and ``git apply`` give it back without one. The headers
    come first (``--- fromfile``, ``+++ tofile``, quoted by :func:`quote_name`
    where they must be), then the hunks, each with
    ``context`` lines around its changes. Nothing is yielded when ``a`` and
    ``b`` are equal. Lines are computed as they are taken.
    """
    headers: tuple[str, ...] = (f"--- {quote_name(fromfile)}\n", f"+++ {quote_name(tofile)}\n")
    for hunk in hunks(a, b, context=context):
        yield from headers
        headers = ()
        yield hunk.header()
        for tag, start, stop in hunk.edits:
            lines = b if tag == "+" else a
            for index in range(start, stop):
                line = lines[index]
                if line.endswith("\n"):
                    yield tag + line
                elif line[-1:] and line[-1] in breaks:
                    yield tag + line[:-1] + "\n"
                else:
                    yield tag + line + "\n"
                    yield NO_NEWLINE


_C_ESCAPES = {"\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r"}


def quote_name(name: str) -> str:
    r"""Return a file name as a diff's header writes it: C-quoted, as git does, where it must be.

    A name that holds a character that is not printable (a line break, a tab,
    an escape, a bidirectional control), a double quote or a backslash is
    written between double quotes, with ``\n``, ``\t`` and the like, and the
    UTF-8 bytes of other characters in octal (``\342\200\256``); GNU patch
    and git apply read it back. A line break in a name can then never start
    a line of the diff of its own.
    """
    if name.isprintable() and '"' not in name and "\\" not in name:
        return name
    quoted = []
    for character in name:
        if character in '"\\':
            quoted.append("\\" + character)
        elif character in _C_ESCAPES:
            quoted.append("\\" + _C_ESCAPES[character])
        elif character.isprintable():
            quoted.append(character)
        else:
            quoted.extend(f"\\{byte:03o}" for byte in _utf8(character))
    return '"' + "".join(quoted) + '"'


def _utf8(character: str) -> bytes:
    """Return the bytes of a character of a file name (a byte that was not UTF-8, as it was)."""
    try:
        return character.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return character.encode("utf-8", "surrogatepass")
