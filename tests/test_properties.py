"""Property tests of validation: generated catalogs, mutated, never crash it or misplace a finding.

Catalogs are generated from the schema's vocabulary (levels, categories,
offerings with variants, maturities and evidence), written as block YAML, and
then broken: keys deleted, values of other types, lines repeated (duplicate
keys), the text cut short, random bytes and characters inserted, indentation
changed. Whatever the input, ``validate`` returns, and every diagnostic names
a file of the catalog (or the levels file it expects), a line inside the file
(or just past its end), a column of at least 1, and a JSON pointer that exists
in the file's data (the nearest existing parent of what is missing).
"""

from __future__ import annotations

import copy
import math
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import LEVELS_YAML
from pscatalog.catalog.model import MATURITIES
from pscatalog.catalog.schemas import load_schema
from pscatalog.checks.checker import ValidationResult, validate
from pscatalog.diagnostics import Location
from pscatalog.yamltext.loader import Document, load_document

PROPERTY_SETTINGS = settings(
    # 100 keeps this module near 10 s; PSCATALOG_PROPERTY_EXAMPLES=5000 for a longer hunt.
    max_examples=int(os.environ.get("PSCATALOG_PROPERTY_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

Path_ = tuple[str | int, ...]
"""A path into a document: mapping keys and list indexes."""


# -- writing data as YAML, remembering where each value is


def emit_yaml(data: Any) -> tuple[str, dict[Path_, tuple[int, int]]]:
    """Write ``data`` as block YAML; return the text and the 1-based (line, column) of each value.

    Mappings and lists of mappings are written in block style, scalars and
    lists of scalars in flow style on their key's line; strings are
    double-quoted (JSON escapes are YAML escapes). A block mapping or list is
    located at its first key or item, as the loader locates it.
    """
    lines: list[str] = []
    positions: dict[Path_, tuple[int, int]] = {}

    def flow(value: Any, path: Path_, line: int, column: int) -> str:
        positions[path] = (line, column)
        if isinstance(value, list):
            text = "["
            for index, item in enumerate(value):
                text += ", " if index else ""
                text += flow(item, (*path, index), line, column + len(text))
            return text + "]"
        if isinstance(value, dict):
            text = "{"
            for index, (key, item) in enumerate(value.items()):
                text += (", " if index else "") + quote(str(key)) + ": "
                text += flow(item, (*path, key), line, column + len(text))
            return text + "}"
        return scalar(value)

    def nested(value: Any) -> bool:
        if isinstance(value, dict):
            return bool(value)
        return isinstance(value, list) and any(
            isinstance(item, dict | list) and item for item in value
        )

    def block(value: Any, path: Path_, indent: int, lead: str) -> None:
        """Write a nested value whose first line starts with ``lead``."""
        if isinstance(value, dict):
            for index, (key, item) in enumerate(value.items()):
                prefix = lead if index == 0 else " " * indent
                if index == 0 and not path:
                    positions[path] = (len(lines) + 1, len(prefix) + 1)
                entry(key, item, (*path, key), indent, prefix)
            return
        for index, item in enumerate(value):
            prefix = (lead if index == 0 else " " * indent) + "- "
            if nested(item):
                positions[(*path, index)] = (len(lines) + 1, len(prefix) + 1)
                block(item, (*path, index), indent + 2, prefix)
            else:
                line = len(lines) + 1
                lines.append(prefix + flow(item, (*path, index), line, len(prefix) + 1))

    def entry(key: str, item: Any, path: Path_, indent: int, prefix: str) -> None:
        head = f"{prefix}{quote(key) if _needs_quotes(key) else key}:"
        if nested(item):
            lines.append(head)
            child = indent + 2
            # A block mapping starts at its first key, a block list at its first '-'.
            positions[path] = (len(lines) + 1, child + 1)
            block(item, path, child, " " * child)
        else:
            line = len(lines) + 1
            lines.append(head + " " + flow(item, path, line, len(head) + 2))

    if nested(data) and isinstance(data, dict):
        block(data, (), 0, "")
    else:
        lines.append(flow(data, (), 1, 1))
    return "\n".join(lines) + "\n", positions


def scalar(value: Any) -> str:
    """Write a scalar as YAML 1.2 reads it back: strings double-quoted, floats by the core schema."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, int):
        # Python will not write an int of more than 4,300 digits in decimal; hex it is.
        return hex(value) if value >= HUGE else str(value)
    return quote(str(value))


def quote(text: str) -> str:
    """Double-quote a string, escaping what YAML does not allow raw or reads as a line break."""
    out = ['"']
    for character in text:
        code = ord(character)
        if character in '"\\':
            out.append("\\" + character)
        elif (
            0x20 <= code <= 0x7E
            or (0xA0 <= code <= 0xD7FF and code not in (0x2028, 0x2029))
            or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
            or code >= 0x10000
        ):
            out.append(character)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out) + '"'


def _needs_quotes(key: str) -> bool:
    return not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key) or key in ("true", "false", "null")


# -- catalogs from the schema's vocabulary

_CATEGORY = load_schema("category")["$defs"]
_VARIANT = _CATEGORY["variant"]["properties"]


def _enum(properties: dict[str, Any], key: str) -> list[Any]:
    return list(properties[key]["enum"])


SLUGS = ["jira", "ldap", "jenkins", "rapid-results", "dedicated-engineer", "gitlab-basics", "x1"]
VARIANT_IDS = ["standard", "custom", "remote", "on-site", "6-months", "12-months"]
LEVEL_IDS = ["product", "adoption", "transformation"]
CATEGORY_IDS = ["implementation", "integration", "migration", "education", "dedicated", "expert"]
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12
)
WORDS = st.sampled_from(["JIRA", "LDAP", "Jenkins migration", "Rapid results", "Café über", "no"])
URLS = st.sampled_from(["https://example.com/a", "http://example.com/b?c=d", "not a url"])
DATES = st.sampled_from(["2022-10-28", "2023-01-01", "28/10/2022"])
MONEY = st.one_of(
    st.integers(min_value=-5, max_value=200_000), st.floats(allow_nan=False, width=32)
)


def _price() -> st.SearchStrategy[dict[str, Any]]:
    price = _CATEGORY["price"]["properties"]
    return st.fixed_dictionaries(
        {
            "currency": st.sampled_from(["USD", "EUR", "usd"]),
            "unit": st.sampled_from(_enum(price, "unit")),
        },
        optional={"amount": MONEY, "min": MONEY, "max": MONEY, "note": WORDS},
    )


def _duration() -> st.SearchStrategy[dict[str, Any]]:
    duration = _CATEGORY["duration"]["properties"]
    return st.fixed_dictionaries(
        {"unit": st.sampled_from(_enum(duration, "unit"))},
        optional={"value": MONEY, "min": MONEY, "max": MONEY, "note": WORDS},
    )


VARIANTS = st.fixed_dictionaries(
    {"id": st.sampled_from(VARIANT_IDS)},
    optional={
        "name": WORDS,
        "sku": st.sampled_from(["GL-JIRA", "GL-LDAP", "GL-ENGR-3", "gl-bad"]),
        "standard_sow": URLS,
        "delivery": st.sampled_from(_enum(_VARIANT, "delivery")),
        "deployment": st.sampled_from(_enum(_VARIANT, "deployment")),
        "clearance": st.booleans(),
        "class_size": st.integers(min_value=-1, max_value=40),
        "duration": _duration(),
        "price": _price(),
    },
)
EVIDENCE = st.fixed_dictionaries(
    {},
    optional={
        "deliveries": st.integers(min_value=-1, max_value=50),
        "last_delivered": DATES,
        "marketing_material": st.lists(URLS, max_size=2),
        "execution_plan": URLS,
        "nps": st.fixed_dictionaries(
            {"score": st.integers(min_value=-120, max_value=120)},
            optional={"responses": st.integers(min_value=0, max_value=50), "measured_on": DATES},
        ),
        "adoption_impact": st.fixed_dictionaries(
            {"metric": WORDS, "result": WORDS}, optional={"source": URLS, "measured_on": DATES}
        ),
    },
)
OFFERINGS = st.fixed_dictionaries(
    {
        "id": st.sampled_from(SLUGS),
        "name": WORDS,
        "maturity": st.sampled_from([*MATURITIES, "Complete", "Viable", "done"]),
        "variants": st.lists(VARIANTS, min_size=1, max_size=3),
    },
    optional={
        "summary": TEXT,
        "url": URLS,
        "stages": st.lists(st.sampled_from(["Plan", "Create", "Verify"]), max_size=3),
        "evidence": EVIDENCE,
    },
)
CATEGORIES = st.fixed_dictionaries(
    {
        "id": st.sampled_from(CATEGORY_IDS),
        "name": WORDS,
        "level": st.sampled_from([*LEVEL_IDS, "nowhere"]),
        "offerings": st.lists(OFFERINGS, min_size=1, max_size=3),
    },
    optional={"order": st.integers(min_value=0, max_value=9), "owner": WORDS},
)


def _levels() -> st.SearchStrategy[dict[str, Any]]:
    base = [
        {"id": level, "name": level.title(), "rank": rank, "persona": "A buyer"}
        for rank, level in enumerate(LEVEL_IDS, start=1)
    ]
    return st.builds(
        lambda keep: {"levels": [level for level, kept in zip(base, keep, strict=True) if kept]},
        st.tuples(st.booleans(), st.booleans(), st.booleans()).filter(any),
    ) | st.just({"levels": base})


LEVELS = _levels()
HEADERS = st.sampled_from(
    [
        "",
        "# yaml-language-server: $schema=../schema/{kind}.schema.json\n",
        "# yaml-language-server: $schema=https://example.com/{kind}.schema.json\n",
        "# yaml-language-server: $schema=../elsewhere/levels.schema.json\n",
        "# A comment\n",
    ]
)
"""First lines: none, the modeline (right, remote, wrong) or a comment."""

CATALOGS = st.tuples(LEVELS, st.lists(CATEGORIES, min_size=1, max_size=3), HEADERS)
"""The levels file's data, the category files' data, and the first line of each file."""


# -- mutations


def _containers(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dict | list):
                yield from _containers(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if isinstance(value, dict | list):
                yield from _containers(value, (*path, index))


HUGE = 10**4400


class HugeInt(int):
    """An int past Python's 4,300-digit limit for decimal text, shown in reports by its size."""

    def __repr__(self) -> str:
        return f"<an int of {len(hex(self)) - 2} hex digits>"


OTHER_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.integers(min_value=0, max_value=99).map(lambda n: HugeInt(HUGE + n)),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["id", "a", "1"]), st.integers(), max_size=2),
)


def mutate_data(data: Any, draw: st.DataObject) -> None:
    """Delete a key or give a value another type, somewhere in ``data`` (in place)."""
    containers = [container for _, container in _containers(data) if container]
    if not containers:
        return
    container = draw.draw(st.sampled_from(containers))
    keys = list(container) if isinstance(container, dict) else list(range(len(container)))
    key = draw.draw(st.sampled_from(keys))
    if draw.draw(st.booleans()):
        del container[key]
    else:
        container[key] = draw.draw(OTHER_VALUES)


LINE_BREAKS_AND_BAD_BYTES = ["\t", "\r", "\r\n", "\x00", "\x85", "\u2028", "\ufeff", "\x07"]
INDICATORS = [":", "- ", "#", "&a ", "*a", "!!", "'", '"', "{", "["]
SPECIAL_CHARACTERS = st.sampled_from(LINE_BREAKS_AND_BAD_BYTES + INDICATORS)
"""Line breaks, bytes YAML refuses, and YAML's own indicators."""


def mutate_text(text: bytes, draw: st.DataObject) -> bytes:
    """Break the text: cut it, insert bytes or characters, repeat a line, change an indent."""
    kind = draw.draw(st.sampled_from(["cut", "bytes", "characters", "repeat", "indent"]))
    position = draw.draw(st.integers(min_value=0, max_value=len(text)))
    if kind == "cut":
        return text[:position]
    if kind == "bytes":
        return text[:position] + draw.draw(st.binary(min_size=1, max_size=4)) + text[position:]
    if kind == "characters":
        inserted = draw.draw(st.one_of(SPECIAL_CHARACTERS, TEXT))
        return text[:position] + inserted.encode("utf-8") + text[position:]
    lines = text.split(b"\n")
    index = draw.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    if kind == "repeat":
        lines.insert(index, lines[index])
    else:
        stripped = lines[index].lstrip(b" ")
        indent = len(lines[index]) - len(stripped)
        indents = [b"", b"\t", b" " * max(indent - 1, 0), b" " * (indent + 1), b" " * (indent + 2)]
        lines[index] = draw.draw(st.sampled_from(indents)) + stripped
    return b"\n".join(lines)


# -- checking where diagnostics point


@contextmanager
def written(
    levels: Any, categories: list[Any], header: str = ""
) -> Iterator[tuple[Path, dict[str, bytes]]]:
    """Write a catalog folder, each file after ``header``; yield it and each file's bytes."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "catalog"
        root.mkdir()
        files = {"levels.yaml": (header.format(kind="levels") + emit_yaml(levels)[0]).encode()}
        for index, category in enumerate(categories):
            text = header.format(kind="category") + emit_yaml(category)[0]
            files[f"category-{index}.yaml"] = text.encode()
        yield root, files


def write_files(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (root / name).write_bytes(data)


LINE_BREAK = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")
"""What ends a line for YAML readers (libyaml counts NEL, LS and PS too)."""


def line_count(data: bytes) -> int:
    """Lines in a file, however a reader counts them (the largest count)."""
    text = data.decode("utf-8", "replace")
    return max(len(LINE_BREAK.split(text)), len(text.splitlines()), data.count(b"\n") + 1)


def resolves(data: Any, pointer: str) -> bool:
    """Whether a JSON pointer names a value in ``data``."""
    node = data
    for raw in pointer.split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False
    return True


def assert_in_place(result: ValidationResult, root: Path, files: dict[str, bytes]) -> None:
    """Every diagnostic and related place is in a file of the catalog, at a real line and column."""
    documents: dict[str, Document] = {
        doc.name: doc for catalog in result.catalogs for doc in catalog.documents
    }
    expected_levels = root.resolve() / "levels.yaml"
    for diagnostic in result.diagnostics:
        for location in (diagnostic.location, *(r.location for r in diagnostic.related)):
            _assert_location(location, documents, files, expected_levels, str(diagnostic))


def _assert_location(
    location: Location,
    documents: dict[str, Document],
    files: dict[str, bytes],
    expected_levels: Path,
    shown: str,
) -> None:
    path = Path(location.file).resolve()
    doc = documents.get(location.file)
    if doc is None:
        assert path == expected_levels, f"{shown}: not a file of the catalog"
        return
    assert path.name in files, f"{shown}: not a file of the catalog"
    assert location.column >= 1, f"{shown}: column before 1"
    assert 1 <= location.line <= line_count(files[path.name]) + 1, f"{shown}: line outside the file"
    if doc.data is None:
        assert location.pointer == "", f"{shown}: a pointer into a file without data"
    else:
        assert resolves(doc.data, location.pointer), f"{shown}: pointer not in the data"


# -- the properties


@PROPERTY_SETTINGS
@given(CATALOGS)
def test_generated_catalog_validates_with_every_diagnostic_in_place(catalog: Any) -> None:
    """A generated catalog validates without raising, each finding at a real place."""
    levels, categories, header = catalog
    with written(levels, categories, header) as (root, files):
        write_files(root, files)
        result = validate([root])
        assert_in_place(result, root, files)
        assert not any(d.code in ("Y001", "Y002", "Y007") for d in result.diagnostics)


@PROPERTY_SETTINGS
@given(CATALOGS)
def test_values_are_located_where_they_were_written(catalog: Any) -> None:
    """The loader locates every generated value at the line and column it was written at."""
    _, categories, _ = catalog
    text, positions = emit_yaml(categories[0])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "category.yaml"
        path.write_text(text, encoding="utf-8")
        doc = load_document(path, "category.yaml")
    assert doc.ok
    for parts, where in positions.items():
        location = doc.locate(list(parts))
        assert (location.line, location.column) == where, parts


@PROPERTY_SETTINGS
@given(CATALOGS, st.data())
def test_catalog_with_broken_data_validates_with_every_diagnostic_in_place(
    catalog: Any, draw: st.DataObject
) -> None:
    """Keys deleted and values of other types never make validate raise or misplace a finding."""
    # Mutated in place: a copy, so that the strategies' shared values stay as they were.
    levels, categories, header = copy.deepcopy(catalog)
    for _ in range(draw.draw(st.integers(min_value=1, max_value=3))):
        mutate_data(draw.draw(st.sampled_from([levels, *categories])), draw)
    with written(levels, categories, header) as (root, files):
        write_files(root, files)
        assert_in_place(validate([root]), root, files)


@PROPERTY_SETTINGS
@given(CATALOGS, st.data())
def test_catalog_with_broken_text_validates_with_every_diagnostic_in_place(
    catalog: Any, draw: st.DataObject
) -> None:
    """Cut, corrupted, re-indented or repeated lines never make validate raise or misplace a finding."""
    levels, categories, header = catalog
    with written(levels, categories, header) as (root, files):
        for _ in range(draw.draw(st.integers(min_value=1, max_value=3))):
            name = draw.draw(st.sampled_from(sorted(files)))
            files[name] = mutate_text(files[name], draw)
        write_files(root, files)
        assert_in_place(validate([root]), root, files)


def test_levels_helper_text_round_trips_through_the_emitter() -> None:
    """The emitter writes the shared levels text's data as YAML that loads back the same."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "levels.yaml"
        source.write_text(LEVELS_YAML, encoding="utf-8")
        data = load_document(source, "levels.yaml").data
        again = Path(folder) / "again.yaml"
        again.write_text(emit_yaml(data)[0], encoding="utf-8")
        assert load_document(again, "again.yaml").data == data
