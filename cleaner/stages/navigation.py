"""Stage 3, navigation and UI: menus, skip links, toggles, log-in prompts, share rows, cookie notices,
and tables of contents (a run of entries that come back further down as the page's own headings)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..document import HEADING, LIST_ITEM, PARAGRAPH, SHORT, Block, Document
from ..lexicon import line_key
from ._lines import HAS_WORD, block_core, core, core_words

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "navigation"
# Separators of a row of UI labels ("Home | News | Sport", "Facebook · Twitter").
_ROW_SPLIT = re.compile(r"\s*(?:\||·|•|/|»|›|>|–|—)\s*")
_ROW_MARK = re.compile(r"[|·•/»›>–—]")
# Prose never gets this long and still be a UI label.
_MAX_UI_WORDS = 40
# A table of contents: this many entries in a row, each repeated later as a heading.
_MIN_TOC_ENTRIES = 3
_TOC_GAP = 1
_MIN_SECTION_WORDS = 12
_MIN_INTRO_WORDS = 5
_ENTRY_KINDS = (HEADING, SHORT, LIST_ITEM)
# The entries of a list of things (ingredients) have this many words, menu entries fewer.
_MIN_THING_WORDS = 3
_MAX_CREDIT_WORDS = 6
_ENTRY_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+")
# Raw markup a copied page let through (a <noscript> fallback): a tracking pixel (one pixel wide,
# hidden) or an ad server's link. A page about HTML quotes markup too, without these marks.
_TRACKING_MARKUP = re.compile(
    r"^<[a-z]+\b.{0,400}?(?:\b(?:width|height)\s*=\s*[\"']?1(?:px)?\b|display\s*:\s*none|visibility\s*:\s*hidden"
    r"|doubleclick\.|adclick|click\.ng|[/.]ads?[./?]|adserver|/pixel|pixel\.|facebook\.com/tr\b)",
    re.IGNORECASE,
)
_MAX_ROW_WORDS = 8
_ARROWS = ("›", "→")
# A link's few words and its arrow closing a line of text, after the text's last sentence.
_TRAILING_LINK = re.compile(r"[.!?]\s+([^\W\d][^.!?›→]{2,40}?\s*[›→])\s*$")
# A fact sheet's field: "Reparto: Carmen Oyarzábal, Íñigo Lasa", "Duración: 1 h 52 min".
_FACT_LINE = re.compile(r"^[^\W\d_][\w .'’/-]{1,30}\s?:\s*\S")
_MIN_FACT_LINES = 2
_MAX_FACT_LINES = 15
_MAX_FACT_WORDS = 25
_TAG = re.compile(r"<[^>]*>")
_MAX_MARKUP_TEXT_WORDS = 10


class Navigation:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        lx = ctx.lexicon
        self.nav = lx["navigation"]
        self.footer = lx["footer"]
        self.stray = lx["stray"]
        self.source_labels = lx["source_labels"]
        self.edit_links = lx["edit_links"]
        self.code_buttons = lx["code_buttons"]
        self.fact_sheets = lx["fact_sheets"]

    def _is_ui_row(self, text: str) -> bool:
        if not _ROW_MARK.search(text):  # no separator: one part, no row
            return False
        parts = [p for p in _ROW_SPLIT.split(text) if p]
        return len(parts) >= 2 and all(self.nav.is_line(p) for p in parts)

    def __call__(self, doc: Document) -> None:
        for b in doc.blocks:
            if not b.keep:
                continue
            text = block_core(b)
            if not HAS_WORD.search(text):
                b.drop(NAME, "separator")
                continue
            if text[:1] == "<" and _tracking_markup(text):
                b.drop(NAME, "tracking-markup")
                continue
            if core_words(b) > _MAX_UI_WORDS:
                continue
            edit = self.edit_links.search(b.text)
            if edit is not None and edit.start() > 0:  # "Geschichte[Bearbeiten | Quelltext bearbeiten]"
                b.drop_span(edit.start(), edit.end(), NAME, "edit-link")
                continue
            if doc.chrome_lines and line_key(text) in doc.chrome_lines:
                b.drop(NAME, "forum-signature")
                continue
            if self.code_buttons.is_line(text):
                b.drop(NAME, "code-button")
            elif self.nav.is_line(text):
                b.drop(NAME, "ui-label")
            elif self.stray.is_line(text):
                b.drop(NAME, "stray-line")
            elif self.nav.prefix(text) or self.nav.search(text):
                b.drop(NAME, "navigation")
            elif self.footer.prefix(text):
                b.drop(NAME, "footer")
            elif self._is_ui_row(text) or (core_words(b) <= _MAX_ROW_WORDS and self.nav.is_row(text)):
                # "Home | News | Sport"; "Share Print", labels the copy ran together on one line.
                b.drop(NAME, "ui-row")
            elif text.rstrip()[-1:] in _ARROWS:
                link = _TRAILING_LINK.search(text)
                if link is not None:
                    # "FALSE – The statement is not accurate. How we rate claims ›": a link after the text.
                    start = b.text.rfind(link.group(1))
                    if start > 0:
                        b.drop_span(start, len(b.text.rstrip()), NAME, "trailing-link")
        table_of_contents(doc)
        self._source_credits(doc)
        self._fact_sheets(doc)

    def _fact_sheets(self, doc: Document) -> None:
        """ "Ficha técnica", then "Dirección: …", "Reparto: …": a review's credits, label by label."""
        blocks = doc.blocks
        for i, b in enumerate(blocks):
            if not self.fact_sheets.is_line(block_core(b)):
                continue
            fields = []
            for j in range(i + 1, min(len(blocks), i + 1 + _MAX_FACT_LINES)):
                if not _FACT_LINE.match(block_core(blocks[j])) or core_words(blocks[j]) > _MAX_FACT_WORDS:
                    break
                fields.append(blocks[j])
            if len(fields) >= _MIN_FACT_LINES:
                for f in (b, *fields):
                    f.drop(NAME, "fact-sheet")

    def _source_credits(self, doc: Document) -> None:
        """ "Source" on a line of its own, then the name of the source on the next: a credit."""
        blocks = doc.blocks
        for i, b in enumerate(blocks[:-1]):
            if not self.source_labels.is_line(block_core(b)):
                continue
            b.drop(NAME, "stray-line")
            nxt = blocks[i + 1]
            if nxt.keep and nxt.kind in (SHORT, HEADING) and _credit_like(nxt.text):
                nxt.drop(NAME, "source-credit")


def _tracking_markup(text: str) -> bool:
    """A pixel's or an ad's raw markup, with little visible text of its own (an ad's alt text)."""
    return _TRACKING_MARKUP.match(text) is not None and len(_TAG.sub(" ", text).split()) <= _MAX_MARKUP_TEXT_WORDS


def _credit_like(text: str) -> bool:
    """A source's name: a few capitalised words, short particles allowed ("La Voix du Périgord")."""
    words = text.split()
    return 0 < len(words) <= _MAX_CREDIT_WORDS and all(w[:1].isupper() or len(w) <= 3 for w in words)


def table_of_contents(doc: Document) -> None:
    """Drop the entries of a table of contents: a run of heading-like lines with no text between
    them that come back further down the page, each introducing its own section."""
    blocks = [b for b in doc.blocks if b.keep]
    # Entries are compared without their numbers: "4 Wasserdruck prüfen" lists "Wasserdruck prüfen".
    # Only heading-like lines can be entries or section titles: the others get no key.
    keys = [_entry_key(b) if b.kind in _ENTRY_KINDS else "" for b in blocks]
    # Where each heading-like line last opens a section (prose follows it): a contents entry
    # points there. A menu entry repeated in the footer opens nothing.
    last_seen: dict[str, int] = {}
    for pos, key in enumerate(keys[:-1]):
        if key and (
            _opens_section(blocks[pos + 1])
            # A section whose first lines are a subsection's title ("Layout", then "The Lamp Room").
            or (keys[pos + 1] and pos + 2 < len(blocks) and _opens_section(blocks[pos + 2]))
        ):
            last_seen[key] = pos
    run: list[int] = []
    for pos, b in enumerate([*blocks, None]):
        if b is not None and keys[pos]:
            run.append(pos)
            continue
        _drop_toc_run(run, blocks, keys, last_seen)
        run = []


def _opens_section(after: Block) -> bool:
    """What comes under a section's title: prose, a list ("Tools you'll need", then its items), or a
    step's sentence introducing a command ("Paso 1. Actualiza la lista de paquetes:")."""
    return (after.kind == PARAGRAPH and (core_words(after) >= _MIN_SECTION_WORDS or _introduces(after))) or (
        after.kind == LIST_ITEM
    )


def _introduces(b: Block) -> bool:
    """A sentence of some words ending in a colon: it introduces what follows (a command, a list)."""
    text = block_core(b).rstrip()
    return text.endswith(":") and core_words(b) >= _MIN_INTRO_WORDS


def _entry_key(b: Block) -> str:
    # Without what was cut off it ("Geschichte[Bearbeiten]" is the section "Geschichte").
    key = line_key(core(b.kept_text()) if b.spans else block_core(b))
    return _ENTRY_NUMBER.sub("", key) if key[:1].isdigit() else key


def _drop_toc_run(run: list[int], blocks: list[Block], keys: list[str], last_seen: dict[str, int]) -> None:
    """Within a run of heading-like lines, each stretch of entries repeated further down (one
    other line between two of them is tolerated: a "Toggle" button) that is long enough goes."""
    stretch: list[int] = []
    gap = 0
    for pos in [*run, None]:
        if pos is not None and last_seen.get(keys[pos], -1) > pos:
            stretch.append(pos)
            gap = 0
            continue
        gap += 1
        if pos is not None and stretch and gap <= _TOC_GAP:
            continue
        # Entries of some words whose sections follow one another line by line are a list shown twice
        # (a recipe's ingredients, then its shopping list), not a table of contents; a menu repeated
        # in the footer (entries of a word or two) goes all the same.
        later = sorted(last_seen[keys[e]] for e in stretch)
        sizes = sorted(core_words(blocks[e]) for e in stretch)
        repeated_list = bool(later) and later[-1] - later[0] < len(later) + len(later) // 2
        if len(stretch) >= _MIN_TOC_ENTRIES and not (repeated_list and sizes[len(sizes) // 2] >= _MIN_THING_WORDS):
            for entry in stretch:
                blocks[entry].drop(NAME, "table-of-contents")
        stretch, gap = [], 0
