"""A string pscatalog writes is that string for every reader: YAML 1.2, PyYAML, Ruby.

Checked against the real readers (tests/readers.py), on the values users and
attackers found misread and on generated strings of every kind.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pscatalog.yamltext.emitter import yaml_text
from pscatalog.yamltext.loader import load_text
from pscatalog.yamltext.quoting import (
    UnwritableValue,
    double_quoted,
    plain_ok,
    scalar_text,
    string_text,
)
from pscatalog.yamltext.scalars import reads_alike, yaml11_reading
from readers import RUBY, read_pyyaml, read_ruamel, read_ruby

TRICKY = [
    "no",
    "No",
    "NO",
    "on",
    "off",
    "yes",
    "y",
    "Y",
    "n",
    "N",
    "yEs",
    "tRUE",
    "nULL",
    "~",
    "",
    "true",
    "null",
    "012",
    "0o17",
    "0x1F",
    "0b101",
    "1_000",
    "1,000",
    "1:30",
    "1:30.5",
    "2022-10-27",
    "2022-10-27 10:00:00",
    ".inf",
    "-.Inf",
    ".NaN",
    "1e400",
    "1e5",
    "1.5",
    "1" * 101,
    "=",
    "<<",
    "-",
    "- a",
    "? a",
    ": a",
    "a: b",
    "a #b",
    "#a",
    "a#b",
    "a:",
    "'a'",
    '"a"',
    "[a]",
    "{a: b}",
    "a, b",
    "&a",
    "*a",
    "!a",
    "|",
    ">",
    "%a",
    "@a",
    "`a",
    " a",
    "a ",
    "a\tb",
    "a\nb",
    "\x01",
    "\x7f",
    "\x85",
    "\u2028",
    "\ufeff",
    "\u202e",
    "\ufffe",
    "é",
    "日本",
    "🎉",
    "---",
    "...",
    "a --- b",
    "C++ <templates>",
    "3 months",
    "JIRA Cloud",
    ":sym",
]


def test_tricky_strings_are_strings_for_every_python_reader() -> None:
    """Each value above, as pscatalog writes it, reads back as itself in ruamel.yaml and PyYAML."""
    for value in TRICKY:
        text = f"key: {string_text(value)}\n"
        assert read_ruamel(text) == {"key": value}, (value, text)
        assert read_pyyaml(text) == {"key": value}, (value, text)
        assert load_text(text, "x").data == {"key": value}, (value, text)


@pytest.mark.skipif(RUBY is None, reason="ruby is not installed (CI installs it)")
def test_tricky_strings_are_strings_for_ruby() -> None:
    """Each value above, as pscatalog writes it, reads back as itself in Ruby's Psych."""
    texts = [f"key: {string_text(value)}\n" for value in TRICKY]
    assert read_ruby(texts) == [{"key": value} for value in TRICKY]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("no", '"no"'),
        ("y", '"y"'),
        ("1,000", '"1,000"'),
        ("<<", '"<<"'),
        ("a\u202eb", '"a\\u202Eb"'),
        ("tab\there", '"tab\\there"'),
        ("line\u2028break", '"line\\Lbreak"'),
        ("JIRA Cloud", "JIRA Cloud"),
        ("3 months", "3 months"),
        ("C++ <templates>", "C++ <templates>"),
    ],
)
def test_how_a_string_is_written(value: str, written: str) -> None:
    """Plain where every reader agrees; double-quoted with visible escapes otherwise."""
    assert string_text(value) == written


def test_a_lone_surrogate_has_no_yaml_form() -> None:
    """No YAML reader accepts a lone surrogate: writing one is refused, not garbled."""
    with pytest.raises(UnwritableValue, match="lone surrogate"):
        double_quoted("\ud800")


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (12, "12"),
        (-3, "-3"),
        (1.5, "1.5"),
        (1e20, "1.0e+20"),
        (1e-05, "1.0e-05"),
        (True, "true"),
        (None, "null"),
    ],
)
def test_numbers_are_written_in_forms_every_reader_reads_alike(value: Any, written: str) -> None:
    """Floats carry a dot and a signed exponent (YAML 1.1 needs both); each reads back."""
    assert scalar_text(value) == written
    assert read_pyyaml(f"k: {written}\n") == {"k": value}
    assert read_ruamel(f"k: {written}\n") == {"k": value}


@pytest.mark.parametrize("value", [float("inf"), float("nan"), 10**100])
def test_numbers_without_a_portable_form_are_refused(value: float) -> None:
    """Infinity, not-a-number and integers JSON cannot carry are not written."""
    with pytest.raises(UnwritableValue):
        scalar_text(value)


def test_yaml11_reading_names_what_each_reader_does() -> None:
    """Y003's descriptions say what the value becomes and for whom."""
    assert yaml11_reading("no") == "the boolean false by YAML 1.1 tools such as Ruby and Hugo"
    assert yaml11_reading("y") == "a boolean by go-yaml v2 (behind Hugo)"
    assert yaml11_reading("yEs") == "a boolean or null by Ruby"
    assert yaml11_reading("1,000") == "a number by Ruby"
    assert yaml11_reading("JIRA") is None
    assert not reads_alike("012")
    assert reads_alike("12")
    assert not reads_alike("1e5")


strings = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"])
    | st.sampled_from(list("-?:,[]{}#&*!|>'\"%@` \t\n")),
    max_size=20,
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(strings)
def test_any_string_reads_back_as_itself(value: str) -> None:
    """Generated strings, written by pscatalog in block and in flow, read back as themselves."""
    for text in (f"k: {string_text(value)}\n", f"k: [{string_text(value, flow=True)}]\n"):
        expected = {"k": value} if text.startswith("k: [") is False else {"k": [value]}
        assert read_ruamel(text) == expected, text
        assert read_pyyaml(text) == expected, text
        assert load_text(text, "x").data == expected, text
    if plain_ok(value):
        assert yaml11_reading(value) is None


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers(-(10**30), 10**30)
        | st.floats(allow_nan=False, allow_infinity=False)
        | strings,
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(strings.filter(bool), children, max_size=3)
        ),
        max_leaves=12,
    )
)
def test_emitted_data_reads_back_as_itself(data: Any) -> None:
    """Block YAML written from any plain data reads back as that data in every Python reader."""
    text = yaml_text(data)
    assert load_text(text, "x").data == data, text
    assert read_ruamel(text) == data, text
    assert read_pyyaml(text) == data, text
