"""The schemas give the same verdicts in python-jsonschema, jsonschema-rs and ajv.

The corpus in tests/conformance/ (written by its generate.py) holds valid documents and, for
each constraint of each schema, a document that breaks it, with the errors a validator
reports. Every case gets its verdict, for the expected reasons, from the three
implementations. ajv runs in Node, once over the whole corpus, from
tests/conformance/node_modules (``npm ci --prefix tests/conformance``): outside CI a machine
without it skips those tests; in CI (``CI`` set) they fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from jsonschema import Draft202012Validator

from conformance import generate
from conformance.generate import SCHEMAS
from conftest import REPO, SHIPPED_CATALOG
from pscatalog.catalog.model import load_catalog

CORPUS = REPO / "tests" / "conformance"
SCHEMA_DIR = REPO / "schema"
AJV_SCRIPT = CORPUS / "ajv-check.mjs"
EXAMPLES = REPO / "tests" / "examples"

Location = tuple[str, str]
"""An error as (keywordLocation, instanceLocation), JSON pointers as the output format has them."""


@dataclass(frozen=True)
class Case:
    """A corpus file: the document, its verdict and the errors that explain it."""

    id: str
    schema: str
    valid: bool
    errors: frozenset[Location]
    document: Any


def load_cases() -> list[Case]:
    cases = []
    for schema in SCHEMAS:
        for path in sorted((CORPUS / schema).glob("*/*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            errors = frozenset(
                (error["keywordLocation"], error["instanceLocation"]) for error in data["errors"]
            )
            case_id = path.relative_to(CORPUS).with_suffix("").as_posix()
            cases.append(Case(case_id, data["schema"], data["valid"], errors, data["document"]))
    return cases


CASES = load_cases()


def catalog_documents() -> list[tuple[str, str, Any]]:
    """Return (id, schema, data) for every readable file of the shipped and example catalogs."""
    folders = [SHIPPED_CATALOG, *sorted(p for p in EXAMPLES.glob("*/*") if p.is_dir())]
    documents = []
    for folder in folders:
        catalog = load_catalog(folder)
        for doc in catalog.documents:
            if not doc.ok:
                continue
            try:
                json.dumps(doc.data, allow_nan=False)
            except ValueError:  # .inf or .nan: YAML has them, JSON (and so ajv) does not
                continue
            name = doc.path.relative_to(REPO).as_posix()
            documents.append((name, catalog.kind_of(doc), doc.data))
    return documents


CATALOG_DOCUMENTS = catalog_documents()


@cache
def schema(kind: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")
    )
    return loaded


@cache
def python_validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema(kind), format_checker=None)


@cache
def rs_validator(kind: str) -> Any:
    return jsonschema_rs.Draft202012Validator(schema(kind))


def pointer(parts: Any) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def value_at(document: Any, instance_location: str) -> Any:
    for part in instance_location.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        document = document[int(part)] if isinstance(document, list) else document[part]
    return document


def without_refs(keyword_location: str) -> str:
    """Return a keywordLocation as python-jsonschema writes it: without its $ref steps."""
    return pointer(part for part in keyword_location.split("/")[1:] if part != "$ref")


def absolute(kind: str, keyword_location: str) -> str:
    """Return where a keywordLocation's keyword is in the schema file ($refs followed)."""
    root = schema(kind)
    node: Any = root
    place: list[str] = []
    for part in keyword_location.split("/")[1:]:
        if part == "$ref":
            place = node["$ref"].removeprefix("#/").split("/")
            node = root
            for step in place:
                node = node[step]
        else:
            node = node[int(part)] if isinstance(node, list) else node[part]
            place.append(part)
    return pointer(place)


def python_errors(kind: str, document: Any) -> set[Location]:
    return {
        (pointer(error.relative_schema_path), pointer(error.absolute_path))
        for error in python_validator(kind).iter_errors(document)
    }


def rs_errors(kind: str, document: Any) -> set[Location]:
    validator = rs_validator(kind)
    errors = {
        (pointer(error.evaluation_path), pointer(error.instance_path))
        for error in validator.iter_errors(document)
    }
    # pscatalog decides with is_valid: it must say what iter_errors says.
    assert validator.is_valid(document) == (not errors)
    return errors


def ajv_missing() -> str | None:
    """Say why ajv cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (CORPUS / "node_modules" / "ajv").is_dir():
        return "ajv is not installed: run npm ci --prefix tests/conformance"
    return None


@pytest.fixture(scope="session")
def ajv() -> dict[str, Any]:
    """Run ajv once over the corpus and the catalogs; return its result by document id."""
    missing = ajv_missing()
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"{missing}; CI must run ajv (.ci/run installs it)")
        pytest.skip(missing)
    documents = [
        {"id": case.id, "schema": case.schema, "document": case.document} for case in CASES
    ] + [{"id": name, "schema": kind, "document": data} for name, kind, data in CATALOG_DOCUMENTS]
    process = subprocess.run(
        ["node", str(AJV_SCRIPT), str(SCHEMA_DIR)],
        input=json.dumps(documents),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert process.returncode == 0, process.stderr
    output: dict[str, Any] = json.loads(process.stdout)
    assert output["ajv"].startswith("8."), output["ajv"]
    results: dict[str, Any] = output["results"]
    return results


def ajv_errors(result: dict[str, Any]) -> set[Location]:
    errors = {(error["keywordLocation"], error["instanceLocation"]) for error in result["errors"]}
    assert result["valid"] == (not errors)
    return errors


def ajv_reports(reported: set[Location], place: str, instance: str) -> bool:
    """Whether ajv reported the error of keyword ``place`` (its location in the file).

    ajv's schemaPath starts at the schema it compiled the keyword in: the file for some
    $refs, the $ref's target for those it inlines. Either way it ends ``place``.
    """
    return any(
        at == instance and keyword.startswith("/") and place.endswith(keyword)
        for keyword, at in reported
    )


def ids(cases: list[Case]) -> list[str]:
    return [case.id for case in cases]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_python_jsonschema_gives_the_verdict_for_the_expected_reasons(case: Case) -> None:
    """python-jsonschema reports exactly the case's errors (none for a valid case)."""
    expected = {
        (without_refs(keyword), instance)
        for keyword, instance in case.errors
        # Python's re: $ also matches before a final line break, so such a value passes its
        # pattern; the schema's not: {pattern: "\n"} is what rejects it in Python too.
        if not (keyword.endswith("/pattern") and value_at(case.document, instance).endswith("\n"))
    }
    assert python_errors(case.schema, case.document) == expected


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_jsonschema_rs_gives_the_verdict_for_the_expected_reasons(case: Case) -> None:
    """jsonschema-rs reports exactly the case's errors (none for a valid case)."""
    assert rs_errors(case.schema, case.document) == case.errors


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_ajv_gives_the_verdict_for_the_expected_reasons(case: Case, ajv: dict[str, Any]) -> None:
    """The ajv validator (strict mode) reports every error of the case, and none for a valid case."""
    reported = ajv_errors(ajv[case.id])
    missing = {
        (keyword, instance)
        for keyword, instance in case.errors
        if not ajv_reports(reported, absolute(case.schema, keyword), instance)
    }
    assert missing == set()
    assert bool(reported) != case.valid


@pytest.mark.parametrize(
    ("name", "kind", "data"), CATALOG_DOCUMENTS, ids=[name for name, _, _ in CATALOG_DOCUMENTS]
)
def test_catalog_files_get_one_verdict_from_the_three(
    name: str, kind: str, data: Any, ajv: dict[str, Any]
) -> None:
    """Every shipped and example catalog file is valid, or invalid, in all three alike."""
    verdicts = {
        "python-jsonschema": not python_errors(kind, data),
        "jsonschema-rs": not rs_errors(kind, data),
        "ajv": not ajv_errors(ajv[name]),
    }
    assert len(set(verdicts.values())) == 1, verdicts
    if Path(name).is_relative_to(SHIPPED_CATALOG.relative_to(REPO)):
        assert verdicts["ajv"], "the shipped catalog is valid"


def test_corpus_files_are_what_generate_writes() -> None:
    """tests/conformance/ holds exactly the cases generate.py writes (run it after a change)."""
    assert generate.written() == generate.corpus()


def test_every_case_names_its_schema_and_verdict_consistently() -> None:
    """A case's folder says its verdict, and only invalid cases list errors."""
    for case in CASES:
        assert case.id.startswith(f"{case.schema}/{'valid' if case.valid else 'invalid'}/")
        assert bool(case.errors) != case.valid, case.id


# Keywords python-jsonschema, jsonschema-rs and ajv implement alike. Left out on purpose:
# format (an annotation by default in 2020-12, asserted by some tools and not others),
# unevaluatedProperties/Items and dependentSchemas/Required ($ref and annotation handling
# differ between implementations and versions), $dynamicRef/$anchor, multipleOf (binary
# floating point), patternProperties and propertyNames (regular expressions on keys).
ALLOWED_KEYWORDS = frozenset(
    {
        *("$schema", "$id", "$defs", "$ref", "$comment"),
        *("title", "description", "examples", "default"),
        *("type", "enum", "const"),
        *("properties", "required", "additionalProperties"),
        *("items", "minItems", "maxItems", "uniqueItems", "contains"),
        *("pattern", "minLength", "maxLength"),
        *("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"),
        *("allOf", "anyOf", "oneOf", "not", "if", "then", "else"),
    }
)
SUBSCHEMA_MAPS = ("properties", "$defs")
SUBSCHEMAS = ("items", "contains", "not", "if", "then", "else", "additionalProperties")
SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf")


def subschemas(node: Any, location: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (location in the file, schema) for a schema and every schema inside it."""
    if not isinstance(node, dict):
        return
    yield location, node
    for keyword in SUBSCHEMA_MAPS:
        for name, sub in node.get(keyword, {}).items():
            yield from subschemas(sub, f"{location}/{keyword}/{name}")
    for keyword in SUBSCHEMAS:
        yield from subschemas(node.get(keyword), f"{location}/{keyword}")
    for keyword in SUBSCHEMA_LISTS:
        for index, sub in enumerate(node.get(keyword, [])):
            yield from subschemas(sub, f"{location}/{keyword}/{index}")


@pytest.mark.parametrize("kind", SCHEMAS)
def test_schemas_use_only_keywords_the_three_implement_alike(kind: str) -> None:
    """Every keyword of the schema is one the three validators implement alike."""
    used = {
        f"{location}/{keyword}"
        for location, sub in subschemas(schema(kind))
        for keyword in sub
        if keyword not in ALLOWED_KEYWORDS
    }
    assert used == set()


@pytest.mark.parametrize("kind", SCHEMAS)
def test_patterns_use_only_portable_regular_expressions(kind: str) -> None:
    """Patterns avoid what Python's re reads unlike ECMA-262, and forbid a final line break."""
    # Python's \s, \d, \w and \b follow Unicode and ECMA-262's do not (U+0085, U+FEFF, other
    # scripts' digits); lookarounds are beyond RE2 (Go validators). Python's $ also matches
    # before a final line break, which a separate not: {type: string, pattern: "\n"} rules
    # out in a way every engine reads.
    for location, sub in subschemas(schema(kind)):
        if "pattern" not in sub:
            continue
        pattern = sub["pattern"]
        for escape in (
            "\\s",
            "\\S",
            "\\d",
            "\\D",
            "\\w",
            "\\W",
            "\\b",
            "\\B",
            "(?<",
            "(?P",
            "(?=",
            "(?!",
        ):
            assert escape not in pattern, f"{location}: {escape} in {pattern}"
        if pattern.endswith("$"):
            no_line_break = {"type": "string", "pattern": "\\n"}
            assert sub.get("not") == no_line_break, f"{location}: final line break allowed"


CONSTRAINTS = frozenset(
    {
        *("type", "enum", "const", "pattern", "minLength", "maxLength"),
        *("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"),
        *("minItems", "maxItems", "uniqueItems", "contains", "oneOf", "anyOf", "not"),
    }
)


def constraints(kind: str) -> set[tuple[str, str | None]]:
    """Return every constraint a document can break, as (keywordLocation, required key).

    Locations follow $refs, so a definition used in two places has a constraint in each.
    Conditions (if), the branches of oneOf and the schemas of not and contains are part of
    the keyword that holds them, not constraints of their own.
    """
    root = schema(kind)
    found: set[tuple[str, str | None]] = set()

    def walk(node: Any, location: str) -> None:
        if not isinstance(node, dict):
            return
        if "$ref" in node:
            target = root
            for step in node["$ref"].removeprefix("#/").split("/"):
                target = target[step]
            walk(target, f"{location}/$ref")
        found.update((f"{location}/{keyword}", None) for keyword in CONSTRAINTS & set(node))
        found.update((f"{location}/required", key) for key in node.get("required", []))
        if node.get("additionalProperties") is False:
            found.add((f"{location}/additionalProperties", None))
        for name, sub in node.get("properties", {}).items():
            walk(sub, f"{location}/properties/{name}")
        for keyword in ("items", "then", "else"):
            walk(node.get(keyword), f"{location}/{keyword}")

    walk(root, "")
    return found


def broken(case: Case) -> set[tuple[str, str | None]]:
    """Return the constraints a case breaks; for required, name the keys it lacks."""
    found: set[tuple[str, str | None]] = set()
    for keyword, instance in case.errors:
        if not keyword.endswith("/required"):
            found.add((keyword, None))
            continue
        value = value_at(case.document, instance)
        required = schema(case.schema)
        for part in absolute(case.schema, keyword).split("/")[1:]:
            required = required[part]
        found.update((keyword, key) for key in required if key not in value)
    return found


@pytest.mark.parametrize("kind", SCHEMAS)
def test_every_constraint_is_broken_by_a_case(kind: str) -> None:
    """Each required key, enum, pattern, bound, if/then, oneOf... has an invalid case."""
    covered = set().union(*(broken(case) for case in CASES if case.schema == kind))
    assert constraints(kind) - covered == set()


@pytest.mark.parametrize("kind", SCHEMAS)
def test_cases_break_only_constraints_the_schema_has(kind: str) -> None:
    """Every error a case expects is at a real constraint (no typo in the corpus)."""
    known = {location for location, _ in constraints(kind)}
    expected = {keyword for case in CASES if case.schema == kind for keyword, _ in case.errors}
    assert expected - known == set()
