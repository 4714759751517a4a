"""HTML reader: detection by content, main content, visible-text fallback, metadata, one parse, charsets, no network."""

from __future__ import annotations

import io
import json
import socket

import pytest
from lxml import etree

from cleaner import Document, Pipeline
from cleaner.readers import detect_format, read_input
from cleaner.readers import html as html_reader
from cleaner.readers.html import (
    _parse,
    body_to_text,
    decode_html,
    extract,
    fast_metadata,
    load_tree,
    looks_like_html,
    read_html,
    visible_text,
)
from cleaner.runner import Settings, Unit, clean_unit
from tests.conftest import ROOT, assert_kept, describe, records

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


def test_inline_code_stays_in_its_paragraph_and_code_blocks_keep_their_lines():
    """<code> inside a paragraph is a word of it; a code block (with its inner <code>) is lines."""
    body = etree.fromstring(
        "<body><p>Values of type <code>0000-00-00</code> become <code>NULL</code> here.</p>"
        "<code><code class='language-sql'>UPDATE booking\n   SET cancelled = NULL;</code></code></body>"
    )
    assert body_to_text(body) == "Values of type 0000-00-00 become NULL here.\nUPDATE booking\n SET cancelled = NULL;"


def test_visible_text_skips_invisible_elements():
    """Scripts, styles, noscript and the head are not shown; blocks make lines, list items bullets."""
    tree = _parse(
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<script>var hidden = 1;</script><p>Hello <b>big</b> world</p><ul><li>one</li><li>two</li></ul>"
        "<noscript>Please enable JavaScript</noscript><div>inline<span> tail</span></div></body></html>"
    )
    assert visible_text(tree) == "Hello big world\n• one\n• two\ninline tail"


# --- metadata: the cheap sources by default, trafilatura's complete search on request --------------

META_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Tide tables move online | Harbour Gazette</title>
<meta property="og:title" content="Tide tables move online">
<meta property="og:site_name" content="Harbour Gazette">
<meta name="description" content="The harbour office stops printing its tide tables.">
<meta property="article:published_time" content="2023-05-04T08:30:00+01:00">
<meta property="article:section" content="Local news">
<meta property="article:tag" content="harbour">
<link rel="canonical" href="https://www.harbourgazette.example/news/tide-tables">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Tide tables move online",
 "author": {"@type": "Person", "name": "Morwenna Tregarthen"}}
</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Tide tables move online</h1>
<p>From next month the harbour office will no longer print its yearly booklet of tide tables, which \
fishermen and sailors have picked up at the quay for more than sixty years.</p>
<p>The tables will instead be published on the office's website and on a board by the slipway, \
updated every week, and the money saved will go towards a new safety ladder on the north pier.</p>
<p>Older members of the sailing club say they will miss the booklet, which fitted in a jacket pocket \
and survived more soakings than any phone.</p>
</article></body></html>
"""
META_KEPT = "the harbour office will no longer print its yearly booklet of tide tables"

# The author only in the markup (rel="author"), the title only in <title> and <h1>.
REL_AUTHOR_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry timetable changes</title></head><body>
<article><h1>Ferry timetable changes</h1>
<div class="meta"><a rel="author" href="/people/jane-roe">Jane Roe</a></div>
<p>The island ferry will run two extra crossings on summer weekends, the operator said on Monday, after a \
season in which cars queued for hours at the terminal.</p>
<p>The earliest boat will leave at half past six, and a late return crossing will be added on Saturdays for \
people coming back from the mainland theatre.</p>
<p>Foot passengers will be able to book seats online for the first time, though a share of the tickets will \
still be sold at the quay.</p>
</article></body></html>
"""

# Byline and date as lines of the article, in no markup or meta tag.
BYLINE_PAGE = REL_AUTHOR_PAGE.replace(
    '<div class="meta"><a rel="author" href="/people/jane-roe">Jane Roe</a></div>',
    "<p>By Jane Roe</p>\n<p>Published on 12 March 2024</p>",
)


def test_fast_metadata_from_meta_tags_and_json_ld():
    """Title (OpenGraph), author (JSON-LD), date (meta), site, URL, section and tags, without an XPath search."""
    doc = read_html(META_PAGE.encode("utf-8"), "tide.html")
    assert doc.metadata["extractor"] == "trafilatura"
    assert META_KEPT in doc.raw
    assert doc.title == "Tide tables move online"
    assert doc.author == "Morwenna Tregarthen"
    assert doc.date == "2023-05-04"
    assert doc.site == "Harbour Gazette"
    assert doc.metadata["url"] == "https://www.harbourgazette.example/news/tide-tables"
    assert doc.metadata["categories"] == ["Local news"]
    assert doc.metadata["tags"] == ["harbour"]
    meta = fast_metadata(load_tree(META_PAGE))
    assert meta["description"] == "The harbour office stops printing its tide tables."


def test_fast_metadata_title_from_the_page_and_site_from_the_url():
    """No meta tags: the single <h1> is the title; the site comes from the URL given."""
    doc = read_html(REL_AUTHOR_PAGE.encode("utf-8"), "ferry.html", url="https://www.islandnews.example/ferry")
    assert doc.title == "Ferry timetable changes"
    assert doc.site == "islandnews.example"
    assert doc.metadata["url"] == "https://www.islandnews.example/ferry"


def test_one_word_meta_author_is_not_a_name():
    """A meta author of one word ("admin") is dropped, as trafilatura does."""
    page = META_PAGE.replace('"author": {"@type": "Person", "name": "Morwenna Tregarthen"}', '"x": 1').replace(
        "<title>", '<meta name="author" content="admin"><title>'
    )
    assert read_html(page.encode("utf-8"), "tide.html").author is None


def test_author_and_date_in_the_text_come_from_the_metadata_stage(pipeline):
    """Named only in article lines, the author is left to the text stages' bylines (htmldate's search
    of the text may find the date first; either way the page's date is the one in its text)."""
    doc = read_html(BYLINE_PAGE.encode("utf-8"), "ferry.html")
    assert doc.author is None
    doc = pipeline.run(doc)
    assert doc.author == "Jane Roe"
    assert doc.date == "2024-03-12"
    assert "By Jane Roe" not in doc.kept_text()


def _warc_with(payload: bytes) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://islandnews.example/ferry", "response", payload=io.BytesIO(payload), http_headers=headers
        )
    )
    return buf.getvalue()


def test_full_metadata_switch_runs_trafilatura_complete_search():
    """The author in markup only (rel="author") is found with full_metadata, for pages, JSONL and WARC records."""
    data = REL_AUTHOR_PAGE.encode("utf-8")
    assert read_html(data, "ferry.html").author is None
    assert read_html(data, "ferry.html", full_metadata=True).author == "Jane Roe"
    jsonl = json.dumps({"id": "1", "html": REL_AUTHOR_PAGE}).encode("utf-8") + b"\n"
    for blob, source in ((data, "ferry.html"), (jsonl, "pages.jsonl"), (_warc_with(data), "crawl.warc")):
        (fast,) = read_input(blob, source)
        (full,) = read_input(blob, source, full_metadata=True)
        assert (fast.author, full.author) == (None, "Jane Roe"), source
        assert fast.raw == full.raw


def test_full_metadata_switch_from_the_config_file(tmp_path):
    """`[html] full_metadata = true` in the config reaches the reader through the runner."""
    page = tmp_path / "ferry.html"
    page.write_bytes(REL_AUTHOR_PAGE.encode("utf-8"))
    conf = tmp_path / "cleaner.toml"
    conf.write_text("[html]\nfull_metadata = true\n", encoding="utf-8")
    authors = []
    for settings in (Settings(), Settings(config_path=str(conf))):
        (event,) = clean_unit(Unit(str(page), page.read_bytes()), settings)
        (record,) = records(event.text)
        authors.append(record["author"])
    assert authors == [None, "Jane Roe"]


@pytest.fixture
def parse_count(monkeypatch):
    """The markup cleaner parses (trafilatura's own fallback extractors aside): ours must not run on a page
    trafilatura takes, and trafilatura and htmldate must be handed the tree, never the markup."""
    import htmldate
    import trafilatura

    parsed: list[str] = []
    real_load, real_extract, real_date = trafilatura.load_html, trafilatura.bare_extraction, htmldate.find_date

    def load(page, *args, **kwargs):
        if isinstance(page, str | bytes):
            parsed.append("trafilatura")
        return real_load(page, *args, **kwargs)

    def given_a_tree(real):
        def call(page, *args, **kwargs):
            if isinstance(page, str | bytes):
                parsed.append(real.__name__)
            return real(page, *args, **kwargs)

        return call

    def forbidden(html):
        raise AssertionError("the page was parsed a second time")

    monkeypatch.setattr(trafilatura, "load_html", load)
    monkeypatch.setattr(trafilatura, "bare_extraction", given_a_tree(real_extract))
    monkeypatch.setattr(htmldate, "find_date", given_a_tree(real_date))
    monkeypatch.setattr(html_reader, "_parse", forbidden)
    return parsed


@pytest.mark.parametrize("full", [False, True])
def test_page_is_parsed_once(parse_count, full):
    """One parse serves extraction, metadata and the visible-text check, on a page trafilatura misses too."""
    thin = read_html(page_bytes("thin.html"), "thin.html", full_metadata=full)
    assert thin.metadata["extractor"] == "text"
    assert "Slugs were the main complaint in June" in thin.raw
    assert parse_count == ["trafilatura"]
    article = read_html(page_bytes("en_article.html"), "en.html", full_metadata=full)
    assert article.metadata["extractor"] == "trafilatura"
    assert article.author == "Thomas Whitfield" and article.date == "2023-11-02"
    assert parse_count == ["trafilatura", "trafilatura"]


def test_tree_stays_intact_for_the_fallback():
    """trafilatura works on a copy: the shared tree still renders the whole visible text."""
    html, _ = decode_html(page_bytes("thin.html"))
    tree = load_tree(html)
    before = visible_text(tree)
    text, _ = extract(tree)
    assert visible_text(tree) == before
    assert len(text) < len(before)


def _boom(*args, **kwargs):
    raise RuntimeError("trafilatura changed")


def test_metadata_helpers_that_fail_cost_their_fields_only(monkeypatch):
    """A changed or broken trafilatura/htmldate helper empties its fields; the text and other fields remain."""
    import htmldate
    import trafilatura.metadata

    monkeypatch.setattr(trafilatura.metadata, "examine_meta", _boom)
    doc = read_html(META_PAGE.encode("utf-8"), "tide.html")
    assert META_KEPT in doc.raw and doc.warnings == []
    assert doc.author == "Morwenna Tregarthen"  # JSON-LD still read
    assert doc.title == "Tide tables move online"  # the single <h1>
    assert doc.date == "2023-05-04"  # htmldate reads the meta tag itself
    assert doc.metadata.get("tags") is None  # article:tag was examine_meta's

    monkeypatch.delattr(trafilatura.metadata, "extract_meta_json")
    monkeypatch.setattr(htmldate, "find_date", _boom)
    doc = read_html(META_PAGE.encode("utf-8"), "tide.html")
    assert META_KEPT in doc.raw and doc.warnings == []
    assert (doc.author, doc.date) == (None, None)
    assert doc.title == "Tide tables move online"
    assert doc.metadata["extractor"] == "trafilatura"


def test_no_trafilatura_metadata_module_means_no_metadata_not_a_crash(monkeypatch, pipeline):
    """Without trafilatura's metadata helpers the page is still extracted; the text stages find the title."""

    def missing():
        raise ImportError("no trafilatura.metadata")

    monkeypatch.setattr(html_reader, "_trafilatura_metadata", missing)
    doc = read_html(META_PAGE.encode("utf-8"), "tide.html")
    assert META_KEPT in doc.raw and doc.warnings == []
    assert doc.metadata["extractor"] == "trafilatura"
    assert (doc.title, doc.author, doc.date, doc.site) == (None, None, None, None)
    assert pipeline.run(doc).title == "Tide tables move online"


def _tree(html: str):
    import lxml.html

    return lxml.html.document_fromstring(html)


def test_a_single_h1_completes_a_shortened_og_title():
    """og:title is the headline cut short for social cards; the <h1> that starts with it is the title."""
    from cleaner.readers.html import page_title

    tree = _tree(
        "<html><head><title>Torrealta restringirá el agua por la noche por la sequía | Diario</title></head>"
        "<body><h1>Torrealta restringirá el agua por la noche por la sequía</h1></body></html>"
    )
    assert page_title(tree, "Torrealta restringirá el agua por la noche") == (
        "Torrealta restringirá el agua por la noche por la sequía"
    )


def test_a_title_that_is_the_site_name_gives_way_to_the_head_of_title():
    """A forum whose only <h1> is its name: the topic before ' - <Site>' in <title> is the title."""
    from cleaner.readers.html import page_title

    tree = _tree(
        "<html><head><title>¿Merece la pena la aerotermia en un piso? - ForoCasa</title></head>"
        "<body><h1>ForoCasa</h1></body></html>"
    )
    assert page_title(tree, "ForoCasa") == "¿Merece la pena la aerotermia en un piso?"
    # "<Site> - <headline>": the tail is the headline, not a site name, and stays the title.
    tree = _tree("<html><head><title>Jutarnji list - Bankari prijavljeni zbog malverzacija</title></head></html>")
    assert page_title(tree, "Bankari prijavljeni zbog malverzacija") == "Bankari prijavljeni zbog malverzacija"


def test_standfirst_above_the_body_container_is_put_back():
    """trafilatura takes the body container; the summary under the <h1> (class "…chapo") comes first."""
    from cleaner.readers.html import standfirst

    tree = _tree(
        "<html><body><header><h1>Deux piscines fermeront cet été</h1>"
        '<p class="article__chapo">La métropole annonce que les piscines Jean-Bouin et des Aubiers resteront '
        "fermées en juillet et en août.</p></header><div class=article__body><p>Texte.</p></div></body></html>"
    )
    lead = standfirst(tree, "Texte.", None)
    assert lead is not None and lead.startswith("La métropole annonce que les piscines")
    # Already in the extraction, or an ordinary paragraph with no standfirst class nor description: nothing.
    assert standfirst(tree, lead + "\nTexte.", None) is None
    body = "Un paragraphe ordinaire du texte. " * 3
    plain = _tree(f"<html><body><h1>Deux piscines</h1><p>{body}</p></body></html>")
    assert standfirst(plain, "Texte.", None) is None
    assert standfirst(plain, "Texte.", "Un paragraphe ordinaire du texte. Un paragraphe de plus.") is not None


def test_a_page_that_is_only_its_title_keeps_it_as_text(pipeline):
    """A one-line note: the line is the title and also the text (not a record with empty text)."""
    line = "Deep fake phishing is still rare, and most attacks still start with a stolen password"
    page = f"<html><head><title>{line}</title></head><body><p>{line}</p></body></html>"
    doc = pipeline.run(read_one(page.encode(), "note.html"))
    assert doc.title == line
    assert doc.kept_text() == line


def test_standfirst_under_the_header_holding_the_h1_is_put_back():
    """The <h1> shares its <header> with the byline and share bar; the lead paragraph follows the header."""
    from cleaner.readers.html import standfirst

    tree = _tree(
        "<html><body><article><header><h1>Mühlenbrücke bleibt bis Oktober gesperrt</h1>"
        "<div class=share-bar>Artikel teilen</div></header>"
        '<p class="article__lead">Die Sanierung der Mühlenbrücke dauert deutlich länger als geplant, und '
        "Pendler müssen weiter einen Umweg fahren.</p><div class=body><p>Text.</p></div></article></body></html>"
    )
    lead = standfirst(tree, "Text.", None)
    assert lead is not None and lead.startswith("Die Sanierung der Mühlenbrücke")


def test_standfirst_past_a_score_box_is_put_back():
    """A match report's summary comes after the score box: a few elements on, its class still names it."""
    from cleaner.readers.html import standfirst

    tree = _tree(
        "<html><body><div class=article><h1>Vendôme renverse Pornac</h1><div class=share>Partager</div>"
        "<div class=scorebox>Vendôme 2 - 1 Pornac</div>"
        '<p class="article__chapo">Menés à la pause, les Vendômois ont attendu les douze dernières minutes '
        "pour retourner la situation.</p><div class=body><p>Texte.</p></div></div></body></html>"
    )
    lead = standfirst(tree, "Texte.", None)
    assert lead is not None and lead.startswith("Menés à la pause")
    # A list of teaser links with a 'teaser' class is no standfirst.
    links = _tree(
        "<html><body><h1>Vendôme renverse Pornac</h1><div class=scorebox>2 - 1</div>"
        '<div class="teaser-list"><a href="/a">Le classement complet après la vingtième journée</a> '
        '<a href="/b">Keita, le joker qui ne voulait plus être joker</a></div><p>Texte.</p></body></html>'
    )
    assert standfirst(links, "Texte.", None) is None


def test_forum_signatures_and_attachment_boxes_go(pipeline):
    """phpBB's signature and attachment box sit inside the post that trafilatura keeps: their lines go
    in the navigation stage (pruning them before the extraction changes what trafilatura keeps)."""
    post = (
        '<div class="post"><div class="postbody"><div class="content">{text}</div>{extra}'
        '<div id="sig1" class="signature">Quien siembra con prisa, cosecha con pena.</div></div></div>'
    )
    attach = '<dl class="attachbox"><dt>Adjuntos</dt><dd>hojas_tomate.jpg (184.3 KiB) Visto 212 veces</dd></dl>'
    texts = [
        "Tengo seis tomateras con las hojas de abajo amarillas desde hace una semana y no sé qué les pasa. "
        "Riego por goteo cada dos días y al preparar el bancal eché compost casero del año pasado.",
        "Por lo que cuentas, que empiece por las hojas viejas tiene toda la pinta de falta de nitrógeno. "
        "Yo echaría un purín de ortiga diluido o un abono orgánico rico en nitrógeno y esperaría una semana.",
        "Coincido con Paco, y además el riego cada dos días con este calor se queda corto para un bancal. "
        "Quita también las hojas amarillas de abajo, que no se van a recuperar y así entra más aire.",
    ]
    page = (
        "<html><body><h1>Tomateras con hojas amarillas</h1>"
        + "".join(post.format(text=t, extra=attach if i == 2 else "") for i, t in enumerate(texts))
        + "</body></html>"
    )
    doc = pipeline.run(read_one(page.encode(), "foro.html"))
    kept = doc.kept_text()
    assert "Tengo seis tomateras" in kept and "Coincido con Paco" in kept
    assert "Quien siembra con prisa" not in kept
    assert "Visto 212 veces" not in kept
    assert any(b.reason == "forum-signature" for b in doc.blocks)


def test_thread_of_sibling_posts_trafilatura_cut_to_one_is_read_whole(pipeline):
    """XenForo wraps each post in <article class="message">; on the round-8 thread trafilatura keeps
    only the first. The page's visible text holds every post, and the text stages read the thread."""
    from cleaner.readers.html import extract, load_tree, one_post_of_many

    data = (ROOT / "fixtures" / "heldout8" / "de_forum.html").read_bytes()
    tree = load_tree(data.decode("utf-8"))
    text, _ = extract(tree)
    assert "Heizlastberechnung" not in text  # trafilatura alone: the first post only
    assert one_post_of_many(tree, text)
    doc = pipeline.run(read_one(data, "de_forum.html"))
    assert doc.metadata["extractor"] == "text"
    kept = doc.kept_text()
    assert "Heizlastberechnung" in kept and "Die Jahresarbeitszahl lag im ersten Jahr bei 3,4" in kept


def test_one_article_among_sections_of_one_class_stays_trafilaturas():
    """Page sections sharing a class, most of them near empty (ad slots, a short promo): no thread."""
    from cleaner.readers.html import one_post_of_many

    body = "Der Stadtrat hat am Dienstag den Bau von zwölf Kilometern Radweg beschlossen. " * 6
    tree = _tree(
        "<html><body>"
        f'<div class="slot x"><article><p>{body}</p></article></div>'
        + "".join('<div class="slot y">Anzeige</div>' for _ in range(4))
        + f'<div class="slot z"><p>{"Mehr aus der Region und weitere Nachrichten. " * 9}</p></div>'
        "</body></html>"
    )
    assert not one_post_of_many(tree, body.strip())


def test_the_posts_own_published_time_beats_older_dates_on_the_page():
    """htmldate takes the oldest date it finds on the round-8 blog page (2022, from elsewhere on the
    page); the post's own <time class="entry-date published"> says 2023-07-09."""
    from cleaner.readers.html import _find_date, load_tree

    tree = load_tree((ROOT / "fixtures" / "heldout8" / "fr_blog.html").read_text("utf-8"))
    assert _find_date(tree, None) == "2023-07-09"


def test_published_time_near_the_headline_wins_and_impossible_days_are_no_dates():
    """A sidebar of recent posts carries its own published <time>s: the one in the article holding the
    <h1> is the page's; 'datetime="2023-19-39"' is no date."""
    from cleaner.readers.html import _find_date

    tree = _tree(
        '<html><body><aside><time class="entry-date published" datetime="2015-03-02">2 March 2015</time></aside>'
        '<article><header><h1>Library hours cut</h1><time class="entry-date published" datetime="2024-05-06">'
        "6 May 2024</time></header><p>Text.</p></article></body></html>"
    )
    assert _find_date(tree, None) == "2024-05-06"
    bad = _tree('<html><body><h1>X</h1><time class="published" datetime="2023-19-39">?</time><p>T.</p></body></html>')
    assert _find_date(bad, None) != "2023-19-39"


def test_fragments_of_a_signature_are_no_chrome_lines():
    """A signature 'Desktop: <b>Linux</b>' gives its whole line, not the word 'linux' alone."""
    from cleaner.readers.html import chrome_lines

    tree = _tree(
        '<html><body><div class="signature">Desktop: <b>Linux</b> | Laptop: <b>Windows 11</b></div></body></html>'
    )
    keys = chrome_lines(tree)
    assert "desktop: linux | laptop: windows 11" in keys
    assert "linux" not in keys and "windows 11" not in keys


def test_text_dump_opening_with_stray_tags_is_text():
    """A copied page that opens with a tracking pixel's tags, then holds only plain lines, is a dump."""
    pixel = (
        b'<div><img src="https://stats.example/p.gif?id=1" width="1" height="1" /></div>\n<img src="x.gif" alt="">\n'
    )
    lines = [f"Line {i} of the copied page, plain text with no markup at all.".encode() for i in range(60)]
    dump = pixel + b"\n".join(lines)
    assert not looks_like_html(dump)
    assert detect_format(dump, "page.txt") == "text"
    # The same opening followed by markup that goes on is a page, with or without a document tag.
    page = pixel + b"\n".join(b"<p>" + line + b"</p>" for line in lines)
    assert looks_like_html(page)
    assert looks_like_html(b"<!doctype html>\n" + dump)


SECTION_CARDS = [
    (
        "Glaswerk steigt auf Elektroschmelze um",
        "Der Behälterglashersteller investiert 48 Millionen Euro in eine neue Schmelzwanne, die zu großen "
        "Teilen mit Strom statt Erdgas betrieben wird.",
    ),
    (
        "Arbeitslosenquote sinkt leicht auf 5,8 Prozent",
        "Die Arbeitsagentur meldet für November 3.942 Arbeitslose im Landkreis, rund 60 weniger als im "
        "Vormonat, und mehr offene Stellen.",
    ),
    (
        "Kaufhaus schließt nach 96 Jahren",
        "Die Inhaberfamilie findet keinen Nachfolger und gibt das Traditionshaus am Marktplatz Ende Januar "
        "auf, die Stadt sucht Händler.",
    ),
    (
        "Mehr Ausbildungsverträge im Handwerk",
        "Die Kreishandwerkerschaft zählt 412 neue Lehrlinge, ein Plus von acht Prozent, vor allem in den "
        "Bau- und Ausbauberufen der Region.",
    ),
    (
        "Stadtwerke senken den Strompreis",
        "Haushaltskunden zahlen ab Januar 2,1 Cent weniger pro Kilowattstunde, der Gaspreis bleibt dagegen "
        "unverändert, weil Netzentgelte steigen.",
    ),
]


def _section_page() -> bytes:
    cards = "".join(
        f'<article class="teaser"><span class="kicker">Region</span><h2><a href="/a{n}">{t}</a></h2>'
        f'<time datetime="2025-11-2{n}">2{n}.11.2025</time><p>{s}</p>'
        f'<a class="more" href="/a{n}">Weiterlesen</a></article>'
        for n, (t, s) in enumerate(SECTION_CARDS)
    )
    return (
        "<!doctype html><html lang='de'><head><meta charset='utf-8'><title>Wirtschaft | Talbote</title></head><body>"
        "<nav><ul><li><a href='/'>Startseite</a></li><li><a href='/w'>Wirtschaft</a></li>"
        "<li><a href='/s'>Sport</a></li></ul></nav>"
        f"<main><h1>Wirtschaft</h1><div class='list'>{cards}</div></main>"
        "<aside><h3>Meistgelesen</h3><ol><li><a href='/x'>Schwerer Unfall auf der Bundesstraße</a></li></ol></aside>"
        "<footer><p>© Verlagsgesellschaft Talbote mbH</p></footer></body></html>"
    ).encode()


def test_section_page_of_teaser_cards_is_a_listing_of_its_cards(pipeline):
    """trafilatura keeps a section page's excerpts and drops the linked headlines; the cards hold both:
    the page is read from them, as a listing, and its title is the <h1> without the site's name."""
    doc = pipeline.run(read_one(_section_page(), "wirtschaft.html"))
    assert doc.page_type == "listing"
    assert doc.metadata["extractor"] == "text"
    assert doc.title == "Wirtschaft"
    for title, summary in SECTION_CARDS:
        assert_kept(doc, title, summary[:60])
    kept = doc.kept_text()
    assert "Weiterlesen" not in kept and "Schwerer Unfall" not in kept and "Startseite" not in kept


def test_article_with_a_grid_of_related_cards_is_no_listing(pipeline):
    """An article followed by a grid of related cards stays an article: its extraction is the story."""
    story = "".join(
        f"<p>{s} Der Stadtrat will das Thema im Dezember erneut beraten, sagte der Bürgermeister am Abend.</p>"
        for _, s in SECTION_CARDS
    )
    cards = "".join(
        f'<article class="teaser"><h2><a href="/r{n}">Mehr: {t}</a></h2><p>Kurz gemeldet.</p></article>'
        for n, (t, _) in enumerate(SECTION_CARDS)
    )
    page = (
        "<!doctype html><html><head><title>Brücke gesperrt | Talbote</title></head><body><main><article>"
        f"<h1>Brücke gesperrt</h1>{story}</article><section class='related'>{cards}</section></main></body></html>"
    ).encode()
    doc = pipeline.run(read_one(page, "artikel.html"))
    assert doc.page_type == "article"
    assert doc.metadata["extractor"] == "trafilatura"


def test_page_declared_a_live_blog_is_one(pipeline):
    """schema.org's LiveBlogPosting says what the entries' dropped <time> stamps would have said."""
    updates = "".join(
        f"<article class='update'><time datetime='2025-10-22T1{n}:00'>1{n}:00</time><h2>Actualización {n}</h2>"
        f"<p>Los servicios de emergencia informan de nuevas incidencias en la comarca a las {n} de la tarde, "
        "con carreteras cortadas y varios municipios sin clases presenciales.</p></article>"
        for n in range(5)
    )
    ld = '{"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Temporal, en directo"}'
    page = (
        f"<!doctype html><html><head><script type='application/ld+json'>{ld}</script></head><body>"
        f"<main><h1>Temporal, en directo</h1>{updates}</main></body></html>"
    ).encode()
    assert pipeline.run(read_one(page, "directo.html")).page_type == "liveblog"
    plain = page.replace(b"LiveBlogPosting", b"NewsArticle")
    assert pipeline.run(read_one(plain, "noticia.html")).page_type == "article"


def test_footnotes_left_out_by_the_extraction_are_put_back(pipeline):
    """A newsletter post's footnotes ("footnote" elements after the body) are its text; the extraction
    often stops before them. Their back-link numbers stay out."""
    body = "".join(
        f"<p>Paragraph {n} of the post about the bike lane on the east side of the street, and what the "
        f"counters said about who rode it in the first year of the pilot.<a class='footnote-anchor' "
        f"href='#fn{n}'>{n}</a></p>"
        for n in range(1, 6)
    )
    notes = (
        "<div class='footnote'><a class='footnote-number' href='#a1'>1</a><div class='footnote-content'>"
        "<p>The pilot removed eleven parking spaces in total, fewer than the association claimed.</p></div></div>"
        "<div class='footnote'><a class='footnote-number' href='#a2'>2</a><div class='footnote-content'>"
        "<p>Tube counters can double-count cargo bikes and trailers, so treat the numbers with caution.</p>"
        "</div></div>"
    )
    page = (
        "<!doctype html><html><head><title>The bike lane</title></head><body><article><h1>The bike lane</h1>"
        f"{body}</article><div class='footnote-section'>{notes}</div><footer>© 2025 Low Gear</footer></body></html>"
    ).encode()
    doc = pipeline.run(read_one(page, "post.html"))
    assert_kept(doc, "The pilot removed eleven parking spaces in total", "Tube counters can double-count")
    assert "1The pilot" not in doc.kept_text() and doc.kept_text().count("eleven parking spaces") == 1


def test_answers_of_a_qa_page_left_out_by_the_extraction_are_put_back(pipeline):
    """schema.org Answer microdata: each answer's own text (not the comments under it) follows the question."""
    answer = (
        "The problem is not the groupby, it is the index you get from concat: reindexing is undefined when "
        "the same label appears more than once, so reset the index when you build the frame."
    )
    page = (
        "<!doctype html><html><head><title>Groupby raises on duplicate labels</title></head><body>"
        "<div class='question' itemscope itemtype='https://schema.org/Question'><h1>Groupby raises on duplicate "
        "labels</h1><div itemprop='text'><p>I build a DataFrame by concatenating monthly exports, and assigning a "
        "grouped running total back to it raises an error about duplicate labels. What is being reindexed, and "
        "what is the idiomatic way to add the column?</p></div></div>"
        "<div id='answers'><div class='answer' itemprop='acceptedAnswer' itemscope itemtype='https://schema.org/"
        f"Answer'><div itemprop='text'><p>{answer}</p></div><div class='comments'><p>Thanks, that fixed it for "
        "me as well.</p></div></div></div></body></html>"
    ).encode()
    doc = pipeline.run(read_one(page, "qa.html"))
    assert_kept(doc, answer[:80])
    assert "that fixed it for me" not in doc.kept_text()
