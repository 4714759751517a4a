"""The data model: a Document made of Blocks; stages label, the writer removes.

Nothing is deleted while stages run. A stage marks a whole block with
``Block.drop`` or a part of it (a sentence) with ``Block.drop_span``; the
kept text is assembled once, at the end, by ``Document.kept_text``. That keeps
every decision auditable (``cleaner explain``) and testable (tests assert the
reason, not only the absence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Block kinds produced by segment.py.
PARAGRAPH = "paragraph"
HEADING = "heading"
LIST_ITEM = "list_item"
CAPTION = "caption"
SHORT = "short"

_SPACE_RUN = re.compile(r"[ \t]{2,}")


@dataclass(slots=True)
class Span:
    """A removed part of a block: ``text[start:end]``, with who removed it and why."""

    start: int
    end: int
    stage: str
    reason: str


@dataclass(slots=True)
class Block:
    """One line-level unit of the page: a paragraph, heading, list item, caption or short line."""

    text: str
    kind: str = PARAGRAPH
    index: int = 0
    # Blank-line separated group the block belongs to; neighbours in a group read as one unit.
    group: int = 0
    keep: bool = True
    stage: str | None = None
    reason: str | None = None
    spans: list[Span] = field(default_factory=list)
    # (start, end) offsets of sentences in ``text``; filled by segment.py.
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # Free-form per-stage notes (e.g. boilerplate class), never written to output.
    notes: dict[str, Any] = field(default_factory=dict)
    # Values derived from ``text`` that several stages need (core, word counts), computed once;
    # see stages/_lines.py. Keyed to the text they came from, so a new text recomputes them.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def cache(self) -> dict[str, Any]:
        """``derived``, emptied first if the text changed since its values were computed."""
        d = self.derived
        if d.get("text") is not self.text:
            d.clear()
            d["text"] = self.text
        return d

    def drop(self, stage: str, reason: str) -> None:
        """Mark the whole block as removed; the first stage to drop a block wins."""
        if self.keep:
            self.keep = False
            self.stage = stage
            self.reason = reason

    def restore(self) -> None:
        """Undo a drop (used by context revision in the boilerplate stage)."""
        self.keep = True
        self.stage = None
        self.reason = None

    def drop_span(self, start: int, end: int, stage: str, reason: str) -> None:
        """Mark ``text[start:end]`` as removed, leaving the rest of the block."""
        if start < end:
            self.spans.append(Span(start, end, stage, reason))

    def sentence_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.sentences]

    def span_dropped(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` lies inside a removed span."""
        return any(sp.start <= start and end <= sp.end for sp in self.spans)

    def kept_text(self) -> str:
        """The block's text without its removed spans ('' when the block is dropped)."""
        if not self.keep:
            return ""
        if not self.spans:
            return self.text
        pieces, pos = [], 0
        for sp in sorted(self.spans, key=lambda s: (s.start, s.end)):
            if sp.start > pos:
                pieces.append(self.text[pos : sp.start])
            pos = max(pos, sp.end)
        pieces.append(self.text[pos:])
        return _SPACE_RUN.sub(" ", "".join(pieces)).strip()


@dataclass(slots=True)
class Document:
    """A page on its way through the pipeline."""

    raw: str
    source: str = "-"
    id: str = ""
    # Normalised text (after the normalize stage); blocks are cut from it.
    text: str = ""
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    modified: str | None = None
    author: str | None = None
    site: str | None = None
    lang: str | None = None
    lang_confidence: float = 0.0
    page_type: str = "article"
    # Other record fields: reader metadata (url, encoding...) and JSONL passthrough fields.
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Posts of a listing page: lists of block indexes, one record each.
    posts: list[list[int]] = field(default_factory=list)
    # Line keys the reader found in chrome markup inside the extracted content (forum signatures).
    chrome_lines: frozenset[str] = frozenset()
    # The reader cut the text to entries it found in the markup (a section page's teaser cards):
    # the boilerplate stage's guesses are not needed on it.
    entries_from_markup: bool = False

    def kept_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.keep]

    def kept_text(self, indexes: list[int] | None = None) -> str:
        """Kept blocks joined by newlines (headings on their own line)."""
        blocks = self.blocks if indexes is None else [self.blocks[i] for i in indexes]
        parts = (b.kept_text() for b in blocks)
        return "\n".join(p for p in parts if p)

    def removed_counts(self) -> dict[str, int]:
        """Number of removed blocks and spans per reason, sorted by reason.

        Spans count even inside a block a later stage dropped whole: each was its own decision
        (a rewriter note, then the duplicate rest of its paragraph).
        """
        counts: dict[str, int] = {}
        for b in self.blocks:
            if not b.keep and b.reason:
                counts[b.reason] = counts.get(b.reason, 0) + 1
            for sp in b.spans:
                counts[sp.reason] = counts.get(sp.reason, 0) + 1
        return dict(sorted(counts.items()))

    def removed_blocks(self) -> list[dict[str, Any]]:
        """Every removed block or span, in page order, with its stage and reason."""
        out: list[dict[str, Any]] = []
        for b in self.blocks:
            if not b.keep:
                out.append({"block": b.index, "text": b.text, "stage": b.stage, "reason": b.reason})
            for sp in sorted(b.spans, key=lambda s: s.start):
                out.append(
                    {"block": b.index, "text": b.text[sp.start : sp.end], "stage": sp.stage, "reason": sp.reason}
                )
        return out
