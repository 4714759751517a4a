"""Plain-text page dumps: decode bytes into a Document, loudly but without failing."""

from __future__ import annotations

import codecs
import re

from ..document import Document
from ..pipeline import document_id

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_LE, "utf-16"), (codecs.BOM_BE, "utf-16"))

# Formats that are never page text, by their magic bytes.
_BINARY_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
# Control bytes that text never holds (tab, newline, form feed, carriage return and ESC are text).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b") + b"\x7f"
_SNIFF = 8192
_NON_ASCII_CHAR = re.compile("[^\x00-\x7f\ufffd]")


def _two_byte_text_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the NUL bytes sit at every other position, as in ASCII-heavy UTF-16."""
    pairs = len(head) // 2
    if pairs < 4:
        return None
    even = head[0 : pairs * 2 : 2].count(0)
    odd = head[1 : pairs * 2 : 2].count(0)
    if odd >= 0.6 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.6 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def binary_kind(data: bytes) -> str | None:
    """What a binary (non-text) input is ("PNG image", "binary data"), or None for text."""
    for magic, name in _BINARY_MAGIC:
        if data.startswith(magic):
            return name
    head = data[:_SNIFF]
    if not head or any(head.startswith(bom) for bom, _ in _BOMS) or _two_byte_text_without_bom(head):
        return None
    controls = sum(head.count(b) for b in _CONTROL)
    # A NUL byte, or more than a few control bytes in a hundred: no text dump looks like that.
    if b"\0" in head or controls > max(2, len(head) // 50):
        return "binary data"
    return None


def _utf8_only_at_end(exc: UnicodeDecodeError, data: bytes) -> bool:
    """The only invalid UTF-8 is a character cut at the very end (a truncated file)."""
    return exc.end == len(data) and exc.reason == "unexpected end of data"


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings). UTF-8 first; a BOM wins; else cp1252; never raises.

    ISO-8859-1 (Latin-1) text is read as Windows-1252, as browsers do (the WHATWG
    Encoding Standard makes the two one encoding): every printable Latin-1 byte
    decodes the same, and the bytes 0x80-0x9F give cp1252's quotes, dashes and euro sign.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, "replace"), enc.replace("-sig", ""), []
    wide = _two_byte_text_without_bom(data[:_SNIFF])
    if wide:
        return data.decode(wide, "replace"), "utf-16", ["no byte order mark; decoded as UTF-16"]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        where = exc.start
        cut_at_end = _utf8_only_at_end(exc, data)
    # Mostly UTF-8 with a few bad bytes: keep UTF-8 and replace those. Text without a single valid
    # multi-byte UTF-8 character is not UTF-8 at all, however few its accented letters.
    as_utf8 = data.decode("utf-8", "replace")
    bad = as_utf8.count("\ufffd")
    valid_multibyte = _NON_ASCII_CHAR.search(as_utf8) is not None
    if cut_at_end or (valid_multibyte and bad <= max(3, len(data) // 1000)):
        return as_utf8, "utf-8", [f"invalid UTF-8 at byte {where}; {bad} bytes replaced"]
    return data.decode("cp1252", "replace"), "cp1252", ["not UTF-8; decoded as Windows-1252"]


def read_text(data: bytes, source: str = "-") -> Document:
    """A Document from the raw bytes of a text dump."""
    text, encoding, warnings = decode(data)
    doc = Document(raw=text, source=source, id=document_id(source, data))
    doc.metadata["encoding"] = encoding
    doc.warnings.extend(warnings)
    if not text.strip():
        doc.warnings.append("empty input")
    return doc
