"""Stage 12, listing pages: a category or archive page made of teaser entries.

An archive header ("Archives pour la catégorie …", "Category archives: …") or
three and more teaser links ("Lire la suite <title>", already removed by the
related stage) make the page a listing. Its entries and full posts stay; the
header goes and names the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import Document
from ._lines import block_core

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "listing"
_HEADER_WINDOW = 15
_MIN_TEASER_LINKS = 3


class Listing:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        self.headers = ctx.lexicon["listing"]

    def __call__(self, doc: Document) -> None:
        header = None
        for b in doc.blocks[:_HEADER_WINDOW]:
            if b.keep and len(b.text) < 200 and self.headers.prefix(block_core(b)):
                header = b
                break
        links = sum(1 for b in doc.blocks if b.reason == "teaser-link")
        if header is None and links < _MIN_TEASER_LINKS:
            return
        doc.page_type = "listing"
        if header is not None:
            header.drop(NAME, "listing-header")
            doc.title = doc.title or header.text
