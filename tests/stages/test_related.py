"""Related stage: a 'read also' header and its teaser entries go; the prose after them stays."""

from __future__ import annotations

from tests.conftest import assert_dropped, assert_kept


def test_english_read_also_block(run):
    """'Read also' and its titles go; the following paragraph stays."""
    doc = run(
        "Local bakery wins national prize\n\n"
        "A small family bakery in the old town has won the national bread prize this year, beating more than "
        "two hundred competitors from across the country.\n\n"
        "Read also\nFlour prices climb for the third month in a row\nHow a village saved its last grocery shop\n"
        "Ten places to eat well on a small budget\n\n"
        "The owners said they would keep their prices unchanged and thanked the customers who had queued in the "
        "rain on Saturday to congratulate them.\n"
    )
    assert_dropped(doc, "Read also", "related", "related-header")
    for title in ("Flour prices climb", "How a village saved", "Ten places to eat well"):
        assert_dropped(doc, title, "related", "related-teaser")
    assert_kept(doc, "A small family bakery", "The owners said they would keep their prices unchanged")


def test_french_a_lire_aussi_block_with_excerpt(run):
    """'À lire aussi' takes its titles and an excerpt ending in '…'; the next paragraph stays."""
    doc = run(
        "La boulangerie du vieux quartier remporte le prix national\n\n"
        "Une petite boulangerie familiale du vieux quartier a remporté cette année le prix national du pain, "
        "devant plus de deux cents concurrents venus de tout le pays.\n\n"
        "À lire aussi\nLe prix de la farine augmente pour le troisième mois consécutif\n"
        "Comment un village a sauvé sa dernière épicerie\n"
        "Les habitants du quartier ont découvert ce matin une vitrine entièrement refaite…\n\n"
        "Les propriétaires ont promis de ne pas augmenter leurs prix et ont remercié les clients venus les "
        "féliciter samedi sous la pluie.\n"
    )
    assert_dropped(doc, "À lire aussi", "related", "related-header")
    for title in ("Le prix de la farine", "Comment un village", "Les habitants du quartier ont découvert"):
        assert_dropped(doc, title, "related", "related-teaser")
    assert_kept(doc, "Une petite boulangerie familiale", "Les propriétaires ont promis")


def test_spanish_lee_tambien_block(run):
    """'Lee también' and its titles go; the following paragraph stays."""
    doc = run(
        "La panadería del casco antiguo gana el premio nacional\n\n"
        "Una pequeña panadería familiar del casco antiguo ha ganado este año el premio nacional del pan, por "
        "delante de más de doscientos competidores de todo el país.\n\n"
        "Lee también\nEl precio de la harina sube por tercer mes consecutivo\n"
        "Cómo un pueblo salvó su última tienda de comestibles\n\n"
        "Los dueños prometieron no subir los precios y dieron las gracias a los clientes que hicieron cola bajo "
        "la lluvia el sábado para felicitarlos.\n"
    )
    assert_dropped(doc, "Lee también", "related", "related-header")
    for title in ("El precio de la harina", "Cómo un pueblo salvó"):
        assert_dropped(doc, title, "related", "related-teaser")
    assert_kept(doc, "Una pequeña panadería familiar", "Los dueños prometieron no subir los precios")


def test_german_mehr_zum_thema_block(run):
    """'Mehr zum Thema' and its titles go; the following paragraph stays."""
    doc = run(
        "Bäckerei aus der Altstadt gewinnt Bundespreis\n\n"
        "Eine kleine Familienbäckerei aus der Altstadt hat in diesem Jahr den Bundespreis für Brot gewonnen und "
        "sich gegen mehr als zweihundert Mitbewerber durchgesetzt.\n\n"
        "Mehr zum Thema\nMehlpreise steigen den dritten Monat in Folge\nWie ein Dorf seinen letzten Laden rettete\n\n"
        "Die Inhaber wollen ihre Preise nicht erhöhen und bedankten sich bei den Kunden, die am Samstag im Regen "
        "Schlange standen, um ihnen zu gratulieren.\n"
    )
    assert_dropped(doc, "Mehr zum Thema", "related", "related-header")
    for title in ("Mehlpreise steigen", "Wie ein Dorf"):
        assert_dropped(doc, title, "related", "related-teaser")
    assert_kept(doc, "Eine kleine Familienbäckerei", "Die Inhaber wollen ihre Preise nicht erhöhen")


def test_single_teaser_links_go_on_their_own(run):
    """'Read more: <title>', 'Lire aussi : <title>' and 'Lee también: <title>' go as teaser links."""
    body = (
        "A small family bakery in the old town has won the national bread prize this year, beating more than "
        "two hundred competitors from across the country.\n\n"
        "Read more: Why sourdough is back in fashion\n\n"
        "The owners said they would keep their prices unchanged and thanked their customers.\n\n"
        "Lire aussi : Le pain au levain revient à la mode\n\n"
        "Lee también: El pan de masa madre vuelve a estar de moda\n"
    )
    doc = run(body)
    for line in ("Read more: Why sourdough", "Lire aussi : Le pain", "Lee también: El pan"):
        assert_dropped(doc, line, "related")
    assert_kept(doc, "A small family bakery", "The owners said they would keep their prices unchanged")


def test_news_ticker_of_timed_headlines_goes(run):
    """Three or more headlines led by a clock time in a row are a ticker; a single timed line stays."""
    body = (
        "Le conseil municipal a voté hier soir le budget de la piscine, après deux heures de débat sur le coût "
        "des travaux et le calendrier du chantier.\n\n"
        "• 14:44 Un incendie maîtrisé dans un entrepôt du port\n"
        "• 14:20 La ligne de tram coupée jusqu'à lundi\n"
        "• 13:58 Un nouveau directeur pour le conservatoire\n\n"
        "Les travaux commenceront en septembre et dureront un an, a précisé le maire.\n\n"
        "18:30 Réunion publique à la mairie\n"
    )
    doc = run(body)
    for line in ("Un incendie maîtrisé", "La ligne de tram coupée", "Un nouveau directeur"):
        assert_dropped(doc, line, "related", "news-ticker")
    assert_kept(doc, "Le conseil municipal a voté", "Les travaux commenceront en septembre", "Réunion publique")


def test_teaser_title_ending_in_a_question_mark_stays_in_the_block(run):
    """A teaser title that asks a question ends like a sentence but is still an entry of the block."""
    doc = run(
        "Die Registrierung erfolgt online auf der Website der Bundesnetzagentur und dauert in der Regel nur "
        "wenige Minuten, wenn alle Daten des Wechselrichters vorliegen.\n"
        "Ähnliche Beiträge\n"
        "Wärmepumpe im Altbau: Wann sie sich wirklich lohnt\n"
        "2. Mai 2025\n"
        "Stromspeicher für das Balkonkraftwerk: Sinnvoll oder Geldverschwendung?\n"
        "24. April 2025\n"
        "Solarförderung 2025: Diese Zuschüsse gibt es noch\n"
        "11. April 2025\n"
    )
    assert_dropped(doc, "Stromspeicher für das Balkonkraftwerk", "related", "related-teaser")
    assert_dropped(doc, "Solarförderung 2025", "related", "related-teaser")
    assert_kept(doc, "Die Registrierung erfolgt online")


def test_header_naming_an_author(run):
    """'More from <Name>' is a related header by pattern; its column titles go."""
    doc = run(
        "Schools should not cut Fridays to save money, and parents know exactly why that is the case.\n\n"
        "The trust's own consultation admits that it has not modelled the cost of childcare for families, "
        "which is a remarkable omission for a plan of this size.\n\n"
        "More from Hannah Okafor\nWhy I stopped marking homework at weekends\nThe exam season nobody talks about\n"
    )
    assert_dropped(doc, "More from Hannah Okafor", "related", "related-header")
    assert_dropped(doc, "Why I stopped marking homework", "related", "related-teaser")


def test_section_heading_after_a_teaser_ends_the_block(run):
    """A heading set apart by a blank line and followed by prose is the article's next section."""
    doc = run(
        "La passerelle de la Dourbie restera fermée jusqu'à l'automne, a annoncé le maire de la commune lors "
        "du conseil municipal de mardi soir.\n\n"
        "À lire aussi\nAveyron : la route départementale rouverte à la circulation\n\n"
        "Un chantier estimé à 1,2 million d'euros\n\n"
        "Le coût des travaux est estimé à 1,2 million d'euros. La commune a sollicité l'aide de l'État au titre "
        "des calamités publiques ainsi que celle du Département et de la Région.\n"
    )
    assert_dropped(doc, "Aveyron : la route départementale", "related", "related-teaser")
    assert_kept(doc, "Un chantier estimé à 1,2 million d'euros", "Le coût des travaux est estimé")


def test_about_the_company_section_of_a_press_release(run):
    """'About <Company>' in the second half of the page and the paragraph under it are boilerplate."""
    body = (
        "Halden Robotics today opened its new plant near Bristol, where two hundred people will build "
        "autonomous mowers for councils, golf courses and sports grounds across Europe.\n\n"
    )
    doc = run(
        body * 3 + "About Halden Robotics\n"
        "Halden Robotics Ltd designs and manufactures autonomous grounds-maintenance robots. Founded in 2016, "
        "it employs 340 people.\n"
    )
    assert_dropped(doc, "About Halden Robotics", "related", "about-header")
    assert_dropped(doc, "Halden Robotics Ltd designs and manufactures", "related", "about-section")
    assert_kept(doc, "Halden Robotics today opened its new plant")


def test_header_taken_for_a_ui_label_still_opens_its_block(run):
    """'READ MORE' is a navigation label too; dropped there, it still opens its teaser block."""
    doc = run(
        "Mensah scored twice as the home side came from behind to win the derby in front of a record crowd "
        "on a cold Saturday afternoon.\n\n"
        "READ MORE\nRovers manager Brennan signs new three-year deal\nCastleford fined after pitch invasion\n\n"
        "The decisive moment arrived two minutes from time, when the substitute curled a free kick into the "
        "top corner from twenty-five yards.\n"
    )
    assert_dropped(doc, "Rovers manager Brennan signs", "related", "related-teaser")
    assert_kept(doc, "The decisive moment arrived")


def test_header_left_over_the_next_section_by_the_extractor(pipeline):
    """trafilatura drops a 'read also' box's links and keeps its title: the section heading after it
    (an <h2> followed by prose) is the article's, not a teaser."""
    from cleaner.readers.html import read_html

    para = "<p>" + "Pendant une heure, les visiteurs ont été les plus justes et ont attendu leur moment. " * 3 + "</p>"
    page = (
        "<html><body><article><h1>Vendôme renverse Pornac</h1>"
        + para
        + para
        + '<div class="read-also"><p>À lire aussi</p><ul><li><a href="/a">Le classement complet</a></li>'
        '<li><a href="/b">Keita, le joker</a></li></ul></div>'
        "<h2>Pornac a longtemps tenu le match</h2>"
        + para.replace("visiteurs", "Pornicais")
        + para
        + "</article></body></html>"
    )
    doc = pipeline.run(read_html(page.encode(), "match.html"))
    assert "Pornac a longtemps tenu le match" in doc.kept_text()
    assert "Le classement complet" not in doc.kept_text()


def test_about_me_box_of_a_blog_goes(run):
    """'Sobre mí' / 'About me' in the second half of the page: the blogger's bio, not the post."""
    post = (
        "Albarracín se recorre en un día si madrugas, y merece la pena subir a la muralla al atardecer, "
        "cuando la piedra rojiza se enciende y el pueblo queda en silencio bajo el castillo."
    )
    bio = "Soy Lucía, periodista de formación y viajera lenta por vocación."
    doc = run(f"{post}\n\n{post.replace('muralla', 'catedral')}\n\nSobre mí\n{bio}\n")
    assert_dropped(doc, "Soy Lucía", "related", "about-section")
    assert_kept(doc, post)


def test_headline_over_its_own_read_more_button_is_a_teaser(run):
    """A premium teaser box: a headline, then 'Weiterlesen mit Plus'. The headline goes with its button;
    a section heading followed by prose stays."""
    para = (
        "Die Talbrücke bei Mittelbach bleibt für Lastwagen über 7,5 Tonnen bis mindestens Ende des Jahres "
        "gesperrt, teilte die Autobahn GmbH am Freitag mit."
    )
    doc = run(
        f"{para}\n\nUmleitung über die B 27\n{para.replace('Freitag', 'Montag')}\n\nPlus\n"
        "Pendeln in der Region: So viel Zeit verlieren Sie wirklich im Stau\nWeiterlesen mit Plus\n"
    )
    assert_dropped(doc, "Pendeln in der Region", "related", "related-teaser")
    assert_kept(doc, "Umleitung über die B 27")


BREAKING_BODY = (
    "The harbour authority confirmed on Monday that the old ferry terminal will close at the end of the year, "
    "and that passengers will use the new terminal on the eastern quay from January."
)


def test_breaking_ticker_above_the_headline_goes(run):
    """A 'Breaking:' line in the page's top bar, over menus and the headline, links to another story."""
    doc = run(
        "Home\nNews\nSport\nBreaking: Delays on the ring road after a lorry sheds its load\nSubscribe\n"
        f"Ferry terminal to close at the end of the year\n{BREAKING_BODY}\n"
    )
    assert_dropped(doc, "Breaking: Delays on the ring road", "related", "news-ticker")
    assert_kept(doc, BREAKING_BODY)


def test_spanish_ultima_hora_ticker_goes(run):
    """'Última hora: …' over section labels is the site's ticker."""
    body = (
        "El ayuntamiento aprobó el martes por la noche la construcción de doce kilómetros de carriles bici "
        "protegidos en los barrios del norte, un proyecto que los vecinos reclamaban desde hace años."
    )
    doc = run(f"Última hora: El Gobierno aprueba el nuevo plan de vivienda\nELECCIONES 2025\nDIRECTO\n{body}\n")
    assert_dropped(doc, "Última hora: El Gobierno aprueba", "related", "news-ticker")
    assert_kept(doc, body)


def test_breaking_entry_of_a_live_blog_with_its_text_stays(run):
    """A live blog's 'Breaking:' entry over its own paragraph is text."""
    first = (
        "Strong winds closed the coastal road on Sunday night, and the first ferries of the morning stayed "
        "in port while crews checked the moorings along the quay."
    )
    doc = run(
        f"Harbour live: every update of the day\n{first}\n\n14:32\nBreaking: Ferry terminal to close\n"
        f"{BREAKING_BODY}\n\nMore updates follow through the day.\n"
    )
    assert_kept(doc, "Breaking: Ferry terminal to close", BREAKING_BODY)


def test_about_the_author_after_a_long_comment_section(run):
    """'Über den Autor' under an interview is the author's box even when a long footer and comment
    section, already removed, make it stand in the first half of the page's lines."""
    answer = (
        "Man gewöhnt sich daran, aber man wird nie ganz warm mit der Hitze, wenn Sie das meinen. Im Sommer "
        "arbeiten wir deshalb früh am Morgen, bevor die Sonne auf das Dach der alten Hütte brennt."
    )
    footer = "\n".join(["Impressum", "Datenschutz", "Kontakt", "Cookie-Einstellungen"] * 12)
    doc = run(
        f"{answer}\n\n{answer.replace('Sommer', 'Winter')}\n\nÜber den Autor\nBenedikt Aurich\n"
        "Benedikt Aurich ist Redakteur im Ressort Gesellschaft und schreibt über Arbeit und Handwerk.\n"
        f"{footer}\n"
    )
    assert_dropped(doc, "Benedikt Aurich ist Redakteur", "related", "about-section")
    assert_kept(doc, answer)


def test_reference_entries_and_external_links_of_an_encyclopedia_page_go(run):
    """'↑ …' lines are reference entries; 'Weblinks', its '[edit]' link cut as a span, opens a link list."""
    body = (
        "Kleinwendorf ist eine Gemeinde im Landkreis Ostermoor. Das Dorf liegt am Rand des großen Moores "
        "und wurde im Jahr 1183 zum ersten Mal in einer Urkunde des Klosters erwähnt."
    )
    doc = run(
        f"{body}\n\n{body.replace('1183', '1190').replace('Gemeinde', 'Ortschaft')}\n"
        "Einzelnachweise[Bearbeiten | Quelltext bearbeiten]\n"
        "↑ Landesamt für Statistik: Bevölkerung der Gemeinden am 31. Dezember 2023. Abgerufen am 12. März 2024.\n"
        "↑ Hermann Wiebking: Urkundenbuch des Klosters. Band 1, Hallenbeck 1931, S. 88.\n"
        "Weblinks[Bearbeiten | Quelltext bearbeiten]\n"
        "Commons: Kleinwendorf – Sammlung von Bildern, Videos und Audiodateien\n"
    )
    assert_dropped(doc, "↑ Landesamt für Statistik", "related", "reference")
    assert_dropped(doc, "Weblinks", "related", "related-header")
    assert_dropped(doc, "Commons: Kleinwendorf", "related", "related-teaser")
    assert_kept(doc, body)


def test_a_single_arrow_line_is_no_reference_list(run):
    """One line opening with an arrow is not a list of references."""
    line = "↑ Nach oben zum Anfang der Seite springen und weiterlesen, wo die Geschichte des Dorfes beginnt."
    body = (
        "Kleinwendorf ist eine Gemeinde im Landkreis Ostermoor. Das Dorf liegt am Rand des großen Moores "
        "und wurde im Jahr 1183 zum ersten Mal in einer Urkunde des Klosters erwähnt."
    )
    doc = run(f"{body}\n{line}\n\n{body.replace('1183', '1190')}\n")
    assert not any(b.reason == "reference" for b in doc.blocks)


def test_podcast_chapters_are_no_news_ticker(run):
    """Offsets rising from 00:00 ("04:12 Why the hum …") are an episode's chapters and stay; clock times
    running newest first are a ticker."""
    notes = (
        "In this episode we talk to a sound recordist who has spent ten years recording cities at night, "
        "and about what the constant low hum of machines does to sleep."
    )
    chapters = ["00:00 Introduction", "04:12 Why the hum is worse than the siren", "11:48 What a decibel reading hides"]
    doc = run(f"{notes}\n" + "\n".join(chapters) + f"\n{notes.replace('ten', 'twelve')}\n")
    assert_kept(doc, *chapters)
    ticker = ["14:44 Council votes on budget", "14:30 Road closed after crash", "14:05 Weather warning issued"]
    doc = run(f"{notes}\n" + "\n".join(ticker) + f"\n{notes.replace('ten', 'twelve')}\n")
    assert_dropped(doc, "14:30 Road closed after crash", "related", "news-ticker")


def test_references_as_list_items_go(run):
    """Reference entries extracted as list items ("• ↑ …") are references all the same."""
    body = (
        "Vauclerc-sur-Orbize est une commune rurale du Haut-Verlande, située sur les deux rives de l'Orbize, "
        "connue pour sa verrerie royale fondée au seizième siècle."
    )
    doc = run(
        f"{body}\n• ↑ Henriette Lamboley, Les verriers de la vallée de l'Orbize, 2004, p. 12.\n"
        "• ↑ « Le musée du verre fête ses dix ans », Le Courrier, 3 mai 2019.\n"
    )
    assert_dropped(doc, "Henriette Lamboley", "related", "reference")
    assert_kept(doc, body)


def test_breaking_sentence_of_a_live_blog_stays_and_league_arrows_are_no_references(run):
    """A live blog's alert written as a sentence is text; '↑ VfB klettert auf Platz 5' cites nothing."""
    alert = (
        "Breaking: The prime minister has resigned after losing a confidence vote by 312 votes to 306, "
        "ending eighteen turbulent months in office."
    )
    body = (
        "MPs gathered in the chamber shortly after noon, and the result was read out to a packed house "
        "that fell silent before the opposition benches began to cheer."
    )
    doc = run(f"{body}\n\n{alert}\nWhat happens next\n{body.replace('noon', 'two')}\n")
    assert_kept(doc, alert)
    moves = "↑ VfB Stuttgart klettert von Platz 7 auf Platz 5\n↑ SC Freiburg springt von Platz 9 auf Platz 6\n"
    report = (
        "Der Spieltag hat die Tabelle ordentlich durcheinandergewirbelt, weil gleich drei Teams aus dem "
        "Mittelfeld ihre Spiele deutlich gewonnen haben."
    )
    doc = run(f"{report}\n{moves}\n{report.replace('drei', 'vier')}\n")
    assert_kept(doc, "↑ VfB Stuttgart klettert von Platz 7 auf Platz 5")


def test_breaking_label_over_the_tickers_headlines_at_the_top(run):
    """'BREAKING' on a line of its own at the top, over two headlines: the ticker goes."""
    body = (
        "Councillors approved the plan for three hundred homes on the former dairy site by seven votes to "
        "four on Tuesday evening, after a debate that lasted more than three hours."
    )
    doc = run(
        "BREAKING\nRing road closed in both directions after lorry fire\nPolice appeal for witnesses after assault\n"
        f"Skip to main content\nHomes plan approved for old dairy site\n{body}\n"
    )
    assert_dropped(doc, "Ring road closed in both directions", "related", "news-ticker")
    assert_dropped(doc, "Police appeal for witnesses", "related", "news-ticker")
    assert_kept(doc, body)


def test_affiliate_box_of_product_price_and_shop_button_goes(run):
    """A product's name over 'Desde 74,90 €' and 'Ver en Amazon' is an affiliate box; 'À lire aussi' glued
    to its title without a colon is a teaser link."""
    body = (
        "Para las copias de seguridad de casa uso un disco externo conectado a la Raspberry Pi, y una tarea "
        "programada que copia cada noche las carpetas importantes."
    )
    doc = run(
        f"{body}\nDisco duro externo Nordvolt Duo de 2 TB, USB-C\nDesde 74,90 €\nVer en Amazon\n"
        f"{body.replace('noche', 'semana')}\n"
    )
    assert_dropped(doc, "Disco duro externo Nordvolt Duo", "related", "related-teaser")
    assert "Ver en Amazon" not in doc.kept_text()
    doc = run(
        "Le tournant est venu d'une décision arbitrale à la 54e minute, quand le latéral a été expulsé pour "
        "un second carton jaune.\nÀ lire aussi Yanis Berrada, le buteur que personne n'attendait\n"
    )
    assert_dropped(doc, "À lire aussi Yanis Berrada", "related", "teaser-link")


def test_a_ticker_running_into_the_page_head_stops_at_the_signed_headline(run):
    """'ÚLTIMAS NOTICIAS', its timed headlines, then the menu and the article's own headline with no blank
    line between: the headline, over its standfirst and signed by 'Por …' and a date, ends the block."""
    doc = run(
        "ÚLTIMAS NOTICIAS\n08:32\nAumentan las tarifas del transporte urbano desde abril\n08:10\n"
        "Detuvieron a dos hombres por el robo de cables en la autopista norte\n"
        "Política\nEconomía\nSociedad\n"
        "Sequía: el Gobierno declara la emergencia hídrica en cuatro provincias\n"
        "La medida alcanza a más de dos millones de habitantes. Habrá restricciones para el riego y el llenado "
        "de piletas, y cortes programados en los barrios del sur.\n"
        "Por Valeria Quintana Ríos\n14 de marzo de 2025 - 08:45 hs\n"
        "El Gobierno nacional declaró este jueves la emergencia hídrica en cuatro provincias del norte, tras "
        "el verano más seco de las últimas seis décadas, según el servicio meteorológico.\n"
    )
    assert_dropped(doc, "Aumentan las tarifas", "related", "related-teaser")
    assert doc.title == "Sequía: el Gobierno declara la emergencia hídrica en cuatro provincias"
    assert_kept(doc, "La medida alcanza a más de dos millones")


def test_french_links_named_by_their_genre(run):
    """'Lire le décryptage | <titre>', 'Lire l'enquête : <titre>' between two paragraphs are teaser links."""
    p1 = (
        "Le succès de la commune a fait des émules : selon notre décompte, une vingtaine de mairies du département "
        "salarient désormais un médecin généraliste, contre trois il y a cinq ans."
    )
    p2 = (
        "L'agence régionale de santé encourage officiellement ces initiatives et verse une aide au démarrage, mais "
        "elle refuse de financer les postes au-delà de la deuxième année."
    )
    doc = run(
        f"{p1}\nLire le décryptage | Déserts médicaux : ce que contient la proposition de loi\n"
        f"Lire l'enquête : Dans l'Aveyron, les maisons de santé cherchent encore leurs médecins\n{p2}\n"
    )
    assert "Lire le décryptage" not in doc.kept_text() and "Lire l'enquête" not in doc.kept_text()
    assert_kept(doc, p1, p2)
