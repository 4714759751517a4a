"""Stage 7, calls to action and live-blog chrome.

"Suivez notre direct", "Sign up for our newsletter" go as sentences (the rest
of a paragraph stays); "Minute par minute", "Filtrer par Temps forts" and bare
timestamps go as lines; a timestamp glued to a live-blog post heading goes and
the heading stays. Three or more timestamps make the page a live blog.

A sentence opening with a pointing hand or arrow ("👉 Reserva tu hotel aquí") is a
link. The short pitch between a newsletter box's header and its form (both
removed as UI) goes with them.

Buttons marked with an asterisk ("Jetzt Tarife vergleichen*", "Check price*") go
when the page has the footnote the asterisk points to ("*Affiliate link: …"),
and so does the short pitch between two of them.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from ..dates import find_date
from ..document import Document
from ._lines import BARE_TIME, block_core, block_words, core, trailing_time

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "calls_to_action"
_LIVEBLOG_MIN_TIMESTAMPS = 3
# A live-blog chrome line that stamps a post: "17.26 GMT", "19:47 Uhr", "2h ago".
_POST_STAMP = re.compile(r"\b(?:[01]?\d|2[0-3])[.:h][0-5]\d\b|\b\d+\s*(?:s|m|h|d|mins?|hrs?)\s+ago\b", re.IGNORECASE)
# A live ticker's stamp in a match: the minute, "88'", "90.+3'", "45'+2".
_MATCH_MINUTE = re.compile(r"^(?:1[0-2]\d|\d{1,2})\.?(?:\s?\+\s?\d{1,2})?\s?['’′](?:\s?\+\s?\d{1,2})?$")
_PLAYER_POSITION = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s*/\s*$")
# A sentence this short left beside calls to action is their lead-in.
_MAX_LEAD_IN_WORDS = 5
# Headings of live-blog posts are short.
_MAX_POST_HEADING_WORDS = 15
# An asterisk footnote ("*Affiliate-Link: …", "*Werbung"), and a short button pointing to it.
_FOOTNOTE = re.compile(r"^\*[^\W\d_]")
# Stages whose removals are page furniture (a form's field, a button).
_UI_STAGES = ("navigation", "comments", NAME)
_MARKED_BUTTON = re.compile(r"[^\W_][!?.)]?\s?\*$")
_MAX_AD_PITCH_LINES = 3
_MAX_BUTTON_WORDS = 6
# The pitch between two marked buttons of one box, or between a newsletter header and its form.
_MAX_PITCH_WORDS = 30
_MAX_BOX_HEADER_WORDS = 5
# A newsletter box's header may stand over the letter's own name: the pitch is this many lines down.
_MAX_BOX_HEADER_LINES = 2
# A sentence that opens by pointing at a link.
_POINTERS = "👉|👇|👆|➡️?|➜|⏩"
_POINTER = re.compile(f"^[\\s\"'«“]*(?:{_POINTERS})")
_POINTER_AFTER = re.compile(f"[.!?…]\\s+({_POINTERS})")


class CallsToAction:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        self.cta = ctx.lexicon["calls_to_action"]
        self.live = ctx.lexicon["liveblog"]
        self.months = ctx.lexicon.months
        self.newsletter = ctx.lexicon["newsletter"]
        self.ads = ctx.lexicon["ad_boxes"]

    def __call__(self, doc: Document) -> None:
        stamps = 0
        for b in doc.blocks:
            if not b.keep:
                continue
            text = block_core(b)
            if BARE_TIME.match(text) or _MATCH_MINUTE.match(text):
                stamps += 1
                b.drop(NAME, "timestamp")
                continue
            if self.live.matches(text):
                b.drop(NAME, "liveblog-chrome")
                stamps += _POST_STAMP.search(text) is not None
                continue
            if self.cta.is_line(text):
                b.drop(NAME, "call-to-action")
                continue
            m = trailing_time(b.text)
            if (
                m
                and block_words(b) <= _MAX_POST_HEADING_WORDS
                and not b.text[: m.start()].rstrip().endswith((".", ","))
                and not self._dated_or_player(b.text[: m.start()])
            ):
                stamps += 1
                b.drop_span(m.start(), m.end(), NAME, "timestamp")
            self._sentences(b)
        if stamps >= _LIVEBLOG_MIN_TIMESTAMPS and doc.page_type == "article":
            doc.page_type = "liveblog"
        self._affiliate_buttons(doc)
        self._newsletter_pitches(doc)
        self._ad_boxes(doc)

    def _newsletter_pitches(self, doc: Document) -> None:
        """The short pitch between a newsletter box's header ("Newsletter", maybe over the letter's
        own name) and its form (a field or a button an earlier stage removed)."""
        blocks = doc.blocks
        for i in range(1, len(blocks) - 1):
            b, after = blocks[i], blocks[i + 1]
            if not (b.keep and block_words(b) <= _MAX_PITCH_WORDS and not after.keep and after.stage in _UI_STAGES):
                continue
            for j in range(i - 1, max(-1, i - 1 - _MAX_BOX_HEADER_LINES), -1):
                before = blocks[j]
                if before.keep and block_words(before) > _MAX_BOX_HEADER_WORDS:
                    break
                if self.newsletter.search(before.text):
                    for k in range(j, i + 1):  # the header, the letter's name, the pitch
                        blocks[k].drop(NAME, "newsletter-pitch")
                    break

    def _ad_boxes(self, doc: Document) -> None:
        """An ad or recommendation box: a label ("Publicité", "Te recomendamos"), a short pitch, and an
        offer's button ("Comparer les devis", "Ver oferta"). A label alone proves nothing: many articles
        carry "Anzeige" between their paragraphs."""
        blocks = doc.blocks
        for i in range(len(blocks) - 2):
            if not self.ads.is_line(block_core(blocks[i])):
                continue
            # The pitch: a line or a few (the product's name, then what it does) up to the button.
            for j in range(i + 1, min(len(blocks) - 1, i + 1 + _MAX_AD_PITCH_LINES)):
                pitch = blocks[j]
                if not (pitch.keep and block_words(pitch) <= _MAX_PITCH_WORDS):
                    break
                button = blocks[j + 1]
                if block_words(button) <= _MAX_BUTTON_WORDS and self.ads.prefix(block_core(button)):
                    for k in range(i + 1, j + 2):
                        blocks[k].drop(NAME, "ad")
                    break

    @staticmethod
    def _affiliate_buttons(doc: Document) -> None:
        blocks = doc.blocks
        if not any(_FOOTNOTE.match(b.text) and block_words(b) >= 2 for b in blocks):
            return
        marked = [
            b.index for b in blocks if b.keep and block_words(b) <= _MAX_BUTTON_WORDS and _MARKED_BUTTON.search(b.text)
        ]
        for i in marked:
            blocks[i].drop(NAME, "affiliate-button")
        for a, c in pairwise(marked):
            if c - a == 2 and blocks[a + 1].keep and block_words(blocks[a + 1]) <= _MAX_PITCH_WORDS:
                blocks[a + 1].drop(NAME, "affiliate-button")

    def _sentences(self, b) -> None:
        glued = _POINTER_AFTER.search(b.text)
        if glued:
            # "… copieux. 👉 Voir les disponibilités": the sentence splitter saw no capital to cut at.
            start = glued.start(1)
            end = next((e for s, e in b.sentences if s <= start < e), len(b.text))
            b.drop_span(start, end, NAME, "call-to-action")
        searchable = self.cta.may_search(b.text)
        hits = [(s, e) for s, e in b.sentences if self._is_cta(core(b.text[s:e]), searchable)]
        if not hits:
            return
        rest = [(s, e) for s, e in b.sentences if (s, e) not in hits]
        if not rest or (
            len(rest) == 1 and rest[0] == b.sentences[0] and self._lead_in(b.text[rest[0][0] : rest[0][1]])
        ):
            # "Enjoying this blog? Buy me a coffee …": the short question goes with its call to action.
            b.drop(NAME, "call-to-action")
        else:
            for s, e in hits:
                b.drop_span(s, e, NAME, "call-to-action")

    def _dated_or_player(self, before: str) -> bool:
        """What precedes a trailing time makes it no post stamp: a date ("Publié le 17/06/2025 à
        19h42" is the page's date line) or another time ("00:00 / 01:24" is a media player)."""
        if _PLAYER_POSITION.search(before):
            return True
        return find_date(before, self.months) is not None

    @staticmethod
    def _lead_in(sentence: str) -> bool:
        return len(sentence.split()) <= _MAX_LEAD_IN_WORDS and sentence.rstrip(" \"'»”’)").endswith(("?", "!"))

    def _is_cta(self, sentence: str, searchable: bool = True) -> bool:
        return (
            (searchable and self.cta.search(sentence) is not None)
            or self.cta.prefix(sentence) is not None
            or _POINTER.match(sentence) is not None
        )
