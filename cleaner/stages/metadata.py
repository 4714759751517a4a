"""Stage 9, metadata: title, date, modified, author and site, and the lines that carried them leave the text.

- date lines: a short line holding a date, alone or with a publication word
  ("publié le …", "Updated …") or a byline; "mis à jour"/"updated" gives ``modified``;
- bylines: a short line opening with a byline word and then a name
  ("information fournie par AFP", "By Jane Doe", "La rédaction de …");
- title: the last heading before the first real paragraph, near the top, and
  not past the page's byline or date line; a headline followed by a longer
  standfirst gives the headline; "Title | Site" gives the site too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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
_MAX_ROLE_WORDS = 3
_DIGIT = re.compile(r"\d")
_TITLE_WINDOW = 40
# A heading this long under a shorter one is a standfirst (a summary sentence), not the title.
_MIN_STANDFIRST_WORDS = 14
_FIRST_PARAGRAPH_WORDS = 20
# Metadata lines may sit just after the first paragraph (under a standfirst, a lead photo).
_HEAD_SLACK = 6
# Name particles of the lexicon languages and their neighbours ("Redacción Ahorro al Día", "João dos Santos"),
# and the word joining an outlet to its agency ("Par Le Journal avec AFP").
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ0-9][\w'’.-]*|and|et|y|und|e|avec|with|con|mit|de|del|al|van|von|der|den|da|das|do|dos|du|la|las|los|le|el"
    r"|di|della|dei|zu|zum|zur|ten|ter|op|bin|ibn|af|&|,|/|-|–|\|)$"
)
_PERSON_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’.-]*[a-zß-öø-ÿ]\.?$|^[A-Z]\.$")
_NAME_PARTICLE = re.compile(r"^(?:and|et|y|und|e|&|[a-z]{1,4})$")
_QUESTION_END = re.compile(r"\?[\"'»”’)]*$")
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)]*$")
# A standfirst: the sentence-ending paragraph right under the title, of at least this many words.
_MIN_STANDFIRST_LEAD_WORDS = 8
_PARENTHESES = re.compile(r"\s*\([^()]{0,40}\)")
# Name lines above a date line taken for its byline: author, role, place.
_MAX_BYLINE_LINES = 3
_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
# Separators that only ever join a title and a site name; a dash may join two clauses of a headline.
_SITE_SEPARATOR = re.compile(r"\s+\|\s+|\s+::\s+")
# Lower-case words a site name may hold ("Diario de Cantabria", "The Times of India").
_SITE_PARTICLES = frozenset(
    {"de", "del", "des", "du", "la", "le", "el", "los", "las", "of", "the", "and"}
    | {"y", "et", "und", "am", "im", "di", "da", "do", "dos", "van", "von"}
)
_PUNCT_ONLY = re.compile(r"[\W_]+")
# Two breadcrumb separators: a path, not a headline.
_BREADCRUMB = re.compile(r"\s[›»>/|]\s.*\s[›»>/|]\s")
# A breadcrumb removed as navigation: "Accueil > Forum > Bricolage", "Home / News".
_CRUMB = re.compile(r"\S\s[›»>/|]\s\S")
_MIN_CRUMB_TITLE_WORDS = 3
_MAX_KICKER_WORDS = 2
_MAX_KICKERS = 2
_MAX_CRUMB_KICKER_WORDS = 3
_CRUMB_SIGNS = frozenset("›»>")
# A headline and its deck, two headings under the breadcrumb, are each this long (a search box's
# prompt over a headline is shorter).
_MIN_DECKED_WORDS = 8
# A site's tagline over its menu: a heading of at most this many words above the title.
_MAX_TAGLINE_WORDS = 8
# A question is a page's title when its date or byline line comes within this many lines.
_SIGNED_WITHIN = 4
_RATING_STARS = re.compile(r"[★☆✩✪⭐]")
# Between the items of a meta line: "By Jane Doe · 5 min read | 3 comments".
_META_SEPARATOR = re.compile(r"\s+[·•|]\s+")
_MIN_META_ITEMS = 3
# A software version: "3.2.0", "v2.4", "Version 3".
_VERSION = re.compile(
    r"\b(?:v\d+(?:\.\d+)*|\d+\.\d+\.\d+|(?:version|versión|release)\s+\d+(?:\.\d+)*)\b", re.IGNORECASE
)
# An encyclopedia's subject: a name of a few words, then a lower-case word (its verb).
_MAX_SUBJECT_WORDS = 6
_THEN_VERB = re.compile(r"^ (?:[a-zà-öø-ÿß]+)\b")


Phrases = tuple[tuple[str, str], ...]


def _subject(doc: Document) -> Block | None:
    """An encyclopedia's title: a short line above the first paragraph that opens with it, then a verb
    ("Saltmere Lighthouse is a landmark …", "Kleinwendorf ist eine Gemeinde …")."""
    first = next((b for b in doc.blocks if b.keep and _is_first_paragraph(b)), None)
    if first is None:
        return None
    for b in doc.blocks[: first.index]:
        if b.keep and b.kind in (SHORT, HEADING) and 0 < block_words(b) <= _MAX_SUBJECT_WORDS:
            name = b.text.strip()
            rest = first.text[len(name) :] if first.text.startswith(name) else ""
            # Not a section label over a headline that opens with it ("Inflation", then "Inflation eases …").
            if _THEN_VERB.match(rest) and not any(
                o.keep and o.index > b.index and o.text.startswith(name + " ") for o in doc.blocks[: first.index]
            ):
                return b
    return None


def _head_blocks(blocks: list[Block]) -> Iterator[Block]:
    """The blocks of the page head where a title is looked for: up to ``_TITLE_WINDOW`` kept lines of
    some words (the lines removed as menus and banners, and the one- or two-word menu entries still
    there, do not count), and the others among them."""
    kept = 0
    for b in blocks:
        if b.keep and block_words(b) > _MAX_KICKER_WORDS:
            kept += 1
            if kept > _TITLE_WINDOW:
                return
        yield b


def byline_name(text: str, bylines: Phrases) -> str | None:
    """The author's name of a byline ("By Jane Doe", "Par Hélène Marchetti, juriste", "Par X (correspondante)"),
    or None when ``text`` is not one. ``bylines``: the byline words, as ``longest_first`` prepares them."""
    phrase, rest = _strip_phrase(text, bylines)
    if phrase is None or not rest:
        return None
    rest = rest.strip(" .")
    if _looks_like_name(rest):
        return rest
    bare = _without_parentheses(rest).strip()  # "Par Claire Vautrin (correspondante locale de presse)"
    if bare != rest and _looks_like_name(bare):
        return bare
    # "Par Hélène Marchetti, juriste", "By Tom Reed, staff writer": a name, then the author's role.
    name, comma, role = rest.partition(",")
    if comma and _looks_like_name(name) and 0 < word_count(role) <= _MAX_ROLE_WORDS and not _DIGIT.search(role):
        return name.strip()
    return None


def longest_first(phrases: list[str]) -> Phrases:
    """(phrase, casefolded phrase), longest first: prepared once per stage, not per line."""
    return tuple((p, p.casefold()) for p in sorted(phrases, key=len, reverse=True))


def _strip_phrase(text: str, phrases: list[str] | Phrases) -> tuple[str | None, str]:
    """If ``text`` starts with one of ``phrases`` (longest first), return (phrase, rest)."""
    if not isinstance(phrases, tuple):
        phrases = longest_first(phrases)
    low = text.casefold()
    for p, p_low in phrases:
        if low.startswith(p_low) and (len(low) == len(p_low) or not low[len(p_low)].isalnum() or p_low.endswith(":")):
            return p, text[len(p) :].strip(" :,-–—")
    return None, text


def _strip_trailing_phrase(text: str, phrases: Phrases) -> tuple[str | None, str]:
    """If ``text`` ends with one of ``phrases`` as whole words, return (phrase, what precedes it)."""
    for p, _ in phrases:
        m = re.search(rf"(?<!\w){re.escape(p)}[\s:]*$", text, re.IGNORECASE)
        if m:
            return p, text[: m.start()].strip(" :,-–—")
    return None, text


def _is_first_paragraph(b: Block) -> bool:
    return b.kind == PARAGRAPH and block_words(b) >= _FIRST_PARAGRAPH_WORDS


def _without_parentheses(text: str) -> str:
    """ "Dale Whitcombe (now) and Priya Natarajan (earlier)" -> "Dale Whitcombe and Priya Natarajan"."""
    return " ".join(_PARENTHESES.sub(" ", text).split())


def _person_like(text: str, common: frozenset[str] | dict[str, object]) -> bool:
    """ "Jane Doe", "Lucía Ortega and Priya Natarajan", "Santoña": capitalised words with lower-case
    letters (no "SEARCH SITE", no digits), at most four of them bar particles and "and", none of
    them a function word or a UI word ("This Blog", "Advanced Search")."""
    if not _looks_like_name(text):
        return False
    words = [w for w in text.replace(",", " ").split() if not _NAME_PARTICLE.match(w)]
    return (
        0 < len(words) <= 4
        and all(_PERSON_WORD.match(w) for w in words)
        and not any(w.casefold() in common for w in words)
    )


def _reads_like_name(text: str) -> bool:
    """A site or brand name: every word capitalised (or a digit, a domain), bar particles."""
    words = text.split()
    return bool(words) and all(
        w[:1].isupper() or w[:1].isdigit() or "." in w or w.casefold() in _SITE_PARTICLES for w in words
    )


def _looks_like_name(text: str) -> bool:
    tokens = text.replace(",", " , ").split()
    return 0 < len(tokens) <= _MAX_NAME_WORDS and all(_NAME_TOKEN.match(t) for t in tokens) and text[:1].isupper()


class Metadata:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        lx = ctx.lexicon
        self.months = lx.months
        self.published = longest_first(lx.published)
        self.updated = longest_first(lx.updated)
        self.bylines = longest_first(lx.bylines)
        self.member_since = longest_first(lx.member_since)
        self.ui_words = lx.ui_words
        self.bio_verbs = lx.bio_verbs
        self.stopwords = lx.stopword_langs

    def _byline(self, text: str) -> str | None:
        return byline_name(text, self.bylines)

    def _date_line(self, b: Block, doc: Document, in_head: bool, marked: list[str] | None = None) -> bool:
        """Take date/modified/author from a short line made of them; True if the line is metadata.

        Only the page's own dates leave the text: those near the top, or introduced by a
        publication word. Dates further down (forum posts, comments) are content. ``marked``
        collects the head's dates introduced by a publication word (None: the date came from
        the markup and stands).
        """
        text = block_core(b).strip("()[] ")
        found = find_date(text, self.months, month_first=doc.lang == "en")
        if found is None:
            return False
        rest = (text[: found.start] + " " + text[found.end :]).strip(" ,;|·-–—()")
        if _VERSION.search(rest):
            return False  # "Version 3.2.0 — 2025-01-28": a release's heading, dated
        rest, second = self._update_after(rest, doc)
        label = block_core(doc.blocks[b.index - 1]) if b.index else ""
        if self._member_since(rest) or self._member_since(label, whole=True):
            return False  # "Joined: Oct 2, 2023": a forum member's profile, not the page's date
        updated, rest_u = _strip_phrase(rest, self.updated)
        published, rest_p = (None, rest) if updated else _strip_phrase(rest, self.published)
        if not (updated or published):
            # "Thread starter tom Start date": the publication word closes what precedes the date.
            published, rest_p = _strip_trailing_phrase(rest, self.published)
        if not (in_head or updated or published):
            return False
        rest = rest_u if updated else rest_p
        rest = re.sub(r"^(?:le|on|am|el|à|at|um|a las)\b\s*", "", rest.strip(" :,"), flags=re.IGNORECASE)
        rest = re.sub(r"\s*(?:à|at|um|a las)$", "", rest, flags=re.IGNORECASE).strip(" ,;|·-–—")
        author = self._byline(rest) if rest else None
        if not (author or updated or published) and _META_SEPARATOR.search(rest):
            # "von Ulrike Brandstätter · 3 Kommentare": a byline among other short meta items.
            parts = _META_SEPARATOR.split(rest)
            author = next((a for a in map(self._byline, parts) if a), None)
            if author and any(word_count(p) > _MAX_DATE_REMAINDER_WORDS for p in parts if not self._byline(p)):
                author = None
        if not (updated or published or author or word_count(rest) <= _MAX_DATE_REMAINDER_WORDS):
            return False
        if updated or published:
            b.notes["dated_by_word"] = True
        if second is not None:
            b.notes["dated_by_word"] = True
            doc.modified = doc.modified or second
        if updated:
            doc.modified = doc.modified or found.iso
        elif published and in_head and not marked:
            # "Publié le 3 février": the page's own date, over a masthead's bare "Mardi 4 février"
            # found above it (not over a date the reader took from the markup).
            doc.date = found.iso if marked is not None else doc.date or found.iso
            if marked is not None:
                marked.append(found.iso)
        else:
            doc.date = doc.date or found.iso
        if author:
            doc.author = doc.author or author
        return True

    def _update_after(self, rest: str, doc: Document) -> tuple[str, str | None]:
        """ "AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)": what is left of a date
        line may hold its update, a second date after an update word. Returns the rest without it,
        and that date."""
        found = find_date(rest, self.months, month_first=doc.lang == "en")
        if found is None:
            return rest, None
        phrase, before = _strip_trailing_phrase(rest[: found.start].rstrip(" :(-–—,;|·"), self.updated)
        if phrase is None:
            return rest, None
        return (before + " " + rest[found.end :]).strip(" ,;|·-–—()"), found.iso

    def _member_since(self, text: str, whole: bool = False) -> bool:
        phrase, rest = _strip_phrase(text, self.member_since)
        return phrase is not None and not (whole and rest.strip(" :."))

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

    def _title_candidate(self, doc: Document) -> Block | None:
        """The last heading before the first real paragraph, within the top of the page.

        The byline or date line closes the page head: headings after it are the body's
        (a live blog's first entry). A headline directly followed by a longer heading is a
        headline and its standfirst: the headline is the title.
        """
        candidate: Block | None = None
        previous: Block | None = None  # the heading candidate kept just before ``candidate``
        last_kept: Block | None = None
        headings: list[Block] = []
        # A heading closed by a bare date line may be a masthead's tagline over today's date: kept
        # as a fallback while a headline closed by a byline or a "published" line is looked for.
        fallback: tuple[Block, Block | None, Block] | None = None
        # The line right under the breadcrumb: a forum thread's or a page's title, even as a question.
        under_crumb: Block | None = None
        crumb = False
        kickers = 0
        for b in _head_blocks(doc.blocks):
            if not b.keep:
                if b.reason == "navigation" and _CRUMB.search(b.text) is not None:
                    crumb, kickers = True, 0
                elif b.reason == "separator" and b.text.strip() in _CRUMB_SIGNS:
                    # A breadcrumb copied one item per line: the line after the sign is its next item.
                    crumb, kickers = True, -1
                if candidate is not None and b.stage == NAME and b.reason in ("date-line", "byline"):
                    # A one-word line over a bare date ("Monde", a section's name) signs no more than the date.
                    weak = b.notes.get("unmarked") and block_words(b) == 1
                    if (b.reason == "byline" and not weak) or b.notes.get("dated_by_word") or fallback is not None:
                        break
                    fallback = (candidate, previous, b)
                    candidate = previous = None
                continue
            if (
                crumb
                and under_crumb is None
                and b.kind in (HEADING, PARAGRAPH)
                and _MIN_CRUMB_TITLE_WORDS <= block_words(b) < _FIRST_PARAGRAPH_WORDS
                and not b.text.rstrip().endswith((".", ":"))
            ):
                under_crumb = b
            # A section kicker or two ("Blaulicht", "Polizeibericht") may stand between crumb and title.
            kickers = kickers + 1 if crumb else 0
            crumb = crumb and block_words(b) <= _MAX_CRUMB_KICKER_WORDS and b.kind == SHORT and kickers <= _MAX_KICKERS
            if b.kind in (PARAGRAPH, LIST_ITEM) and block_words(b) >= _FIRST_PARAGRAPH_WORDS:
                break
            if (
                b.kind == HEADING
                and block_words(b) >= 3
                and not b.notes.get("continuation")
                and not _RATING_STARS.search(b.text)  # "★★★★☆ Notre avis : 4/5"
                and not _BREADCRUMB.search(b.text)  # "HilfeNetz › Internet & Netzwerk › WLAN"
                and not self._member_since(block_core(b))  # "Registriert seit: … Beiträge: 5.539"
                and not self._meta_like(b, doc)  # "By Jane Doe March 18 Follow @jane", "@user on Aug 10, 2014"
            ):
                headings.append(b)
                if not _QUESTION_END.search(b.text) or self._signed(doc, b):
                    # A question in the head is as often a dialog ("Are you sure you want to log
                    # out?") as a title: it is taken when the asker's name and date follow it, or
                    # when the page restates it (below).
                    previous, candidate = (candidate if last_kept is candidate else None), b
            last_kept = b
        restated = self._restated(doc, headings)
        if restated is not None:
            return restated
        subject = None if candidate is not None and self._signed(doc, candidate, strong=True) else _subject(doc)
        if subject is not None:
            return subject
        if (
            under_crumb is not None
            and candidate is not None
            and under_crumb.kind == candidate.kind == HEADING
            and min(block_words(under_crumb), block_words(candidate)) >= _MIN_DECKED_WORDS
            and self._dated_above(doc, candidate, under_crumb)
        ):
            # Two headings right under the breadcrumb: a headline and its deck, signed together.
            return under_crumb
        if (
            under_crumb is not None
            and under_crumb is not candidate
            and (
                candidate is None
                or candidate.index > under_crumb.index
                # A masthead's tagline above the breadcrumb, and a headline under it signed by its date.
                or self._closed_by_meta(doc, under_crumb)
            )
            and not (candidate is not None and self._signed(doc, candidate, strong=True))
            # A headline with its date or byline right under it is the title, not a caption under the crumb.
            and not self._closed_by_meta(doc, candidate or (fallback[0] if fallback else None))
        ):
            # What follows the title under the breadcrumb (thread meta, pagination) is no headline.
            return under_crumb
        if fallback is not None and not (
            candidate is not None
            and (
                # A deck right under the headline's date line does not win over the headline.
                (self._signed(doc, candidate, strong=True) and candidate.index != fallback[2].index + 1)
                # The date over this heading, not under the earlier one.
                or (
                    self._dated_above(doc, candidate, fallback[2])
                    and not self._dated_above(doc, fallback[2], fallback[0])
                )
            )
        ):
            candidate, previous = fallback[0], fallback[1]
        if (
            previous is not None
            and block_words(candidate) >= _MIN_STANDFIRST_WORDS
            # Counted by spaces: "Saint-Aurèle-sur-Tarn" (a breadcrumb's last item) is one word.
            and block_words(candidate) > len(previous.text.split()) >= 4
            and not line_key(candidate.text).startswith(line_key(previous.text))
        ):
            return previous
        return candidate

    def _meta_like(self, b: Block, doc: Document) -> bool:
        """A byline or a dated line that no stage took (it carries more than a name or a date), or a
        row of meta items with counts ("Sujet créé par Lucie · 5 réponses · 1 284 vues")."""
        text = block_core(b)
        phrase, rest = _strip_phrase(text, self.bylines)
        if phrase is not None and rest and _PERSON_WORD.match(rest.split()[0]):
            return True  # "By Steven Mufson …", not "Por qué sube …" or "Von der Leyen kündigt …"
        parts = _META_SEPARATOR.split(text)
        if len(parts) >= _MIN_META_ITEMS and any(p[:1].isdigit() for p in parts[1:]):
            return True
        # A line that is mostly a date; a headline may mention one ("What changes on 1 January 2026").
        found = find_date(text, self.months, month_first=doc.lang == "en")
        return (
            found is not None and word_count(text[: found.start] + " " + text[found.end :]) <= _MAX_DATE_REMAINDER_WORDS
        )

    @staticmethod
    def _closed_by_meta(doc: Document, b: Block | None) -> bool:
        """The line right under ``b`` is a date line or byline the metadata stage took."""
        if b is None or b.index + 1 >= len(doc.blocks):
            return False
        n = doc.blocks[b.index + 1]
        return n.stage == NAME and n.reason in ("date-line", "byline")

    @staticmethod
    def _dated_above(doc: Document, b: Block, above: Block) -> bool:
        """``above`` stands right above ``b`` (nothing kept between): a press release's "14/05/2025"
        over its headline, or a headline over its date line."""
        return above.index < b.index and not any(n.keep for n in doc.blocks[above.index + 1 : b.index])

    @staticmethod
    def _signed(doc: Document, b: Block, strong: bool = False) -> bool:
        """A date or byline line within the few lines under ``b``: a question asked on a Q&A page
        (``strong``: a byline, or a date introduced by a publication word)."""
        return any(
            n.stage == NAME
            and n.reason in ("date-line", "byline")
            and not (strong and n.reason == "date-line" and not n.notes.get("dated_by_word"))
            for n in doc.blocks[b.index + 1 : b.index + 1 + _SIGNED_WITHIN]
        )

    @staticmethod
    def _restated(doc: Document, headings: list[Block]) -> Block | None:
        """The last head heading said again just above the first paragraph: a forum thread's or a
        post's title, repeated over its text after the page's chrome and the post's date line."""
        first = next((b.index for b in doc.blocks if b.keep and _is_first_paragraph(b)), None)
        above = next((b for b in reversed(doc.blocks[:first]) if b.keep), None) if first is not None else None
        if above is None:
            return None
        key = line_key(above.text)
        found = None
        for h in headings:
            if h is not above and line_key(h.text) == key:
                found = h
        return found

    def _split_site(self, title: str, doc: Document) -> str:
        """ "Title | Site" (or "Title - Site" when the tail reads like a name) -> title, and the site."""
        parts = _TITLE_SPLIT.split(title)
        if len(parts) < 2 or word_count(parts[-1]) > 4 or word_count(parts[0]) < 1:
            return title
        tail = parts[-1].strip()
        if not _SITE_SEPARATOR.search(title) and not _reads_like_name(tail):
            # "Freibad bleibt geschlossen – Stadtrat stoppt Sanierung": a headline's second clause.
            return title
        doc.site = doc.site or tail
        return _TITLE_SPLIT.split(title, maxsplit=1)[0] if len(parts) == 2 else " - ".join(parts[:-1])

    def _title(self, doc: Document) -> None:
        if doc.title:
            self._known_title(doc)
        else:
            self._found_title(doc)
        blocks = doc.blocks
        if blocks and all(b.stage == NAME and b.reason == "title" for b in blocks):
            # The page is its title and nothing else (a one-line note): that line is its text too.
            blocks[0].restore()

    def _found_title(self, doc: Document) -> None:
        candidate = self._title_candidate(doc)
        if candidate is None:
            return
        doc.title = self._split_site(candidate.text, doc).strip()
        candidate.drop(NAME, "title")
        lead = next((b for b in doc.blocks[candidate.index + 1 :] if b.keep), None)
        if (
            lead is not None
            and lead.kind == PARAGRAPH
            and block_words(lead) >= _MIN_STANDFIRST_LEAD_WORDS
            and _SENTENCE_END.search(lead.text)
        ):
            # The standfirst: article text, although it often sits in the page head, with the chrome.
            lead.notes["standfirst"] = True
        # One- to three-word lines above the title are the masthead: site name, section, kicker.
        above = [b for b in doc.blocks[: candidate.index] if b.keep]
        for b in above:
            if b.kind == SHORT:
                b.drop(NAME, "masthead")
        # The same title repeated further down (a breadcrumb, a share text) goes too.
        key = line_key(candidate.text)
        for b in doc.blocks:
            if b.keep and line_key(b.text) == key:
                b.drop(NAME, "title")
        # So is a short heading above the title, when nothing there reads as text: the site's tagline
        # (in a copied page; an extractor that read the markup left the masthead out already).
        copied = doc.metadata.get("extractor") != "trafilatura"
        if copied and all(b.kind in (SHORT, HEADING) and block_words(b) <= _MAX_TAGLINE_WORDS for b in above):
            for b in above:
                if b.keep:
                    b.drop(NAME, "masthead")

    def _unmarked_bylines(self, doc: Document, head_end: int) -> None:
        """Names on their own lines just above the page's date line are its byline without "By"
        ("Jane Doe", "Transport Correspondent", a dateline's place): they go, and the first
        name of two words or more is the author when no "By" line gave one."""
        blocks = doc.blocks
        for b in blocks[:head_end]:
            if b.keep or b.stage != NAME or b.reason != "date-line":
                continue
            names: list[Block] = []
            j = b.index - 1
            while j >= 0 and len(names) < _MAX_BYLINE_LINES:
                prev = blocks[j]
                j -= 1
                if not prev.keep:
                    if prev.stage in (NAME, "navigation"):
                        continue  # a "By" line, "Follow", "7 min read", "·": the byline may go on above it
                    break
                text = _without_parentheses(block_core(prev))
                if prev.kind not in (HEADING, SHORT) or block_words(prev) > _MAX_NAME_WORDS:
                    break
                if not (_person_like(text, self.ui_words) and _person_like(text, self.stopwords)):
                    break
                names.append(prev)
            for n in names:
                n.drop(NAME, "byline")
                n.notes["unmarked"] = True
            authors = [n for n in reversed(names) if word_count(n.text) >= 2]
            if authors and not doc.author:
                doc.author = _without_parentheses(authors[0].text)
            return  # the page's own date line is the first one

    def _author_bio(self, doc: Document) -> None:
        """ "Hannah Okafor is a columnist and a former teacher…" in the second half of the page:
        the author's bio box, not the article."""
        name = doc.author
        if not name or len(name.split()) < 2 or not self.bio_verbs:
            return
        opening = name.casefold() + " "
        for b in doc.blocks[len(doc.blocks) // 2 :]:
            if not (b.keep and b.kind == PARAGRAPH and b.text.casefold().startswith(opening)):
                continue
            rest = b.text[len(opening) :].casefold()
            if any(rest.startswith(verb + " ") for verb in self.bio_verbs):
                b.drop(NAME, "author-bio")

    def __call__(self, doc: Document) -> None:
        head_end = self._head_end(doc)
        marked: list[str] | None = None if doc.date else []
        for b in doc.blocks:
            if not b.keep or block_words(b) > _MAX_META_WORDS:
                continue
            if self._date_line(b, doc, b.index < head_end, marked):
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
            self._unmarked_bylines(doc, head_end)
            self._title(doc)
        self._author_bio(doc)
        if doc.date is None and doc.modified is not None:
            # A page that only shows when it was last updated: that is the date it carries.
            doc.date = doc.modified
