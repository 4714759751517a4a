"""Stage 9, metadata: title, date, modified, author and site, and the lines that carried them leave the text.

- date lines: a short line holding a date, alone or with a publication word
  ("publié le …", "Updated …") or a byline; "mis à jour"/"updated" gives ``modified``;
- bylines: a short line opening with a byline word and then a name
  ("information fournie par AFP", "By Jane Doe", "La rédaction de …");
- title: the last heading before the first real paragraph, near the top;
  "Title | Site" gives the site too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..dates import find_date
from ..document import HEADING, LIST_ITEM, PARAGRAPH, SHORT, Block, Document
from ..lexicon import line_key
from ..segment import word_count
from ._lines import block_core, block_words

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "metadata"
_MAX_META_WORDS = 20
# What may remain of a date line once date, time and publication words are gone.
_MAX_DATE_REMAINDER_WORDS = 4
_MAX_NAME_WORDS = 8
_TITLE_WINDOW = 40
_FIRST_PARAGRAPH_WORDS = 20
# Metadata lines may sit just after the first paragraph (under a standfirst, a lead photo).
_HEAD_SLACK = 6
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ0-9][\w'’.-]*|and|et|y|und|e|de|del|van|von|der|da|du|la|le|di|&|,|/|-|–|\|)$")
_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
_PUNCT_ONLY = re.compile(r"[\W_]+")


Phrases = tuple[tuple[str, str], ...]


def _longest_first(phrases: list[str]) -> Phrases:
    """(phrase, casefolded phrase), longest first: prepared once per stage, not per line."""
    return tuple((p, p.casefold()) for p in sorted(phrases, key=len, reverse=True))


def _strip_phrase(text: str, phrases: list[str] | Phrases) -> tuple[str | None, str]:
    """If ``text`` starts with one of ``phrases`` (longest first), return (phrase, rest)."""
    if not isinstance(phrases, tuple):
        phrases = _longest_first(phrases)
    low = text.casefold()
    for p, p_low in phrases:
        if low.startswith(p_low) and (len(low) == len(p_low) or not low[len(p_low)].isalnum() or p_low.endswith(":")):
            return p, text[len(p) :].strip(" :,-–—")
    return None, text


def _looks_like_name(text: str) -> bool:
    tokens = text.replace(",", " , ").split()
    return 0 < len(tokens) <= _MAX_NAME_WORDS and all(_NAME_TOKEN.match(t) for t in tokens) and text[:1].isupper()


class Metadata:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        lx = ctx.lexicon
        self.months = lx.months
        self.published = _longest_first(lx.published)
        self.updated = _longest_first(lx.updated)
        self.bylines = _longest_first(lx.bylines)

    def _byline(self, text: str) -> str | None:
        phrase, rest = _strip_phrase(text, self.bylines)
        if phrase is None or not rest:
            return None
        rest = rest.strip(" .")
        return rest if _looks_like_name(rest) else None

    def _date_line(self, b: Block, doc: Document, in_head: bool) -> bool:
        """Take date/modified/author from a short line made of them; True if the line is metadata.

        Only the page's own dates leave the text: those near the top, or introduced by a
        publication word. Dates further down (forum posts, comments) are content.
        """
        text = block_core(b).strip("()[] ")
        found = find_date(text, self.months, month_first=doc.lang == "en")
        if found is None:
            return False
        rest = (text[: found.start] + " " + text[found.end :]).strip(" ,;|·-–—()")
        updated, rest_u = _strip_phrase(rest, self.updated)
        published, rest_p = (None, rest) if updated else _strip_phrase(rest, self.published)
        if not (in_head or updated or published):
            return False
        rest = rest_u if updated else rest_p
        rest = re.sub(r"^(?:le|on|am|el|à|at|um|a las)\b\s*", "", rest.strip(" :,"), flags=re.IGNORECASE)
        rest = re.sub(r"\s*(?:à|at|um|a las)$", "", rest, flags=re.IGNORECASE).strip(" ,;|·-–—")
        author = self._byline(rest) if rest else None
        if not (updated or published or author or word_count(rest) <= _MAX_DATE_REMAINDER_WORDS):
            return False
        if updated:
            doc.modified = doc.modified or found.iso
        else:
            doc.date = doc.date or found.iso
        if author:
            doc.author = doc.author or author
        return True

    def _head_end(self, doc: Document) -> int:
        """Index just past the page head: a few blocks after the first real paragraph."""
        for b in doc.blocks:
            if b.keep and b.kind in (PARAGRAPH, LIST_ITEM) and block_words(b) >= _FIRST_PARAGRAPH_WORDS:
                return b.index + _HEAD_SLACK
        return len(doc.blocks)

    def _bare_date_word(self, text: str) -> bool:
        for phrases in (self.updated, self.published):
            phrase, rest = _strip_phrase(text, phrases)
            if phrase is not None and not rest.strip(" :,.-–—()"):
                return True
        return False

    def _known_title(self, doc: Document) -> None:
        """The reader found the title (HTML metadata): only its copies in the text go."""
        key = line_key(doc.title or "")
        for b in doc.blocks[:_TITLE_WINDOW]:
            if b.keep and key and line_key(b.text) == key:
                b.drop(NAME, "title")

    def _title(self, doc: Document) -> None:
        """The last heading before the first real paragraph, within the top of the page."""
        if doc.title:
            self._known_title(doc)
            return
        candidate: Block | None = None
        for b in doc.blocks[:_TITLE_WINDOW]:
            if not b.keep:
                continue
            if b.kind in (PARAGRAPH, LIST_ITEM) and block_words(b) >= _FIRST_PARAGRAPH_WORDS:
                break
            if b.kind == HEADING and block_words(b) >= 3 and not b.notes.get("continuation"):
                candidate = b
        if candidate is None:
            return
        title = candidate.text
        parts = _TITLE_SPLIT.split(title)
        if len(parts) >= 2 and word_count(parts[-1]) <= 4 and word_count(parts[0]) >= 1:
            doc.site = doc.site or parts[-1].strip()
            title = _TITLE_SPLIT.split(title, maxsplit=1)[0] if len(parts) == 2 else " - ".join(parts[:-1])
        doc.title = title.strip()
        candidate.drop(NAME, "title")
        # One- to three-word lines above the title are the masthead: site name, section, kicker.
        for b in doc.blocks[: candidate.index]:
            if b.keep and b.kind == SHORT:
                b.drop(NAME, "masthead")
        # The same title repeated further down (a breadcrumb, a share text) goes too.
        key = line_key(candidate.text)
        for b in doc.blocks:
            if b.keep and line_key(b.text) == key:
                b.drop(NAME, "title")

    def __call__(self, doc: Document) -> None:
        head_end = self._head_end(doc)
        for b in doc.blocks:
            if not b.keep or block_words(b) > _MAX_META_WORDS:
                continue
            if self._date_line(b, doc, b.index < head_end):
                b.drop(NAME, "date-line")
                continue
            if b.index < head_end and self._bare_date_word(block_core(b)):
                # "Publié le" / "Updated" left on its own line when the date sat in another element.
                b.drop(NAME, "date-line")
                continue
            author = self._byline(block_core(b))
            if author:
                doc.author = doc.author or author
                b.drop(NAME, "byline")
        if doc.page_type != "listing":
            self._title(doc)
