"""Stage 10, language: the document's language from a bounded sample of its longest blocks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..document import PARAGRAPH, Document
from ..langid import detect

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "language"
# Enough text for a reliable guess, bounded so that cost does not grow with the page.
_SAMPLE_BLOCKS = 8
_SAMPLE_CHARS = 3000
_PER_BLOCK = 160
_MIN_PROSE = 200
_SENTENCE_END = re.compile(r"[.!?。！？][\"'»”’)]*$")


def language_sample(doc: Document) -> str:
    """Prose from the page, bounded: the longest kept paragraphs that end like sentences.

    Lists of names and menus mislead detectors, so sentence-like paragraphs come
    first; each contributes at most ``_PER_BLOCK`` characters so that several
    paragraphs, not one quote, decide.
    """
    kept = [b for b in doc.blocks if b.keep]
    prose = [b for b in kept if b.kind == PARAGRAPH and _SENTENCE_END.search(b.text)]
    pool = prose if sum(len(b.text) for b in prose) >= _MIN_PROSE else kept
    longest = sorted(pool, key=lambda b: (-len(b.text), b.index))[:_SAMPLE_BLOCKS]
    return "\n".join(b.text[:_PER_BLOCK] for b in sorted(longest, key=lambda b: b.index))[:_SAMPLE_CHARS]


class Language:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def __call__(self, doc: Document) -> None:
        cfg = self.ctx.config
        if cfg.lang:
            doc.lang, doc.lang_confidence = cfg.lang, 1.0
            return
        sample = language_sample(doc)
        if not sample.strip():
            doc.lang, doc.lang_confidence = None, 0.0
            return
        doc.lang, doc.lang_confidence = detect(sample, self.ctx.lexicon, cfg.language.sample_chars)
