"""Language stage: the document language from its longest blocks, or the hint when one is given."""

from __future__ import annotations

import pytest

from cleaner.langid import detect
from cleaner.lexicon import load_lexicon

SAMPLES = {
    "fr": "Le musée de la ville a rouvert samedi après trois ans de travaux. Les visiteurs ont fait la queue "
    "pendant des heures devant l'entrée principale, et la directrice s'est dite ravie de ce premier week-end.",
    "en": "The city museum reopened on Saturday after three years of work. Visitors queued for hours in front of "
    "the main entrance, and the director said that she was delighted with the first weekend.",
    "es": "El museo de la ciudad reabrió el sábado después de tres años de obras. Los visitantes hicieron cola "
    "durante horas ante la entrada principal, y la directora se mostró encantada con el primer fin de semana.",
    "de": "Das Stadtmuseum hat am Samstag nach drei Jahren Bauzeit wieder geöffnet. Die Besucher standen "
    "stundenlang vor dem Haupteingang Schlange, und die Direktorin zeigte sich mit dem ersten Wochenende sehr "
    "zufrieden.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_lexicon_languages(run, lang):
    """French, English, Spanish and German pages are recognised, with a confidence in (0, 1]."""
    doc = run("Museum news\n\n" + SAMPLES[lang] + "\n")
    assert doc.lang == lang
    assert 0.0 < doc.lang_confidence <= 1.0


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detect_function(lang):
    """``langid.detect`` gives the same answer on the bare text."""
    code, confidence = detect(SAMPLES[lang], load_lexicon())
    assert code == lang
    assert confidence > 0.5


def test_lang_hint_skips_detection(run):
    """A hint is trusted: the French page is labelled with the hinted code, at full confidence."""
    doc = run(SAMPLES["fr"], lang="de")
    assert doc.lang == "de"
    assert doc.lang_confidence == 1.0


def test_menu_in_another_language_does_not_sway(run):
    """English menu words around Spanish prose: the longest blocks decide, so the page is Spanish."""
    doc = run("Home\nNews\nSport\nWeather\nContact us\n\n" + SAMPLES["es"] + "\n")
    assert doc.lang == "es"


def test_no_letters_no_language(run):
    """A page without words has no language."""
    doc = run("12:30\n\n-----\n")
    assert doc.lang is None
    assert doc.lang_confidence == 0.0


def test_detection_is_deterministic(run):
    """The same text gives the same language and confidence every time."""
    text = "Museum news\n\n" + SAMPLES["es"] + "\n"
    results = {(run(text).lang, run(text).lang_confidence) for _ in range(3)}
    assert len(results) == 1
