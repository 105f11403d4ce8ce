"""Plain data written as YAML text: block style, quoted where readers would disagree.

The canonical layout: two-space mapping indent, sequences indented under
their key, no wrapping, multi-line strings as literal blocks, and scalars as
:mod:`pscatalog.yamltext.quoting` writes them (a string is a string for every
reader). Written here rather than by ruamel's emitter, which takes about 10 ms
an offering. Lines end with ``LF``.
"""

from __future__ import annotations

import re
from typing import Any

from pscatalog.yamltext.quoting import MAX_IMPLICIT_KEY, key_text, printable, scalar_text


def document_text(fields: dict[str, Any], list_key: str, items: list[Any]) -> str:
    """Return a YAML mapping: ``fields``, then ``list_key`` with ``items`` a blank line apart."""
    text = yaml_text(fields) if fields else ""
    blocks = [list_item(item, "  ") for item in items]
    return text + f"{key_text(list_key)}:\n" + "\n".join(blocks)


def services_text(entries: list[dict[str, Any]]) -> str:
    """Return a services file: the entries as a top-level list, a blank line apart."""
    return "\n".join(list_item(entry, "") for entry in entries)


def yaml_text(data: Any) -> str:
    """Return block-style YAML for plain data (dicts with string keys, lists, scalars).

    Raises :class:`pscatalog.yamltext.quoting.UnwritableValue` for a value
    YAML has no portable form for (a lone surrogate, a float that is not
    finite).
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
    lines = yaml_text(data).split("\n")
    if lines[-1] == "":
        lines.pop()
    out = [indent + "- " + lines[0]]
    out += [indent + "  " + line if line else line for line in lines[1:]]
    return "\n".join(out) + "\n"


def _emit_block(data: dict[str, Any] | list[Any], indent: int, out: list[str]) -> None:
    """Write a non-empty mapping or sequence whose keys or dashes stand at ``indent``."""
    pad = " " * indent
    if isinstance(data, dict):
        for key, value in data.items():
            _emit_value(pad + _key_head(str(key), indent), value, indent, out)
        return
    for item in data:
        if isinstance(item, dict | list) and item:
            start = len(out)
            _emit_block(item, indent + 2, out)
            out[start] = pad + "- " + out[start][indent + 2 :]
        else:
            _emit_value(pad + "-", item, indent, out)


def _key_head(key: str, indent: int) -> str:
    """Return ``key:``, or the explicit ``? key`` form for a key too long to be implicit."""
    text = key_text(key)
    if len(text) < MAX_IMPLICIT_KEY:
        return text + ":"
    return f"? {text}\n{' ' * indent}:"


def _emit_value(head: str, value: Any, indent: int, out: list[str]) -> None:
    """Write ``head`` (a key and colon, or a dash) and its value, nested under ``indent``."""
    if isinstance(value, dict | list) and value:
        out.append(head + "\n")
        _emit_block(value, indent + 2, out)
    elif isinstance(value, dict | list):
        out.append(head + (" {}\n" if isinstance(value, dict) else " []\n"))
    elif isinstance(value, str) and _literal_ok(value):
        out.append(head + " |" + ("" if value.endswith("\n") else "-") + "\n")
        pad = " " * (indent + 2)
        out += [pad + line + "\n" if line else "\n" for line in _literal_lines(value)]
    elif value is None:
        out.append(head + "\n")  # an empty value: null for every reader
    else:
        out.append(head + " " + scalar_text(value) + "\n")


def _literal_ok(text: str) -> bool:
    """Whether ``text`` reads back exactly from a literal block (``|``): several clean lines.

    Not with more than one final line break: keeping them (``|+``) would also keep
    the blank line that separates two offerings. Not with a first line that starts
    with a space (it would need an indentation indicator), trailing spaces, tabs, or
    any character that is not printable or is a line break other than ``LF``.
    """
    if "\n" not in text.rstrip("\n") or text.startswith((" ", "\n")) or text.endswith("\n\n"):
        return False
    if " \n" in text or text.endswith(" "):
        return False
    if any(_RUNNER_COMMAND.match(line) for line in text.split("\n")) or _LOGGING_COMMAND.search(
        text
    ):
        # A line of it would start like a CI runner's command in a log: quoted, the
        # value stays on one line.
        return False
    return all(character == "\n" or printable(character) for character in text)


_RUNNER_COMMAND = re.compile(r"[ \t]*::")
_LOGGING_COMMAND = re.compile(r"##(?:vso)?\[")


def _literal_lines(text: str) -> list[str]:
    body = text[:-1] if text.endswith("\n") else text
    return body.split("\n")
