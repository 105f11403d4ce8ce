"""Other programs' YAML readers, to check that what pscatalog writes reads the same everywhere.

- ruamel.yaml's pure-Python safe loader: YAML 1.2, independent of libyaml;
- PyYAML's safe loader: YAML 1.1, as the handbook's Python tools read it;
- Ruby's Psych (``ruby`` on the PATH; CI installs it): YAML 1.1 as the
  handbook's site reads it, with Ruby's own quirks (``1,000`` is 1000).

Each returns plain data in one comparable form: mapping keys as JSON names
them (the loader's ``true``, ``null``, ``12``), and any value that is not a
string, a number, a boolean, null, a list or a mapping (a date, a symbol) as
a tagged tuple, so that it never equals the string it was written as.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from collections.abc import Sequence
from typing import Any

RUBY = shutil.which("ruby")

_RUBY_SCRIPT = r"""
require "yaml"
require "json"
require "date"
def plain(value)
  case value
  when Hash then {"map" => value.map { |k, v| [plain(k), plain(v)] }}
  when Array then {"seq" => value.map { |v| plain(v) }}
  when String then {"str" => value}
  when Integer then {"int" => value.to_s}
  when Float then {"float" => value.nan? ? "nan" : value.infinite? ? value.to_s : value.to_s}
  when true, false then {"bool" => value}
  when nil then {"null" => nil}
  else {"other" => value.class.name + ":" + value.to_s}
  end
end
STDIN.each_line do |line|
  text = JSON.parse(line)
  begin
    data = YAML.safe_load(text, permitted_classes: [Date, Time, Symbol], aliases: true)
    puts JSON.generate({"ok" => plain(data)})
  rescue Exception => e
    puts JSON.generate({"error" => e.class.name})
  end
end
"""


def normal(value: Any) -> Any:
    """Return a reader's data in the comparable form."""
    if isinstance(value, dict):
        return {key_name(key): normal(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normal(item) for item in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else ("float", repr(value))
    return ("other", type(value).__name__, str(value))


def key_name(key: Any) -> str | tuple[str, ...]:
    """Return a mapping key as the loader names it."""
    if isinstance(key, str):
        return key
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, int | float):
        return str(key)
    return ("other", type(key).__name__, str(key))


def read_ruamel(text: str) -> Any:
    """Read ``text`` as YAML 1.2 (ruamel.yaml, pure Python, safe)."""
    from ruamel.yaml import YAML

    return normal(YAML(typ="safe", pure=True).load(text))


def read_pyyaml(text: str) -> Any:
    """Read ``text`` as YAML 1.1 (PyYAML's safe loader)."""
    import yaml

    return normal(yaml.safe_load(text))


def read_ruby(texts: Sequence[str]) -> list[Any]:
    """Read each text as Ruby's Psych does (``YAML.safe_load``); one Ruby process for all."""
    assert RUBY is not None
    stdin = "".join(json.dumps(text) + "\n" for text in texts)
    completed = subprocess.run(
        [RUBY, "-e", _RUBY_SCRIPT], input=stdin, capture_output=True, text=True, check=True
    )
    # JSON may hold U+2028 unescaped: split at line feeds only.
    return [_from_ruby(json.loads(line)) for line in completed.stdout.split("\n") if line]


def _from_ruby(result: dict[str, Any]) -> Any:
    if "error" in result:
        return ("error", result["error"])
    return _ruby_value(result["ok"])


def _ruby_value(tagged: dict[str, Any]) -> Any:
    ((kind, value),) = tagged.items()
    if kind == "map":
        return {_ruby_key(_ruby_value(k)): _ruby_value(v) for k, v in value}
    if kind == "seq":
        return [_ruby_value(item) for item in value]
    if kind == "int":
        return int(value)
    if kind == "float":
        number = float(value.replace("Infinity", "inf"))
        return number if math.isfinite(number) else ("float", repr(number))
    if kind == "other":
        return ("other", value)
    return value


def _ruby_key(value: Any) -> Any:
    return key_name(value) if not isinstance(value, tuple) else value
