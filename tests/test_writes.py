"""Nothing pscatalog writes can damage a file: each case users and attackers found, as owed.

Every case runs the command a user runs and asserts the exact text written
(or that the file is byte for byte as it was), the exit code and what is
printed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from helpers import category_file, write_catalog
from pscatalog.catalog.schemas import CATEGORY
from pscatalog.checks.config import Config
from pscatalog.cli.main import cli
from pscatalog.files.writer import WriteRefused, write_atomically
from pscatalog.tools.fixing import fix_catalog
from pscatalog.tools.formatting import format_text


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def catalog_with(root: Path, body: str) -> Path:
    """./catalog with x.yaml holding ``body`` (offerings, dedented) under a category head."""
    write_catalog(root / "catalog", {"x.yaml": category_file(body)})
    return root / "catalog" / "x.yaml"


# -- fixes change only the node they fix


def test_maturity_fix_in_a_flow_mapping_changes_only_the_maturity(in_tmp: Path) -> None:
    """C004's fix lowercases 'Minimal' and nothing else: names keep their capitals."""
    path = catalog_with(
        in_tmp,
        "- {id: jira, maturity: Minimal, name: JIRA Cloud, variants: [{id: custom, "
        "name: Custom JIRA}]}\n",
    )
    code, out, err = run("validate", "--fix", "--output-format", "concise", str(path))
    assert (code, out) == (0, "")
    assert err == (
        "Fixed 1 finding (C004 x1); 1 file changed (fixes and canonical layout); 0 findings left.\n"
    )
    assert path.read_text(encoding="utf-8") == (
        "id: integration\n"
        "name: Integration Services\n"
        "level: product\n"
        "offerings:\n"
        "  - id: jira\n"
        "    name: JIRA Cloud\n"
        "    maturity: minimal\n"
        "    variants:\n"
        "      - id: custom\n"
        "        name: Custom JIRA\n"
    )


def test_yaml11_fix_quotes_one_item_of_a_flow_list_and_a_key(in_tmp: Path) -> None:
    """Y003's fix quotes `on` inside [Plan, on, Create] and the key `no`; the file still reads."""
    path = catalog_with(
        in_tmp,
        "- id: jira\n"
        "  name: JIRA\n"
        "  maturity: minimal\n"
        "  stages: [Plan, on, Create]\n"
        "  no: 3\n"
        "  variants:\n"
        "    - id: custom\n",
    )
    code, out, _ = run("validate", "--fix", "--output-format", "concise", str(path))
    assert (code, out) == (1, "catalog/x.yaml:14:5: error S001 unknown key 'no'\n")
    assert path.read_text(encoding="utf-8") == (
        "id: integration\n"
        "name: Integration Services\n"
        "level: product\n"
        "offerings:\n"
        "  - id: jira\n"
        "    name: JIRA\n"
        "    maturity: minimal\n"
        "    stages:\n"
        "      - Plan\n"
        '      - "on"\n'
        "      - Create\n"
        "    variants:\n"
        "      - id: custom\n"
        '    "no": 3\n'
    )


def test_unsafe_fix_inserts_into_a_flow_list_in_flow_style(in_tmp: Path) -> None:
    """C001's fix adds {id: custom} inside variants: [{id: remote}], not a block line above it."""
    path = catalog_with(
        in_tmp, "- id: jira\n  name: JIRA\n  maturity: minimal\n  variants: [{id: remote}]\n"
    )
    code, _, err = run("validate", "--fix", "--unsafe-fixes", str(path))
    assert code == 0
    assert err.startswith("Fixed 1 finding (C001 x1); 1 file changed")
    assert path.read_text(encoding="utf-8").endswith(
        "    variants:\n      - id: custom\n      - id: remote\n"
    )


@pytest.mark.parametrize(
    ("newline", "comment_end"),
    [("\n", "\u2028"), ("\n", "\x85"), ("\r", ""), ("\r\n", "\u2029")],
    ids=["after-LS", "after-NEL", "CR-only", "CRLF-after-PS"],
)
def test_fix_edits_the_line_the_parser_means(in_tmp: Path, newline: str, comment_end: str) -> None:
    """With odd line ends before it, the maturity fix edits the maturity, never the next line."""
    lines = [
        "id: integration",
        "name: Integration Services",
        "level: product",
        f"# a note{comment_end}",
        "offerings:",
        "  - id: jira",
        "    name: JIRA",
        "    maturity: Minimal",
        "    variants:",
        "      - id: custom",
    ]
    path = in_tmp / "catalog" / "x.yaml"
    write_catalog(in_tmp / "catalog", {})
    path.write_bytes(newline.join([*lines, ""]).encode("utf-8"))
    code, out, _ = run("validate", "--fix", "--output-format", "concise", str(path))
    assert (code, out) == (0, "")
    written = path.read_bytes().decode("utf-8")
    expected_newline = "\r\n" if newline == "\r\n" else "\n"
    assert written.split(expected_newline) == [
        "id: integration",
        "name: Integration Services",
        "level: product",
        "# a note",
        "offerings:",
        "  - id: jira",
        "    name: JIRA",
        "    maturity: minimal",
        "    variants:",
        "      - id: custom",
        "",
    ]


# -- what fmt, import and export write is a string for every reader


def test_fmt_keeps_what_other_readers_read_as_numbers_and_keeps_a_quoted_merge_key() -> None:
    """'=' and 'n' come out quoted, a quoted '<<' stays quoted; a plain .inf stays plain.

    A plain .inf, .NaN, 1e400 or 101 digits is a number to every other reader
    (text to pscatalog): quoting it would change it for them. Quoted, each stays
    quoted (tests/test_formatting.py).
    """
    text = (
        "id: odd\n"
        "name: n\n"
        "level: product\n"
        "offerings:\n"
        "  - id: odd-one\n"
        "    summary: .inf\n"
        "    '<<': quoted\n"
        "    x1: .NaN\n"
        "    x2: 1e400\n"
        f"    x3: {'1' * 101}\n"
        "    x4: =\n"
    )
    assert format_text(text, CATEGORY) == (
        "id: odd\n"
        'name: "n"\n'
        "level: product\n"
        "offerings:\n"
        "  - id: odd-one\n"
        "    summary: .inf\n"
        '    !!str "<<": quoted\n'
        "    x1: .NaN\n"
        "    x2: 1e400\n"
        f"    x3: {'1' * 101}\n"
        '    x4: "="\n'
    )


def test_plain_merge_key_stays_a_merge() -> None:
    """An unquoted '<<' merges a mapping in, before and after formatting."""
    text = "base: &b {id: a}\nid: x\nname: X\nlevel: product\nother:\n  <<: *b\n  name: Y\n"
    formatted = format_text(text, CATEGORY)
    assert "  <<: *b\n" in formatted


def test_export_quotes_what_other_readers_misread(in_tmp: Path) -> None:
    """services-yml export writes name 'n' and short_desc '=' quoted."""
    catalog_with(
        in_tmp,
        "- id: n\n  name: n\n  summary: =\n  maturity: minimal\n  variants:\n    - id: custom\n",
    )
    code, out, _ = run("export", "--format", "services-yml")
    assert code == 0
    assert '  name: "n"\n' in out
    assert '  short_desc: "="\n' in out


# -- suppressions stay where they suppress


def test_fmt_keeps_an_end_of_line_suppression_on_its_line(in_tmp: Path) -> None:
    """A suppression after a flow list keeps the list on its line; validate still passes."""
    path = catalog_with(
        in_tmp,
        "- id: jira\n"
        "  variants: [{id: custom}]  # pscatalog: ignore[S001] a list of one\n"
        "  name: JIRA\n"
        "  maturity: minimal\n"
        "  stages: [a, b]  # pscatalog: ignore[S001] kept for the order system\n",
    )
    assert run("validate", str(path))[0] == 0
    code, out, err = run("fmt", str(path))
    assert (code, out, err) == (0, "reformatted catalog/x.yaml\n1 file reformatted.\n", "")
    assert path.read_text(encoding="utf-8").endswith(
        "  - id: jira\n"
        "    name: JIRA\n"
        "    maturity: minimal\n"
        "    stages: [a, b]  # pscatalog: ignore[S001] kept for the order system\n"
        "    variants: [{id: custom}]  # pscatalog: ignore[S001] a list of one\n"
    )
    assert run("validate", str(path))[0] == 0


def test_suppression_inside_a_string_suppresses_nothing(in_tmp: Path) -> None:
    """Text that looks like a suppression in a value or a URL fragment is not a comment."""
    path = catalog_with(
        in_tmp,
        "- id: jira\n"
        "  name: 'JIRA # pscatalog: ignore[C004] not a comment'\n"
        "  maturity: Minimal\n"
        "  summary: |\n"
        "    # pscatalog: ignore[C004] text of a block scalar\n"
        "  sow: https://example.com/x#pscatalog:ignore[C004]\n"
        "  variants:\n"
        "    - id: custom\n",
    )
    code, out, _ = run("validate", "--output-format", "concise", "--", str(path))
    assert code == 1
    assert (
        "catalog/x.yaml:7:15: error C004 maturity 'Minimal' must be written in lowercase\n" in out
    )
    assert "N001" not in out


# -- the files themselves


def test_new_files_get_the_mode_the_umask_gives(in_tmp: Path) -> None:
    """A report, a baseline and an export are created 0644 under umask 022, 0600 under 077."""
    write_catalog(in_tmp / "catalog", {})
    previous = os.umask(0o022)
    try:
        run("validate", "--report", "gitlab:cq.json")
        run("baseline", "-o", "base.json")
        run("export", "-o", "tree.json")
        os.umask(0o077)
        run("export", "-o", "private.json")
    finally:
        os.umask(previous)
    modes = {
        name: stat.S_IMODE((in_tmp / name).stat().st_mode)
        for name in ("cq.json", "base.json", "tree.json", "private.json")
    }
    assert modes == {
        "cq.json": 0o644,
        "base.json": 0o644,
        "tree.json": 0o644,
        "private.json": 0o600,
    }


def test_rewrite_keeps_mode_owner_and_hard_links(in_tmp: Path) -> None:
    """Fmt writes a hard-linked, group-owned file in place: both names see it, owner kept."""
    path = catalog_with(
        in_tmp, "- id: jira\n  maturity: minimal\n  name: JIRA\n  variants:\n    - id: custom\n"
    )
    link = in_tmp / "linked.yaml"
    os.link(path, link)
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, 4321, 4321)
    assert run("fmt", str(path))[0] == 0
    status = path.stat()
    assert (stat.S_IMODE(status.st_mode), status.st_nlink) == (0o640, 2)
    assert link.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    assert "    name: JIRA\n    maturity: minimal\n" in link.read_text(encoding="utf-8")
    if os.geteuid() == 0:
        assert (status.st_uid, status.st_gid) == (4321, 4321)


def test_a_failed_check_writes_nothing(tmp_path: Path) -> None:
    """The writer refuses a text its check refuses: the file is byte for byte as it was."""
    path = tmp_path / "x.yaml"
    path.write_bytes(b"id: a\r\n")

    def refuse(text: str) -> None:
        raise ValueError("the new text would read as different data")

    with pytest.raises(WriteRefused) as caught:
        write_atomically(path, "id: b\n", check=refuse)
    assert str(caught.value) == (
        f"refusing to write {path}: the new text would read as different data; "
        "the file is left as it was"
    )
    assert path.read_bytes() == b"id: a\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    """A second run that changed the file first wins; this write is refused."""
    path = tmp_path / "x.yaml"
    path.write_text("id: changed by someone else\n", encoding="utf-8")
    with pytest.raises(WriteRefused, match="it changed on disk since pscatalog read it"):
        write_atomically(path, "id: mine\n", previous="id: as read\n")
    assert path.read_text(encoding="utf-8") == "id: changed by someone else\n"


def test_fix_diff_on_a_clean_catalog_reports_nothing(in_tmp: Path) -> None:
    """--fix --diff checks the fixed texts in place, so a modeline's ../schema is found."""
    catalog = write_catalog(in_tmp / "catalog", {})
    (in_tmp / "schema").mkdir()
    run("schema", "--output", "schema")
    for path in catalog.iterdir():
        kind = "levels" if path.name == "levels.yaml" else "category"
        modeline = f"# yaml-language-server: $schema=../schema/{kind}.schema.json\n"
        path.write_text(modeline + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("fmt", str(catalog))[0] == 0
    result = fix_catalog([catalog], config=Config(), write=False)
    assert (result.changes, result.remaining.diagnostics) == ({}, [])


def test_render_write_refuses_a_page_whose_text_outside_its_regions_would_change(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If rendering ever touched the page around a region, nothing is written (exit 1)."""
    from pscatalog.outputs import rendering

    write_catalog(in_tmp / "catalog", {})
    page = in_tmp / "page.md"
    original = "# Services\n\n<!-- pscatalog:begin maturity -->\nold\n<!-- pscatalog:end -->\n"
    page.write_text(original, encoding="utf-8")
    real_fill = rendering._fill

    def careless(text: str, regions: Any, render_view: Any) -> tuple[str, list[Any]]:
        filled, stale = real_fill(text, regions, render_view)
        return filled.replace("# Services", "# Servicez"), stale

    monkeypatch.setattr(rendering, "_fill", careless)
    assert run("render", "--write", "page.md") == (
        1,
        "1 page could not be written.\n",
        "page.md: error: not written: text outside its regions would change; the page is "
        "left as it was\n",
    )
    assert page.read_text(encoding="utf-8") == original


def test_a_read_only_file_is_left_as_it_is(tmp_path: Path) -> None:
    """A file without write permission is not replaced, though its folder would allow it."""
    path = tmp_path / "x.yaml"
    path.write_text("id: a\n", encoding="utf-8")
    path.chmod(0o444)
    with pytest.raises(WriteRefused, match="it is read-only"):
        write_atomically(path, "id: b\n")
    assert path.read_text(encoding="utf-8") == "id: a\n"


def test_nothing_is_written_into_a_git_folder(tmp_path: Path) -> None:
    """A report named through a link into .git (a merge request can commit one) is refused."""
    from pscatalog.files.writer import UnsafeWrite

    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(".git/config")
    with pytest.raises(UnsafeWrite, match=r"it leads into a \.git folder"):
        write_atomically(link, "{}")
    assert (tmp_path / ".git" / "config").read_text(encoding="utf-8") == "[core]\n"


def test_a_report_replaces_a_link_committed_under_its_name(in_tmp: Path) -> None:
    """--report writes a file where a link stood; what the link led to is untouched."""
    write_catalog(in_tmp / "catalog", {})
    (in_tmp / "data.txt").write_text("keep\n", encoding="utf-8")
    (in_tmp / "cq.json").symlink_to("data.txt")
    assert run("validate", "--report", "gitlab:cq.json")[0] == 0
    assert not (in_tmp / "cq.json").is_symlink()
    assert (in_tmp / "data.txt").read_text(encoding="utf-8") == "keep\n"


def test_two_writes_at_once_take_turns_and_the_second_finds_the_file_changed(
    tmp_path: Path,
) -> None:
    """While one run holds the folder, another waits; then it sees the change and refuses."""
    import fcntl
    import threading

    path = tmp_path / "x.yaml"
    path.write_text("id: a\n", encoding="utf-8")
    folder = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(folder, fcntl.LOCK_EX)  # as a first run would, between its check and replace
    outcome: list[BaseException | None] = []

    def second_run() -> None:
        try:
            write_atomically(path, "id: second\n", previous="id: a\n")
            outcome.append(None)
        except WriteRefused as exc:
            outcome.append(exc)

    thread = threading.Thread(target=second_run)
    thread.start()
    thread.join(timeout=0.5)
    assert thread.is_alive()  # waiting for the lock
    path.write_text("id: first\n", encoding="utf-8")  # the first run's write
    os.close(folder)
    thread.join(timeout=30)
    assert [str(error) for error in outcome] == [
        f"refusing to write {path}: it changed on disk since pscatalog read it; "
        "the file is left as it was"
    ]
    assert path.read_text(encoding="utf-8") == "id: first\n"


def test_an_export_prints_nothing_a_ci_runner_would_run(in_tmp: Path) -> None:
    """services-yml keeps a text whose line starts with '::' on one quoted line; JSON escapes."""
    catalog_with(
        in_tmp,
        '- id: jira\n  name: JIRA\n  summary: "ok\\n::error file=a::pwn\\n##[warning]x"\n'
        "  maturity: minimal\n  variants:\n    - id: custom\n",
    )
    for export_format in ("services-yml", "json"):
        code, out, _ = run("export", "--format", export_format)
        assert code == 0
        assert not [line for line in out.splitlines() if line.lstrip().startswith("::")]
        assert "##[" not in out
