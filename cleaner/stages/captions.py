"""Stage 6, captions and credits: photo captions carrying a credit, video player chrome.

A short block with a credit ("( AFP / NAME )", "(Photo: …)", "Crédit photo")
is a caption and goes whole; in a long paragraph only the credit goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import CAPTION, Document
from ._lines import block_core, block_words

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "captions"
# Captions are rarely longer than this; longer blocks only lose the credit itself.
_MAX_CAPTION_WORDS = 60


class Captions:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        self.credits = ctx.lexicon["captions"]

    def __call__(self, doc: Document) -> None:
        for b in doc.blocks:
            if not b.keep:
                continue
            m = self.credits.search(block_core(b))
            if m is None:
                continue
            if block_words(b) <= _MAX_CAPTION_WORDS and len(b.sentences) <= 3:
                b.kind = CAPTION
                b.drop(NAME, "caption")
            else:
                offset = len(b.text) - len(block_core(b))
                b.drop_span(m.start() + offset, m.end() + offset, NAME, "credit")
