"""The ``junit`` report: JUnit XML, for GitLab's test report.

One test suite, ``pscatalog``, with one test case per catalog file: a file
with errors is a failed case whose failure lists them; warnings and notes go
to the case's ``system-out``. GitLab shows the case ``name``, its
``classname``, its ``file`` (a link into the repository, so relative to the
git work tree's top folder) and the failure's text. File names and messages
go through :func:`pscatalog.outputs.escaping.xml_value`: a character XML
cannot hold, or a control character, is a visible escape, and the report
always parses.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pscatalog.checks.checker import ValidationResult
from pscatalog.checks.fingerprints import repository_path, repository_root
from pscatalog.diagnostics import Diagnostic, Location, Severity
from pscatalog.outputs.escaping import xml_value

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

SUITE_NAME = "pscatalog"
"""The name of the test suite, and the class name of every test case."""


def report_junit(result: ValidationResult) -> str:
    """Return a JUnit XML report with one test case per file.

    The cases are the files checked (``result.files``), then any other file a
    diagnostic names, such as a missing levels file, each named by its path
    from the repository's top (from the current folder outside git), wherever
    pscatalog runs. A case with errors has a ``failure`` listing each as
    ``file:line:column: CODE message``, followed by its related places, one
    indented line each with its label; warnings and notes are listed in its
    ``system-out`` the same way.
    """
    # Imported here: only CI reports need it, and every hook run would pay for it.
    import xml.etree.ElementTree as ET

    by_file: dict[str, list[Diagnostic]] = {name: [] for name in result.files}
    for diagnostic in result.diagnostics:
        by_file.setdefault(diagnostic.location.file, []).append(diagnostic)
    failed = sum(
        1
        for diagnostics in by_file.values()
        if any(d.severity is Severity.ERROR for d in diagnostics)
    )
    suite = ET.Element(
        "testsuite",
        {
            "name": SUITE_NAME,
            "tests": str(len(by_file)),
            "failures": str(failed),
            "errors": "0",
            "skipped": "0",
        },
    )
    root = repository_root()
    for name, diagnostics in by_file.items():
        path = xml_value(repository_path(name, root))
        case = ET.SubElement(
            suite, "testcase", {"classname": SUITE_NAME, "name": path, "file": path}
        )
        _add_findings(case, diagnostics, root)
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def _add_findings(case: Element, diagnostics: list[Diagnostic], root: Path | None) -> None:
    import xml.etree.ElementTree as ET

    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    others = [d for d in diagnostics if d.severity is not Severity.ERROR]
    if errors:
        failure = ET.SubElement(
            case,
            "failure",
            {
                "message": f"{len(errors)} error{'' if len(errors) == 1 else 's'}",
                # GitLab reads JUnit through ActiveSupport, which casts an element by
                # its "type" attribute ("array", "integer", "yaml"...): codes never
                # clash with those names.
                "type": " ".join(dict.fromkeys(d.code for d in errors)),
            },
        )
        failure.text = "".join(
            f"{_where(d.location, root)}: {d.code} {xml_value(d.message)}\n{_more(d, root)}"
            for d in errors
        )
    if others:
        output = ET.SubElement(case, "system-out")
        output.text = "".join(
            f"{_where(d.location, root)}: {d.severity} {d.code} {xml_value(d.message)}\n"
            f"{_more(d, root)}"
            for d in others
        )


def _where(location: Location, root: Path | None) -> str:
    path = xml_value(repository_path(location.file, root))
    return f"{path}:{location.line}:{location.column}"


def _more(diagnostic: Diagnostic, root: Path | None) -> str:
    """Return a finding's related places, one indented line each, with their labels."""
    return "".join(
        f"  {_where(related.location, root)}: {xml_value(related.label)}\n"
        for related in diagnostic.related
    )
