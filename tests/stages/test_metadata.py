"""Metadata stage: title, site, date, modified and author are taken, and the lines carrying them leave the text."""

from __future__ import annotations

import pytest

from tests.conftest import assert_dropped, assert_kept

FR_BODY = """Le conseil municipal a voté mardi soir la construction de douze kilomètres de pistes cyclables \
protégées dans les quartiers nord, un projet attendu depuis des années par les habitants.

Les travaux commenceront au printemps et le budget a déjà été inscrit dans le plan annuel adopté l'hiver \
dernier par une large majorité des élus.
"""

EN_BODY = """The city council voted on Tuesday evening to build twelve kilometres of protected bicycle lanes \
across the northern districts, a plan that residents had requested for years.

Officials said the work would begin in the spring and that the budget had already been set aside in the \
annual plan approved last winter by a large majority of the members.
"""


def test_french_title_site_dates_and_byline(run):
    """'Title | Site', 'publié le … à 11h34', 'mis à jour le …' and 'Par …' fill the fields and leave the text."""
    doc = run(
        "Des pistes cyclables pour les quartiers nord | La Gazette du Nord\n"
        "publié le 4 juillet 2025 à 11h34\n"
        "Mis à jour le 5 juillet 2025 à 08h02\n"
        "Par Jeanne Martin\n\n" + FR_BODY
    )
    assert doc.title == "Des pistes cyclables pour les quartiers nord"
    assert doc.site == "La Gazette du Nord"
    assert doc.date is not None and doc.date.startswith("2025-07-04")
    assert doc.modified is not None and doc.modified.startswith("2025-07-05")
    assert doc.author == "Jeanne Martin"
    assert_dropped(doc, "Des pistes cyclables pour les quartiers nord", "metadata", "title")
    assert_dropped(doc, "publié le 4 juillet 2025", "metadata", "date-line")
    assert_dropped(doc, "Mis à jour le 5 juillet 2025", "metadata", "date-line")
    assert_dropped(doc, "Par Jeanne Martin", "metadata", "byline")
    assert_kept(doc, "Le conseil municipal a voté", "Les travaux commenceront")
    assert doc.kept_text().startswith("Le conseil municipal")


def test_french_date_keeps_its_time(run):
    """'publié le 4 juillet 2025 à 11h34' gives 2025-07-04T11:34."""
    doc = run("Des pistes cyclables pour les quartiers nord\npublié le 4 juillet 2025 à 11h34\n\n" + FR_BODY)
    assert doc.date == "2025-07-04T11:34"


def test_english_byline_and_date(run):
    """'By Jane Doe' gives the author, 'July 4, 2025' the date; both lines leave the text."""
    doc = run("City council approves new bicycle lanes\nBy Jane Doe\nJuly 4, 2025\n\n" + EN_BODY)
    assert doc.title == "City council approves new bicycle lanes"
    assert doc.author == "Jane Doe"
    assert doc.date is not None and doc.date.startswith("2025-07-04")
    assert_dropped(doc, "By Jane Doe", "metadata", "byline")
    assert_dropped(doc, "July 4, 2025", "metadata", "date-line")
    assert_kept(doc, "The city council voted", "Officials said the work")


def test_english_updated_line_gives_modified(run):
    """'Updated July 6, 2025 at 3:30 p.m.' is a modification date, with the afternoon time; with no
    publication date on the page, it is the page's date too."""
    doc = run("City council approves new bicycle lanes\nUpdated July 6, 2025 at 3:30 p.m.\n\n" + EN_BODY)
    assert doc.modified == "2025-07-06T15:30"
    assert doc.date == doc.modified
    assert_dropped(doc, "Updated July 6, 2025", "metadata", "date-line")


def test_spanish_date_and_byline(run):
    """'Publicado el 4 de julio de 2025' and 'Por María García' fill date and author."""
    doc = run(
        "El ayuntamiento aprueba nuevos carriles bici\nPublicado el 4 de julio de 2025\nPor María García\n\n"
        "El ayuntamiento aprobó el martes por la noche la construcción de doce kilómetros de carriles bici "
        "protegidos en los barrios del norte, un proyecto que los vecinos reclamaban desde hace años.\n"
    )
    assert doc.title == "El ayuntamiento aprueba nuevos carriles bici"
    assert doc.date is not None and doc.date.startswith("2025-07-04")
    assert doc.author == "María García"
    assert_dropped(doc, "Publicado el 4 de julio de 2025", "metadata", "date-line")
    assert_dropped(doc, "Por María García", "metadata", "byline")
    assert_kept(doc, "El ayuntamiento aprobó el martes")


def test_german_date_and_byline(run):
    """'Veröffentlicht am 4. Juli 2025' and 'Von Klaus Becker' fill date and author."""
    doc = run(
        "Neue Radwege für den Norden der Stadt\nVeröffentlicht am 4. Juli 2025\nVon Klaus Becker\n\n"
        "Der Stadtrat hat am Dienstagabend beschlossen, in den nördlichen Stadtteilen zwölf Kilometer geschützte "
        "Radwege zu bauen, die sich die Anwohner seit Jahren wünschen.\n"
    )
    assert doc.date is not None and doc.date.startswith("2025-07-04")
    assert doc.author == "Klaus Becker"
    assert_dropped(doc, "Veröffentlicht am 4. Juli 2025", "metadata", "date-line")
    assert_dropped(doc, "Von Klaus Becker", "metadata", "byline")
    assert_kept(doc, "Der Stadtrat hat am Dienstagabend")


def test_date_inside_prose_is_not_metadata(run):
    """A long paragraph that mentions a date stays, and gives no publication date."""
    sentence = (
        "The plan was first presented on March 3, 2025 at a public meeting in the town hall, where more than two "
        "hundred residents came to ask questions about the route."
    )
    doc = run("City council approves new bicycle lanes\n\n" + EN_BODY + "\n" + sentence + "\n")
    assert_kept(doc, sentence)
    assert doc.date is None


def test_masthead_above_title_goes(run):
    """One- to three-word lines above the title are the masthead."""
    doc = run("The Valley Courier\nLocal news\nCity council approves new bicycle lanes\n\n" + EN_BODY)
    assert doc.title == "City council approves new bicycle lanes"
    assert_dropped(doc, "The Valley Courier", "metadata", "masthead")
    assert_dropped(doc, "Local news", "metadata", "masthead")


def test_repeated_title_further_down_goes(run):
    """The title repeated later in the page (a share text, a breadcrumb) goes too."""
    doc = run("City council approves new bicycle lanes\n\n" + EN_BODY + "\nCity council approves new bicycle lanes\n")
    assert doc.title == "City council approves new bicycle lanes"
    assert "City council approves new bicycle lanes" not in doc.kept_text()
    assert all(b.stage == "metadata" for b in doc.blocks if b.text == "City council approves new bicycle lanes")


ES_BODY = """El ayuntamiento aprobó el martes por la noche la construcción de doce kilómetros de carriles bici \
protegidos en los barrios del norte, un proyecto que los vecinos reclamaban desde hace años.

Las obras comenzarán en primavera y el presupuesto ya figura en el plan anual aprobado el invierno pasado \
por una amplia mayoría de los concejales.
"""


def test_headline_wins_over_the_longer_standfirst_under_it(run):
    """Headline, then a standfirst heading of 14+ words: the headline is the title, the standfirst stays."""
    doc = run(
        "Bike lanes approved for the north of the city\n"
        "Residents and shop owners say the twelve kilometres of new lanes will change how the districts move\n"
        "By Harriet Oakley\n"
        "Thursday 6 March 2025 18:04 GMT\n\n" + EN_BODY
    )
    assert doc.title == "Bike lanes approved for the north of the city"
    assert_kept(doc, "Residents and shop owners say")


def test_title_search_stops_at_the_date_line(run):
    """Headings after the page's date line belong to the body (a live blog's first entry)."""
    doc = run(
        "Storm live: gusts batter the west coast as thousands lose power\n"
        "Tue 11 Nov 2025 17.26 GMT\n"
        "Key events\n"
        "Engineers reconnect homes in the valley\n\n" + EN_BODY
    )
    assert doc.title == "Storm live: gusts batter the west coast as thousands lose power"
    assert_kept(doc, "Engineers reconnect homes in the valley")


def test_dash_joins_two_clauses_of_a_headline_not_a_site(run):
    """'Title – Site' needs a tail that reads like a name; a lower-case clause stays in the title."""
    doc = run(
        "Freibad am Deich bleibt geschlossen – Stadtrat stoppt Sanierung\n"
        "12.09.2025, 14:30 Uhr\n\n"
        "Das Freibad am Deich wird in der kommenden Saison nicht öffnen, weil der Stadtrat am Donnerstagabend "
        "mit knapper Mehrheit beschlossen hat, die geplante Sanierung des Beckens vorerst auszusetzen.\n"
    )
    assert doc.title == "Freibad am Deich bleibt geschlossen – Stadtrat stoppt Sanierung"
    assert doc.site is None


def test_dash_before_a_site_name_still_splits(run):
    """'Title - Diario del Norte': a capitalised name after the dash is the site."""
    doc = run("Carriles bici para los barrios del norte - Diario del Norte\n\n" + ES_BODY)
    assert doc.title == "Carriles bici para los barrios del norte"
    assert doc.site == "Diario del Norte"


def test_names_above_the_date_line_are_the_byline(run):
    """A name line and a place line above the date line (no "Por") go; the name is the author."""
    doc = run(
        "El ayuntamiento aprueba doce kilómetros de carriles bici\n"
        "Lucía Ortega\n"
        "Santoña\n"
        "Lunes, 14 de abril de 2025, 08:45\n\n" + ES_BODY
    )
    assert doc.author == "Lucía Ortega"
    assert doc.title == "El ayuntamiento aprueba doce kilómetros de carriles bici"
    assert_dropped(doc, "Lucía Ortega", "metadata", "byline")
    assert_dropped(doc, "Santoña", "metadata", "byline")


def test_ui_words_above_the_date_line_are_no_byline(run):
    """'Advanced Search' above a date line is capitalised like a name but is no author."""
    doc = run("Bike lanes approved for the north of the city\nAdvanced Search\n6 March 2025\n\n" + EN_BODY)
    assert doc.author is None


def test_byline_with_name_particles(run):
    """'Por Redacción Ahorro al Día': 'al' is a name particle, so the line is a byline, not the title."""
    doc = run(
        "Bono joven 2025: requisitos y plazos para pedir la ayuda\n"
        "Por Redacción Ahorro al Día\n"
        "Publicado el 3 de octubre de 2025\n\n" + ES_BODY
    )
    assert doc.author == "Redacción Ahorro al Día"
    assert doc.title == "Bono joven 2025: requisitos y plazos para pedir la ayuda"
    assert_dropped(doc, "Por Redacción Ahorro al Día", "metadata", "byline")


def test_forum_thread_title_restated_above_the_first_post(run):
    """A heading of the head said again right above the first post is the title, even a question
    after forum chrome ("Switch to Threaded Mode") and the post's date line."""
    doc = run(
        "Remember Me?\n"
        "Brake fade on second session – pads or fluid?\n"
        "Results 1 to 6 of 6\n"
        "Switch to Threaded Mode\n"
        "04-09-2025, 08:14 PM #1\n"
        "rallyrob\n"
        "Brake fade on second session – pads or fluid?\n"
        "Took the car to the circuit on Sunday. The first session was fine, but halfway through the second "
        "one the pedal went long and the car needed far more pressure to stop.\n"
    )
    assert doc.title == "Brake fade on second session – pads or fluid?"
    assert doc.date == "2025-04-09T20:14"
    assert "pads or fluid" not in doc.kept_text()


def test_question_in_the_head_is_no_title_unless_restated(run):
    """'Are you sure you want to log out?' in the chrome is not taken for the title."""
    doc = run("Bike lanes approved for the north of the city\nAre you sure you want to log out?\n\n" + EN_BODY)
    assert doc.title == "Bike lanes approved for the north of the city"


def test_author_bio_at_the_end_goes(run):
    """The byline above the date (past a "Follow" button) names the author; "<Author> is a …" near
    the end is the bio box, not the article."""
    doc = run(
        "Bike lanes approved for the north of the city\n"
        "Hannah Okafor\n"
        "Columnist\n"
        "Follow\n"
        "Published Feb 18, 2025\n\n" + EN_BODY + "\n"
        "Hannah Okafor is a columnist and a former teacher in Carlisle. Her book is out in the spring.\n"
    )
    assert doc.author == "Hannah Okafor"
    assert_dropped(doc, "Hannah Okafor is a columnist", "metadata", "author-bio")
    assert_kept(doc, "The city council voted")


def test_byline_above_the_date_past_follow_and_reading_time(run):
    """Chrome between the author's name and the date ("Follow", "7 min read", "·") is skipped."""
    doc = run(
        "Why We Stopped Writing Microservices for Everything\n"
        "Priya Raman\nFollow\n7 min read\n·\nMar 11, 2025\n\n" + EN_BODY
    )
    assert doc.author == "Priya Raman"
    assert doc.title == "Why We Stopped Writing Microservices for Everything"


def test_forum_member_join_date_is_not_the_page_date(run):
    """XenForo's "Thread starter … Start date …" line dates the thread; the "Joined" date in the
    first poster's profile (label and date on lines of their own, or on one) does not."""
    doc = run(
        "Forums\nDrivetrain\nCreak from the bottom bracket when climbing\n"
        "Thread starter gravelgrinder_tom Start date Mar 9, 2024\n"
        "gravelgrinder_tom\nNew member\nJoined\nOct 2, 2023\nMessages\n14\n\n" + EN_BODY
    )
    assert doc.date == "2024-03-09"
    assert doc.title == "Creak from the bottom bracket when climbing"
    doc = run("Forenübersicht\nMähroboter piept dauernd\nhans_g\nRegistriert seit: 12.03.2019\n\n" + EN_BODY)
    assert doc.date is None


def test_date_line_with_byline_and_comment_count(run):
    """'14. Juni 2024 von Ulrike Brandstätter · 3 Kommentare': the date and the author, and the line goes."""
    doc = run(
        "Mulchen mit Rasenschnitt: Was ich nach drei Sommern gelernt habe\n"
        "14. Juni 2024 von Ulrike Brandstätter · 3 Kommentare\n\n" + EN_BODY
    )
    assert doc.date == "2024-06-14"
    assert doc.author == "Ulrike Brandstätter"
    assert_dropped(doc, "von Ulrike Brandstätter", "metadata", "date-line")


def test_rating_line_is_not_the_title(run):
    """A review's star rating between headline and standfirst is not the headline."""
    doc = run(
        "Cinéma › Critiques\n« Les Heures creuses » : Margot Delvaux filme l’ennui comme un paysage\n"
        "★★★★☆ Notre avis : 4/5\n\n"
        "Il ne se passe presque rien dans ce film, et c’est précisément ce presque qui passionne la cinéaste. "
        "Pendant tout un été, elle suit une gardienne de piscine municipale qui attend que les jours passent.\n"
    )
    assert doc.title == "« Les Heures creuses » : Margot Delvaux filme l’ennui comme un paysage"


def test_question_signed_by_its_asker_is_the_title_and_a_breadcrumb_is_not(run):
    """A Q&A page: the breadcrumb, then the question with the asker's name and date under it."""
    doc = run(
        "HilfeNetz › Internet & Netzwerk › WLAN\n"
        "WLAN trennt sich nach dem Standby unter Windows 11 ständig – was kann ich tun?\n"
        "Levin_K\nGefragt am 17.03.2025 um 19:42\n\n"
        "Seit dem letzten großen Update verliert mein Laptop jedes Mal die Verbindung, wenn er aus dem "
        "Standby aufwacht, und erst ein Neustart bringt das WLAN zurück.\n"
    )
    assert doc.title == "WLAN trennt sich nach dem Standby unter Windows 11 ständig – was kann ich tun?"
    assert doc.date == "2025-03-17T19:42"


def test_trailing_publication_word_is_cut_where_it_starts():
    """Case folding can change a line's length ('ß' -> 'ss'): the cut is made where the phrase starts."""
    from cleaner.stages.metadata import _strip_trailing_phrase, longest_first

    assert _strip_trailing_phrase("Thread starter Großmann Start date", longest_first(["start date"])) == (
        "start date",
        "Thread starter Großmann",
    )


FR_WIRE_BODY = (
    "Quelque 340 habitants d'un village de pêcheurs du nord-ouest du pays sont isolés depuis dimanche, "
    "après qu'un pan de montagne s'est effondré sur la seule route qui les relie au reste de la région."
)


def test_masthead_date_and_tagline_give_way_to_the_signed_headline(run):
    """A masthead's tagline over today's bare date is no title: the headline closed by its byline and
    'Publié le' line is, and the published date wins over the masthead's."""
    doc = run(
        "L'Écho du Nord\nL'actualité en continu\nMardi 4 février 2025\nS'abonner\nMenu\nMonde\n"
        "Norvège : un glissement de terrain coupe la route d'un village de pêcheurs\n"
        f"{FR_WIRE_BODY}\nPar L'Écho du Nord avec AFP\nPublié le 3 février 2025 à 14h12, mis à jour à 16h05\n\n"
        f"{FR_WIRE_BODY.replace('dimanche', 'lundi')}\n"
    )
    assert doc.title == "Norvège : un glissement de terrain coupe la route d'un village de pêcheurs"
    assert doc.date == "2025-02-03T14:12"
    assert doc.author == "L'Écho du Nord avec AFP"


def test_date_line_over_the_headline_of_a_press_release(run):
    """'14/05/2025' right above the headline dates it: the menu heading above the date is no title."""
    doc = run(
        "Universidad de Valdecierzo\nPersonal técnico, de gestión y de administración\nSala de prensa\n"
        "14/05/2025\nLa universidad pone en marcha un laboratorio de sequías en sesenta municipios\n"
        "El proyecto, financiado con 2,4 millones de euros, permitirá medir en tiempo real la humedad del suelo "
        "en las explotaciones agrícolas de toda la comarca durante los próximos cuatro años.\n"
    )
    assert doc.title == "La universidad pone en marcha un laboratorio de sequías en sesenta municipios"
    assert doc.date == "2025-05-14"


def test_forum_member_profile_line_is_no_title(run):
    """'Registriert seit: … Beiträge: …' is a poster's profile, never the page's title."""
    doc = run(
        "Registriert seit: 27. September 2017 Beiträge: 5.539 Renommee: 432\n"
        "Coronavirus Sammelthread\n17.03.2020, 23:08\n\n"
        "Hier sammeln wir alle Fragen zu den Ausgangsbeschränkungen und was sie für Mieter, Arbeitnehmer und "
        "Selbständige bedeuten, bitte keine neuen Themen dazu eröffnen.\n"
    )
    assert doc.title != "Registriert seit: 27. September 2017 Beiträge: 5.539 Renommee: 432"


def test_title_under_the_breadcrumb_beats_thread_meta_and_pagination(run):
    """A forum thread's title, right under the breadcrumb, ends in a question mark (a paragraph to the
    segmenter); the meta line and 'Page 1 sur 1' under it are no title."""
    doc = run(
        "Accueil\nForum\nBricolage\nAccueil > Forum > Bricolage > Isolation & humidité\n"
        "Humidité et moisissures derrière l'armoire de la chambre : que faire ?\n"
        "Sujet créé par Lucie · 5 réponses · 1 284 vues\nSuivre ce sujet\nPage 1 sur 1\nLucie\n"
        "Inscrite le 03/11/2021\nPosté le 12/02/2025 à 21:14\n"
        "Nous habitons une maison des années 70 à côté d'Épinal, murs en parpaing avec un doublage en placo, "
        "et depuis cet hiver des taches noires apparaissent derrière l'armoire de la chambre.\n"
    )
    assert doc.title == "Humidité et moisissures derrière l'armoire de la chambre : que faire ?"
    assert doc.date == "2025-02-12T21:14"


def test_title_past_a_long_menu_and_section_kickers(run):
    """Fifty menu lines, most of them removed buttons, do not push the headline out of the title search, and the
    section kickers between breadcrumb and headline are no title."""
    # Buttons the navigation stage removes, then section names it leaves to the boilerplate stage.
    menu = "\n".join(
        ["Anmelden", "Suche", "Menü", "Teilen", "Drucken", "Merken"] * 6 + [f"Rubrik {n}" for n in range(15)]
    )
    doc = run(
        f"Leserservice 08341 5537-100\n{menu}\nStartseite > Lokales > Blaulicht\nBlaulicht\nPolizeibericht\n"
        "Blaulicht im Sandbachtal: Unfallflucht in Kirchwelden, Einbruch ins Vereinsheim\n"
        "Die Polizei meldet für das Wochenende mehrere Einsätze im Landkreis. Ein Überblick über die Meldungen "
        "aus den Gemeinden rund um Sandbach und die Hinweise, die die Beamten jetzt suchen.\n"
        "Von Redaktion\n03.03.2025, 11:20 Uhr\n"
    )
    assert doc.title == "Blaulicht im Sandbachtal: Unfallflucht in Kirchwelden, Einbruch ins Vereinsheim"


def test_unrecognised_byline_or_dated_line_is_no_title(run):
    """'By Jane Doe March 18 at 12:22 PM Follow @jane' carries a byline and a date: never the title."""
    doc = run(
        "By Steven Mufson March 18 at 12:22 PM Follow @StevenMufson\n\n"
        "The oil price fell again on Wednesday as storage tanks across the country filled up and producers "
        "kept pumping despite the glut that has weighed on the market for months.\n"
    )
    assert doc.title is None or not doc.title.startswith("By Steven Mufson")


def test_encyclopedia_subject_is_the_title(run):
    """A wiki page's name, a short line that the first paragraph opens with ('… is a landmark'), is its
    title, over an infobox heading."""
    doc = run(
        "Tidewright Wiki\nExplore\nSaltmere Lighthouse\nEdit\nTalk\nTidewright Chronicles (Chapter 4)\n"
        "Saltmere Lighthouse is a landmark and optional dungeon on the Saltmere Coast, reached by a causeway at "
        "low tide and guarded by the last keeper of the lamp.\n"
    )
    assert doc.title == "Saltmere Lighthouse"


def test_release_heading_with_a_date_is_no_date_line(run):
    """'Version 3.2.0 — 2025-01-28' heads a release's notes: it stays, and a docs generator's '#' after
    it goes."""
    doc = run(
        "Release notes\nThis page lists every change that affects users of the tool, newest release first, with "
        "the date each version was published.\nVersion 3.2.0 — 2025-01-28#\nAdded\n• A new --watch flag.\n"
        "Version 3.1.2 — 2024-12-10¶\nFixed\n• Long URLs in tables no longer overflow.\n"
    )
    assert_kept(doc, "Version 3.2.0 — 2025-01-28\n", "Version 3.1.2 — 2024-12-10\n")


@pytest.mark.parametrize(
    "headline",
    [
        "Por qué sube el precio de la luz en enero",
        "Von der Leyen kündigt neues Sanktionspaket an",
        "What changes for taxpayers on 1 January 2026",
    ],
)
def test_headline_opening_with_a_byline_word_or_naming_a_date_is_the_title(run, headline):
    """'Por …', 'Von der Leyen …' and a headline naming a date are headlines, not bylines or date lines."""
    bodies = {
        "Por": "El anuncio llegó el martes por la noche después de semanas de negociaciones entre los ministerios, "
        "y los responsables dijeron que los detalles se publicarán en el boletín oficial antes de fin de mes.",
        "Von": "Die Ankündigung kam am Dienstagabend nach wochenlangen Gesprächen zwischen den Ministerien, und "
        "die Einzelheiten sollen noch vor dem Ende des Monats im Amtsblatt veröffentlicht werden.",
        "What": "The announcement came late on Tuesday after weeks of talks between the ministries, and officials "
        "said the details would be published in the official journal before the end of the month.",
    }
    doc = run(f"{headline}\n\n{bodies[headline.split()[0]]}\n")
    assert doc.title == headline


def test_section_label_over_a_headline_that_opens_with_it_is_no_subject(run):
    """'Inflation' over 'Inflation eases to 2.1% …': a section label, not an encyclopedia's subject."""
    doc = run(
        "Inflation\nInflation eases to 2.1% as energy prices fall\n"
        "Inflation fell to 2.1 per cent in February as energy prices dropped for the third month running, "
        "the statistics office said on Wednesday.\n"
    )
    assert doc.title == "Inflation eases to 2.1% as energy prices fall"


def test_date_line_with_its_update_in_brackets(run):
    """'AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)': one line, the date and the update."""
    doc = run(
        "Un troisième Français mort dans le séisme\n"
        "AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38 )\n\n" + FR_BODY
    )
    assert doc.title == "Un troisième Français mort dans le séisme"
    assert doc.date == "2015-04-30T07:19"
    assert doc.modified == "2015-04-30T07:38"
    assert_dropped(doc, "AFP 30 avril 2015 à 07:19", "metadata", "date-line")


def test_a_section_name_over_the_mastheads_date_does_not_close_the_head(run):
    """'Monde' over the masthead's 'Journal numérique 30 avril 2015' reads like a one-word byline; the
    headline further down, signed by its own dated line, is the title, not the menu heading above."""
    doc = run(
        "• Se connecter\n"
        "Les rubriques Rechercher Mon profil\n"
        "Monde\n"
        "Journal numérique 30 avril 2015\n"
        "• Politique\n• Société\n"
        "Un troisième Français mort dans le séisme\n"
        "AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38 )\n\n" + FR_BODY
    )
    assert doc.title == "Un troisième Français mort dans le séisme"


def test_byline_with_the_authors_role(run):
    """'Par Hélène Marchetti, juriste': the name is the author, the role goes with the line."""
    doc = run("Dépôt de garantie : ce que le propriétaire peut retenir\nPar Hélène Marchetti, juriste\n\n" + FR_BODY)
    assert doc.author == "Hélène Marchetti"
    assert_dropped(doc, "Par Hélène Marchetti, juriste", "metadata", "byline")


def test_headline_under_a_breadcrumb_copied_one_item_per_line(run):
    """'Accueil', '>', 'Logement', '>', 'Vos droits', then kickers and the question the page answers, signed
    by its date: that question is the title, not the masthead's tagline, which goes."""
    doc = run(
        "CONSO PRATIQUE\nLe magazine qui défend vos intérêts\nRechercher\nAccueil\n>\nLogement\n>\nVos droits\n"
        "Question de lecteur\n"
        "Dépôt de garantie : mon propriétaire peut-il retenir une somme pour l'usure du logement ?\n"
        "Publié le 22 janvier 2025 à 10h15\n\n" + FR_BODY
    )
    assert doc.title == "Dépôt de garantie : mon propriétaire peut-il retenir une somme pour l'usure du logement ?"
    assert "Le magazine qui défend vos intérêts" not in doc.kept_text()


def test_headline_and_its_deck_under_the_breadcrumb(run):
    """Two headings under the crumb and its kicker, the byline under the second: the first is the headline."""
    doc = run(
        "Sport\n›\nFootball\n›\nWexham Town\nMATCH REPORT\n"
        "Wexham Town 2-1 Brackmoor Rovers: Okonjo's late header settles fiery derby at Quayside Park\n"
        "Substitute strikes in the 88th minute to send the Mariners up to fourth\n"
        "By Craig Holloway\nPublished: 17:58, 15 February 2025\n\n" + EN_BODY
    )
    assert doc.title == "Wexham Town 2-1 Brackmoor Rovers: Okonjo's late header settles fiery derby at Quayside Park"


def test_byline_with_the_authors_role_in_brackets(run):
    """'Par Claire Vautrin (correspondante locale de presse)': the name without the bracketed role."""
    doc = run(
        "Montfaucher pleure son ancien instituteur\nPar Claire Vautrin (correspondante locale de presse)\n\n" + FR_BODY
    )
    assert doc.author == "Claire Vautrin"
    assert_dropped(doc, "Par Claire Vautrin", "metadata", "byline")
