"""Readers: bytes in, Documents out. The middle of the pipeline knows no files.

``read_input`` recognises what it is given by content (magic bytes, a WARC
header, a JSON first line, HTML tags), not only by file name.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from ..document import Document
from .compression import CompressionError, decompress, gzip_holds_warc
from .html import looks_like_html, read_html
from .jsonl import JsonlFields, RecordError, looks_like_jsonl, read_jsonl
from .text import binary_kind, read_text
from .warc import WarcError, WarcSkip, looks_like_warc, read_warc

__all__ = [
    "InputFailure",
    "JsonlFields",
    "Skipped",
    "detect_format",
    "read_input",
]

DEFAULT_FIELDS = JsonlFields()
FORMATS = ("auto", "text", "html", "jsonl", "warc")
_JSONL_EXT = {".jsonl", ".ndjson", ".json"}
_HTML_EXT = {".html", ".htm", ".xhtml"}
_COMPRESSED_EXT = {".gz", ".bz2", ".xz", ".zst", ".zstd"}


class InputFailure:
    """A document or input that could not be read: becomes an error record, the run goes on."""

    __slots__ = ("error", "message", "source")

    def __init__(self, source: str, error: str, message: str) -> None:
        self.source, self.error, self.message = source, error, message


class Skipped:
    """An input record deliberately not cleaned (e.g. a non-HTML WARC response)."""

    __slots__ = ("reason", "source")

    def __init__(self, source: str, reason: str) -> None:
        self.source, self.reason = source, reason


def _suffix(source: str) -> str:
    path = PurePath(source)
    suffixes = [s.lower() for s in path.suffixes]
    while suffixes and suffixes[-1] in _COMPRESSED_EXT:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def detect_format(data: bytes, source: str) -> str:
    """text, html, jsonl or warc, from the (decompressed) content first and the name second."""
    if looks_like_warc(data):
        return "warc"
    ext = _suffix(source)
    if ext in _JSONL_EXT or looks_like_jsonl(data):
        return "jsonl"
    if ext in _HTML_EXT or looks_like_html(data):
        return "html"
    return "text"


def read_input(
    data: bytes,
    source: str,
    fmt: str = "auto",
    fields: JsonlFields = DEFAULT_FIELDS,
    first_line: int = 1,
    full_metadata: bool = False,
) -> Iterator[Document | InputFailure | Skipped]:
    """Every Document in one input (a page, or the records of a JSONL file or WARC archive).

    ``full_metadata``: trafilatura's complete, slower metadata search for HTML pages (``[html]`` config).
    """
    if gzip_holds_warc(data) and fmt in ("auto", "warc"):
        # warcio reads .warc.gz record by record: a damaged tail loses only the last record.
        kind = "warc"
    else:
        try:
            data = decompress(data)
        except CompressionError as exc:
            yield InputFailure(source, "CompressionError", str(exc))
            return
        kind = detect_format(data, source) if fmt == "auto" else fmt
    if kind == "warc":
        for item in read_warc(data, source, full_metadata):
            if isinstance(item, WarcSkip):
                yield Skipped(source, item.reason)
            elif isinstance(item, WarcError):
                yield InputFailure(source, "WarcError", str(item))
            else:
                yield item
    elif kind == "jsonl":
        for item in read_jsonl(data, source, fields, first_line, full_metadata):
            yield InputFailure(source, "RecordError", str(item)) if isinstance(item, RecordError) else item
    elif kind == "html":
        yield read_html(data, source, full_metadata=full_metadata)
    else:
        binary = binary_kind(data)
        if binary is not None:
            # Not a page dump: decoding it would only fill a record with mojibake.
            yield InputFailure(source, "BinaryInput", f"{source}: {binary}, not text")
            return
        yield read_text(data, source)
