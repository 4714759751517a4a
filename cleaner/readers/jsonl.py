"""JSONL exports: one record per line, with a text or an HTML field; other fields pass through."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..document import Document
from ..pipeline import document_id
from .html import read_html


@dataclass(frozen=True, slots=True)
class JsonlFields:
    text: str = "text"
    html: str = "html"
    id: str = "id"


# JSON may escape lone UTF-16 surrogates ("\\ud800"); no UTF-8 output can hold them.
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def _without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings (keys too) replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


class RecordError(ValueError):
    """A JSONL line that is not a usable record; the rest of the file goes on."""


def looks_like_jsonl(data: bytes) -> bool:
    """A first line that parses as a JSON object."""
    first = data.lstrip()[:1]
    if first != b"{":
        return False
    line = data.lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def read_jsonl(
    data: bytes, source: str, fields: JsonlFields | None = None, first_line: int = 1, full_metadata: bool = False
) -> Iterator[Document | RecordError]:
    """One Document per line (or a RecordError for a line that cannot be used).

    ``first_line`` numbers the lines when ``data`` is a slice of a longer stream.
    """
    fields = fields or JsonlFields()
    for n, line in enumerate(data.split(b"\n"), start=first_line):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            # NaN and Infinity are not JSON: read as null, so that records written stay valid JSON.
            rec = json.loads(line, parse_constant=lambda _: None)
            if _ESCAPED_SURROGATE.search(line):
                rec = _without_surrogates(rec)
        except (ValueError, RecursionError) as exc:
            # RecursionError: thousands of nested arrays on one line.
            why = "nested too deeply" if isinstance(exc, RecursionError) else exc
            yield RecordError(f"{where}: not JSON: {why}")
            continue
        if not isinstance(rec, dict):
            yield RecordError(f"{where}: not a JSON object")
            continue
        yield _document(rec, where, source, fields, full_metadata)


def _document(
    rec: dict[str, Any], where: str, source: str, fields: JsonlFields, full_metadata: bool = False
) -> Document | RecordError:
    html, text = rec.get(fields.html), rec.get(fields.text)
    if isinstance(html, str) and html.strip():
        url = rec.get("url") if isinstance(rec.get("url"), str) else None
        doc = read_html(html.encode("utf-8"), source, url=url, full_metadata=full_metadata)
        # Identical pages on two lines still get two ids.
        doc.id = document_id(where, html)
    elif isinstance(text, str):
        doc = Document(raw=text, source=source, id=document_id(where, text))
        doc.metadata["encoding"] = "utf-8"
    else:
        return RecordError(f"{where}: no string field {fields.text!r} or {fields.html!r}")
    if fields.id in rec and rec[fields.id] is not None:
        doc.id = str(rec[fields.id])
    # Every other field passes through untouched (cleaner's own fields win on a clash).
    for key, value in rec.items():
        if key not in (fields.text, fields.html, fields.id):
            doc.metadata.setdefault(key, value)
    return doc
