"""Stage 12, listing pages: a category or archive page made of teaser entries.

An archive header ("Archives pour la catégorie …", "Category archives: …", or a label such as
"Tag" on its own line over the topic's name) or three and more teaser links ("Lire la suite
<title>", "Continue reading", already removed by earlier stages) make the page a listing. The
header goes and names the page.

On such a page the entries are the content: each read-more button closes one, and the headline
and excerpt above it (back to the previous button, a few blocks at most) stay, even where the
related stage took them for teasers. Full posts stay too. Lists without buttons ("Most read")
are no entries and stay removed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import HEADING, PARAGRAPH, SHORT, Block, Document
from ._lines import block_core, core_words

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "listing"
# The header is among the first kept blocks; a label line may come lower, under menus that only
# the boilerplate stage (later) removes.
_HEADER_WINDOW = 15
_LABEL_WINDOW = 40
_MIN_TEASER_LINKS = 3
# A read-more button is a short line; an entry is at most this many blocks above its button.
_MAX_BUTTON_WORDS = 6
_MAX_ENTRY_BLOCKS = 6
# A headline or an excerpt has words; a date line ("April 4, 2025", "20.11.2025") has fewer.
_MIN_ENTRY_WORDS = 3
# Paragraphs of this many words count as an article's text against the entries.
_MIN_PARAGRAPH_WORDS = 20
# The topic's name under a label line is short.
_MAX_TOPIC_WORDS = 8
# What an entry's blocks may have been taken for by the teaser rules.
_TEASER_REASONS = frozenset({"related-teaser", "teaser-excerpt"})
# An entry never reaches past a header.
_ENTRY_LIMITS = frozenset({"related-header", "listing-header"})


def _letter_words(text: str) -> int:
    return sum(1 for w in text.split() if w.isalpha())


class Listing:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        self.headers = ctx.lexicon["listing"]
        self.links = ctx.lexicon["teaser_links"]
        self.bylines = tuple(p.casefold() for p in ctx.lexicon.bylines)

    def _button(self, b: Block) -> bool:
        return b.reason == "teaser-link" or (
            not b.keep
            and core_words(b) <= _MAX_BUTTON_WORDS
            and (self.links.prefix(block_core(b)) is not None or self.links.is_line(block_core(b)))
        )

    def __call__(self, doc: Document) -> None:
        blocks = doc.blocks
        header, label = self._header(blocks)
        buttons = [i for i, b in enumerate(blocks) if self._button(b)]
        if label is not None and (
            len(buttons) < _MIN_TEASER_LINKS
            or not self._entries_dominate(blocks, self._entries(blocks, buttons), strict=False)
        ):
            # A bare "Thema" or "Tag" line is a label of many things; only entries make it a header.
            header = label = None
        entries = self._entries(blocks, buttons) if len(buttons) >= _MIN_TEASER_LINKS else []
        dominant = bool(entries) and self._entries_dominate(blocks, entries)
        # The HTML reader may have found the page's teaser cards in the markup already. Read-more
        # links alone do not make a listing: an article ends with a block of them as often.
        carded = doc.entries_from_markup
        if header is None and not dominant and not carded:
            return
        doc.page_type = "listing"
        if header is not None:
            header.drop(NAME, "listing-header")
            doc.title = doc.title or (label.text if label is not None else header.text)
        if header is not None or dominant or carded:
            # Entries are the page's content; under an article, read-more teasers are not.
            for j in entries:
                b = blocks[j]
                if not b.keep and b.reason in _TEASER_REASONS:
                    b.restore()
                if b.keep:
                    b.notes["listing_entry"] = True  # the boilerplate stage leaves it be

    def _header(self, blocks: list[Block]) -> tuple[Block | None, Block | None]:
        """The archive header among the first kept blocks, and the topic's name when the header is a
        bare label line ("Tag", "Thema") over it."""
        kept = [b for b in blocks if b.keep][:_LABEL_WINDOW]
        for n, b in enumerate(kept):
            if len(b.text) >= 200:
                continue
            core = block_core(b)
            if n < _HEADER_WINDOW and self.headers.prefix(core):
                return b, None
            if self.headers.is_line(core) and n + 1 < len(kept) and core_words(kept[n + 1]) <= _MAX_TOPIC_WORDS:
                return b, kept[n + 1]
        return None, None

    def _byline(self, text: str) -> bool:
        """ "By Jane Doe", "Von Redaktion": an entry's author line, not its headline."""
        low = text.casefold()
        return any(low.startswith(p + " ") for p in self.bylines)

    def _entries(self, blocks: list[Block], buttons: list[int]) -> list[int]:
        """The headline and excerpt blocks above each read-more button, back to the previous one."""
        found: list[int] = []
        previous = -1
        for k in buttons:
            for j in range(k - 1, max(previous, k - _MAX_ENTRY_BLOCKS - 1), -1):
                b = blocks[j]
                if b.reason in _ENTRY_LIMITS:
                    break
                if _letter_words(block_core(b)) >= _MIN_ENTRY_WORDS and (b.keep or b.reason in _TEASER_REASONS):
                    found.append(j)
                    if b.kind == HEADING or (b.kind == SHORT and not self._byline(block_core(b))):
                        break  # the entry's headline: what stands above it is another entry's, or the page's
            previous = k
        return sorted(found)

    @staticmethod
    def _entries_dominate(blocks: list[Block], entries: list[int], strict: bool = True) -> bool:
        """The entries hold more words than the page's other kept paragraphs, and (``strict``) no
        article's paragraph stands above them."""
        if not entries:
            return False
        inside = set(entries)
        entry_words = sum(core_words(blocks[j]) for j in entries)
        other = sum(
            core_words(b)
            for i, b in enumerate(blocks)
            if b.keep and i not in inside and b.kind == PARAGRAPH and core_words(b) >= _MIN_PARAGRAPH_WORDS
        )
        above = strict and any(
            b.keep and b.kind == PARAGRAPH and core_words(b) >= _MIN_PARAGRAPH_WORDS and i not in inside
            for i, b in enumerate(blocks[: entries[0]])
        )
        return entry_words > other and not above
