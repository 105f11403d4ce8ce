"""The schema as a product: its reference page and its version lock.

``python -m pscatalog.outputs.schemadoc`` prints ``docs/schema.md``, generated from the packaged
schemas: every field of both catalog files, its type, whether it is required, its
constraints (allowed values, patterns and what they mean, bounds, the forms of a ``oneOf``,
the ``if``/``then`` rules in words), its description and its examples.

``schema/schema.lock.json`` records each schema file's fingerprint and major version, with
the CHANGELOG's Schema entries of the time. A schema file that differs from its record
needs a new entry under ``### Schema`` in the CHANGELOG's Unreleased section, or a new
major version in its ``$id``; ``python -m pscatalog.outputs.schemadoc --lock`` then records it, and
refuses while neither is there. ``--check`` says whether the page and the lock are up to
date; a test and a pre-commit hook run it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pscatalog.catalog.schemas import CATEGORY, LEVELS, PATTERN_MEANINGS, SCHEMA_FILES, load_schema

DOC_FILE = "docs/schema.md"
LOCK_FILE = "schema/schema.lock.json"
CHANGELOG_FILE = "CHANGELOG.md"
LOCK_COMMAND = "python -m pscatalog.outputs.schemadoc --lock"
DOC_COMMAND = f"python -m pscatalog.outputs.schemadoc > {DOC_FILE}"

_CATALOG_FILES = {LEVELS: "catalog/levels.yaml", CATEGORY: "catalog/<category>.yaml"}
_MAJOR = re.compile(r"/v(\d+)/")
_SINGLE_LINE = {"type": "string", "pattern": "\\n"}
"""The ``not`` that keeps a patterned value on one line in every regex engine."""
_TYPE_NAMES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "object": "mapping",
    "array": "list",
}
_ANNOTATIONS = frozenset({"title", "description", "examples", "$comment", "default"})


class SchemaShapeError(ValueError):
    """The schema uses a construct this page cannot yet put in words."""


# -------------------------------------------------------------------------------------------
# The reference page


def schema_markdown(schemas: Mapping[str, dict[str, Any]] | None = None) -> str:
    """Return ``docs/schema.md`` for ``schemas`` by kind (the packaged ones by default)."""
    if schemas is None:
        schemas = {kind: load_schema(kind) for kind in SCHEMA_FILES}
    majors = sorted({_major(schema) for schema in schemas.values()})
    lines = [
        "# Catalog schema reference",
        "",
        f"<!-- Generated from the JSON Schemas by `{DOC_COMMAND}`; do not edit by hand. -->",
        "",
        f"Schema version {', '.join(str(major) for major in majors)}. The catalog is a folder "
        "of YAML files, each checked against one of two JSON Schemas (draft 2020-12), which "
        "editors and other validators can use as they are:",
        "",
        "| File | Schema | `$id` |",
        "| --- | --- | --- |",
    ]
    lines += [
        f"| `{_CATALOG_FILES.get(kind, kind)}` | `schema/{SCHEMA_FILES[kind]}` "
        f"| `{schemas[kind]['$id']}` |"
        for kind in schemas
    ]
    lines += [
        "",
        "- **Versions.** The major version is in each `$id` (`/v1/` is version 1), and a file "
        "may say which version it is written for with `schema_version`. A change that rejects "
        "a file that was valid is a new major version; every change is listed under "
        '"Schema" in the CHANGELOG.',
        "- **Editors.** A first line `# yaml-language-server: $schema=<path or $id>` points the "
        "YAML language server at a file's schema; `schema/schemastore-catalog.json` holds the "
        "schemas' entries for the SchemaStore catalog.",
        "- **Reading this page.** Types are JSON Schema's, written for YAML: a mapping is a "
        "JSON object, a list an array, an integer a whole number (`2` and `2.0` both are). "
        "Examples are written in JSON, which YAML reads as it is. Patterns are ECMA-262 "
        "regular expressions, written to mean the same in every validator.",
    ]
    for kind, schema in schemas.items():
        lines += ["", *_file_section(kind, schema)]
    return "\n".join(lines) + "\n"


def _file_section(kind: str, root: dict[str, Any]) -> list[str]:
    name = _CATALOG_FILES.get(kind, kind)
    lines = [
        f"## {root.get('title', kind)}: `{name}`",
        "",
        f"Schema `schema/{SCHEMA_FILES[kind]}`, `$id` `{root['$id']}`.",
        "",
        _text(root.get("description", "")),
    ]
    for path, schema in _objects(root):
        lines += ["", *_object_section(root, name, path, schema)]
    return lines


def _objects(root: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (path, schema) for the document and every mapping with declared keys in it."""

    def visit(path: str, schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
        yield path, schema
        for key, declared in schema.get("properties", {}).items():
            child = f"{path}.{key}" if path else key
            sub = _resolved(root, declared)
            if _has_keys(sub):
                yield from visit(child, sub)
            items = sub.get("items")
            if isinstance(items, dict) and _has_keys(_resolved(root, items)):
                yield from visit(f"{child}[]", _resolved(root, items))

    yield from visit("", root)


def _object_section(
    root: dict[str, Any], file_name: str, path: str, schema: dict[str, Any]
) -> list[str]:
    if path:
        lines = [f"### {schema.get('title', path)} (`{path}`)"]
    else:
        lines = [f"### The top of `{file_name.rpartition('/')[2]}`"]
    if path:
        lines += ["", _text(schema.get("description", ""))]
    properties: dict[str, Any] = schema.get("properties", {})
    required = list(schema.get("required", []))
    rules = [
        f"Required keys: {_and(required)}." if required else "No key is required.",
        *_conditional_rules(schema),
        *_forms(schema),
        "No other key is allowed."
        if schema.get("additionalProperties") is False
        else "Other keys are allowed.",
    ]
    lines += ["", *(f"- {rule}" for rule in rules)]
    conditions = _conditional_requirements(schema)
    lines += ["", "| Key | Type | Required | Title |", "| --- | --- | --- | --- |"]
    for key, declared in properties.items():
        sub = _resolved(root, declared)
        needed = _required_text(key, required, conditions, schema)
        lines.append(
            f"| `{key}` | {_cell(_type(root, sub))} | {_cell(needed)} "
            f"| {_cell(sub.get('title', ''))} |"
        )
    for key, declared in properties.items():
        sub = _resolved(root, declared)
        full = f"{path}.{key}" if path else key
        lines += ["", *_field(root, full, sub, _required_text(key, required, conditions, schema))]
    return lines


def _field(root: dict[str, Any], path: str, schema: dict[str, Any], needed: str) -> list[str]:
    lines = [f"#### `{path}`", ""]
    title = schema.get("title")
    description = _text(schema.get("description", ""))
    lines.append(f"**{title}.** {description}" if title else description)
    lines += ["", f"- Type: {_type(root, schema)}", f"- Required: {needed}"]
    lines += [f"- {line}" for line in _constraints(root, schema)]
    items = schema.get("items")
    if isinstance(items, dict) and not _has_keys(_resolved(root, items)):
        item_lines = _constraints(root, _resolved(root, items))
        if item_lines:
            lines.append("- Each item:")
            lines += [f"  - {line}" for line in item_lines]
    examples = schema.get("examples", [])
    if examples:
        lines.append("- Examples: " + ", ".join(_code(_json(example)) for example in examples))
    return lines


def _type(root: dict[str, Any], schema: dict[str, Any], *, plural: bool = False) -> str:
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items")
        item = _resolved(root, items) if isinstance(items, dict) else {}
        return f"list of {_type(root, item, plural=True)}" if item else "list"
    if kind == "object":
        noun = "mappings" if plural else "mapping"
        return f"{noun} ({schema['title']})" if _has_keys(schema) else f"{noun} of any keys"
    if isinstance(kind, str):
        name = _TYPE_NAMES.get(kind, kind)
        return f"{name}s" if plural else name
    raise SchemaShapeError(f"no single type in {schema}")


def _constraints(root: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    """Return a sentence for each constraint of a value (its type aside)."""
    lines = []
    if "const" in schema:
        lines.append(f"Must be {_code(_json(schema['const']))}.")
    if "enum" in schema:
        lines.append("One of " + ", ".join(_code(_json(value)) for value in schema["enum"]) + ".")
    if "pattern" in schema:
        pattern = schema["pattern"]
        meaning = PATTERN_MEANINGS.get(pattern)
        lines.append(f"Matches {_code(pattern)}" + (f": {meaning}." if meaning else "."))
    if "not" in schema:
        if schema["not"] != _SINGLE_LINE:
            raise SchemaShapeError(f"cannot describe not: {schema['not']}")
        lines.append(
            "On one line: no line break, not even a final one (which a YAML `|` or `>` block adds)."
        )
    bounds = (
        ("minLength", "At least {} characters."),
        ("maxLength", "At most {} characters."),
        ("minimum", "At least {}."),
        ("exclusiveMinimum", "More than {}."),
        ("maximum", "At most {}."),
        ("exclusiveMaximum", "Less than {}."),
        ("minItems", "At least {} items."),
        ("maxItems", "At most {} items."),
    )
    for keyword, sentence in bounds:
        if keyword in schema:
            value = schema[keyword]
            if keyword == "minLength" and value == 1:
                lines.append("Not empty.")
            elif keyword == "minItems" and value == 1:
                lines.append("At least one item.")
            else:
                lines.append(sentence.format(value))
    if schema.get("uniqueItems"):
        lines.append("Each item at most once.")
    if "contains" in schema:
        lines.append(f"At least one item where {_condition(schema['contains'])}.")
    unknown = set(schema) - _DESCRIBED
    if unknown:
        raise SchemaShapeError(f"cannot describe {sorted(unknown)} in {schema}")
    return lines


_DESCRIBED = _ANNOTATIONS | {
    *("$ref", "$defs", "$schema", "$id", "type", "properties", "required"),
    *("additionalProperties", "items", "if", "then", "else", "oneOf", "not", "const", "enum"),
    *("pattern", "minLength", "maxLength", "minimum", "exclusiveMinimum", "maximum"),
    *("exclusiveMaximum", "minItems", "maxItems", "uniqueItems", "contains"),
}


def _condition(schema: dict[str, Any]) -> str:
    """Put an ``if`` (or ``contains``) schema in words: "`maturity` is `planned`"."""
    parts = []
    properties: dict[str, Any] = schema.get("properties", {})
    for key in schema.get("required", []):
        sub = properties.get(key, {})
        if "const" in sub:
            parts.append(f"`{key}` is {_code(_json(sub['const']))}")
        elif "enum" in sub:
            values = " or ".join(_code(_json(value)) for value in sub["enum"])
            parts.append(f"`{key}` is {values}")
        else:
            parts.append(f"`{key}` is given")
    if not parts or set(schema) - {"type", "properties", "required"}:
        raise SchemaShapeError(f"cannot put this condition in words: {schema}")
    return " and ".join(parts)


def _requirement(schema: dict[str, Any]) -> str:
    """Put a ``then`` schema in words: "`sku` and `standard_sow` are required"."""
    parts = []
    required = list(schema.get("required", []))
    if required:
        parts.append(f"{_and(required)} {'is' if len(required) == 1 else 'are'} required")
    if "not" in schema:
        forbidden = schema["not"]
        if set(forbidden) - {"properties", "required"} or not forbidden.get("required"):
            raise SchemaShapeError(f"cannot put this not in words: {forbidden}")
        keys = list(forbidden["required"])
        parts.append(f"{_and(keys)} {'is' if len(keys) == 1 else 'are'} not allowed")
    for key, sub in schema.get("properties", {}).items():
        # Keys restated only so that strict validators (ajv) accept `required`.
        if not set(sub) - {"type"}:
            continue
        items = sub.get("items")
        if set(sub) - {"type", "items"} or not isinstance(items, dict):
            raise SchemaShapeError(f"cannot put this rule on {key!r} in words: {sub}")
        parts.append(f"in every item of `{key}`, {_requirement(items)}")
    if not parts or set(schema) - {"type", "properties", "required", "not"}:
        raise SchemaShapeError(f"cannot put this rule in words: {schema}")
    return "; ".join(parts)


def _conditional_rules(schema: dict[str, Any]) -> list[str]:
    if "if" not in schema:
        return []
    rules = [f"When {_condition(schema['if'])}: {_requirement(schema['then'])}."]
    otherwise = schema.get("else")
    if isinstance(otherwise, dict):
        if "if" in otherwise:
            rules += [f"Otherwise, w{rule[1:]}" for rule in _conditional_rules(otherwise)]
        else:
            rules.append(f"Otherwise: {_requirement(otherwise)}.")
    return rules


def _conditional_requirements(schema: dict[str, Any]) -> dict[str, str]:
    """Return, for each key an ``if``/``then`` requires, the condition in words."""
    found: dict[str, str] = {}
    node: Any = schema
    while isinstance(node, dict) and "if" in node:
        condition = _condition(node["if"])
        for key in node.get("then", {}).get("required", []):
            found.setdefault(key, f"when {condition}")
        node = node.get("else")
    return found


def _forms(schema: dict[str, Any]) -> list[str]:
    if "oneOf" not in schema:
        return []
    forms = []
    for branch in schema["oneOf"]:
        if set(branch) - {"properties", "required"} or not branch.get("required"):
            raise SchemaShapeError(f"cannot put this form in words: {branch}")
        forms.append(_and(list(branch["required"])))
    return ["Exactly one of these forms: " + ", or ".join(forms) + "."]


def _required_text(
    key: str, required: list[str], conditions: dict[str, str], schema: dict[str, Any]
) -> str:
    if key in required:
        return "yes"
    if key in conditions:
        return conditions[key]
    if any(key in branch.get("required", []) for branch in schema.get("oneOf", [])):
        return "in one of the forms above"
    return "no"


def _resolved(root: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Return a schema with its ``$ref``'s target merged under its own keywords."""
    if "$ref" not in schema:
        return schema
    target: Any = root
    for step in str(schema["$ref"]).removeprefix("#/").split("/"):
        target = target[step]
    own = {keyword: value for keyword, value in schema.items() if keyword != "$ref"}
    return {**_resolved(root, target), **own}


def _has_keys(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "object" and bool(schema.get("properties"))


def _and(keys: Sequence[str]) -> str:
    quoted = [f"`{key}`" for key in keys]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _json(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" or text.startswith(" ") or text.endswith(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _text(text: str) -> str:
    """Return a description as Markdown: angle brackets outside code spans escaped."""
    parts = text.split("`")
    return "`".join(
        part if index % 2 else part.replace("<", "&lt;").replace(">", "&gt;")
        for index, part in enumerate(parts)
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _major(schema: Mapping[str, Any]) -> int:
    match = _MAJOR.search(str(schema.get("$id", "")))
    if match is None:
        raise SchemaShapeError(f"no /vN/ major version in $id {schema.get('$id')!r}")
    return int(match.group(1))


# -------------------------------------------------------------------------------------------
# The version lock


@dataclass(frozen=True)
class LockStatus:
    """How the schema files stand against ``schema/schema.lock.json``."""

    unexplained: list[str]
    """Changes with neither a new CHANGELOG entry nor a new major version: messages."""
    unrecorded: list[str]
    """Changes that are explained but not yet recorded by ``--lock``: messages."""
    lock: dict[str, Any]
    """The lock as ``--lock`` would write it now."""

    @property
    def problems(self) -> list[str]:
        """Every message, the unexplained first."""
        return [*self.unexplained, *self.unrecorded]


def schema_entries(changelog: str) -> list[str]:
    """Return the entries under ``### Schema`` in the Unreleased section, one line each."""
    unreleased = re.search(r"^## \[Unreleased\][^\n]*\n(.*?)(?=^## |\Z)", changelog, re.M | re.S)
    if unreleased is None:
        return []
    section = re.search(r"^### Schema[^\n]*\n(.*?)(?=^### |\Z)", unreleased.group(1), re.M | re.S)
    if section is None:
        return []
    entries: list[list[str]] = []
    for line in section.group(1).splitlines():
        if line.startswith(("- ", "* ")):
            entries.append([line[2:]])
        elif line.strip() and entries:
            entries[-1].append(line)
    return [" ".join(" ".join(entry).split()) for entry in entries]


def fingerprint(text: str) -> str:
    """Return the sha256 of a schema's content: key order counts, whitespace does not."""
    canonical = json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def lock_status(root: Path) -> LockStatus:
    """Compare the schema files under ``root`` with the lock and the CHANGELOG."""
    lock_path = root / LOCK_FILE
    recorded: dict[str, Any] = (
        json.loads(lock_path.read_text(encoding="utf-8"))
        if lock_path.is_file()
        else {"files": {}, "changelog": []}
    )
    changelog = (root / CHANGELOG_FILE).read_text(encoding="utf-8")
    entries = schema_entries(changelog)
    new_entries = [entry for entry in entries if entry not in recorded["changelog"]]
    files: dict[str, dict[str, Any]] = {}
    for path in sorted((root / "schema").glob("*.schema.json")):
        text = path.read_text(encoding="utf-8")
        files[path.name] = {"major": _major(json.loads(text)), "sha256": fingerprint(text)}
    unexplained, unrecorded = [], []
    for name in sorted(set(files) | set(recorded["files"])):
        now, then = files.get(name), recorded["files"].get(name)
        if now == then:
            continue
        where = f"schema/{name}"
        change = "is new" if then is None else "was removed" if now is None else "changed"
        if now is not None and then is not None and now["major"] < then["major"]:
            unexplained.append(
                f"{where}: its $id's major version went down from {then['major']} to "
                f"{now['major']}; a major version only goes up"
            )
            continue
        new_major = now is not None and then is not None and now["major"] > then["major"]
        if new_entries or new_major:
            unrecorded.append(
                f"{where} {change} since {LOCK_FILE} and the CHANGELOG says so: "
                f"run `{LOCK_COMMAND}` to record it"
            )
        else:
            major = now["major"] if now is not None else then["major"] if then else "?"
            unexplained.append(
                f"{where} {change} since {LOCK_FILE}, but {CHANGELOG_FILE}'s Unreleased "
                f"section has no new entry under '### Schema' and the $id keeps major "
                f"version {major}: describe the change there (one that rejects a catalog "
                f"that was valid needs a new major version in the $id), then run "
                f"`{LOCK_COMMAND}`"
            )
    lock = {
        "comment": (
            f"Written by `{LOCK_COMMAND}`: each schema file's fingerprint and major version, "
            f"and the Unreleased '### Schema' entries of {CHANGELOG_FILE}, when the schema "
            "last changed. A schema file that differs needs a new entry there or a new major "
            "version before it can be recorded again (tests/test_schema_versioning.py)."
        ),
        "files": files,
        "changelog": entries,
    }
    return LockStatus(unexplained, unrecorded, lock)


def write_lock(root: Path) -> list[str]:
    """Record the schema files under ``root`` in the lock; return why not, if refused."""
    status = lock_status(root)
    if status.unexplained:
        return status.unexplained
    text = json.dumps(status.lock, indent=2, ensure_ascii=False) + "\n"
    (root / LOCK_FILE).write_text(text, encoding="utf-8")
    return []


def check(root: Path) -> list[str]:
    """Return what is out of date under ``root``: the reference page, then the lock."""
    problems = []
    schemas = {
        kind: json.loads((root / "schema" / name).read_text(encoding="utf-8"))
        for kind, name in SCHEMA_FILES.items()
    }
    page = root / DOC_FILE
    if not page.is_file() or page.read_text(encoding="utf-8") != schema_markdown(schemas):
        problems.append(f"{DOC_FILE} is not generated from the schemas: run `{DOC_COMMAND}`")
    return [*problems, *lock_status(root).problems]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the reference page, or check or write what is generated from the schemas."""
    parser = argparse.ArgumentParser(
        prog="python -m pscatalog.outputs.schemadoc",
        description=f"Print {DOC_FILE}, generated from the packaged JSON Schemas.",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--check",
        action="store_true",
        help=f"exit 1, saying why, if {DOC_FILE} or {LOCK_FILE} is out of date",
    )
    action.add_argument(
        "--lock",
        action="store_true",
        help=f"record the schema files in {LOCK_FILE} (refused while a change has neither "
        "a CHANGELOG entry nor a new major version)",
    )
    parser.add_argument(
        "--root", type=Path, default=Path(), help="the repository folder (default: .)"
    )
    options = parser.parse_args(argv)
    if (options.check or options.lock) and not (options.root / CHANGELOG_FILE).is_file():
        parser.error(f"no {CHANGELOG_FILE} in {options.root}: run from the repository folder")
    if options.check or options.lock:
        problems = check(options.root) if options.check else write_lock(options.root)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    sys.stdout.write(schema_markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
