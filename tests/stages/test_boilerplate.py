"""Boilerplate stage: jusText-style classes; unnamed menu runs go, prose and the short lines it vouches for stay."""

from __future__ import annotations

from cleaner.config import BoilerplateConfig
from cleaner.pipeline import Context
from cleaner.stages.boilerplate import BAD, GOOD, NEAR_GOOD, SHORT, Boilerplate
from tests.conftest import assert_dropped, assert_kept, find_block

EN_P1 = (
    "The city museum reopened on Saturday after three years of renovation work that cost more than forty million "
    "euros, and visitors queued for hours in front of the main entrance to see the new rooms."
)
EN_P2 = (
    "Tickets for the next two weeks are already sold out, and the museum has decided to open on Mondays until the "
    "end of the summer in order to meet the demand from schools and from the many tourists who visit the city."
)


def test_menu_run_after_the_article_goes(run):
    """Short menu lines after the last paragraph, with nothing good after them, go; the prose stays."""
    doc = run(f"{EN_P1}\n\n{EN_P2}\n\nPolitics\nEconomy\nCulture\nScience\n")
    for line in ("Politics", "Economy", "Culture", "Science"):
        assert_dropped(doc, line, "boilerplate", "boilerplate")
    assert_kept(doc, EN_P1, EN_P2)


def test_short_line_between_good_paragraphs_stays(run):
    """A short subheading between two good paragraphs is good by context."""
    doc = run(f"{EN_P1}\n\nThe reaction\n\n{EN_P2}\n")
    assert find_block(doc, "The reaction").keep
    assert_kept(doc, EN_P1, "The reaction", EN_P2)


def test_spanish_menu_run_before_the_article_goes(run):
    """A Spanish section menu above the article goes; both paragraphs stay."""
    p1 = (
        "El museo de la ciudad reabrió el sábado después de tres años de obras de renovación que costaron más de "
        "cuarenta millones de euros, y los visitantes hicieron cola durante horas ante la entrada principal."
    )
    p2 = (
        "Las entradas para las próximas dos semanas ya están agotadas, y el museo ha decidido abrir también los "
        "lunes hasta el final del verano para atender la demanda de los colegios y de los turistas."
    )
    doc = run(f"Política\nEconomía\nCultura\nDeportes\n\n{p1}\n\n{p2}\n")
    for line in ("Política", "Economía", "Cultura", "Deportes"):
        assert_dropped(doc, line, "boilerplate")
    assert_kept(doc, p1, p2)


def test_french_menu_run_before_the_article_goes(run):
    """A French section menu above the article goes; both paragraphs stay."""
    p1 = (
        "Le musée de la ville a rouvert samedi après trois ans de travaux de rénovation qui ont coûté plus de "
        "quarante millions d'euros, et les visiteurs ont fait la queue pendant des heures devant l'entrée principale."
    )
    p2 = (
        "Les billets pour les deux prochaines semaines sont déjà tous vendus, et le musée a décidé d'ouvrir aussi "
        "le lundi jusqu'à la fin de l'été pour répondre à la demande des écoles et des touristes."
    )
    doc = run(f"Politique\nÉconomie\nCulture\n\n{p1}\n\n{p2}\n")
    for line in ("Politique", "Économie", "Culture"):
        assert_dropped(doc, line, "boilerplate")
    assert_kept(doc, p1, p2)


def test_long_link_list_line_goes(run):
    """A long line of section names has no stopwords: it is bad whatever its length."""
    links = "Politics Economy Culture Science Weather Jobs Travel Health Education Opinion Podcasts Video"
    doc = run(f"{EN_P1}\n\n{EN_P2}\n\n{links}\n")
    assert_dropped(doc, links, "boilerplate")
    assert_kept(doc, EN_P1, EN_P2)


def test_nothing_good_keeps_everything(run):
    """A page with no clearly good block is kept whole rather than guessed at."""
    doc = run("Opening hours\nMonday to Friday\nClosed on Sundays\n")
    assert all(b.keep for b in doc.blocks)


def test_disabled_by_config(tmp_path, run):
    """``[boilerplate] enabled = false`` keeps the menu lines."""
    cfg = tmp_path / "cleaner.toml"
    cfg.write_text("[boilerplate]\nenabled = false\n", encoding="utf-8")
    doc = run(f"{EN_P1}\n\n{EN_P2}\n\nPolitics\nEconomy\nCulture\nScience\n", config=str(cfg))
    assert_kept(doc, "Politics", "Economy", "Culture", "Science")


def test_context_free_classes(pipeline):
    """Short by length; good, near-good or bad by length and stopword density."""
    stage = Boilerplate(Context(config=pipeline.config, lexicon=pipeline.context.lexicon))
    stops = frozenset({"the", "of", "and", "to", "a", "in", "for", "on", "that", "was", "with", "from"})
    cfg = BoilerplateConfig()
    assert stage.classify("Politics", stops) == SHORT
    assert stage.classify(EN_P2, stops) == GOOD
    assert len(EN_P2) >= cfg.length_high
    medium = "The museum opened a new wing for the maps of the city and the region."
    assert cfg.length_low <= len(medium) < cfg.length_high
    assert stage.classify(medium, stops) == NEAR_GOOD
    assert stage.classify("Politics Economy Culture Science Weather Jobs Travel Health Opinion", stops) == BAD


def _post(user: str, when: str, *lines: str, action: str = "Reply With Quote") -> str:
    return f"{when}\n{user}\nMember\nJoin Date: Jun 2021\nPosts: 214\n" + "\n".join(lines) + f"\n{action}\n"


def test_forum_thread_keeps_its_short_posts(run):
    """A thread whose posts are short lines of chat: each post ends with the same action, and the
    lines above it are the post's text, kept although jusText would take them for chrome."""
    thread = (
        "Forums > Cars > Brakes\nBrake fade on the second session\n\n"
        + _post("rallyrob", "04-09-2025, 08:14 PM #1", "Pedal went long halfway through the second session.")
        + _post("DiscBoy", "04-09-2025, 08:41 PM #2", "Sounds like the fluid is boiling", "Flush it first.")
        + _post("Kev_ST", "04-09-2025, 09:02 PM #3", "Same here on my Fiesta, new fluid fixed it.", EN_P2)
        + _post("rallyrob", "04-22-2025, 06:18 PM #4", "Update: flushed, back on track, no fade at all.")
        + "Quick Navigation\nTop\n« Previous Thread | Next Thread »\nSimilar Threads\nPad knock-back\nReplies: 7\n"
    )
    doc = run(thread)
    assert_kept(
        doc,
        "Pedal went long halfway through the second session.",
        "Sounds like the fluid is boiling",
        "Flush it first.",
        "Update: flushed, back on track, no fade at all.",
    )
    assert_dropped(doc, "Reply With Quote", "navigation", "navigation")
    assert_dropped(doc, "Similar Threads", "related", "related-header")


def test_thread_whose_action_opens_each_post_keeps_the_posts(run):
    """phpBB puts 'Quote' above each post's text and 'Top' below it: a post lies between two
    actions, and all of it stays, however short its lines."""
    posts = [
        ("mortgagemo", EN_P1, EN_P2),
        ("millie", "Got 3.1% on a 15 year with no points.", "Closing costs were about $2k."),
        ("dsmil", "Is an appraisal required for a refi?", "Mine was waived."),
        ("rxwolf", "Still waiting on the lender.", "Will report back."),
        ("azatty", "Thanks all, very useful thread.", "Rates moved again today."),
    ]
    thread = "Board index > Personal Finance\nRefinance thread\n\n" + "".join(
        f"{user}\nPosts: 57\nJoined: Wed Jun 05, 2019\nRe: Refinance thread\n• Quote\nPost by {user} » Mon Sep 02\n"
        f"{a}\n{b}\nTop\n"
        for user, a, b in posts
    )
    doc = run(thread + "Display posts from previous: All posts\nJump to\nWho is online\n")
    assert_kept(doc, "Is an appraisal required for a refi?", "Mine was waived.", "Will report back.")
    assert_dropped(doc, "Quote", "comments", "comment-ui")


def test_a_recipes_ingredient_list_is_no_menu(run):
    """A run of short lines that open with a quantity is a list of things, not a menu: the
    ingredients stay, and so do the steps after them."""
    doc = run(
        "Home\nRecipes\nSoups\nDesserts\nContact\n\n"
        "Chickpea and spinach stew\n\n"
        f"{EN_P1}\n\nIngredients\n• 500 g cooked chickpeas\n• 300 g fresh spinach\n• 2 slices of stale bread\n"
        "• 3 cloves of garlic\n• 1 tsp ground cumin\n• ½ tsp smoked paprika\n"
        "Method\n"
        "1. Wash the spinach well, drain it and wilt it in a wide pan with a splash of oil for a minute.\n"
        "2. In the same oil fry the garlic and the bread until both are golden, and keep an eye on them.\n"
        "3. Pound the bread and garlic with the cumin and a little of the stock into a thick paste.\n"
        "You may also like\nLentil soup in twenty minutes\nPumpkin cream with ginger\n"
    )
    assert_kept(doc, "300 g fresh spinach", "1 tsp ground cumin", "In the same oil fry the garlic")
    assert "Desserts" not in doc.kept_text()


def test_thread_whose_posts_end_with_a_row_of_actions(run):
    """'Zitieren Antworten Melden' on one line closes each post: the row counts as the post action."""
    posts = [
        (
            "heizungsneuling",
            "Wir haben seit Oktober eine Luft-Wasser-Wärmepumpe an der Giebelseite stehen, und seit es kalt "
            "ist, brummt sie nachts so tief, dass der Nachbar sich beschwert hat und mit einem Anwalt droht.",
        ),
        ("Kalle_HH", "Tippe auf Körperschall. Steht das Gerät direkt auf dem Sockel?"),
        ("heizungsneuling", "Auf einem Betonsockel, Puffer sind keine drin."),
        ("Sunny", "Bei uns war es die Hydraulikleitung ohne Kompensator."),
        ("heizungsneuling", "Danke euch allen für die schnellen Tipps!"),
    ]
    thread = "Foren › Wärmepumpen\nWärmepumpe brummt nachts\n\n" + "".join(
        f"{user}\nMitglied\nRegistriert seit: 03.2019\nBeiträge: 14\n12.02.2025, 21:14\n{text}\n"
        "Zitieren Antworten Melden\nDanke: 3\n"
        for user, text in posts
    )
    doc = run(thread + "Du musst angemeldet sein, um hier zu antworten.\nImpressum\nDatenschutz\n")
    assert_kept(doc, "Auf einem Betonsockel, Puffer sind keine drin.", "Danke euch allen für die schnellen Tipps!")
    assert_dropped(doc, "Zitieren Antworten Melden", "comments", "comment-ui")
    assert "Danke: 3" not in doc.kept_text()


def test_german_thread_post_ends_above_its_edit_note(run):
    """'Zitieren' closes each post; the edit note under a post goes, the post above it stays."""
    thread = "".join(
        _post(
            user, f"1{n}-03-2016, 11:4{n} #{n}", text, "Geändert von Zaadi (14-03-2016 um 11:46 Uhr)", action="Zitieren"
        )
        for n, (user, text) in enumerate(
            [
                ("Zaadi", "Die Sonde ist planmäßig gestartet"),
                ("Ally", "Bin gespannt ob alles glatt läuft"),
                ("hans", "Hubble liefert wieder schöne Bilder"),
            ],
            start=1,
        )
    )
    long_post = _post(
        "Emotions",
        "14-03-2016, 09:01 #4",
        "Ich habe heute morgen bei Sonnenschein einen hellen Leuchtball am Himmel gesehen, der sehr schnell nach "
        "Osten gezogen ist und dabei einen langen Schweif hinter sich hergezogen hat, den ich nie gesehen habe.",
        action="Zitieren",
    )
    doc = run(
        "Der Weltraum, Asteroiden und Kometen\n\n"
        + thread
        + long_post
        + "Seite 1 von 63\nGehe zu Seite:\nForen durchsuchen\nForum-Startseite\n"
    )
    assert_kept(doc, "Die Sonde ist planmäßig gestartet", "Bin gespannt ob alles glatt läuft")
    assert_dropped(doc, "Geändert von Zaadi (14-03-2016 um 11:46 Uhr)", "comments", "comment-ui")


def test_comments_under_a_long_article_are_no_thread(run):
    """The same repeated action after a long article closes its comments: they are not protected."""
    comments = "".join(f"Anonymous\nGreat point number {n}\nreply\n" for n in range(1, 5))
    doc = run(f"{EN_P1}\n\n{EN_P2}\n\n{EN_P1.replace('city', 'town')}\n\n{comments}")
    assert_dropped(doc, "Great point number 2", "boilerplate", "boilerplate")
    assert_kept(doc, EN_P1, EN_P2)


def test_standfirst_under_the_title_stays_amid_page_chrome(run):
    """The summary under a guidance page's title sits among breadcrumb and 'From:' lines that
    boilerplate drops; found under the title by the metadata stage, it stays."""
    doc = run(
        "Skip to main content\nHome\nEnvironment\nWater\nGuidance\nRegister a private water supply\n"
        "How to register a borehole, spring or well that supplies drinking water to a home or business, and "
        "what testing you need to arrange.\n"
        "From:\nDepartment for Rural Affairs\nPublished 3 March 2025\n"
        "Get emails about this page\nPrint this page\nContents\nWho needs to register\nFees\nContact us\n\n"
        f"{EN_P1}\n\n{EN_P2}\n\nPrint this page\nRelated content\nFees\nLicences\nContact\n"
    )
    assert doc.title == "Register a private water supply"
    assert_kept(doc, "How to register a borehole, spring or well", EN_P1)


def test_tagline_above_the_title_is_not_rescued_by_the_article(run):
    """A blog's tagline, a heading above the menu and the title, introduces none of the text under
    the title: it does not borrow the article's class."""
    doc = run(
        "Ulrikes Gartenjournal\nNotizen aus einem Schrebergarten am Stadtrand\nStartseite\nGemüsegarten\n"
        "Obst & Beeren\nKontakt\nMulchen mit Rasenschnitt: Was ich gelernt habe\n14. Juni 2024\n\n"
        "Als ich vor drei Jahren meine Parzelle übernommen habe, war der Boden zwischen den Beeten hart wie "
        "Beton, und jeder Regen lief einfach über die Oberfläche ab, ohne dass die Pflanzen etwas davon hatten.\n\n"
        "Heute mulche ich fast alle Gemüsebeete mit dem Schnitt vom Gemeinschaftsrasen, und ich muss im Sommer "
        "nur noch halb so oft gießen wie früher, weil die Feuchtigkeit viel länger im Boden bleibt.\n"
    )
    assert doc.title == "Mulchen mit Rasenschnitt: Was ich gelernt habe"
    assert "Notizen aus einem Schrebergarten" not in doc.kept_text()


def test_short_last_line_of_an_article_above_its_tags_stays(run):
    """The article's short last sentence, then the topic tags (a run of short lines): the sentence is
    text under good text, not the first entry of a menu."""
    doc = run(
        f"Councillors vote to scrap the 41 bus\n\n{EN_P1}\n\n{EN_P2}\n\n"
        "The last 41 bus is due to run on Saturday 31 May.\nTopics\nBuses\nHarbury County Council\nMillbrook\n"
        "Transport\n"
    )
    assert_kept(doc, "The last 41 bus is due to run on Saturday 31 May.")
    assert "Harbury County Council" not in doc.kept_text()


def test_short_subhead_right_above_good_text_stays(run):
    """A report's short subhead ("Unfallflucht auf Supermarktparkplatz"), right above its paragraph, stays
    even when a photo credit and a place line above it are bad context."""
    report = (
        "Am Samstagvormittag zwischen 9.30 und 10.45 Uhr ist auf dem Parkplatz eines Lebensmittelmarktes ein "
        "geparkter Wagen beschädigt worden. Der Verursacher fuhr davon, ohne sich um den Schaden zu kümmern, "
        "der auf rund 2500 Euro geschätzt wird."
    )
    doc = run(
        "Startseite\nLokales\nSport\nKultur\nWetter\nSymbolfoto: Archiv/Zeitung\nKirchwelden:\n"
        f"Unfallflucht auf Supermarktparkplatz\n{report}\n\n{report.replace('Samstag', 'Sonntag')}\n"
        "Impressum\nDatenschutz\nKontakt\n"
    )
    assert_kept(doc, "Unfallflucht auf Supermarktparkplatz", report)
    assert "Impressum" not in doc.kept_text()


def test_pros_and_cons_lists_stay(run):
    """'Lo mejor' / 'Lo peor' and the short sentences under them are a review's verdict, not a menu."""
    body = (
        "La limpieza es sencilla: el grupo de café se saca por el lateral y se lava bajo el grifo, y el "
        "depósito de agua se rellena sin mover la máquina de su sitio en la encimera."
    )
    doc = run(
        f"Inicio\nCafeteras\nOfertas\n{body}\nLo mejor\nEspresso con buena crema.\nOcupa poco.\nLo peor\n"
        "El pitido no se puede desactivar.\nEspumador manual.\nCafé largo flojo.\nMi veredicto\nNota: 8/10\n"
        f"{body.replace('sencilla', 'rápida')}\n"
        "Aviso legal\nContacto\nCookies\n"
    )
    assert_kept(doc, "Lo mejor", "Ocupa poco.", "El pitido no se puede desactivar.", "Espumador manual.")


def test_a_lone_pros_label_over_a_menu_keeps_no_menu(run):
    """'Plus...' (a menu's "more" entry) reads like a German verdict label, but a verdict has two sides:
    the section names under it are a menu and go."""
    doc = run(
        "• Politik\n• Wirtschaft\n• Plus...\n1. Sport\n2. Bücher\n3. Reisen\n4. Wissen\n5. Kino\n6. Musik\n"
        f"{EN_P1}\n\n{EN_P2}\n"
    )
    for line in ("1. Sport", "2. Bücher", "5. Kino"):
        assert_dropped(doc, line, "boilerplate")
    assert_kept(doc, EN_P1, EN_P2)


def test_a_docs_pages_code_blocks_stay_with_the_prose_around_them(run):
    """Commands over a "Copy" button, and a config block under a line ending with a colon, are text: jusText's
    stopword test would take them for chrome, and the short lines that introduce them with them."""
    intro = (
        "A reverse proxy sits between your users and the application server, so that the server never has to "
        "deal with certificates, slow clients or the public internet directly."
    )
    doc = run(
        f"{intro}\n\nInstall nginx from your distribution's package repository:\n"
        "sudo apt update && sudo apt install -y nginx\nCopy\n"
        "Paste the following server block into the file and save it:\n"
        "server {\nlisten 80;\nserver_name app.example.com;\nproxy_pass http://127.0.0.1:8080;\n}\nCopy\n"
        "Once everything works, you can move on to monitoring your instance or to scaling out with more workers.\n"
        "Was this page helpful?\nEdit this page on GitHub\nPrivacy\nTerms\nStatus\n"
    )
    assert_kept(
        doc,
        "Install nginx from your distribution's package repository:",
        "sudo apt update && sudo apt install -y nginx",
        "listen 80;",
        "proxy_pass http://127.0.0.1:8080;",
        "Once everything works",
    )
    assert_dropped(doc, "Copy", "navigation", "code-button")
