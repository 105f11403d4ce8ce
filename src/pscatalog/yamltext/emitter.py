"""Plain data written as YAML text: block style, quoted where readers would disagree.

The canonical layout: two-space mapping indent, sequences indented under
their key, no wrapping, multi-line strings as literal blocks, and double
quotes wherever a plain scalar would not read back as the same string in
YAML 1.2 and in YAML 1.1. Written here rather than by ruamel's emitter, which
takes about 10 ms an offering.
"""

from __future__ import annotations

import math
import re
from typing import Any

from pscatalog.yamltext.loader import _YAML11_OCTAL, resolve_plain, yaml11_reading


def document_text(fields: dict[str, Any], list_key: str, items: list[Any]) -> str:
    """Return a YAML mapping: ``fields``, then ``list_key`` with ``items`` a blank line apart."""
    text = yaml_text(fields) if fields else ""
    blocks = [list_item(item, "  ") for item in items]
    return text + f"{list_key}:\n" + "\n".join(blocks)


def services_text(entries: list[dict[str, Any]]) -> str:
    """Return a services file: the entries as a top-level list, a blank line apart."""
    return "\n".join(list_item(entry, "") for entry in entries)


def yaml_text(data: Any) -> str:
    """Return block-style YAML for plain data, quoted where YAML 1.1 and 1.2 would differ.

    The canonical layout: two-space mapping indent, sequences indented under
    their key, no wrapping, multi-line strings as literal blocks, and double
    quotes wherever a plain scalar would not read back as the same string in
    YAML 1.2 and in YAML 1.1. Written here rather than by ruamel's emitter,
    which takes about 10 ms an offering.
    """
    out: list[str] = []
    if isinstance(data, dict | list) and data:
        _emit_block(data, 0, out)
    else:
        _emit_value("", data, 0, out)
        out[0] = out[0].lstrip(" ")
    return "".join(out)


def list_item(data: Any, indent: str) -> str:
    """Return ``data`` as one block sequence item, its dash at ``indent``."""
    lines = yaml_text(data).splitlines(keepends=True)
    out = [indent + "- " + lines[0]]
    out += [indent + "  " + line if line.strip("\n") else line for line in lines[1:]]
    return "".join(out)


def _emit_block(data: dict[str, Any] | list[Any], indent: int, out: list[str]) -> None:
    """Write a non-empty mapping or sequence whose keys or dashes stand at ``indent``."""
    pad = " " * indent
    if isinstance(data, dict):
        for key, value in data.items():
            _emit_value(pad + _key_text(str(key)) + ":", value, indent, out)
        return
    for item in data:
        if isinstance(item, dict | list) and item:
            start = len(out)
            _emit_block(item, indent + 2, out)
            out[start] = pad + "- " + out[start][indent + 2 :]
        else:
            _emit_value(pad + "-", item, indent, out)


def _emit_value(head: str, value: Any, indent: int, out: list[str]) -> None:
    """Write ``head`` (a key and colon, or a dash) and its value, nested under ``indent``."""
    if isinstance(value, dict | list) and value:
        out.append(head + "\n")
        _emit_block(value, indent + 2, out)
    elif isinstance(value, dict | list):
        out.append(head + (" {}\n" if isinstance(value, dict) else " []\n"))
    elif isinstance(value, str) and _literal_ok(value):
        out.append(head + " |" + _block_indicators(value) + "\n")
        pad = " " * (indent + 2)
        out += [pad + line + "\n" if line else "\n" for line in _literal_lines(value)]
    else:
        text = _scalar_text(value)
        out.append(head + (" " + text if text else "") + "\n")


def _scalar_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    text = str(value)
    return text if _plain_ok(text) and text != "<<" else _double_quoted(text)


def _key_text(key: str) -> str:
    return key if _plain_ok(key) and key != "<<" else _double_quoted(key)


# Floats in YAML 1.2 (and 1.1), though pscatalog's loader keeps them as text.
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
# YAML's printable characters, less the tab, line breaks (\x85, \u2028, \u2029) and BOM.
_SAFE = "\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff"
_NOT_PLAIN = re.compile(f"[^{_SAFE}]")
_NOT_LITERAL = re.compile(f"[^\n{_SAFE}]")
_TO_ESCAPE = re.compile(f'["\\\\]|[^{_SAFE}]')
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def _plain_ok(text: str) -> bool:
    """Whether ``text`` can be written plain and read back as itself, in YAML 1.2 and 1.1."""
    if _needs_quotes(text) or text[0] in _INDICATORS or text.startswith(("---", "...")):
        return False
    if text[0] in "-?:" and (len(text) == 1 or text[1] == " "):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return _NOT_PLAIN.search(text) is None


def _double_quoted(text: str) -> str:
    return '"' + _TO_ESCAPE.sub(_escape, text) + '"'


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _literal_ok(text: str) -> bool:
    """Whether ``text`` reads back exactly from a literal block (``|``): several clean lines.

    Not with more than one final line break: keeping them (``|+``) would also keep
    the blank line that separates two offerings.
    """
    if "\n" not in text.rstrip("\n") or text.startswith(" ") or text.endswith("\n\n"):
        return False
    if _NOT_LITERAL.search(text) is not None:
        return False
    return " \n" not in text and not text.endswith(" ")


def _literal_lines(text: str) -> list[str]:
    body = text[:-1] if text.endswith("\n") else text
    return body.split("\n")


def _block_indicators(text: str) -> str:
    """Return a literal block's indentation and chomping indicators for ``text``."""
    first = next(line for line in text.split("\n") if line)
    indentation = "2" if first.startswith(" ") else ""
    return indentation + ("" if text.endswith("\n") else "-")


def _needs_quotes(text: str) -> bool:
    """Whether a plain ``text`` would read as something else in YAML 1.2 or 1.1."""
    if text == "" or text != text.strip() or "\n" in text:
        return True
    return (
        not isinstance(resolve_plain(text), str)
        or _SPECIAL_FLOAT.fullmatch(text) is not None
        or yaml11_reading(text) is not None
        or _YAML11_OCTAL.fullmatch(text) is not None
    )
