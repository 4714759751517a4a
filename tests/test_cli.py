"""The ``cleaner`` command: JSONL on stdout and nothing else, warnings on stderr, documented exit codes."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from tests.conftest import ROOT, SEEDS, cleaner_exe, records

ARTICLE_EN = """Skip to main content

City council approves new bicycle lanes

The city council voted on Tuesday evening to build twelve kilometres of protected bicycle lanes across \
the northern districts, a plan that residents had requested for years.

Officials said the work would begin in the spring and that the budget had already been set aside in the \
annual plan approved last winter by a large majority.
"""

NEAR_DUP = """Museum news

The city museum reopened on Saturday after three years of renovation work that cost more than forty \
million euros.

The new wing houses the collection of old maps donated by a local family.

The city museum reopened on Sunday after three years of renovation work that cost more than forty million \
euros.
"""


def first_seed() -> Path:
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds, "no seeds/*.txt"
    return seeds[0]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE_EN, encoding="utf-8")
    return path


# --- clean, in process -------------------------------------------------------------------------------------------


def test_clean_one_file(runner, article):
    """One file gives one record with its source, clean text and metadata."""
    result = runner.invoke(main, ["clean", str(article)])
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    assert record["source"] == str(article)
    assert record["title"] == "City council approves new bicycle lanes"
    assert record["text"].startswith("The city council voted")
    assert "Skip to main content" not in record["text"]
    assert record["lang"] == "en"


def test_clean_directory_recursive_in_sorted_order(runner, tmp_path):
    """A directory is read recursively, in sorted path order."""
    folder = tmp_path / "dumps"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.txt", "sub/c.txt"):
        (folder / name).write_text(f"Page {name}. The council met on Tuesday evening.\n", encoding="utf-8")
    result = runner.invoke(main, ["clean", str(folder)])
    assert result.exit_code == 0, result.output
    sources = [r["source"] for r in records(result.stdout)]
    assert sources == [str(folder / "a.txt"), str(folder / "b.txt"), str(folder / "sub" / "c.txt")]


def test_clean_stdin_dash(runner):
    """'-' reads stdin; the record's source is '-'."""
    result = runner.invoke(main, ["clean", "-"], input=ARTICLE_EN.encode())
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    assert record["source"] == "-"
    assert record["text"].startswith("The city council voted")


def test_output_file(runner, article, tmp_path):
    """-o writes the records to a file and nothing to stdout."""
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["clean", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    (record,) = records(out.read_text(encoding="utf-8"))
    assert record["source"] == str(article)


def test_lang_hint(runner, article):
    """--lang sets the language without detection."""
    result = runner.invoke(main, ["clean", "--lang", "es", str(article)])
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    assert record["lang"] == "es"
    assert record["lang_confidence"] == 1.0


def test_min_chars_drops_short_documents(runner, article, tmp_path):
    """--min-chars skips documents whose clean text is shorter, and says so in the summary."""
    short = tmp_path / "short.txt"
    short.write_text("Too short.\n", encoding="utf-8")
    result = runner.invoke(main, ["clean", "--min-chars", "100", str(short), str(article)])
    assert result.exit_code == 0, result.output
    assert [r["source"] for r in records(result.stdout)] == [str(article)]
    assert "1 too short" in result.stderr


def test_keep_removed_lists_stage_and_reason(runner, article):
    """--keep-removed adds removed_blocks with the text, stage and reason of each removal."""
    result = runner.invoke(main, ["clean", "--keep-removed", str(article)])
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    removed = record["removed_blocks"]
    assert removed and all(item["stage"] and item["reason"] for item in removed)
    assert {"text": "Skip to main content", "stage": "navigation"}.items() <= removed[0].items()
    plain = records(runner.invoke(main, ["clean", str(article)]).stdout)[0]
    assert "removed_blocks" not in plain


def test_config_file_changes_a_threshold(runner, tmp_path):
    """--config with a stricter dedup threshold keeps a near-duplicate the default removes."""
    page = tmp_path / "museum.txt"
    page.write_text(NEAR_DUP, encoding="utf-8")
    default = records(runner.invoke(main, ["clean", str(page)]).stdout)[0]
    assert "reopened on Sunday" not in default["text"]
    cfg = tmp_path / "strict.toml"
    cfg.write_text("[dedup]\nsentence_threshold = 0.99\n", encoding="utf-8")
    result = runner.invoke(main, ["clean", "--config", str(cfg), str(page)])
    assert result.exit_code == 0, result.output
    assert "reopened on Sunday" in records(result.stdout)[0]["text"]


@pytest.mark.parametrize(
    "content",
    [
        "[dedup]\nsentence_threshold = 'high'\n",
        "[dedup\n",
        "[nonsense]\nx = 1\n",
        "[lexicons]\nextra = ['nope.toml']\n",
    ],
)
def test_bad_config_is_a_usage_error(runner, article, tmp_path, content):
    """A bad config file exits with code 2 and a message, no traceback, and writes no record."""
    cfg = tmp_path / "bad.toml"
    cfg.write_text(content, encoding="utf-8")
    result = runner.invoke(main, ["clean", "--config", str(cfg), str(article)])
    assert result.exit_code == 2
    assert "Error" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_missing_input_exit_1_others_written(runner, article, tmp_path):
    """A missing file is reported on stderr and counted; the other inputs are still written; exit code 1."""
    missing = tmp_path / "missing.txt"
    result = runner.invoke(main, ["clean", str(missing), str(article)])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert [r["source"] for r in records(result.stdout)] == [str(article)]


def test_quiet_has_no_summary(runner, article):
    """-q silences the summary on stderr."""
    result = runner.invoke(main, ["clean", "-q", str(article)])
    assert result.exit_code == 0
    assert result.stderr == ""


# --- explain, help, version --------------------------------------------------------------------------------------


def test_explain_shows_every_block(runner, article):
    """explain prints the metadata, then each block with KEEP or DROP and stage:reason."""
    result = runner.invoke(main, ["explain", str(article)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("#") and "title=City council approves new bicycle lanes" in lines[0]
    assert any(line.startswith("DROP") and "navigation:" in line and "Skip to main content" in line for line in lines)
    assert any(line.startswith("KEEP") and "The city council voted" in line for line in lines)


def test_explain_missing_file(runner, tmp_path):
    """explain on a missing file exits 1 with a message."""
    result = runner.invoke(main, ["explain", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["clean", "--help"], ["explain", "--help"], ["-h"]])
def test_help_shows_examples(runner, args):
    """Every help page carries examples."""
    result = runner.invoke(main, args)
    assert result.exit_code == 0
    assert "Examples" in result.stdout


def test_version(runner):
    """--version prints the package version."""
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert cleaner.__version__ in result.stdout


# --- the installed console script, through real pipes ------------------------------------------------------------


def run_shell(command: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", "-c", command],
        cwd=ROOT,
        capture_output=True,
        timeout=60,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        **kwargs,
    )


def test_pipe_stdin_gives_exactly_one_json_line():
    """`cat seeds/x.txt | cleaner clean -`: one JSON line on stdout, nothing else."""
    seed = first_seed().relative_to(ROOT)
    proc = run_shell(f"cat {seed} | {cleaner_exe()} clean -")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert out.count("\n") == 1 and out.endswith("\n")
    record = json.loads(out)
    assert record["source"] == "-"
    assert record["text"]


@pytest.mark.parametrize("repeat", [1, 20])
def test_pipe_into_head_exits_quietly(repeat):
    """`cleaner clean seeds/ | head -n 1`: one line, exit code 0, no traceback, even when the pipe breaks."""
    producer = subprocess.Popen(
        [cleaner_exe(), "clean", *["seeds/"] * repeat], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    head = subprocess.Popen(["head", "-n", "1"], stdin=producer.stdout, stdout=subprocess.PIPE)
    producer.stdout.close()  # head owns the read end now: when it exits the pipe breaks
    head_out, _ = head.communicate(timeout=60)
    err = producer.stderr.read().decode("utf-8", "replace")
    producer.stderr.close()
    assert producer.wait(timeout=60) == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert len(head_out.splitlines()) == 1
    json.loads(head_out)


def test_undecodable_bytes_warn_and_still_write(tmp_path):
    """Invalid UTF-8 bytes give a warning on stderr naming the file, and the record is still written."""
    page = tmp_path / "broken.txt"
    page.write_bytes("Le conseil municipal a voté mardi soir ".encode() * 10 + b"\xff\xfe" + b"la suite.")
    proc = subprocess.run([cleaner_exe(), "clean", str(page)], capture_output=True, timeout=60)
    assert proc.returncode == 0
    err = proc.stderr.decode("utf-8", "replace")
    assert "broken.txt" in err and "UTF-8" in err
    (record,) = records(proc.stdout.decode("utf-8"))
    assert "Le conseil municipal a voté" in record["text"]


def test_empty_input_gives_empty_record_and_warning():
    """Empty stdin: a record with empty text, and a warning on stderr."""
    proc = run_shell(f"printf '' | {cleaner_exe()} clean -")
    assert proc.returncode == 0
    (record,) = records(proc.stdout.decode("utf-8"))
    assert record["text"] == ""
    assert "empty input" in proc.stderr.decode("utf-8")
