"""Comments stage: a header opens the section, structure decides how far it reaches."""

from __future__ import annotations

from tests.conftest import assert_dropped, assert_kept, find_block

EN_TITLE = "Bike lanes approved for the north of the city"
EN_BODY = """The city council voted on Tuesday evening to build twelve kilometres of protected bicycle lanes \
across the northern districts, a plan that residents had requested for years.

Officials said the work would begin in the spring and that the budget had already been set aside in the \
annual plan approved last winter by a large majority.

Shop owners on the main avenue were less enthusiastic, saying that the loss of parking spaces could keep \
customers away during the busy holiday season.

The mayor promised to meet them next week and said that delivery zones would be kept on every block so \
that trucks could still unload their goods.
"""

EN_COMMENTS = """
12 comments

Mary Collins
3 hours ago
Finally! I have been waiting for this for ten years and my kids will be able to ride to school.
Reply

Tom Baker
2 hours ago
What about the parking? Nobody asked the people who live here.
Reply
"""

FR_BODY = """Le conseil municipal a voté mardi soir la construction de douze kilomètres de pistes cyclables \
protégées dans les quartiers nord, un projet attendu depuis des années par les habitants.

Les travaux commenceront au printemps et le budget a déjà été inscrit dans le plan annuel adopté l'hiver \
dernier par une large majorité des élus.

Les commerçants de l'avenue principale se montrent plus réservés : selon eux, la suppression des places de \
stationnement pourrait éloigner les clients pendant les fêtes.
"""

ES_BODY = """El ayuntamiento aprobó el martes por la noche la construcción de doce kilómetros de carriles bici \
protegidos en los barrios del norte, un proyecto que los vecinos reclamaban desde hace años.

Las obras comenzarán en primavera y el presupuesto ya figura en el plan anual aprobado el invierno pasado por \
una amplia mayoría del pleno.

Los comerciantes de la avenida principal se muestran más prudentes, porque creen que la pérdida de plazas de \
aparcamiento alejará a los clientes en Navidad.
"""

DE_BODY = """Der Stadtrat hat am Dienstagabend beschlossen, in den nördlichen Stadtteilen zwölf Kilometer \
geschützte Radwege zu bauen, die sich die Anwohner seit Jahren wünschen.

Die Arbeiten sollen im Frühjahr beginnen, und das Geld ist bereits im Haushalt eingeplant, den eine große \
Mehrheit im vergangenen Winter verabschiedet hat.

Die Händler an der Hauptstraße sind skeptisch, weil sie fürchten, dass wegen der fehlenden Parkplätze \
weniger Kunden in die Geschäfte kommen.
"""


def test_late_comment_section_goes_whole(run):
    """'12 comments' after the article opens a section: names, ages, comments and 'Reply' all go."""
    doc = run(EN_TITLE + "\n\n" + EN_BODY + EN_COMMENTS)
    assert_dropped(doc, "12 comments", "comments", "comment-header")
    for entry in (
        "Mary Collins",
        "3 hours ago",
        "I have been waiting for this",
        "Tom Baker",
        "What about the parking?",
    ):
        assert_dropped(doc, entry, "comments")
    assert "Reply" not in doc.kept_text()
    assert_kept(doc, "The city council voted", "Officials said the work", "Shop owners", "The mayor promised")
    assert doc.kept_text().endswith("unload their goods.")


def test_comment_link_under_title_removes_only_that_line(run):
    """'3 comments' near the top of a long article with no comment markers after it is a link."""
    doc = run(EN_TITLE + "\n3 comments\n\n" + EN_BODY)
    assert_dropped(doc, "3 comments", "comments", "comment-header")
    for paragraph in EN_BODY.strip().split("\n\n"):
        assert_kept(doc, paragraph)


def test_french_comment_form_stops_at_related_block(run):
    """A French section runs to the next header of another concern: the related block is not a comment."""
    doc = run(
        "Des pistes cyclables pour les quartiers nord\n\n"
        + FR_BODY
        + "\nLaisser un commentaire\n\nClaire\nil y a 2 heures\n"
        "Enfin une bonne nouvelle pour les familles qui vont à l'école à vélo tous les matins.\n"
        "Répondre\nSignaler\n\nÀ lire aussi\nLe tramway prolongé jusqu'à la gare en 2027\n"
    )
    assert_dropped(doc, "Laisser un commentaire", "comments", "comment-header")
    for entry in ("Claire", "il y a 2 heures", "Enfin une bonne nouvelle", "Répondre", "Signaler"):
        assert_dropped(doc, entry, "comments")
    assert find_block(doc, "À lire aussi").stage == "related"
    assert_kept(doc, "Le conseil municipal a voté", "Les travaux commenceront", "Les commerçants de l'avenue")


def test_spanish_reply_form_goes(run):
    """'Deja una respuesta' and the form lines after it go."""
    doc = run(
        "Nuevos carriles bici para los barrios del norte\n\n"
        + ES_BODY
        + "\nDeja una respuesta\n\nTu dirección de correo electrónico no será publicada.\nComentario *\nNombre *\n"
    )
    assert_dropped(doc, "Deja una respuesta", "comments", "comment-header")
    for entry in ("Tu dirección de correo", "Comentario *", "Nombre *"):
        assert_dropped(doc, entry, "comments")
    assert_kept(doc, "El ayuntamiento aprobó", "Las obras comenzarán", "Los comerciantes de la avenida")


def test_german_comment_count_header(run):
    """'5 Kommentare' at the end opens a section; the German comment goes."""
    doc = run(
        "Neue Radwege für den Norden der Stadt\n\n" + DE_BODY + "\n5 Kommentare\n\nKlaus M.\nvor 3 Stunden\n"
        "Endlich passiert etwas, ich fahre jeden Tag mit dem Rad zur Arbeit.\nAntworten\n"
    )
    assert_dropped(doc, "5 Kommentare", "comments", "comment-header")
    for entry in ("Klaus M.", "vor 3 Stunden", "Endlich passiert etwas", "Antworten"):
        assert_dropped(doc, entry, "comments")
    assert_kept(doc, "Der Stadtrat hat", "Die Arbeiten sollen", "Die Händler an der Hauptstraße")


def test_article_about_comments_is_kept(run):
    """A prose sentence that talks about comments is not a header."""
    sentence = (
        "The mayor said that the comments sent by residents during the consultation had changed the final "
        "route of the lanes."
    )
    doc = run(EN_TITLE + "\n\n" + EN_BODY + "\n" + sentence + "\n")
    assert_kept(doc, sentence)


def test_wordpress_header_with_a_long_quoted_title(run):
    """'3 comentarios en “<a long post title>”': the quoted title does not make the header too long."""
    title = "Bono Alquiler Joven 2025: requisitos, cuantía y plazos para pedir los doscientos cincuenta euros"
    doc = run(
        f"{title}\n\n"
        "El Gobierno mantiene la ayuda al alquiler para jóvenes durante todo el año y las comunidades "
        "autónomas abrirán sus convocatorias en las próximas semanas, según ha confirmado el ministerio.\n\n"
        f"3 comentarios en “{title}”\n"
        "Marina G.\n"
        "¿Sirve si el contrato es de una habitación y el casero no me deja empadronarme?\n"
        "Responder\n"
    )
    assert_dropped(doc, "3 comentarios en", "comments", "comment-header")
    assert_dropped(doc, "¿Sirve si el contrato es de una habitación", "comments", "comment")


def test_bare_comment_count_late_on_an_archive_page_is_a_link(run):
    """'7 comments' under a teaser far down a page, with no comment markers after it, removes only itself."""
    teaser = (
        "Five cheeses from the mountains you should taste at least once, from the cave-aged blue to the "
        "soft fresh rounds sold at the weekly market in the old town square […]\n"
        "Read more »\n"
    )
    doc = run(
        teaser * 4 + "7 comments\n\nValley festival guide for first-timers\n"
        "February and March are the months of the onion festival, the most popular food celebration of the "
        "region, and this guide explains how the onions are grilled over vine shoots.\n"
    )
    assert_dropped(doc, "7 comments", "comments", "comment-header")
    assert_kept(doc, "February and March are the months of the onion festival")


def test_media_player_times_are_no_proof_of_comments(run):
    """'57 Comments' under a byline, then an audio player's '00:00' / '06:12': a link, not a section."""
    doc = run(f"{EN_TITLE}\nBy Hannah Okafor\n57 Comments\nListen to this article\n00:00\n06:12\n\n" + EN_BODY)
    assert_dropped(doc, "57 Comments", "comments", "comment-header")
    assert_kept(doc, "The city council voted", "Officials said the work would begin")


def test_discussion_section_of_a_paper_is_no_comment_section(run):
    """'Discussion' late in a report, followed by prose and a table with a 'Name' column: the paper's
    own section, kept whole."""
    doc = run(
        EN_TITLE
        + "\n\n"
        + EN_BODY
        + "\nDiscussion\n\nThe members of the council each had very different reasons to vote for the plan.\n"
        "Name\nDistrict\nVote\nAnna Berg\nNorth\nYes\n\n"
        "The vote shows that the districts most affected by traffic supported the lanes most strongly.\n"
    )
    assert_kept(doc, "Discussion", "The members of the council", "Anna Berg", "The vote shows that the districts")


def test_discussion_header_with_comment_chrome_opens_the_section(run):
    """The same word followed by comment chrome ('3 hours ago', 'Reply') is a comment section."""
    doc = run(
        EN_TITLE + "\n\n" + EN_BODY + "\nDiscussion\n\nMary Collins\n3 hours ago\nFinally, safe lanes for the kids.\n"
        "Reply\n"
    )
    assert_dropped(doc, "Discussion", "comments", "comment-header")
    assert_dropped(doc, "Finally, safe lanes for the kids.", "comments", "comment")


def test_comment_column_of_a_table_is_no_header(run):
    """'Comment' as a table's column title late in a technical post keeps the table's rows."""
    doc = run(
        EN_TITLE + "\n\n" + EN_BODY + "\nThe states of a task:\n\nState\nComment\nnew\n"
        "The task waits in the queue until a worker is free to pick it up and run it.\n"
    )
    assert_kept(doc, "Comment", "The task waits in the queue")
