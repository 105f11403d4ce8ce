"""The line diff: patience diff in O(n log n), unified text that patch and git apply take."""

from __future__ import annotations

import difflib
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pscatalog.yamltext import linediff
from pscatalog.yamltext.linediff import Hunk, hunks, matching_blocks, unified_diff
from pscatalog.yamltext.lines import unified_diff as text_diff


def diff(old: str, new: str, context: int = 3) -> str:
    """The unified diff of two LF texts, as one string."""
    return "".join(
        unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), "a", "b", context=context
        )
    )


# -- exact output


def test_equal_texts_have_an_empty_diff() -> None:
    """No headers, no hunk: nothing, for equal texts and for two empty ones."""
    assert diff("a\nb\n", "a\nb\n") == ""
    assert diff("", "") == ""


def test_one_changed_line_has_three_lines_of_context() -> None:
    """A line changed in the middle: a hunk with three lines either side."""
    old = "".join(f"{n}\n" for n in range(1, 11))
    assert diff(old, old.replace("5\n", "five\n")) == (
        "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
    )


def test_changes_six_lines_apart_share_a_hunk_seven_apart_do_not() -> None:
    """Changes separated by twice the context share a hunk; one line more splits them."""
    old = "".join(f"{n}\n" for n in range(1, 21))
    together = old.replace("3\n", "x\n", 1).replace("10\n", "y\n")
    assert diff(old, together) == (
        "--- a\n+++ b\n@@ -1,13 +1,13 @@\n 1\n 2\n-3\n+x\n"
        " 4\n 5\n 6\n 7\n 8\n 9\n-10\n+y\n 11\n 12\n 13\n"
    )
    apart = old.replace("3\n", "x\n", 1).replace("11\n", "y\n")
    assert diff(old, apart) == (
        "--- a\n+++ b\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+x\n 4\n 5\n 6\n"
        "@@ -8,7 +8,7 @@\n 8\n 9\n 10\n-11\n+y\n 12\n 13\n 14\n"
    )


def test_hunk_headers_count_as_gnu_diff_does() -> None:
    """A range of one line is a bare number; an empty one names the line before it."""
    assert diff("", "a\nb\n") == "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n"
    assert diff("a\nb\n", "") == "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-a\n-b\n"
    assert diff("a\nb\nc\n", "a\nc\n", context=0) == "--- a\n+++ b\n@@ -2 +1,0 @@\n-b\n"
    assert diff("a\nc\n", "a\nb\nc\n", context=0) == "--- a\n+++ b\n@@ -1,0 +2 @@\n+b\n"
    assert diff("a\n", "b\n") == "--- a\n+++ b\n@@ -1 +1 @@\n-a\n+b\n"


def test_context_is_cut_at_the_ends_of_the_text() -> None:
    """Fewer context lines than asked where the text starts or ends."""
    assert diff("a\nb\nc\n", "a\nB\nc\n", context=5) == (
        "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
    )


def test_removed_lines_come_before_added_ones() -> None:
    """A block replaced: its old lines, then its new ones."""
    assert diff("a\nb\nc\nd\n", "a\nx\ny\nd\n") == (
        "--- a\n+++ b\n@@ -1,4 +1,4 @@\n a\n-b\n-c\n+x\n+y\n d\n"
    )


def test_ends_then_unique_lines_anchor_the_diff() -> None:
    """Shared ends match, then lines unique in both: two swapped names are two changes.

    difflib keeps the longest block and shows one function moved, six lines.
    """
    old = "}\nfn one\n  body\n}\nfn two\n  body\n}\n"
    new = "}\nfn two\n  body\n}\nfn one\n  body\n}\n"
    assert diff(old, new) == (
        "--- a\n+++ b\n@@ -1,7 +1,7 @@\n }\n-fn one\n+fn two\n   body\n }\n-fn two\n+fn one\n"
        "   body\n }\n"
    )
    assert changed_lines(
        "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True)))
    ) == (3, 3)


def test_a_block_without_a_unique_line_is_matched_line_by_line() -> None:
    """Blank lines and repeated items between anchors: only the lines that differ are shown."""
    old = "head\n\n- x\n\n- x\n\n\ntail\n"
    new = "head\n\n- x\n- x\n\n- x\n\ntail\n"
    assert diff(old, new, context=0) == ("--- a\n+++ b\n@@ -4 +3,0 @@\n-\n@@ -6,0 +6 @@\n+- x\n")


def test_the_first_of_equally_long_matches_is_kept() -> None:
    """Keys in reverse order: the first old line is kept, as difflib keeps it."""
    assert diff("c\nb\na\n", "a\nb\nc\n") == ("--- a\n+++ b\n@@ -1,3 +1,3 @@\n+a\n+b\n c\n-b\n-a\n")


def test_a_last_line_without_a_break_is_marked() -> None:
    """A marker line after a last line that has no break, old or new."""
    assert diff("a\nb", "a\nc") == (
        "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
        "+c\n\\ No newline at end of file\n"
    )
    assert diff("a\nb", "a\nb\n") == (
        "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"
    )
    assert diff("a\nb", "x\na\nb") == (
        "--- a\n+++ b\n@@ -1,2 +1,3 @@\n+x\n a\n b\n\\ No newline at end of file\n"
    )


def test_yaml_lines_keep_cr_lf_and_show_other_breaks_as_line_feeds() -> None:
    """CR LF stays; CR, NEL, LS and PS end lines (as libyaml ends them) and show as LF."""
    old = "a\r\nb\rc\x85d\u2028e\u2029f\n"
    assert text_diff(old, old.replace("c", "C"), "x", "y") == (
        "--- x\n+++ y\n@@ -1,6 +1,6 @@\n a\r\n b\n-c\n+C\n d\n e\n f\n"
    )
    assert text_diff("a\rb\r", "a\nb\n", "x", "y") == (
        "--- x\n+++ y\n@@ -1,2 +1,2 @@\n-a\n-b\n+a\n+b\n"
    )


def test_markdown_breaks_are_the_callers() -> None:
    """A form feed ends no line unless the caller says so; a CR does when it does."""
    lines = ["a\x0c\n", "b\r"]
    assert "".join(unified_diff([], lines, "x", "y", breaks="\r\n")) == (
        "--- x\n+++ y\n@@ -0,0 +1,2 @@\n+a\x0c\n+b\n"
    )


def test_negative_context_is_refused() -> None:
    """Context is a number of lines: -1 is an error, not an empty diff."""
    with pytest.raises(ValueError, match="context"):
        list(hunks(["a"], ["b"], context=-1))


def test_hunks_say_where_each_edit_is() -> None:
    """The public hunks: ranges in the old and new lines, and each edit's tag and range."""
    assert list(hunks(list("abcdefghij"), list("abcXefghiY"), context=1)) == [
        Hunk(2, 5, 2, 5, ((" ", 2, 3), ("-", 3, 4), ("+", 3, 4), (" ", 4, 5))),
        Hunk(8, 10, 8, 10, ((" ", 8, 9), ("-", 9, 10), ("+", 9, 10))),
    ]


def test_matching_blocks_are_maximal_runs() -> None:
    """Adjacent matches found at different levels are one run."""
    assert list(matching_blocks(list("xabcdy"), list("zabcdw"))) == [(1, 1, 4)]
    assert list(matching_blocks(list("aXbYc"), list("aZbWc"))) == [(0, 0, 1), (2, 2, 1), (4, 4, 1)]


# -- applied by the real patch and git apply

LINE_TEXTS = (
    "a",
    "b",
    "c",
    "",
    " ",
    "  - id: standard",
    "--- a",
    "+++ b",
    "@@ -1 +1 @@",
    "\\ No newline at end of file",
    "-x",
    "+y",
)


@st.composite
def texts(draw: st.DrawFn, like: list[str] | None = None) -> list[str]:
    """Lines (LF or CR LF, the last perhaps without a break), from few texts or edited from ``like``."""
    line = st.tuples(st.sampled_from(LINE_TEXTS), st.sampled_from(("\n", "\r\n"))).map("".join)
    if like is None:
        lines = draw(st.lists(line, max_size=40))
    else:
        lines = list(like)
        for _ in range(draw(st.integers(0, 6))):
            at = draw(st.integers(0, len(lines)))
            kind = draw(st.sampled_from(("insert", "delete", "replace")))
            if kind == "insert":
                lines[at:at] = draw(st.lists(line, min_size=1, max_size=4))
            elif kind == "delete":
                del lines[at : at + draw(st.integers(1, 4))]
            else:
                lines[at : at + 1] = [draw(line)]
    text = "".join(lines)
    if draw(st.booleans()):
        text = text.removesuffix("\n").removesuffix("\r")
    # Split again: an edit may have put a line after one without a break.
    return text.splitlines(keepends=True)


@st.composite
def pairs(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Two texts: unrelated, or the second an edit of the first."""
    old = draw(texts())
    new = draw(texts(like=old) if draw(st.booleans()) else texts())
    return old, new


def changed_lines(diff_text: str) -> tuple[int, int]:
    """The number of removed and added lines of a diff (headers left out)."""
    body = [line for line in diff_text.splitlines() if not line.startswith(("--- ", "+++ "))]
    return sum(line.startswith("-") for line in body), sum(line.startswith("+") for line in body)


def applied(tool: list[str], old: str, diff_text: str) -> str:
    """Apply a diff of ``old.txt`` with ``tool`` in a fresh git repository; return the result."""
    with tempfile.TemporaryDirectory(prefix="pscatalog-linediff-") as folder:
        root = Path(folder)
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        (root / "old.txt").write_bytes(old.encode("utf-8"))
        (root / "change.diff").write_bytes(diff_text.encode("utf-8"))
        done = subprocess.run(
            [*tool, "change.diff"], cwd=root, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, (done.stdout, done.stderr, diff_text)
        return (root / "old.txt").read_bytes().decode("utf-8")


PATCH_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PATCH_SETTINGS
@given(pairs(), st.integers(0, 4))
def test_gnu_patch_turns_the_old_text_into_the_new(
    texts_: tuple[list[str], list[str]], context: int
) -> None:
    """GNU patch applies every diff to the old text and gives exactly the new text."""
    old, new = texts_
    diff_text = "".join(unified_diff(old, new, "old.txt", "old.txt", context=context))
    assert (diff_text == "") == (old == new)
    if old != new:
        # --input from the file; no backup files; fail rather than guess at fuzz.
        result = applied(
            ["patch", "--quiet", "--fuzz=0", "--no-backup-if-mismatch", "-i"],
            "".join(old),
            diff_text,
        )
        assert result == "".join(new)


@PATCH_SETTINGS
@given(pairs(), st.integers(0, 4))
def test_git_apply_turns_the_old_text_into_the_new(
    texts_: tuple[list[str], list[str]], context: int
) -> None:
    """Git's apply (with --unidiff-zero for diffs without context) gives exactly the new text."""
    old, new = texts_
    if context == 0:
        # git apply --unidiff-zero misplaces the removal of a last line without a break, even
        # in GNU diff's and git's own diffs (the test below); GNU patch applies those.
        assume(not old or old[-1].endswith("\n"))
    diff_text = "".join(unified_diff(old, new, "a/old.txt", "b/old.txt", context=context))
    if old != new:
        tool = ["git", "apply", "--whitespace=nowarn"]
        if context == 0:
            tool.append("--unidiff-zero")
        assert applied(tool, "".join(old), diff_text) == "".join(new)


def test_a_diff_without_context_is_the_one_gnu_diff_writes(tmp_path: Path) -> None:
    """The last line, without a break, removed: the same hunk as GNU diff -U0."""
    (tmp_path / "old").write_text("x\nc\nc", encoding="utf-8")
    (tmp_path / "new").write_text("x\nc\n", encoding="utf-8")
    gnu = subprocess.run(
        ["diff", "-U0", "--label", "a", "--label", "b", "old", "new"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert gnu.returncode == 1
    assert (
        diff("x\nc\nc", "x\nc\n", context=0)
        == gnu.stdout
        == ("--- a\n+++ b\n@@ -3 +2,0 @@\n-c\n\\ No newline at end of file\n")
    )


@settings(max_examples=300, deadline=None)
@given(pairs(), st.integers(0, 4))
def test_a_diff_is_never_larger_than_replacing_everything(
    texts_: tuple[list[str], list[str]], context: int
) -> None:
    """At most every old line removed and every new line added; the counts add up."""
    old, new = texts_
    removed, added = changed_lines("".join(unified_diff(old, new, "a", "b", context=context)))
    assert removed <= len(old)
    assert added <= len(new)
    assert removed - added == len(old) - len(new)


@settings(max_examples=300, deadline=None)
@given(texts(), texts(), texts(), texts())
def test_a_change_confined_to_a_block_shows_no_more_than_that_block(
    head: list[str], old_block: list[str], new_block: list[str], tail: list[str]
) -> None:
    """Lines the two texts share before and after a change are never shown as changed."""
    ended = [line if line.endswith("\n") else line + "\n" for line in head + old_block + new_block]
    head, old_block, new_block = (
        ended[: len(head)],
        ended[len(head) : len(head) + len(old_block)],
        ended[len(head) + len(old_block) :],
    )
    old, new = head + old_block + tail, head + new_block + tail
    removed, added = changed_lines("".join(unified_diff(old, new, "a", "b")))
    assert removed <= len(old_block)
    assert added <= len(new_block)


# -- work that grows as n log n, counted


def work(module: ModuleType, function: Callable[[], Any]) -> int:
    """Count the lines of ``module``'s code that run while ``function()`` runs.

    A line of Python is a constant amount of work, but for the builtins it
    calls; what this counts grows as the time does, without timing anything.
    """
    filename = module.__file__
    count = 0

    def local(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        return local if frame.f_code.co_filename == filename else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        function()
    finally:
        sys.settrace(previous)
    return count


def distinct(n: int, word: str = "line") -> list[str]:
    return [f"{word} {i}\n" for i in range(n)]


def ruler(n: int) -> tuple[list[str], list[str]]:
    """Line i holds how often 2 divides i: one unique line at each level, log n levels deep."""
    old = [f"level {(i & -i).bit_length()}\n" for i in range(1, n)]
    return old, [line if line != "level 1\n" else "changed\n" for line in old]


def anchored_blocks(n: int) -> tuple[list[str], list[str]]:
    """Unique lines between blocks where no line is unique: x y x y... against y x y x..."""
    old: list[str] = []
    new: list[str] = []
    for k in range(n // 33):
        old += [f"anchor {k}\n"] + ["x\n", "y\n"] * 16
        new += [f"anchor {k}\n"] + ["y\n", "x\n"] * 16
    return old, new


def shuffled(n: int) -> tuple[list[str], list[str]]:
    lines = distinct(n)
    return lines, random.Random(n).sample(lines, n)


def blank_runs(n: int) -> tuple[list[str], list[str]]:
    """Long runs of blank lines between text, each run one line shorter in the new text."""
    old: list[str] = []
    new: list[str] = []
    for k in range(n // 200):
        old += [f"text {k}\n"] + ["\n"] * 200
        new += [f"text {k}\n"] + ["\n"] * 199
    return old, new


ADVERSARIAL: dict[str, Callable[[int], tuple[list[str], list[str]]]] = {
    "all lines equal": lambda n: (["x\n"] * n, ["x\n"] * (n // 2) + ["y\n"] + ["x\n"] * (n // 2)),
    "all lines distinct": lambda n: (distinct(n), distinct(n, "other")),
    "every other line changed": lambda n: (
        distinct(n),
        [line if i % 2 else f"changed {i}\n" for i, line in enumerate(distinct(n))],
    ),
    "a text reversed": lambda n: (distinct(n), distinct(n)[::-1]),
    "shuffled": shuffled,
    "long runs of blank lines": blank_runs,
    "lines repeated thousands of times": lambda n: (
        [f"r{i % 3}\n" for i in range(n)],
        [f"r{(i + 1) % 3}\n" if i % 5 else "s\n" for i in range(n)],
    ),
    "x y against y x": lambda n: (["x\n", "y\n"] * (n // 2), ["y\n", "x\n"] * (n // 2)),
    "nested unique lines": ruler,
    "blocks without unique lines": anchored_blocks,
}


def diff_work(make: Callable[[int], tuple[list[str], list[str]]], n: int) -> int:
    old, new = make(n)
    return work(linediff, lambda: sum(1 for _ in unified_diff(old, new, "a", "b")))


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_work_grows_as_n_log_n_on_adversarial_input(name: str) -> None:
    """Four times the lines, at most about four times the work (sixteen if it were quadratic)."""
    make = ADVERSARIAL[name]
    small, large = diff_work(make, 2048), diff_work(make, 8192)
    assert small > 1000
    assert large / small < 5.5, (small, large)


def test_the_work_counter_sees_difflibs_quadratic_work() -> None:
    """The counter is no rubber stamp: difflib, on every other line changed, is quadratic."""
    make = ADVERSARIAL["every other line changed"]

    def difflib_work(n: int) -> int:
        old, new = make(n)
        return work(difflib, lambda: list(difflib.unified_diff(old, new)))

    assert difflib_work(1600) / difflib_work(400) > 10


def test_a_block_past_the_depth_limit_is_shown_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_DEPTH levels no anchor is looked for: a large block is shown as replaced."""
    old, new = ruler(2**10)
    changed = sum(line == "level 1\n" for line in old)
    assert changed_lines("".join(unified_diff(old, new, "a", "b"))) == (changed, changed)
    monkeypatch.setattr(linediff, "MAX_DEPTH", 3)
    # Three levels match "level 10", "level 9" and "level 8"; the 8 blocks of 127 lines
    # between them hold no unique line and are too large to match line by line.
    assert changed_lines("".join(unified_diff(old, new, "a", "b"))) == (8 * 127, 8 * 127)


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("catalog/jira.yaml", "catalog/jira.yaml"),
        ("café (rendered)", "café (rendered)"),
        ("x\n+++ evil.yaml", '"x\\n+++ evil.yaml"'),
        ("tab\tand\rcr", '"tab\\tand\\rcr"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("bidi\u202ex", '"bidi\\342\\200\\256x"'),
        ("esc\x1b[2J del\x7f nel\x85", '"esc\\033[2J del\\177 nel\\302\\205"'),
        ("not utf-8 \udcff", '"not utf-8 \\377"'),
    ],
)
def test_header_names_are_quoted_where_they_must_be(name: str, header: str) -> None:
    """A name with a break, a control, a quote or a backslash is C-quoted, as git quotes it."""
    assert "".join(unified_diff([], ["a\n"], name, name)).splitlines()[:2] == [
        f"--- {header}",
        f"+++ {header}",
    ]
