"""Reading the JSON and TOML files pscatalog reads, within bounds.

Beside the catalog (read by the YAML loader, with limits of its own),
pscatalog reads a baseline (JSON), a configuration (TOML), the
``pyproject.toml`` files it meets while looking for one, and the schema files
modelines name (JSON). Any of them can be hostile: a pipe or a device that
never ends, a file of gigabytes, arrays nested thousands deep (Python's JSON
and TOML parsers recurse, and end in ``RecursionError``), or TOML keys of
thousands of dotted parts (``tomllib`` takes time and memory quadratic in
their number). So every such file is:

- a regular file (never a pipe, socket or device, even through a link),
  checked before it is opened and again on the open file;
- read up to a size limit, never beyond;
- measured before it is parsed: nesting (and, for TOML, dotted key parts)
  past a limit is refused without handing the text to the parser;
- measured again once parsed, so that nothing deeper than the limit reaches
  the code that uses it.

A problem is a :class:`BoundedReadError` whose message says what is wrong in
a few words; callers put the file's name in front.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from pscatalog.errors import PscatalogError

JSON_MAX_BYTES = 64 * 1024 * 1024
"""The largest JSON file read (a baseline of a few hundred thousand findings)."""
TOML_MAX_BYTES = 1024 * 1024
"""The largest TOML file read (a configuration or a pyproject.toml)."""
JSON_MAX_VALUES = 2_000_000
"""The most values (including keys) a JSON file may hold: what a baseline of 300,000
findings needs, about half a gigabyte in memory."""
MAX_NESTING = 32
"""The deepest nesting of a JSON or TOML document, and the most parts a TOML key has."""

# A string, or what is left of the text after an unterminated one. Every match attempt
# at a quote succeeds and nothing is matched twice, so the work is linear whatever the
# text (a string pattern that can fail rescans the rest of the text from each quote).
_JSON_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+(?:\\\Z)?(?:"|\Z)', re.DOTALL)
# Strings and comments, whose brackets and dots are text, not structure; each pattern
# matches wherever it starts, as above (an unterminated string ends its line or the text).
_TOML_TEXT = re.compile(
    r'"""[\s\S]*?(?:"""(?!")|\Z)|\'\'\'[\s\S]*?(?:\'\'\'(?!\')|\Z)'
    r'|"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+(?:\\$)?(?:"|$)|\'[^\'\n]*+(?:\'|$)|#[^\n]*+',
    re.MULTILINE,
)
_TOML_KEY_RUN = re.compile(r"[\w.\- \t]+")
"""A run of what a dotted key is made of, once strings are left out: its dots separate parts."""
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))
_EMPTY_PAIR = re.compile(rb"[\[{][\]}]")


class BoundedReadError(PscatalogError):
    """A file cannot be read within bounds; the message says why, without the file's name."""


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """Return the content of the regular file ``path``, at most ``max_bytes`` of it.

    Raises :class:`BoundedReadError` for a folder, a pipe, a socket, a device
    (directly or through a link), a missing or unreadable file, or a file
    larger than ``max_bytes``.
    """
    try:
        _check_regular(os.stat(path).st_mode)
        # O_NONBLOCK: should the file have become a pipe since, opening it does not wait.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise BoundedReadError("no such file") from None
    except OSError as exc:
        raise BoundedReadError(f"cannot be read: {exc.strerror or exc}") from None
    except ValueError:  # a NUL byte in the name
        raise BoundedReadError("cannot be read: the name holds a NUL character") from None
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        _check_regular(status.st_mode)
        if status.st_size > max_bytes:
            raise BoundedReadError(_too_large(status.st_size, max_bytes))
        try:
            data = stream.read(max_bytes + 1)
        except OSError as exc:
            raise BoundedReadError(f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # grown since, or a file whose size the system does not know
        raise BoundedReadError(_too_large(len(data), max_bytes))
    return data


def load_json(
    path: Path,
    *,
    max_bytes: int = JSON_MAX_BYTES,
    max_depth: int = MAX_NESTING,
    max_values: int = JSON_MAX_VALUES,
) -> Any:
    """Read and parse the JSON file ``path`` within bounds (see :func:`read_bytes`)."""
    data = read_bytes(path, max_bytes=max_bytes)
    return parse_json(data, max_depth=max_depth, max_values=max_values)


def parse_json(
    data: bytes | str, *, max_depth: int = MAX_NESTING, max_values: int = JSON_MAX_VALUES
) -> Any:
    """Parse JSON text, refusing it unparsed if it nests too deeply or holds too many values."""
    import gc
    import json

    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    structure = _JSON_STRING.sub(b"", raw)
    # Strings left out, the count of brackets is exact: nothing deeper reaches the parser.
    _check_depth(_bracket_depth(structure.translate(None, _NOT_BRACKETS), max_depth), max_depth)
    values = 1 + sum(structure.count(mark) for mark in (b",", b":", b"[", b"{"))
    if values > max_values:
        raise BoundedReadError(f"holds more than the limit of {max_values:,} values")
    gc_was_enabled = gc.isenabled()
    gc.disable()  # JSON data holds no reference cycles; the collector only slows a large load
    try:
        return json.loads(data)
    except RecursionError:  # cannot happen after the check above; never a traceback
        raise BoundedReadError(_too_deep(max_depth)) from None
    except UnicodeDecodeError as exc:  # UTF-16 or UTF-32 with a byte order mark, Latin-1
        raise BoundedReadError(
            f"not UTF-8 (byte {exc.object[exc.start]:#04x} at offset {exc.start}): save it as UTF-8"
        ) from None
    except json.JSONDecodeError as exc:
        raise BoundedReadError(f"not valid JSON: {_one_line(str(exc))}") from None
    except ValueError:  # Python's limit on the digits of an integer
        raise BoundedReadError("not valid JSON here: a number has too many digits") from None
    finally:
        if gc_was_enabled:
            gc.enable()


def load_toml(
    path: Path, *, max_bytes: int = TOML_MAX_BYTES, max_depth: int = MAX_NESTING
) -> dict[str, Any]:
    """Read and parse the TOML file ``path`` within bounds (see :func:`read_bytes`)."""
    return parse_toml(read_bytes(path, max_bytes=max_bytes), max_depth=max_depth)


def parse_toml(
    data: bytes, *, max_bytes: int = TOML_MAX_BYTES, max_depth: int = MAX_NESTING
) -> dict[str, Any]:
    """Parse TOML held in memory (a file of a git revision, say) within bounds."""
    import tomllib

    if len(data) > max_bytes:
        raise BoundedReadError(_too_large(len(data), max_bytes))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BoundedReadError(f"not valid UTF-8: byte 0x{data[exc.start]:02x}") from None
    _check_toml_shape(text, max_depth)
    try:
        table = tomllib.loads(text)
    except RecursionError:  # cannot happen after the check above; never a traceback
        raise BoundedReadError(_too_deep(max_depth)) from None
    except tomllib.TOMLDecodeError as exc:
        raise BoundedReadError(f"invalid TOML: {_one_line(str(exc))}") from None
    _check_depth(value_depth(table, max_depth), max_depth)
    return table


def may_hold(path: Path, pattern: re.Pattern[bytes]) -> bool:
    """Whether the regular file ``path`` holds a match of ``pattern``, decided without parsing.

    Only the file's bytes are searched (mapped into memory, so a file of any
    size costs no more memory than a page at a time). A folder, a pipe, a
    device or a file that cannot be read holds nothing.
    """
    import mmap

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return False
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_size == 0:
            return False
        try:
            with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                return pattern.search(mapped) is not None
        except (OSError, ValueError):
            return False


def value_depth(value: Any, limit: int) -> int:
    """Return how deeply ``value`` nests lists and dicts (0 for a scalar).

    Counts no further than past ``limit``, and never recurses.
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                return deepest
        stack.extend((child, depth) for child in children)
    return deepest


def _check_regular(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise BoundedReadError("is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise BoundedReadError("is not a regular file (a pipe, a socket or a device)")


def _check_depth(depth: int, max_depth: int) -> None:
    if depth > max_depth:
        raise BoundedReadError(_too_deep(max_depth))


def _check_toml_shape(text: str, max_depth: int) -> None:
    """Refuse TOML text nested or dotted past ``max_depth``, before the parser sees it."""
    structure = _TOML_TEXT.sub("", text)
    # Brackets are ASCII, and no byte of a longer UTF-8 sequence is.
    brackets = structure.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    _check_depth(_bracket_depth(brackets, max_depth), max_depth)
    parts = max((run.count(".") + 1 for run in _TOML_KEY_RUN.findall(structure)), default=0)
    if parts > max_depth:
        raise BoundedReadError(f"a key has more than {max_depth} dotted parts")


def _bracket_depth(brackets: bytes, limit: int) -> int:
    """Return how deeply a string of brackets nests, up to ``limit + 1``.

    Each round removes the innermost pairs, so the number of rounds is the
    depth; the work is a few passes in C, whatever the number of brackets.
    Brackets that do not pair count as nesting by the openers left.
    """
    for depth in range(limit + 1):
        if not brackets:
            return depth
        reduced = _EMPTY_PAIR.sub(b"", brackets)
        if reduced == brackets:  # unbalanced: invalid, and the parser may recurse through it
            return depth + reduced.count(b"[") + reduced.count(b"{")
        brackets = reduced
    return limit + 1


def _too_large(size: int, max_bytes: int) -> str:
    return f"is {size:,} bytes, more than the limit of {max_bytes:,}"


def _too_deep(max_depth: int) -> str:
    return f"nests deeper than the limit of {max_depth} levels"


def _one_line(text: str) -> str:
    return " ".join(text.split())
