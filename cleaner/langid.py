"""Language identification, cheap first: stopword profiles, then seeded langdetect on a bounded sample.

A whole page through langdetect costs tens of milliseconds; a stopword count
over a few hundred words costs microseconds and settles most pages in the
lexicon languages. langdetect runs only when the profile is unsure, on at most
``sample_chars`` characters, with a fixed seed so that output is deterministic.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import lru_cache
from pathlib import Path

from langdetect import DetectorFactory, LangDetectException
from langdetect.detector_factory import PROFILES_DIRECTORY

from .lexicon import Lexicon

_SEED = 0

_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# A profile needs this many words and this share of stopwords to be trusted.
_MIN_WORDS = 12
_MIN_SHARE = 0.25
_MIN_LEAD = 2.0


_LANGNAMES = Path(__file__).parent / "langnames.toml"


@lru_cache(maxsize=1)
def _langnames() -> dict[str, str]:
    with open(_LANGNAMES, "rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=64)
def stoplist(lang: str | None) -> frozenset[str]:
    """jusText's stoplist (about 100 languages) for an ISO 639-1 code; empty when there is none."""
    name = _langnames().get(lang or "")
    if not name:
        return frozenset()
    import justext

    return frozenset(w.casefold() for w in justext.get_stoplist(name))


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORDS.findall(text)]


def stopword_profile(tokens: list[str], lexicon: Lexicon) -> Counter[str]:
    """Per language, how many tokens are its stopwords."""
    counts: Counter[str] = Counter()
    index = lexicon.stopword_langs
    for w in tokens:
        langs = index.get(w)
        if langs is None and ("'" in w or "’" in w):
            # French/Italian elisions: "l'armée" counts as "l'".
            langs = index.get(re.split("['’]", w)[0] + "'")
        if langs:
            counts.update(langs)
    return counts


def profile_guess(tokens: list[str], lexicon: Lexicon) -> tuple[str | None, float]:
    """(language, confidence) from stopwords, or (None, 0.0) when unsure."""
    if len(tokens) < _MIN_WORDS:
        return None, 0.0
    counts = stopword_profile(tokens, lexicon)
    if not counts:
        return None, 0.0
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    best, hits = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if hits / len(tokens) >= _MIN_SHARE and hits >= _MIN_LEAD * max(second, 1):
        return best, round(min(0.99, hits / (hits + second + 1) + 0.1), 3)
    return None, 0.0


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """langdetect's profiles, loaded once, with a fixed seed: the same text gets the same answer."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(_SEED)
    return factory


def langdetect_guess(text: str, trials: int = 7) -> tuple[str | None, float]:
    """Seeded langdetect: (ISO 639-1 code, probability), or (None, 0.0) without letters.

    Each trial is a random walk over the text's n-grams; a sentence check needs
    fewer trials than a whole page (``trials``), at a fraction of the cost.
    """
    detector = _factory().create()
    detector.n_trial = trials
    detector.append(text)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return None, 0.0
    if not ranked:
        return None, 0.0
    top = ranked[0]
    code = top.lang.split("-")[0]
    return code, round(float(top.prob), 3)


def detect(text: str, lexicon: Lexicon, sample_chars: int = 600) -> tuple[str | None, float]:
    """Language of a text: stopword profile first, langdetect on a bounded sample otherwise."""
    if _CJK.search(text[:2000]) and len(_CJK.findall(text[:2000])) > 50:
        return langdetect_guess(text[:sample_chars])
    lang, conf = profile_guess(words(text[:4000]), lexicon)
    if lang is not None:
        return lang, conf
    return langdetect_guess(text[:sample_chars])
