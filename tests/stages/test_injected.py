"""Injected stage: rewriter/LLM notes and whole sentences in another language go as spans; names and titles stay."""

from __future__ import annotations

from tests.conftest import assert_dropped, assert_kept, assert_span_dropped

FR_TITLE = "Le festival de jazz attire un public record\n\n"
FR_OPEN = (
    "Le festival de jazz de la vallée a accueilli plus de quarante mille spectateurs cette année, un record "
    "depuis sa création il y a vingt ans."
)
FR_CLOSE = (
    "Les organisateurs se félicitent de la météo clémente qui a permis de maintenir tous les concerts en plein air."
)
FR_NEXT = (
    "La prochaine édition aura lieu au début du mois de juillet, avec une programmation qui sera dévoilée au "
    "printemps par la direction artistique."
)


def test_english_rewriter_note_inside_french_paragraph(run):
    """'Note: The provided content has been rewritten…' goes as a span; the French sentences stay."""
    note = "Note: The provided content has been rewritten to improve clarity and flow."
    doc = run(FR_TITLE + f"{FR_OPEN} {note} {FR_CLOSE}\n\n{FR_NEXT}\n")
    assert doc.lang == "fr"
    assert_span_dropped(doc, note, "injected", "rewriter-note")
    assert_kept(doc, FR_OPEN, FR_CLOSE, FR_NEXT)


def test_french_sentence_with_short_english_title_stays(run):
    """A French sentence quoting a short English album title is French: it stays whole."""
    sentence = (
        "Le groupe vedette a présenté son nouvel album « The Long Way Home » devant un public conquis, qui a "
        "repris en chœur les refrains les plus connus."
    )
    doc = run(FR_TITLE + f"{FR_OPEN} {FR_CLOSE}\n\n{sentence}\n\n{FR_NEXT}\n")
    assert_kept(doc, sentence)
    assert not any(sp.stage == "injected" for b in doc.blocks for sp in b.spans)


def test_as_an_ai_language_model_note(run):
    """'As an AI language model, …' goes from an English paragraph; the reporting stays."""
    note = "As an AI language model, I cannot verify the attendance figures given by the organisers."
    opening = (
        "The valley jazz festival welcomed more than forty thousand visitors this year, a record since it was "
        "founded twenty years ago."
    )
    closing = "The organisers praised the mild weather, which allowed every concert to be held outdoors."
    doc = run(f"Jazz festival draws record crowd\n\n{opening} {note} {closing}\n")
    assert_span_dropped(doc, note, "injected", "rewriter-note")
    assert_kept(doc, opening, closing)


def test_whole_english_sentence_in_french_paragraph(run):
    """A full English sentence inside a French paragraph goes as foreign language."""
    foreign = "The government has said that it will not change the rules before the end of the year."
    doc = run(FR_TITLE + f"{FR_OPEN} {foreign} {FR_CLOSE}\n\n{FR_NEXT}\n")
    assert_span_dropped(doc, foreign, "injected", "foreign-language")
    assert_kept(doc, FR_OPEN, FR_CLOSE, FR_NEXT)


def test_english_sentence_in_spanish_paragraph_and_rewriter_paragraph(run):
    """In a Spanish page an English sentence goes as a span; a paragraph that is only a note goes whole."""
    opening = (
        "El festival de jazz del valle recibió este año a más de cuarenta mil espectadores, un récord desde su "
        "creación hace veinte años."
    )
    foreign = "The organisers have said that they are very happy with the number of people who came."
    closing = "Los organizadores destacaron el buen tiempo, que permitió celebrar todos los conciertos al aire libre."
    doc = run(
        "El festival de jazz bate su récord de público\n\n"
        f"{opening} {foreign} {closing}\n\n"
        "La próxima edición se celebrará a principios de julio y el cartel se anunciará en primavera.\n\n"
        "Here is the rewritten article with improved readability.\n"
    )
    assert doc.lang == "es"
    assert_span_dropped(doc, foreign, "injected", "foreign-language")
    assert_dropped(doc, "Here is the rewritten article", "injected", "rewriter-note")
    assert_kept(doc, opening, closing, "La próxima edición se celebrará")


def test_english_sentence_in_german_paragraph(run):
    """In a German page a whole English sentence goes; the German sentences stay."""
    opening = "Das Jazzfestival im Tal hat in diesem Jahr mehr als vierzigtausend Besucher gezählt."
    foreign = "The organisers said that this was the best year that they have ever had."
    closing = "Die Veranstalter freuen sich über das milde Wetter, bei dem alle Konzerte im Freien stattfinden konnten."
    doc = run(
        "Jazzfestival mit Besucherrekord\n\n"
        f"{opening} {foreign} {closing}\n\n"
        "Die nächste Ausgabe findet Anfang Juli statt, und das Programm wird im Frühjahr vorgestellt.\n"
    )
    assert doc.lang == "de"
    assert_span_dropped(doc, foreign, "injected", "foreign-language")
    assert_kept(doc, opening, closing)


def test_names_and_loanwords_in_english_page_stay(run):
    """An English sentence with a French name and a borrowed phrase is not foreign."""
    sentence = (
        "The festival director, Jean-Pierre Dumont, said the late-night concerts had been the pièce de "
        "résistance of the whole week."
    )
    doc = run(
        "Jazz festival draws record crowd\n\n"
        "The valley jazz festival welcomed more than forty thousand visitors this year, a record since it was "
        "founded twenty years ago.\n\n" + sentence + "\n"
    )
    assert_kept(doc, sentence)


def test_short_english_tail_of_a_rewriter_note_in_a_german_article(run):
    """'All facts have been preserved.' (4 words) after the note, in the note's language, goes with it."""
    doc = run(
        "Die Registrierung erfolgt online auf der Website der Bundesnetzagentur und dauert in der Regel nur "
        "wenige Minuten, wenn alle Daten des Wechselrichters vorliegen.\n\n"
        "Wer die Frist verpasst, muss nicht sofort mit einem Bußgeld rechnen, sollte die Eintragung aber "
        "schnellstmöglich nachholen.\n"
        "Note: This article was rewritten from the original source to ensure uniqueness. "
        "All facts have been preserved.\n"
    )
    assert doc.lang == "de"
    assert "All facts have been preserved" not in doc.kept_text()
    assert "Wer die Frist verpasst" in doc.kept_text()
