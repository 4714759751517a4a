"""Segmentation: lines become blocks with kinds, groups and sentences; one place every stage uses."""

from __future__ import annotations

import pytest

from cleaner.document import HEADING, LIST_ITEM, PARAGRAPH, SHORT
from cleaner.segment import classify_line, segment, split_sentences, word_count


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Menu", SHORT),
        ("Lee también", SHORT),
        ("• Premier point de la liste", LIST_ITEM),
        ("- zweiter Punkt", LIST_ITEM),
        ("1. third item", LIST_ITEM),
        ("City council approves new bicycle lanes", HEADING),
        ("El ayuntamiento aprueba nuevos carriles bici", HEADING),
        ("The council voted on Tuesday.", PARAGRAPH),
        ("Le conseil a voté mardi soir la construction de pistes cyclables.", PARAGRAPH),
        # One short question is a heading (FAQ entries, thread titles); a question after a sentence is not.
        ("Woran erkenne ich Luft im Heizkörper?", HEADING),
        ("¿Quién puede pedirlo?", HEADING),
        ("It broke again. Is this the fluid boiling or are the pads cooked?", PARAGRAPH),
    ],
)
def test_classify_line(line, kind):
    """Bullets make list items; short lines without end punctuation are short or headings; the rest paragraphs."""
    assert classify_line(line) == kind


def test_word_count_counts_cjk_characters():
    """Latin words count once each; each CJK character counts as a word."""
    assert word_count("Le conseil municipal a voté") == 5
    assert word_count("東京で地震") == 5
    assert word_count("Tokyo 東京") == 3


def test_abbreviations_do_not_end_sentences():
    """'M.', 'Dr.', 'Sr.' and single initials are not sentence ends."""
    fr = "M. Dupont est arrivé hier. Il a parlé longtemps."
    assert [fr[s:e] for s, e in split_sentences(fr, frozenset({"M"}))] == [
        "M. Dupont est arrivé hier.",
        "Il a parlé longtemps.",
    ]
    en = "J. R. Smith met Dr. Jones on Monday. They spoke about the lanes."
    assert [en[s:e] for s, e in split_sentences(en, frozenset({"Dr"}))] == [
        "J. R. Smith met Dr. Jones on Monday.",
        "They spoke about the lanes.",
    ]


def test_spanish_inverted_marks_open_sentences():
    """'¿' and '¡' can open a sentence."""
    es = "El Sr. López llegó tarde. ¿Vendrá mañana? ¡Claro que sí!"
    assert [es[s:e] for s, e in split_sentences(es, frozenset({"Sr"}))] == [
        "El Sr. López llegó tarde.",
        "¿Vendrá mañana?",
        "¡Claro que sí!",
    ]


def test_closing_quote_stays_with_its_sentence():
    """Closing quotes and brackets after the full stop belong to the sentence."""
    text = 'She said "we will start in May." Work begins soon.'
    assert [text[s:e] for s, e in split_sentences(text)] == ['She said "we will start in May."', "Work begins soon."]


def test_cjk_full_stops_end_sentences():
    """CJK full stops end a sentence with no space after them: sentences do not overlap."""
    text = "東京で地震がありました。被害はありません。"
    assert [text[s:e] for s, e in split_sentences(text)] == ["東京で地震がありました。", "被害はありません。"]


@pytest.mark.parametrize(
    "text",
    [
        "The council voted. Work starts in May! Will it finish? Nobody knows…",
        "Le conseil a voté. « Enfin ! » Les travaux commencent en mai.",
        "Der Rat hat abgestimmt. Die Arbeiten beginnen im Mai, z.B. im Norden.",
    ],
)
def test_sentences_are_ordered_disjoint_and_trimmed(text):
    """Sentence offsets are in order, never overlap, and cover no leading or trailing space."""
    spans = split_sentences(text, frozenset({"z.B"}))
    assert spans
    prev_end = 0
    for s, e in spans:
        assert prev_end <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        prev_end = e


def test_segment_blocks_groups_and_continuations():
    """One block per line; blank lines start new groups; indented lines under a bullet continue it."""
    text = (
        "Titre de la page\n\n"
        "Premier paragraphe du texte.\nDeuxième ligne du même groupe.\n\n\n"
        "• un élément de liste\n    Sa suite indentée\n"
    )
    blocks = segment(text)
    assert [b.text for b in blocks] == [
        "Titre de la page",
        "Premier paragraphe du texte.",
        "Deuxième ligne du même groupe.",
        "• un élément de liste",
        "Sa suite indentée",
    ]
    assert [b.index for b in blocks] == list(range(5))
    assert blocks[1].group == blocks[2].group != blocks[0].group
    assert blocks[3].group != blocks[2].group
    assert blocks[3].kind == LIST_ITEM
    assert blocks[4].notes.get("continuation") is True
    assert blocks[4].group == blocks[3].group
    assert all(b.keep for b in blocks)


def test_segment_fills_sentences():
    """Every block carries its sentence offsets."""
    (block,) = segment("Le conseil a voté. Les travaux commencent en mai.")
    assert block.sentence_texts() == ["Le conseil a voté.", "Les travaux commencent en mai."]


def test_empty_text_has_no_blocks():
    """Blank input gives no blocks."""
    assert segment("\n \n\n") == []
