"""``pscatalog fmt``: the canonical layout."""

from __future__ import annotations

from pathlib import Path

import click

from pscatalog.cli.common import config_option, echo, load_configuration, quiet_option


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--check", is_flag=True, help="Write nothing; list the files that would change.")
@click.option(
    "--diff", "show_diff", is_flag=True, help="Write nothing; print the changes as a unified diff."
)
@quiet_option
@config_option
@click.pass_context
def fmt(
    ctx: click.Context, paths: tuple[Path, ...], check: bool, show_diff: bool, quiet: bool
) -> None:
    """Rewrite catalog files in the canonical layout, comments and values kept.

    PATHS are found as for validate: catalog folders, folders that hold a
    'catalog' folder, or files in a catalog folder (the catalog found from
    the current folder if none); nothing but catalog files is ever written.
    Keys follow the schema's order, lists are block style, values are quoted
    only where YAML 1.1 tools would misread them. A file that does not parse
    is left as it is and reported, on standard error, as validate reports it.

    Exits with 0 when every file is (now) formatted, 1 when --check or
    --diff finds a file to change or a file could not be formatted, 2 when
    the command cannot run.
    """
    from pscatalog.tools.formatting import format_paths, report_format, report_problems

    config = load_configuration(ctx)
    result = format_paths(paths, check=check, diff=show_diff, configured=config.catalog)
    echo(report_format(result, summary=not quiet), nl=False)
    echo(report_problems(result, summary=not quiet), nl=False, err=True)
    ctx.exit(result.exit_code)
