"""Properties of ``clean_text`` for any text (issue 5), with hypothesis.

For any text, plain or built like a page dump (words, bullets, timestamps, UI words):
cleaning never raises, is deterministic, is idempotent on its own output, and
invents no words (every output word occurs in the normalised input).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Pipeline, clean_text, to_record
from cleaner.stages.normalize import normalize_text

WORD = re.compile(r"\w+")
COMMON = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

VOCABULARY = [
    "the", "council", "voted", "on", "tuesday", "to", "build", "new", "bicycle", "lanes", "across", "northern",
    "districts", "residents", "le", "conseil", "municipal", "a", "voté", "mardi", "soir", "pour", "construire",
    "des", "pistes", "cyclables", "dans", "les", "quartiers", "der", "Stadtrat", "hat", "am", "Dienstag",
    "beschlossen", "neue", "Radwege", "zu", "bauen", "el", "ayuntamiento", "aprobó", "nuevos", "carriles", "café",
    "crème", "été", "Besançon", "naïve", "coöperate", "Straße", "niño",
]  # fmt: skip
UI_WORDS = [
    "Menu",
    "Home",
    "Search",
    "Log in",
    "Subscribe",
    "Share",
    "Tweet",
    "Facebook",
    "Read more",
    "À lire aussi",
    "Lire la suite",
    "Newsletter",
    "Cookies",
    "Accept all",
    "Skip to main content",
    "Comments",
    "44 commentaires",
    "Leave a reply",
    "Publié le 4 juillet 2025 à 11h34",
    "July 4, 2025",
    "By Jane Doe",
    "(AFP / John Smith)",
    "Suivez notre direct",
    "Sign up for our newsletter",
    "Minute par minute",
    "Note: The provided content has been rewritten",
]  # fmt: skip

words = st.sampled_from(VOCABULARY)
sentence = st.lists(words, min_size=1, max_size=25).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=5).map(" ".join)
timestamp = st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"{t[0]:02d}:{t[1]:02d}")
line = st.one_of(
    paragraph,
    sentence,
    st.sampled_from(UI_WORDS),
    st.tuples(st.sampled_from(["• ", "- ", "* ", "1. "]), sentence).map("".join),
    timestamp,
    st.tuples(timestamp, sentence).map(" ".join),
    st.just(""),
    st.text(max_size=40),
)
page = st.lists(line, min_size=0, max_size=30).map("\n".join)
any_text = st.one_of(st.text(), page)


def clean(text: str, pipeline: Pipeline) -> str:
    return clean_text(text, source="prop.txt", pipeline=pipeline).kept_text()


@COMMON
@given(text=any_text)
def test_clean_never_raises_and_is_deterministic(pipeline, text):
    first = to_record(clean_text(text, source="prop.txt", pipeline=pipeline))
    second = to_record(clean_text(text, source="prop.txt", pipeline=pipeline))
    assert first == second
    assert isinstance(first["text"], str)


@COMMON
@given(text=any_text)
def test_output_invents_no_words(pipeline, text):
    """Every word of the output is a word of the normalised input."""
    out = clean(text, pipeline)
    source_words = set(WORD.findall(normalize_text(text, pipeline.context.lexicon)))
    invented = [w for w in WORD.findall(out) if w not in source_words]
    assert not invented, (invented, out)


@COMMON
@given(text=any_text)
def test_cleaning_is_idempotent_on_its_own_output(pipeline, text):
    """Cleaning a record again (its title line, then its text) changes nothing.

    The title is part of the output: the metadata stage moves the page title (the last heading
    before the first paragraph) from the text into ``title``. Re-cleaning the bare text would
    take its first line for a title in turn ("0:0:0:0\n0:0:0:1" -> "0:0:0:0" -> ""), so the
    property is stated on what a record holds, title and text.
    """
    first = clean_text(text, source="prop.txt", pipeline=pipeline)
    once = first.kept_text()
    again = clean_text(f"{first.title}\n\n{once}" if first.title else once, source="prop.txt", pipeline=pipeline)
    assert again.kept_text() == once
    assert again.title == first.title
