"""Paths of a tree's keys and values: list items with a unique id are named by it."""

from __future__ import annotations

from typing import Any

from pscatalog.yamltext.tree import KEY, Scalar, data_paths, parse


def scalar_paths(text: str) -> dict[Any, tuple[Any, ...]]:
    """Map each scalar's text to its path."""
    return {
        node.text: path for node, path in data_paths(parse(text).root) if isinstance(node, Scalar)
    }


def test_items_with_unique_ids_are_named_by_them() -> None:
    """An item is ("id", its id); its keys follow the item's name."""
    paths = scalar_paths("variants:\n  - id: custom\n  - id: remote\n    name: Remote\n")
    assert paths["Remote"] == ("variants", ("id", "remote"), "name")
    assert paths["name"] == ("variants", ("id", "remote"), "name", KEY)
    assert paths["custom"] == ("variants", ("id", "custom"), "id")


def test_items_without_an_id_or_with_a_shared_one_are_named_by_place() -> None:
    """Without an id, or with one another item has too, the item's place names it."""
    text = "a:\n  - id: x\n    n: one\n  - id: x\n    n: two\n  - n: three\n  - plain\n"
    paths = scalar_paths(text)
    assert paths["one"] == ("a", 0, "n")
    assert paths["two"] == ("a", 1, "n")
    assert paths["three"] == ("a", 2, "n")
    assert paths["plain"] == ("a", 3)


def test_inserting_an_item_keeps_the_paths_of_the_others() -> None:
    """What a suppression's line holds is the same after an item is inserted before it."""
    before = scalar_paths("v:\n  - id: remote\n    name: on\n")
    after = scalar_paths("v:\n  - id: custom\n  - id: remote\n    name: on\n")
    assert before["on"] == after["on"] == ("v", ("id", "remote"), "name")
