"""Raw normalised text -> blocks and sentences, in one place every stage uses.

A block is one line of the dump. Blank lines separate groups. A bulleted line
is a list item and the more-indented lines under it belong to it (same group,
``notes['continuation']``). Kinds are structural guesses only; stages decide.
"""

from __future__ import annotations

import re

from .document import HEADING, LIST_ITEM, PARAGRAPH, SHORT, Block

_BULLET = re.compile(r"^(?:[•·▪●◦‣∙■□➢►▶✓✔]|[-*+–](?=\s)|\d{1,3}[.)](?=\s))\s*")
_TERMINAL = re.compile(r"[.!?…;:,]\W{0,2}$")
_WORD = re.compile(r"\w+")
# One question and nothing else: no sentence end before the final "?".
_QUESTION_HEADING = re.compile(r"^[^.!?…;:]*\?[\"'»”’)]*$")
_MAX_QUESTION_HEADING_WORDS = 15
# CJK characters count as words of their own for length purposes.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")

# Sentence ends: terminal punctuation, closing quotes/brackets, space, then an opening
# that can start a sentence. CJK full stops end a sentence with no space after them.
_SENT_END = re.compile(r"(?<=[.!?…])[\"'»”’)\]]*\s+(?=[\"'«“‘(\[¿¡—–-]?\s?[A-ZÀ-ÖØ-Þ0-9Α-ΩА-Я])|(?<=[。！？])")
# Every sentence end above follows one of these; a line without any is one sentence.
_END_HINT = re.compile("[.!?…。！？]")


def word_count(text: str) -> int:
    """Words in a text; each CJK character counts as one word."""
    if _CJK.search(text) is None:
        return len(_WORD.findall(text))
    return len(_CJK.findall(text)) + len(_WORD.findall(_CJK.sub(" ", text)))


def classify_line(text: str) -> str:
    """Structural kind of one stripped line."""
    return _classify(text)[0]


def _classify(text: str) -> tuple[str, int | None]:
    """(kind, word count when it was needed) of one stripped line."""
    if _BULLET.match(text) and len(text) > 2:
        return LIST_ITEM, None
    n = word_count(text)
    if n <= 3 and not _TERMINAL.search(text):
        return SHORT, n
    if n <= 30 and not _TERMINAL.search(text):
        return HEADING, n
    if n <= _MAX_QUESTION_HEADING_WORDS and _QUESTION_HEADING.match(text):
        # "Woran erkenne ich Luft im Heizkörper?": FAQ entries and forum thread titles are questions.
        return HEADING, n
    return PARAGRAPH, n


def _remember_words(block: Block, n: int | None) -> None:
    """Keep the word count classification found, for the stages (see stages/_lines.py)."""
    if n is not None:
        block.cache()["words"] = n


def split_sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one block."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text) if _END_HINT.search(text) else ():
        cut = m.start()
        before = text[start:cut].rstrip()
        if before:
            # The last token before the cut (what ``(\S+)\s*$`` finds).
            word = before.rsplit(None, 1)[-1].rstrip(".").lstrip("(«\"'“")
            # "M. Zelensky", "Dr. Who", "J. R. R.": not a sentence end.
            if word in abbreviations or (len(word) == 1 and word.isalpha() and word.isupper()):
                continue
        # The sentence ends after its punctuation and closing quotes, before the spaces.
        end = m.start() + len(m.group(0).rstrip())
        if end - start > 0 and text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


# Lines of hard-wrapped text are at least this long, except the last of a paragraph.
_WRAP_WIDTH = 50
_WRAP_END = re.compile(r"[\w,\-–(]$")


def _continues(prev: Block, line: str) -> bool:
    """A hard-wrapped line: the previous line, long as wrapped lines are, stops mid-sentence and this
    one goes on in lowercase, running on or ending the sentence (not a short byline under a title)."""
    if not line[:1].islower() or len(prev.text) < _WRAP_WIDTH or _BULLET.match(line):
        return False
    return _WRAP_END.search(prev.text) is not None and (len(line) >= _WRAP_WIDTH or _TERMINAL.search(line) is not None)


def segment(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Block]:
    """Cut normalised text into blocks with kinds, groups and sentences."""
    blocks: list[Block] = []
    group = 0
    blank = True
    list_indent: int | None = None
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            if not blank:
                group += 1
            blank = True
            continue
        indent = len(line) - len(line.lstrip(" "))
        if not blank and blocks and _continues(blocks[-1], stripped):
            prev = blocks[-1]
            prev.text = f"{prev.text} {stripped}"
            if prev.kind != LIST_ITEM:
                prev.kind, n = _classify(prev.text)
                _remember_words(prev, n)
            prev.sentences = split_sentences(prev.text, abbreviations)
            continue
        kind, n = _classify(stripped)
        block = Block(text=stripped, kind=kind, index=len(blocks), group=group)
        _remember_words(block, n)
        block.notes["indent"] = indent
        if kind == LIST_ITEM:
            list_indent = indent
        elif list_indent is not None and indent > list_indent and blocks:
            # An indented line under a bullet continues that list item.
            block.notes["continuation"] = True
            block.group = blocks[-1].group
        else:
            list_indent = None if indent == 0 and blank else list_indent
        block.sentences = split_sentences(stripped, abbreviations)
        blocks.append(block)
        blank = False
    return blocks
