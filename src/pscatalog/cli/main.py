"""The ``pscatalog`` command line: thin commands over the Python API.

Each command collects its options, calls one library function, hands the
result to a reporter and exits: 0 when there is no error, 1 when the catalog
has errors, 2 when the command cannot run. A usage error (a bad option, a
path that does not exist) is one line and the usage hint; any other reason
not to run is one line. The commands live in one module each
(``*_command.py``); what they share is :mod:`pscatalog.cli.common`. Heavy
modules are imported inside the commands, so ``--version`` and ``--help``
stay fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from pscatalog._version import __version__
from pscatalog.cli.common import (
    OUTPUT_FORMATS,
    REPORT_FORMATS,
    config_option,
    echo,
    echo_error,
)
from pscatalog.errors import PscatalogError, UsageError

__all__ = ["OUTPUT_FORMATS", "REPORT_FORMATS", "cli", "main"]


class _Group(click.Group):
    """A group whose every error is one line: usage errors with the usage hint, exit 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; errors are printed in pscatalog's style, never click's."""
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            _usage_error(_sentence(exc.format_message()), exc.ctx)
            code = 2
        except click.ClickException as exc:
            echo_error(f"pscatalog: error: {_sentence(exc.format_message())}")
            code = exc.exit_code
        except click.Abort:
            echo("Aborted!", err=True)
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        from pscatalog.files.writer import WriteRefused

        try:
            return super().invoke(ctx)
        except WriteRefused as exc:
            # The command ran; what it would have written failed its check: an error, as
            # a finding is, and the file is as it was.
            echo_error(f"pscatalog: error: {exc}")
            ctx.exit(1)
        except UsageError as exc:
            _usage_error(str(exc), ctx, ctx.invoked_subcommand)
            ctx.exit(2)
        except PscatalogError as exc:
            echo_error(f"pscatalog: error: {exc}")
            ctx.exit(2)
        except BrokenPipeError:
            raise  # the reader went away (``| head``): click stops quietly, exit 1
        except OSError as exc:
            target = f": {exc.filename}" if exc.filename else ""
            echo_error(f"pscatalog: error: {exc.strerror or exc}{target}")
            ctx.exit(2)


def _usage_error(message: str, ctx: click.Context | None, sub: str | None = None) -> None:
    """Print a usage error: one line, then where the command's help is."""
    echo_error(f"pscatalog: error: {message}")
    # The console script's name, whatever name a test runner gives the group.
    path = " ".join(["pscatalog", *_command_names(ctx)[1:]])
    if sub is not None:
        path = f"{path} {sub}"
    click.echo(f"Try '{path} --help' for help.", err=True)


def _command_names(ctx: click.Context | None) -> list[str]:
    names: list[str] = []
    while ctx is not None:
        names.insert(0, ctx.info_name or "")
        ctx = ctx.parent
    return names


def _sentence(message: str) -> str:
    """Return click's message in pscatalog's style: lower-case start, no final period.

    Only click's own messages: pscatalog's are written so, and may end with a path.
    """
    message = message.strip().rstrip(".")
    if len(message) > 1 and message[0].isupper() and not message[1].isupper():
        message = message[0].lower() + message[1:]
    return message


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pscatalog", message="%(prog)s %(version)s")
@config_option
def cli() -> None:
    """Validate and use a professional-services offerings catalog."""


def main() -> None:
    """Run the command line; the ``pscatalog`` console script."""
    try:
        code = cli.main(prog_name="pscatalog", standalone_mode=False)
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = _reader_gone()
    except Exception as exc:  # a bug: still one line, never a traceback, unless asked
        if os.environ.get("PSCATALOG_DEBUG"):
            raise
        echo_error(
            f"pscatalog: internal error: {type(exc).__name__}: {exc} "
            "(set PSCATALOG_DEBUG=1 to see where)"
        )
        code = 2
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = _reader_gone()
    # A large catalog's data takes seconds to free; the process is ending anyway.
    os._exit(code if isinstance(code, int) else 0)


def _reader_gone() -> int:
    """Stop quietly when the program reading the output has closed it (``| head``).

    What is left in the output buffer goes nowhere instead of raising again
    at exit; the exit code is 1, as click gives when the pipe closes mid-command.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


# The commands, one module each; imported last, as they only need the shared options.
from pscatalog.cli.diff_command import diff  # noqa: E402
from pscatalog.cli.export_command import export, stats  # noqa: E402
from pscatalog.cli.fmt_command import fmt  # noqa: E402
from pscatalog.cli.import_command import import_command  # noqa: E402
from pscatalog.cli.init_command import init  # noqa: E402
from pscatalog.cli.reference_commands import explain, rules, schema  # noqa: E402
from pscatalog.cli.render_command import render  # noqa: E402
from pscatalog.cli.validate_command import baseline, validate  # noqa: E402

for _command in (
    validate,
    baseline,
    rules,
    explain,
    schema,
    render,
    export,
    fmt,
    import_command,
    diff,
    stats,
    init,
):
    cli.add_command(_command)
