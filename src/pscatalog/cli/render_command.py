"""``pscatalog render``: the handbook's pages from the catalog."""

from __future__ import annotations

from pathlib import Path

import click

from pscatalog.cli.common import (
    baseline_option,
    config_option,
    echo,
    quiet_option,
    readable_catalog,
)

BASELINE_HELP = "Count the catalog's problems less those recorded in this baseline file."


@click.command()
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
@click.option(
    "--staged",
    is_flag=True,
    help="With --check, as the pre-commit hook: PATHS are what a commit changes (pages and "
    "catalog files); check those pages that hold a region, and every page that holds one "
    "when git's index changes the catalog.",
)
@baseline_option(BASELINE_HELP)
@quiet_option
@config_option
@click.pass_context
def render(
    ctx: click.Context,
    paths: tuple[Path, ...],
    view: str | None,
    render_format: str,
    check: bool,
    write: bool,
    staged: bool,
    baseline_path: Path | None,
    quiet: bool,
) -> None:
    """Print the handbook's Markdown (or SVG) for the catalog, or keep pages in sync.

    PATHS: the catalog folder (the one found from here if none), and with
    --check or --write the handbook pages: 'pscatalog render --check PAGE...'.
    There a folder is the catalog if it is one (named 'catalog', holding a
    levels file, or the configured catalog); any other folder stands for the
    Markdown pages in it and below it (.md, .markdown, .mdown, .mdwn, .mkd,
    .mkdn, in any case; .git and links out of the repository left out).

    Views: 'categories', the framework page's "Categories of service" section
    (the default); 'catalog', the full catalog page (per offering its
    variants, SKUs, delivery, duration and price); 'maturity', the overview of
    offerings per category and maturity, also as an SVG chart (--format svg).

    Each page holds one or more regions between
    `<!-- pscatalog:begin VIEW -->` and `<!-- pscatalog:end -->`, each
    marker alone on a line, at the top level of the page or in an HTML block
    such as `<details>`: --check exits 1 naming the stale pages, with a short
    diff; --write renders the regions anew and leaves everything else byte
    for byte. A page named without a region, with markers that do not pair
    up or sit where they cannot delimit a region (a list, a quote, a
    paragraph, a `<pre>` block), or that leads outside the repository, is an
    error (exit 1) in both; the other pages are still checked or written. A
    page found in a folder, or with --staged, that holds no region is left
    alone.

    A catalog with YAML or schema errors is refused (exit 1, its errors
    printed); other problems are counted in one line on standard error and
    the output is still produced.
    """
    from pscatalog.cli.common import load_configuration
    from pscatalog.errors import UsageError
    from pscatalog.outputs.rendering import (
        DEFAULT_VIEW,
        PageSelection,
        renderer,
        report_pages,
        select_pages,
        split_paths,
        sync_selection,
        write_pages,
    )

    if staged and not check:
        raise UsageError("--staged goes with --check")
    if not (check or write):
        catalog, files = split_paths(paths)
        if files:
            raise UsageError(f"not a catalog folder: {files[0]} (pages go with --check or --write)")
        render_view = renderer(view or DEFAULT_VIEW[render_format], render_format)
        result = readable_catalog(
            ctx, catalog, command="render", baseline_path=baseline_path, quiet=quiet
        )
        echo(render_view(result.catalogs[0]), nl=False)
        return
    if check and write:
        raise UsageError("--check and --write cannot be used together")
    if view is not None or render_format != "markdown":
        raise UsageError("each region names its view, in Markdown: no --view or --format here")
    index = None
    if staged:
        from pscatalog.cli.common import CONFIG_KEY
        from pscatalog.tools.hooks import staged_pages

        index = staged_pages(paths, ctx.find_root().meta.get(CONFIG_KEY))
        if not (index.pages or index.problems):
            if not quiet:
                echo("No page to check.")
            return
        selection = PageSelection(index.catalog, tuple(index.pages))
    else:
        selection = select_pages(paths, load_configuration(ctx).catalog)
        if selection.empty:
            raise UsageError(f"name the pages to {'check' if check else 'write'}")
    result = readable_catalog(
        ctx,
        selection.catalog,
        command="render",
        baseline_path=baseline_path,
        quiet=quiet,
        config=index.config if index else None,
        files=index.files if index else None,
    )
    outcomes = [*(index.problems if index else []), *sync_selection(result.catalogs[0], selection)]
    if write:
        outcomes = write_pages(outcomes)
    report = report_pages(outcomes, written=write)
    if not quiet:
        echo(report.out, nl=False)
    echo(report.err, nl=False, err=True)
    ctx.exit(report.exit_code)
