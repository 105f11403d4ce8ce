"""Documentation generated from the rules: ``docs/rules.md``.

Each code's section is its module docstring, so the documentation and the
code cannot part. ``python -m pscatalog.outputs.docs`` prints the page.
"""

from __future__ import annotations

import inspect

from pscatalog.rules.base import Documented
from pscatalog.rules.registry import CODES, RULES

_FAMILIES = (
    ("Y", "YAML: reading the files"),
    ("S", "Schema: keys, types and values"),
    ("C", "Catalog: structure and references"),
    ("M", "Maturity: the evidence each level claims"),
    ("N", "Suppression comments and the baseline"),
    ("D", "Changes: what diff --check enforces between two versions"),
    ("I", "Import: what pscatalog import finds in a services file"),
)


_KIND_BY_PREFIX = {
    "Y": "reported while reading",
    "C": "reported about the catalog folder",
    "S": "reported by the schema",
    "N": "reported about suppressions and the baseline",
    "D": "reported by diff --check",
    "I": "reported by import",
}


def rule_documentation(rule: Documented) -> str:
    """Return a rule's documentation: its module docstring, dedented."""
    return inspect.cleandoc(rule.__doc__ or rule.SUMMARY)


def rules_markdown() -> str:
    """Return ``docs/rules.md``: every code, grouped by family, with its documentation."""
    lines = [
        "# Rules",
        "",
        "<!-- Generated from the rules' docstrings by `python -m pscatalog.outputs.docs`;"
        " do not edit by hand. -->",
        "",
        "Every diagnostic pscatalog reports has a code. This page documents each one:",
        "why it matters, how to fix it, and an example that fails and one that passes.",
        "",
        "| Code | Name | Severity | Checks that |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| [{code}](#{code.lower()}) | {rule.NAME} | {rule.SEVERITY} | {rule.SUMMARY} |"
        for code, rule in CODES.items()
    ]
    for prefix, title in _FAMILIES:
        lines += ["", f"## {title}"]
        for code, rule in CODES.items():
            if not code.startswith(prefix):
                continue
            kind = "catalog rule" if code in RULES else _KIND_BY_PREFIX[prefix]
            lines += [
                "",
                f"### {code}",
                "",
                f"`{rule.NAME}` · {rule.SEVERITY} · {kind}",
                "",
                rule_documentation(rule),
            ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")
