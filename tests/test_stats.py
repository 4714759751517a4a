"""cleaner stats: languages, page types, removals per reason, a text-length histogram; bad lines counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.stats import LENGTH_EDGES, NONE, bucket_label, bucket_of, collect

RECORDS = [
    {"source": "a", "text": "x" * 10, "lang": "fr", "page_type": "article", "removed": {"caption": 2, "timestamp": 1}},
    {"source": "b", "text": "y" * 700, "lang": "fr", "page_type": "liveblog", "removed": {"timestamp": 4}},
    {"source": "c", "text": "z" * 25000, "lang": "en", "page_type": "article", "removed": {}},
    {"source": "d", "text": "", "lang": None, "page_type": "listing", "removed": {"caption": "many", "menu": 0}},
]
BAD = ["{not json", "[1, 2, 3]", '"a string"']


def sample_lines() -> list[str]:
    lines = (
        [json.dumps(r) for r in RECORDS[:2]] + BAD[:1] + ["", "   "] + [json.dumps(r) for r in RECORDS[2:]] + BAD[1:]
    )
    return [line + "\n" for line in lines]


def test_bucket_edges() -> None:
    assert [bucket_of(n) for n in (0, 1, 499, 500, 999, 1000, 19999, 20000, 10**9)] == [0, 1, 1, 2, 2, 3, 6, 7, 7]
    assert [bucket_label(i) for i in range(len(LENGTH_EDGES))] == [
        "0", "1–499", "500–999", "1000–1999", "2000–4999", "5000–9999", "10000–19999", "20000+",
    ]  # fmt: skip


def test_collect_counts() -> None:
    s = collect(sample_lines())
    assert s.documents == 4
    assert s.bad_lines == 3  # blank lines are not bad
    assert s.langs == {"fr": 2, "en": 1, NONE: 1}
    assert s.page_types == {"article": 2, "liveblog": 1, "listing": 1}
    # Sums of `removed`; a non-numeric or zero count adds nothing.
    assert s.removed == {"caption": 2, "timestamp": 5}
    assert dict(s.histogram()) == {
        "0": 1, "1–499": 1, "500–999": 1, "1000–1999": 0, "2000–4999": 0, "5000–9999": 0, "10000–19999": 0,
        "20000+": 1,
    }  # fmt: skip
    assert s.characters == 25710


def test_collect_adds_up_across_calls() -> None:
    s = collect(sample_lines())
    collect(sample_lines(), s)
    assert s.documents == 8 and s.bad_lines == 6 and s.removed["timestamp"] == 10


@pytest.fixture
def output_file(tmp_path: Path) -> Path:
    path = tmp_path / "out.jsonl"
    path.write_text("".join(sample_lines()), encoding="utf-8")
    return path


def row(stdout: str, label: str) -> list[str]:
    """The cells of the table row whose first cell is ``label``."""
    for line in stdout.splitlines():
        cells = [c.strip() for c in line.strip("│ ").split("│")]
        if cells and cells[0] == label:
            return cells
    raise AssertionError(f"no row {label!r} in:\n{stdout}")


def test_stats_command(output_file: Path) -> None:
    result = CliRunner().invoke(main, ["stats", str(output_file)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for title in ("Languages", "Page types", "Removals per reason", "Text length"):
        assert title in out
    assert row(out, "fr")[:3] == ["fr", "2", "50.0%"]
    assert row(out, NONE)[:2] == [NONE, "1"]
    assert row(out, "liveblog")[:2] == ["liveblog", "1"]
    assert row(out, "timestamp")[:3] == ["timestamp", "5", "71.4%"]
    assert row(out, "20000+")[:2] == ["20000+", "1"]
    assert row(out, "1000–1999")[:2] == ["1000–1999", "0"]
    assert out.splitlines()[-1] == "4 documents, 7 removals, 25710 characters of text (mean 6428); 3 bad lines skipped"
    assert "\x1b[" not in out  # no colour codes into a pipe


def test_stats_several_files_and_stdin(output_file: Path) -> None:
    result = CliRunner().invoke(main, ["stats", str(output_file), "-"], input=json.dumps(RECORDS[0]) + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("5 documents, 10 removals")


def test_stats_missing_file_is_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert "cannot read" in result.stderr and "nope.jsonl" in result.stderr
    assert "Traceback" not in result.output


def test_stats_undecodable_bytes_are_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "ok", "lang": "fr"}\n\xff\xfe garbage\n')
    result = CliRunner().invoke(main, ["stats", str(path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].endswith("; 1 bad lines skipped")
