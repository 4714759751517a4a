"""Calls to action and live-blog chrome: 'follow our live', newsletters, bare timestamps, live-blog pages."""

from __future__ import annotations

from tests.conftest import assert_dropped, assert_kept, assert_span_dropped, find_block


def test_french_follow_our_live_line_and_sentence(run):
    """'Suivez notre direct' goes as a line, and as a sentence inside a paragraph whose rest stays."""
    doc = run(
        "Grève dans les transports : le trafic très perturbé\n\n"
        "Le trafic des trains régionaux est très perturbé ce jeudi en raison d'un mouvement de grève lancé par "
        "plusieurs syndicats contre la réforme des horaires.\n\n"
        "Suivez notre direct\n\n"
        "La direction de la compagnie a appelé les voyageurs à reporter leurs déplacements. Suivez notre direct "
        "pour connaître l'évolution de la situation.\n\n"
        "Abonnez-vous à notre newsletter\n"
    )
    assert_dropped(doc, "Suivez notre direct", "calls_to_action", "call-to-action")
    assert_span_dropped(doc, "Suivez notre direct pour connaître", "calls_to_action", "call-to-action")
    assert_dropped(doc, "Abonnez-vous à notre newsletter", "calls_to_action")
    assert_kept(doc, "Le trafic des trains régionaux", "La direction de la compagnie a appelé les voyageurs")
    assert doc.page_type == "article"


def test_english_newsletter_sentence_goes_as_span(run):
    """'Sign up for our newsletter …' inside a paragraph goes; the sentence before it stays."""
    doc = run(
        "Transport strike hits regional trains\n\n"
        "Regional train services were badly disrupted on Thursday by a strike called by several unions against "
        "the new timetable reform.\n\n"
        "The company urged passengers to postpone their journeys. Sign up for our newsletter to get the latest "
        "travel updates every morning.\n"
    )
    assert_span_dropped(doc, "Sign up for our newsletter to get", "calls_to_action", "call-to-action")
    assert_kept(doc, "Regional train services", "The company urged passengers to postpone their journeys.")


def test_french_liveblog_timestamps_make_a_liveblog(run):
    """Bare timestamps go, posts stay, 'Minute par minute' goes, and three stamps make a live blog."""
    doc = run(
        "Grève nationale : la journée en direct\n\n"
        "Minute par minute\n\n"
        "09:40\n\n"
        "Les premiers cortèges se sont formés devant la gare centrale, où plusieurs centaines de manifestants "
        "se sont rassemblés malgré la pluie.\n\n"
        "10:15\n\n"
        "La préfecture annonce que la circulation est interrompue sur le boulevard principal jusqu'à nouvel "
        "ordre.\n\n"
        "11:02\n\n"
        "Les syndicats revendiquent une forte mobilisation dans toutes les grandes villes du pays.\n"
    )
    assert_dropped(doc, "Minute par minute", "calls_to_action", "liveblog-chrome")
    for stamp in ("09:40", "10:15", "11:02"):
        assert_dropped(doc, stamp, "calls_to_action", "timestamp")
    assert doc.page_type == "liveblog"
    assert_kept(doc, "Les premiers cortèges", "La préfecture annonce", "Les syndicats revendiquent")


def test_spanish_two_timestamps_are_not_a_liveblog(run):
    """Two bare timestamps go, but fewer than three leave the page an article; 'Sigue nuestro directo' goes."""
    doc = run(
        "Huelga en el transporte\n\n"
        "El tráfico de trenes regionales está muy afectado este jueves por una huelga convocada por varios "
        "sindicatos contra la reforma de los horarios.\n\n"
        "09:40\n\n"
        "Los primeros manifestantes se concentraron frente a la estación central a primera hora de la mañana.\n\n"
        "10:15\n\n"
        "La policía cortó el tráfico en la avenida principal hasta nuevo aviso.\n\n"
        "Sigue nuestro directo\n"
    )
    assert_dropped(doc, "09:40", "calls_to_action", "timestamp")
    assert_dropped(doc, "10:15", "calls_to_action", "timestamp")
    assert_dropped(doc, "Sigue nuestro directo", "calls_to_action", "call-to-action")
    assert doc.page_type == "article"
    assert_kept(doc, "Los primeros manifestantes", "La policía cortó el tráfico")


def test_timestamp_glued_to_post_heading_goes_heading_stays(run):
    """A live-blog post heading loses its trailing time and keeps its words."""
    doc = run(
        "Transport strike hits regional trains\n\n"
        "Regional train services were badly disrupted on Thursday by a strike called by several unions against "
        "the new timetable reform.\n\n"
        "PROTESTERS GATHER AT STATION 10:15\n\n"
        "Hundreds of protesters gathered outside the central station despite the rain, chanting slogans against "
        "the reform.\n"
    )
    assert_span_dropped(doc, "10:15", "calls_to_action", "timestamp")
    assert find_block(doc, "PROTESTERS GATHER AT STATION").keep
    assert_kept(doc, "PROTESTERS GATHER AT STATION", "Hundreds of protesters gathered")
    assert "10:15" not in doc.kept_text()


def test_time_inside_a_sentence_stays(run):
    """A clock time inside a prose sentence is not live-blog chrome."""
    sentence = "The first train left the station at 10:15 with only a handful of passengers on board."
    doc = run(
        "Transport strike hits regional trains\n\n"
        "Regional train services were badly disrupted on Thursday by a strike called by several unions against "
        "the new timetable reform.\n\n" + sentence + "\n"
    )
    assert_kept(doc, sentence)


def test_short_question_leading_into_a_call_to_action_goes_with_it(run):
    """'Enjoying Slow Miles? This blog has no ads… buy me a coffee…': the lead-in question goes too;
    a statement before a call to action stays."""
    doc = run(
        "The ride from the coast to the hills takes three days at an easy pace, with two nights in small "
        "guesthouses along the old railway path.\n\n"
        "Enjoying Slow Miles? This blog has no ads and no sponsors, so you can buy me a coffee to keep it going.\n\n"
        "The vote was close on Tuesday night. Sign up for our newsletter to get the result first.\n"
    )
    assert "Enjoying Slow Miles?" not in doc.kept_text()
    assert "The vote was close on Tuesday night." in doc.kept_text()
    assert "Sign up for our newsletter" not in doc.kept_text()


def test_date_lines_and_a_player_position_are_no_post_stamps(run):
    """'Publié le 17/06/2025 à 19h42', 'Mis à jour … à 21h05' and a player's '00:00 / 01:24' do not
    make an article a live blog."""
    doc = run(
        "Un motard grièvement blessé près de Bourges\nPublié le 17/06/2025 à 19h42\n"
        "Mis à jour le 17/06/2025 à 21h05\nVidéo\n00:00 / 01:24\n\n"
        "Un motard de 34 ans a été grièvement blessé mardi en fin d'après-midi dans une collision avec un "
        "tracteur sur une route départementale au nord de Bourges.\n"
    )
    assert doc.page_type == "article"


def test_affiliate_box_marked_with_asterisks_goes(run):
    """Buttons ending in '*' point to the page's '*Affiliate-Link' footnote: they go, with the pitch
    between them; without such a footnote an asterisk is just an asterisk."""
    body = (
        "Wer seit Jahren in der Grundversorgung steckt, zahlt oft deutlich mehr als nötig, und der Wechsel "
        "dauert nur wenige Minuten, wenn man die letzte Jahresabrechnung zur Hand hat."
    )
    box = (
        "Jetzt Tarife vergleichen*\nFinden Sie in zwei Minuten den günstigsten Tarif für Ihre Postleitzahl.\n"
        "Zum Tarifrechner*\n"
    )
    note = "*Affiliate-Link: Schließen Sie über diesen Link einen Vertrag ab, erhalten wir eine Provision."
    doc = run(f"{body}\n\n{box}{note}\n\n{body}")
    assert_dropped(doc, "Jetzt Tarife vergleichen*", "calls_to_action", "affiliate-button")
    assert_dropped(doc, "Finden Sie in zwei Minuten", "calls_to_action", "affiliate-button")
    assert_dropped(doc, "Zum Tarifrechner*", "calls_to_action", "affiliate-button")
    doc = run(f"{body}\n\n{box}\n{body}")
    assert_kept(doc, "Finden Sie in zwei Minuten")


def test_pointing_hand_opens_a_link_line_or_a_glued_link(run):
    """'👉 Reserva tu hotel aquí' is a link: alone on its line it goes, glued after a paragraph's last
    sentence it goes as a span and the paragraph stays."""
    body = (
        "Comimos en una casa de comidas familiar junto a la catedral, con un menú del día muy completo y "
        "un trato excelente por parte de los dueños, que nos recomendaron varias rutas."
    )
    other = (
        "Para dormir elegimos una casa rural a las afueras, tranquila y con vistas al río, donde el desayuno "
        "casero fue lo mejor del viaje."
    )
    doc = run(f"{body}\n\n👉 Reserva tu hotel aquí\n\n{other} 👉 Ver precios en Booking\n")
    assert_dropped(doc, "👉 Reserva tu hotel aquí", "calls_to_action", "call-to-action")
    assert_span_dropped(doc, "👉 Ver precios en Booking", "calls_to_action", "call-to-action")
    assert_kept(doc, "donde el desayuno casero fue lo mejor del viaje.")


def test_newsletter_pitch_between_header_and_form_goes(run):
    """The one-sentence pitch of a newsletter box, between its header and its button, goes with them;
    a sentence after a newsletter mention in the text stays."""
    body = (
        "La grève des enseignants a été très suivie ce jeudi dans les écoles du département, selon les "
        "syndicats qui revendiquent plus de la moitié de grévistes dans le premier degré."
    )
    doc = run(
        f"{body}\n\nNewsletter Éducation\nChaque mercredi, l'essentiel de l'actualité de l'école dans votre boîte "
        "mail.\nS'inscrire\nMentions légales\n"
    )
    assert_dropped(doc, "Chaque mercredi", "calls_to_action", "newsletter-pitch")
    assert_dropped(doc, "Newsletter Éducation", "calls_to_action", "newsletter-pitch")
    assert_kept(doc, body)


def test_load_more_buttons_of_live_blogs(pipeline):
    live = pipeline.context.lexicon["liveblog"]
    assert live.is_line("Voir plus de posts") and live.is_line("Load more updates")
    assert live.is_line("Cargar más publicaciones")


def test_newsletter_pitch_under_the_letters_name_goes(run):
    """'Newsletter', then the letter's own name, then the pitch over the form's field: the pitch goes."""
    body = (
        "Der Stadtrat hat am Dienstagabend beschlossen, in den nördlichen Stadtteilen zwölf Kilometer "
        "geschützte Radwege zu bauen, die sich die Anwohner seit Jahren wünschen."
    )
    doc = run(
        f"{body}\n\nNewsletter\nDer Wochenrückblick\nDie wichtigsten Texte der Woche, jeden Samstag in Ihrem Postfach."
        "\nE-Mail-Adresse\nJetzt anmelden\n"
    )
    assert_dropped(doc, "Die wichtigsten Texte der Woche", "calls_to_action", "newsletter-pitch")
    assert_kept(doc, body)


def test_paywall_notes_and_first_month_offers_go(run):
    """A subscriber-only article's note and a first-month offer are the paywall's, in each language."""
    cases = {
        "de": (
            "Sie lesen einen Plus-Artikel. Vielen Dank für Ihr Abonnement.",
            "Lesen Sie alle Artikel auf unserer Seite für 2,99 € im ersten Monat.",
            "Der Stadtrat hat am Dienstagabend beschlossen, in den nördlichen Stadtteilen zwölf Kilometer "
            "geschützte Radwege zu bauen, die sich die Anwohner seit Jahren wünschen.",
        ),
        "en": (
            "You're reading a subscriber-only article. Thank you for subscribing.",
            "Read all our journalism for £1 for the first month.",
            "The city council voted on Tuesday evening to build twelve kilometres of protected bicycle lanes "
            "across the northern districts, a plan that residents had requested for years.",
        ),
    }
    for note, offer, body in cases.values():
        doc = run(f"{note}\n{body}\n\n{offer}\n")
        for line in (note, offer):
            assert line.split(".")[0] not in doc.kept_text(), line
        assert_kept(doc, body)


def test_affiliate_commission_disclosures_go(run):
    """'We may earn a commission …' opens a roundup; it is a disclosure, not the article."""
    body = (
        "We walked more than four hundred kilometres in twelve pairs of boots this year, on wet moorland, "
        "scree and long forest roads, to find the ones worth your money."
    )
    doc = run(f"We may earn a commission when you buy through links on our site.\n{body}\n")
    assert "We may earn a commission" not in doc.kept_text()
    assert_kept(doc, body)


def test_consent_banner_sentence_naming_partners_goes(run):
    """'We and our 148 partners store and access information on your device, such as cookies, …'"""
    body = (
        "The three-day riverside festival is adding a second stage this year, and organisers expect more "
        "than twenty thousand people across the weekend."
    )
    doc = run(
        "We and our 148 partners store and access information on your device, such as cookies, and process "
        "personal data to deliver personalised ads and content. You can change your choices at any time by "
        f"selecting Privacy settings at the bottom of the page.\n{body}\n"
    )
    assert "148 partners" not in doc.kept_text()
    assert_kept(doc, body)


def test_ad_box_of_label_pitch_and_offer_button_goes(run):
    """'Publicité', a one-line pitch and its 'Comparer les devis' button are an ad between two posts; an
    'Anzeige' label between two paragraphs of an article takes nothing with it."""
    post = (
        "Le mur en question est un mur extérieur orienté nord. L'armoire était collée au mur depuis trois ans "
        "et nous n'avions jamais regardé derrière avant de déménager les meubles ce printemps."
    )
    doc = run(
        f"{post}\nPublicité\nVous avez un projet de travaux ? Recevez jusqu'à 3 devis gratuits près de chez vous.\n"
        f"Comparer les devis\n{post.replace('trois ans', 'deux ans')}\n"
    )
    assert_dropped(doc, "Recevez jusqu'à 3 devis gratuits", "calls_to_action", "ad")
    assert_dropped(doc, "Comparer les devis", "calls_to_action", "ad")
    paras = [
        "Der SV Grünhagen drehte das Spiel in der zweiten Halbzeit, als der eingewechselte Stürmer kurz vor "
        "Schluss traf.",
        "Lange sah es nach einer Nullnummer aus, weil beide Mannschaften vor dem Tor die Geduld verloren.",
        "Mehr Ballbesitz hatten die Gäste, die gefährlicheren Chancen aber die Gastgeber.",
    ]
    doc = run("\nAnzeige\n".join(paras) + "\n")
    assert_kept(doc, *paras)


def test_sponsor_reads_and_opinion_disclaimers_go(run):
    """A podcast's sponsor read and listener offer, and an opinion page's disclaimer."""
    body = (
        "In this episode we talk to a sound recordist who has spent ten years recording cities at night, "
        "and about what the constant low hum of machines does to sleep."
    )
    lines = [
        "This episode is brought to you by Lumen & Loom.",
        "Listeners of the show get 20% off their first order with code STATIC.",
        "Support the show on Patchbook for ad-free episodes and bonus interviews.",
    ]
    doc = run(body + "\n" + "\n".join(lines) + "\n")
    for line in lines:
        assert line not in doc.kept_text()
    assert_kept(doc, body)
    col = (
        "En la mayoría de las ciudades andaluzas el metro cúbico de agua cuesta menos que un café, y esa "
        "señal de precio no anima a nadie a cerrar el grifo."
    )
    doc = run(f"{col}\nLas opiniones expresadas son responsabilidad exclusiva de su autora.\n")
    assert "Las opiniones expresadas" not in doc.kept_text()


def test_french_paywall_and_disclaimer_lines_and_generic_buttons(run):
    """French paywall notes and disclaimers are patterns (they go); a 'Recommended' note over a tutorial's
    'Get started' section is no ad box."""
    body = (
        "Le conseil municipal a voté mardi soir la construction de douze kilomètres de pistes cyclables "
        "protégées dans les quartiers nord de la ville."
    )
    doc = run(
        f"Vous lisez un article réservé aux abonnés.\n{body}\nLes opinions exprimées ici n'engagent que leur auteur.\n"
    )
    assert doc.kept_text().strip() == body
    step = "Python 3.12 or newer, and a separate virtual environment for each project you work on."
    doc = run(f"{body}\nRecommended\n{step}\nGet started\n{body.replace('douze', 'quinze')}\n")
    assert not any(b.reason == "ad" for b in doc.blocks)


def test_ad_box_whose_pitch_names_the_product_first(run):
    """'Anzeige', the product's name, a one-line pitch and 'Jetzt ansehen': the pitch may take a few lines."""
    paras = [
        "Drei trockene Sommer in Folge haben die Lage verschärft. Viele Bäume, die die Dürre überlebt haben, "
        "sind so geschwächt, dass Pilze und Schädlinge leichtes Spiel haben.",
        "Die Städte reagieren, so gut sie können. Mittelhausen hat seine Flotte von Gießwagen verdoppelt und "
        "bittet die Anwohner um Hilfe beim Wässern der jungen Bäume.",
    ]
    doc = run(
        f"{paras[0]}\nAnzeige\nGartenPro Bewässerungsset „AquaFlow 300“\n"
        "Automatische Tröpfchenbewässerung für Balkon und Garten – jetzt 20 % günstiger\nJetzt ansehen\n"
        f"{paras[1]}\n"
    )
    for line in ("AquaFlow 300", "Automatische Tröpfchenbewässerung", "Jetzt ansehen"):
        assert_dropped(doc, line, "calls_to_action", "ad")
    assert_kept(doc, *paras)


def test_paywall_box_and_sponsor_promo_codes_go(run):
    """Where the rest is for subscribers, the offer's small print, and a sponsor's promo code, in four languages."""
    body = (
        "Commencez par demander par écrit à votre propriétaire le détail des sommes retenues, avec les "
        "factures ou les devis qui les justifient, puis envoyez une lettre recommandée."
    )
    doc = run(
        f"{body}\nLa suite est réservée aux abonnés\n"
        "Profitez de tous nos articles, tests et lettres types à partir de 1 € le premier mois.\n"
        "Sans engagement, résiliable à tout moment\n"
    )
    for line in ("La suite est réservée aux abonnés", "Profitez de tous nos articles", "Sans engagement"):
        assert_dropped(doc, line, "calls_to_action")
    assert_kept(doc, body)
    for line in (
        "Visit greenlinebikes.example and use code ROOTED for 15% off your first order.",
        "Entra en la web y con el código RAIZ tienes un 15 % de descuento.",
        "Mit dem Code WURZEL erhalten Sie 15 % Rabatt auf Ihre erste Bestellung.",
        "The rest of this article is for subscribers",
    ):
        doc = run(f"{body}\n\n{line}\n")
        assert_dropped(doc, line, "calls_to_action")


def test_a_qa_sites_prompt_under_its_answers_goes(run):
    """'Kennst du die Antwort? Hilf anderen Mitgliedern weiter.' asks the reader to answer: not an answer."""
    answer = (
        "Miss am besten an mehreren kalten Morgen hintereinander und schreib dir die Werte zusammen mit der "
        "Außentemperatur auf, dann siehst du, ob die Feuchtigkeit wirklich vom Lüften kommt."
    )
    doc = run(f"{answer}\n\nKennst du die Antwort? Hilf anderen Mitgliedern weiter.\n")
    assert "Kennst du" not in doc.kept_text() and "Hilf anderen" not in doc.kept_text()
    assert_kept(doc, answer)


def test_a_betting_ad_and_its_small_print_go_a_tickers_headline_stays(run):
    """'Anzeige', the bookmaker, its odds and 'Jetzt wetten' are an ad; '18+ | Glücksspiel kann süchtig machen'
    its small print. 'Liveticker: <headline>' is the ticker's headline, not its label."""
    entry = (
        "Riesenchance für Nordhafen! Jessen läuft allein auf den Torhüter zu, scheitert aber an dessen Fuß, "
        "und der Nachschuss landet auf dem Tribünendach."
    )
    doc = run(
        "Liveticker: Nordhafen dreht das Spiel gegen Lindental in der Schlussphase\n\n"
        f"{entry}\nAnzeige\nWettHafen\nNächstes Tor: Nordhafen 1,85 · Kein Tor 2,40 · Lindental 4,50\n"
        "Jetzt wetten\n18+ | Glücksspiel kann süchtig machen | Hilfe: 0800 555 01 23\n"
        f"{entry.replace('Riesenchance', 'Nächste Chance')}\n"
    )
    assert doc.title == "Liveticker: Nordhafen dreht das Spiel gegen Lindental in der Schlussphase"
    for line in ("WettHafen", "Nächstes Tor: Nordhafen 1,85", "Jetzt wetten"):
        assert_dropped(doc, line, "calls_to_action", "ad")
    assert_dropped(doc, "18+ | Glücksspiel kann süchtig machen", "calls_to_action")
    assert_kept(doc, entry)


def test_a_football_tickers_minute_marks_make_a_live_blog(run):
    """ "88'", "90.+3'", "45'+2" on lines of their own stamp a live ticker's entries, as clock times do."""
    entries = [
        "Schluss am Deich! Schiedsrichter Renner pfeift ab, der FC Nordhafen gewinnt nach Rückstand mit 2:1.",
        "Lindental wirft noch einmal alles nach vorne, auch der Torhüter kommt bei der letzten Ecke mit.",
        "Drei Minuten Nachspielzeit werden angezeigt, die Zuschauer pfeifen bei jeder Unterbrechung.",
        "Letzte Aktion vor der Pause: ein Kopfball nach einer Freistoßflanke geht knapp am Pfosten vorbei.",
    ]
    doc = run(
        "".join(f"{mark}\n{text}\n" for mark, text in zip(("90.+4'", "90.+3'", "90'", "45'+2"), entries, strict=True))
    )
    assert doc.page_type == "liveblog"
    assert_dropped(doc, "90.+3'", "calls_to_action", "timestamp")
    assert_kept(doc, *entries)


def test_affiliate_disclosures_of_a_roundup_go(run):
    """'Tidyhome Review is reader-supported.' and the prices' small print are the site's, not the review's."""
    body = (
        "Every vacuum goes through the same routine: in our lab we spread a measured mix of sand, rice and pet hair "
        "on carpet and hard floor, then weigh what each machine picks up in one pass."
    )
    doc = run(
        f"{body}\n\nTidyhome Review is reader-supported.\n\n"
        "Prices were accurate at the time of publishing but may change.\n"
    )
    assert "reader-supported" not in doc.kept_text() and "Prices were accurate" not in doc.kept_text()
    assert_kept(doc, body)


def test_a_transcripts_editing_note_and_a_broadcasters_appeal_go(run):
    """'This transcript has been edited for length and clarity.' and '… supported by listeners like you.'"""
    turn = (
        "HOST: You spent six winters on the ice shelf. What surprised you most about the people who live there "
        "year round, compared with the scientists who come and go?"
    )
    doc = run(
        f"{turn}\n\nThis transcript has been edited for length and clarity.\n\n"
        "Tidewater Public Media is a member station supported by listeners like you.\n"
    )
    assert "edited for length" not in doc.kept_text() and "listeners like you" not in doc.kept_text()
    assert_kept(doc, turn)
