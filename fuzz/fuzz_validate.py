"""Coverage-guided fuzz target for the loader and validation (atheris).

Each input is written as a category file of a small catalog, and as the
levels file of another, on a RAM-backed folder; both catalogs are validated
and every text and JSON report is rendered. A finding is not a failure: only
an exception is, or a diagnostic outside its file (a file that is not in the
catalog, a line or column before 1 or past the end, a JSON pointer that is not
in the data).

Run it for a bounded time with ``fuzz/run.py``; or directly::

    python fuzz/fuzz_validate.py -max_total_time=60 -dict=fuzz/yaml.dict WORK fuzz/corpus

libFuzzer writes the inputs it finds interesting into the first folder
(``WORK``), so keep the committed seed corpus second. ``check_input`` is the
same check without atheris: ``tests/test_fuzz_regressions.py`` replays
``fuzz/regressions/`` through it.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

try:
    import atheris
except ImportError:  # the replay tests and the fallback runner need no atheris
    atheris = None

if atheris is not None and __name__ == "__main__":
    with atheris.instrument_imports(include=["pscatalog"]):
        from pscatalog.checks.checker import validate
        from pscatalog.outputs.reporters import REPORTER_BY_NAME
else:
    from pscatalog.checks.checker import validate
    from pscatalog.outputs.reporters import REPORTER_BY_NAME

LEVELS_YAML = """\
levels:
  - id: product
    name: Product
    rank: 1
    persona: The platform owner
  - id: adoption
    name: Adoption
    rank: 2
    persona: The enablement lead
  - id: transformation
    name: Transformation
    rank: 3
    persona: The executive sponsor
"""
CATEGORY_YAML = """\
id: implementation
name: Implementation Services
level: product
offerings:
  - id: base-implementation
    name: Base implementation
    maturity: minimal
    variants:
      - id: custom
"""
# git and other subprocesses are not fuzzed: gitlab and sarif reports ask git for paths.
REPORTS = ("full", "concise", "json", "github", "junit")
WORKSPACE_VARIABLE = "PSCATALOG_FUZZ_WORKSPACE"


class PositionError(AssertionError):
    """A diagnostic points outside the file it names."""


def make_workspace(root: Path) -> tuple[Path, Path]:
    """Create the two catalogs an input goes into, under ``root``; return their folders."""
    as_category, as_levels = root / "as-category", root / "as-levels"
    for folder, files in (
        (as_category, {"levels.yaml": LEVELS_YAML}),
        (as_levels, {"implementation.yaml": CATEGORY_YAML}),
    ):
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    return as_category, as_levels


@functools.cache
def _default_workspace() -> tuple[Path, Path]:
    named = os.environ.get(WORKSPACE_VARIABLE)
    if named:  # fuzz/run.py names one and removes it after the run
        return make_workspace(Path(named))
    # libFuzzer ends the process without running atexit: each run has a folder
    # named after its process, and removes those of runs that have ended.
    base = Path(ram_folder() or tempfile.gettempdir()) / f"pscatalog-fuzz-{os.getuid()}"
    base.mkdir(exist_ok=True)
    for stale in base.iterdir():
        if stale.name.isdigit() and not _alive(int(stale.name)):
            shutil.rmtree(stale, ignore_errors=True)
    root = base / str(os.getpid())
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return make_workspace(root)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def ram_folder() -> str | None:
    """Return a RAM-backed folder for temporary files, if there is one: two writes per input."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def check_input(data: bytes, workspace: tuple[Path, Path] | None = None) -> None:
    """Validate ``data`` as a category file and as a levels file; raise on any fault.

    ``workspace`` is what :func:`make_workspace` returns (a temporary one if omitted).
    """
    as_category, as_levels = workspace or _default_workspace()
    for folder, name in ((as_category, "fuzzed.yaml"), (as_levels, "levels.yaml")):
        (folder / name).write_bytes(data)
        result = validate([folder])
        for report in REPORTS:
            REPORTER_BY_NAME[report](result)
        _check_positions(result)


def _line_count(data: bytes) -> int:
    """Lines of the file as any reader counts them (LF, CR, NEL, LS and PS end lines)."""
    text = data.decode("utf-8", "replace")
    return max(data.count(b"\n") + 1, len(text.splitlines()) + 1, data.count(b"\r") + 1)


def _resolves(data: Any, pointer: str) -> bool:
    node = data
    for raw in pointer.split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False
    return True


def _check_positions(result: Any) -> None:
    documents = {doc.name: doc for catalog in result.catalogs for doc in catalog.documents}
    for diagnostic in result.diagnostics:
        location = diagnostic.location
        doc = documents.get(location.file)
        if doc is None:
            if location.file.endswith(("levels.yaml", "levels.yml")):
                continue  # a missing levels file is reported where it should be
            raise PositionError(f"{diagnostic}: names a file that is not in the catalog")
        raw = doc.path.read_bytes() if doc.path.is_file() else b""
        if location.line < 1 or location.column < 1:
            raise PositionError(f"{diagnostic}: line and column start at 1")
        if location.line > _line_count(raw):
            raise PositionError(f"{diagnostic}: line past the end of the file")
        if location.pointer and doc.data is not None and not _resolves(doc.data, location.pointer):
            raise PositionError(f"{diagnostic}: pointer is not in the document")


def test_one_input(data: bytes) -> None:
    """The atheris entry point."""
    check_input(data)


def main() -> None:
    """Run the fuzzer: atheris's libFuzzer arguments, as ``python fuzz/fuzz_validate.py -h=1``."""
    if atheris is None:
        sys.exit("atheris is not installed: pip install atheris, or run fuzz/run.py --fallback")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
