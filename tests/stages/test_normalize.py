"""Normalize stage: Unicode repair, spaces, and ungluing what the dump ran together; brand names stay whole."""

from __future__ import annotations

import pytest

from cleaner.lexicon import load_lexicon
from cleaner.stages.normalize import looks_broken, normalize_text


@pytest.fixture(scope="module")
def norm():
    lexicon = load_lexicon()
    return lambda text: normalize_text(text, lexicon)


def test_nbsp_and_narrow_nbsp_become_spaces(norm):
    """No-break and narrow no-break spaces (French typography) become plain spaces."""
    assert norm("Prix\u00a0: 12\u00a0euros") == "Prix : 12 euros"
    assert norm("«\u202fbonjour\u202f»") == "« bonjour »"


def test_mojibake_is_repaired(norm):
    """UTF-8 read as Latin-1 ('Ã©') is fixed."""
    assert norm("Le cafÃ© de la gare a rouvert cet Ã©tÃ©.") == "Le café de la gare a rouvert cet été."
    assert norm("Ã‰cole primaire") == "École primaire"


def test_looks_broken_is_cheap_and_selective():
    """Clean accented text does not look broken; mojibake does."""
    assert not looks_broken("Le café a rouvert cet été, à Besançon, près de la Forêt-Noire.")
    assert not looks_broken("El niño comió piñones. Die Straße ist schön.")
    assert looks_broken("Le cafÃ© a rouvert")


def test_text_already_clean_is_unchanged(norm):
    """Correct French, Spanish and German text comes out as it went in."""
    text = "Le café a rouvert cet été.\n\nEl niño comió piñones.\n\nDie Straße ist schön."
    assert norm(text) == text


def test_glued_clock_time_is_unglued(norm):
    """'BIELORUSSIE08:25' becomes 'BIELORUSSIE 08:25'; a time after a space is untouched."""
    assert norm("BIELORUSSIE08:25") == "BIELORUSSIE 08:25"
    assert norm("DRONES ET MISSILES08h27") == "DRONES ET MISSILES 08h27"
    assert norm("Il est 08h25 déjà") == "Il est 08h25 déjà"


@pytest.mark.parametrize(
    "word",
    ["JavaScript", "iPhone", "YouTube", "PayPal", "McDonald", "LinkedIn", "eBay", "MySQL", "PostgreSQL", "macOS"],
)
def test_camel_case_brand_names_are_not_split(norm, word):
    """Brand names in camel case stay one word."""
    assert norm(f"Le site utilise {word} depuis longtemps.") == f"Le site utilise {word} depuis longtemps."


def test_glued_labels_are_split(norm):
    """An all-capitals word, a UI word or an accented left side marks a glue point."""
    assert norm("Logo lectureATTAQUE MASSIVE") == "Logo lecture ATTAQUE MASSIVE"
    assert norm("KievSource : TF1") == "Kiev Source : TF1"
    assert norm("adaptéDésactiver") == "adapté Désactiver"


def test_glued_guillemets_are_spaced(norm):
    """A word glued to « or » gets a space."""
    assert norm("dit-il«bonjour»puis") == "dit-il «bonjour» puis"


def test_invisible_characters_vanish(norm):
    """Zero-width spaces, word joiners, BOMs and soft hyphens are removed."""
    assert norm("zero\u200bwidth\u2060 soft\u00adhyphen\ufeff") == "zerowidth softhyphen"


def test_nfc_line_endings_and_space_runs(norm):
    """Decomposed accents are composed, CR/CRLF become LF, inner space runs and trailing spaces go."""
    assert norm("e\u0301te\u0301") == "été"
    assert norm("a\r\nb\rc") == "a\nb\nc"
    assert norm("deux   espaces\tici  \nfin") == "deux espaces ici\nfin"


def test_leading_indentation_is_kept(norm):
    """Indentation survives: segmentation needs it for list continuations."""
    assert norm("• item\n    suite") == "• item\n    suite"


def test_pipeline_fills_doc_text(run):
    """The stage writes the normalised text to ``doc.text`` and keeps ``doc.raw`` as it was."""
    raw = "Le cafÃ©\u00a0rouvre.\n"
    doc = run(raw)
    assert doc.raw == raw
    assert doc.text.startswith("Le café rouvre.")


def test_text_read_from_markup_is_not_unglued(pipeline):
    """trafilatura kept the page's elements apart: a camel-case word in its text is the author's."""
    from cleaner.document import Document

    doc = Document(raw="Das Werkzeug heißt pgLOADER und läuft überall.", metadata={"extractor": "trafilatura"})
    pipeline.stages[0](doc)
    assert doc.text == "Das Werkzeug heißt pgLOADER und läuft überall."
    doc = Document(raw="Das Werkzeug heißt pgLOADER und läuft überall.")
    pipeline.stages[0](doc)
    assert doc.text == "Das Werkzeug heißt pg LOADER und läuft überall."


def test_short_capitals_glued_before_more_capitals_are_split(norm):
    """'ParisEN DIRECT': a label in capitals glued to a place name; 'ChatGPT' stays whole."""
    assert norm("ParisEN DIRECT") == "Paris EN DIRECT"
    assert norm("Il utilise ChatGPT tous les jours.") == "Il utilise ChatGPT tous les jours."


def test_permalink_glyphs_go_from_headings_only():
    """'Installation¶' and 'Version 3.2.0#' lose their permalink; 'C#', a USSD code and a prompt keep '#'."""
    from cleaner.lexicon import load_lexicon
    from cleaner.stages.normalize import normalize_text

    text = "Installation¶\nVersion 3.2.0#\nLearn C#\nto check your balance, dial *556#\nroot@server:/etc#\n"
    out = normalize_text(text, load_lexicon(), glued=False)
    assert out.split("\n")[:5] == [
        "Installation",
        "Version 3.2.0",
        "Learn C#",
        "to check your balance, dial *556#",
        "root@server:/etc#",
    ]


def test_a_camel_case_name_said_again_and_again_is_not_unglued():
    """'LumaPrint' through a support thread is a product's name; 'KievSource' once at a line's end is glue."""
    from cleaner.lexicon import load_lexicon
    from cleaner.stages.normalize import normalize_text

    lx = load_lexicon()
    out = normalize_text("My LumaPrint Jet shows offline.\nThe LumaPrint driver 7.2 fixes it.\n", lx)
    assert out.count("LumaPrint") == 2
    assert "Kiev Source" in normalize_text("Crowds gathered in KievSource\n", lx)
