"""How schema findings name values (the words S001-S007 share), exactly as messages show them."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from pscatalog.rules._schema_words import (
    all_required,
    did_you_mean,
    listed,
    quoted,
    schema_of,
    shown,
    what,
    yaml_scalar,
)


@pytest.mark.parametrize(
    ("path", "instance", "expected"),
    [
        ([], None, "the document"),
        (["offerings", 0, "maturity"], None, "'maturity'"),
        (["offerings", 2], {"id": "jira"}, "offering 'jira'"),
        (["offerings", 2], {"id": ""}, "offering 3"),
        (["offerings", 2], {"id": 7}, "offering 3"),
        (["offerings", 0, "variants", 1], ["not", "a mapping"], "variant 2"),
        (["offerings", 0, "evidence", "marketing_material", 0], None, "link 1"),
        (["offerings", 0, "owners", 4], None, "item of 'owners' 5"),
        ([0], {"id": "x"}, "item 'x'"),
        ([1], None, "item 2"),
    ],
)
def test_what_names_a_value_by_key_id_or_place(path: list[Any], instance: Any, expected: str):
    """A key is quoted; a list item is named by its list's noun and its id, else its place."""
    assert what(path, instance) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"a": 1}, "a mapping"),
        ([1], "a list"),
        ("x" * 60, repr("x" * 60)),
        ("x" * 61, repr("x" * 57 + "...")),
        (None, "empty"),
        (True, "true"),
        (False, "false"),
        (12, "12"),
        (1.5, "1.5"),
    ],
)
def test_shown_says_a_value_in_words_and_cuts_long_strings(value: Any, expected: str):
    """Strings are quoted and cut past 60 characters; other values are words."""
    assert shown(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(True, "true"), (False, "false"), (None, ""), (3, "3"), ("a", "a")]
)
def test_yaml_scalar_writes_a_value_as_yaml_would(value: Any, expected: str):
    """Booleans in lowercase, nothing for null, the rest as text."""
    assert yaml_scalar(value) == expected


def test_quoted_and_listed():
    """Names are quoted and joined; a schema's list becomes strings, anything else none."""
    assert quoted(["id", "name"]) == "'id', 'name'"
    assert listed(["a", 1]) == ["a", "1"]
    assert listed("ab") == []
    assert listed(None) == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Complete", "did you mean 'complete'?"),
        ("MINIMAL", "did you mean 'minimal'?"),
        ("complet", "did you mean 'complete'?"),
        ("Viabel", "did you mean 'viable'?"),
        ("zzz", None),
    ],
)
def test_did_you_mean_prefers_letter_case_then_the_closest(word: str, expected: str | None):
    """A word that differs only in case is suggested first; else the one close match, if any."""
    options = ["planned", "minimal", "viable", "complete", "lovable"]
    assert did_you_mean(word, options) == expected


def test_did_you_mean_keeps_the_options_own_case():
    """The suggestion is written as the option is, whatever the word's case."""
    assert did_you_mean("sku", ["SKU", "id"]) == "did you mean 'SKU'?"
    assert did_you_mean("skus", ["SKU", "SKUs"]) == "did you mean 'SKUs'?"


def _error(schema: dict[str, Any], instance: Any) -> Any:
    [error] = Draft202012Validator(schema).iter_errors(instance)
    return error


def test_schema_of_is_the_failed_keywords_schema():
    """The schema the error's keyword belongs to, as a dict."""
    schema = {"type": "object", "required": ["id"]}
    assert schema_of(_error(schema, {})) == schema


def test_all_required_only_when_every_branch_asks_for_keys():
    """Branches that each only require keys: true; a branch about a value or a type: false."""
    keys = {"oneOf": [{"required": ["a"]}, {"required": ["b"]}]}
    assert all_required(_error(keys, {}))
    mixed = {
        "oneOf": [{"required": ["a"]}, {"properties": {"b": {"type": "string"}}, "required": ["c"]}]
    }
    assert not all_required(_error(mixed, {"b": 1}))
    nested = {"anyOf": [{"required": ["a"]}, {"properties": {"b": {"required": ["c"]}}}]}
    assert not all_required(_error(nested, {"b": {}}))
    typed = {"oneOf": [{"required": ["a"]}, {"type": "string"}]}
    assert not all_required(_error(typed, {}))
    assert not all_required(_error({"type": "string"}, 1))
