"""Plain-text page dumps: decode bytes into a Document, loudly but without failing."""

from __future__ import annotations

import codecs

from ..document import Document
from ..pipeline import document_id

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings). UTF-8 first; a BOM wins; else cp1252; never raises."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, "replace"), enc.replace("-sig", ""), []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        where = exc.start
    # Mostly UTF-8 with a few bad bytes: keep UTF-8 and replace those.
    bad = data.decode("utf-8", "replace").count("\ufffd")
    if bad <= max(3, len(data) // 1000):
        return data.decode("utf-8", "replace"), "utf-8", [f"invalid UTF-8 at byte {where}; {bad} bytes replaced"]
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
