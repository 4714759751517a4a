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
