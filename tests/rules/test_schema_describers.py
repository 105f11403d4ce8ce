"""How S003 (wrong-type) and S007 (schema-violation) describe an error, in every branch.

Each case is a small schema and a value it refuses; the message and hint are
what the finding shows, the value at fault being named ``'x'``.
"""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from pscatalog.rules import schema_violation, wrong_type


def _error(schema: dict[str, Any], instance: Any) -> Any:
    [error] = Draft202012Validator(schema).iter_errors(instance)
    return error


@pytest.mark.parametrize(
    ("expected", "instance", "message", "hint"),
    [
        (
            "integer",
            "12",
            "'x' must be a whole number, not '12'",
            "write 12 (a number: no quotes, currency or separators)",
        ),
        (
            "number",
            "1.5",
            "'x' must be a number, not '1.5'",
            "write 1.5 (a number: no quotes, currency or separators)",
        ),
        ("string", 12, "'x' must be a string, not 12", 'quote the value: "12"'),
        ("string", True, "'x' must be a string, not true", 'quote the value: "true"'),
        ("string", None, "'x' must be a string, not empty", 'quote the value: ""'),
        ("string", {"a": 1}, "'x' must be a string, not a mapping", None),
        ("string", [1], "'x' must be a string, not a list", None),
        ("array", "a", "'x' must be a list, not 'a'", "write it as a list: [a]"),
        (
            ["integer", "null"],
            "a",
            "'x' must be a whole number or empty, not 'a'",
            "write a number",
        ),
        (
            "boolean",
            "yes",
            "'x' must be true or false, not 'yes'",
            "write true (true or false, without quotes)",
        ),
        ("object", 3, "'x' must be a mapping, not 3", None),
        ("thing", 3, "'x' must be thing, not 3", None),
    ],
)
def test_wrong_type_says_what_is_expected_and_how_to_write_it(
    expected: Any, instance: Any, message: str, hint: str | None
) -> None:
    """The expected types in words, the value as shown, and a hint where quoting is the fix."""
    if expected == "thing":  # a type name the schema language does not have
        error = _error({"type": "string"}, instance)
        error.validator_value = "thing"
    else:
        error = _error({"type": expected}, instance)
    assert wrong_type.describe(error, "'x'") == (message, hint)


NEEDS = {"oneOf": [{"required": ["amount"]}, {"required": ["min", "max"]}]}


@pytest.mark.parametrize(
    ("schema", "instance", "message", "hint"),
    [
        (NEEDS, {}, "'x' needs 'amount' or 'min' and 'max'", None),
        (
            {"anyOf": [{"required": ["a"]}, {"required": ["a"]}, {"required": ["b"]}]},
            {},
            "'x' needs 'a' or 'b'",
            None,
        ),
        (
            {"oneOf": [{"type": "integer"}, {"type": "number"}], "description": "One of them."},
            1,
            "'x' matches more than one allowed form",
            "One of them.",
        ),
        (
            {"oneOf": [{"type": "integer"}, {"type": "number"}]},
            1,
            "'x' matches more than one allowed form",
            None,
        ),
        (
            {"contains": {"const": "custom"}, "description": "A base variant."},
            ["remote"],
            "'x' has no item of the required kind",
            "A base variant.",
        ),
        (
            {"not": schema_violation.ONE_LINE},
            "a\n",
            "'x' must be on one line",
            "remove the final line break a | or > block adds",
        ),
        ({"not": {"const": 1}}, 1, "'x' is not allowed here", None),
        ({"const": 1}, 2, "'x': 1 was expected", None),
        ({"required": ["Id"]}, {}, "'x': 'Id' is a required property", None),
    ],
)
def test_schema_violation_names_the_form_the_value_misses(
    schema: dict[str, Any], instance: Any, message: str, hint: str | None
) -> None:
    """Forms that each need keys list them; other keywords say what failed, in lower case."""
    assert schema_violation.describe(_error(schema, instance), "'x'") == (message, hint)
