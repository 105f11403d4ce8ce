"""S006 out-of-range: numbers and lists within their bounds, in the words of each bound."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from pscatalog.rules import out_of_range


def _described(schema: dict[str, Any], instance: Any) -> tuple[str, str | None]:
    [error] = Draft202012Validator(schema).iter_errors(instance)
    return out_of_range.describe(error, "'x'")


@pytest.mark.parametrize(
    ("schema", "instance", "message", "hint"),
    [
        ({"minimum": 0}, -1, "'x' must be at least 0, not -1", None),
        ({"maximum": 100}, 140, "'x' must be at most 100, not 140", None),
        ({"exclusiveMinimum": 0}, 0, "'x' must be more than 0, not 0", None),
        ({"exclusiveMaximum": 10}, 10, "'x' must be less than 10, not 10", None),
        (
            {"uniqueItems": True},
            ["a", "a"],
            "'x' lists the same item more than once",
            "remove the repeated item",
        ),
        ({"minItems": 1}, [], "'x' must have at least 1 item", "add an item"),
        ({"minItems": 2}, [1], "'x' must have at least 2 items", "add items, 2 at least"),
        ({"maxItems": 1}, [1, 2], "'x' must have at most 1 item", "keep 1 item at most"),
        ({"maxItems": 2}, [1, 2, 3], "'x' must have at most 2 items", "keep 2 items at most"),
    ],
)
def test_each_bound_in_its_words(
    schema: dict[str, Any], instance: Any, message: str, hint: str | None
) -> None:
    """Each keyword of a bound says which bound, the limit, and the value; lists say what to do."""
    assert _described(schema, instance) == (message, hint)


def test_keywords_are_those_of_bounds() -> None:
    """S006 describes the bounds' keywords and no other."""
    assert (
        frozenset(
            {
                "minimum",
                "maximum",
                "exclusiveMinimum",
                "exclusiveMaximum",
                "minItems",
                "maxItems",
                "uniqueItems",
            }
        )
        == out_of_range.KEYWORDS
    )
