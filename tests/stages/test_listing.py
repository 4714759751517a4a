"""Listing stage: an archive header or three teaser links make the page a listing; its entries stay."""

from __future__ import annotations

from tests.conftest import assert_dropped, assert_kept

ENTRIES_EN = [
    (
        "Council approves the new bicycle lanes",
        "The city council voted on Tuesday evening to build twelve kilometres of protected bicycle lanes across "
        "the northern districts.",
    ),
    (
        "Museum reopens after three years of work",
        "The city museum reopened on Saturday after three years of renovation work that cost more than forty "
        "million euros.",
    ),
    (
        "Bakery wins the national bread prize",
        "A small family bakery in the old town has won the national bread prize this year, beating two hundred "
        "competitors.",
    ),
]


def test_english_category_archive_header(run):
    """'Category archives: Local news' makes a listing named after it; the entries stay."""
    body = "\n\n".join(f"{title}\n{summary}" for title, summary in ENTRIES_EN[:2])
    doc = run("Category archives: Local news\n\n" + body + "\n")
    assert doc.page_type == "listing"
    assert_dropped(doc, "Category archives: Local news", "listing", "listing-header")
    assert doc.title is not None and "Local news" in doc.title
    for title, summary in ENTRIES_EN[:2]:
        assert_kept(doc, title, summary)


def test_three_read_more_links_make_a_listing(run):
    """Three 'Read more <title>' lines go as teaser links and make the page a listing."""
    body = "\n\n".join(f"{title}\n{summary}\nRead more {title}" for title, summary in ENTRIES_EN)
    doc = run("The Valley Courier\n\n" + body + "\n")
    assert doc.page_type == "listing"
    for title, summary in ENTRIES_EN:
        assert_dropped(doc, f"Read more {title}", "related", "teaser-link")
        assert_kept(doc, title, summary)


def test_two_read_more_links_are_not_enough(run):
    """Fewer than three teaser links leave an article an article."""
    body = "\n\n".join(f"{summary}\nRead more {title}" for title, summary in ENTRIES_EN[:2])
    doc = run("Local news this week\n\n" + body + "\n")
    assert doc.page_type == "article"


def test_french_category_archive(run):
    """'Archives pour la catégorie …' makes a French listing."""
    doc = run(
        "Archives pour la catégorie Politique locale\n\n"
        "Le conseil municipal vote les pistes cyclables\n"
        "Le conseil municipal a voté mardi soir la construction de douze kilomètres de pistes cyclables protégées "
        "dans les quartiers nord de la ville.\n"
    )
    assert doc.page_type == "listing"
    assert_dropped(doc, "Archives pour la catégorie", "listing", "listing-header")
    assert_kept(doc, "Le conseil municipal vote les pistes cyclables", "Le conseil municipal a voté mardi soir")


def test_spanish_category_archive(run):
    """'Archivo de la categoría: …' makes a Spanish listing."""
    doc = run(
        "Archivo de la categoría: Deportes\n\n"
        "El equipo local gana la liga\n"
        "El equipo local ganó la liga el domingo por la tarde tras vencer por dos goles a uno a su gran rival en un "
        "partido muy disputado.\n"
    )
    assert doc.page_type == "listing"
    assert_dropped(doc, "Archivo de la categoría", "listing", "listing-header")
    assert_kept(doc, "El equipo local ganó la liga")


def test_german_weiterlesen_links_make_a_listing(run):
    """Three German 'Weiterlesen <title>' lines make a listing."""
    doc = run(
        "Lokales\n\n"
        "Der Stadtrat beschließt neue Radwege für den Norden der Stadt.\nWeiterlesen Neue Radwege im Norden\n\n"
        "Das Stadtmuseum öffnet nach drei Jahren Bauzeit wieder seine Türen.\nWeiterlesen Museum wieder offen\n\n"
        "Eine Bäckerei aus der Altstadt gewinnt den Bundespreis für Brot.\nWeiterlesen Preis für die Bäckerei\n"
    )
    assert doc.page_type == "listing"
    assert_dropped(doc, "Weiterlesen Museum wieder offen", "related", "teaser-link")
    assert_kept(doc, "Das Stadtmuseum öffnet nach drei Jahren Bauzeit wieder seine Türen.")


MENU = "Home\nNews\nLocal\nBusiness\nSport\nOpinion\nArts\nWeather\n"


def _entries(button: str, header: str = "Latest") -> str:
    """Entries as a news site lays them out: under a section header, headline, date, byline, excerpt, button."""
    rows = [
        f"{title}\nApril {n + 1}, 2025\nBy Jane Doe\n{summary}\n{button}"
        for n, (title, summary) in enumerate(ENTRIES_EN)
    ]
    return f"{header}\n" + "\n".join(rows)


def test_tag_label_and_read_more_buttons_keep_the_entries(run):
    """A 'Tag' label over the topic names the page; entries under a 'Latest' header, each closed by a
    read-more button, are its content although the related stage took them for teasers."""
    doc = run(MENU + "Tag\nCity life\nEverything we wrote about the city.\n" + _entries("Read more →") + "\n")
    assert doc.page_type == "listing"
    assert doc.title == "City life"
    assert_dropped(doc, "Tag", "listing", "listing-header")
    for title, summary in ENTRIES_EN:
        assert_kept(doc, title, summary)
    assert "Read more →" not in doc.kept_text()


def test_german_section_with_weiterlesen_buttons_keeps_the_entries(run):
    """A section page of entries closed by bare 'Weiterlesen' buttons is a listing, without any header."""
    rows = [
        (
            "Glaswerk stellt auf Strom um",
            "Der Hersteller investiert viele Millionen Euro in eine neue Schmelzwanne, die mit Strom statt Gas läuft.",
        ),
        (
            "Arbeitslosigkeit sinkt leicht",
            "Die Arbeitsagentur meldet für November weniger Arbeitslose im Landkreis als noch im Vormonat.",
        ),
        (
            "Kaufhaus schließt nach 96 Jahren",
            "Die Familie findet keinen Nachfolger und gibt das Haus am Marktplatz Ende Januar endgültig auf.",
        ),
        (
            "Mehr Lehrlinge im Handwerk",
            "Die Kreishandwerkerschaft zählt in diesem Herbst deutlich mehr neue Lehrlinge als im Jahr davor.",
        ),
    ]
    text = "Wirtschaft\n" + "\n".join(f"{t}\n20.11.2025\n{s}\nWeiterlesen" for t, s in rows) + "\n"
    doc = run(text)
    assert doc.page_type == "listing"
    for title, summary in rows:
        assert_kept(doc, title, summary)


def test_read_more_teasers_under_an_article_stay_teasers(run):
    """Three teasers with read-more buttons under a long article do not make it a listing: the article
    holds more words than they do, and the teasers go."""
    article = " ".join(
        [
            "The harbour authority confirmed on Monday that the old ferry terminal will close at the end of the year.",
            "Passengers will use the new terminal on the eastern quay, which has more space for cars and bicycles.",
            "The authority said the move would cut waiting times and allow larger ships to dock safely in winter.",
            "Local businesses near the old terminal fear that fewer visitors will walk through the historic streets.",
        ]
        * 3
    )
    doc = run(
        "Ferry terminal to close at the end of the year\n"
        + article
        + "\n\n"
        + _entries("Read more", "More news")
        + "\n"
    )
    assert doc.page_type == "article"
    for title, _ in ENTRIES_EN:
        assert title not in doc.kept_text()
    assert_kept(doc, "The harbour authority confirmed on Monday")


def test_three_read_more_links_under_an_article_do_not_make_a_listing(run):
    """A news item followed by a 'latest news' block of three teasers with 'Lire la suite' links stays an
    article, with its title."""
    body = (
        "La rue de la Tannerie va faire l'objet d'un important chantier de réaménagement à partir du 10 février. "
        "Les canalisations d'eau potable datent des années 1950 et doivent être remplacées avant l'été, et les "
        "trottoirs seront élargis pour les piétons et les poussettes."
    )
    teasers = "\n".join(f"Actualité numéro {n} de la commune\nLire la suite" for n in range(3))
    doc = run(
        f"Travaux rue de la Tannerie : réunion publique le 4 février\nPublié le 20 janvier 2025\n{body}\n\n"
        f"{body.replace('février', 'mars')}\n{teasers}\n"
    )
    assert doc.page_type == "article"
    assert doc.title == "Travaux rue de la Tannerie : réunion publique le 4 février"
