"""``pscatalog import``: a catalog from GitLab's flat services file."""

from __future__ import annotations

from pathlib import Path

import click

from pscatalog.cli.common import (
    config_option,
    echo,
    output_format_option,
    output_option,
    quiet_option,
)


@click.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@output_option(
    "Folder to write the catalog to (created if missing).", folder=True, default="catalog"
)
@click.option("--force", is_flag=True, help="Write into the folder even if it is not empty.")
@output_format_option("How to print what the import found.")
@quiet_option
@config_option
@click.pass_context
def import_command(
    ctx: click.Context, source: Path, output: Path, force: bool, output_format: str, quiet: bool
) -> None:
    """Convert GitLab's flat services.yml into a catalog folder.

    Entries that are variants of one offering (remote, 3/6/12 months, cleared,
    self-managed or SaaS) become one offering; what has no place in the schema
    is kept under each offering's 'imported' field. Every defect of the source
    is reported at its line, as validate reports; the catalog is written even
    then. Exits with 1 when the source has errors, 2 when the output folder is
    not empty (without --force) or the source is missing.
    """
    from pscatalog.cli.common import print_and_write
    from pscatalog.tools.importing import import_services

    result = import_services(source, output, force=force)
    print_and_write(result.report(), output_format, [], quiet=quiet)
    if result.written and not quiet:
        echo(f"pscatalog: wrote {len(result.written)} files to {output}", err=True)
    ctx.exit(result.exit_code)
