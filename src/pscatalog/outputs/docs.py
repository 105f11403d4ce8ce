"""Documentation generated from the rules: ``docs/rules.md``.

Each code's section is its module docstring, so the documentation and the
code cannot part. ``python -m pscatalog.outputs.docs`` prints the page.
"""

from __future__ import annotations

import inspect
import re

from pscatalog.outputs.reporters.links import help_url
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
    """Return a rule's documentation as Markdown: its module docstring, dedented.

    Docstrings are written for Python's tools, in reStructuredText; what
    people read (``pscatalog explain``, ``docs/rules.md``) is Markdown.
    """
    return markdown_from_docstring(inspect.cleandoc(rule.__doc__ or rule.SUMMARY))


_DOUBLE_CODE = re.compile(r"(?<!`)``(?!`)((?:[^`\n]|\n(?!\s*\n))+?)``(?!`)")
_ROLE = re.compile(r":[a-z]+(?::[a-z]+)?:`~?([^`\n]+)`")
_FENCE = re.compile(r"^(?:```|~~~)")


def markdown_from_docstring(text: str) -> str:
    """Return reStructuredText's inline code, roles and literal blocks as Markdown.

    Double-backquoted code becomes a code span, a role such as ``:class:`x``` the
    code span of its target, and a paragraph ending in ``::`` a colon followed by
    a fenced block of the indented lines after it. Fenced blocks are kept as they are.
    """
    out: list[str] = []
    prose: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            if not fenced:
                out += _prose(prose)
                prose = []
            fenced = not fenced
            out.append(line)
        elif fenced:
            out.append(line)
        else:
            prose.append(line)
    out += _prose(prose)
    return "\n".join(out)


def _prose(lines: list[str]) -> list[str]:
    """Return lines outside fenced blocks with their reStructuredText made Markdown."""
    text = "\n".join(lines)
    text = _ROLE.sub(lambda match: f"`{match[1]}`", _DOUBLE_CODE.sub(r"`\1`", text))
    lines = text.split("\n") if lines else []
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.endswith("::") and index + 1 < len(lines) and not lines[index + 1].strip():
            block, after = _literal_block(lines, index + 1)
            if block:
                out += [line[:-1], "", "```", *block, "```"]
                index = after
                continue
        out.append(line)
        index += 1
    return out


def _literal_block(lines: list[str], index: int) -> tuple[list[str], int]:
    """Return the indented lines from ``index`` (blank lines first skipped), and where they end."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    block: list[str] = []
    while index < len(lines) and (lines[index].startswith(" ") or not lines[index].strip()):
        block.append(lines[index])
        index += 1
    while block and not block[-1].strip():
        index -= 1
        block.pop()
    indent = min((len(line) - len(line.lstrip(" ")) for line in block if line.strip()), default=0)
    return [line[indent:] for line in block], index


def explanation(rule: Documented) -> str:
    """Return what ``pscatalog explain`` prints: a code's documentation as a Markdown page."""
    return (
        f"# {rule.CODE}\n\n{_byline(rule)}\n\n{rule_documentation(rule)}\n\n"
        f"Documentation: <{help_url(rule.CODE)}>\n"
    )


def _byline(rule: Documented) -> str:
    kind = "catalog rule" if rule.CODE in RULES else _KIND_BY_PREFIX[rule.CODE[0]]
    return f"`{rule.NAME}` · {rule.SEVERITY} · {kind}"


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
            lines += [
                "",
                f"### {code}",
                "",
                _byline(rule),
                "",
                rule_documentation(rule),
            ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")
