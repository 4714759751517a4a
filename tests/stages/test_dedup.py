"""Dedup stage: repeated and near-repeated sentences and lines inside one page go; the first occurrence stays."""

from __future__ import annotations

from cleaner.config import DedupConfig
from tests.conftest import assert_dropped, assert_kept, assert_span_dropped, find_block

EN_FIRST = (
    "The city museum reopened on Saturday after three years of renovation work that cost more than forty million "
    "euros. Visitors queued for hours in front of the main entrance."
)


def test_repeated_sentence_in_later_paragraph_goes_as_span(run):
    """A later paragraph opening with an earlier sentence loses it and keeps its new sentences."""
    doc = run(
        "The museum reopens after renovation\n\n"
        f"{EN_FIRST}\n\n"
        "The new wing houses the collection of old maps donated by a local family.\n\n"
        "Visitors queued for hours in front of the main entrance. The director said that the opening weekend had "
        "exceeded all her expectations. Tickets for the next two weeks are already sold out.\n"
    )
    span = assert_span_dropped(doc, "Visitors queued for hours in front of the main entrance.", "dedup")
    assert span.reason == "duplicate-sentence"
    assert_kept(doc, EN_FIRST, "The director said that the opening weekend", "Tickets for the next two weeks")
    assert doc.kept_text().count("Visitors queued for hours") == 1


def test_near_duplicate_sentence_goes(run):
    """The same sentence with one word changed ('Saturday' -> 'Sunday') is a duplicate; its paragraph goes."""
    doc = run(
        "The museum reopens after renovation\n\n"
        f"{EN_FIRST}\n\n"
        "The new wing houses the collection of old maps donated by a local family.\n\n"
        "The city museum reopened on Sunday after three years of renovation work that cost more than forty "
        "million euros.\n"
    )
    assert_dropped(doc, "The city museum reopened on Sunday", "dedup", "duplicate-paragraph")
    assert_kept(doc, EN_FIRST, "The new wing houses")


def test_near_duplicate_sentence_inside_paragraph_goes_as_span(run):
    """A near-repeat (two words changed) inside a paragraph with new sentences goes as a span."""
    doc = run(
        "El museo reabre tras la reforma\n\n"
        "El museo de la ciudad reabrió el sábado después de tres años de obras de renovación que costaron más de "
        "cuarenta millones de euros.\n\n"
        "La nueva ala alberga la colección de mapas antiguos donada por una familia de la región.\n\n"
        "La directora dijo que el primer fin de semana había superado todas sus expectativas. El museo municipal "
        "reabrió el sábado después de tres años de obras de renovación que costaron más de cuarenta millones de "
        "dólares.\n"
    )
    assert_span_dropped(doc, "El museo municipal reabrió el sábado", "dedup", "duplicate-sentence")
    assert_kept(doc, "El museo de la ciudad reabrió", "La directora dijo que el primer fin de semana")


def test_exact_repeated_caption_line_goes_first_stays(run):
    """A caption line shown twice: the second goes as a repeated line, the first stays."""
    caption = "A view of the restored main hall with its glass ceiling"
    doc = run(
        "The museum reopens after renovation\n\n"
        f"{EN_FIRST}\n\n{caption}\n\n"
        "The restoration of the glass ceiling alone took more than a year and required the help of specialists "
        f"from abroad.\n\n{caption}\n"
    )
    first, second = (b for b in doc.blocks if b.text == caption)
    assert first.keep
    assert not second.keep and (second.stage, second.reason) == ("dedup", "repeated-line")
    assert doc.kept_text().count(caption) == 1


def test_french_paragraph_of_repeats_goes(run):
    """A French paragraph made only of earlier sentences goes whole; the first one stays."""
    s1 = "Le musée de la ville a rouvert samedi après trois ans de travaux de rénovation."
    s2 = "Les visiteurs ont fait la queue pendant des heures devant l'entrée principale."
    doc = run(
        "Le musée rouvre après rénovation\n\n"
        f"{s1} {s2}\n\n"
        "La nouvelle aile abrite la collection de cartes anciennes offerte par une famille de la région.\n\n"
        f"{s2} {s1}\n"
    )
    assert find_block(doc, s1).keep
    last = doc.blocks[-1]
    assert (last.keep, last.stage, last.reason) == (False, "dedup", "duplicate-paragraph")
    assert_kept(doc, s1, s2, "La nouvelle aile abrite")
    assert doc.kept_text().count(s1) == 1


def test_different_sentences_sharing_words_stay(run):
    """Sentences on the same subject with different content are not near-duplicates."""
    sentences = [
        "The city museum reopened on Saturday after three years of renovation work.",
        "The city library will close on Monday for three weeks of painting work.",
        "The old city theatre has been waiting for its own renovation for more than ten years.",
    ]
    doc = run("City culture news\n\n" + "\n\n".join(sentences) + "\n")
    assert_kept(doc, *sentences)
    assert not any(b.stage == "dedup" for b in doc.blocks)


def test_short_sentences_are_never_deduplicated(run):
    """Below ``min_sentence_words`` neither a near-repeat nor an exact repeat goes."""
    short_a = "The museum is open."
    short_b = "The museum is closed."
    assert len(short_a.split()) < DedupConfig().min_sentence_words
    doc = run(
        "Museum news\n\n"
        f"{EN_FIRST} {short_a}\n\n"
        f"The new wing houses the collection of old maps donated by a local family. {short_b}\n\n"
        f"The director thanked the volunteers who guided the visitors all weekend. {short_a}\n"
    )
    assert_kept(doc, short_b, "The director thanked the volunteers")
    # Short sentences repeat legitimately (dialogue, refrains): both copies stay.
    assert doc.kept_text().count(short_a) == 2
    last = find_block(doc, "The director thanked")
    assert not any(sp.stage == "dedup" for sp in last.spans)


def test_sentences_sharing_a_phrase_are_no_near_duplicates(run):
    """Two sentences that share one phrase ("estimé à 1,2 million d'euros") but differ otherwise
    (Jaccard of shingles far under the threshold) both stay, even when their MinHash bands collide."""
    doc = run(
        "Un chantier estimé à 1,2 million d'euros\n\n"
        "Le coût des travaux est estimé à 1,2 million d'euros. La commune a sollicité l'aide de l'État au titre "
        "des calamités publiques ainsi que celle du Département et de la Région.\n"
    )
    assert "Le coût des travaux est estimé à 1,2 million d'euros." in doc.kept_text()
    assert not any(b.stage == "dedup" or any(sp.stage == "dedup" for sp in b.spans) for b in doc.blocks)


def test_pull_quote_goes_after_or_before_its_paragraph(run):
    """A line in quote marks repeating part of a paragraph's sentence is a pull quote: it goes,
    whether it comes after the paragraph (English) or before it (Spanish)."""
    doc = run(
        "The museum reopens after renovation\n\n"
        f"{EN_FIRST}\n\n“Renovation work that cost more than forty million euros”\n\n"
        "The new wing houses the collection of old maps donated by a local family.\n"
    )
    assert_dropped(doc, "“Renovation work that cost", "dedup", "pull-quote")
    assert_kept(doc, EN_FIRST, "The new wing houses")
    doc = run(
        "Garbanzos con espinacas al estilo de mi abuela\n\n"
        "Hay platos que huelen a casa antes incluso de probarlos, y para mí este es el primero de la lista.\n\n"
        "«La clave está en el majado de pan frito, ajo y comino»\n\n"
        "Mi abuela los preparaba cada viernes de Cuaresma. La clave está en el majado de pan frito, ajo y comino, "
        "que espesa el caldo y le da un sabor tostado.\n"
    )
    assert_dropped(doc, "«La clave está", "dedup", "pull-quote")
    assert_kept(doc, "La clave está en el majado de pan frito, ajo y comino, que espesa el caldo")


def test_quoted_line_of_its_own_stays(run):
    """A quotation standing alone, its words nowhere else on the page, is text."""
    doc = run(f"{EN_FIRST}\n\n“We will keep the doors open every evening until the end of the summer.”\n")
    assert_kept(doc, "“We will keep the doors open every evening")


def test_unquoted_pull_quote_heading_goes(run):
    """A pull quote set as a heading without quote marks: six words or more of a paragraph's sentence."""
    doc = run(
        "Los embalses caen al 31 %\n\n"
        '"No podemos regar con promesas, necesitamos agua o ayudas ya", resumió la portavoz de los pequeños '
        "agricultores, que pidió una reunión urgente con la consejería.\n\n"
        "No podemos regar con promesas, necesitamos agua o ayudas ya\n\n"
        "La confederación hidrográfica aprobará el jueves nuevas restricciones para el regadío.\n"
    )
    assert_dropped(doc, "No podemos regar con promesas, necesitamos agua o ayudas ya", "dedup", "pull-quote")
    assert_kept(doc, "resumió la portavoz")


def test_subhead_restating_its_sections_first_sentence_stays(run):
    """A subhead whose words open the paragraph right under it is the section's title, not a pull quote."""
    doc = run(
        "Library hours cut\n\n"
        f"{EN_FIRST}\n\n"
        "What happens next for the libraries and their staff\n"
        "What happens next for the libraries and their staff is still unclear, the council said on Monday.\n"
    )
    assert_kept(doc, "What happens next for the libraries and their staff")
    assert not any(b.reason == "pull-quote" for b in doc.blocks)


def test_pull_quote_skipping_words_of_its_sentence_goes(run):
    """A pull quote may leave words of the sentence it lifts out ("Viele junge Leute [sitzen …] sehnen
    sich …"): its words stand in order in the paragraph, so it goes; a quotation of other words stays."""
    answer = (
        "Seitdem bekommen wir jede Woche Bewerbungen aus ganz Deutschland. Viele junge Leute sitzen den ganzen "
        "Tag vor Bildschirmen und sehnen sich nach etwas, das man anfassen kann."
    )
    doc = run(
        "Interview mit einer Glasbläserin\n\n"
        f"{answer}\n\n„Viele junge Leute sehnen sich nach etwas, das man anfassen kann.“\n\n"
        "„Ein Fehler im Glas erzählt mehr als jedes Etikett, sagt sie gern zu ihren Kunden.“\n\n"
        "Die Hütte gibt es seit 1887, sie hat sie vor elf Jahren von ihrem Onkel übernommen.\n"
    )
    assert_dropped(doc, "„Viele junge Leute sehnen sich", "dedup", "pull-quote")
    assert_kept(doc, answer, "„Ein Fehler im Glas erzählt mehr")


def test_short_paragraph_repeating_the_next_ones_phrase_is_a_pull_quote(run):
    """A one-sentence paragraph of its own whose words stand, in order, in the paragraph under it."""
    para = (
        "Cuando los contadores permiten consultar el consumo diario, el gasto baja entre un diez y un quince por "
        "ciento. Lo que no se mide no se puede gestionar, y lo que no se ve no se cuida, como repiten desde hace "
        "años los técnicos de las empresas municipales de agua."
    )
    doc = run(
        "Defender una tarifa más realista no significa castigar a quien menos tiene en los barrios.\n\n"
        f"Lo que no se mide no se puede gestionar.\n\n{para}\n"
    )
    assert_dropped(doc, "Lo que no se mide no se puede gestionar.", "dedup", "pull-quote")
    assert_kept(doc, para)
