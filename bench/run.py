"""Time pscatalog and check-jsonschema side by side, as a user runs them.

    python bench/run.py [--sizes 20,1000,10000] [--repeat 5] [--markdown FILE]

For each size, a catalog is grown to that many offerings (bench/generate.py),
then the two tools run alternately on the same files, each as a whole process:

- ``pscatalog validate FILES``: every file (levels and categories), positions,
  schema and the framework's rules, the way the pre-commit hook runs it;
- ``check-jsonschema --schemafile schema/category.schema.json CATEGORY_FILES``:
  the category files against their schema, nothing else;
- ``pscatalog fmt --check FILES``: the formatter's hook on the same files, which
  the README promises within twice the time of ``pscatalog validate``.

It prints medians of wall time and peak memory (resident set size) and the
ratios pscatalog / check-jsonschema, plus the growth of pscatalog's time and
memory between sizes. "shipped" is the catalog in this repository. It also
times ``pscatalog --version``. Not part of the test suite: machines are shared
and noisy, so read ratios from one run, not absolute times across runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (a script beside this one)


@dataclass
class Sample:
    """Medians of one tool's runs on one catalog."""

    seconds: float
    peak_mib: float
    exit_codes: set[int]


def run_once(command: list[str]) -> tuple[float, float, int]:
    """Run a command; return its wall time, peak RSS in MiB and exit code."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def measure(commands: dict[str, list[str]], repeat: int) -> dict[str, Sample]:
    """Run each command ``repeat`` times, alternating between them."""
    runs: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(run_once(command))
    return {
        name: Sample(
            statistics.median(run[0] for run in results),
            statistics.median(run[1] for run in results),
            {run[2] for run in results},
        )
        for name, results in runs.items()
    }


def tool(name: str) -> str:
    """Find a console script in this Python's environment, else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"bench: '{name}' is not installed (pip install -e '.[test]')")
    return found


def commands_for(catalog: Path) -> dict[str, list[str]]:
    """Return the two commands to compare on a catalog folder."""
    files = sorted(str(path) for path in catalog.glob("*.yaml"))
    categories = [path for path in files if not path.endswith("levels.yaml")]
    return {
        "pscatalog": [tool("pscatalog"), "validate", *files],
        "fmt": [tool("pscatalog"), "fmt", "--check", *files],
        "check-jsonschema": [
            tool("check-jsonschema"),
            "--schemafile",
            str(REPO / "schema" / "category.schema.json"),
            *categories,
        ],
    }


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="shipped,20,1000,10000", help="comma-separated")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()

    rows = []
    previous: tuple[int, Sample] | None = None
    with tempfile.TemporaryDirectory() as scratch:
        version = measure({"version": [tool("pscatalog"), "--version"]}, args.repeat)["version"]
        for size in args.sizes.split(","):
            if size == "shipped":
                catalog = REPO / "catalog"
            else:
                catalog = Path(scratch) / size / "catalog"
                generate(int(size), catalog)
            # Large catalogs take minutes per check-jsonschema run: fewer repeats.
            repeat = args.repeat if size in ("shipped", "20", "1000") else max(1, args.repeat // 2)
            samples = measure(commands_for(catalog), repeat)
            ours, theirs = samples["pscatalog"], samples["check-jsonschema"]
            fmt = samples["fmt"]
            growth = ""
            if previous is not None and size != "shipped":
                count, before = previous
                growth = (
                    f"{ours.seconds / before.seconds:.1f}x time, "
                    f"{ours.peak_mib / before.peak_mib:.1f}x memory for {int(size) / count:.0f}x"
                )
            if size != "shipped":
                previous = (int(size), ours)
            rows.append(
                f"| {size} | {ours.seconds:.3f} s | {theirs.seconds:.3f} s | "
                f"**{ours.seconds / theirs.seconds:.2f}** | {ours.peak_mib:.0f} MiB | "
                f"{theirs.peak_mib:.0f} MiB | {ours.peak_mib / theirs.peak_mib:.2f} | {growth} | "
                f"{fmt.seconds:.3f} s | **{fmt.seconds / ours.seconds:.2f}** |"
            )
            print(rows[-1], flush=True)
            if ours.exit_codes != {0} or theirs.exit_codes != {0} or fmt.exit_codes != {0}:
                codes = (
                    f"pscatalog {ours.exit_codes}, check-jsonschema {theirs.exit_codes}, "
                    f"fmt --check {fmt.exit_codes}"
                )
                print(f"  exit codes: {codes}")

    header = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}; "
        f"medians of {args.repeat} alternating runs "
        f"(fewer above 1,000 offerings). `pscatalog --version`: {version.seconds * 1000:.0f} ms.",
        "",
        "| offerings | pscatalog | check-jsonschema | ratio | pscatalog peak "
        "| check-jsonschema peak | memory ratio | pscatalog growth | fmt --check "
        "| fmt / validate |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    table = "\n".join(header + rows) + "\n"
    print()
    print(table)
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
