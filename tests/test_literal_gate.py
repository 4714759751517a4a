"""The literal gate only skips regexes that cannot match: search() equals trying every pattern."""

from __future__ import annotations

import re

from cleaner.lexicon import load_lexicon
from cleaner.literal_gate import LiteralGate
from tests.conftest import ROOT


def _brute_force(anchored: list[re.Pattern[str]], floating: list[re.Pattern[str]], text: str):
    for rx in anchored:
        m = rx.match(text)
        if m is not None:
            return m.span()
    best = None
    for rx in floating:
        m = rx.search(text)
        if m is not None and (best is None or m.start() < best[0]):
            best = m.span()
    return best


def test_search_equals_trying_every_pattern():
    lexicon = load_lexicon()
    lines = [
        line
        for folder in ("seeds", "fixtures/heldout5", "fixtures/heldout6")
        for path in sorted((ROOT / folder).glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    lines += ["© 2025 Verbraucherkompass GmbH", "Pressefoto (JPG, 2 MB)", "İstanbul ©", "12.30 GMT", "Sí / No"]
    hits = 0
    for concern, phrases in lexicon.phrases.items():
        anchored = [rx for rx, _ in phrases._anchored]
        floating = [rx for rx, _ in phrases._floating]
        for line in lines:
            got = phrases.search(line)
            assert (got.span() if got else None) == _brute_force(anchored, floating, line), (concern, line)
            hits += got is not None
    assert hits > 50  # the lines do exercise the patterns


def test_short_literals_are_tested_without_the_automaton():
    """A pattern whose only literal is short (" of ") is tried whenever that literal is in the line."""
    rx = re.compile(r"\d+ of \d+$", re.IGNORECASE)
    gate = LiteralGate([(rx, (("of",),)), (re.compile("newsletter", re.IGNORECASE), (("newsletter",),))])
    assert gate.candidates("page 2 of 7") == [0]
    assert gate.candidates("our newsletter") == [1]
    assert gate.candidates("nothing here") == []
    assert gate.candidates(None) == [0, 1]  # a line case folding cannot be trusted with: try all
    assert gate.any_candidate("our newsletter") and gate.any_candidate("page 2 of 7")


def test_the_pipeline_pickles_and_searches_the_same_after():
    """A pipeline sent to spawned workers or Dask is pickled: the automaton is rebuilt on the way."""
    import pickle

    from cleaner import default_pipeline

    pipeline = pickle.loads(pickle.dumps(default_pipeline()))
    nav = pipeline.context.lexicon["navigation"]
    assert nav.search("Pressefoto herunterladen (JPG, 2 MB)") is not None
    assert nav.search("The council met on Tuesday.") is None
