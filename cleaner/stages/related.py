"""Stage 5, related and teasers: "À lire aussi", "Read more", "Mehr zum Thema" blocks.

A header line names the block; the entries under it (titles, agency and date
lines, captions, excerpts ending in "…" or "Lire la suite", indented lines of
a bulleted entry) belong to it however many there are. The block ends at the
first line of ordinary prose. Single teaser links ("Lire la suite <title>",
"Read more: <title>") go on their own.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from ..dates import find_date
from ..document import CAPTION, HEADING, LIST_ITEM, PARAGRAPH, SHORT, Block, Document
from ..segment import word_count
from ._lines import block_core, core, core_words, ends_with_ellipsis
from .metadata import byline_name, longest_first

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "related"
# Lines of a teaser entry that are not titles: agency/date lines are short.
_DATE_LINE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}[:h]\d{2}\b")
# A headline led by a clock time, as news tickers and "latest news" columns list them.
_TICKER = re.compile(r"^(?:[01]?\d|2[0-3])[:h][0-5]\d\s+\w")
_MIN_TICKER_RUN = 3
_MAX_PRICE_LINES = 1
# A ticker label stands among the page's first kept lines, over a few headlines.
_TICKER_TOP = 10
_MAX_TICKER_LINES = 3
_OFFSET = re.compile(r"^(\d{1,3}):([0-5]\d)\b")
# A reference entry's back-link to its citation: "↑", or "^" then a space or the citation letters.
_BACKLINK = re.compile(r"^\s*(?:↑|\^(?=\s|[a-z]\b))")
_MIN_REFERENCES = 2
# What a reference cites: a year, a page, a link, a retrieval date ("↑ VfB klettert auf Platz 5" is none).
_CITATION = re.compile(
    r"\b(?:1[5-9]|20)\d\d\b|https?://|\b(?:p|pp|S|s)\.\s?\d|\b(?:retrieved|abgerufen|consultado|consulté)\b",
    re.IGNORECASE,
)
# A teaser link line is a link text, not a paragraph.
_MAX_LINK_WORDS = 30
# A teaser title may end like a sentence when it asks or exclaims ("Sinnvoll oder Geldverschwendung?").
_MAX_TITLE_WORDS = 15
# A read-more button is a few words.
_MAX_BUTTON_WORDS = 5
# "About <Company>" sections are looked for in the second half of the page, and reach this far.
_ABOUT_TAIL = 0.5
_ABOUT_MAX_BLOCKS = 3
# Prose this long under a heading makes the heading a section title.
_MIN_SECTION_WORDS = 20
# An article's byline or date line comes within this many lines under its standfirst.
_SIGNED_WITHIN = 3
_MAX_META_WORDS = 12


def _chapters(run: list[Block]) -> bool:
    """Offsets into a recording ("00:00 Introduction", "04:12 Why …"), rising from the start: a
    podcast's or a video's chapters, text of the page; a ticker's clock times run newest first."""
    offsets = []
    for b in run:
        m = _OFFSET.match(block_core(b))
        if m is None:
            return False
        offsets.append(int(m.group(1)) * 60 + int(m.group(2)))
    return offsets[0] == 0 and all(a < b for a, b in itertools.pairwise(offsets))


class Related:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        lx = ctx.lexicon
        self.headers = lx["related"]
        self.links = lx["teaser_links"]
        self.captions = lx["captions"]
        self.comment_headers = lx["comments"]
        self.about = lx["about"]
        self.breaking = lx["breaking"]
        self.months = lx.months
        self.bylines = longest_first(lx.bylines)

    def _is_header(self, text: str) -> bool:
        # Whole-line phrases, or patterns for headers that name someone ("More from Jane Doe").
        return len(text) < 80 and (self.headers.is_line(text) or self.headers.search(text) is not None)

    def _teaser_like(self, b: Block) -> bool:
        text = block_core(b)
        if b.notes.get("continuation") or b.kind in (HEADING, SHORT, LIST_ITEM, CAPTION):
            return not self.comment_headers.matches(text)
        if ends_with_ellipsis(text) or self.links.search(text) or self.links.prefix(text):
            return True
        if text.rstrip(" »”\"')").endswith(("?", "!")) and core_words(b) <= _MAX_TITLE_WORDS:
            return True
        if self.captions.search(text):
            return True
        return len(text) < 120 and _DATE_LINE.search(text) is not None

    def _opens_section(self, blocks: list[Block], j: int, marked_up: bool) -> bool:
        """A heading set apart from the block's entries (a blank line before it, or any heading of
        a page read from its markup) and followed by prose is the article's next section, not one
        more teaser title (teaser excerpts end in "…" or a read-more link: they are teaser-like)."""
        if blocks[j].kind != HEADING or (blocks[j].group == blocks[j - 1].group and not marked_up):
            return False
        nxt = next((b for b in blocks[j + 1 :] if b.keep), None)
        return (
            nxt is not None
            and nxt.kind == PARAGRAPH
            and core_words(nxt) >= _MIN_SECTION_WORDS
            and not self._teaser_like(nxt)
        )

    def _signed_headline(self, blocks: list[Block], j: int) -> bool:
        """The article's own headline, where a block of teasers runs into the page head: a heading
        over a paragraph of prose (its standfirst or first paragraph), signed by a byline or a date
        line right under it. A teaser's title over its excerpt has no byline under the excerpt."""
        if blocks[j].kind != HEADING:
            return False
        after = [b for b in blocks[j + 1 : j + 2 + _SIGNED_WITHIN] if b.keep]
        if not after or after[0].kind != PARAGRAPH or core_words(after[0]) < _MIN_SECTION_WORDS:
            return False
        if self._teaser_like(after[0]):
            return False
        return any(self._meta_line(block_core(b)) for b in after[1 : 1 + _SIGNED_WITHIN])

    def _meta_line(self, text: str) -> bool:
        """ "Por Valeria Quintana", "14 de marzo de 2025 - 08:45 hs": a byline, or a short dated line."""
        if word_count(text) > _MAX_META_WORDS:
            return False
        return byline_name(text, self.bylines) is not None or find_date(text, self.months) is not None

    def __call__(self, doc: Document) -> None:
        blocks = doc.blocks
        # The first line under a header is always one of its entries, except where an extractor saw
        # the markup: it often drops the list of links and leaves their header over the next section.
        marked_up = doc.metadata.get("extractor") == "trafilatura"
        first = 0 if marked_up else 1
        i = 0
        while i < len(blocks):
            b = blocks[i]
            # A wiki heading's "[edit]" link, already cut as a span, is no part of the header.
            text = block_core(b) if not b.spans else core(b.kept_text())
            # A header an earlier stage took for a UI label ("READ MORE") still opens its block.
            if (b.keep or b.reason == "ui-label") and self._is_header(text):
                b.drop(NAME, "related-header")
                j = i + 1
                while j < len(blocks) and self._teaser_like(blocks[j]) and not self._is_header(block_core(blocks[j])):
                    if j > i + first and (
                        self._opens_section(blocks, j, marked_up) or self._signed_headline(blocks, j)
                    ):
                        break
                    blocks[j].drop(NAME, "related-teaser")
                    j += 1
                i = j
                continue
            if b.keep:
                short = core_words(b) <= _MAX_LINK_WORDS
                if short and (self.headers.prefix(text) or self.links.prefix(text) or self.links.is_line(text)):
                    b.drop(NAME, "teaser-link")
                elif self.links.search(text):
                    b.drop(NAME, "teaser-excerpt")
            i += 1
        self._tickers(blocks)
        self._breaking(blocks)
        self._references(blocks)
        self._about_sections(blocks)
        self._titles_over_read_more(blocks)

    def _titles_over_read_more(self, blocks: list[Block]) -> None:
        """A headline right above a read-more button of its own ("Weiterlesen mit Plus", "Read more")
        is a teaser's title, whatever stage took the button."""
        for i in range(len(blocks) - 1):
            b, j = blocks[i], i + 1
            # A price line between the product's name and its button ("Desde 74,90 €") is the box's too.
            while (
                j < len(blocks) - 1
                and j - i <= _MAX_PRICE_LINES
                and blocks[j].reason == "navigation"
                and not self._button(blocks[j])
            ):
                j += 1
            nxt = blocks[j]
            if (
                b.keep
                and b.kind == HEADING
                and core_words(b) <= _MAX_TITLE_WORDS
                and not nxt.keep
                and self._button(nxt)
            ):
                b.drop(NAME, "related-teaser")

    def _button(self, b: Block) -> bool:
        """A read-more or shop button: a few words, a teaser-link phrase."""
        core = block_core(b)
        return core_words(b) <= _MAX_BUTTON_WORDS and bool(self.links.prefix(core) or self.links.is_line(core))

    def _breaking(self, blocks: list[Block]) -> None:
        """A news alert line ("Breaking: …", "Última hora: …") with no prose of its own under it is the
        site's ticker, a link to another story; a live blog's alert over its text stays."""
        kept = [b for b in blocks if b.keep]
        for n, b in enumerate(kept):
            if self.breaking.is_line(block_core(b)) and n < _TICKER_TOP:
                # "BREAKING" on a line of its own at the top of the page, over the ticker's headlines.
                b.drop(NAME, "news-ticker")
                for h in kept[n + 1 : n + 1 + _MAX_TICKER_LINES]:
                    if h.kind == PARAGRAPH or h.text.rstrip().endswith((".", "!")):
                        break
                    h.drop(NAME, "news-ticker")
                continue
            nxt = kept[n + 1] if n + 1 < len(kept) else None
            if core_words(b) > _MAX_LINK_WORDS or not self.breaking.prefix(block_core(b)):
                continue
            if block_core(b).rstrip().endswith((".", "!")):
                continue  # the alert's own sentence, in a live blog: text
            if nxt is None or nxt.kind != PARAGRAPH or core_words(nxt) < _MIN_SECTION_WORDS:
                b.drop(NAME, "news-ticker")

    @staticmethod
    def _references(blocks: list[Block]) -> None:
        """An encyclopedia's reference entries open with the arrow back to where they are cited
        ("↑ Landesamt für Statistik: … Abgerufen am 12. März 2024.", "^ a b Smith, J. …"): a run of
        two or more such lines is the page's apparatus, not its text."""
        run: list[Block] = []
        for b in [*blocks, None]:
            if b is not None and not b.keep and run:
                continue  # a removed line (an ad, an edit link) inside the list
            if b is not None and b.keep and _BACKLINK.match(block_core(b)) and _CITATION.search(b.text):
                run.append(b)
                continue
            if len(run) >= _MIN_REFERENCES:
                for r in run:
                    r.drop(NAME, "reference")
            run = []

    def _about_sections(self, blocks: list[Block]) -> None:
        """ "About the author", "About <Company>" in the last part of the page: the header and the
        few paragraphs under it, up to the next heading, are a bio or a press release's boilerplate."""
        # The last part by kept text: a long footer or comment section, already removed, does not
        # push an article's closing bio into the first half.
        total = sum(len(b.text) for b in blocks if b.keep)
        seen, i = 0, 0
        while i < len(blocks) and seen < total * (1 - _ABOUT_TAIL):
            if blocks[i].keep:
                seen += len(blocks[i].text)
            i += 1
        while i < len(blocks):
            b = blocks[i]
            i += 1
            if not (b.keep and b.kind in (HEADING, SHORT) and self.about.search(block_core(b))):
                continue
            b.drop(NAME, "about-header")
            taken = 0
            while i < len(blocks) and taken < _ABOUT_MAX_BLOCKS and blocks[i].kind != HEADING:
                blocks[i].drop(NAME, "about-section")
                taken += 1
                i += 1

    @staticmethod
    def _tickers(blocks: list[Block]) -> None:
        """A run of headlines each led by a clock time ("• 14:44 Title") is a news ticker: links, not text."""
        run: list[Block] = []
        for b in [*blocks, None]:
            if b is not None and not b.keep:
                continue
            if b is not None and _TICKER.match(block_core(b)) and core_words(b) <= _MAX_LINK_WORDS:
                run.append(b)
                continue
            if len(run) >= _MIN_TICKER_RUN and not _chapters(run):
                for t in run:
                    t.drop(NAME, "news-ticker")
            run = []
