"""Generic boilerplate: jusText's two-pass paragraph classification, on text blocks.

The phrase stages know named things (menus, comments, teasers). What remains of
a page's chrome (unnamed menus, footers, lists of links) is found the way
jusText does it, without markup:

1. context-free: each block is *short*, *near-good*, *good* or *bad* from its
   length and stopword density (jusText's stoplists, for about 100 languages);
2. context-sensitive: short and near-good blocks take the class of their
   neighbours (a short line between two good paragraphs is good; between two
   bad ones, bad); blocks removed by earlier stages are skipped over.

Bad blocks go. Pages in a language with no stoplist are judged on length alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..document import HEADING, Block, Document
from ..langid import stoplist, words

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "boilerplate"
GOOD, NEAR_GOOD, SHORT, BAD, GONE = "good", "near-good", "short", "bad", "gone"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# One CJK character carries about as much as three Latin letters.
_CJK_WEIGHT = 3
# Headings this close (in characters) before a good block introduce it.
_HEADING_REACH = 400


def _length(text: str) -> int:
    cjk = len(_CJK.findall(text))
    return len(text) + (_CJK_WEIGHT - 1) * cjk


class Boilerplate:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        self.cfg = ctx.config.boilerplate
        self.extra_stopwords = ctx.lexicon

    def classify(self, text: str, stops: frozenset[str]) -> str:
        """Context-free class of one block."""
        cfg = self.cfg
        length = _length(text)
        if length < cfg.length_low:
            return SHORT
        if not stops or _CJK.search(text):
            return GOOD if length >= cfg.length_high else NEAR_GOOD
        tokens = words(text)
        if not tokens:
            return BAD
        density = sum(1 for w in tokens if w in stops) / len(tokens)
        if density >= cfg.stopwords_high and length >= cfg.length_high:
            return GOOD
        if density >= cfg.stopwords_low:
            return NEAR_GOOD
        return BAD

    def __call__(self, doc: Document) -> None:
        if not self.cfg.enabled or doc.metadata.get("extractor") == "trafilatura":
            # An extractor that saw the markup already chose the main content; jusText's
            # text-only guesses would only take good paragraphs from it.
            return
        stops = stoplist(doc.lang) | self.extra_stopwords.stopwords(doc.lang)
        blocks = doc.blocks
        classes: list[str] = []
        for b in blocks:
            # Blocks removed by earlier stages are transparent: their own stage judged them.
            classes.append(self.classify(b.kept_text(), stops) if b.keep else GONE)
        if GOOD not in classes:
            # Nothing clearly good: a short page or an unknown layout; keep all rather than guess.
            return
        final = self._revise(blocks, classes)
        if self.cfg.window:
            final = self._window(blocks, classes, final)
        for b, cls in zip(blocks, final, strict=True):
            if b.keep and cls == BAD:
                b.drop(NAME, "boilerplate")
            b.notes["class"] = cls

    def _window(self, blocks: list[Block], classes: list[str], final: list[str]) -> list[str]:
        """Keep what lies outside the main text only when it is good on its own.

        The main text is the stretch of blocks with the largest balance of good over bad
        characters (a maximum-sum segment). Outside it, blocks that only borrowed their
        class from neighbours (short lines, near-good text) go.
        """
        best, best_span, run, start = 0.0, (0, -1), 0.0, 0
        for i, b in enumerate(blocks):
            if classes[i] == GONE:
                continue
            n = len(b.text)
            score = n if final[i] == GOOD else -n
            if run <= 0:
                run, start = 0.0, i
            run += score
            if run > best:
                best, best_span = run, (start, i)
        lo, hi = best_span
        out = list(final)
        for i in range(len(blocks)):
            if (i < lo or i > hi) and out[i] == GOOD and classes[i] != GOOD:
                out[i] = BAD
        return out

    @staticmethod
    def _neighbour(classes: list[str], i: int, step: int, skip: tuple[str, ...]) -> str:
        j = i + step
        while 0 <= j < len(classes):
            if classes[j] not in skip and classes[j] != GONE:
                return classes[j]
            j += step
        return BAD

    def _menus(self, classes: list[str]) -> list[str]:
        """A run of many short lines in a row is a menu or a list of links, not text.

        In a copied page each menu entry is a line of its own; prose seldom has
        ``menu_run`` very short lines in a row.
        """
        out = list(classes)
        run: list[int] = []
        for i, cls in enumerate([*classes, GOOD]):
            if cls == GONE:
                continue
            if cls == SHORT:
                run.append(i)
                continue
            if len(run) >= self.cfg.menu_run:
                for j in run:
                    out[j] = BAD
            run = []
        return out

    def _revise(self, blocks: list[Block], classes: list[str]) -> list[str]:
        """jusText's context-sensitive pass."""
        classes = self._menus(classes)
        # Near-good blocks next to good ones count as good; short ones decide from both sides.
        out = list(classes)
        for i, cls in enumerate(classes):
            if cls != SHORT:
                continue
            prev = self._neighbour(classes, i, -1, (SHORT, NEAR_GOOD))
            nxt = self._neighbour(classes, i, 1, (SHORT, NEAR_GOOD))
            if prev == nxt:
                out[i] = prev
            else:
                # Between good and bad: good only when a near-good neighbour vouches for it.
                prev_n = self._neighbour(classes, i, -1, (SHORT,))
                next_n = self._neighbour(classes, i, 1, (SHORT,))
                out[i] = GOOD if NEAR_GOOD in (prev_n, next_n) else BAD
        for i, cls in enumerate(classes):
            if cls != NEAR_GOOD:
                continue
            prev = self._neighbour(out, i, -1, (NEAR_GOOD,))
            nxt = self._neighbour(out, i, 1, (NEAR_GOOD,))
            out[i] = BAD if prev == BAD and nxt == BAD else GOOD
        # A heading followed closely by good text introduces it.
        for i, b in enumerate(blocks):
            if out[i] == BAD and b.keep and b.kind == HEADING:
                reach = 0
                for j in range(i + 1, len(blocks)):
                    if out[j] == GOOD:
                        out[i] = GOOD
                        break
                    reach += len(blocks[j].text)
                    if reach > _HEADING_REACH:
                        break
        return out
