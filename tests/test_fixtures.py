"""Reviewed expectations: every seed page cleans to the record stored in fixtures/seeds/<stem>.jsonl.

The pipeline runs on the seed exactly as ``cleaner clean seeds/`` does (bytes through the
text reader, source ``seeds/<name>``). The fixtures are generated and reviewed by hand;
this test never writes them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import to_record
from cleaner.readers.text import read_text
from tests.conftest import FIXTURES, SEEDS

COMPARED = ("text", "title", "date", "lang", "page_type")
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def test_there_are_seeds():
    """The seed folder is not empty (otherwise the comparison below would check nothing)."""
    assert SEED_FILES, f"no seeds in {SEEDS}"


def load_fixture(seed: Path) -> dict:
    path = FIXTURES / f"{seed.stem}.jsonl"
    if not path.exists():
        pytest.fail(
            f"missing fixture {path.relative_to(FIXTURES.parent.parent)} for seeds/{seed.name}: generate it with "
            f"`cleaner clean seeds/{seed.name} > fixtures/seeds/{seed.stem}.jsonl`, review it, and commit it",
            pytrace=False,
        )
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == 1, f"{path} must hold exactly one JSON record, found {len(lines)}"
    return json.loads(lines[0])


@pytest.mark.parametrize("seed", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_seed_matches_reviewed_fixture(pipeline, seed):
    """text, title, date, lang and page_type equal the reviewed record."""
    expected = load_fixture(seed)
    doc = pipeline.run(read_text(seed.read_bytes(), f"seeds/{seed.name}"))
    record = to_record(doc)
    assert record["source"] == f"seeds/{seed.name}"
    for field in COMPARED:
        assert field in expected, f"fixture for {seed.name} has no {field!r}"
    for field in ("title", "date", "lang", "page_type"):
        assert record[field] == expected[field], f"{seed.name}: {field} differs"
    assert record["text"] == expected["text"], f"{seed.name}: text differs"


def test_seeds_pass_every_expectation(pipeline):
    """Every snippet check of the seeds' expectations holds (the bar score.py measures: 85/85)."""
    from cleaner.evaluate import parse_expectations, parse_output, score_expectations, summary_line
    from cleaner.writers.jsonl import dumps

    lines = [dumps(to_record(pipeline.run(read_text(p.read_bytes(), f"seeds/{p.name}")))) for p in SEED_FILES]
    expectations = parse_expectations((FIXTURES / "expectations.jsonl").read_text(encoding="utf-8").splitlines())
    report = score_expectations(expectations, parse_output(lines))
    line = summary_line(report)
    assert line.startswith("checks 85/85 (1.000)"), line
