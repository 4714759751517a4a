"""One JSON object per document: the record documented in the README."""

from __future__ import annotations

import json
from typing import Any

from ..document import Document

RECORD_FIELDS = (
    "id", "source", "text", "title", "date", "modified", "author", "site", "lang", "lang_confidence",
    "page_type", "removed",
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


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line: UTF-8 text, no ASCII escapes, stable key order."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
