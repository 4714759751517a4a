"""Held-out pages: every check of fixtures/heldout/expectations.jsonl that passes now keeps passing.

The pages in fixtures/heldout/ (English, Spanish and German dumps of invented sites:
news with comments, live blogs, content-farm rewrites, a category archive, WordPress
posts) were written to look like pages cleaner has never seen, and their expectations
were written before cleaner was run on them. Lexicon changes are checked against them
here. Each check is its own test; the few that need code, not data, are listed in
KNOWN_GAPS, skipped one by one, and held to still failing so the list stays honest.
"""

from __future__ import annotations

import json

import pytest

from cleaner import to_record
from cleaner.evaluate import Check, parse_expectations, parse_output, score_expectations
from cleaner.readers.text import read_text
from cleaner.writers.jsonl import dumps
from tests.conftest import ROOT

HELDOUT = ROOT / "fixtures" / "heldout"
PAGES = sorted(HELDOUT.glob("*.txt"))
EXPECTATIONS = [json.loads(line) for line in (HELDOUT / "expectations.jsonl").read_text("utf-8").splitlines() if line]

# (file, kind, snippet or expected value) of the checks that fail for want of code, not of a
# lexicon phrase. Each comment says what happens (per ``cleaner explain``) and the rule that would fix it.
# Empty: the nine gaps these pages first exposed (standfirst or live-blog entry taken for the
# title, " – " read as a site separator, bylines without "By", a long WordPress comment header, a
# comment-count link on an archive page, the tail of a rewriter note) are fixed and their checks
# run like the others.
KNOWN_GAPS: set[tuple[str, str, str]] = set()


def _check_id(check: Check) -> str:
    return f"{check.file}:{check.kind}:{check.expected[:40]}"


@pytest.fixture(scope="module")
def checks(pipeline) -> dict[tuple[str, str, str], Check]:
    """Every check of the held-out expectations against the default pipeline's output."""
    lines = [dumps(to_record(pipeline.run(read_text(p.read_bytes(), f"fixtures/heldout/{p.name}")))) for p in PAGES]
    report = score_expectations(parse_expectations(json.dumps(e) for e in EXPECTATIONS), parse_output(lines))
    return {(c.file, c.kind, c.expected): c for doc in report.docs for c in doc.checks}


def _all_keys() -> list[tuple[str, str, str]]:
    keys = []
    for exp in EXPECTATIONS:
        for kind in ("with", "without", "once", "max1"):
            keys += [(exp["file"], kind, str(s)) for s in exp.get(kind, [])]
        keys += [(exp["file"], kind, str(exp[kind])) for kind in ("lang", "title", "date") if kind in exp]
    return keys


KEYS = _all_keys()


def test_every_page_has_expectations():
    """Each held-out page is named in the expectations, and each expectation names a page."""
    names = {p.name for p in PAGES}
    expected = {e["file"] for e in EXPECTATIONS}
    assert names, f"no pages in {HELDOUT}"
    assert names == expected, f"pages without expectations: {names - expected}; missing pages: {expected - names}"


@pytest.mark.parametrize("key", KEYS, ids=[f"{f}:{k}:{s[:40]}" for f, k, s in KEYS])
def test_heldout_check(checks, key):
    """One snippet or metadata check of one held-out page."""
    if key in KNOWN_GAPS:
        pytest.skip("known gap: needs code, see KNOWN_GAPS")
    check = checks[key]
    assert check.ok, f"{_check_id(check)} fails: run `cleaner explain fixtures/heldout/{check.file}`"


def test_known_gaps_still_fail(checks):
    """Each known gap is a real check that still fails; one that passes must leave the list."""
    stale = [g for g in KNOWN_GAPS if g not in checks]
    assert not stale, f"KNOWN_GAPS entries that are no check of the expectations: {stale}"
    fixed = [g for g in KNOWN_GAPS if checks[g].ok]
    assert not fixed, f"these known gaps pass now, remove them from KNOWN_GAPS: {fixed}"


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_type(pipeline, page):
    """Live blogs (UK '17.26 GMT' and German '19:47 Uhr' stamps) and archive pages are told from articles."""
    expected = "liveblog" if "liveblog" in page.stem else "listing" if "listing" in page.stem else "article"
    assert pipeline.run(read_text(page.read_bytes(), page.name)).page_type == expected
