"""WARC and WET archives through warcio: HTML responses and text conversions become Documents."""

from __future__ import annotations

import io
from collections.abc import Iterator

from ..document import Document
from ..pipeline import document_id
from .html import read_html


class WarcSkip:
    """A record that is not a page (a non-HTML response): counted, not cleaned."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


class WarcError(ValueError):
    """A WARC record or file that cannot be read; the records before it are kept."""


def looks_like_warc(data: bytes) -> bool:
    return data.startswith(b"WARC/")


def read_warc(data: bytes, source: str) -> Iterator[Document | WarcSkip | WarcError]:
    """Documents from response records holding HTML and from WET conversion records."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stream = ArchiveIterator(io.BytesIO(data), arc2warc=True)
    seen = 0
    try:
        for record in stream:
            kind = record.rec_type
            seen += 1
            if kind not in ("response", "conversion"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            crawl_date = record.rec_headers.get_header("WARC-Date")
            try:
                payload = record.content_stream().read()
            except Exception as exc:  # warcio surfaces zlib and chunking errors as many types
                yield WarcError(f"{source}: record {url or '?'}: {exc}")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                # Fewer bytes than the record's Content-Length: the archive was cut here.
                yield WarcError(f"{source}: record {url or '?'} is truncated")
                return
            name = f"{source}#{url}" if url else source
            if kind == "response":
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    yield WarcSkip(f"not HTML ({ctype or 'no content type'})")
                    continue
                doc = read_html(payload, source, url=url)
                doc.id = document_id(name, payload)
            else:
                text = payload.decode("utf-8", "replace")
                doc = Document(raw=text, source=source, id=document_id(name, payload))
                doc.metadata["encoding"] = "utf-8"
            if url:
                doc.metadata["url"] = url
            if crawl_date:
                doc.metadata["crawl_date"] = crawl_date
            yield doc
        if seen == 0:
            yield WarcError(f"{source}: no WARC records")
    except ArchiveLoadFailed as exc:
        yield WarcError(f"{source}: not a readable WARC: {exc}")
    except Exception as exc:  # a truncated or corrupt record mid-file
        yield WarcError(f"{source}: broken WARC record: {exc}")
