"""Configuration: ``[tool.pscatalog]`` in ``pyproject.toml``, or ``pscatalog.toml``.

The configuration is looked for from the current folder upwards; the first
folder that has a ``pscatalog.toml``, or a ``pyproject.toml`` with a
``[tool.pscatalog]`` table, holds it (``pscatalog.toml`` first). Keys::

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
and the key: pscatalog stops with exit code 2 rather than guess.
"""

from __future__ import annotations

import difflib
import fnmatch
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pscatalog.diagnostics import Severity
from pscatalog.errors import PscatalogError
from pscatalog.yamltext.loader import DEFAULT_LIMITS, Limits

CONFIG_FILE = "pscatalog.toml"
PYPROJECT = "pyproject.toml"
_KEYS = ("catalog", "select", "ignore", "severity", "per-file-ignores", "limits")
_LIMIT_KEYS = {
    "max-file-bytes": "max_file_bytes",
    "max-depth": "max_depth",
    "max-alias-nodes": "max_alias_nodes",
}


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
            relative = file.resolve().relative_to(self.base).as_posix()
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
    """Return the configuration file that applies in ``start`` (the current folder)."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
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


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # not ours to judge unless it names us; reported if it does
    tool = data.get("tool")
    return isinstance(tool, dict) and "pscatalog" in tool


def _read_table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name != PYPROJECT:
        return data
    table = data.get("tool", {}).get("pscatalog", {})
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
            raise ConfigError(f"{where}unknown key '{key}'{suggestion}")
    base = path.parent.resolve()
    catalog = table.get("catalog")
    if catalog is not None and not isinstance(catalog, str):
        raise ConfigError(f"{where}'catalog' must be a path, as a string")
    select = table.get("select")
    return Config(
        catalog=(base / catalog) if catalog is not None else None,
        select=None if select is None else _selectors(select, f"{where}'select'", known),
        ignore=_selectors(table.get("ignore", []), f"{where}'ignore'", known),
        severity=_severities(table.get("severity", {}), f"{where}'severity'", known),
        per_file_ignores=_per_file(table.get("per-file-ignores", {}), where, known),
        limits=_limits(table.get("limits", {}), f"{where}'limits'"),
        base=base,
        source=path,
    )


def _selectors(value: Any, where: str, known: tuple[str, ...]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f'{where} must be a list of codes, such as ["M003", "C1"]')
    for selector in value:
        if known and not any(code.startswith(selector) for code in known):
            raise ConfigError(f"{where}: '{selector}' is not a code or a prefix of one")
    return tuple(value)


def _severities(value: Any, where: str, known: tuple[str, ...]) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where} must be a table of code = "error" | "warning" | "info"')
    severities: dict[str, Severity] = {}
    for code, name in value.items():
        if known and code not in known:
            raise ConfigError(f"{where}: '{code}' is not a code")
        try:
            severities[code] = Severity.parse(str(name))
        except ValueError:
            raise ConfigError(
                f'{where}: \'{code}\' must be "error", "warning" or "info", not {name!r}'
            ) from None
    return severities


def _per_file(value: Any, where: str, known: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}'per-file-ignores' must be a table of glob = [codes]")
    return {
        str(pattern): _selectors(codes, f"{where}'per-file-ignores' \"{pattern}\"", known)
        for pattern, codes in value.items()
    }


def _limits(value: Any, where: str) -> Limits:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table of {', '.join(_LIMIT_KEYS)}")
    chosen: dict[str, int] = {}
    for key, number in value.items():
        if key not in _LIMIT_KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(_LIMIT_KEYS)})")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise ConfigError(f"{where}: '{key}' must be a whole number of at least 1")
        chosen[_LIMIT_KEYS[key]] = number
    return replace(DEFAULT_LIMITS, **chosen) if chosen else DEFAULT_LIMITS
