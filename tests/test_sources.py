"""A catalog read from texts in memory: what an editor's buffers or a fix's results would give."""

from __future__ import annotations

from pathlib import Path

from helpers import BASE_CATEGORIES, LEVELS_YAML, category_file, write_catalog
from pscatalog.catalog.model import DocumentCache
from pscatalog.checks.checker import validate
from pscatalog.files.sources import Files

BROKEN = category_file(
    """
    - id: jira
      name: JIRA
      maturity: Minimal
      variants:
        - id: custom
    """,
    category_id="extra",
)


def seen(result: object) -> list[tuple[str, str, int, int]]:
    diagnostics = result.diagnostics  # type: ignore[attr-defined]
    return [(d.code, d.location.file, d.location.line, d.location.column) for d in diagnostics]


def test_a_text_in_memory_is_validated_as_if_it_were_written(in_tmp: Path) -> None:
    """An unsaved buffer is checked under its file's name and place; the disk is not touched."""
    root = write_catalog(in_tmp / "catalog", {})
    buffer = root / "extra.yaml"
    result = validate([root], files=Files({buffer: BROKEN}))
    assert seen(result) == [("C004", "catalog/extra.yaml", 7, 15)]
    assert not buffer.exists()


def test_a_text_in_memory_replaces_the_file_on_disk(in_tmp: Path) -> None:
    """A buffer of an existing file is read instead of the file."""
    root = write_catalog(in_tmp / "catalog", {})
    path = root / "a-product.yaml"
    assert seen(validate([root])) == []
    assert seen(validate([path], files=Files({path: BROKEN}))) == [
        ("C004", "catalog/a-product.yaml", 7, 15)
    ]
    assert path.read_text(encoding="utf-8") == BASE_CATEGORIES["a-product.yaml"]


def test_a_catalog_held_wholly_in_memory(in_tmp: Path) -> None:
    """With disk=False nothing is read from disk: the texts are the catalog."""
    root = in_tmp / "nowhere" / "catalog"
    texts = {root / "levels.yaml": LEVELS_YAML, **{root / n: t for n, t in BASE_CATEGORIES.items()}}
    texts[root / "extra.yaml"] = BROKEN
    result = validate([root], files=Files(texts, disk=False))
    assert seen(result) == [("C004", "nowhere/catalog/extra.yaml", 7, 15)]
    assert not (in_tmp / "nowhere").exists()


def test_a_cache_parses_again_only_what_changed(in_tmp: Path) -> None:
    """Between two runs with one cache, unchanged files keep their documents; a changed one not."""
    root = write_catalog(in_tmp / "catalog", {})
    cache = DocumentCache()
    first = validate([root], cache=cache)
    path = root / "a-product.yaml"
    second = validate([root], cache=cache, files=Files({path: BROKEN}))
    before = {doc.name: doc for doc in first.catalogs[0].documents}
    after = {doc.name: doc for doc in second.catalogs[0].documents}
    assert [name for name in after if after[name] is not before[name]] == ["catalog/a-product.yaml"]
    assert seen(second) == [("C004", "catalog/a-product.yaml", 7, 15)]


def test_a_parsed_tree_is_freed_when_no_longer_used() -> None:
    """Parsing pauses the cyclic collector: nothing it builds may hold itself alive."""
    import gc
    import weakref

    from pscatalog.yamltext.tree import parse

    tree = parse("a: [1, {b: 2}]\nc: &x d\ne: *x\n# a comment\n")
    alive = weakref.ref(tree)
    del tree
    gc.collect()
    assert alive() is None
