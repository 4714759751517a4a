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

A forum thread is the exception: its posts are short lines of chat that jusText
takes for chrome. Where the same post action ("Reply With Quote", "Zitieren",
phpBB's "Quote") recurs three times or more, the lines just above each of them,
and all the lines between two of them close together, are a post's text and stay.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise
from typing import TYPE_CHECKING

from ..document import HEADING, LIST_ITEM, Block, Document
from ..document import SHORT as SHORT_KIND
from ..langid import stoplist, words
from ..lexicon import line_key
from ._lines import block_core, core_words

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "boilerplate"
GOOD, NEAR_GOOD, SHORT, BAD, GONE = "good", "near-good", "short", "bad", "gone"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# One CJK character carries about as much as three Latin letters.
_CJK_WEIGHT = 3
# Headings this close (in characters) before a good block introduce it; a short line of this many
# words right above one is its subhead.
_HEADING_REACH = 400
_MIN_SUBHEAD_WORDS = 3
# A verdict list under "Pros" / "Cons": at most this many items of this many words.
_MAX_VERDICT_ITEMS = 10
_MAX_VERDICT_WORDS = 15
# The other side's label starts at most this many blocks after one side's last line.
_VERDICT_GAP = 3
# A post action repeated this often marks a thread; a post's text is at most this many lines.
_MIN_POSTS = 3
_MAX_POST_LINES = 12
_MAX_ACTION_WORDS = 4
_MAX_POST_FOOTER = 2
# Blocks between two post actions that still make one post (header, text, footer).
_MAX_POST_SPAN = 2 * _MAX_POST_LINES
# A quantity, then words: "300 g de espinacas", "2 EL Olivenöl", "½ cup sugar" (not "1. Name").
_COUNTED = re.compile(r"^(?:\d+(?:[.,/:]\d+)?|[½¼¾⅓⅔])\s*[^\W\d_]")
# A run of short lines with at least this share (numerator, denominator) of them is a list.
_COUNTED_SHARE = (2, 3)
# A short line under good text with at least this many words, ending like a sentence, is text.
_MIN_SENTENCE_WORDS = 5
# A line of code: a statement or a block ("listen 80;", "server {"), a closing bracket, a prompt, a
# command's flag, a pipe, an assignment, a call or a path.
_CODE_LIKE = re.compile(
    r"[{};]\s*$|^\s*[}\])]|^(?:\$|#!|>>>)\s?|(?:^|\s)--?[a-z][\w-]*|\s(?:&&|\|\|?|>>?)\s"
    r"|^[\w.-]+\s*=\s*\S|\w\([^)]*\)|(?:^|\s)/[\w.-]+/"
)
_MIN_CODE_LINES = 2
_MAX_CODE_LINES = 40
# Removed blocks that still count as context: what jusText would have judged itself.
_CONTEXT_REASONS = frozenset({"ui-row", "tracking-markup"})
# Share of the page's text that may come before a thread's first post action.
_THREAD_HEAD = 0.5


def _length(text: str) -> int:
    cjk = len(_CJK.findall(text))
    return len(text) + (_CJK_WEIGHT - 1) * cjk


def _code_run(blocks: list[Block], order: range) -> list[int]:
    """The code-like kept lines met in ``order`` until a line that is not code (removed bracket lines
    and buttons are stepped over)."""
    run: list[int] = []
    for j in order:
        b = blocks[j]
        if not b.keep:
            if b.reason in ("separator", "code-button"):
                continue
            break
        if len(run) >= _MAX_CODE_LINES or not _CODE_LIKE.search(b.text):
            break
        run.append(j)
    return run


def _menu_like(blocks: list[Block], run: list[int]) -> bool:
    """Menu entries are names; a run of short lines that mostly open with a quantity is a list of
    things, such as a recipe's ingredients."""
    counted = sum(1 for j in run if _COUNTED.match(block_core(blocks[j])))
    return counted * _COUNTED_SHARE[1] < len(run) * _COUNTED_SHARE[0]


class Boilerplate:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        self.cfg = ctx.config.boilerplate
        self.extra_stopwords = ctx.lexicon
        self.post_actions = ctx.lexicon["comment_lines"]
        self.pros_cons = ctx.lexicon["pros_cons"]

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
        if not self.cfg.enabled or doc.metadata.get("extractor") == "trafilatura" or doc.entries_from_markup:
            # An extractor that saw the markup already chose the main content (or the reader
            # took a listing's cards from it); jusText's text-only guesses would only take good
            # paragraphs from it.
            return
        stops = stoplist(doc.lang) | self.extra_stopwords.stopwords(doc.lang)
        blocks = doc.blocks
        classes: list[str] = []
        for b in blocks:
            # Blocks removed by earlier stages are transparent: their own stage judged them. Rows of
            # UI labels and raw markup still weigh as what they are, chrome around the lines next
            # to them (a menu entry does not turn good because its share row went first).
            if b.keep or b.reason in _CONTEXT_REASONS:
                classes.append(self.classify(b.kept_text() if b.keep else b.text, stops))
            else:
                classes.append(GONE)
        for i in self._code_blocks(blocks):
            # Lines of code over a "Copy" button, or under a line introducing them: text, whatever
            # their stopwords say.
            classes[i] = GOOD
        if GOOD not in classes:
            # Nothing clearly good: a short page or an unknown layout; keep all rather than guess.
            return
        final = self._revise(blocks, classes)
        if self.cfg.window:
            final = self._window(blocks, classes, final)
        for i in self._thread_posts(blocks):
            final[i] = GOOD
        for i in self._pros_and_cons(blocks):
            final[i] = GOOD
        for i, b in enumerate(blocks):
            # Found under the title by the metadata stage, or an entry of a listing page.
            if b.notes.get("standfirst") or b.notes.get("listing_entry"):
                final[i] = GOOD
        for b, cls in zip(blocks, final, strict=True):
            if b.keep and cls == BAD:
                b.drop(NAME, "boilerplate")
            b.notes["class"] = cls

    @staticmethod
    def _code_blocks(blocks: list[Block]) -> list[int]:
        """Positions of the lines of a code block: code-like lines right above a "Copy" button (a
        bracket-only line between them went as a separator), or at least two right under a line
        that ends with a colon ("Paste the following server block into the file:")."""
        found: list[int] = []
        for i, b in enumerate(blocks):
            if not b.keep and b.reason == "code-button":
                found.extend(_code_run(blocks, range(i - 1, -1, -1)))
            elif b.keep and b.text.rstrip().endswith(":"):
                run = _code_run(blocks, range(i + 1, len(blocks)))
                if len(run) >= _MIN_CODE_LINES:
                    found.extend(run)
        return found

    def _pros_and_cons(self, blocks: list[Block]) -> list[int]:
        """A review's "Pros" / "Cons" (or "Lo mejor", "Nachteile") label and the short lines under it, up to
        the next label or longer text: short lines of a verdict, which jusText takes for a menu.
        A verdict has two sides: a label with no other label close by ("Plus..." over a menu) is
        not one."""
        runs: list[list[int]] = []
        i = 0
        while i < len(blocks):
            b = blocks[i]
            i += 1
            if not (b.keep and self.pros_cons.is_line(block_core(b))):
                continue
            run = [b.index]
            while i < len(blocks) and len(run) <= _MAX_VERDICT_ITEMS:
                item = blocks[i]
                if not item.keep:
                    break
                if self.pros_cons.is_line(block_core(item)) or core_words(item) > _MAX_VERDICT_WORDS:
                    break
                run.append(item.index)
                i += 1
            if len(run) > 1:
                runs.append(run)
        found: list[int] = []
        for k, run in enumerate(runs):
            before = k > 0 and run[0] - runs[k - 1][-1] <= _VERDICT_GAP
            after = k + 1 < len(runs) and runs[k + 1][0] - run[-1] <= _VERDICT_GAP
            if before or after:
                found.extend(run)
        return found

    def _thread_posts(self, blocks: list[Block]) -> set[int]:
        """Positions of the kept lines that end right above a post action repeated through the page
        (already removed as UI): the text of each post of a thread.

        A thread is the page itself: its first post action comes before most of the page's text.
        The same actions under a long article close its comments, which are not kept here.
        """
        actions: dict[str, list[int]] = defaultdict(list)
        for i, b in enumerate(blocks):
            if not b.keep and self._post_action(b):
                actions[line_key(block_core(b))].append(i)
        repeated = [where for where in actions.values() if len(where) >= _MIN_POSTS]
        if not repeated:
            return set()
        first = min(where[0] for where in repeated)
        total = sum(len(b.text) for b in blocks if b.keep) or 1
        if sum(len(b.text) for b in blocks[:first] if b.keep) / total >= _THREAD_HEAD:
            return set()
        posts: set[int] = set()
        for where in repeated:
            # Between two actions close together lies one whole post with its header: all of it is
            # thread. Far apart, they frame more than a post (a blog's post and its comments).
            for a, b in pairwise(where):
                if b - a <= _MAX_POST_SPAN:
                    posts.update(j for j in range(a + 1, b) if blocks[j].keep and blocks[j].kind != LIST_ITEM)
            for i in where:
                j = i - 1
                # Past the post's own footer ("Last edited by …"), already removed.
                while j >= 0 and i - j <= _MAX_POST_FOOTER and not blocks[j].keep:
                    j -= 1
                # Up to the post's header; a bulleted line is its profile links, not its text.
                while j >= 0 and i - j <= _MAX_POST_LINES and blocks[j].keep and blocks[j].kind != LIST_ITEM:
                    posts.add(j)
                    j -= 1
        return posts

    def _sentence(self, b: Block) -> bool:
        """A whole sentence of some words: capital first, sentence punctuation last."""
        text = b.kept_text()
        return (
            b.kind != HEADING
            and len(text.split()) >= _MIN_SENTENCE_WORDS
            and text[:1].isupper()
            and text.rstrip(" \"'»”’)").endswith((".", "!", "?"))
        )

    def _post_action(self, b: Block) -> bool:
        """A post's action, or its row of actions ("Zitieren Antworten Melden")."""
        if core_words(b) <= _MAX_ACTION_WORDS and self.post_actions.is_line(block_core(b)):
            return True
        return b.reason == "comment-ui" and self.post_actions.is_row(block_core(b))

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
    def _nearest(classes: list[str], skip: tuple[str, ...]) -> tuple[list[str], list[str]]:
        """For every position, the class of the nearest block before and after it that is not
        skipped (nor gone); BAD past the page's edges. Two linear scans, so long runs of short
        lines cost no more than short ones."""
        n = len(classes)
        before, after = [BAD] * n, [BAD] * n
        last = BAD
        for i, cls in enumerate(classes):
            before[i] = last
            if cls not in skip and cls != GONE:
                last = cls
        last = BAD
        for i in range(n - 1, -1, -1):
            after[i] = last
            if classes[i] not in skip and classes[i] != GONE:
                last = classes[i]
        return before, after

    def _menus(self, blocks: list[Block], classes: list[str]) -> list[str]:
        """A run of many short lines in a row is a menu or a list of links, not text.

        In a copied page each menu entry is a line of its own; prose seldom has
        ``menu_run`` very short lines in a row. A short sentence right under good text (an
        article's last line, "The last bus runs on 31 May.") is no menu entry.
        """
        out = list(classes)
        run: list[int] = []
        last = BAD
        for i, cls in enumerate([*classes, GOOD]):
            if cls == GONE:
                continue
            if cls == SHORT and not (last == GOOD and self._sentence(blocks[i])):
                run.append(i)
                last = cls
                continue
            last = cls
            if len(run) >= self.cfg.menu_run and _menu_like(blocks, run):
                for j in run:
                    out[j] = BAD
            run = []
        return out

    def _revise(self, blocks: list[Block], classes: list[str]) -> list[str]:
        """jusText's context-sensitive pass."""
        classes = self._menus(blocks, classes)
        # Near-good blocks next to good ones count as good; short ones decide from both sides.
        out = list(classes)
        prev_far, next_far = self._nearest(classes, (SHORT, NEAR_GOOD))
        prev_near, next_near = self._nearest(classes, (SHORT,))
        for i, cls in enumerate(classes):
            if cls != SHORT:
                continue
            if prev_far[i] == next_far[i]:
                out[i] = prev_far[i]
            else:
                # Between good and bad: good only when a near-good neighbour vouches for it, or when
                # it is a sentence right under good text (an article's short last line).
                vouched = NEAR_GOOD in (prev_near[i], next_near[i])
                out[i] = GOOD if vouched or (prev_near[i] == GOOD and self._sentence(blocks[i])) else BAD
        # Near-good blocks take their neighbours' side; those on the left are already decided.
        _, next_decided = self._nearest(out, (NEAR_GOOD,))
        last = BAD
        for i, cls in enumerate(classes):
            if cls == NEAR_GOOD:
                out[i] = BAD if last == BAD and next_decided[i] == BAD else GOOD
            if out[i] != GONE:
                last = out[i]
        # A heading followed closely by good text introduces it.
        for i, b in enumerate(blocks):
            if out[i] == BAD and b.keep and b.kind == HEADING:
                reach = 0
                for j in range(i + 1, len(blocks)):
                    if out[j] == GOOD:
                        out[i] = GOOD
                        break
                    if blocks[j].reason == "title":
                        break  # the article starts at its title: a heading above it (a tagline) is not its
                    reach += len(blocks[j].text)
                    if reach > _HEADING_REACH:
                        break
            elif out[i] == BAD and b.keep and b.kind == SHORT_KIND and self._subhead(blocks[i]):
                # A short line of words right above good text is its subhead ("Einbrecher im Vereinsheim").
                nxt = next((j for j in range(i + 1, len(blocks)) if out[j] != GONE), None)
                if nxt is not None and out[nxt] == GOOD:
                    out[i] = GOOD
        return out

    @staticmethod
    def _subhead(b: Block) -> bool:
        text = block_core(b).rstrip()
        return (
            sum(1 for w in text.split() if w.isalpha()) >= _MIN_SUBHEAD_WORDS
            and not text.endswith((".", "!", "?", ":", ","))
            and text[:1].isupper()
        )
