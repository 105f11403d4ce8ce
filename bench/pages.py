"""Show that `render --check FOLDER` takes time linear in the pages of the folder.

    python bench/pages.py [--sizes 5000,10000,20000,40000] [--repeat 3] [--pscatalog PATH]

For each size, a repository is made with the shipped catalog and a folder of
that many Markdown pages (a `node_modules` of READMEs, 5 KB each, in folders
of 100), one in ten showing a marker in code, and one page with a region.
Then `pscatalog render --check content` runs in a process of its own: every
page is searched for a marker, the pages that mention one are read as
CommonMark, and the one with a region is checked.

It prints the CPU time (user and system: what a shared machine's load changes
least) and its ratio to the size before: linear work keeps the ratio near 2
for each doubling. Machines are shared and noisy: read the ratios, not the
seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REGION = "<!-- pscatalog:begin categories -->\n<!-- pscatalog:end -->\n"
TEXT = "# A README\n\n" + "A line of text about a package and what it does.\n" * 100
CODE = TEXT + "\nWrite `<!-- pscatalog:begin categories -->` where the table goes.\n"


def pscatalog() -> str:
    """Find pscatalog in this Python's environment, else on PATH."""
    beside = Path(sys.executable).parent / "pscatalog"
    found = str(beside) if beside.exists() else shutil.which("pscatalog")
    if found is None:
        raise SystemExit("bench: pscatalog is not installed (pip install -e .)")
    return found


def handbook(size: int, root: Path, command: str) -> None:
    """Write the repository: the catalog, ``size`` pages, one of them with a fresh region."""
    (root / ".git").mkdir()
    shutil.copytree(REPO / "catalog", root / "catalog")
    content = root / "content"
    for number in range(size):
        folder = content / "node_modules" / f"package-{number // 100}"
        folder.mkdir(parents=True, exist_ok=True)
        text = CODE if number % 10 == 0 else TEXT
        (folder / f"README-{number % 100}.md").write_text(text, encoding="utf-8")
    (content / "services.md").write_text(REGION, encoding="utf-8")
    subprocess.run(
        [command, "render", "--write", "-q", "content/services.md"], cwd=root, check=True
    )


def cpu_seconds(command: list[str], cwd: Path) -> float:
    """Run a command in ``cwd``; return its CPU time (it must exit 0)."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd
    )
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,10000,20000,40000", help="pages, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (the median is kept)")
    parser.add_argument("--pscatalog", help="the command to time (default: this environment's)")
    args = parser.parse_args()
    command = args.pscatalog or pscatalog()
    print(f"{'pages':>8} {'cpu s':>8} {'ratio':>6}")
    previous = None
    for size in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            handbook(size, root, command)
            runs = [
                cpu_seconds([command, "render", "--check", "-q", "content"], root)
                for _ in range(args.repeat)
            ]
        seconds = statistics.median(runs)
        ratio = f"{seconds / previous:6.2f}" if previous else " " * 6
        print(f"{size:>8} {seconds:>8.2f} {ratio}")
        previous = seconds


if __name__ == "__main__":
    main()
