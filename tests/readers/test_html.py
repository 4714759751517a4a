"""HTML reader: detection by content, trafilatura's main content, the visible-text fallback, charsets, no network."""

from __future__ import annotations

import socket

import pytest
from lxml import etree

from cleaner import Document, Pipeline
from cleaner.readers import detect_format, read_input
from cleaner.readers.html import _parse, body_to_text, decode_html, looks_like_html, read_html, visible_text
from tests.conftest import ROOT, assert_kept, describe

HTML_FIXTURES = ROOT / "fixtures" / "html"


def page_bytes(name: str) -> bytes:
    return (HTML_FIXTURES / name).read_bytes()


def read_one(data: bytes, source: str) -> Document:
    items = list(read_input(data, source))
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def clean_page(pipeline: Pipeline, name: str, source: str = "download-0001") -> Document:
    """Read a fixture page under a name without extension (content detection) and clean it."""
    return pipeline.run(read_one(page_bytes(name), source))


# Per page: paragraphs that must be kept, page furniture that must go, and the page's metadata.
ARTICLES = {
    "fr_article.html": {
        "lang": "fr",
        "title": "À Lannion, la ligne de car express vers Rennes séduit au-delà des attentes",
        "author": "Claire Le Goff",
        "date": "2024-03-14",
        "kept": [
            "Six mois après son lancement, la ligne de car express qui relie Lannion à Rennes",
            "Au guichet de la gare routière, les agents voient passer une clientèle",
            "« Je gagne vingt minutes et je n'ai plus à chercher une place à six heures du matin »",
            "La région avait tablé sur une moyenne de cent quarante passagers par jour.",
            "Tout n'est pas encore rodé pour autant.",
            "La communauté d'agglomération dit travailler avec le transporteur",
            "Reste la question du financement.",
        ],
        "gone": [
            # navigation menu
            "Actualité",
            "Se connecter",
            # cookie banner
            "Nous utilisons des cookies",
            "Accepter les cookies",
            # read-also block: header and teasers
            "À lire aussi",
            "Trains régionaux : pourquoi les retards se sont multipliés cet hiver",
            "Covoiturage : l'aire de Plouaret sera agrandie",
            "ce qui change pour les abonnés en 2024",
            # caption and its photo credit
            "AFP / Jean Martin",
            "attend ses passagers à la gare routière",
            # newsletter box
            "Inscrivez-vous à notre newsletter",
            "Recevez chaque matin l'essentiel",
            # comments
            "3 commentaires",
            "Yannick22",
            "Enfin une alternative à la voiture",
            "il faudrait un départ vers 8 heures",
            # footer
            "Mentions légales",
            "Tous droits réservés",
        ],
    },
    "en_article.html": {
        "lang": "en",
        "title": "Harbour town votes to rebuild its storm-battered sea wall",
        "author": "Thomas Whitfield",
        "date": "2023-11-02",
        "kept": [
            "Councillors in Port Ellery voted unanimously on Wednesday night to rebuild the town's Victorian sea wall",
            "The four-year programme will replace the crumbling limestone facing",
            "Engineers told the meeting that the existing structure had been patched at least nine times",
            "The estimated cost of eleven million pounds will be shared",
            "Not everyone is convinced.",
            "Residents will be able to see the final designs at an exhibition in the town library",
        ],
        "gone": [
            "Politics",
            "Sign in",
            "We use cookies to improve your experience",
            "Accept all cookies",
            "Read also",
            "Lifeboat crew rescues two anglers cut off by the tide",
            "Fish market reopens after six-month refurbishment",
            "Photo: Jane Doe/Reuters",
            "Waves break over the damaged section",
            "Sign up for our newsletter",
            "Get the day's top stories",
            "3 comments",
            "harbourwatcher",
            "About time. My parents' house flooded",
            "Priorities, anyone?",
            "Privacy policy",
            "All rights reserved",
        ],
    },
}


# --- detection -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["fr_article.html", "en_article.html", "thin.html"])
def test_html_recognised_by_content_without_extension(name):
    """A page saved without an .html extension is still read as HTML, not as text."""
    data = page_bytes(name)
    assert looks_like_html(data)
    assert detect_format(data, "crawl/0001") == "html"
    doc = read_one(data, "crawl/0001")
    assert doc.metadata["extractor"] in ("trafilatura", "text")
    assert "<p>" not in doc.raw and "<div" not in doc.raw


def test_html_fragment_and_plain_text():
    """Bytes opening with markup and holding several tags are HTML; prose, even quoting tags, is not."""
    assert looks_like_html(b"<div class='x'><p>Hello</p></div>")
    assert looks_like_html(b"\n  <!DOCTYPE HTML>\n<html><title>x</title></html>")
    assert not looks_like_html(b"Just a plain sentence about a harbour wall.\nAnd another one.")
    quoting = b"Use the <p> tag for paragraphs, close it with </p>, and wrap blocks in <div> elements."
    assert not looks_like_html(quoting)
    assert detect_format(quoting, "notes") == "text"


# --- the two article pages -------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_keeps_paragraphs_and_drops_furniture(pipeline, name):
    """The article paragraphs survive; menu, cookies, teasers, caption, newsletter, comments and footer do not."""
    want = ARTICLES[name]
    doc = clean_page(pipeline, name)
    assert doc.metadata["extractor"] == "trafilatura"
    assert_kept(doc, *want["kept"])
    kept = doc.kept_text()
    for snippet in want["gone"]:
        assert snippet not in kept, f"{snippet!r} should be gone:\n{describe(doc)}"


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_metadata_from_the_page(pipeline, name):
    """Title, author, date and language come from the page."""
    want = ARTICLES[name]
    doc = clean_page(pipeline, name)
    assert doc.title == want["title"]
    assert doc.author == want["author"]
    assert doc.date is not None and doc.date.startswith(want["date"])
    assert doc.lang == want["lang"]
    assert doc.metadata["encoding"] == "utf-8"


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_paragraphs_in_page_order(pipeline, name):
    """Kept paragraphs come out in the order the page has them."""
    kept = clean_page(pipeline, name).kept_text()
    positions = [kept.index(snippet) for snippet in ARTICLES[name]["kept"]]
    assert positions == sorted(positions)


# --- visible-text fallback -----------------------------------------------------------------------


def test_thin_page_falls_back_to_visible_text(pipeline):
    """trafilatura misses the notices of thin.html; the visible text is read and cleaned instead."""
    doc = clean_page(pipeline, "thin.html")
    assert doc.metadata["extractor"] == "text"
    assert_kept(
        doc,
        "These notes were written up by the plot secretary",
        "Slugs were the main complaint in June",
        "The shared greenhouse produced more tomatoes than anyone could eat",
        "Rents will rise by two pounds a plot from January",
        "The annual inspection walk will take place in May",
    )
    kept = doc.kept_text()
    assert "Home | Plots" not in kept
    assert len(kept) > 1500


def test_thin_page_really_is_thin_for_trafilatura():
    """The fixture does what it is for: visible prose above the threshold, little extracted."""
    from cleaner.readers.html import _MIN_SHARE, _MIN_VISIBLE_CHARS, extract

    html, _ = decode_html(page_bytes("thin.html"))
    text, _ = extract(html)
    visible = visible_text(_parse(html))
    assert len(visible) >= _MIN_VISIBLE_CHARS
    assert len(text) < _MIN_SHARE * len(visible)


def test_empty_page_warns():
    """A page with no text at all becomes an empty document with a warning, not an error."""
    doc = read_html(b"<html><head><title></title></head><body><div></div></body></html>", "empty.html")
    assert doc.raw.strip() == ""
    assert "no text in the page" in doc.warnings


# --- charsets ------------------------------------------------------------------------------------

LATIN1_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="iso-8859-1"><title>Un été à Besançon</title></head>
<body><article><h1>Un été à Besançon</h1>
<p>Le café de la place est très animé cet été : on y déguste une crème brûlée près de la fenêtre, \
à l'ombre des platanes, pendant que les enfants jouent à côté de la fontaine.</p>
<p>Le patron, arrivé de Périgueux il y a dix ans, a déjà prévu d'agrandir la terrasse l'année prochaine, \
si la mairie lui accorde l'autorisation nécessaire.</p>
<p>L’œuvre exposée dans la salle du fond coûte 1 200 € : c’est « déjà » trop cher, dit-il en souriant.</p>
</article></body></html>
"""


def test_meta_charset_latin1_decodes_accents():
    """Windows-1252 bytes declared iso-8859-1: the accented letters come out right."""
    data = LATIN1_PAGE.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, encoding = decode_html(data)
    assert encoding == "cp1252"  # browsers read Latin-1 labels as Windows-1252
    assert "Un été à Besançon" in text and "crème brûlée" in text
    doc = read_one(data, "page-latin1")
    assert doc.metadata["encoding"] == "cp1252"
    assert "Le café de la place est très animé cet été" in doc.raw
    assert "Périgueux" in doc.raw
    assert doc.title == "Un été à Besançon"


def test_meta_charset_latin1_windows_characters_after_cleaning(pipeline):
    """The Windows-1252-only characters (œ, €) are right in the cleaned text; no C1 controls remain."""
    doc = pipeline.run(read_one(LATIN1_PAGE.encode("cp1252"), "page-latin1"))
    kept = doc.kept_text()
    assert "crème brûlée" in kept
    assert "œuvre" in kept and "1 200 €" in kept
    assert not any("\x80" <= ch <= "\x9f" for ch in kept)


def test_bom_and_undeclared_charsets():
    """A UTF-8 BOM wins over a wrong meta charset; undeclared non-UTF-8 bytes fall back to cp1252."""
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Noël à Besançon</p></body></html>'
    text, encoding = decode_html(b"\xef\xbb\xbf" + page.encode("utf-8"))
    assert (encoding, "Noël à Besançon" in text) == ("utf-8", True)
    bare = "<html><body><p>Noël à Besançon</p></body></html>"
    assert decode_html(bare.encode("utf-8")) == (bare, "utf-8")
    assert decode_html(bare.encode("cp1252")) == (bare, "cp1252")
    # An unknown charset label is ignored rather than fatal.
    bogus = '<html><head><meta charset="no-such-charset"></head><body><p>Noël</p></body></html>'
    assert decode_html(bogus.encode("utf-8")) == (bogus, "utf-8")


# --- no network ----------------------------------------------------------------------------------

EXTERNAL_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Quiet week at the observatory</title>
<base href="https://static.example.net/">
<link rel="stylesheet" href="https://static.example.net/site.css">
<link rel="preload" href="https://fonts.example.net/serif.woff2" as="font">
<script src="https://tracker.example.net/t.js"></script>
<script>fetch("https://api.example.net/beacon");</script>
</head><body>
<article><h1>Quiet week at the observatory</h1>
<img src="https://images.example.net/dome.jpg" srcset="https://images.example.net/dome-2x.jpg 2x" alt="The dome">
<p>Cloud cover kept the main telescope closed for five nights in a row, the longest stretch since the autumn, \
and the staff used the time to recoat the secondary mirror and repair a stiff bearing in the dome.</p>
<p>Volunteers also finished cataloguing the glass plates donated by a retired teacher, some of which show the \
same patch of sky photographed every clear night for more than twenty years.</p>
<iframe src="https://video.example.net/embed/123"></iframe>
<object data="https://files.example.net/chart.svg"></object>
</article></body></html>
"""


@pytest.fixture
def no_network(monkeypatch):
    """Every attempt to open a connection is recorded and refused."""
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_html_path_opens_no_sockets(no_network, pipeline):
    """External images, stylesheets, scripts and frames are never fetched, with or without a URL."""
    data = EXTERNAL_PAGE.encode("utf-8")
    doc = pipeline.run(read_one(data, "page-with-links"))
    assert_kept(doc, "Cloud cover kept the main telescope closed for five nights in a row")
    with_url = read_html(data, "page", url="https://www.example.net/news/observatory")
    assert "glass plates donated by a retired teacher" in with_url.raw
    for name in ARTICLES:
        read_one(page_bytes(name), name)
    assert no_network == []


# --- the two renderers ---------------------------------------------------------------------------


def test_body_to_text_lines():
    """trafilatura's XML: one line per paragraph, heading, bulleted item, table row; no images."""
    body = etree.fromstring(
        "<body><head rend='h2'>Opening hours</head><p>Open <hi>every</hi> day.</p>"
        "<list><item>Monday</item><item>Tuesday</item></list><graphic src='x.jpg'/>"
        "<table><row><cell>Adults</cell><cell>5 euros</cell></row></table><quote>Worth it.</quote></body>"
    )
    assert body_to_text(body) == "Opening hours\nOpen every day.\n• Monday\n• Tuesday\nAdults | 5 euros\nWorth it."


def test_visible_text_skips_invisible_elements():
    """Scripts, styles, noscript and the head are not shown; blocks make lines, list items bullets."""
    tree = _parse(
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<script>var hidden = 1;</script><p>Hello <b>big</b> world</p><ul><li>one</li><li>two</li></ul>"
        "<noscript>Please enable JavaScript</noscript><div>inline<span> tail</span></div></body></html>"
    )
    assert visible_text(tree) == "Hello big world\n• one\n• two\ninline tail"
