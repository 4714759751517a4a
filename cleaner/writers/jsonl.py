"""One JSON object per document: the record documented in the README."""

from __future__ import annotations

import json
import math
from typing import Any

from ..document import Document

RECORD_FIELDS = (
    "id",
    "source",
    "text",
    "title",
    "date",
    "modified",
    "author",
    "site",
    "lang",
    "lang_confidence",
    "page_type",
    "removed",
)


def to_record(doc: Document, keep_removed: bool = False, indexes: list[int] | None = None) -> dict[str, Any]:
    """The output record of a document (or of one post of it, given its block indexes)."""
    record: dict[str, Any] = {
        "id": doc.id,
        "source": doc.source,
        "text": doc.kept_text(indexes),
        "title": doc.title,
        "date": doc.date,
        "modified": doc.modified,
        "author": doc.author,
        "site": doc.site,
        "lang": doc.lang,
        "lang_confidence": doc.lang_confidence,
        "page_type": doc.page_type,
        "removed": doc.removed_counts(),
    }
    if keep_removed:
        record["removed_blocks"] = doc.removed_blocks()
    for key, value in doc.metadata.items():
        record.setdefault(key, value)
    return record


def _sane(value: Any) -> Any:
    """JSON-safe: NaN and infinities become null (JSON has none); other odd values their text."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _sane(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_sane(v) for v in value]
    return value


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line: UTF-8 text, no ASCII escapes, stable key order; always valid JSON and UTF-8."""
    try:
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    except ValueError:
        line = json.dumps(_sane(record), ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    # A lone surrogate (from a JSONL input's "\\ud800") cannot be written as UTF-8: replace it.
    return line.encode("utf-8", "replace").decode("utf-8") + "\n"
