"""``pscatalog validate`` and ``pscatalog baseline``: the catalog's findings."""

from __future__ import annotations

import time
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
    output_option,
    print_and_write,
    quiet_option,
    refuse_catalog_files,
    report_option,
    with_baseline,
)

if TYPE_CHECKING:
    from pscatalog.checks.checker import ValidationResult
    from pscatalog.checks.config import Config
    from pscatalog.files.sources import Files
    from pscatalog.tools.hooks import Staged


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@output_format_option("How to print the findings.")
@report_option(f"Also write a report for CI; repeatable. FORMAT: {', '.join(REPORT_FORMATS)}.")
@baseline_option("Fail only on findings that are not in this baseline file ('pscatalog baseline').")
@click.option("--fix", is_flag=True, help="Apply the safe fixes, then report what is left.")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix: apply the unsafe fixes too (they decide something, e.g. add a variant).",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="With --fix: print the changes as a unified diff and write nothing.",
)
@click.option(
    "--staged",
    is_flag=True,
    help="Check the commit git's index holds (the pre-commit hook), read from the index: "
    "PATHS and the catalog files the index adds, changes, deletes or renames; nothing when "
    "it touches none.",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print on standard error where the time went, stage by stage: configuration, "
    "load, schema, rules, matching, filter, sort, baseline, report.",
)
@quiet_option
@config_option
@click.pass_context
def validate(
    ctx: click.Context,
    paths: tuple[Path, ...],
    output_format: str,
    reports: list[tuple[str, Path]],
    baseline_path: Path | None,
    fix: bool,
    unsafe_fixes: bool,
    show_diff: bool,
    staged: bool,
    statistics: bool,
    quiet: bool,
) -> None:
    """Check catalog files against the schema and the framework's rules.

    PATHS are catalog folders, folders that hold a 'catalog' folder, or files
    in a catalog folder (the catalog found from the current folder if none).
    With files, the whole catalog is read and the findings that involve the
    named files are shown: those in them, and those they cause elsewhere (a
    renamed level breaks the categories that name it). A repeat (a duplicate
    id or SKU) is placed in the named file, with the other place as related.

    With --fix, the safe fixes are applied first (a maturity's letter case, a
    value YAML 1.1 would misread, the modeline, the canonical layout; with
    --unsafe-fixes also a 'custom' variant where an offering has no base
    variant), and what is left is reported. Fixes keep every comment.

    Exits with 0 when there is no error, 1 when there is one, 2 when the
    check cannot run.
    """
    if (unsafe_fixes or show_diff) and not fix:
        raise click.UsageError("--unsafe-fixes and --diff go with --fix")
    if staged and fix:
        raise click.UsageError("--staged and --fix cannot be used together")
    started = time.perf_counter()
    files: Files | None = None
    deleted: tuple[Path, ...] = ()
    if staged:
        staging = _staged(ctx, paths, baseline_path, quiet=quiet)
        if staging is None:
            if not quiet:
                echo("No catalog file changed.")
            return
        config, files, change = staging.config, staging.files, staging.change
        if not change.settings:
            paths, deleted = change.changed, change.deleted
        else:  # the configuration, a schema or the baseline changed: the verdict on every file
            paths = ()
    else:
        config = load_configuration(ctx)
    from pscatalog.checks.checker import Stopwatch
    from pscatalog.checks.checker import validate as run_validation
    from pscatalog.files.sources import DISK

    clock = Stopwatch()
    clock.mark = started
    with clock("config"):
        pass
    refused = False
    if fix:
        result, refused = _fixed(
            paths, config, unsafe=unsafe_fixes, show_diff=show_diff, quiet=quiet
        )
        result.timings = clock.timings
    else:
        result = run_validation(
            paths, config=config, clock=clock, deleted=deleted, files=files or DISK
        )
    if baseline_path is not None:
        with clock("baseline"):
            result = with_baseline(result, baseline_path)
    with clock("report"):
        print_and_write(result, output_format, reports, quiet=quiet)
    if statistics:
        echo(_statistics(result), err=True, nl=False)
    ctx.exit(1 if refused else result.exit_code)


def _staged(
    ctx: click.Context, paths: tuple[Path, ...], baseline_path: Path | None, *, quiet: bool
) -> Staged | None:
    """Return the commit git's index holds; ``None`` when it changes nothing to check.

    The catalog and the configuration are read from the index; each catalog or
    configuration file the work tree has otherwise is named in a note. A
    baseline that is not in the work tree as the index holds it stops the
    check (exit 1).
    """
    # Before the checker is imported: a commit that changes no catalog file costs
    # little more than one git process.
    from pscatalog.cli.common import CONFIG_KEY, echo_error
    from pscatalog.tools.hooks import NotStaged, read_staged

    named = ctx.find_root().meta.get(CONFIG_KEY)
    config_path = named if isinstance(named, Path) else None
    try:
        staging = read_staged(paths, config_path=config_path, baseline=baseline_path)
    except NotStaged as exc:
        echo_error(f"pscatalog: error: {exc}")
        ctx.exit(1)
    if staging is None or staging.change.empty:
        return None
    if not quiet:
        for unstaged in staging.unstaged:
            echo(unstaged.note(), err=True)
    return staging


def _fixed(
    paths: tuple[Path, ...], config: Config, *, unsafe: bool, show_diff: bool, quiet: bool
) -> tuple[ValidationResult, bool]:
    """Apply the fixes (or print them as a diff).

    Return what is left, and whether a file was refused.
    """
    from pscatalog.tools.fixing import fix_catalog

    fixes = fix_catalog(paths, config=config, unsafe=unsafe, write=not show_diff)
    if show_diff:
        echo(fixes.diff(), nl=False)
    echo(fixes.refusals(), err=True, nl=False)
    if not quiet:
        echo(fixes.summary(), err=True)
    return fixes.remaining, bool(fixes.refused)


def _statistics(result: ValidationResult) -> str:
    offerings = sum(len(catalog.offerings) for catalog in result.catalogs)
    total = sum(result.timings.values())
    lines = [
        f"{len(result.files)} files, {offerings} offerings, {len(result.diagnostics)} findings"
    ]
    lines += [
        f"  {stage:<9}{seconds * 1000:9.1f} ms  {seconds / (total or 1):6.1%}"
        for stage, seconds in result.timings.items()
    ]
    # The stages tile the command's run, so their sum is its wall time.
    lines.append(f"  {'total':<9}{total * 1000:9.1f} ms")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@output_option("The baseline file to write.", default="pscatalog-baseline.json")
@quiet_option
@config_option
@click.pass_context
def baseline(ctx: click.Context, paths: tuple[Path, ...], output: Path, quiet: bool) -> None:
    """Record today's findings, so that 'validate --baseline' fails only on new ones.

    PATHS are as for validate. The file (version 3) lists each finding by the
    fingerprint of the Code Quality report, one per line, with what it hashes:
    the file, the code, the place in the data with list entries named by their
    ids (/offerings/[jira]/variants/[remote]/sku), never the line or a
    position, and the value the finding is about. Keep it in the repository
    and let it shrink.
    """
    from pscatalog.checks.baseline import baseline_text
    from pscatalog.checks.checker import validate as run_validation
    from pscatalog.files.writer import write_atomically
    from pscatalog.outputs.wellformed import check_json

    result = run_validation(paths, config=load_configuration(ctx))
    refuse_catalog_files([output], result, "baseline")
    write_atomically(output, baseline_text(result), check=check_json, follow_links=False)
    count = len(result.diagnostics)
    if not quiet:
        echo(f"Recorded {count} finding{'' if count == 1 else 's'} in {output}.")
