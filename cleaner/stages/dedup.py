"""Stage 11, dedup: near-duplicate sentences and paragraphs inside one document, first occurrence kept.

- exact repeats of a whole block (a caption shown twice) go as "repeated-line";
- exact repeats of a sentence go as "duplicate-sentence";
- near-repeats of a sentence are found with datasketch MinHash signatures over
  word n-gram shingles in a MinHashLSH index;
- a block whose sentences all went goes whole ("duplicate-paragraph"); a block
  that opens with a repeated sentence keeps its new ones;
- a pull quote (a line in quote marks, or a heading-like line of six words or more,
  repeating words of a paragraph before or after it) goes as "pull-quote": it is
  part of a sentence, so no sentence matches it.

Cost stays near-linear: a sentence is hashed only when at least ``threshold``
of its shingles were already seen in the document, which any near-duplicate
(Jaccard >= threshold) must satisfy; earlier sentences enter the LSH index
lazily, when such a sentence shares shingles with them. Most sentences of a
page never pay for a signature.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from ..document import HEADING, PARAGRAPH, SHORT, Document
from ..lexicon import line_key

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

    from ..pipeline import Context

NAME = "dedup"
# A shingle held by this many earlier sentences is common: its holders are not enumerated.
_COMMON_SHINGLE = 64
_WORDS = re.compile(r"\w+")
# Quote marks: a whole line in them is a quotation (the closing one may be followed by punctuation).
_OPENING_QUOTES = frozenset("\"“„«»‘‚‹›'")
_CLOSING_QUOTES = frozenset("\"”“»«’‘›‹'")
# A pull quote is a phrase or a sentence or two, not a paragraph.
_MAX_PULL_QUOTE_WORDS = 40
# Unquoted, a pull quote is a heading-like line of this many words or more (a subhead of two or
# three words may well recur in the text).
_MIN_PULL_HEADING_WORDS = 6
# A pull quote set as a paragraph of its own is one short sentence.
_MAX_PULL_LINE_WORDS = 15
# A quoted line that skips words of its sentence still has this share (numerator, denominator) of
# its shingles in it.
_LOOSE_SHARE = (1, 2)


def shingles(tokens: list[str], size: int) -> set[str]:
    if len(tokens) < size:
        return {" ".join(tokens)}
    # zip of shifted copies yields every window of ``size`` tokens, joined at C speed.
    return set(map(" ".join, zip(*(tokens[i:] for i in range(size)), strict=False)))


def _quoted(text: str) -> bool:
    """The line opens with a quote mark and closes with one, bar trailing punctuation."""
    text = text.strip()
    if len(text) < 2 or text[0] not in _OPENING_QUOTES:
        return False
    end = len(text)
    while end > 1 and not text[end - 1].isalnum() and text[end - 1] not in _CLOSING_QUOTES:
        end -= 1
    return text[end - 1] in _CLOSING_QUOTES


def _in_order(tokens: list[str], held: list[str]) -> bool:
    """Every token stands in ``held``, in the same order (others may come between)."""
    rest = iter(held)
    return all(t in rest for t in tokens)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


class Dedup:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        cfg = ctx.config.dedup
        self.size = cfg.shingle_size
        self.num_perm = cfg.num_perm
        self.threshold = cfg.sentence_threshold
        self.min_words = cfg.min_sentence_words
        self._template: MinHash | None = None
        self._params: tuple[int, int] | None = None

    def _setup(self) -> None:
        # datasketch (and the scipy it imports) loads on first need: most pages never need it.
        from datasketch import MinHash, MinHashLSH

        self._template = MinHash(num_perm=self.num_perm, seed=1)
        # Band/row parameters are optimised once, not for every document's index.
        probe = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        self._params = (probe.b, probe.r)

    def new_index(self) -> MinHashLSH:
        from datasketch import MinHashLSH

        if self._params is None:
            self._setup()
        return MinHashLSH(threshold=self.threshold, num_perm=self.num_perm, params=self._params)

    def signature(self, items: set[str]) -> MinHash:
        from datasketch import MinHash

        if self._template is None:
            self._setup()
        t = self._template
        # crc32 is a C function: hashing shingles costs a fraction of datasketch's default sha1 wrapper.
        m = MinHash(num_perm=self.num_perm, permutations=t.permutations, scheme=t.scheme, hashfunc=zlib.crc32)
        m.update_batch([s.encode("utf-8") for s in sorted(items)])
        return m

    def __call__(self, doc: Document) -> None:
        seen_blocks: set[str] = set()
        seen_sentences: set[str] = set()
        lsh: MinHashLSH | None = None
        sets: list[set[str]] = []  # shingle sets of the sentences seen so far
        indexed: set[int] = set()  # which of them are in the LSH index
        postings: defaultdict[str, list[int]] = defaultdict(list)  # shingle -> sentences holding it
        owners: list[int] = []  # the block of each sentence seen

        for bi, b in enumerate(doc.blocks):
            if not b.keep:
                continue
            key = line_key(b.kept_text())
            if not key:
                continue
            # Short lines repeat legitimately (a name heading each forum post, code, a refrain);
            # only lines with enough words to be a caption or a paragraph count as repeats.
            if key in seen_blocks and len(key.split()) >= self.min_words:
                b.drop(NAME, "repeated-line")
                continue
            seen_blocks.add(key)
            live = [(s, e) for s, e in b.sentences if not b.span_dropped(s, e)] if b.spans else b.sentences
            dups: list[tuple[int, int]] = []
            for s, e in live:
                tokens = _WORDS.findall(b.text[s:e].casefold())
                if not tokens:
                    continue
                if len(tokens) < self.min_words:
                    # "Yes." or "Thank you." said twice is dialogue, not duplication.
                    continue
                skey = " ".join(tokens)
                if skey in seen_sentences:
                    dups.append((s, e))
                    continue
                seen_sentences.add(skey)
                sh = shingles(tokens, self.size)
                if self._candidates(sh, postings):
                    lsh = lsh or self.new_index()
                    if self._near_duplicate(sh, sets, indexed, postings, lsh):
                        dups.append((s, e))
                        continue
                sid = len(sets)
                sets.append(sh)
                owners.append(bi)
                for x in sh:
                    postings[x].append(sid)
            if not dups:
                continue
            if len(dups) == len(live):
                b.drop(NAME, "duplicate-paragraph")
            else:
                for s, e in dups:
                    b.drop_span(s, e, NAME, "duplicate-sentence")
        self._pull_quotes(doc, owners, postings)

    def _pull_quotes(self, doc: Document, owners: list[int], postings: dict[str, list[int]]) -> None:
        """Drop quoted lines, and heading-like lines of some words, whose words all stand, in order,
        inside another kept block (for a heading, not the paragraph right under it: a subhead may
        restate its own section's first sentence). A quoted line may skip words of the sentence it
        lifts ("Many [young] people …"): its words stand in order, most of its shingles in place."""
        blocks = doc.blocks
        words_of: dict[int, tuple[list[str], str]] = {}
        for bi, b in enumerate(blocks):
            if not b.keep or b.spans:
                continue
            quoted = _quoted(b.text)
            tokens = _WORDS.findall(b.text.casefold())
            # Unquoted, a pull quote is set as a heading, or as a short paragraph of its own.
            most = _MAX_PULL_QUOTE_WORDS if quoted or b.kind == HEADING else _MAX_PULL_LINE_WORDS
            if not (quoted or b.kind in (HEADING, PARAGRAPH, SHORT)):
                continue
            least = self.min_words if quoted else max(self.min_words, _MIN_PULL_HEADING_WORDS)
            if not least <= len(tokens) <= most:
                continue
            holders = self._holders(shingles(tokens, self.size), postings, owners, exact=not quoted) - {bi}
            if not holders:
                continue
            under = next((j for j in range(bi + 1, len(blocks)) if blocks[j].keep), None)
            phrase = f" {' '.join(tokens)} "
            for o in sorted(holders):
                if not blocks[o].keep or (b.kind == HEADING and not quoted and o == under):
                    continue
                if o not in words_of:
                    held_words = _WORDS.findall(blocks[o].kept_text().casefold())
                    words_of[o] = (held_words, f" {' '.join(held_words)} ")  # joined once per holder
                held, joined = words_of[o]
                if phrase in joined or (quoted and _in_order(tokens, held)):
                    b.drop(NAME, "pull-quote")
                    break

    @staticmethod
    def _holders(sh: set[str], postings: dict[str, list[int]], owners: list[int], exact: bool) -> set[int]:
        """Blocks holding every shingle (``exact``) or most of them, counted from the rarest shingle;
        a shingle as common as "of the" says nothing and would make the pass quadratic."""
        lists = sorted((postings.get(x, ()) for x in sh), key=len)
        if exact:
            holders: set[int] | None = None
            for holding in lists:
                if len(holding) >= _COMMON_SHINGLE:
                    break
                found = {owners[sid] for sid in holding}
                holders = found if holders is None else holders & found
                if not holders:
                    break
            return holders or set()
        counts: Counter[int] = Counter()
        for holding in lists:
            if len(holding) >= _COMMON_SHINGLE:
                break
            counts.update({owners[sid] for sid in holding})
        return {o for o, n in counts.items() if n * _LOOSE_SHARE[1] >= len(sh) * _LOOSE_SHARE[0]}

    def _candidates(self, sh: set[str], postings: dict[str, list[int]]) -> list[int]:
        """Earlier sentences holding at least ``threshold`` of these shingles.

        Jaccard(A, B) >= t implies |A & B| >= t * |A|: only those can be near-duplicates.
        """
        need = self.threshold * len(sh)
        if len(postings.keys() & sh) < need:
            return []
        overlap: Counter[int] = Counter()
        common = 0
        for x in sh:
            holders = postings.get(x, ())
            if len(holders) >= _COMMON_SHINGLE:
                # "of the" in a long page: counting its holders would make the pass quadratic.
                common += 1
                continue
            overlap.update(holders)
        # Common shingles are taken as shared with every candidate (an upper bound, so no near-duplicate
        # is lost to the shortcut; the MinHash check decides).
        return [sid for sid, n in overlap.items() if n + common >= need]

    def _near_duplicate(
        self,
        sh: set[str],
        sets: list[set[str]],
        indexed: set[int],
        postings: dict[str, list[int]],
        lsh: MinHashLSH,
    ) -> bool:
        for sid in self._candidates(sh, postings):
            if sid not in indexed:
                lsh.insert(sid, self.signature(sets[sid]))
                indexed.add(sid)
        # LSH buckets also pair sets well under the threshold now and then; the shingle sets are
        # at hand, so a bucket match is confirmed by their exact Jaccard similarity.
        return any(_jaccard(sh, sets[sid]) >= self.threshold for sid in lsh.query(self.signature(sh)))
