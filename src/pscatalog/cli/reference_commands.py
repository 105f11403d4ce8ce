"""``pscatalog rules``, ``explain`` and ``schema``: what pscatalog checks, and against what."""

from __future__ import annotations

from pathlib import Path

import click

from pscatalog.cli.common import config_option, echo, output_option, quiet_option


@click.command()
@config_option
def rules() -> None:
    """List every code: code, name, severity, whether --fix can fix it, and summary."""
    from pscatalog.rules.registry import CODES, FIXABLE

    width = max(len(rule.NAME) for rule in CODES.values())
    for code, rule in CODES.items():
        fixer = FIXABLE.get(code)
        fix = f"{fixer.FIX} fix" if fixer else ""
        click.echo(f"{code}  {rule.NAME:<{width}}  {rule.SEVERITY!s:<7}  {fix:<10}  {rule.SUMMARY}")


@click.command()
@click.argument("code")
@config_option
def explain(code: str) -> None:
    """Print the documentation of a code, in Markdown: why, how to fix, examples."""
    from pscatalog.errors import UsageError
    from pscatalog.outputs.docs import explanation
    from pscatalog.rules.registry import CODES

    rule = CODES.get(code.strip().upper())
    if rule is None:
        raise UsageError(f"unknown code {code!r}; 'pscatalog rules' lists them")
    click.echo(explanation(rule), nl=False)


@click.command()
@output_option("Folder to write the schema files to (created if missing).", folder=True)
@click.argument("kind", required=False, type=click.Choice(["levels", "category"]))
@quiet_option
@config_option
def schema(output: Path | None, kind: str | None, quiet: bool) -> None:
    """Print a packaged JSON Schema, or write them all to a folder.

    KIND is 'levels' or 'category'. With -o/--output, every schema file (or
    KIND's) is written to the folder and its path printed.
    """
    from pscatalog.catalog.schemas import SCHEMA_FILES, schema_text
    from pscatalog.files.boundary import inside
    from pscatalog.files.repository import boundary_of
    from pscatalog.files.writer import write_atomically
    from pscatalog.outputs.wellformed import check_json

    if output is None:
        click.echo(schema_text(kind or "category"), nl=False)
        return
    inside(output, boundary_of(output))  # no folder is created outside the repository
    output.mkdir(parents=True, exist_ok=True)
    for name, file_name in SCHEMA_FILES.items():
        if kind is not None and name != kind:
            continue
        target = output / file_name
        write_atomically(target, schema_text(name), check=check_json, follow_links=False)
        if not quiet:
            echo(str(target))
