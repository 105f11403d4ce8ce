"""``pscatalog diff``: what changed in the catalog, and the rules for changes."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

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
    "request does. OLD defaults to the branch the work will merge into "
    "(refs/remotes/REMOTE/HEAD, main or master), NEW to what is pushed (pre-push hook: "
    "the ref pre-commit names, the first of the push) or HEAD.",
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
    lines of NEW; a finding about what NEW no longer has (a deleted offering)
    is placed where NEW keeps what it belonged to (its file's or its
    category's 'offerings' key, else its level), its message saying where it
    was in OLD. When NEW has YAML or schema errors, they are reported, and
    written to every --report, instead (exit 1).

    With --merge-base (the pre-push hook: 'pscatalog diff --check
    --merge-base'), OLD is where NEW left it, as in a merge request; in the
    pre-push hook the ref pre-commit names is checked: the first of a push
    that sends several (CI's change job checks every merge request); other
    local branches are not, since the push may not send them. With nothing
    to compare with (the remote has no branch yet), there is nothing to
    check.
    """
    from pscatalog.tools.diffing import DIFF_FORMATS, diff_catalogs

    config = load_configuration(ctx)
    if merge_base:
        sides = _merge_base_sides(old, new, every=check)
        if not sides:
            if not quiet:
                why = "no branch to compare with" if sides is None else "nothing pushed to compare"
                echo(f"pscatalog: {why}; nothing to check", err=True)
            return
    elif old is None or new is None:
        raise click.UsageError("name OLD and NEW (or use --merge-base)")
    else:
        sides = [_Sides(old, new)]
    if not check:
        read = [
            _read_side(spec, config, check=False, baseline_path=baseline_path)
            for spec in sides[0][:2]
        ]
        _say_problems(read, sides[0], quiet=quiet, merge_base=merge_base)
        if not all(result.readable for result in read):
            ctx.exit(1)
        before, after = read[0].catalogs[0], read[1].catalogs[0]
        echo(DIFF_FORMATS[diff_format](diff_catalogs(before, after)), nl=False)
        return
    results = []
    for side in sides:
        if side.heading and not quiet:
            echo(side.heading, err=True)
        result = _check(side, config, baseline_path, quiet=quiet, merge_base=merge_base)
        if result is not None:
            print_and_write(result, output_format, [], quiet=quiet)
        results.append(result)
    checked = [result for result in results if result is not None]
    if reports and checked:
        _write_reports(_together(checked), reports)
    ctx.exit(1 if any(result is None or result.exit_code for result in results) else 0)


class _Sides(NamedTuple):
    """The two sides of a comparison, and how to name it when a push sends several."""

    old: str
    new: str
    heading: str | None = None


def _check(
    sides: _Sides, config: Config, baseline_path: Path | None, *, quiet: bool, merge_base: bool
) -> ValidationResult | None:
    """Enforce the rules for changes between two sides; ``None`` when OLD cannot be read.

    When NEW has YAML or schema errors, the result holds those (the rules for
    changes need a catalog that reads as the schema defines it), so that the
    reports still show the merge request what to fix.
    """
    from pscatalog.checks.changes import check_changes
    from pscatalog.rules.registry import CODES
    from pscatalog.tools.diffing import base_config, in_work_tree, structural_errors

    # What reviews a change comes from before it: the old revision's configuration.
    new_config = base_config(sides.new, config, known_codes=CODES)
    config = base_config(sides.old, config, known_codes=CODES)
    _refuse_a_moved_catalog(sides, config, new_config)
    read = [
        _read_side(spec, config, check=spec == sides.new, baseline_path=baseline_path)
        for spec in sides[:2]
    ]
    _say_problems(read, sides, quiet=quiet, merge_base=merge_base, refuse_new=False)
    old, new = read
    if not old.readable:
        return None
    if not new.readable:
        echo(
            f"pscatalog: {_named(sides.new)} has YAML or schema errors; the rules for changes "
            "need them fixed",
            err=True,
        )
        return in_work_tree(old, new, structural_errors(new))
    return in_work_tree(old, new, check_changes(old.catalogs[0], new.catalogs[0], config))


def _refuse_a_moved_catalog(sides: _Sides, old: Config, new: Config) -> None:
    """Raise :class:`UsageError` when NEW configures its catalog elsewhere than OLD keeps it.

    The change check reads both sides where the old revision keeps the catalog;
    a change that also configures another folder (a copy left at the old place)
    would be compared with what it no longer uses.
    """
    from pscatalog.errors import UsageError

    def real(config: Config) -> str | None:
        return os.path.realpath(config.catalog) if config.catalog is not None else None

    if old.catalog is not None and new.catalog is not None and real(new) != real(old):
        raise UsageError(
            f"{_named(sides.new)} configures the catalog as '{os.path.relpath(new.catalog)}', "
            f"and {_named(sides.old)} keeps it at '{os.path.relpath(old.catalog)}': the change "
            "check reads the catalog "
            "where the old revision keeps it; a change that moves the catalog is reviewed "
            "by hand"
        )


def _say_problems(
    read: list[ValidationResult],
    sides: _Sides,
    *,
    quiet: bool,
    merge_base: bool,
    refuse_new: bool = True,
) -> None:
    """Print why a side cannot be compared, or count its other problems in one line.

    With --merge-base, OLD is the branch the work merges into: its problems
    are not the push's, and are not counted.
    """
    for index, (spec, result) in enumerate(zip(sides[:2], read, strict=True)):
        is_new = index == 1
        if not result.readable:
            if refuse_new or not is_new:
                refuse(result, _named(spec), "diff")
        elif not quiet and not (merge_base and not is_new):
            line = problems_line(result, _named(spec), validate_hint=False)
            if line:
                echo(line + _how_to_see(spec), err=True)


def _named(spec: str) -> str:
    """Return how messages name a side: a folder as written, a commit by short id and subject.

    ``HEAD~1 (commit 1a2b3c4 "Its subject")``; a commit id alone (as CI and the
    pre-push hook give) is not repeated.
    """
    from pscatalog.tools.diffing import is_folder_side
    from pscatalog.tools.hooks import describe

    if is_folder_side(spec):
        return spec
    described = describe(spec)
    if re.fullmatch(r"[0-9a-f]{7,64}", spec) or described == spec:
        return described
    return f"{spec} ({described})"


def _how_to_see(spec: str) -> str:
    """Return where the problems counted for a side are shown."""
    from pscatalog.tools.diffing import is_folder_side
    from pscatalog.tools.hooks import is_head

    if is_folder_side(spec):
        # The folder as the user wrote it, quoted for a shell where it needs to be.
        return f"; 'pscatalog validate {shlex.quote(spec)}' shows them"
    if is_head(spec):
        return "; 'pscatalog validate' shows them"
    return "; 'pscatalog validate' on a checkout of it shows them"


def _read_side(
    spec: str, config: Config, *, check: bool, baseline_path: Path | None
) -> ValidationResult:
    """Read a side of a diff; the new side of a change check says why a moved catalog fails."""
    from pscatalog.errors import UsageError
    from pscatalog.tools.diffing import read_side

    try:
        return with_baseline(read_side(spec, config=config), baseline_path)
    except UsageError as exc:
        if not check or "no catalog" not in str(exc):
            raise
        raise UsageError(
            f"{exc}: the change check reads the catalog where the old revision keeps it; "
            "a change that moves the catalog is reviewed by hand"
        ) from None


def _merge_base_sides(old: str | None, new: str | None, *, every: bool) -> list[_Sides] | None:
    """Return (merge base, pushed commit) of each push; ``None`` when there is no branch.

    ``every``: each ref the push sends (the change check); else the first.
    """
    from pscatalog.tools.hooks import describe, pushes

    found = pushes(old, new)
    if found is None:
        return None
    if not every:
        found = found[:1]
    sides = []
    for push in found:
        heading = (
            f"pscatalog: checking {push.name} ({describe(push.commit)}) against "
            f"{push.target.removeprefix('refs/remotes/').removeprefix('refs/heads/')}"
        )
        sides.append(_Sides(push.base, push.commit, heading if every else None))
    return sides


def _together(results: list[ValidationResult]) -> ValidationResult:
    """Return one result holding the findings of every comparison, for the reports."""
    from pscatalog.checks.checker import ValidationResult

    if len(results) == 1:
        return results[0]
    together = ValidationResult()
    for result in results:
        together.diagnostics.extend(result.diagnostics)
        together.catalogs.extend(result.catalogs)
        together.files.extend(name for name in result.files if name not in together.files)
        together.moved.update(result.moved)
    return together


def _write_reports(result: ValidationResult, reports: list[tuple[str, Path]]) -> None:
    """Write each ``--report`` file of the change check."""
    from pscatalog.cli.common import refuse_catalog_files
    from pscatalog.files.writer import write_atomically
    from pscatalog.outputs.reporters import REPORTER_BY_NAME
    from pscatalog.outputs.wellformed import CHECK_BY_FORMAT

    refuse_catalog_files([path for _, path in reports], result, "report")
    for name, path in reports:
        # A fresh output: a link committed under its name is replaced, never written through.
        report = REPORTER_BY_NAME[name](result)
        write_atomically(path, report, check=CHECK_BY_FORMAT[name], follow_links=False)
