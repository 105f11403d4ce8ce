"""Show that printing a diff takes time linear in the files diffed.

    python bench/diff.py [--sizes 2000,4000,8000,16000] [--repeat 1] [--pscatalog PATH]

For each size, a catalog is grown to that many offerings (bench/generate.py)
and the blank line between its offerings is taken out, so that every category
file needs reformatting in thousands of small places: the worst case of a
diff that looks for the longest matching block again and again (Python's
difflib), whose time grows with the square of the lines. Then, each in a
process of its own:

- ``pscatalog fmt --check``: the formatting alone, the reference;
- ``pscatalog fmt --diff``: the same, and a unified diff of every file;
- ``pscatalog validate --fix --diff``: fixes, the canonical layout, a diff;
- ``pscatalog render --check PAGE``: a page whose ``catalog`` region was
  rendered from the catalog, then had every fifth line changed.

It prints the CPU time of each (user and system: what a shared machine's
load changes least) and its ratio to the size before: linear work keeps the
ratio near 2 for each doubling, where work that grows with the square of the
input gives 4. ``--pscatalog`` names the command to time (another build, to
compare), this environment's by default. Machines are shared and noisy: read
the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (a script beside this one)

COMMANDS = ("fmt --check", "fmt --diff", "validate --fix --diff", "render --check")
"""What is measured, in the order the table shows it."""


@dataclass(frozen=True)
class Run:
    """The median of a command's runs on one catalog."""

    cpu_seconds: float
    output_bytes: int
    exit_code: int


def pscatalog() -> str:
    """Find pscatalog in this Python's environment, else on PATH."""
    beside = Path(sys.executable).parent / "pscatalog"
    found = str(beside) if beside.exists() else shutil.which("pscatalog")
    if found is None:
        raise SystemExit("bench: pscatalog is not installed (pip install -e .)")
    return found


def unformatted_catalog(size: int, root: Path) -> Path:
    """Write a catalog of ``size`` offerings, without the blank line between offerings."""
    catalog = root / "catalog"
    generate(size, catalog)
    for path in catalog.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\n\n(?=  - id: )", "\n", text), encoding="utf-8")
    return catalog


def stale_page(command: str, catalog: Path, page: Path) -> None:
    """Write a page holding the catalog view, every fifth line of it changed."""
    rendered = subprocess.run(
        [command, "render", "--view", "catalog", str(catalog)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    stale = "".join(
        f"{line} (old)\n" if number % 5 == 0 and line else f"{line}\n"
        for number, line in enumerate(rendered.splitlines())
    )
    page.write_text(
        f"# Services\n\n<!-- pscatalog:begin catalog -->\n\n{stale}\n<!-- pscatalog:end -->\n",
        encoding="utf-8",
    )


def run_once(command: list[str], cwd: Path) -> Run:
    """Run a command in ``cwd``; return its CPU time, output size and exit code."""
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        out.seek(0, os.SEEK_END)
        size = out.tell()
    return Run(usage.ru_utime + usage.ru_stime, size, os.waitstatus_to_exitcode(status))


def measure(command: str, size: int, root: Path, repeat: int) -> tuple[dict[str, Run], int, int]:
    """Time every command on a catalog of ``size`` offerings; return the runs and file sizes."""
    catalog = unformatted_catalog(size, root)
    page = root / "services.md"
    stale_page(command, catalog, page)
    argv = {
        "fmt --check": [command, "fmt", "--check", "catalog"],
        "fmt --diff": [command, "fmt", "--diff", "catalog"],
        "validate --fix --diff": [command, "validate", "--fix", "--diff", "catalog"],
        "render --check": [command, "render", "--check", "catalog", str(page)],
    }
    runs: dict[str, list[Run]] = {name: [] for name in COMMANDS}
    for _ in range(repeat):
        for name in COMMANDS:
            runs[name].append(run_once(argv[name], root))
    medians = {}
    for name, samples in runs.items():
        middle = statistics.median_low(run.cpu_seconds for run in samples)
        medians[name] = next(run for run in samples if run.cpu_seconds == middle)
        # Each finds something to change: a diff, or files and pages named (exit 1; validate
        # exits 0 when its fixes leave no error). Anything else is a failure.
        if medians[name].exit_code not in (0, 1) or not medians[name].output_bytes:
            raise SystemExit(f"bench: {name} exited {medians[name].exit_code} at {size}")
    catalog_bytes = sum(path.stat().st_size for path in catalog.glob("*.yaml"))
    return medians, catalog_bytes, page.stat().st_size


def main() -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="2000,4000,8000,16000", help="offerings, comma-separated"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (the median is kept)")
    parser.add_argument("--pscatalog", help="the command to time (default: this environment's)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    command = args.pscatalog or pscatalog()
    header = "| offerings | catalog | page | " + " | ".join(COMMANDS) + " |"
    lines = [header, "|" + " --: |" * (3 + len(COMMANDS))]
    previous: dict[str, Run] | None = None
    with tempfile.TemporaryDirectory(prefix="pscatalog-diff-") as scratch:
        for size in sizes:
            root = Path(scratch) / str(size)
            runs, catalog_bytes, page_bytes = measure(command, size, root, args.repeat)
            cells = []
            for name in COMMANDS:
                cell = f"{runs[name].cpu_seconds:.2f} s"
                if previous is not None:
                    cell += f" (×{runs[name].cpu_seconds / previous[name].cpu_seconds:.2f})"
                cells.append(cell)
            lines.append(
                f"| {size:,} | {catalog_bytes / 1e6:.1f} MB | {page_bytes / 1e3:,.0f} KB | "
                + " | ".join(cells)
                + " |"
            )
            print(lines[-1], file=sys.stderr, flush=True)
            previous = runs
            shutil.rmtree(root)
    print(
        "CPU seconds per command, median of", args.repeat, "run(s); (×r): ratio to the size before"
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
