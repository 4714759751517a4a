"""What a cleaner output file holds: documents per language and page type, removals, text lengths.

Pure accounting over JSONL lines; ``cleaner stats`` renders it with rich. A line
that is not a JSON object is counted as bad and skipped: one damaged line in a
large run should not hide the numbers of the rest.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# Lower edges of the text-length buckets, in characters; the last bucket is open-ended.
LENGTH_EDGES = (0, 1, 500, 1000, 2000, 5000, 10000, 20000)
NONE = "(none)"


def bucket_label(i: int) -> str:
    """'0', '1–499', ..., '20000+' for bucket ``i`` of LENGTH_EDGES."""
    low = LENGTH_EDGES[i]
    if i + 1 == len(LENGTH_EDGES):
        return f"{low}+"
    high = LENGTH_EDGES[i + 1] - 1
    return str(low) if high == low else f"{low}–{high}"


def bucket_of(length: int) -> int:
    return max(0, bisect_right(LENGTH_EDGES, length) - 1)


@dataclass(slots=True)
class OutputStats:
    documents: int = 0
    bad_lines: int = 0
    langs: Counter[str] = field(default_factory=Counter)
    page_types: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    lengths: list[int] = field(default_factory=lambda: [0] * len(LENGTH_EDGES))
    characters: int = 0

    def add(self, record: dict[str, Any]) -> None:
        self.documents += 1
        self.langs[_label(record.get("lang"))] += 1
        self.page_types[_label(record.get("page_type"))] += 1
        removed = record.get("removed")
        if isinstance(removed, dict):
            # Ignore non-numeric values rather than fail: the field may come from another tool.
            self.removed.update({str(k): v for k, v in removed.items() if isinstance(v, int) and v > 0})
        text = record.get("text")
        length = len(text) if isinstance(text, str) else 0
        self.characters += length
        self.lengths[bucket_of(length)] += 1

    def histogram(self) -> list[tuple[str, int]]:
        """(bucket label, documents) for every bucket, empty ones included, so the scale is plain."""
        return [(bucket_label(i), n) for i, n in enumerate(self.lengths)]


def _label(value: Any) -> str:
    return str(value) if value not in (None, "") else NONE


def parse_record(line: str) -> dict[str, Any] | None:
    """The record on one line, or None when it is not a JSON object."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def collect(lines: Iterable[str], stats: OutputStats | None = None) -> OutputStats:
    """Add the records of ``lines`` to ``stats`` (a new one by default); blank lines are ignored."""
    stats = stats if stats is not None else OutputStats()
    for line in lines:
        if not line.strip():
            continue
        record = parse_record(line)
        if record is None:
            stats.bad_lines += 1
        else:
            stats.add(record)
    return stats
