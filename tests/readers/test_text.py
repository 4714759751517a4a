"""Text reader: bytes decoded loudly but without failing; UTF-8 first, a BOM wins, cp1252 as last resort."""

from __future__ import annotations

import codecs

from cleaner.readers.text import decode, read_text


def test_utf8_without_warning():
    """Valid UTF-8 decodes silently."""
    text, encoding, warnings = decode("Le café a rouvert.".encode())
    assert (text, encoding, warnings) == ("Le café a rouvert.", "utf-8", [])


def test_bom_wins():
    """A UTF-8 or UTF-16 BOM decides the encoding and is not part of the text."""
    assert decode(codecs.BOM_UTF8 + "Straße".encode())[0] == "Straße"
    text, encoding, _ = decode("Niño".encode("utf-16"))
    assert text == "Niño" and encoding == "utf-16"


def test_few_bad_bytes_keep_utf8_with_a_warning():
    """A few invalid bytes in UTF-8 text are replaced, with a warning."""
    data = "Le café est très bon ".encode() * 20 + b"\xff" + b" et la terrasse aussi."
    text, encoding, warnings = decode(data)
    assert encoding == "utf-8"
    assert "café" in text and "\ufffd" in text
    assert warnings and "UTF-8" in warnings[0]


def test_cp1252_fallback_with_a_warning():
    """Mostly non-UTF-8 bytes are read as Windows-1252, with a warning."""
    data = "Le café était très animé, même l'été à Besançon.".encode("cp1252")
    text, encoding, warnings = decode(data)
    assert encoding == "cp1252"
    assert text == "Le café était très animé, même l'été à Besançon."
    assert warnings


def test_read_text_builds_a_document():
    """read_text gives a Document with source, id, encoding metadata and warnings."""
    doc = read_text(b"", "empty.txt")
    assert doc.source == "empty.txt"
    assert doc.id
    assert doc.metadata["encoding"] == "utf-8"
    assert "empty input" in doc.warnings
