"""WARC and WET reader: HTML responses and conversion records become Documents; the rest is skipped or ignored."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner import Document
from cleaner.readers import InputFailure, Skipped, detect_format, read_input
from tests.conftest import ROOT, assert_kept

HTML_DIR = ROOT / "fixtures" / "html"
FR_URL = "https://www.echodescotes.example/bretagne/lannion-car-express"
EN_URL = "https://www.coastalcourier.example/news/sea-wall"
PNG_URL = "https://img.echodescotes.example/logo.png"
FR_DATE = "2024-03-14T09:12:45Z"
EN_DATE = "2024-03-14T09:13:02Z"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4

WET_ONE = """Menu
Home | News | Sport | Weather | Contact

The library on Church Street will open on Sundays from next month, the council announced, after a trial \
over the summer brought in more than three hundred visitors each weekend.
Staff said families with young children had been the most regular visitors, and that the reading room \
upstairs had been full by eleven o'clock on most Sunday mornings.
"""
WET_TWO = """Les travaux de rénovation du pont de la Corderie s'achèveront à la fin du mois d'avril, a indiqué \
la mairie, qui prévoit une réouverture aux piétons dès le premier week-end de mai.
Les cyclistes devront patienter quelques semaines de plus, le temps que le revêtement de la piste soit posé.
"""


def http_response(writer: WARCWriter, url: str, date: str, ctype: str, payload: bytes):
    headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
    return writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(payload),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": date},
    )


def build_warc(gzip: bool) -> tuple[bytes, list[int]]:
    """A crawl: warcinfo, request, HTML response (fr), image response, request, HTML response (en).

    Returns the archive and the byte offset at which each record ends.
    """
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    ends: list[int] = []

    def write(record) -> None:
        writer.write_record(record)
        ends.append(buf.tell())

    write(writer.create_warcinfo_record("crawl.warc", {"software": "test-crawler/1.0"}))
    request = StatusAndHeaders("GET /bretagne/lannion-car-express HTTP/1.1", [("Host", "www.echodescotes.example")])
    write(writer.create_warc_record(FR_URL, "request", payload=io.BytesIO(b""), http_headers=request))
    write(
        http_response(writer, FR_URL, FR_DATE, "text/html; charset=utf-8", (HTML_DIR / "fr_article.html").read_bytes())
    )
    write(http_response(writer, PNG_URL, "2024-03-14T09:12:50Z", "image/png", PNG))
    request = StatusAndHeaders("GET /news/sea-wall HTTP/1.1", [("Host", "www.coastalcourier.example")])
    write(writer.create_warc_record(EN_URL, "request", payload=io.BytesIO(b""), http_headers=request))
    write(http_response(writer, EN_URL, EN_DATE, "text/html", (HTML_DIR / "en_article.html").read_bytes()))
    return buf.getvalue(), ends


def build_wet(gzip: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.wet.gz", {"software": "test-crawler/1.0"}))
    for url, date, text in (
        ("https://library.example.org/sundays", "2024-06-01T10:00:00Z", WET_ONE),
        ("https://mairie.example.fr/pont-corderie", "2024-06-01T10:00:05Z", WET_TWO),
    ):
        writer.write_record(
            writer.create_warc_record(
                url,
                "conversion",
                payload=io.BytesIO(text.encode("utf-8")),
                warc_headers_dict={"WARC-Date": date, "Content-Type": "text/plain"},
            )
        )
    return buf.getvalue()


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("source", ["crawl.warc", "crawl-00001"])
def test_warc_documents_skips_and_order(gzip, source):
    """HTML responses become Documents in archive order; the image is Skipped; requests and warcinfo ignored."""
    data, _ = build_warc(gzip)
    if not gzip:
        assert detect_format(data, source) == "warc"
    items = list(read_input(data, source + (".gz" if gzip else "")))
    assert [type(x) for x in items] == [Document, Skipped, Document]
    fr, skipped, en = items
    assert sum(isinstance(x, Skipped) for x in items) == 1
    assert "image/png" in skipped.reason
    assert (fr.metadata["url"], fr.metadata["crawl_date"]) == (FR_URL, FR_DATE)
    assert (en.metadata["url"], en.metadata["crawl_date"]) == (EN_URL, EN_DATE)
    assert fr.metadata["extractor"] == en.metadata["extractor"] == "trafilatura"
    assert fr.id != en.id


def test_warc_html_is_cleaned(pipeline):
    """A response's page is cleaned like an HTML file: article kept, page furniture gone, page metadata read."""
    data, _ = build_warc(gzip=True)
    fr, _, en = list(read_input(data, "crawl.warc.gz"))
    pipeline.run(fr)
    pipeline.run(en)
    assert_kept(fr, "Six mois après son lancement", "Reste la question du financement.")
    assert_kept(en, "Councillors in Port Ellery voted unanimously", "Not everyone is convinced.")
    for doc, junk in ((fr, "Nous utilisons des cookies"), (fr, "3 commentaires"), (en, "Sign up for our newsletter")):
        assert junk not in doc.kept_text()
    assert (fr.lang, en.lang) == ("fr", "en")
    assert fr.title and fr.title.startswith("À Lannion")
    assert fr.date and fr.date.startswith("2024-03-14")
    # The crawl date stays the archive's, next to the page's own date.
    assert fr.metadata["crawl_date"] == FR_DATE


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_wet_conversion_records(pipeline, gzip):
    """WET conversion records are plain text: one Document each, with url and crawl date, then cleaned."""
    items = list(read_input(build_wet(gzip), "crawl.warc.wet" + (".gz" if gzip else "")))
    assert [type(x) for x in items] == [Document, Document]
    one, two = items
    assert one.metadata["url"] == "https://library.example.org/sundays"
    assert one.metadata["crawl_date"] == "2024-06-01T10:00:00Z"
    assert two.metadata["url"] == "https://mairie.example.fr/pont-corderie"
    assert two.metadata["crawl_date"] == "2024-06-01T10:00:05Z"
    assert one.raw == WET_ONE and two.raw == WET_TWO
    assert "extractor" not in one.metadata
    pipeline.run(one)
    pipeline.run(two)
    assert_kept(one, "The library on Church Street will open on Sundays", "Staff said families with young children")
    assert "Home | News | Sport" not in one.kept_text()
    assert_kept(two, "Les travaux de rénovation du pont de la Corderie")
    assert (one.lang, two.lang) == ("en", "fr")


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_truncated_warc_keeps_earlier_documents(gzip):
    """Cut mid-record: the documents before the cut come through, then one InputFailure; nothing raises."""
    data, ends = build_warc(gzip)
    # Cut in the middle of the last record (the English page), well after the first page and the image.
    cut = (ends[-2] + ends[-1]) // 2
    items = list(read_input(data[:cut], "crawl.warc" + (".gz" if gzip else "")))
    docs = [x for x in items if isinstance(x, Document)]
    failures = [x for x in items if isinstance(x, InputFailure)]
    assert [d.metadata["url"] for d in docs] == [FR_URL], [type(x).__name__ for x in items]
    assert sum(isinstance(x, Skipped) for x in items) == 1
    assert len(failures) == 1 and items[-1] is failures[0]
    assert failures[0].source.startswith("crawl.warc")
