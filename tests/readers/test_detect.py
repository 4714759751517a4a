"""Format detection: content first (WARC header, JSON first line, markup), then the file name."""

from __future__ import annotations

import gzip

import pytest

from cleaner import Document
from cleaner.readers import InputFailure, Skipped, detect_format, read_input

PROSE = b"The harbour master said the new pontoon would be ready before the regatta in July.\n"
PAGE = (
    b"<!DOCTYPE html><html lang='en'><head><title>Pontoon</title></head><body><article><h1>Pontoon</h1>"
    b"<p>The harbour master said the new pontoon would be ready before the regatta in July.</p>"
    b"</article></body></html>"
)
JSONL = b'{"text": "The harbour master said the new pontoon would be ready."}\n'
WARC = b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"


@pytest.mark.parametrize(
    ("data", "source", "expected"),
    [
        # content decides when the name says nothing
        (WARC, "crawl-0001", "warc"),
        (JSONL, "export-0001", "jsonl"),
        (PAGE, "page-0001", "html"),
        (PROSE, "dump-0001", "text"),
        # a WARC header wins over any name
        (WARC, "crawl.jsonl", "warc"),
        (WARC, "crawl.html", "warc"),
        # names: JSONL and HTML extensions, case-insensitive, behind compression suffixes
        (PROSE, "export.jsonl", "jsonl"),
        (PROSE, "export.ndjson", "jsonl"),
        (PROSE, "export.json", "jsonl"),
        (PROSE, "export.JSONL.GZ", "jsonl"),
        (PROSE, "page.htm", "html"),
        (PROSE, "page.XHTML", "html"),
        (PROSE, "page.html.zst", "html"),
        (PROSE, "archive/page.html.gz.bz2", "html"),
        # markup in a .txt file is still a page; prose in a .txt file is text
        (PAGE, "page.txt", "html"),
        (PROSE, "notes.txt", "text"),
        (PROSE, "notes.txt.gz", "text"),
        # JSON that is not one object per line is not JSONL
        (b'["a", "b"]\n', "list-0001", "text"),
        (b"{this is a brace, not JSON}\n", "brace-0001", "text"),
        (b"", "empty", "text"),
    ],
)
def test_detect_format(data, source, expected):
    assert detect_format(data, source) == expected


def test_detection_runs_on_decompressed_bytes():
    """read_input sniffs the format after decompression: a gzipped page without extension is HTML."""
    (doc,) = list(read_input(gzip.compress(PAGE), "blob"))
    assert doc.metadata["extractor"] == "trafilatura"
    assert "pontoon" in doc.raw


def test_explicit_format_overrides_detection():
    """fmt forces the reader: HTML read as text keeps the markup; text read as HTML is extracted."""
    (as_text,) = list(read_input(PAGE, "page.html", fmt="text"))
    assert "<article>" in as_text.raw
    assert "extractor" not in as_text.metadata
    (as_html,) = list(read_input(PAGE, "page.txt", fmt="html"))
    assert "<article>" not in as_html.raw
    assert as_html.metadata["extractor"] in ("trafilatura", "text")
    items = list(read_input(PROSE, "notes.txt", fmt="jsonl"))
    assert len(items) == 1 and isinstance(items[0], InputFailure)
    assert items[0].error == "RecordError"


def test_text_and_html_readers_yield_exactly_one_document():
    for data, source in ((PROSE, "notes.txt"), (PAGE, "page.html"), (b"", "empty.txt")):
        items = list(read_input(data, source))
        assert len(items) == 1 and isinstance(items[0], Document)
        assert items[0].source == source


def test_failure_and_skip_carry_source_and_reason():
    failure = InputFailure("in.warc", "WarcError", "broken record")
    assert (failure.source, failure.error, failure.message) == ("in.warc", "WarcError", "broken record")
    skipped = Skipped("in.warc", "not HTML (image/png)")
    assert (skipped.source, skipped.reason) == ("in.warc", "not HTML (image/png)")
