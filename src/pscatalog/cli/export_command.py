"""``pscatalog export`` and ``pscatalog stats``: the catalog for other programs, and its counts."""

from __future__ import annotations

from pathlib import Path

import click

from pscatalog.cli.common import (
    baseline_option,
    config_option,
    echo,
    output_option,
    quiet_option,
    readable_catalog,
    refuse_catalog_files,
)

BASELINE_HELP = "Count the catalog's problems less those recorded in this baseline file."


@click.command()
@click.argument("catalog", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["json", "services-yml"]),
    default="json",
    show_default=True,
    help="The export format.",
)
@output_option("File to write (standard output if omitted, or '-').", dash=True)
@baseline_option(BASELINE_HELP)
@quiet_option
@config_option
@click.pass_context
def export(
    ctx: click.Context,
    catalog: Path | None,
    export_format: str,
    output: Path | None,
    baseline_path: Path | None,
    quiet: bool,
) -> None:
    """Export the whole catalog for other programs.

    'json' is one nested tree: levels, their categories, their offerings and
    variants. 'services-yml' is GitLab's flat services file, one entry per
    variant, for the handbook templates that read it; 'pscatalog import'
    reads it back. A catalog with YAML or schema errors is refused (exit 1);
    other problems are counted in one line on standard error.
    """
    from pscatalog.files.writer import write_atomically
    from pscatalog.outputs.exporting import EXPORTER_BY_FORMAT
    from pscatalog.outputs.wellformed import CHECK_BY_FORMAT

    result = readable_catalog(
        ctx, catalog, command="export", baseline_path=baseline_path, quiet=quiet
    )
    if output is not None:
        refuse_catalog_files([output], result, "export")
    text = EXPORTER_BY_FORMAT[export_format](result.catalogs[0])
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text, check=CHECK_BY_FORMAT[export_format], follow_links=False)


@click.command()
@click.argument("catalog", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "stats_format",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Markdown tables, or JSON for programs.",
)
@baseline_option(BASELINE_HELP)
@quiet_option
@config_option
@click.pass_context
def stats(
    ctx: click.Context,
    catalog: Path | None,
    stats_format: str,
    baseline_path: Path | None,
    quiet: bool,
) -> None:
    """Count the catalog's offerings per level, category and maturity.

    A catalog with YAML or schema errors is refused (exit 1); other problems
    are counted in one line on standard error and the counts still printed.
    """
    from pscatalog.outputs.stats import STATS_FORMATS, catalog_stats

    result = readable_catalog(
        ctx, catalog, command="stats", baseline_path=baseline_path, quiet=quiet
    )
    echo(STATS_FORMATS[stats_format](catalog_stats(result.catalogs[0])), nl=False)
