"""``pscatalog init``: the command over :func:`pscatalog.tools.init.init_repository`."""

from __future__ import annotations

from pathlib import Path

import click

from pscatalog._version import __version__
from pscatalog.cli.common import config_option, quiet_option

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
    help="Where the hooks and the CI job get pscatalog: this project's repository or a mirror "
    "on a GitLab instance (an https URL), or a local clone for trying it out on this machine.",
)
@click.option(
    "--rev",
    default=f"v{__version__}",
    show_default=True,
    help="The tag or commit of pscatalog the hooks and the CI job use.",
)
@config_option
@quiet_option
def init(root: Path, example: bool, page: str, repository: str, rev: str, quiet: bool) -> None:
    """Set up a handbook repository to keep a catalog: files, schemas, hooks, CI, yamllint.

    ROOT is the repository's top folder (the current folder if omitted). The
    configuration is ROOT's pscatalog.toml or [tool.pscatalog] (or --config):
    its catalog setting names the catalog folder (default: catalog/). Writes
    what is missing: the catalog (never into a folder that holds catalog files),
    schema/, the page with a categories region, and adds pscatalog to
    .pre-commit-config.yaml, .gitlab-ci.yml and the yamllint settings, keeping
    every line and comment they have. What is there is judged too: hooks that
    never run, an install of another package, revisions that disagree. Running
    it again changes nothing.

    Exits with 0 when everything is in place, 1 when something needs you (a file
    init could not edit safely, with the lines to add by hand, or a problem it
    names), 2 when it cannot run: a value that gives a setup that cannot work
    is refused before anything is written.
    """
    from pscatalog.cli.common import CONFIG_KEY, echo
    from pscatalog.errors import UsageError
    from pscatalog.tools.init import Source, init_repository

    if not root.is_dir():
        raise UsageError(f"not a folder: {root}")
    config = click.get_current_context().find_root().meta.get(CONFIG_KEY)
    result = init_repository(
        root, example=example, page=page, source=Source(repository, rev), config=config
    )
    echo(result.report(quiet=quiet), nl=False)
    click.get_current_context().exit(result.exit_code)
