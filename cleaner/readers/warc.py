"""WARC and WET archives through warcio: HTML responses and text conversions become Documents."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from typing import Any

from ..document import Document
from ..pipeline import document_id
from .html import read_html


class WarcSkip:
    """A record that is not a page (a non-HTML response): counted, not cleaned."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


class WarcError(ValueError):
    """A WARC record or file that cannot be read; the records before it are kept.

    ``fatal``: the archive cannot be read past this record.
    """

    def __init__(self, message: str, fatal: bool = False) -> None:
        super().__init__(message)
        self.fatal = fatal


def looks_like_warc(data: bytes) -> bool:
    return data.startswith(b"WARC/")


@contextmanager
def _quiet() -> Iterator[None]:
    """warcio writes its warnings to stderr itself: keep them off ours (errors are reported as WarcErrors)."""
    logger = logging.getLogger("warcio")
    disabled, logger.disabled = logger.disabled, True
    try:
        with redirect_stderr(io.StringIO()):
            yield
    finally:
        logger.disabled = disabled


def read_warc(data: bytes, source: str, full_metadata: bool = False) -> Iterator[Document | WarcSkip | WarcError]:
    """Documents from response records holding HTML and from WET conversion records."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stream = ArchiveIterator(io.BytesIO(data), arc2warc=True)
    records = iter(stream)
    seen = 0
    while True:
        try:
            with _quiet():
                errors = stream.err_count
                record = next(records, None)
                if stream.err_count > errors:
                    # warcio found other bytes where this record should start: the one before has a wrong length.
                    yield WarcError(f"{source}: stray bytes after record {seen}; its Content-Length is wrong")
                if record is None:
                    break
                item = _read_record(record, source, full_metadata)
        except ArchiveLoadFailed as exc:
            yield WarcError(f"{source}: not a readable WARC: {exc}")
            return
        except Exception as exc:  # a truncated or corrupt record mid-file
            yield WarcError(f"{source}: broken WARC record: {type(exc).__name__}: {exc}")
            return
        seen += 1
        if item is None:
            continue
        yield item
        if isinstance(item, WarcError) and item.fatal:
            return
    if seen == 0:
        yield WarcError(f"{source}: no WARC records")


def _read_record(record: Any, source: str, full_metadata: bool = False) -> Document | WarcSkip | WarcError | None:
    """One record as a Document, a skip, an error, or None for records that are not pages (requests, metadata)."""
    kind = record.rec_type
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_headers.get_header("Content-Length") is None:
        # Without a length the record runs to the end of the archive, swallowing the records after it.
        return WarcError(
            f"{source}: record {url or '?'} has no Content-Length; the rest of the archive is lost", fatal=True
        )
    if kind not in ("response", "conversion"):
        record.raw_stream.read()  # to see whether the archive ends inside it
        if getattr(record.raw_stream, "limit", 0) > 0:
            return WarcError(f"{source}: {kind} record is truncated", fatal=True)
        return None
    crawl_date = record.rec_headers.get_header("WARC-Date")
    try:
        payload = record.content_stream().read()
    except Exception as exc:  # warcio surfaces zlib and chunking errors as many types
        return WarcError(f"{source}: record {url or '?'}: {exc}")
    if getattr(record.raw_stream, "limit", 0) > 0:
        # Fewer bytes than the record's Content-Length: the archive was cut here.
        return WarcError(f"{source}: record {url or '?'} is truncated", fatal=True)
    name = f"{source}#{url}" if url else source
    if kind == "response":
        ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
        if "html" not in ctype.lower():
            return WarcSkip(f"not HTML ({ctype or 'no content type'})")
        doc = read_html(payload, source, url=url, full_metadata=full_metadata)
        doc.id = document_id(name, payload)
    else:
        text = payload.decode("utf-8", "replace")
        doc = Document(raw=text, source=source, id=document_id(name, payload))
        doc.metadata["encoding"] = "utf-8"
    if url:
        doc.metadata["url"] = url
    if crawl_date:
        doc.metadata["crawl_date"] = crawl_date
    return doc
