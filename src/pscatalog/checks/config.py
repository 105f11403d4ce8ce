"""Configuration: ``[tool.pscatalog]`` in ``pyproject.toml``, or ``pscatalog.toml``.

The configuration is looked for from the current folder upwards, up to the
top folder of its git repository and never above it (outside git, up to the
folder that holds the ``catalog`` folder, else in the current folder only):
a file above the repository, in a shared runner's build folder or a home
folder, is never read. The first folder that has a
``pscatalog.toml``, or a ``pyproject.toml`` with a ``[tool.pscatalog]`` table,
holds it (``pscatalog.toml`` first). A ``pyproject.toml`` is searched for the
word first, and parsed (within bounds) only where it may configure pscatalog,
so that no other tool's settings can break a run. Keys::

    catalog = "handbook/catalog"        # the catalog folder, relative to the file
    select = ["C", "M", "S", "Y", "N"]  # codes or prefixes to report (default: all)
    ignore = ["M003"]                   # codes or prefixes not to report
    [severity]                          # [tool.pscatalog.severity] in pyproject.toml
    M004 = "error"                      # change a code's severity
    [per-file-ignores]
    "catalog/legacy-*.yaml" = ["M"]     # codes or prefixes not reported for those files
    [limits]                            # bounds on what the loader reads (Y009 beyond)
    max-file-bytes = 67108864
    max-depth = 256
    max-alias-nodes = 100000

A configuration that cannot be used is a :class:`ConfigError` naming the file
and the key: pscatalog stops with exit code 2 rather than guess. That covers
a setting that would silently check nothing (an empty code, an empty
``select``, an empty glob or list of codes), a ``catalog`` outside the
repository, and a limit outside its range (:data:`LIMIT_RANGES`).
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pscatalog.catalog.discovery import search_top
from pscatalog.diagnostics import Severity
from pscatalog.errors import PscatalogError
from pscatalog.files.boundary import OutsideRepository, inside
from pscatalog.files.bounded import BoundedReadError, load_toml, may_hold, parse_toml
from pscatalog.files.repository import boundary_of
from pscatalog.yamltext.loader import DEFAULT_LIMITS, Limits

CONFIG_FILE = "pscatalog.toml"
PYPROJECT = "pyproject.toml"
_KEYS = ("catalog", "select", "ignore", "severity", "per-file-ignores", "limits")
_LIMIT_KEYS = {
    "max-file-bytes": "max_file_bytes",
    "max-depth": "max_depth",
    "max-alias-nodes": "max_alias_nodes",
}
LIMIT_RANGES = {
    "max-file-bytes": (1, 1024 * 1024 * 1024),
    "max-depth": (1, DEFAULT_LIMITS.max_depth),
    "max-alias-nodes": (1, 1_000_000),
}
"""The values each ``[limits]`` key may take, both ends included.

No limit is above what every command was measured to handle: data nested
256 deep goes through each of them with room to spare (about 500 levels
break the deepest-recursing one), and more alias values or bigger files
would only let a hostile file cost more."""
# Every way TOML can spell a key named pscatalog (bare or quoted, then a dot, an
# equals sign, the end of a table header, or the end of a line where a header was
# left unclosed), or an escape that could spell it.
_MAY_NAME_US = re.compile(rb"pscatalog[\"']?[ \t]*(?:[.=\]]|\r?$)|\\[uU]", re.MULTILINE)
# A [tool.pscatalog] header (closed or not) or a tool.pscatalog dotted key at the
# start of a line.
_NAMES_US = re.compile(
    rb"^[ \t]*(?:\[[ \t]*)?[\"']?tool[\"']?[ \t]*\.[ \t]*[\"']?pscatalog[\"']?[ \t]*"
    rb"(?:[.=\]]|\r?$)",
    re.MULTILINE,
)


class ConfigError(PscatalogError):
    """The configuration file cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class Config:
    """What the configuration file says; the defaults report everything."""

    catalog: Path | None = None
    """The catalog folder (absolute), if the configuration names one."""
    select: tuple[str, ...] | None = None
    """Codes or code prefixes to report; ``None`` for all."""
    ignore: tuple[str, ...] = ()
    """Codes or code prefixes not to report."""
    severity: Mapping[str, Severity] = field(default_factory=dict)
    """Severity by code, replacing the code's default."""
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Codes or prefixes not reported, by glob of the file's path (relative to the
    configuration file's folder)."""
    limits: Limits = DEFAULT_LIMITS
    """Bounds on file size, nesting and alias expansion."""
    base: Path = field(default_factory=Path.cwd)
    """The folder per-file globs are relative to."""
    source: Path | None = None
    """The file this configuration was read from."""

    def reports(self, code: str, file: Path) -> bool:
        """Whether a diagnostic with ``code`` in ``file`` is reported."""
        if self.select is not None and not _matches(code, self.select):
            return False
        if _matches(code, self.ignore):
            return False
        if not self.per_file_ignores:
            return True
        try:
            relative = Path(os.path.realpath(file)).relative_to(self.base).as_posix()
        except ValueError:
            relative = file.as_posix()
        return not any(
            fnmatch.fnmatchcase(relative, pattern) and _matches(code, codes)
            for pattern, codes in self.per_file_ignores.items()
        )


DEFAULT_CONFIG = Config()


def _matches(code: str, selectors: Iterable[str]) -> bool:
    return any(code.startswith(selector) for selector in selectors)


def find_config(start: Path | None = None) -> Path | None:
    """Return the configuration file that applies in ``start`` (the current folder).

    Only ``start`` and its parents up to the top of their git repository are
    searched (see :func:`~pscatalog.catalog.discovery.search_top` outside git);
    a file found there that leads out of it is refused with :class:`ConfigError`.
    """
    start = Path(os.path.abspath(start or Path.cwd()))
    top = search_top(start)
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if os.path.lexists(candidate):
            _ensure_inside(candidate, top)
            return candidate
        pyproject = folder / PYPROJECT
        if _configures_pscatalog(pyproject, top):
            return pyproject
        if folder == top:
            break
    return None


def load_config(path: Path | None = None, *, known_codes: Iterable[str] = ()) -> Config:
    """Read the configuration at ``path`` (else the one found from here).

    ``known_codes`` are the codes selectors must match. Raises
    :class:`ConfigError` for a file that cannot be read or a key that is wrong.
    """
    if path is None:
        path = find_config()
        if path is None:
            return DEFAULT_CONFIG
    table = _read_table(path)
    return _parse(table, path, tuple(known_codes))


def config_candidates(start: Path | None = None) -> list[Path]:
    """Return where a configuration may be, nearest first.

    Each folder's ``pscatalog.toml`` then ``pyproject.toml``, from ``start``
    (the current folder) up to the repository's top.
    """
    start = Path(os.path.abspath(start or Path.cwd()))
    top = search_top(start)
    found: list[Path] = []
    for folder in (start, *start.parents):
        found += [folder / CONFIG_FILE, folder / PYPROJECT]
        if folder == top:
            break
    return found


def config_from_bytes(path: Path, data: bytes, *, known_codes: Iterable[str] = ()) -> Config | None:
    """Return the configuration a file held in memory gives, ``None`` if it gives none.

    ``path`` is where the file would be (settings are relative to its folder);
    ``data`` its content, from a git revision for instance. A
    ``pyproject.toml`` without a ``[tool.pscatalog]`` table gives none.
    Raises :class:`ConfigError` for a configuration that cannot be used.
    """
    try:
        data_table = parse_toml(data)
    except BoundedReadError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    if path.name == PYPROJECT:
        tool = data_table.get("tool")
        if not isinstance(tool, dict) or "pscatalog" not in tool:
            return None
    table = _table_of(data_table, path)
    return _parse(table, path, tuple(known_codes))


def _ensure_inside(path: Path, top: Path) -> None:
    try:
        inside(path, top)
    except OutsideRepository as exc:
        raise ConfigError(f"{exc}: a configuration outside the repository is not read") from None


def _configures_pscatalog(pyproject: Path, top: Path) -> bool:
    """Whether a ``pyproject.toml`` met while looking has a ``[tool.pscatalog]`` table.

    Decided from its bytes where they cannot name pscatalog (most files), so
    that no other tool's settings are parsed; then within bounds. A file that
    cannot be parsed is not ours to judge, unless it names ``tool.pscatalog``:
    then it is ours, and reading it reports what is wrong.
    """
    if not may_hold(pyproject, _MAY_NAME_US):
        return False
    try:
        inside(pyproject, top)
        data = load_toml(pyproject)
    except OutsideRepository:
        return False
    except BoundedReadError:
        return may_hold(pyproject, _NAMES_US)
    tool = data.get("tool")
    return isinstance(tool, dict) and "pscatalog" in tool


def _read_table(path: Path) -> dict[str, Any]:
    try:
        data = load_toml(path)
    except BoundedReadError as exc:
        reason = "no such configuration file" if str(exc) == "no such file" else str(exc)
        raise ConfigError(f"{path}: {reason}") from None
    return _table_of(data, path)


def _table_of(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Return pscatalog's table of a parsed configuration file."""
    if path.name != PYPROJECT:
        return data
    tool = data.get("tool")
    if tool is None:
        raise ConfigError(f"{path}: no [tool.pscatalog] table")
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table")
    table = tool.get("pscatalog")
    if table is None:
        raise ConfigError(f"{path}: no [tool.pscatalog] table")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.pscatalog] must be a table")
    return table


def _parse(table: dict[str, Any], path: Path, known: tuple[str, ...]) -> Config:
    prefix = "[tool.pscatalog] " if path.name == PYPROJECT else ""
    where = f"{path}: {prefix}"
    for key in table:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, _KEYS, n=1)
            suggestion = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(f"{where}unknown key {_shown(key)}{suggestion}")
    base = path.parent.resolve()
    select = table.get("select")
    return Config(
        catalog=_catalog(table.get("catalog"), base, where),
        select=None if select is None else _selectors(select, f"{where}'select'", known),
        ignore=_selectors(table.get("ignore", []), f"{where}'ignore'", known, empty_ok=True),
        severity=_severities(table.get("severity", {}), f"{where}'severity'", known),
        per_file_ignores=_per_file(table.get("per-file-ignores", {}), where, known),
        limits=_limits(table.get("limits", {}), f"{where}'limits'"),
        base=base,
        source=path,
    )


def _catalog(value: Any, base: Path, where: str) -> Path | None:
    """Return the catalog folder a ``catalog`` setting names, inside the repository."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"{where}'catalog' must be a path, as a string")
    if not value.strip() or "\0" in value:
        raise ConfigError(f"{where}'catalog' must name a folder, such as \"catalog\"")
    folder = base / value
    top = boundary_of(base)
    try:
        inside(folder, top)
    except OutsideRepository:
        raise ConfigError(
            f"{where}'catalog' = {_shown(value, 300)} is outside the repository {top}: "
            "name a folder inside it"
        ) from None
    return folder


def _selectors(
    value: Any, where: str, known: tuple[str, ...], *, empty_ok: bool = False
) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f'{where} must be a list of codes, such as ["M003", "C1"]')
    if not value and not empty_ok:
        raise ConfigError(
            f"{where} is empty, so it would match nothing: name codes or prefixes, "
            'such as ["M003", "C1"], or remove it'
        )
    for selector in value:
        if not selector.strip():
            raise ConfigError(
                f"{where}: an empty code would match every code: name codes or prefixes, "
                'such as "M003" or "M"'
            )
        if known and not any(code.startswith(selector) for code in known):
            raise ConfigError(f"{where}: {_shown(selector)} is not a code or a prefix of one")
    return tuple(value)


def _severities(value: Any, where: str, known: tuple[str, ...]) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where} must be a table of code = "error" | "warning" | "info"')
    severities: dict[str, Severity] = {}
    for code, name in value.items():
        if (known and code not in known) or not code.strip():
            raise ConfigError(f"{where}: {_shown(code)} is not a code")
        try:
            severities[code] = Severity.parse(name if isinstance(name, str) else "")
        except ValueError:
            raise ConfigError(
                f'{where}: {_shown(code)} must be "error", "warning" or "info", not {_shown(name)}'
            ) from None
    return severities


def _per_file(value: Any, where: str, known: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}'per-file-ignores' must be a table of glob = [codes]")
    for pattern in value:
        if not pattern.strip():
            raise ConfigError(
                f"{where}'per-file-ignores': an empty glob matches no file: "
                'write one such as "catalog/legacy-*.yaml"'
            )
    return {
        pattern: _selectors(codes, f"{where}'per-file-ignores' {_shown(pattern)}", known)
        for pattern, codes in value.items()
    }


def _limits(value: Any, where: str) -> Limits:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table of {', '.join(_LIMIT_KEYS)}")
    chosen: dict[str, int] = {}
    for key, number in value.items():
        if key not in _LIMIT_KEYS:
            known = ", ".join(_LIMIT_KEYS)
            raise ConfigError(f"{where}: unknown key {_shown(key)} (known: {known})")
        low, high = LIMIT_RANGES[key]
        if not isinstance(number, int) or isinstance(number, bool) or not low <= number <= high:
            raise ConfigError(
                f"{where}: '{key}' must be a whole number from {low:,} to {high:,}, "
                f"not {_shown(number)}"
            )
        chosen[_LIMIT_KEYS[key]] = number
    return replace(DEFAULT_LIMITS, **chosen) if chosen else DEFAULT_LIMITS


def _shown(value: Any, width: int = 60) -> str:
    """Return a value of the file as a message shows it: quoted, on one line, short."""
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."
