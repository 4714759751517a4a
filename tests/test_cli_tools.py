"""The reporting commands on the command line: explain (terminal and --html), eval, stats; help and errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from tests.conftest import SEEDS
from tests.test_report import parse


def seed(prefix: str) -> Path:
    return sorted(SEEDS.glob(f"{prefix}_*.txt"))[0]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_explain_html_writes_one_report(runner: CliRunner, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    result = runner.invoke(main, ["explain", "--html", str(report), str(seed("000"))])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the report goes to the file, not the terminal
    assert f"wrote {report} (1 documents)" in result.stderr
    html = report.read_text(encoding="utf-8")
    elements = parse(html)
    assert [e.tag for e in elements].count("section") == 1
    assert any("removed" in e.classes and e.text.endswith("Lire aussi") for e in elements)
    assert not any(e.tag == "nav" for e in elements)  # one document: no table of contents


def test_explain_html_several_files_and_a_directory(runner: CliRunner, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    result = runner.invoke(main, ["explain", "--html", str(report), str(seed("000")), str(SEEDS)])
    assert result.exit_code == 0, result.output
    elements = parse(report.read_text(encoding="utf-8"))
    sections = [e for e in elements if e.tag == "section"]
    assert len(sections) == 6  # the file, then the five seeds of the directory
    toc = [e for e in elements if e.tag == "a"]
    assert [a.attrs["href"] for a in toc] == [f"#doc-{n}" for n in range(1, 7)]
    assert toc[1].text == str(seed("000"))


def test_explain_html_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(main, ["explain", "--html", "-", str(seed("002"))])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.rstrip().endswith("</html>")


def test_explain_html_missing_input_still_writes_the_others(runner: CliRunner, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    result = runner.invoke(main, ["explain", "--html", str(report), str(tmp_path / "gone.txt"), str(seed("001"))])
    assert result.exit_code == 1
    assert "gone.txt" in result.stderr
    assert str(seed("001")) in report.read_text(encoding="utf-8")


def test_explain_html_unwritable_is_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["explain", "--html", str(tmp_path / "no" / "dir" / "r.html"), str(seed("003"))])
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.output


def test_explain_terminal_output_kept(runner: CliRunner) -> None:
    """Without --html: KEEP/DROP lines as before, no colour codes when not on a terminal."""
    result = runner.invoke(main, ["explain", str(seed("000"))])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# ") and "page_type=liveblog" in lines[0]
    assert any(line.startswith("DROP") and "related:related-header" in line and "Lire aussi" in line for line in lines)
    assert any(line.startswith("KEEP") for line in lines)
    assert "\x1b[" not in result.stdout
    assert not any(line.startswith("== ") for line in lines)


def test_explain_terminal_several_files(runner: CliRunner) -> None:
    result = runner.invoke(main, ["explain", str(seed("000")), str(seed("001"))])
    assert result.exit_code == 0, result.output
    headers = [line for line in result.stdout.splitlines() if line.startswith("== ")]
    assert headers == [f"== {seed('000')}", f"== {seed('001')}"]


def test_explain_needs_a_file(runner: CliRunner) -> None:
    result = runner.invoke(main, ["explain"])
    assert result.exit_code == 2


@pytest.mark.parametrize("command", ["explain", "eval", "stats"])
def test_help_has_examples(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"cleaner {command} " in result.stdout.split("Examples:")[1]


def test_main_help_lists_the_commands(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    for command in ("explain", "eval", "stats"):
        assert f"  {command} " in result.stdout
