"""How `diff` counts a folder side's problems, and how `validate` names a folder elsewhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from helpers import write_catalog
from pscatalog.cli.main import cli

# Viable without marketing material or an execution plan: two warnings (M003, M004).
VIABLE = """\
id: expert
name: Expert Services
level: transformation
offerings:
  - id: review
    name: Review
    maturity: viable
    evidence:
      deliveries: 1
    variants:
      - id: custom
"""


def run(*args: str) -> tuple[int, str, str]:
    """Invoke the CLI in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_each_folder_side_names_the_command_that_shows_its_problems(in_tmp: Path) -> None:
    """The problems line of each folder side names it as written, quoted for a shell if need be."""
    write_catalog(in_tmp / "old", {"d-expert.yaml": VIABLE})
    write_catalog(in_tmp / "my new", {"d-expert.yaml": VIABLE})
    code, out, err = run("diff", "./old", "my new")
    assert (code, out) == (0, "## Catalog changes\n\nNo changes to the catalog.\n")
    assert err == (
        "pscatalog: ./old has 2 warnings; 'pscatalog validate ./old' shows them\n"
        "pscatalog: my new has 2 warnings; 'pscatalog validate 'my new'' shows them\n"
    )


def test_the_hint_works_as_printed(in_tmp: Path) -> None:
    """Running the command the hint names shows the warnings it counted."""
    write_catalog(in_tmp / "old", {})
    write_catalog(in_tmp / "new", {"d-expert.yaml": VIABLE})
    err = run("diff", "old", "./new")[2]
    command = err.splitlines()[0].split("; '")[1].removesuffix("' shows them")
    assert command == "pscatalog validate ./new"
    code, out, _ = run(*command.split()[1:])
    assert code == 0
    assert out.startswith("new/d-expert.yaml:7:15: warning M003 'review' is viable but lists ")
    assert out.endswith("Found 2 warnings in 5 files.\n")


def test_validate_names_a_folder_elsewhere_as_given(tmp_path: Path, in_tmp: Path) -> None:
    """A folder written absolute, sharing only the root with the current one, keeps its path.

    Run from /dev, the catalog under the temporary folder is
    ``/tmp/.../rt/levels.yaml``, not ``../tmp/.../rt/levels.yaml``.
    """
    elsewhere = write_catalog(tmp_path / "rt", {})
    done = subprocess.run(
        [sys.executable, "-m", "pscatalog", "validate", str(elsewhere)],
        cwd="/dev",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith(f"{elsewhere}/a-product.yaml:1:1: warning C301 ")
    assert "../" not in done.stdout
    # A folder written relative keeps being named relative to here.
    here = in_tmp / "deep" / "down"
    here.mkdir(parents=True)
    write_catalog(in_tmp / "near", {})
    done = subprocess.run(
        [sys.executable, "-m", "pscatalog", "validate", "../../near"],
        cwd=here,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("../../near/a-product.yaml:1:1: warning C301 ")
