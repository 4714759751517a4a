"""cleaner eval: the reference scorer's semantics, its summary line on the same files, and gold-text scoring."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.evaluate import (
    ExpectationError,
    Report,
    check_document,
    find_gold,
    fold,
    parse_expectations,
    parse_output,
    prf,
    score_expectations,
    score_gold,
    summary_line,
    words,
)
from tests.conftest import ROOT, SEEDS, cleaner_exe

SHARED = ROOT.parent / "shared"
SCORE_PY = SHARED / "tools" / "score.py"
# The seeds' expectations travel with the project (fixtures/); score.py, the reference scorer,
# is shared material beside the project and is not copied in.
EXPECTATIONS = ROOT / "fixtures" / "seeds" / "expectations.jsonl"
needs_score_py = pytest.mark.skipif(
    not SCORE_PY.exists(), reason=f"reference scorer {SCORE_PY} is not beside the project"
)


def jsonl(*records: object) -> list[str]:
    return [(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records]


def kinds(doc) -> dict[str, list[bool]]:
    out: dict[str, list[bool]] = {}
    for c in doc.checks:
        out.setdefault(c.kind, []).append(c.ok)
    return out


# --- semantics ---------------------------------------------------------------------------------------------------


def test_fold_and_words() -> None:
    assert fold("  a\u00a0\n\t b  ") == "a b"
    assert words("L'Été, 2025 — été!") == ["l", "été", "2025", "été"]


def test_output_grouped_by_base_name_and_joined() -> None:
    out = parse_output(
        jsonl(
            {"source": "dir/a.txt", "text": "first part", "lang": "fr", "title": "T"},
            {"source": "other/a.txt", "text": "second part", "lang": "en"},
            {"source": "b.txt", "text": ""},
            "not json",
            "[1, 2]",
            "",
        )
    )
    assert out.text("a.txt") == "first part second part"
    assert out.meta["a.txt"]["lang"] == "fr"  # the first record's metadata
    assert "b.txt" in out.meta and "b.txt" not in out.texts  # empty text: seen, but no text
    assert out.bad_lines == 2
    assert out.sources() == ["a.txt", "b.txt"]


def test_snippet_checks() -> None:
    out = parse_output(jsonl({"source": "p.txt", "text": "Alpha  beta.\nGamma delta. Gamma delta. Epsilon"}))
    exp = {
        "file": "p.txt",
        "with": ["Alpha beta. Gamma", "missing"],
        "without": ["Epsilon", "Zeta"],
        "once": ["Alpha", "Gamma delta"],
        "max1": ["Gamma delta", "nothing here"],
    }
    got = kinds(check_document(exp, out))
    assert got == {"with": [True, False], "without": [False, True], "once": [True, False], "max1": [False, True]}


def test_metadata_checks() -> None:
    out = parse_output(
        jsonl({"source": "p.txt", "text": "x", "lang": "fr", "title": "Le  titre", "date": "2025-07-04T11:34"})
    )
    good = {"file": "p.txt", "lang": "fr", "title": "Le titre", "date": "2025-07-04"}
    assert kinds(check_document(good, out)) == {"lang": [True], "title": [True], "date": [True]}
    bad = {"file": "p.txt", "lang": "en", "title": "Le titre complet", "date": "2025-07-05"}
    assert kinds(check_document(bad, out)) == {"lang": [False], "title": [False], "date": [False]}
    # No record at all: metadata is empty, snippets see an empty text.
    none = check_document({"file": "q.txt", "lang": "fr", "without": ["x"]}, out)
    assert kinds(none) == {"without": [True], "lang": [False]} and not none.has_text


def test_summary_line_format() -> None:
    out = parse_output(jsonl({"source": "p.txt", "text": "a b"}, "{bad"))
    report = score_expectations(
        parse_expectations(jsonl({"file": "p.txt", "with": ["a", "z"]}, {"file": "q.txt"})), out
    )
    assert summary_line(report) == ("checks 1/2 (0.500): with 1/2 | 1 unparsable output lines | no text for 1 inputs")
    assert [(c.file, c.kind, c.expected) for c in report.failures()] == [("p.txt", "with", "z")]


def test_bad_expectations_name_the_line() -> None:
    with pytest.raises(ExpectationError, match="line 2"):
        parse_expectations(['{"file": "a"}\n', "{oops\n"])
    with pytest.raises(ExpectationError, match="line 1"):
        parse_expectations(['{"with": ["x"]}\n'])


def test_prf_counts_words_with_multiplicity() -> None:
    p, r, f, n_out, n_gold = prf("the cat the dog", "the cat sat on the mat")
    # Common: the x2, cat -> 3 of 4 output words, 3 of 6 gold words.
    assert (n_out, n_gold) == (4, 6)
    assert p == pytest.approx(0.75) and r == pytest.approx(0.5) and f == pytest.approx(0.6)
    assert prf("", "gold")[:3] == (0.0, 0.0, 0.0)


def test_find_gold_prefers_gold_txt(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("plain", encoding="utf-8")
    (tmp_path / "b.txt").write_text("plain", encoding="utf-8")
    (tmp_path / "b.gold.txt").write_text("gold", encoding="utf-8")
    assert find_gold(tmp_path, "a.html") == tmp_path / "a.txt"
    assert find_gold(tmp_path, "b.txt") == tmp_path / "b.gold.txt"
    assert find_gold(tmp_path, "c.txt") is None


def test_score_gold_only() -> None:
    out = parse_output(jsonl({"source": "x/a.txt", "text": "one two three"}, {"source": "b.txt", "text": "four"}))
    report = score_gold(Report(), out.sources(), out, {"a.txt": ("a.txt", "one two three four")})
    (g,) = report.gold
    assert (g.precision, g.recall) == (1.0, 0.75) and report.no_gold == ["b.txt"]
    assert summary_line(report) == "bow P 1.000 R 0.750 F1 0.857 over 1"


# --- agreement with the reference scorer ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("eval") / "seeds.jsonl"
    subprocess.run([cleaner_exe(), "clean", "-q", str(SEEDS), "-o", str(path)], check=True, timeout=120)
    return path


@pytest.fixture(scope="module")
def damaged_output(seeds_output: Path) -> Path:
    """The seeds output with failures of every kind: a lost record, doubled snippets, a kept one, bad metadata."""
    exps = {e["file"]: e for e in map(json.loads, EXPECTATIONS.read_text(encoding="utf-8").splitlines())}
    lines = seeds_output.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    out = []
    for r in records:
        name = Path(r["source"]).name
        exp = exps[name]
        if name.startswith("003"):
            continue  # no text for this input
        if exp.get("once"):
            r["text"] += "\n" + exp["once"][0]  # twice now
        if exp.get("without"):
            r["text"] += "\n" + exp["without"][0]
        if "title" in exp:
            r["title"] = "something else"
            r["date"] = None
        if exp.get("max1"):
            # Split the page in two records: the second repeats a max1 snippet.
            out.append(json.dumps({"source": r["source"], "text": exp["max1"][0]}, ensure_ascii=False))
        out.append(json.dumps(r, ensure_ascii=False))
    out.append("{not json")
    path = seeds_output.with_name("damaged.jsonl")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def score_py(*args: str) -> str:
    assert SCORE_PY.is_file(), f"reference scorer missing: {SCORE_PY}"
    done = subprocess.run(
        [sys.executable, str(SCORE_PY), *args], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def cleaner_eval(*args: str) -> str:
    result = CliRunner().invoke(main, ["eval", *args])
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[-1]


def numbers(line: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", line)


@needs_score_py
@pytest.mark.parametrize("which", ["seeds_output", "damaged_output"])
def test_agrees_with_score_py(which: str, request: pytest.FixtureRequest) -> None:
    output = request.getfixturevalue(which)
    ours = cleaner_eval(str(EXPECTATIONS), str(output))
    theirs = score_py(str(EXPECTATIONS), str(output))
    assert numbers(ours) == numbers(theirs), (ours, theirs)
    assert ours == theirs
    assert ours.startswith("checks ")


def test_damaged_output_really_fails(damaged_output: Path) -> None:
    """The damaged file exercises failures of every kind, so the agreement above means something."""
    result = CliRunner().invoke(main, ["eval", str(EXPECTATIONS), str(damaged_output)])
    assert result.exit_code == 0
    fails = [line.split()[2].rstrip(":") for line in result.stdout.splitlines() if line.startswith("FAIL ")]
    assert {"with", "without", "once", "max1", "lang", "title", "date"} <= set(fails)
    assert "1 unparsable output lines" in result.stdout and "no text for 1 inputs" in result.stdout


@needs_score_py
def test_agrees_with_score_py_on_gold(seeds_output: Path, tmp_path: Path) -> None:
    """With --gold-dir (DIR/<stem>.gold.txt), the bag-of-words part agrees too."""
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        (tmp_path / (seed.stem + ".gold.txt")).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    ours = cleaner_eval(str(EXPECTATIONS), str(seeds_output), "--gold-dir", str(tmp_path))
    theirs = score_py(str(EXPECTATIONS), str(seeds_output), "--gold-dir", str(tmp_path))
    assert ours == theirs
    assert "over 3" in ours


# --- the command --------------------------------------------------------------------------------------------------


def test_gold_dir_command(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.txt").write_text("one two three four", encoding="utf-8")
    (gold / "b.gold.txt").write_text("five six", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text(
        "".join(
            jsonl(
                {"source": "in/a.html", "text": "one two three"},
                {"source": "b.txt", "text": "five six seven"},
                {"source": "c.txt", "text": "x"},
            )
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["eval", "--gold-dir", str(gold), str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    row_a = next(line for line in lines if "a.html" in line)
    assert "a.txt" in row_a and "1.000" in row_a and "0.750" in row_a and "0.857" in row_a
    row_b = next(line for line in lines if "b.txt" in line and "gold" in line)
    assert "b.gold.txt" in row_b and "0.667" in row_b
    assert "no gold text for: c.txt" in result.stdout
    # Means of P (1, 2/3), R (0.75, 1), F1 (0.857, 0.8).
    assert lines[-1] == "bow P 0.833 R 0.875 F1 0.829 over 2"


@pytest.mark.parametrize(
    "args, message",
    [
        (["{missing}", "{out}"], "cannot read"),
        (["{exp}", "{missing}"], "cannot read"),
        (["{out}"], "--gold-dir"),
        (["{exp}", "{out}", "{out}"], "at most two"),
        (["{bad}", "{out}"], "line 1"),
        (["{exp}", "{dir}"], "directory"),
        (["--gold-dir", "{missing}", "{out}"], "does not exist"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    """Missing or unreadable files and wrong arguments: exit 2 with a message, no traceback."""
    files = {
        "missing": tmp_path / "missing.jsonl",
        "out": tmp_path / "out.jsonl",
        "exp": tmp_path / "exp.jsonl",
        "bad": tmp_path / "bad.jsonl",
        "dir": tmp_path,
    }
    files["out"].write_text('{"source": "a.txt", "text": "x"}\n', encoding="utf-8")
    files["exp"].write_text('{"file": "a.txt", "with": ["x"]}\n', encoding="utf-8")
    files["bad"].write_text("{oops\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", *(a.format(**files) for a in args)])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
