"""JSONL writer: one UTF-8 JSON object per line, stable key order."""

from __future__ import annotations

import json

from cleaner import clean_text
from cleaner.writers.jsonl import RECORD_FIELDS, dumps, to_record


def test_dumps_is_one_utf8_line():
    """No ASCII escapes, no inner newlines, one trailing newline."""
    record = to_record(clean_text("Le café a rouvert.\nIl fait beau à Besançon.", source="x.txt"))
    line = dumps(record)
    assert line.endswith("\n") and line.count("\n") == 1
    assert "café" in line and "\\u00e9" not in line
    assert json.loads(line) == record


def test_key_order_is_stable():
    """Record fields come in the documented order, metadata after them."""
    record = to_record(clean_text("Le café a rouvert.", source="x.txt"))
    record["encoding"] = "utf-8"
    assert list(json.loads(dumps(record)))[: len(RECORD_FIELDS)] == list(RECORD_FIELDS)
