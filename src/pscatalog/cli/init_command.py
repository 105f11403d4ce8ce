"""``pscatalog init``: the command over :func:`pscatalog.tools.init.init_repository`."""

from __future__ import annotations

from pathlib import Path

import click

from pscatalog._version import __version__

PROJECT_URL = "https://gitlab.com/pscatalog/pscatalog"
"""Kept here as well so that ``--help`` imports nothing; a test keeps the two in step."""


@click.command("init")
@click.argument(
    "root", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@click.option(
    "--example",
    is_flag=True,
    help="Write the framework's catalog (the one shipped with pscatalog) instead of the "
    "three levels and a small category for each.",
)
@click.option(
    "--page",
    default="services.md",
    show_default=True,
    help="The handbook page that shows the categories, relative to ROOT.",
)
@click.option(
    "--repository",
    default=PROJECT_URL,
    show_default=True,
    help="Where the hooks and the CI job get pscatalog: this project's repository, or a mirror.",
)
@click.option(
    "--rev",
    default=f"v{__version__}",
    show_default=True,
    help="The tag or commit of pscatalog the hooks and the CI job use.",
)
def init(root: Path, example: bool, page: str, repository: str, rev: str) -> None:
    """Set up a handbook repository to keep a catalog: files, schemas, hooks, CI, yamllint.

    ROOT is the repository's top folder (the current folder if omitted). Writes
    what is missing: catalog/ (never into one that holds files), schema/, the
    page with a categories region, and adds pscatalog to .pre-commit-config.yaml,
    .gitlab-ci.yml and the yamllint settings, keeping every line and comment
    they have. Running it again changes nothing.

    Exits with 0 when everything is in place, 1 when a file could not be edited
    safely (the lines to add by hand are printed), 2 when it cannot run.
    """
    from pscatalog.errors import UsageError
    from pscatalog.outputs.escaping import terminal_lines
    from pscatalog.tools.init import Source, init_repository

    if not root.is_dir():
        raise UsageError(f"not a folder: {root}")
    if Path(page).is_absolute() or ".." in Path(page).parts or not page.strip():
        raise UsageError(f"--page names a page inside the repository, not {page!r}")
    result = init_repository(root, example=example, page=page, source=Source(repository, rev))
    click.echo(terminal_lines(result.report()), nl=False)
    click.get_current_context().exit(result.exit_code)
