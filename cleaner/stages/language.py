"""Stage 10, language: the document's language from a bounded sample of its longest blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import Document
from ..langid import detect

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "language"
# Enough text for a reliable guess, bounded so that cost does not grow with the page.
_SAMPLE_BLOCKS = 8
_SAMPLE_CHARS = 3000


def language_sample(doc: Document) -> str:
    """The longest kept blocks, in page order, up to a few thousand characters."""
    kept = [b for b in doc.blocks if b.keep]
    longest = sorted(kept, key=lambda b: (-len(b.text), b.index))[:_SAMPLE_BLOCKS]
    text = "\n".join(b.text for b in sorted(longest, key=lambda b: b.index))
    return text[:_SAMPLE_CHARS]


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
        # Longest blocks first so the bounded langdetect sample is prose, not menu.
        longest_first = "\n".join(sorted(sample.split("\n"), key=len, reverse=True))
        doc.lang, doc.lang_confidence = detect(longest_first, self.ctx.lexicon, cfg.language.sample_chars)
