"""Run the fuzz target for a bounded time; keep what crashes it.

    python fuzz/run.py --seconds 60            # atheris (libFuzzer), the CI run
    python fuzz/run.py --seconds 60 --fallback # plain-Python random mutations

Starts from the seed corpus (``fuzz/corpus``, left unchanged) and a working
corpus (``--work``, a temporary folder unless named, so that a longer run can
go on from a previous one). An input that fails is written to
``fuzz/crashes/`` and the run exits 1; minimise it into the regressions with::

    python fuzz/run.py --minimize fuzz/crashes/crash-... fuzz/regressions/NAME

(the same exception, raised at the same line, on fewer bytes) and keep it
there: ``tests/test_fuzz_regressions.py`` replays every file of
``fuzz/regressions/``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
SEEDS = FUZZ / "corpus"
CRASHES = FUZZ / "crashes"
TARGET = FUZZ / "fuzz_validate.py"
DICTIONARY = FUZZ / "yaml.dict"
MAX_LEN = 8192


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and run the fuzzer; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long to fuzz (default 60)")
    parser.add_argument("--work", type=Path, help="working corpus (default: temporary)")
    parser.add_argument("--fallback", action="store_true", help="plain-Python mutations")
    parser.add_argument("--seed", type=int, default=None, help="random seed of the fallback")
    parser.add_argument(
        "--minimize", nargs=2, type=Path, metavar=("CRASH", "OUTPUT"), help="minimise an input"
    )
    args = parser.parse_args(argv)
    if args.minimize:
        return minimize(*args.minimize)
    CRASHES.mkdir(exist_ok=True)
    work = args.work or Path(tempfile.mkdtemp(prefix="pscatalog-fuzz-work-"))
    work.mkdir(parents=True, exist_ok=True)
    if not args.fallback:
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("atheris is not installed: falling back to plain-Python mutations", flush=True)
            args.fallback = True
    if args.fallback:
        return fallback(args.seconds, args.seed)
    command = [
        sys.executable,
        str(TARGET),
        f"-max_total_time={args.seconds}",
        f"-max_len={MAX_LEN}",
        "-timeout=10",
        "-rss_limit_mb=2048",
        f"-dict={DICTIONARY}",
        f"-artifact_prefix={CRASHES}/",
        "-print_final_stats=1",
        str(work),
        str(SEEDS),
    ]
    print("$", " ".join(command), flush=True)
    sys.path.insert(0, str(FUZZ))
    from fuzz_validate import WORKSPACE_VARIABLE, ram_folder

    with tempfile.TemporaryDirectory(prefix="pscatalog-fuzz-", dir=ram_folder()) as workspace:
        environment = {**os.environ, WORKSPACE_VARIABLE: workspace}
        code = subprocess.call(command, env=environment)
    if code != 0:
        print(f"fuzz run failed (exit {code}); the failing input is in {CRASHES}/", flush=True)
    return code


def fallback(seconds: int, seed: int | None) -> int:
    """Mutate the seeds at random for ``seconds``; return 1 on the first failing input."""
    sys.path.insert(0, str(FUZZ))
    from fuzz_validate import check_input

    rng = random.Random(seed)
    tokens = _dictionary()
    pool = [path.read_bytes() for path in sorted(SEEDS.iterdir()) if path.is_file()]
    deadline = time.monotonic() + seconds
    runs = 0
    while time.monotonic() < deadline:
        data = mutate(rng.choice(pool), rng, tokens, pool)
        runs += 1
        try:
            check_input(data)
        except Exception:
            path = CRASHES / f"crash-{hashlib.sha1(data).hexdigest()}"
            path.write_bytes(data)
            traceback.print_exc()
            print(f"failing input after {runs} runs: {path}", flush=True)
            return 1
    print(f"done: {runs} runs in {seconds} s, no failure", flush=True)
    return 0


def _failure(data: bytes) -> tuple[str, str, int] | None:
    """Return the exception type and the file and line that raised it, if ``data`` fails."""
    from fuzz_validate import check_input

    try:
        check_input(data)
    except Exception as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return type(exc).__name__, frame.filename, frame.lineno or 0
    return None


def minimize(crash: Path, output: Path) -> int:
    """Shrink a failing input while it fails the same way (delta debugging); write it."""
    sys.path.insert(0, str(FUZZ))
    data = crash.read_bytes()
    wanted = _failure(data)
    if wanted is None:
        print(f"{crash} does not fail", flush=True)
        return 1
    chunk = max(1, len(data) // 2)
    while chunk >= 1:
        start = 0
        while start < len(data):
            candidate = data[:start] + data[start + chunk :]
            if candidate and _failure(candidate) == wanted:
                data = candidate
            else:
                start += chunk
        chunk //= 2
    output.write_bytes(data)
    print(f"{len(data)} bytes, {wanted[0]} at {wanted[1]}:{wanted[2]}: {output}", flush=True)
    return 0


def mutate(data: bytes, rng: random.Random, tokens: list[bytes], pool: list[bytes]) -> bytes:
    """Apply one to four random byte-level mutations, as libFuzzer's basic ones."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        position = rng.randint(0, len(buffer))
        choice = rng.randrange(7)
        if choice == 0 and buffer:  # erase a run of bytes
            del buffer[position : position + rng.randint(1, 16)]
        elif choice == 1:  # insert a random byte
            buffer[position:position] = bytes([rng.randrange(256)])
        elif choice == 2 and buffer:  # flip a bit
            index = min(position, len(buffer) - 1)
            buffer[index] ^= 1 << rng.randrange(8)
        elif choice == 3:  # insert a dictionary token
            buffer[position:position] = rng.choice(tokens)
        elif choice == 4 and buffer:  # duplicate a slice
            start = rng.randrange(len(buffer))
            buffer[position:position] = buffer[start : start + rng.randint(1, 64)]
        elif choice == 5:  # splice with another seed
            other = rng.choice(pool)
            cut = rng.randint(0, len(other))
            buffer = buffer[:position] + other[cut:]
        else:  # truncate
            del buffer[position:]
    return bytes(buffer[:MAX_LEN])


def _dictionary() -> list[bytes]:
    tokens = []
    for line in DICTIONARY.read_text(encoding="utf-8").splitlines():
        if line.startswith('"') and line.endswith('"'):
            tokens.append(line[1:-1].encode("latin-1").decode("unicode_escape").encode("latin-1"))
    return tokens


if __name__ == "__main__":
    sys.exit(main())
