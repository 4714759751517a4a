"""Stage 8, injected text: rewriter/LLM notes and whole sentences in another language.

A sentence goes when a rewriter-note pattern matches it, or when it has enough
words and its stopwords say another language than the document's (confirmed by
langdetect on that sentence only). Names, short quoted titles and loanwords
stay: they never make a whole sentence of foreign function words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import Block, Document
from ..langid import langdetect_guess, stoplist, stopword_profile, words
from ._lines import core

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "injected"
# Foreign stopwords (not shared with the document's language) a sentence needs before langdetect is asked.
_MIN_FOREIGN_STOPWORDS = 2
_MIN_PROBABILITY = 0.8
# Evidence strong enough to decide without langdetect.
_SURE_FOREIGN_STOPWORDS = 4
_SURE_SHARE = 0.25
# langdetect random walks per sentence (7 for a page); enough for a yes/no on one sentence.
_SENTENCE_TRIALS = 3


class Injected:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        self.notes = ctx.lexicon["injected"]
        self.lexicon = ctx.lexicon
        self.min_words = ctx.config.injected.min_words
        self._own_cache: dict[str, frozenset[str]] = {}
        self._others_cache: dict[str, frozenset[str]] = {}

    def _own(self, lang: str) -> frozenset[str]:
        """The document language's stopwords: its lexicon list, or else jusText's stoplist.

        jusText's lists hold loanwords of other languages ("the" in French), so they are
        only used, minus the lexicon languages' words, for languages with no lexicon.
        """
        own = self._own_cache.get(lang)
        if own is None:
            own = self.lexicon.stopwords(lang)
            if not own:
                others = frozenset(self.lexicon.stopword_langs)
                own = stoplist(lang) - others
            self._own_cache[lang] = own
        return own

    def _others(self, lang: str) -> frozenset[str]:
        """Stopwords of the other lexicon languages that are not the document language's own."""
        others = self._others_cache.get(lang)
        if others is None:
            own = self._own(lang)
            others = frozenset(w for w, langs in self.lexicon.stopword_langs.items() if langs != (lang,)) - own
            self._others_cache[lang] = others
        return others

    def is_foreign(self, sentence: str, lang: str | None) -> bool:
        """True when the sentence is written in another language than ``lang``."""
        if not lang:
            return False
        tokens = words(sentence)
        if len(tokens) < self.min_words:
            return False
        own = self._own(lang)
        # Cheap gate: fewer than two function words of any other language means nothing to weigh.
        if len(self._others(lang).intersection(tokens)) < _MIN_FOREIGN_STOPWORDS:
            return False
        own_hits = sum(1 for w in tokens if w in own)
        counts = stopword_profile([w for w in tokens if w not in own], self.lexicon)
        counts.pop(lang, None)
        if not counts:
            return False
        foreign = max(counts.values())
        if foreign < _MIN_FOREIGN_STOPWORDS or foreign < 2 * own_hits + 1:
            return False
        if foreign >= _SURE_FOREIGN_STOPWORDS and own_hits * 4 <= foreign and foreign >= _SURE_SHARE * len(tokens):
            # Function words of another lexicon language and hardly any of the page's own: no
            # need for langdetect (about 10 ms a sentence) to confirm it.
            return True
        guess, prob = langdetect_guess(sentence, trials=_SENTENCE_TRIALS)
        return guess is not None and guess != lang and prob >= _MIN_PROBABILITY

    def _note_language(self, note: str) -> str | None:
        """The language whose stopwords a rewriter note holds most of."""
        counts = stopword_profile(words(note), self.lexicon)
        if not counts:
            return None
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    def _continues_note(self, sentence: str, note_lang: str | None, lang: str | None) -> bool:
        """A short sentence after a rewriter note, in the note's language and not the page's
        ("All facts have been preserved."): the rest of the note, too short to be judged alone."""
        if not lang or not note_lang or note_lang == lang:
            return False
        tokens = words(sentence)
        own = self._own(lang)
        if not tokens or any(w in own for w in tokens):
            return False
        return any(note_lang in self.lexicon.stopword_langs.get(w, ()) for w in tokens)

    def _mark(self, b: Block, lang: str | None) -> None:
        hits: list[tuple[int, int, str]] = []
        notes = self.notes.may_search(b.text)
        note_lang: str | None = None
        for s, e in b.sentences:
            sent = core(b.text[s:e])
            if notes and self.notes.search(sent):
                hits.append((s, e, "rewriter-note"))
                note_lang = self._note_language(sent)
            elif note_lang is not None and self._continues_note(sent, note_lang, lang):
                hits.append((s, e, "rewriter-note"))
            elif self.is_foreign(sent, lang):
                note_lang = None
                hits.append((s, e, "foreign-language"))
            else:
                note_lang = None
        if not hits:
            return
        if len(hits) == len(b.sentences):
            b.drop(NAME, hits[0][2])
        else:
            for s, e, reason in hits:
                b.drop_span(s, e, NAME, reason)

    def __call__(self, doc: Document) -> None:
        for b in doc.blocks:
            if b.keep:
                self._mark(b, doc.lang)
