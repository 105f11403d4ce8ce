"""The ``pscatalog`` command line: thin commands over the Python API.

Each command collects its options, calls one library function, hands the
result to a reporter and exits: 0 when there is no error, 1 when the catalog
has errors, 2 when the command cannot run (a usage error, a missing path).
Heavy modules are imported inside the commands, so ``--version`` and
``--help`` stay fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pscatalog._version import __version__
from pscatalog.errors import PscatalogError

if TYPE_CHECKING:
    from pscatalog.checker import ValidationResult
    from pscatalog.config import Config

OUTPUT_FORMATS = ("full", "concise", "json", "github")
"""The names of ``--output-format``; each has a reporter in ``REPORTER_BY_NAME``.

Kept here rather than read from the registry so that ``--help`` imports
nothing; a test keeps the two in step."""
REPORT_FORMATS = ("gitlab", "junit", "sarif", "github", "json")
"""The formats ``--report FORMAT:PATH`` writes."""


class _Group(click.Group):
    """A group that turns "cannot run" errors into one line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PscatalogError as exc:
            click.echo(f"pscatalog: error: {exc}", err=True)
            ctx.exit(2)
        except OSError as exc:
            target = f": {exc.filename}" if exc.filename else ""
            click.echo(f"pscatalog: error: {exc.strerror or exc}{target}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pscatalog", message="%(prog)s %(version)s")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Configuration file (default: pscatalog.toml or [tool.pscatalog] in pyproject.toml, "
    "found from the current folder upwards).",
)
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None) -> None:
    """Validate and use a professional-services offerings catalog."""
    ctx.obj = config_path


def _config(ctx: click.Context) -> Config:
    """Load the configuration the command line names, or the one found from here."""
    from pscatalog.config import load_config
    from pscatalog.rules import CODES

    path = ctx.find_root().obj
    return load_config(path if isinstance(path, Path) else None, known_codes=CODES)


def _parse_report(value: str) -> tuple[str, Path]:
    name, separator, path = value.partition(":")
    if not separator or not path or name not in REPORT_FORMATS:
        raise click.BadParameter(
            f"expected FORMAT:PATH with FORMAT one of {', '.join(REPORT_FORMATS)}, got {value!r}",
            param_hint="'--report'",
        )
    return name, Path(path)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--output-format",
    type=click.Choice(OUTPUT_FORMATS),
    default="full",
    show_default=True,
    help="How to print the diagnostics.",
)
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="FORMAT:PATH",
    help=f"Also write a report for CI; repeatable. FORMAT: {', '.join(REPORT_FORMATS)}.",
)
@click.pass_context
def validate(
    ctx: click.Context, paths: tuple[Path, ...], output_format: str, reports: tuple[str, ...]
) -> None:
    """Check catalog files against the schema and the framework's rules.

    PATHS are catalog folders or files in them (the catalog found from the
    current folder if none). With files, the whole catalog is read and the
    findings that involve the named files are shown.

    Exits with 0 when there is no error, 1 when there is one, 2 when the
    check cannot run.
    """
    from pscatalog.checker import validate as run_validation
    from pscatalog.reporters import REPORTER_BY_NAME
    from pscatalog.writing import write_atomically

    targets = [_parse_report(report) for report in reports]
    result = run_validation(paths, config=_config(ctx))
    click.echo(REPORTER_BY_NAME[output_format](result), nl=False)
    for name, path in targets:
        write_atomically(path, REPORTER_BY_NAME[name](result))
    ctx.exit(result.exit_code)


@cli.command()
def rules() -> None:
    """List every code pscatalog reports: code, name, severity and summary."""
    from pscatalog.rules import CODES

    width = max(len(rule.NAME) for rule in CODES.values())
    for code, rule in CODES.items():
        click.echo(f"{code}  {rule.NAME:<{width}}  {rule.SEVERITY!s:<7}  {rule.SUMMARY}")


@cli.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of a code: why, how to fix, examples."""
    from pscatalog.docs import rule_documentation
    from pscatalog.errors import UsageError
    from pscatalog.reporters.links import help_url
    from pscatalog.rules import CODES

    rule = CODES.get(code.upper())
    if rule is None:
        raise UsageError(f"unknown code {code!r}; 'pscatalog rules' lists them")
    click.echo(f"{rule.CODE} {rule.NAME} ({rule.SEVERITY})\n")
    click.echo(rule_documentation(rule))
    click.echo(f"\n{help_url(rule.CODE)}")


@cli.command()
@click.option(
    "--output",
    "output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the schema files to (created if missing).",
)
@click.argument("kind", required=False, type=click.Choice(["levels", "category"]))
def schema(output: Path | None, kind: str | None) -> None:
    """Print a packaged JSON Schema, or write them all to a folder.

    KIND is 'levels' or 'category'. With --output, every schema file is
    written to the folder and its path printed.
    """
    from pscatalog.schema import SCHEMA_FILES, schema_text

    if output is None:
        click.echo(schema_text(kind or "category"), nl=False)
        return
    output.mkdir(parents=True, exist_ok=True)
    for name, file_name in SCHEMA_FILES.items():
        if kind is not None and name != kind:
            continue
        target = output / file_name
        target.write_text(schema_text(name), encoding="utf-8")
        click.echo(str(target))


@cli.command()
@click.argument("catalog", required=False, type=click.Path(path_type=Path))
@click.option(
    "--view",
    type=click.Choice(["categories"]),
    default="categories",
    show_default=True,
    help="What to render.",
)
@click.pass_context
def render(ctx: click.Context, catalog: Path | None, view: str) -> None:
    """Print the handbook's Markdown for the catalog.

    The 'categories' view is the framework page's "Categories of service"
    section: a table of offerings and maturities per category. A catalog with
    YAML or schema errors is refused (exit 1); other findings are printed on
    standard error and the page is still rendered.
    """
    from pscatalog.rendering import render_categories

    result = _readable(ctx, catalog)
    click.echo(render_categories(result.catalogs[0]), nl=False)


@cli.command()
@click.argument("catalog", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["json"]),
    default="json",
    show_default=True,
    help="The export format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (standard output if omitted).",
)
@click.pass_context
def export(
    ctx: click.Context, catalog: Path | None, export_format: str, output: Path | None
) -> None:
    """Export the whole catalog for other programs.

    'json' is one nested tree: levels, their categories, their offerings and
    variants. A catalog with YAML or schema errors is refused (exit 1).
    """
    from pscatalog.exporting import export_json
    from pscatalog.writing import write_atomically

    result = _readable(ctx, catalog)
    text = export_json(result.catalogs[0])
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)


# -- fmt: formatting commands (formatting.py) --

# -- import and export of services.yml (importing.py, exporting.py) --

# -- diff and stats (diffing.py, stats.py) --


def _readable(ctx: click.Context, catalog: Path | None) -> ValidationResult:
    """Validate a catalog folder; exit 1 unless it reads as the schema defines it."""
    from pscatalog.checker import validate as run_validation
    from pscatalog.errors import UsageError
    from pscatalog.reporters.text import report_full

    if catalog is not None and catalog.exists() and not catalog.is_dir():
        raise UsageError(f"not a catalog folder: {catalog}")
    result = run_validation([catalog] if catalog is not None else [], config=_config(ctx))
    if result.diagnostics:
        click.echo(report_full(result), nl=False, err=True)
    if not result.readable:
        click.echo("pscatalog: the catalog has YAML or schema errors; nothing written", err=True)
        ctx.exit(1)
    return result


def main() -> None:
    """Run the command line; the ``pscatalog`` console script."""
    try:
        code = cli.main(prog_name="pscatalog", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except click.Abort:
        click.echo("Aborted!", err=True)
        code = 1
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:  # a bug: still one line, never a traceback, unless asked
        if os.environ.get("PSCATALOG_DEBUG"):
            raise
        click.echo(
            f"pscatalog: internal error: {type(exc).__name__}: {exc} "
            "(set PSCATALOG_DEBUG=1 to see where)",
            err=True,
        )
        code = 2
    sys.stdout.flush()
    sys.stderr.flush()
    # A large catalog's data takes seconds to free; the process is ending anyway.
    os._exit(code if isinstance(code, int) else 0)
