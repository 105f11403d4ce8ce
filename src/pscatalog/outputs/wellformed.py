"""Checks that an output reads back as its format before the writer puts it in place.

Reports, baselines and exports go through the one writer
(:func:`pscatalog.files.writer.write_atomically`) with the check of their
format: a JSON file parses as JSON, an XML file as XML, a YAML file as one
YAML document that every reader reads alike. A text that fails is never
written; the writer reports the refusal.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from pscatalog.yamltext.verify import VerifyError, readings

Check = Callable[[str], None]
"""A check of a text: raises :class:`ValueError`, its message the reason, if it is not fit."""


def check_json(text: str) -> None:
    """Refuse a text that is not one JSON value."""
    try:
        json.loads(text)
    except ValueError as exc:
        raise ValueError(f"the new text would not read as JSON ({exc})") from None


def check_xml(text: str) -> None:
    """Refuse a text that is not a well-formed XML document."""
    from xml.etree import ElementTree  # only XML reports need it

    try:
        ElementTree.fromstring(text.encode("utf-8"))
    except ElementTree.ParseError as exc:
        raise ValueError(f"the new text would not read as XML ({exc})") from None


def check_yaml(text: str) -> None:
    """Refuse a text that is not one YAML document every reader reads alike."""
    found = readings(text)
    if found.divergent:
        raise VerifyError(
            f"{len(found.divergent)} value(s) would read differently for YAML 1.1 readers"
        )


def check_lines(text: str) -> None:
    """Accept any text (line-oriented outputs are escaped where they are made)."""


CHECK_BY_FORMAT: dict[str, Check] = {
    "gitlab": check_json,
    "sarif": check_json,
    "json": check_json,
    "junit": check_xml,
    "github": check_lines,
    "services-yml": check_yaml,
}
"""The check each output format's files pass before they are written."""
