"""Stage 1, normalize: repair broken Unicode, NFC, spaces, and unglue what the dump ran together.

This is the one stage that rewrites text, and it runs before segmentation so
that every later offset refers to the normalised text. ftfy is costly, so it
only runs when a cheap pattern says the text looks broken.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

import ftfy

from ..document import Document
from ..lexicon import Lexicon

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "normalize"

# Mojibake signatures (UTF-8 read as Latin-1/cp1252) and C1 control characters.
_LOOKS_BROKEN = re.compile("[\u0080-\u009f]|[ÃÂ][\u0080-\u00bf]|â€|Ã[^\\s\\w]|Ð[\u0080-\u00bf]")
# Every signature above starts with one of these characters; a fast scan rules most texts out.
_BROKEN_HINT = re.compile("[\u0080-\u009fÃÂâÐ]")
# Every Unicode space except newline becomes a plain space; invisible ones vanish.
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u000b\u000c]")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_INNER_RUNS = re.compile(r"(?<=\S) {2,}(?=\S)")
# A word glued to a clock time: "BIELORUSSIE08:25" -> "BIELORUSSIE 08:25".
_GLUED_TIME = re.compile(r"(?<=[^\W\d_])(?=(?:[01]?\d|2[0-3])[:h][0-5]\d\b)")
# Lookbehind-led patterns test every position of the page. The rewrites below find the few
# candidate places with a fast scan (digits, guillemets, space runs) and check around them.
_DIGITS = re.compile(r"\d+")
_TIME_AT = re.compile(r"(?:[01]?\d|2[0-3])[:h][0-5]\d\b")
_LETTER = re.compile(r"[^\W\d_]")
_NON_SPACE = re.compile(r"\S")
_SPACE_RUN = re.compile(" {2,}")
_GUILLEMET = re.compile("[«»]")
# A lowercase letter directly followed by an uppercase word: a candidate glue point.
_CAMEL = re.compile(r"(?<=[a-zà-öø-ÿ])(?=([A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ]+|[A-ZÀ-ÖØ-Þ]+)))")
# A glued word in capitals has at least this many letters; shorter ones end brand names ("MySQL").
_MIN_GLUED_CAPS = 4
# ... unless another word in capitals follows it: "ParisEN DIRECT" is a label glued to a name.
_SHOUTED_NEXT = re.compile(r" [A-ZÀ-ÖØ-Þ]{2,}\b")
# The same glue points found faster: a lowercase-uppercase pair, then the word from its capital.
# A camel-case word said this often on the page is a name, not two labels run together.
_BRAND_REPEATS = 2
_CAMEL_HINT = re.compile(r"[a-zà-öø-ÿ][A-ZÀ-ÖØ-Þ]")
_CAMEL_RIGHT = re.compile(r"[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ]+|[A-ZÀ-ÖØ-Þ]+)")
# A word glued to an opening guillemet or a closing one glued to a word.
_GLUED_QUOTE = re.compile(r"(?<=[^\W\d_])(?=«)|(?<=»)(?=[^\W\d_])")


# A heading's permalink glyph glued to its end by docs generators: "Installation¶", "Version 3.2.0#"
# (not "C#" or "F#": a language's name ends in a capital).
_HEADER_LINK = re.compile(r"^([^\n]{0,79}?[\w.)])[ \t]?(¶|(?<![A-Z*])#)[ \t]*$", re.MULTILINE)
# Only a heading-like line loses a '#': a few words, opening with a capital or a digit ("dial *556#" keeps it).
_MAX_PERMALINK_WORDS = 8


def _strip_permalink(m: re.Match[str]) -> str:
    line = m.group(1)
    if m.group(2) == "¶" or ((line[:1].isupper() or line[:1].isdigit()) and len(line.split()) <= _MAX_PERMALINK_WORDS):
        return line
    return m.group(0)


def looks_broken(text: str) -> bool:
    """Cheap test for mojibake; only then is ftfy worth its cost."""
    return _BROKEN_HINT.search(text) is not None and _LOOKS_BROKEN.search(text) is not None


def _unglue_camel(text: str, ui_words: frozenset[str]) -> str:
    """Split 'adaptéDésactiver' or 'KievSource' but not 'JavaScript', 'iPhone' or 'MySQL'.

    A glue point is split when the right-hand word is a word in capitals ('lectureATTAQUE';
    a short acronym is a brand's: 'MySQL', 'macOS'),
    is a UI word from the lexicons ('Source', 'Filtrer'), or the left side ends in an
    accented letter, which brand names in camel case never do.
    """

    # Same as ``_CAMEL.sub`` with a " " or "" replacement; pairs never overlap, so the hint's
    # matches visit every glue point.
    cuts = []
    for hint in _CAMEL_HINT.finditer(text):
        at = hint.start() + 1
        m = _CAMEL_RIGHT.match(text, at)
        if m is None:
            continue
        right = m.group()
        if (
            (right.isupper() and (len(right) >= _MIN_GLUED_CAPS or _SHOUTED_NEXT.match(text, m.end())))
            or (right.casefold() in ui_words and not _brand(text, at, m.end(), ui_words))
            or not text[at - 1].isascii()
        ):
            cuts.append(at)
    if not cuts:
        return text
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return " ".join(pieces)


def _brand(text: str, at: int, end: int, ui_words: frozenset[str]) -> bool:
    """'LumaPrint', said again and again through the page, is a name; 'KievSource' at one line's end, or
    'ReplyReport' (two labels) under every post, is glue."""
    start = at - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    left = text[start:at]
    return left.casefold() not in ui_words and text.count(text[start:end]) >= _BRAND_REPEATS


def _has_glued_time(text: str) -> bool:
    """A letter right before a clock time: only then can ``_GLUED_TIME`` match. Such a time
    starts a run of digits, and runs of digits are quick to find."""
    for m in _DIGITS.finditer(text):
        at = m.start()
        if at and _LETTER.match(text, at - 1) and _TIME_AT.match(text, at):
            return True
    return False


def _glue_quotes(text: str) -> str:
    """``_GLUED_QUOTE.sub(" ", text)``: a space between a word and a guillemet glued to it."""
    cuts = []
    for m in _GUILLEMET.finditer(text):
        i, c = m.start(), m.group()
        if c == "«" and i and _LETTER.match(text, i - 1):
            cuts.append(i)
        elif c == "»" and _LETTER.match(text, i + 1):
            cuts.append(i + 1)
    if not cuts:
        return text
    return " ".join(text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True))


def _inner_runs(text: str) -> str:
    """``_INNER_RUNS.sub(" ", text)``: a run of spaces between two non-spaces becomes one."""
    pieces, last = [], 0
    for m in _SPACE_RUN.finditer(text):
        s, e = m.span()
        if s and _NON_SPACE.match(text, s - 1) and _NON_SPACE.match(text, e):
            pieces.append(text[last:s])
            last = e
    if not pieces:
        return text
    pieces.append(text[last:])
    return " ".join(pieces)


def _strip_trailing(text: str) -> str:
    """Spaces at the end of every line go (as ``re.sub(" +$", "", text, flags=re.M)``)."""
    if " \n" not in text and not text.endswith(" "):
        return text
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))


def normalize_text(text: str, lexicon: Lexicon, glued: bool = True) -> str:
    """The normalised form of a raw dump; leading indentation is kept for segmentation.
    ``glued``: the text may hold labels run together (a copied page), not one read from markup."""
    if looks_broken(text):
        text = ftfy.fix_text(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    if _has_glued_time(text):
        text = _GLUED_TIME.sub(" ", text)
    if "«" in text or "»" in text:
        text = _glue_quotes(text)
    if glued:
        text = _unglue_camel(text, lexicon.ui_words)
    if "  " in text:
        text = _inner_runs(text)
    if "¶" in text or "#\n" in text or text.endswith("#"):
        text = _HEADER_LINK.sub(_strip_permalink, text)
    return _strip_trailing(text)


class Normalize:
    """Fills ``doc.text`` from ``doc.raw``."""

    name = NAME

    def __init__(self, ctx: Context) -> None:
        self.lexicon = ctx.lexicon

    def __call__(self, doc: Document) -> None:
        # An extractor that read the markup kept its elements apart: nothing is glued.
        doc.text = normalize_text(doc.raw, self.lexicon, glued=doc.metadata.get("extractor") != "trafilatura")
