"""What the commands share: their options, their output, and how they read the configuration.

One name for each idea, on every command that has it: ``--config FILE``
(before or after the command's name), ``-o/--output`` for what a command
writes, ``--output-format`` wherever findings are printed, ``--report`` for
CI reports, ``--baseline`` wherever the catalog's problems are counted, and
``-q/--quiet`` for "only what the command is for". Heavy modules are imported
inside the functions, so that ``--help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from pscatalog.checks.checker import ValidationResult
    from pscatalog.checks.config import Config
    from pscatalog.files.sources import Files

OUTPUT_FORMATS = ("full", "concise", "json", "github")
"""The names of ``--output-format``; each has a reporter in ``REPORTER_BY_NAME``.

Kept here rather than read from the registry so that ``--help`` imports
nothing; a test keeps the two in step."""
REPORT_FORMATS = ("gitlab", "junit", "sarif", "github", "json")
"""The formats ``--report FORMAT:PATH`` writes."""
CONFIG_KEY = "pscatalog.config"
"""Where the context keeps the ``--config`` file, wherever it was given."""

F = TypeVar("F", bound=Callable[..., Any])


# -- options ------------------------------------------------------------------------


def _remember_config(ctx: click.Context, _: click.Parameter, value: Path | None) -> None:
    """Keep ``--config`` on the root context, given before or after the command's name."""
    if value is None:
        return
    root = ctx.find_root()
    known = root.meta.get(CONFIG_KEY)
    if known is not None and known != value:
        raise click.UsageError(f"--config is given twice: {known} and {value}")
    root.meta[CONFIG_KEY] = value


def config_option(function: F) -> F:
    """``--config FILE``: the configuration file, before or after the command's name."""
    return click.option(
        "--config",
        type=click.Path(path_type=Path),
        expose_value=False,
        callback=_remember_config,
        help="Configuration file (default: pscatalog.toml or [tool.pscatalog] in "
        "pyproject.toml, found from the current folder up to the repository's top folder).",
    )(function)


def quiet_option(function: F) -> F:
    """``-q/--quiet``: print only what the command is for, and errors."""
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="Print only what the command is for (findings, output) and errors: "
        "no summaries or notes.",
    )(function)


def output_format_option(help_text: str) -> Callable[[F], F]:
    """``--output-format``: how findings are printed."""
    return click.option(
        "--output-format",
        type=click.Choice(OUTPUT_FORMATS),
        default="full",
        show_default=True,
        help=help_text,
    )


def report_option(help_text: str) -> Callable[[F], F]:
    """``--report FORMAT:PATH``, repeatable: reports for CI beside the terminal output."""
    return click.option(
        "--report",
        "reports",
        multiple=True,
        metavar="FORMAT:PATH",
        callback=_parse_reports,
        help=help_text,
    )


def baseline_option(help_text: str) -> Callable[[F], F]:
    """``--baseline FILE``: findings recorded there are not counted as problems."""
    return click.option(
        "--baseline",
        "baseline_path",
        type=click.Path(path_type=Path),
        help=help_text,
    )


def output_option(
    help_text: str, *, folder: bool = False, default: str | None = None, dash: bool = False
) -> Callable[[F], F]:
    """``-o/--output``: the file (or folder) the command writes.

    ``-`` is standard output where the command can write there (``dash``, given
    as ``None``: the command's default), and refused elsewhere: it is never a
    file named ``-``.
    """
    # A folder's checks are the command's: it says what it needs there (a file named
    # like the folder, a folder that is not empty) in its own words.
    kind = click.Path(path_type=Path) if folder else click.Path(path_type=Path, dir_okay=False)

    def no_file_named_dash(
        _: click.Context, parameter: click.Parameter, value: Path | None
    ) -> Path | None:
        if value is None or str(value) != "-":
            return value
        if dash:
            return None
        raise click.BadParameter(
            "'-' is not a place to write here: name a " + ("folder" if folder else "file"),
            param=parameter,
        )

    return click.option(
        "-o",
        "--output",
        type=kind,
        default=default,
        show_default=default is not None,
        callback=no_file_named_dash,
        help=help_text,
    )


def _parse_reports(
    _: click.Context, __: click.Parameter, values: tuple[str, ...]
) -> list[tuple[str, Path]]:
    targets = []
    for value in values:
        name, separator, path = value.partition(":")
        if not separator or not path or name not in REPORT_FORMATS:
            raise click.BadParameter(
                f"expected FORMAT:PATH with FORMAT one of {', '.join(REPORT_FORMATS)}, "
                f"got {value!r}",
                param_hint="'--report'",
            )
        targets.append((name, Path(path)))
    return targets


# -- output -------------------------------------------------------------------------


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print text for people: whatever it quotes is shown safely for a terminal or CI log.

    Everything pscatalog prints goes through here, except the ``github``
    format (whose workflow commands are its purpose) and exported data.
    """
    from pscatalog.outputs.escaping import terminal_lines

    click.echo(terminal_lines(text), err=err, nl=nl)


def echo_error(line: str) -> None:
    """Print a one-line error on standard error; what it quotes stays on that line."""
    from pscatalog.outputs.escaping import terminal

    click.echo(terminal(line), err=True)


def echo_findings(output_format: str, text: str) -> None:
    """Print a report of findings in ``output_format`` on standard output."""
    if output_format == "github":  # escaped by its reporter, for the runner to read
        click.echo(text, nl=False)
    else:
        echo(text, nl=False)


def print_and_write(
    result: ValidationResult,
    output_format: str,
    reports: list[tuple[str, Path]],
    *,
    quiet: bool = False,
) -> None:
    """Print the findings in ``output_format``; write each ``--report`` file.

    With ``quiet``, the ``full`` output leaves out its summary line.
    """
    from pscatalog.files.writer import write_atomically
    from pscatalog.outputs.reporters import REPORTER_BY_NAME
    from pscatalog.outputs.reporters.text import summary_line
    from pscatalog.outputs.wellformed import CHECK_BY_FORMAT

    refuse_catalog_files([path for _, path in reports], result, "report")
    text = REPORTER_BY_NAME[output_format](result)
    if quiet and output_format == "full":
        text = text.removesuffix(summary_line(result) + "\n")
    echo_findings(output_format, text)
    for name, path in reports:
        # A fresh output: a link committed under its name is replaced, never written through.
        report = REPORTER_BY_NAME[name](result)
        write_atomically(path, report, check=CHECK_BY_FORMAT[name], follow_links=False)


def refuse_catalog_files(outputs: Sequence[Path], result: ValidationResult, what: str) -> None:
    """Raise a usage error if an output would replace or become a file of the catalog.

    ``--report json:catalog/x.yaml`` or ``-o catalog/levels.yaml`` is a slip of
    the keyboard that would replace a catalog file with a report, and a new
    ``catalog/report.yml`` would be read as a category by the next run;
    nothing is written.
    """
    from pscatalog.errors import UsageError

    if not outputs:
        return
    read = {os.path.realpath(doc.path) for catalog in result.catalogs for doc in catalog.documents}
    folders = {os.path.realpath(catalog.root) for catalog in result.catalogs}
    for output in outputs:
        real = os.path.realpath(output)
        in_catalog = os.path.dirname(real) in folders and output.suffix.lower() in (".yaml", ".yml")
        if real in read or in_catalog:
            raise UsageError(f"{output} is a file of the catalog; write the {what} elsewhere")


# -- the catalog --------------------------------------------------------------------


def load_configuration(ctx: click.Context) -> Config:
    """Load the configuration ``--config`` names, or the one found from here."""
    from pscatalog.checks.config import load_config
    from pscatalog.rules.registry import CODES

    path = ctx.find_root().meta.get(CONFIG_KEY)
    return load_config(path if isinstance(path, Path) else None, known_codes=CODES)


def with_baseline(result: ValidationResult, baseline_path: Path | None) -> ValidationResult:
    """Return ``result`` less the findings the baseline file records (if one is named)."""
    if baseline_path is None:
        return result
    from pscatalog.checks.baseline import apply_baseline, read_baseline

    return apply_baseline(result, baseline_path, read_baseline(baseline_path))


def readable_catalog(
    ctx: click.Context,
    catalog: Path | None,
    *,
    command: str,
    baseline_path: Path | None = None,
    quiet: bool = False,
    config: Config | None = None,
    files: Files | None = None,
) -> ValidationResult:
    """Validate the catalog a command that is not about findings works on.

    Exit 1, the errors that stop it printed, unless it reads as the schema
    defines it (no YAML or schema error). Its other problems are counted in
    one line on standard error, less those the baseline records. ``config``
    and ``files`` replace the configuration found and the disk (git's index
    read in memory, for ``--staged``).
    """
    from pscatalog.checks.checker import validate
    from pscatalog.errors import UsageError
    from pscatalog.files.sources import DISK

    if catalog is not None and catalog.exists() and not catalog.is_dir():
        raise UsageError(f"not a catalog folder: {catalog}")
    config = config if config is not None else load_configuration(ctx)
    paths = [catalog] if catalog is not None else []
    result = with_baseline(validate(paths, config=config, files=files or DISK), baseline_path)
    if not result.readable:
        refuse(result, "the catalog", command)
        ctx.exit(1)
    if not quiet:
        line = problems_line(result, "the catalog")
        if line:
            echo(line, err=True)
    return result


def refuse(result: ValidationResult, what: str, command: str) -> None:
    """Print the YAML and schema errors that stop ``command``, and why it stops."""
    from pscatalog.checks.checker import ValidationResult
    from pscatalog.diagnostics import Severity
    from pscatalog.outputs.reporters.text import report_full
    from pscatalog.rules.registry import STRUCTURAL

    blocking = [
        diagnostic
        for diagnostic in result.diagnostics
        if diagnostic.code in STRUCTURAL and diagnostic.severity is Severity.ERROR
    ]
    shown = ValidationResult(blocking, result.catalogs, result.files)
    echo(report_full(shown), nl=False, err=True)
    echo(
        f"pscatalog: {what} has YAML or schema errors; 'pscatalog {command}' needs them fixed",
        err=True,
    )


def problems_line(result: ValidationResult, what: str, *, validate_hint: bool = True) -> str:
    """Return one line counting the catalog's problems, or ``""`` when it has none.

    ``pscatalog: the catalog has 2 errors, 1 warning (84 baselined); 'pscatalog
    validate' shows them`` (that last part with ``validate_hint``).
    """
    from pscatalog.diagnostics import Severity

    counts = [
        (result.errors, "error"),
        (result.warnings, "warning"),
        (result.count(Severity.INFO), "note"),
    ]
    parts = [f"{count} {name}{'' if count == 1 else 's'}" for count, name in counts if count]
    if not parts:
        return ""
    baselined = f" ({result.baselined} baselined)" if result.baselined else ""
    hint = "; 'pscatalog validate' shows them" if validate_hint else ""
    return f"pscatalog: {what} has {', '.join(parts)}{baselined}{hint}"
