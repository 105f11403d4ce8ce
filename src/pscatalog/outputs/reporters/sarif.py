"""The ``sarif`` report: SARIF 2.1.0, for code scanning tools.

One run of the ``pscatalog`` driver, which describes every code it can
report as a rule, and one result per diagnostic. File locations are URIs
relative to the top folder of the git work tree (the current folder outside
git), named ``%SRCROOT%`` and given as an absolute ``file:`` URI in
``originalUriBaseIds``, as the other reports name files. Each result carries the fingerprint
of the ``gitlab`` report in ``partialFingerprints``.
"""

from __future__ import annotations

import inspect
import os
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from pscatalog._version import __version__
from pscatalog.checks.checker import ValidationResult
from pscatalog.checks.fingerprints import fingerprints, repository_path, repository_root
from pscatalog.diagnostics import Diagnostic, Location, Severity
from pscatalog.outputs.escaping import json_safe, json_text
from pscatalog.outputs.reporters.links import help_url
from pscatalog.rules.base import Documented
from pscatalog.rules.registry import CODES

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
"""The ``$schema`` of the report."""

INFORMATION_URI = "https://gitlab.com/pscatalog/pscatalog"
"""The project's home page (``Homepage`` in ``[project.urls]``)."""

SRCROOT = "%SRCROOT%"
"""The base of every relative URI in the report: the repository's top folder (outside git,
the folder pscatalog ran in)."""

FINGERPRINT_NAME = "pscatalog/v2"
"""The key of the fingerprint in each result's ``partialFingerprints``."""

SARIF_LEVEL: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}
"""The SARIF level of each severity."""


def report_sarif(result: ValidationResult) -> str:
    """Return a SARIF 2.1.0 log: every code as a rule, every diagnostic as a result."""
    rule_index = {code: index for index, code in enumerate(CODES)}
    root = repository_root()
    run = {
        "tool": {
            "driver": {
                "name": "pscatalog",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(code, documented) for code, documented in CODES.items()],
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": _folder_uri(root or Path.cwd())}},
        "columnKind": "unicodeCodePoints",
        "results": [
            _result(diagnostic, fingerprint, rule_index.get(diagnostic.code), root)
            for diagnostic, fingerprint in zip(
                result.diagnostics, fingerprints(result), strict=True
            )
        ],
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_text(log)


def _rule(code: str, documented: Documented) -> dict[str, Any]:
    documentation = inspect.cleandoc(documented.__doc__ or documented.SUMMARY)
    first_paragraph = " ".join(documentation.split("\n\n", 1)[0].split())
    return {
        "id": code,
        "name": documented.NAME,
        "shortDescription": {"text": documented.SUMMARY},
        "fullDescription": {"text": first_paragraph},
        "helpUri": help_url(code),
        "defaultConfiguration": {"level": SARIF_LEVEL[documented.SEVERITY]},
    }


def _result(
    diagnostic: Diagnostic, fingerprint: str, rule_index: int | None, root: Path | None
) -> dict[str, Any]:
    sentences = [_sentence(diagnostic.message)]
    if diagnostic.hint:
        sentences.append(_sentence(diagnostic.hint))
    result: dict[str, Any] = {"ruleId": diagnostic.code}
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    result |= {
        "level": SARIF_LEVEL[diagnostic.severity],
        "message": {"text": " ".join(sentences)},
        "locations": [_location(diagnostic.location, root)],
    }
    if diagnostic.related:
        result["relatedLocations"] = [
            _location(related.location, root, related.label) for related in diagnostic.related
        ]
    result["partialFingerprints"] = {FINGERPRINT_NAME: fingerprint}
    return result


def _location(location: Location, root: Path | None, message: str | None = None) -> dict[str, Any]:
    sarif_location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": _artifact_location(location.file, root),
            "region": {"startLine": location.line, "startColumn": location.column},
        }
    }
    if message is not None:
        sarif_location["message"] = {"text": message}
    return sarif_location


def _artifact_location(file: str, root: Path | None) -> dict[str, str]:
    file = json_safe(repository_path(file, root))  # a lone surrogate has no bytes to encode
    if os.path.isabs(file):  # on another drive than the current folder (Windows)
        return {"uri": Path(file).as_uri()}
    return {"uri": quote(PurePath(file).as_posix()), "uriBaseId": SRCROOT}


def _folder_uri(folder: Path) -> str:
    # SARIF requires a base URI to end with a slash, or relative URIs resolve
    # against its parent.
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _sentence(text: str) -> str:
    # Messages and hints are lower-case clauses; SARIF viewers show the first
    # sentence of a message where space is short, so make each a sentence.
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
