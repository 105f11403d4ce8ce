"""Adopting pscatalog on GitLab's real 2022-11 services file, end to end (docs/adopting.md)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import REAL_DATA
from pscatalog.cli.main import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_import_baseline_new_defect_and_fix(in_tmp: Path) -> None:
    """Import, baseline, pass; a new defect fails; --fix removes it and keeps the comments."""
    code, _, _ = run("import", str(REAL_DATA / "services-2022-11.yml"), "--output", "catalog")
    assert code == 1  # the source has errors; the catalog is still written
    code, out, _ = run("validate", "--output-format", "concise")
    assert code == 1
    day_one = out.splitlines()
    assert len(day_one) > 50

    code, out, _ = run("baseline")
    assert (code, out) == (0, f"Recorded {len(day_one)} findings in pscatalog-baseline.json.\n")
    assert run("validate", "--baseline", "pscatalog-baseline.json")[:2] == (
        0,
        f"No new problems in 7 files ({len(day_one)} baselined).\n",
    )

    # A new defect, with comments around it: a capitalised maturity.
    path = in_tmp / "catalog" / "integration.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("maturity: viable") >= 1
    edited = text.replace(
        "maturity: viable", "# checked with the practice lead\n    maturity: Viable  # as sold", 1
    )
    path.write_text(edited, encoding="utf-8")
    code, out, _ = run(
        "validate", "--baseline", "pscatalog-baseline.json", "--output-format", "concise"
    )
    assert code == 1
    [new] = out.splitlines()
    assert " error C004 maturity 'Viable' must be written in lowercase" in new

    code, out, err = run(
        "validate", "--fix", "--baseline", "pscatalog-baseline.json", "--output-format", "concise"
    )
    assert (code, out) == (0, "")
    assert err.startswith("Fixed 1 finding (C004 x1)")
    fixed = path.read_text(encoding="utf-8")
    assert "    # checked with the practice lead\n    maturity: viable  # as sold\n" in fixed
    assert (
        fixed.replace("maturity: viable  # as sold", "maturity: viable").replace(
            "    # checked with the practice lead\n", ""
        )
        == text
    )
