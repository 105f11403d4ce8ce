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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from pscatalog._version import __version__
from pscatalog.cli import init_command
from pscatalog.errors import PscatalogError

if TYPE_CHECKING:
    from pscatalog.checks.checker import ValidationResult
    from pscatalog.checks.config import Config

OUTPUT_FORMATS = ("full", "concise", "json", "github")
"""The names of ``--output-format``; each has a reporter in ``REPORTER_BY_NAME``.

Kept here rather than read from the registry so that ``--help`` imports
nothing; a test keeps the two in step."""
REPORT_FORMATS = ("gitlab", "junit", "sarif", "github", "json")
"""The formats ``--report FORMAT:PATH`` writes."""

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """A group that turns "cannot run" errors into one line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from pscatalog.files.writer import WriteRefused

        try:
            return super().invoke(ctx)
        except WriteRefused as exc:
            # The command ran; what it would have written failed its check: an error, as
            # a finding is, and the file is as it was.
            _echo_error(f"pscatalog: error: {exc}")
            ctx.exit(1)
        except PscatalogError as exc:
            _echo_error(f"pscatalog: error: {exc}")
            ctx.exit(2)
        except OSError as exc:
            target = f": {exc.filename}" if exc.filename else ""
            _echo_error(f"pscatalog: error: {exc.strerror or exc}{target}")
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pscatalog", message="%(prog)s %(version)s")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Configuration file (default: pscatalog.toml or [tool.pscatalog] in pyproject.toml, "
    "found from the current folder up to the repository's top folder).",
)
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None) -> None:
    """Validate and use a professional-services offerings catalog."""
    ctx.obj = config_path


cli.add_command(init_command.init)


def _echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print text for people: whatever it quotes is shown safely for a terminal or CI log.

    Everything pscatalog prints goes through here, except the ``github``
    format (whose workflow commands are its purpose) and exported data.
    """
    from pscatalog.outputs.escaping import terminal_lines

    click.echo(terminal_lines(text), err=err, nl=nl)


def _echo_error(line: str) -> None:
    """Print a one-line error on standard error; what it quotes stays on that line."""
    from pscatalog.outputs.escaping import terminal

    click.echo(terminal(line), err=True)


def _echo_findings(output_format: str, text: str) -> None:
    """Print a report of findings in ``output_format`` on standard output."""
    if output_format == "github":  # escaped by its reporter, for the runner to read
        click.echo(text, nl=False)
    else:
        _echo(text, nl=False)


def _config(ctx: click.Context) -> Config:
    """Load the configuration the command line names, or the one found from here."""
    from pscatalog.checks.config import load_config
    from pscatalog.rules.registry import CODES

    path = ctx.find_root().obj
    return load_config(path if isinstance(path, Path) else None, known_codes=CODES)


def _output_format_option(help_text: str) -> Callable[[F], F]:
    """``--output-format``: how diagnostics are printed (validate, diff --check, import)."""
    return click.option(
        "--output-format",
        type=click.Choice(OUTPUT_FORMATS),
        default="full",
        show_default=True,
        help=help_text,
    )


def _report_option(help_text: str) -> Callable[[F], F]:
    """``--report FORMAT:PATH``, repeatable: reports for CI beside the terminal output."""
    return click.option("--report", "reports", multiple=True, metavar="FORMAT:PATH", help=help_text)


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
@_output_format_option("How to print the diagnostics.")
@_report_option(f"Also write a report for CI; repeatable. FORMAT: {', '.join(REPORT_FORMATS)}.")
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path),
    help="Fail only on findings that are not in this baseline file (see 'pscatalog baseline').",
)
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
    "--statistics",
    is_flag=True,
    help="Print on standard error where the time went, stage by stage: configuration, "
    "load, schema, rules, matching, filter, sort, baseline, report.",
)
@click.pass_context
def validate(
    ctx: click.Context,
    paths: tuple[Path, ...],
    output_format: str,
    reports: tuple[str, ...],
    baseline_path: Path | None,
    fix: bool,
    unsafe_fixes: bool,
    show_diff: bool,
    statistics: bool,
) -> None:
    """Check catalog files against the schema and the framework's rules.

    PATHS are catalog folders or files in them (the catalog found from the
    current folder if none). With files, the whole catalog is read and the
    findings that involve the named files are shown.

    With --fix, the safe fixes are applied first (a maturity's letter case, a
    value YAML 1.1 would misread, the modeline, the canonical layout; with
    --unsafe-fixes also a 'custom' variant where an offering has no base
    variant), and what is left is reported. Fixes keep every comment.

    Exits with 0 when there is no error, 1 when there is one, 2 when the
    check cannot run.
    """
    from pscatalog.checks.checker import Stopwatch
    from pscatalog.checks.checker import validate as run_validation

    clock = Stopwatch()
    targets = [_parse_report(report) for report in reports]
    if (unsafe_fixes or show_diff) and not fix:
        raise click.UsageError("--unsafe-fixes and --diff go with --fix")
    with clock("config"):
        config = _config(ctx)
    if fix:
        from pscatalog.tools.fixing import fix_catalog

        with clock("fix"):
            fixes = fix_catalog(paths, config=config, unsafe=unsafe_fixes, write=not show_diff)
            if show_diff:
                _echo(fixes.diff(), nl=False)
            _echo(fixes.refusals(), err=True, nl=False)
            _echo(fixes.summary(), err=True)
        result = fixes.remaining
        result.timings = clock.timings
        refused = bool(fixes.refused)
    else:
        result = run_validation(paths, config=config, clock=clock)
        refused = False
    if baseline_path is not None:
        from pscatalog.checks.baseline import apply_baseline, read_baseline

        with clock("baseline"):
            result = apply_baseline(result, baseline_path, read_baseline(baseline_path))
    with clock("report"):
        _print_and_write(result, output_format, targets)
    if statistics:
        _echo(_statistics(result), err=True, nl=False)
    ctx.exit(1 if refused else result.exit_code)


def _print_and_write(
    result: ValidationResult, output_format: str, targets: list[tuple[str, Path]]
) -> None:
    """Print the diagnostics in ``output_format``; write each ``--report`` file."""
    from pscatalog.files.writer import write_atomically
    from pscatalog.outputs.reporters import REPORTER_BY_NAME
    from pscatalog.outputs.wellformed import CHECK_BY_FORMAT

    _echo_findings(output_format, REPORTER_BY_NAME[output_format](result))
    for name, path in targets:
        write_atomically(path, REPORTER_BY_NAME[name](result), check=CHECK_BY_FORMAT[name])


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


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default="pscatalog-baseline.json",
    show_default=True,
    help="The baseline file to write.",
)
@click.pass_context
def baseline(ctx: click.Context, paths: tuple[Path, ...], output: Path) -> None:
    """Record today's findings, so that 'validate --baseline' fails only on new ones.

    PATHS are as for validate. The file lists each finding by the fingerprint
    of the Code Quality report (file, code, JSON pointer; never the line), one
    per line; keep it in the repository and let it shrink.
    """
    from pscatalog.checks.baseline import baseline_text
    from pscatalog.checks.checker import validate as run_validation
    from pscatalog.files.writer import write_atomically
    from pscatalog.outputs.wellformed import check_json

    result = run_validation(paths, config=_config(ctx))
    write_atomically(output, baseline_text(result), check=check_json)
    count = len(result.diagnostics)
    _echo(f"Recorded {count} finding{'' if count == 1 else 's'} in {output}.")


@cli.command()
def rules() -> None:
    """List every code: code, name, severity, whether --fix can fix it, and summary."""
    from pscatalog.rules.registry import CODES, FIXABLE

    width = max(len(rule.NAME) for rule in CODES.values())
    for code, rule in CODES.items():
        fixer = FIXABLE.get(code)
        fix = f"{fixer.FIX} fix" if fixer else ""
        click.echo(f"{code}  {rule.NAME:<{width}}  {rule.SEVERITY!s:<7}  {fix:<10}  {rule.SUMMARY}")


@cli.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of a code, in Markdown: why, how to fix, examples."""
    from pscatalog.errors import UsageError
    from pscatalog.outputs.docs import explanation
    from pscatalog.rules.registry import CODES

    rule = CODES.get(code.strip().upper())
    if rule is None:
        raise UsageError(f"unknown code {code!r}; 'pscatalog rules' lists them")
    click.echo(explanation(rule), nl=False)


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
        write_atomically(target, schema_text(name), check=check_json)
        _echo(str(target))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--view",
    type=click.Choice(["categories", "catalog", "maturity"]),
    help="What to render: 'categories' (the default; 'maturity' with --format svg), "
    "'catalog' or 'maturity'. "
    "Not with --check or --write: each region names its view.",
)
@click.option(
    "--format",
    "render_format",
    type=click.Choice(["markdown", "svg"]),
    default="markdown",
    show_default=True,
    help="Markdown, or an SVG chart (the maturity view only).",
)
@click.option(
    "--check",
    is_flag=True,
    help="Check that the regions of the PAGES are up to date; exit 1 if one is stale.",
)
@click.option(
    "--write",
    is_flag=True,
    help="Render the regions of the PAGES anew, leaving the rest of each page as it is.",
)
@click.pass_context
def render(
    ctx: click.Context,
    paths: tuple[Path, ...],
    view: str | None,
    render_format: str,
    check: bool,
    write: bool,
) -> None:
    """Print the handbook's Markdown (or SVG) for the catalog, or keep pages in sync.

    PATHS: the catalog folder (the one found from here if none), and with
    --check or --write the handbook pages: 'pscatalog render --check PAGE...'.

    Views: 'categories', the framework page's "Categories of service" section
    (the default); 'catalog', the full catalog page (per offering its
    variants, SKUs, delivery, duration and price); 'maturity', the overview of
    offerings per category and maturity, also as an SVG chart (--format svg).

    Each page holds one or more regions between
    `<!-- pscatalog:begin VIEW -->` and `<!-- pscatalog:end -->`: --check
    exits 1 naming the stale pages, with a short diff; --write renders the
    regions anew and leaves everything else byte for byte. A page without a
    region, or with unbalanced markers, is an error (exit 1).

    A catalog with YAML or schema errors is refused (exit 1); other findings
    are printed on standard error and the output is still produced.
    """
    from pscatalog.errors import UsageError
    from pscatalog.outputs.rendering import (
        DEFAULT_VIEW,
        renderer,
        report_pages,
        split_paths,
        sync_pages,
        write_pages,
    )

    catalog, pages = split_paths(paths)
    if not (check or write):
        if pages:
            raise UsageError(f"not a catalog folder: {pages[0]} (pages go with --check or --write)")
        render_view = renderer(view or DEFAULT_VIEW[render_format], render_format)
        result = _readable(ctx, catalog)
        _echo(render_view(result.catalogs[0]), nl=False)
        return
    if check and write:
        raise UsageError("--check and --write cannot be used together")
    if view is not None or render_format != "markdown":
        raise UsageError("each region names its view, in Markdown: no --view or --format here")
    if not pages:
        raise UsageError(f"name the pages to {'check' if check else 'write'}")
    result = _readable(ctx, catalog)
    outcomes = sync_pages(result.catalogs[0], pages)
    if write:
        write_pages(outcomes)
    report = report_pages(outcomes, written=write)
    _echo(report.out, nl=False)
    _echo(report.err, nl=False, err=True)
    ctx.exit(report.exit_code)


@cli.command()
@click.argument("catalog", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["json", "services-yml"]),
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
    variants. 'services-yml' is GitLab's flat services file, one entry per
    variant, for the handbook templates that read it; 'pscatalog import'
    reads it back. A catalog with YAML or schema errors is refused (exit 1).
    """
    from pscatalog.files.writer import write_atomically
    from pscatalog.outputs.exporting import EXPORTER_BY_FORMAT
    from pscatalog.outputs.wellformed import CHECK_BY_FORMAT

    result = _readable(ctx, catalog)
    text = EXPORTER_BY_FORMAT[export_format](result.catalogs[0])
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text, check=CHECK_BY_FORMAT[export_format])


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--check", is_flag=True, help="Write nothing; list the files that would change.")
@click.option(
    "--diff", "show_diff", is_flag=True, help="Write nothing; print the changes as a unified diff."
)
@click.pass_context
def fmt(ctx: click.Context, paths: tuple[Path, ...], check: bool, show_diff: bool) -> None:
    """Rewrite catalog files in the canonical layout, comments and values kept.

    PATHS are catalog folders or files in them (the catalog found from the
    current folder if none). Keys follow the schema's order, lists are block
    style, values are quoted only where YAML 1.1 tools would misread them.
    A file that does not parse is left as it is and reported.

    Exits with 0 when every file is (now) formatted, 1 when --check or
    --diff finds a file to change or a file could not be formatted, 2 when
    the command cannot run.
    """
    from pscatalog.tools.formatting import format_paths, report_format, report_problems

    config = _config(ctx)
    targets = paths or ((config.catalog,) if config.catalog is not None else ())
    result = format_paths(targets, check=check, diff=show_diff)
    _echo(report_format(result), nl=False)
    _echo(report_problems(result), nl=False, err=True)
    ctx.exit(result.exit_code)


@cli.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=Path("catalog"),
    show_default=True,
    help="Folder to write the catalog to (created if missing).",
)
@click.option("--force", is_flag=True, help="Write into the folder even if it is not empty.")
@_output_format_option("How to print what the import found.")
@click.pass_context
def import_command(
    ctx: click.Context, source: Path, output: Path, force: bool, output_format: str
) -> None:
    """Convert GitLab's flat services.yml into a catalog folder.

    Entries that are variants of one offering (remote, 3/6/12 months, cleared,
    self-managed or SaaS) become one offering; what has no place in the schema
    is kept under each offering's 'imported' field. Every defect of the source
    is reported at its line, as validate reports; the catalog is written even
    then. Exits with 1 when the source has errors, 2 when the output folder is
    not empty (without --force) or the source is missing.
    """
    from pscatalog.outputs.reporters import REPORTER_BY_NAME
    from pscatalog.tools.importing import import_services

    result = import_services(source, output, force=force)
    _echo_findings(output_format, REPORTER_BY_NAME[output_format](result.report()))
    if result.written:
        _echo(f"pscatalog: wrote {len(result.written)} files to {output}", err=True)
    ctx.exit(result.exit_code)


@cli.command()
@click.argument("old")
@click.argument("new")
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
@_output_format_option("With --check: how to print the findings.")
@_report_option("With --check: also write a report for CI, as validate does.")
@click.pass_context
def diff(
    ctx: click.Context,
    old: str,
    new: str,
    diff_format: str,
    check: bool,
    output_format: str,
    reports: tuple[str, ...],
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
    an offering. A side with YAML or schema errors is refused (exit 1); an
    argument that is neither a folder nor a revision is a usage error (exit 2).

    With --check, the rules for changes are enforced instead, and their
    findings reported as validate reports its own (exit 1 on an error): a
    maturity rises one step at a time unless its evidence changes too; a
    demotion says why (maturity_reason); a SKU is retired (retired: true)
    before it is renamed or removed; an offering sold with a SKU is not deleted
    outright. Reports name each file by its path in the work tree and give
    lines of NEW; a deleted offering is placed at its file's 'offerings' key,
    with where it was in OLD.
    """
    from pscatalog.outputs.reporters.text import report_full
    from pscatalog.tools.diffing import DIFF_FORMATS, diff_catalogs

    targets = [_parse_report(report) for report in reports]
    config = _config(ctx)
    if check:
        from pscatalog.rules.registry import CODES
        from pscatalog.tools.diffing import base_config

        # What reviews a change comes from before it: the old revision's configuration.
        config = base_config(old, config, known_codes=CODES)
    sides = [_read_side(spec, config, check=check and spec == new) for spec in (old, new)]
    for spec, result in zip((old, new), sides, strict=True):
        if result.diagnostics and not (check and result.readable):
            _echo(report_full(result), nl=False, err=True)
        if not result.readable:
            _echo(f"pscatalog: {spec} has YAML or schema errors; no diff", err=True)
    if not all(result.readable for result in sides):
        ctx.exit(1)
    before, after = sides[0].catalogs[0], sides[1].catalogs[0]
    if not check:
        _echo(DIFF_FORMATS[diff_format](diff_catalogs(before, after)), nl=False)
        return
    from pscatalog.checks.changes import check_changes
    from pscatalog.tools.diffing import in_work_tree

    result = in_work_tree(sides[0], sides[1], check_changes(before, after, config))
    _print_and_write(result, output_format, targets)
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


@cli.command()
@click.argument("catalog", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "stats_format",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Markdown tables, or JSON for programs.",
)
@click.pass_context
def stats(ctx: click.Context, catalog: Path | None, stats_format: str) -> None:
    """Count the catalog's offerings per level, category and maturity.

    A catalog with YAML or schema errors is refused (exit 1); other findings
    are printed on standard error and the counts still printed.
    """
    from pscatalog.outputs.stats import STATS_FORMATS, catalog_stats

    result = _readable(ctx, catalog)
    _echo(STATS_FORMATS[stats_format](catalog_stats(result.catalogs[0])), nl=False)


def _readable(ctx: click.Context, catalog: Path | None) -> ValidationResult:
    """Validate a catalog folder; exit 1 unless it reads as the schema defines it."""
    from pscatalog.checks.checker import validate as run_validation
    from pscatalog.errors import UsageError
    from pscatalog.outputs.reporters.text import report_full

    if catalog is not None and catalog.exists() and not catalog.is_dir():
        raise UsageError(f"not a catalog folder: {catalog}")
    result = run_validation([catalog] if catalog is not None else [], config=_config(ctx))
    if result.diagnostics:
        _echo(report_full(result), nl=False, err=True)
    if not result.readable:
        _echo("pscatalog: the catalog has YAML or schema errors (above); fix them first", err=True)
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
        _echo("Aborted!", err=True)
        code = 1
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:  # a bug: still one line, never a traceback, unless asked
        if os.environ.get("PSCATALOG_DEBUG"):
            raise
        _echo_error(
            f"pscatalog: internal error: {type(exc).__name__}: {exc} "
            "(set PSCATALOG_DEBUG=1 to see where)"
        )
        code = 2
    sys.stdout.flush()
    sys.stderr.flush()
    # A large catalog's data takes seconds to free; the process is ending anyway.
    os._exit(code if isinstance(code, int) else 0)
