import importlib
import pkgutil
import re
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

import pscatalog.rules
from helpers import write_catalog
from pscatalog.checks.checker import validate
from pscatalog.checks.config import Config
from pscatalog.rules.registry import CODES, FIXABLE, RULES

HERE = Path(__file__).parent
KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FIX = re.compile(r"^\*\*Fix:\*\* \S", re.MULTILINE)
EXAMPLE = re.compile(
    r"^(?P<kind>Failing|Passing)\b[^\n]*:\n\n```yaml\n(?P<yaml>.*?)^```$", re.MULTILINE | re.DOTALL
)
FILE_COMMENT = re.compile(r"^# catalog/(\S+\.ya?ml)$", re.MULTILINE)


def _code_modules() -> list[ModuleType]:
    """Every public module of the rules package that declares a code."""
    modules = [
        importlib.import_module(f"pscatalog.rules.{info.name}")
        for info in pkgutil.iter_modules(pscatalog.rules.__path__)
        if not info.name.startswith("_") and info.name != "base"
    ]
    return [module for module in modules if hasattr(module, "CODE")]


def _short_name(module: object) -> str:
    return str(getattr(module, "__name__", "")).rsplit(".", 1)[-1]


def _examples(code: str, kind: str) -> list[str]:
    doc = CODES[code].__doc__ or ""
    return [match["yaml"] for match in EXAMPLE.finditer(doc) if match["kind"] == kind]


@pytest.mark.parametrize("code", sorted(CODES))
def test_docstring_has_a_fix_and_both_examples(code: str):
    """Every code's docstring has a '**Fix:**' paragraph and 'Failing:' and 'Passing:' YAML."""
    doc = CODES[code].__doc__ or ""
    assert FIX.search(doc), "no '**Fix:**' paragraph"
    assert _examples(code, "Failing"), "no 'Failing:' YAML example"
    assert _examples(code, "Passing"), "no 'Passing:' YAML example"


@pytest.mark.parametrize("code", sorted(CODES))
def test_name_is_kebab_case(code: str):
    """Every code's NAME is a kebab-case word list."""
    assert KEBAB.fullmatch(CODES[code].NAME)


@pytest.mark.parametrize("code", sorted(CODES))
def test_summary_is_one_lower_case_line(code: str):
    """Every SUMMARY is one stripped line, starting in lower case (or with an acronym)."""
    summary = CODES[code].SUMMARY
    assert summary == summary.strip()
    assert "\n" not in summary
    assert not summary.endswith(".")
    first_word = summary.lstrip("'\"`").split()[0]
    assert first_word[0].islower() or first_word.rstrip("s").isupper(), first_word


def test_codes_and_names_are_unique_and_all_registered():
    """No two rule modules share a code or a name, and every one is in CODES."""
    modules = _code_modules()
    codes = [module.CODE for module in modules]
    names = [module.NAME for module in modules]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert {code: CODES.get(code) for code in codes} == {m.CODE: m for m in modules}
    assert sorted(CODES) == sorted(codes)


def test_rules_are_keyed_by_their_own_code():
    """RULES maps each rule's CODE to its module, and lists all 24 catalog rules."""
    assert all(code == rule.CODE for code, rule in RULES.items())
    assert len(RULES) == 24


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_its_own_test_module(code: str):
    """Each rule in RULES has tests/rules/test_<module name>.py."""
    assert (HERE / f"test_{_short_name(RULES[code])}.py").is_file()


@pytest.mark.parametrize("code", sorted(FIXABLE))
def test_every_fix_is_tested_in_its_codes_test_module(code: str):
    """Each fixable code's test module checks the text its fix makes (``fixed(..., CODE)``)."""
    text = (HERE / f"test_{_short_name(FIXABLE[code])}.py").read_text(encoding="utf-8")
    assert "fixed(" in text
    assert f'"{code}")' in text


def _offering(fragment: str) -> str:
    """Wrap keys of an offering (maturity, evidence, variants) into a whole offering."""
    keys = set(re.findall(r"^([a-z_]+):", fragment, re.MULTILINE))
    head = "- id: example\n  name: Example\n"
    if "maturity" not in keys:
        head += "  maturity: minimal\n"
    body = textwrap.indent(fragment, "  ")
    if "variants" not in keys:
        body += "  variants:\n    - id: custom\n"
    return head + body


def _write_example(root: Path, example: str) -> None:
    """Write a docstring example as catalog files.

    A levels file stands alone; a category fragment joins the base catalog.
    Fragments are completed into a category file, and split into files where
    '# catalog/NAME' comments say so.
    """
    first = next(line for line in example.splitlines() if line.strip() and not line.startswith("#"))
    if first.startswith("levels:"):
        write_catalog(root, {"levels.yaml": example}, base=False)
        return
    if FILE_COMMENT.search(example):
        parts = FILE_COMMENT.split(example)[1:]
        texts = [text.lstrip("\n") for text in parts[1::2]]
        write_catalog(root, dict(zip(parts[::2], texts, strict=True)))
        return
    category = "id: example\nname: Example Services\nlevel: product\n"
    if first.startswith("offerings:"):
        text = category + example
    elif first.startswith("id:"):
        text = example
    elif first.startswith("- "):
        text = category + "offerings:\n" + textwrap.indent(example, "  ")
    else:
        text = category + "offerings:\n" + textwrap.indent(_offering(example), "  ")
    write_catalog(root, {"example.yaml": text})


def _codes_found(root: Path) -> set[str]:
    return {d.code for d in validate([root], config=Config()).diagnostics}


NOT_SELF_CONTAINED = {
    ("C203", "Passing"): "one category of one level: the catalog around it decides the verdict",
    ("C204", "Failing"): "a missing file has no YAML to show",
    ("C301", "Passing"): "the base files written around the example have no modelines",
}


def _params(kind: str) -> list[object]:
    return [
        pytest.param(
            code,
            marks=[pytest.mark.skip(reason=NOT_SELF_CONTAINED[code, kind])]
            if (code, kind) in NOT_SELF_CONTAINED
            else [],
        )
        for code in sorted(RULES)
    ]


@pytest.mark.parametrize("code", _params("Passing"))
def test_passing_example_does_not_trigger_its_rule(tmp_path: Path, code: str):
    """The 'Passing:' example of each rule, as a catalog file, is not reported by the rule."""
    [example] = _examples(code, "Passing")
    _write_example(tmp_path, example)
    found = _codes_found(tmp_path)
    assert code not in found
    assert not {found_code for found_code in found if found_code.startswith("Y")}, "not read"


@pytest.mark.parametrize("code", _params("Failing"))
def test_failing_example_triggers_its_rule(tmp_path: Path, code: str):
    """The 'Failing:' example of each rule, as a catalog file, is reported by the rule."""
    [example] = _examples(code, "Failing")
    _write_example(tmp_path, example)
    assert code in _codes_found(tmp_path)
