"""``pscatalog diff``: what changed in the catalog, and the rules for changes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from pscatalog.cli.common import (
    REPORT_FORMATS,
    baseline_option,
    config_option,
    echo,
    load_configuration,
    output_format_option,
    print_and_write,
    problems_line,
    quiet_option,
    refuse,
    report_option,
    with_baseline,
)

if TYPE_CHECKING:
    from pscatalog.checks.checker import ValidationResult
    from pscatalog.checks.config import Config


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option(
    "--format",
    "diff_format",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Markdown for a merge-request comment, or JSON for programs.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Enforce the rules for changes (D001-D004) instead of listing the changes.",
)
@click.option(
    "--merge-base",
    is_flag=True,
    help="Compare NEW with the commit where it left OLD (git merge-base), as a merge "
    "request does. OLD defaults to the branch the work will merge into (the remote's "
    "HEAD, main or master), NEW to the commit being pushed (pre-push hook) or HEAD.",
)
@output_format_option("With --check: how to print the findings.")
@report_option(
    f"With --check: also write a report for CI; repeatable. FORMAT: {', '.join(REPORT_FORMATS)}."
)
@baseline_option("Count each side's problems less those recorded in this baseline file.")
@quiet_option
@config_option
@click.pass_context
def diff(
    ctx: click.Context,
    old: str | None,
    new: str | None,
    diff_format: str,
    check: bool,
    merge_base: bool,
    output_format: str,
    reports: list[tuple[str, Path]],
    baseline_path: Path | None,
    quiet: bool,
) -> None:
    """Show what changed in the catalog from OLD to NEW.

    OLD and NEW are catalog folders or git revisions. An argument written as
    a path (./old, /abs/old, old/) is a folder; a name that is both a folder
    and a revision is refused as ambiguous (exit 2), so that no folder can
    stand in for a revision; otherwise a folder is a folder and a revision of
    the git repository around the catalog is a revision, whose catalog (found
    as validate finds it) is read at that revision without touching the work
    tree. An empty argument is a usage error.

    Lists offerings added, removed and renamed (a new id with the same SKUs),
    maturity promotions and demotions, variants added, removed and changed
    (SKU, price, duration, ...), SKUs added and removed, and other changes of
    an offering. A side with YAML or schema errors is refused (exit 1); its
    other problems are counted in one line on standard error.

    With --check, the rules for changes are enforced instead, and their
    findings reported as validate reports its own (exit 1 on an error): a
    maturity rises one step at a time unless its evidence changes too; a
    demotion says why (maturity_reason); a SKU is retired (retired: true)
    before it is renamed or removed; an offering sold with a SKU is not deleted
    outright. Reports name each file by its path in the work tree and give
    lines of NEW; a deleted offering is placed at its file's 'offerings' key,
    with where it was in OLD.

    With --merge-base (the pre-push hook: 'pscatalog diff --check
    --merge-base'), OLD is where NEW left it, as in a merge request; with
    nothing to compare with (the remote has no branch yet), there is nothing
    to check.
    """
    from pscatalog.tools.diffing import DIFF_FORMATS, diff_catalogs

    config = load_configuration(ctx)
    if merge_base:
        sides = _merge_base_sides(old, new)
        if sides is None:
            if not quiet:
                echo("pscatalog: no branch to compare with; nothing to check", err=True)
            return
        old, new = sides
    elif old is None or new is None:
        raise click.UsageError("name OLD and NEW (or use --merge-base)")
    if check:
        from pscatalog.rules.registry import CODES
        from pscatalog.tools.diffing import base_config

        # What reviews a change comes from before it: the old revision's configuration.
        config = base_config(old, config, known_codes=CODES)
    read = [
        with_baseline(_read_side(spec, config, check=check and spec == new), baseline_path)
        for spec in (old, new)
    ]
    for spec, result in zip((old, new), read, strict=True):
        if not result.readable:
            refuse(result, spec, "diff")
        elif not quiet and (line := problems_line(result, spec, validate_hint=False)):
            echo(line, err=True)
    if not all(result.readable for result in read):
        ctx.exit(1)
    before, after = read[0].catalogs[0], read[1].catalogs[0]
    if not check:
        echo(DIFF_FORMATS[diff_format](diff_catalogs(before, after)), nl=False)
        return
    from pscatalog.checks.changes import check_changes
    from pscatalog.tools.diffing import in_work_tree

    result = in_work_tree(read[0], read[1], check_changes(before, after, config))
    print_and_write(result, output_format, reports, quiet=quiet)
    ctx.exit(result.exit_code)


def _read_side(spec: str, config: Config, *, check: bool) -> ValidationResult:
    """Read a side of a diff; the new side of a change check says why a moved catalog fails."""
    from pscatalog.errors import UsageError
    from pscatalog.tools.diffing import read_side

    try:
        return read_side(spec, config=config)
    except UsageError as exc:
        if not check or "no catalog" not in str(exc):
            raise
        raise UsageError(
            f"{exc}: the change check reads the catalog where the old revision keeps it; "
            "a change that moves the catalog is reviewed by hand"
        ) from None


def _merge_base_sides(old: str | None, new: str | None) -> tuple[str, str] | None:
    """Return (merge base, NEW) for --merge-base; ``None`` when there is no branch to compare."""
    from pscatalog.tools.hooks import merge_base, push_target, pushed_revision

    target = push_target(old)
    if target is None:
        return None
    revision = pushed_revision(new)
    return merge_base(target, revision), revision
