"""Captions stage: a short block carrying a credit goes whole; in a long paragraph only the credit goes."""

from __future__ import annotations

from tests.conftest import assert_dropped, assert_kept, assert_span_dropped

LONG_WITH_CREDIT = (
    "Emergency crews worked through the night to clear the roads, and the regional authorities said that most "
    "schools would reopen on Tuesday if the weather allowed it, although several buildings still need to be "
    "inspected by engineers before pupils can return, and the ferry service to the islands remains suspended "
    "until further notice (Reuters / Ana Gomez) while the harbour master assesses the damage to the piers and "
    "the old lighthouse."
)


def test_english_caption_with_agency_credit_goes(run):
    """A caption line ending in '(AFP / John Smith)' goes whole as a caption."""
    doc = run(
        "Storm damages roofs across the coast\n\n"
        "Strong winds tore the roofs off several houses along the coast on Sunday night, and thousands of homes "
        "were left without power until the morning.\n\n"
        "Firefighters clear a fallen tree in the harbour on Monday morning. (AFP / John Smith)\n\n"
        "The weather service expects calmer conditions from Wednesday.\n"
    )
    assert_dropped(doc, "(AFP / John Smith)", "captions", "caption")
    assert_kept(doc, "Strong winds tore the roofs", "The weather service expects calmer conditions")


def test_credit_inside_long_paragraph_goes_as_span(run):
    """In a long paragraph only '(Reuters / Ana Gomez)' goes; the sentence around it stays."""
    doc = run("Storm damages roofs across the coast\n\n" + LONG_WITH_CREDIT + "\n")
    assert_span_dropped(doc, "(Reuters / Ana Gomez)", "captions", "credit")
    assert_kept(doc, "Emergency crews worked through the night", "remains suspended until further notice")
    assert_kept(doc, "the damage to the piers and the old lighthouse.")


def test_french_photo_credit_and_caption(run):
    """'Crédit photo : …' and a caption with '( AFP / … )' go; the paragraphs stay."""
    doc = run(
        "Tempête sur la côte atlantique\n\n"
        "De fortes rafales ont arraché les toits de plusieurs maisons le long de la côte dimanche soir, et des "
        "milliers de foyers ont été privés d'électricité jusqu'au matin.\n\n"
        "Crédit photo : Marie Dupont\n\n"
        "Les pompiers dégagent un arbre tombé sur le port lundi matin. ( AFP / Jean Martin )\n\n"
        "Les secours ont travaillé toute la nuit pour dégager les routes.\n"
    )
    assert_dropped(doc, "Crédit photo : Marie Dupont", "captions", "caption")
    assert_dropped(doc, "Les pompiers dégagent un arbre", "captions", "caption")
    assert_kept(doc, "De fortes rafales ont arraché", "Les secours ont travaillé toute la nuit")


def test_spanish_photo_line_and_agency_caption(run):
    """'Foto: …' and a caption with '(EFE / …)' go; the paragraphs stay."""
    doc = run(
        "Temporal en la costa\n\n"
        "Fuertes rachas de viento arrancaron los tejados de varias casas en la costa el domingo por la noche y "
        "miles de hogares se quedaron sin electricidad hasta la mañana.\n\n"
        "Foto: Javier Ruiz\n\n"
        "Los bomberos retiran un árbol caído en el puerto el lunes por la mañana (EFE / Carmen López)\n\n"
        "Los servicios de emergencia trabajaron toda la noche para despejar las carreteras.\n"
    )
    assert_dropped(doc, "Foto: Javier Ruiz", "captions", "caption")
    assert_dropped(doc, "Los bomberos retiran un árbol", "captions", "caption")
    assert_kept(doc, "Fuertes rachas de viento", "Los servicios de emergencia trabajaron")


def test_german_caption_with_photo_credit(run):
    """A German caption ending in 'Foto: dpa' goes whole."""
    doc = run(
        "Sturm an der Küste\n\n"
        "Starke Windböen haben in der Nacht zum Montag die Dächer mehrerer Häuser an der Küste abgedeckt, und "
        "Tausende Haushalte waren bis zum Morgen ohne Strom.\n\n"
        "Feuerwehrleute räumen einen umgestürzten Baum im Hafen. Foto: dpa\n\n"
        "Die Rettungskräfte arbeiteten die ganze Nacht, um die Straßen frei zu machen.\n"
    )
    assert_dropped(doc, "Feuerwehrleute räumen", "captions", "caption")
    assert_kept(doc, "Starke Windböen", "Die Rettungskräfte arbeiteten")


def test_agency_named_in_prose_is_not_a_credit(run):
    """A sentence quoting an agency without a bracketed credit stays whole."""
    sentence = "According to figures gathered by Reuters, the storm was the strongest on this coast in a decade."
    doc = run("Storm damages roofs across the coast\n\n" + LONG_WITH_CREDIT + "\n\n" + sentence + "\n")
    assert_kept(doc, sentence)


def test_picture_credit_closing_a_caption(run):
    """'… after his winner. Picture: Steve Marland/Wexham Evening Post': a British paper's photo credit."""
    body = (
        "Danny Okonjo came off the bench to head an 88th-minute winner as Wexham Town edged a bad-tempered "
        "derby against Brackmoor Rovers in front of more than six thousand fans."
    )
    caption = "Danny Okonjo wheels away after his winner. Picture: Steve Marland/Wexham Evening Post"
    doc = run(f"{body}\n{caption}\n{body}\n")
    assert "Picture: Steve Marland" not in doc.kept_text()
    assert_kept(doc, body)


def test_credits_closing_captions_in_brackets_in_capitals_or_from_the_archive(run):
    """'(Marcus Bell / The Northgate Dispatch)', 'ALBA FILMS' and 'Photo archives Le Courrier/…' close captions;
    a wire's last paragraph signing off with one agency name ('… martes. EFE') is text, and so is an update
    time ('… 4:12 p.m. ET')."""
    body = (
        "Brackenridge woke up on Wednesday to emergency alerts on every phone in the city: do not drink the tap "
        "water, do not boil it and do not give it to pets until further notice."
    )
    for caption in (
        "Algae coats the shoreline of Lake Corrow near the boat ramp on Wednesday. (Marcus Bell / The Dispatch)",
        "Carmen Oyarzábal, en un momento de la película. ALBA FILMS",
        "Armand Lécuyer dirigeant ses choristes en 2019. Photo archives Le Courrier/Jean-Paul Mériaux",
    ):
        doc = run(f"{body}\n{caption}\n{body.replace('Wednesday', 'Thursday')}\n")
        assert_dropped(doc, caption[:30], "captions", "caption")
    wire = "Varios ayuntamientos de la sierra han suspendido las clases presenciales previstas para el martes. EFE"
    lluvia = (
        "Las precipitaciones remitirán a partir del miércoles por la tarde, aunque el jueves podrían volver a "
        "registrarse chubascos dispersos en el tercio occidental de la provincia."
    )
    doc = run(f"{lluvia}\n{wire}\n")
    assert_kept(doc, wire)
