"""Navigation stage: menus, skip links, share rows, log-in prompts and cookie notices go; prose stays."""

from __future__ import annotations

from tests.conftest import assert_dropped, assert_kept, assert_span_dropped

EN = """Skip to main content
Menu
Facebook | Twitter | Email

City council approves new bicycle lanes

The city council voted on Tuesday evening to build twelve kilometres of protected bicycle lanes across \
the northern districts, a plan that residents had asked for since the last election.

Officials said the work would begin in the spring and that the money had already been set aside in the \
annual budget approved last winter by a large majority of members.
"""

FR = """Aller au contenu principal
Rechercher
Se connecter
Facebook · Twitter · E-mail

Le marché couvert rouvre ses portes après deux ans de travaux

Après deux ans de chantier, le marché couvert du centre-ville a rouvert ses portes samedi matin devant une \
foule de curieux venus découvrir les nouveaux étals.

Les commerçants se disent soulagés de retrouver leurs clients, même si certains regrettent la hausse des \
loyers décidée par la mairie pendant les travaux.

Partager sur Facebook
"""

ES = """Ir al contenido
Menú
Compartir en Facebook
Facebook | X | WhatsApp

La biblioteca municipal amplía su horario durante el verano

La biblioteca municipal abrirá también los domingos por la mañana durante los meses de julio y agosto, \
según anunció el ayuntamiento en un comunicado.

La medida responde a la petición de muchos estudiantes que preparan sus exámenes y que no encuentran un \
lugar tranquilo para trabajar en casa.
"""

DE = """Zum Inhalt springen
Startseite
Teilen

Neue Radwege für die Innenstadt

Der Stadtrat hat am Dienstag beschlossen, in der Innenstadt neue Radwege zu bauen, die bis zum Ende des \
nächsten Jahres fertig sein sollen.

Die Kosten für das Projekt werden auf zwölf Millionen Euro geschätzt und sollen zum Teil vom Land \
übernommen werden.
"""


def test_english_skip_link_menu_and_share_row(run):
    """'Skip to main content', 'Menu' and a 'Facebook | Twitter | Email' row go; the article stays."""
    doc = run(EN)
    assert_dropped(doc, "Skip to main content", "navigation")
    assert_dropped(doc, "Menu", "navigation")
    assert_dropped(doc, "Facebook | Twitter | Email", "navigation", "ui-row")
    assert_kept(doc, "The city council voted on Tuesday evening", "Officials said the work would begin")


def test_french_ui_lines(run):
    """French skip link, search, log-in, share row and share button go; the paragraphs stay."""
    doc = run(FR)
    for line in ("Aller au contenu principal", "Rechercher", "Se connecter", "Partager sur Facebook"):
        assert_dropped(doc, line, "navigation")
    assert_dropped(doc, "Facebook · Twitter · E-mail", "navigation", "ui-row")
    assert_kept(doc, "le marché couvert du centre-ville a rouvert", "Les commerçants se disent soulagés")


def test_spanish_ui_lines(run):
    """Spanish skip link, menu, share button and share row go; the paragraphs stay."""
    doc = run(ES)
    for line in ("Ir al contenido", "Menú", "Compartir en Facebook"):
        assert_dropped(doc, line, "navigation")
    assert_dropped(doc, "Facebook | X | WhatsApp", "navigation", "ui-row")
    assert_kept(doc, "La biblioteca municipal abrirá también", "La medida responde a la petición")


def test_german_ui_lines(run):
    """German skip link, home link and share button go; the paragraphs stay."""
    doc = run(DE)
    for line in ("Zum Inhalt springen", "Startseite", "Teilen"):
        assert_dropped(doc, line, "navigation")
    assert_kept(doc, "Der Stadtrat hat am Dienstag beschlossen", "Die Kosten für das Projekt")


def test_cookie_notice_goes(run):
    """A cookie banner and its button go, in any language."""
    doc = run(
        "We use cookies to improve your experience on our site. By clicking Accept you consent to our "
        "privacy policy.\nAccept all\n\n" + EN.split("\n\n", 2)[2]
    )
    assert_dropped(doc, "We use cookies", "navigation")
    assert_dropped(doc, "Accept all", "navigation")
    assert_kept(doc, "The city council voted on Tuesday evening")


def test_separator_and_copyright_lines_go(run):
    """A line without a word is a separator; a copyright footer goes."""
    doc = run(EN + "\n-----\n\n© 2025 The Valley Courier\n")
    assert_dropped(doc, "-----", "navigation", "separator")
    assert_dropped(doc, "© 2025 The Valley Courier", "navigation")


def test_prose_naming_networks_stays(run):
    """A sentence that mentions Facebook and Twitter is prose, not a share row."""
    sentence = "Many residents shared the news on Facebook and Twitter within minutes of the vote."
    doc = run(EN + "\n" + sentence + "\n")
    assert_kept(doc, sentence)


BODY_SECTIONS = """¿Qué es el Bono Alquiler Joven?
Es una ayuda directa al pago del alquiler financiada por el Estado y gestionada por las comunidades autónomas.

¿Quién puede pedirlo?
Pueden pedirlo los jóvenes de entre dieciocho y treinta y cinco años con un contrato de alquiler a su nombre.

¿Cómo se solicita?
La solicitud se presenta en la sede electrónica de cada comunidad con certificado digital o con cita previa.
"""


def test_table_of_contents_entries_go_and_the_sections_stay(run):
    """A run of entries that come back further down, each introducing its section, is a table of contents."""
    doc = run(
        "Índice de contenidos\nToggle\n¿Qué es el Bono Alquiler Joven?\n¿Quién puede pedirlo?\n"
        "¿Cómo se solicita?\n\n" + BODY_SECTIONS
    )
    toc = [b for b in doc.blocks if b.reason == "table-of-contents"]
    assert [b.text for b in toc] == ["¿Qué es el Bono Alquiler Joven?", "¿Quién puede pedirlo?", "¿Cómo se solicita?"]
    assert all(b.index < 5 for b in toc)
    assert doc.kept_text().count("¿Quién puede pedirlo?") == 1
    assert_kept(doc, "Es una ayuda directa", "Pueden pedirlo los jóvenes")


def test_menu_entries_repeated_in_a_footer_are_no_table_of_contents(run):
    """Menu entries that come back in a footer open no section: they are not contents entries."""
    doc = run(
        "Vegetables\nFruit\nSeed swaps\n\n"
        "If you grew tomatoes this summer, there is a good chance that some of them split open on the vine "
        "after the heatwave, and this post explains why.\n\nVegetables\nFruit\nSeed swaps\n"
    )
    assert not [b for b in doc.blocks if b.reason == "table-of-contents"]


def test_numbered_table_of_contents(run):
    """'1 Woran erkenne ich …?' lists the section 'Woran erkenne ich …?': numbers are not compared."""
    body = (
        "Woran erkenne ich Luft im Heizkörper?\n"
        "Typische Anzeichen sind Gluckern oder Rauschen in den Leitungen und ein Heizkörper, der oben kalt ist.\n"
        "Welches Werkzeug brauche ich?\n"
        "Sie brauchen nur einen Entlüftungsschlüssel, ein Tuch und einen kleinen Becher für das austretende Wasser.\n"
        "Wasserdruck prüfen und nachfüllen\n"
        "Nach dem Entlüften fehlt Wasser im System, deshalb lohnt sich danach ein Blick auf das Manometer der Anlage.\n"
    )
    doc = run(
        "Heizkörper entlüften: So geht es in fünf Minuten\n"
        "Wenn die Heizung gluckert und nicht richtig warm wird, ist meistens Luft im System, und das lässt sich "
        "mit wenigen Handgriffen selbst beheben, ohne dass ein Installateur kommen muss.\n"
        "Inhaltsverzeichnis\n1 Woran erkenne ich Luft im Heizkörper?\n2 Welches Werkzeug brauche ich?\n"
        "3 Wasserdruck prüfen und nachfüllen\n" + body
    )
    assert [b.index for b in doc.blocks if b.reason == "table-of-contents"] == [3, 4, 5]
    assert doc.kept_text().count("Wasserdruck prüfen und nachfüllen") == 1


def test_source_label_and_the_name_under_it_go(run):
    """'SOURCE' then 'La Voix du Périgord': the label and the credit go; a sentence after a label stays."""
    doc = run(
        "The nearest supervised alternative is the outdoor pool in Bergerac, which is open every day until "
        "seven in the evening during the summer holidays.\n\nSOURCE\nLa Voix du Périgord\n\n"
        "Source\nThe council confirmed the closure on Tuesday afternoon.\n"
    )
    assert_dropped(doc, "La Voix du Périgord", "navigation", "source-credit")
    assert_kept(doc, "The council confirmed the closure")


def test_contents_entry_whose_section_is_a_list(run):
    """A how-to's contents: one section is a list of tools, not prose; its entry goes all the same."""
    prose = (
        "On older two-handled taps a small rubber washer is pressed against a brass seat every time you turn "
        "the handle off, and over the years the rubber hardens and cracks."
    )
    doc = run(
        "How to fix a dripping tap\nJump to:\nWhy is my tap dripping?\nTools you'll need\nHow to replace the washer\n\n"
        f"{prose}\n\nWhy is my tap dripping?\n{prose.replace('brass', 'metal')}\n\nTools you'll need\n"
        "- Adjustable spanner\n- Replacement washer (12 mm)\n- Old towel\n\nHow to replace the washer\n"
        f"{prose.replace('rubber', 'fibre')}\n"
    )
    assert doc.kept_text().count("Tools you'll need") == 1
    assert doc.kept_text().count("Why is my tap dripping?") == 1


def test_a_list_shown_twice_is_no_table_of_contents(run):
    """A recipe's ingredients at the top and again under 'Shopping list': the first copy is the recipe's."""
    prose = (
        "These pancakes are the ones my grandmother made every Sunday morning, thin and golden, with a "
        "squeeze of lemon and a spoonful of sugar on top."
    )
    items = "- 200 g plain flour\n- 2 large eggs\n- 300 ml whole milk\n- 1 pinch of salt\n"
    doc = run(f"Sunday pancakes\n\n{prose}\n\n{items}\n{prose.replace('Sunday', 'Saturday')}\n\nShopping list\n{items}")
    assert_kept(doc, "200 g plain flour")
    assert not any(b.reason == "table-of-contents" for b in doc.blocks)


def test_wiki_edit_links_leave_their_headings_and_the_contents_box_goes(run):
    """'Geschichte[Bearbeiten | Quelltext bearbeiten]': the edit link goes as a span, the heading stays,
    and the numbered contents entry pointing to it is recognised without the link."""
    prose = (
        "Der Ort wurde 1231 erstmals urkundlich erwähnt und gehörte lange zum Besitz des Klosters, dessen "
        "Mühle am Bach bis ins neunzehnte Jahrhundert betrieben wurde."
    )
    doc = run(
        "Kleinwendorf\nInhaltsverzeichnis\n1 Geographie\n2 Geschichte\n3 Sehenswürdigkeiten\n\n"
        f"Geographie[Bearbeiten | Quelltext bearbeiten]\n{prose}\n\n"
        f"Geschichte[Bearbeiten | Quelltext bearbeiten]\n{prose.replace('1231', '1244')}\n\n"
        f"Sehenswürdigkeiten[Bearbeiten | Quelltext bearbeiten]\n{prose.replace('Mühle', 'Kirche')}\n"
    )
    assert_span_dropped(doc, "[Bearbeiten | Quelltext bearbeiten]", "navigation", "edit-link")
    assert doc.kept_text().count("Geschichte") == 1
    assert "Bearbeiten" not in doc.kept_text()


def test_pagination_and_share_button_lines_go(run):
    """'Page 1 sur 1', 'Seite 2 von 14' and WordPress share buttons are page furniture in every language."""
    body = (
        "Le mur en question est un mur extérieur orienté nord. L'armoire était collée au mur depuis trois ans "
        "et nous n'avions jamais regardé derrière avant de déménager les meubles ce printemps."
    )
    lines = [
        "Page 1 sur 1",
        "Seite 2 von 14",
        "Cliquez pour partager sur Facebook(ouvre dans une nouvelle fenêtre)Facebook",
        "Click to share on X (Opens in new window)",
        "Haz clic para compartir en Facebook (Se abre en una ventana nueva)",
        "Klicken, um über Facebook zu teilen (Wird in neuem Fenster geöffnet)",
    ]
    doc = run(body + "\n" + "\n".join(lines) + "\n")
    for line in lines:
        assert_dropped(doc, line, "navigation")
    assert_kept(doc, body)


def test_toc_entries_whose_sections_open_with_a_step(run):
    """A tutorial's contents: entries whose sections open with a short step ending in a colon
    ('Paso 1. Actualiza la lista de paquetes:') still point to sections, so the box goes."""
    step = "Paso {n}. Actualiza la lista de paquetes e instala el servidor:"
    prose = (
        "Necesitas un equipo con Ubuntu recién actualizado, un usuario con permisos de administrador y acceso "
        "a la red local o a internet para conectarte desde otro equipo."
    )
    sections = ["Requisitos previos", "Instalar OpenSSH Server", "Endurecer la configuración del servicio"]
    toc = "\n".join(f"{n + 1} {s}" for n, s in enumerate(sections))
    body = f"{sections[0]}\n{prose}\n" + "".join(
        f"{s}\n{step.format(n=n)}\nsudo apt install openssh-server\n{prose}\n" for n, s in enumerate(sections[1:], 1)
    )
    doc = run(f"Contenidos\n{toc}\n{body}")
    for n, s in enumerate(sections):
        assert_dropped(doc, f"{n + 1} {s}", "navigation", "table-of-contents")
        assert doc.kept_text().count(s) == 1


def test_wiki_contents_entry_whose_section_opens_with_a_subsection(run):
    """'3 Layout and interior' points to a section whose first line is its subsection's title."""
    prose = [
        "The lighthouse is a squat, eight-sided tower built from dark volcanic stone, with a gallery that "
        "circles the lamp room and a stair that winds down into the rock.",
        "Its lamp glows a pale green rather than the warm yellow of the harbour lights, which sailors along "
        "the coast have long taken for a warning.",
        "According to the keeper's logbook, the tower was raised in the third age by a guild of glassmakers "
        "who wanted a beacon for their fleet of trading ships.",
        "The logbook grows more disturbing toward its final pages, where the last keeper writes of voices "
        "under the floor and lights moving on the water.",
        "The lamp room holds the great lens, cracked along one side, and a brass mechanism that still turns "
        "when the player winds it with the crank found below.",
        "A narrow hatch in the floor of the lamp room opens onto a ladder that leads down to the flooded "
        "undercroft, where most of the dungeon's enemies wait.",
    ]
    doc = run(
        "Contents\n1 Description\n2 History\n3 Layout and interior\n3.1 The Lamp Room\n"
        f"Description[edit]\n{prose[0]}\n{prose[1]}\nHistory[edit]\n{prose[2]}\n{prose[3]}\n"
        f"Layout and interior[edit]\nThe Lamp Room[edit]\n{prose[4]}\n{prose[5]}\n"
    )
    assert_dropped(doc, "3 Layout and interior", "navigation", "table-of-contents")


def test_forum_chrome_ratings_and_breadcrumbs_of_any_site_go(run):
    """A breadcrumb of three parts whatever its first item, a rating line, a forum's helpful count, its
    posting button, its locked notice and its accepted-answer header."""
    post = (
        "The update can switch the printer port from the network port to a standard TCP/IP port, and the "
        "driver then cannot see the printer even though it still prints a test page."
    )
    lines = [
        "Community > Forums > Printers > Inkjet",
        "Valoración: 4.7/5 (58 votos)",
        "Helpful? Yes (12)",
        "Ask a question",
        "This thread has been locked for new replies.",
        "Accepted solution by Marta Kowal",
    ]
    doc = run(post + "\n" + "\n".join(lines) + "\n" + post.replace("switch", "change") + "\n")
    for line in lines:
        assert line not in doc.kept_text(), line


def test_tracking_pixels_and_ad_markup_go_but_quoted_markup_stays(run):
    """A <noscript> pixel or an ad server's link copied with the page goes; a tutorial's markup stays."""
    body = (
        "Adding coverage to your test suite is a matter of adding one line to the HTML test file, right "
        "after the test framework itself and before your own test files are loaded."
    )
    pixel = '<img height="1" width="1" style="display:none" src="https://tracker.example/tr?id=6871&ev=PageView" />'
    ad = '<div><a href="http://ad-emea.doubleclick.net/N6514/jump/site;sz=300x250"><img src="http://x.example/b.gif"></a></div>'
    sample = '<script src="vendor/blanket.js" data-cover-adapter="vendor/mocha-blanket.js"></script>'
    doc = run(f"{pixel}\n\n{body}\n\n{sample}\n\n{ad}\n")
    assert_dropped(doc, pixel[:60], "navigation", "tracking-markup")
    assert_dropped(doc, ad[:60], "navigation", "tracking-markup")
    assert_kept(doc, body, sample)


def test_labels_run_together_and_a_link_closing_a_line_go(run):
    """'Share Print' (two labels the copy ran together) goes; so does 'How we rate claims ›' after a verdict."""
    doc = run(
        "No, the bridge toll will not cost commuters $40 a day\n\nShare Print\n\n"
        "The transit authority's draft fee table lists forty dollars a day for heavy trucks only, and the "
        "passenger rates on page twelve of the same proposal are far lower than the viral post says.\n\n"
        "FALSE – The statement is not accurate. How we rate claims ›\n\n"
        "A post circulating on social media since late February claims that drivers who use the bridge "
        "will pay forty dollars a day from July, which the transit authority denies.\n"
    )
    assert_dropped(doc, "Share Print", "navigation", "ui-row")
    assert_span_dropped(doc, "How we rate claims ›", "navigation", "trailing-link")
    assert_kept(doc, "FALSE – The statement is not accurate.")


def test_a_recipe_cards_facts_and_buttons_go_its_steps_stay(run):
    """'Prep Time 15 mins', 'Servings 4', 'Rezept drucken', 'Dificultad: fácil': a recipe card's chrome, in
    four languages; the ingredients and steps stay."""
    intro = (
        "Every autumn my grandmother baked this galette with the pears from the old tree behind her house, "
        "and the smell of brown butter still means October to me."
    )
    doc = run(
        f"Brown Butter Pear Galette\n\n{intro}\n\nJump to Recipe\nPrep Time 15 mins\nCook Time 40 mins\nServings 4\n"
        "Zubereitungszeit: 20 Min.\nRezept drucken\nDificultad: fácil\nTemps de cuisson : 45 min\n"
        "• 2 ripe pears\n• 60 g butter\n1. Brown the butter in a small pan until it smells of hazelnuts.\n"
    )
    for line in (
        "Jump to Recipe",
        "Prep Time 15 mins",
        "Servings 4",
        "Zubereitungszeit: 20 Min.",
        "Rezept drucken",
        "Dificultad: fácil",
        "Temps de cuisson : 45 min",
    ):
        assert_dropped(doc, line, "navigation")
    assert_kept(doc, intro, "2 ripe pears", "Brown the butter in a small pan")


def test_a_reviews_fact_sheet_and_a_matchs_facts_go(run):
    """'Ficha técnica' and its 'Label: value' lines are credits; 'Schiedsrichter: …' and 'Zuschauer: …' facts."""
    review = (
        "Hay películas que se ven y películas que se escuchan, y esta pertenece sin duda al segundo grupo: el "
        "zumbido de las colmenas acompaña cada escena hasta el último plano."
    )
    doc = run(
        "Ficha técnica\nTítulo original: El invierno de las abejas\nDirección: Lucía Arbeloa\n"
        f"Reparto: Carmen Oyarzábal, Íñigo Lasa\nDuración: 104 minutos\n{review}\n"
        "Schiedsrichter: Tobias Renner (Flensau)\nStadion am Deich · Zuschauer: 11.420\nReferee: Jane Holt\n"
    )
    for line in ("Ficha técnica", "Dirección: Lucía Arbeloa", "Reparto: Carmen", "Duración: 104 minutos"):
        assert_dropped(doc, line, "navigation", "fact-sheet")
    for line in ("Schiedsrichter: Tobias Renner", "Zuschauer: 11.420", "Referee: Jane Holt"):
        assert_dropped(doc, line, "navigation")
    assert_kept(doc, review)


def test_shop_price_lines_quote_delays_sale_banners_and_article_tools_go(run):
    """'$249 at Shopwell', 'Datos con 15 minutos de retraso', a sale banner, 'Ajouter à vos sélections' and a
    publisher's line: chrome of a roundup, a market story and a French daily."""
    body = (
        "The Aero Glide picked up more of our test mix on hard floors than any other model, and its battery lasted "
        "long enough to clean a three-bedroom flat twice on one charge."
    )
    lines = (
        "$249 at Shopwell",
        "🔥 Spring Sale: up to 40% off top-rated floorcare — see today's deals",
        "Datos con 15 minutos de retraso. Fuente: BME",
        "Ajouter à vos sélections",
        "Le Quotidien est édité par la Société éditrice du Quotidien SA. Toute reproduction est interdite.",
    )
    doc = run(f"{body}\n" + "\n".join(lines) + f"\n{body.replace('Aero', 'Nimbus')}\n")
    for line in lines:
        assert_dropped(doc, line[:20], "navigation")
    assert_kept(doc, body)


def test_view_counts_and_forum_locations_go(run):
    """'This article has been viewed 48,211 times.' and a forum profile's 'Localisation : Haute-Vienne'."""
    body = (
        "Sand the edge with a fine block before you apply the oil, and wipe the dust off with a damp cloth so that "
        "the finish soaks in evenly over the whole board."
    )
    doc = run(f"{body}\nThis article has been viewed 48,211 times.\nLocalisation : Haute-Vienne\n{body[:60]}.\n")
    assert_dropped(doc, "This article has been viewed", "navigation")
    assert_dropped(doc, "Localisation : Haute-Vienne", "navigation")
