"""Show that validate's work grows linearly with what a file holds, however it is written.

    python bench/linear.py [--flow-mb 0.75] [--findings 10000] [--scales 1,2,4]

Two inputs, each at 1x, 2x and 4x its base size, each validated by a whole
``pscatalog validate --statistics`` process with the ``full`` output (the one
that shows source lines):

- **flow**: one category file written on a single line in YAML flow style,
  ``--flow-mb`` megabytes at 1x (3 MB at 4x by default). Every offering has
  faults that both the schema and a rule catch (a capitalised maturity, a SKU
  on a custom variant), so that matching schema findings to rule findings,
  and excerpts of the one long line, are exercised at scale;
- **findings**: a block-style category file with ``--findings`` findings at 1x.

For each run it prints the wall and CPU time, the peak memory, the bytes of
output and the number of findings, then the ratios of CPU time, output and
findings to the 1x run: linear work keeps them near the scale (2 and 4),
where work that grows with the square of the input would give 4 and 16. It also prints how
much of the wall time the ``--statistics`` stages account for (the rest is
the interpreter's start and imports, before the command runs). Machines are
shared and noisy: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

HEAD = "id: integration\nname: Integration Services\nlevel: product\n"


@dataclass(frozen=True)
class Run:
    """One measured process."""

    seconds: float
    cpu_seconds: float
    """User and system time: what a shared machine's load changes least."""
    peak_mib: float
    output_bytes: int
    findings: int
    stages_seconds: float
    """What --statistics accounts for: the sum of its stages."""


def flow_file(megabytes: float) -> str:
    """Return a one-line flow-style category file of about ``megabytes`` MB."""
    parts: list[str] = []
    size, target, n = 0, int(megabytes * 1_000_000), 0
    while size < target:
        part = (
            f"{{id: o{n}, name: O{n}, maturity: Complete, "
            f"variants: [{{id: custom, sku: X-{n}}}], bad{n}: 1}}"
        )
        parts.append(part)
        size += len(part) + 2
        n += 1
    return "{" + HEAD.strip().replace("\n", ", ") + ", offerings: [" + ", ".join(parts) + "]}\n"


def findings_file(findings: int) -> str:
    """Return a block-style category file with ``findings`` findings.

    Each offering has a capitalised maturity, which the schema and a rule both
    catch: one finding once matched.
    """
    offerings = "".join(
        f"  - id: o{n}\n    name: O{n}\n    maturity: Planned\n    variants:\n      - id: custom\n"
        for n in range(findings)
    )
    return HEAD + "offerings:\n" + offerings


def catalog(folder: Path, name: str, text: str) -> Path:
    """Write a catalog folder: the shipped levels, two categories, ``name`` holding ``text``."""
    folder.mkdir(parents=True)
    shutil.copy(REPO / "catalog" / "levels.yaml", folder / "levels.yaml")
    for other in ("education.yaml", "dedicated.yaml"):  # every level has a category
        shutil.copy(REPO / "catalog" / other, folder / other)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def measure(pscatalog: str, path: Path) -> Run:
    """Validate ``path`` in a process of its own, full output to a file."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            [pscatalog, "validate", "--statistics", str(path)],
            stdout=out,
            stderr=err,
            cwd=path.parent.parent,
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            err.seek(0)
            raise SystemExit(f"bench: validate failed: {err.read().decode()}")
        out.seek(0, os.SEEK_END)
        output_bytes = out.tell()
        err.seek(0)
        statistics = err.read().decode("utf-8")
    findings = int(re.search(r"(\d+) findings", statistics)[1])  # type: ignore[index]
    total = float(re.search(r"total\s+([\d.]+) ms", statistics)[1])  # type: ignore[index]
    cpu = usage.ru_utime + usage.ru_stime
    return Run(elapsed, cpu, usage.ru_maxrss / 1024, output_bytes, findings, total / 1000)


def report(label: str, runs: dict[int, Run]) -> list[str]:
    """Return a Markdown table of the runs, with their ratios to the smallest."""
    base = runs[min(runs)]
    lines = [
        f"### {label}",
        "",
        "| scale | findings | wall time | CPU time | peak memory | output | CPU time ratio "
        "| output ratio | findings ratio | --statistics / wall |",
        "| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |",
    ]
    for scale, run in runs.items():
        lines.append(
            f"| {scale}x | {run.findings:,} | {run.seconds:.2f} s | {run.cpu_seconds:.2f} s "
            f"| {run.peak_mib:,.0f} MiB | {run.output_bytes / 1e6:.1f} MB "
            f"| {run.cpu_seconds / base.cpu_seconds:.2f} "
            f"| {run.output_bytes / base.output_bytes:.2f} | {run.findings / base.findings:.2f} "
            f"| {run.stages_seconds / run.seconds:.1%} |"
        )
    return [*lines, ""]


def median_run(pscatalog: str, path: Path, repeat: int) -> Run:
    """Measure ``repeat`` times; keep the run of median CPU time."""
    runs = sorted(
        (measure(pscatalog, path) for _ in range(repeat)), key=lambda run: run.cpu_seconds
    )
    return runs[len(runs) // 2]


def main() -> None:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--flow-mb", type=float, default=0.75, help="flow file size at 1x (MB)")
    parser.add_argument("--findings", type=int, default=10_000, help="findings at 1x")
    parser.add_argument("--scales", default="1,2,4", help="comma-separated multiples of 1x")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (the median is kept)")
    args = parser.parse_args()
    scales = [int(scale) for scale in args.scales.split(",")]
    pscatalog = str(Path(sys.executable).parent / "pscatalog")
    with tempfile.TemporaryDirectory(prefix="pscatalog-linear-") as temporary:
        root = Path(temporary)
        flow = {
            scale: median_run(
                pscatalog,
                catalog(
                    root / f"flow-{scale}" / "catalog", "flow.yaml", flow_file(args.flow_mb * scale)
                ),
                args.repeat,
            )
            for scale in scales
        }
        many = {
            scale: median_run(
                pscatalog,
                catalog(
                    root / f"findings-{scale}" / "catalog",
                    "findings.yaml",
                    findings_file(args.findings * scale),
                ),
                args.repeat,
            )
            for scale in scales
        }
    print("\n".join(report(f"One line, flow style, {args.flow_mb:g} MB at 1x", flow)))
    print("\n".join(report(f"Block style, {args.findings:,} findings at 1x", many)))


if __name__ == "__main__":
    main()
