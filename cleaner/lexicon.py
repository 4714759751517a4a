"""Per-language phrase lists (``cleaner/lexicons/<lang>.toml``) compiled into matchers.

UI phrases are matched against whole lines, so they are merged across every
loaded language: a French page can carry a Spanish comment form. Stopwords,
abbreviations and month names stay per language for the language profile.
A new language is a new TOML file, no code.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parser
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .config import ConfigError
from .literal_gate import Gate, LiteralGate

try:
    from re._casefix import _EXTRA_CASES as _CASE_FIXES

    _FIXES_KNOWN = True
except ImportError:  # another Python: only ASCII literals prefilter, no first-letter gate
    _CASE_FIXES = {}
    _FIXES_KNOWN = False

LEXICON_DIR = Path(__file__).parent / "lexicons"

# Concerns whose phrases are matched against whole lines.
CONCERNS = (
    "navigation",
    "comments",
    "comment_lines",
    "comment_section_titles",
    "related",
    "teaser_links",
    "captions",
    "calls_to_action",
    "liveblog",
    "injected",
    "stray",
    "footer",
    "listing",
    "about",
    "source_labels",
    "newsletter",
    "edit_links",
    "breaking",
    "ad_boxes",
    "pros_cons",
    "code_buttons",
    "fact_sheets",
)

# A row of buttons: at most this many words, each button at most this many.
_MAX_ROW_WORDS = 8
_MAX_ROW_PHRASE_WORDS = 4
_NO_LETTER = re.compile(r"[\W\d_]+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_PUNCT_RUN = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def line_key(text: str) -> str:
    """Comparison key for a UI line: case-folded, edge punctuation and repeated spaces removed."""
    folded = text.casefold()
    # _EDGE_PUNCT.sub("", folded) without trying ``[\W_]+$`` at every position: the leading
    # run, and the trailing one found as the leading run of the reversed text.
    lead = _PUNCT_RUN.match(folded)
    trail = _PUNCT_RUN.match(folded[::-1])
    start = lead.end() if lead else 0
    end = len(folded) - (trail.end() if trail else 0)
    return _SPACES.sub(" ", folded[start:end] if start < end else "").strip()


def _phrase_regex(phrase: str) -> str:
    """A plain phrase as a regex tolerant to spacing and apostrophe variants."""
    parts = [re.escape(w) for w in phrase.casefold().split()]
    rx = r"\s+".join(parts)
    return re.sub("['’]", "['’]", rx)


# Non-ASCII characters that re.IGNORECASE matches with an ASCII letter although str.lower()
# does not turn them into it ('ſ' ~ 's', 'ı' ~ 'i', 'İ' ~ 'i'). A line holding one skips the prefilter.
_CASE_TRICKY = re.compile("[\u0130\u0131\u017f]")
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


def _score(lits: frozenset[str]) -> tuple[int, int]:
    """Selectivity of a literal set: longer shortest string first, then fewer strings."""
    return min(map(len, lits)), -len(lits)


def _factors(items: list) -> list[frozenset[str]]:
    """Literal sets a match of a parsed regex must each hit (one string of every set), best first."""
    found: list[frozenset[str]] = []
    run = {""}  # the literal strings being built from consecutive literal characters
    for op, av in items:
        if op is _sre.LITERAL:
            run = {s + chr(av) for s in run}
            continue
        if op is _sre.IN and len(av) <= 4 and all(o is _sre.LITERAL for o, _ in av):
            run = {s + chr(c) for s in run for _, c in av}
            continue
        if op is _sre.AT:
            continue  # ^, $, \b are zero-width: the literal run goes on
        if run != {""}:
            found.append(frozenset(run))
        run = {""}
        if op is _sre.SUBPATTERN:
            found += _factors(av[3])
        elif op is _sre.ATOMIC_GROUP:
            found += _factors(av)
        elif op in _REPEATS and av[0] >= 1:
            found += _factors(av[2])
        elif op is _sre.BRANCH:
            # One alternative matches: the union of each alternative's best set is required.
            alts = [_factors(alt) for alt in av[1]]
            if all(alts):
                found.append(frozenset().union(*(a[0] for a in alts)))
    if run != {""}:
        found.append(frozenset(run))
    return sorted(set(found), key=_score, reverse=True)


def _case_safe(s: str) -> bool:
    """``s.lower() in line.lower()`` finds every case-insensitive regex match of ``s``."""
    return all(
        len(c.lower()) == 1 and (c.lower().isascii() or (_FIXES_KNOWN and ord(c.lower()) not in _CASE_FIXES)) for c in s
    )


# A pattern is gated on at most this many of its literal sets (cost bound).
_MAX_FACTORS = 3


def _gate(pattern: str) -> Gate | None:
    """Lower-cased literal sets a line must each hit (any one string of every set) for ``pattern``
    to match it, most selective first; None when no required literal is known."""
    try:
        found = _factors(list(_sre_parser.parse(pattern, re.IGNORECASE)))
    except Exception:  # an unexpected parse tree: no gate, just the regex
        return None
    sets = [tuple(sorted({s.lower() for s in f})) for f in found if all(_case_safe(s) for s in f)]
    if not sets:
        return None
    return tuple(sets[:_MAX_FACTORS])  # most selective first (see _factors)


_WORD_CHAR = re.compile(r"\w")


def _first_letters(phrases: list[str]) -> frozenset[str] | None:
    """What a line's first word character (lower-cased) must be for one of the phrases to open
    it: their first word characters, with their re.IGNORECASE equivalents. Non-word characters
    only ever match non-word ones, so the phrase's and the line's first word characters align.
    None when unknown."""
    if not _FIXES_KNOWN:
        return None
    first: set[str] = set()
    for p in phrases:
        m = _WORD_CHAR.search(p)
        c = m.group().lower() if m else ""
        if len(c) != 1:
            return None
        first.add(c)
        first.update(chr(x) for x in _CASE_FIXES.get(ord(c), ()))
    return frozenset(first)


def _compile_gated(patterns: list[str]) -> list[tuple[re.Pattern[str], Gate | None]]:
    return [(re.compile(p, re.IGNORECASE), _gate(p)) for p in patterns]


@dataclass(slots=True)
class PhraseSet:
    """Whole-line phrases, line prefixes and regexes for one concern."""

    lines: set[str] = field(default_factory=set)
    prefixes: list[str] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)
    _prefix_rx: re.Pattern[str] | None = None
    # Lower-cased first letters of the prefixes (with their re.IGNORECASE equivalents); None: no gate.
    _prefix_first: frozenset[str] | None = None
    # Each pattern compiled on its own, with the literals a line needs before it is tried.
    _anchored: list[tuple[re.Pattern[str], Gate | None]] = field(default_factory=list)
    _floating: list[tuple[re.Pattern[str], Gate | None]] = field(default_factory=list)
    # Anchored then floating patterns, picked by the literals a line holds (one automaton pass).
    _literals: LiteralGate | None = None

    def add(self, table: dict) -> None:
        self.lines.update(line_key(p) for p in table.get("lines", []))
        self.prefixes.extend(table.get("prefixes", []))
        self.patterns.extend(table.get("patterns", []))

    def compile(self) -> None:
        if self.prefixes:
            alts = sorted({_phrase_regex(p) for p in self.prefixes}, key=len, reverse=True)
            self._prefix_rx = re.compile(r"^\W*(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)
            self._prefix_first = _first_letters([p.casefold() for p in self.prefixes])
        # Patterns anchored at the start are tried at position 0 only; the rest are searched.
        self._anchored = _compile_gated([p[1:] for p in self.patterns if p.startswith("^")])
        self._floating = _compile_gated([p for p in self.patterns if not p.startswith("^")])
        self._literals = LiteralGate(self._anchored + self._floating)

    def is_line(self, text: str) -> bool:
        """The whole line is one of the phrases."""
        return line_key(text) in self.lines

    def is_row(self, text: str) -> bool:
        """The line is two or more of the whole-line phrases in a row, as a row of buttons copies
        ("Zitieren Antworten Melden", "Reply · Report")."""
        # Separators and counts ("Like (34)") are not buttons.
        words = [w for w in line_key(text).split() if not _NO_LETTER.fullmatch(w)]
        if not 2 <= len(words) <= _MAX_ROW_WORDS:
            return False
        # reach[i]: words[:i] splits into phrases; a split needs two phrases or more.
        reach = [True] + [False] * len(words)
        for i in range(len(words)):
            if reach[i]:
                for j in range(i + 1, min(len(words), i + _MAX_ROW_PHRASE_WORDS) + 1):
                    if not (i == 0 and j == len(words)) and " ".join(words[i:j]) in self.lines:
                        reach[j] = True
        return reach[-1]

    def prefix(self, text: str) -> re.Match[str] | None:
        """The line starts with one of the prefixes (returns the match)."""
        if self._prefix_rx is None:
            return None
        folded = text.casefold()
        if self._prefix_first is not None:
            # Past the leading ``\W*`` a prefix can only start at the first word character.
            first = _WORD_CHAR.search(folded)
            if first is None:
                return None
            low = first.group().lower()
            if len(low) == 1 and low not in self._prefix_first:
                return None
        return self._prefix_rx.match(folded)

    def search(self, text: str) -> re.Match[str] | None:
        """One of the patterns occurs in the line (returns the match)."""
        # Same result as one alternation of all patterns: an anchored one matching at 0 in list
        # order, else the leftmost floating match (the earlier pattern on a tie). Trying them
        # one by one lets a pattern be skipped when the line lacks a literal it needs.
        gate = self._literals
        if gate is None or not gate.size:
            return None  # no patterns
        low = None if _CASE_TRICKY.search(text) else text.lower()
        n = len(self._anchored)
        best = None
        for pos in gate.candidates(low):
            if pos < n:
                m = self._anchored[pos][0].match(text)
                if m is not None:
                    return m
                continue
            m = self._floating[pos - n][0].search(text)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
                if not best.start():
                    break
        return best

    def may_search(self, text: str) -> bool:
        """False only when ``search`` can find nothing in ``text`` nor in any part of it: a line
        fails the literal test, so do its sentences. Lets a stage skip them all."""
        gate = self._literals
        if gate is None or not gate.size:
            return False  # no patterns
        return gate.any_candidate(None if _CASE_TRICKY.search(text) else text.lower())

    def matches(self, text: str) -> bool:
        return self.is_line(text) or self.prefix(text) is not None or self.search(text) is not None


@dataclass(slots=True)
class LanguageData:
    """What is per language: stopwords for profiles, abbreviations, month names, date words."""

    code: str
    name: str
    stopwords: frozenset[str]
    abbreviations: frozenset[str]
    months: dict[str, int]
    published: list[str]
    updated: list[str]
    bylines: list[str]
    # "<Author> is a columnist…": the verbs an author's bio box opens with after the name.
    bio_verbs: list[str] = field(default_factory=list)
    # A forum member's profile label before a date ("Joined", "Registriert seit"): not the page's date.
    member_since: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Lexicon:
    """All loaded languages: merged UI phrase sets plus per-language data."""

    phrases: dict[str, PhraseSet]
    languages: dict[str, LanguageData]
    # Words any UI phrase is made of; used to unglue labels the dump ran together.
    ui_words: frozenset[str]
    abbreviations: frozenset[str]
    months: dict[str, int]
    published: list[str]
    updated: list[str]
    bylines: list[str]
    # word -> languages whose stopword list holds it, for cheap language profiles.
    stopword_langs: dict[str, tuple[str, ...]]
    bio_verbs: frozenset[str] = frozenset()
    member_since: list[str] = field(default_factory=list)

    def __getitem__(self, concern: str) -> PhraseSet:
        return self.phrases[concern]

    def stopwords(self, lang: str | None) -> frozenset[str]:
        data = self.languages.get(lang or "")
        return data.stopwords if data else frozenset()


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"cannot read lexicon {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"lexicon {path} is not valid TOML: {exc}") from None


def load_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """Load every bundled lexicon plus the user's extra files (same format)."""
    return _load(tuple(str(p) for p in extra_files))


@lru_cache(maxsize=8)
def _load(extra_files: tuple[str, ...]) -> Lexicon:
    files = sorted(LEXICON_DIR.glob("*.toml")) + [Path(p) for p in extra_files]
    phrases = {c: PhraseSet() for c in CONCERNS}
    languages: dict[str, LanguageData] = {}
    for path in files:
        data = _read(path)
        code = data.get("lang", path.stem)
        for concern in CONCERNS:
            if concern in data:
                phrases[concern].add(data[concern])
        try:
            _check_patterns(data)
        except re.error as exc:
            raise ConfigError(f"lexicon {path}: bad regex: {exc}") from None
        if "stopwords" not in data and code not in languages:
            continue  # a file of shared patterns, not a language
        meta = data.get("metadata", {})
        old = languages.get(code)
        languages[code] = LanguageData(
            code=code,
            name=data.get("name", old.name if old else code),
            stopwords=frozenset(w.casefold() for w in data.get("stopwords", []))
            | (old.stopwords if old else frozenset()),
            abbreviations=frozenset(data.get("abbreviations", [])) | (old.abbreviations if old else frozenset()),
            months={**(old.months if old else {}), **{_fold(k): v for k, v in meta.get("months", {}).items()}},
            published=(old.published if old else []) + meta.get("published", []),
            updated=(old.updated if old else []) + meta.get("updated", []),
            bylines=(old.bylines if old else []) + meta.get("bylines", []),
            bio_verbs=(old.bio_verbs if old else []) + meta.get("bio_verbs", []),
            member_since=(old.member_since if old else []) + meta.get("member_since", []),
        )
    for ps in phrases.values():
        ps.compile()
    ui_words = set()
    for ps in phrases.values():
        for line in ps.lines:
            ui_words.update(w for w in line.split() if len(w) > 3)
        for p in ps.prefixes:
            ui_words.update(w for w in line_key(p).split() if len(w) > 3)
    stop_index: dict[str, list[str]] = {}
    for code, lang in sorted(languages.items()):
        for w in lang.stopwords:
            stop_index.setdefault(w, []).append(code)
    merged = list(languages.values())
    return Lexicon(
        phrases=phrases,
        languages=languages,
        ui_words=frozenset(ui_words),
        abbreviations=frozenset(a for lang in merged for a in lang.abbreviations),
        months={k: v for lang in merged for k, v in lang.months.items()},
        published=[p for lang in merged for p in lang.published],
        updated=[p for lang in merged for p in lang.updated],
        bylines=[p for lang in merged for p in lang.bylines],
        stopword_langs={w: tuple(v) for w, v in stop_index.items()},
        bio_verbs=frozenset(v.casefold() for lang in merged for v in lang.bio_verbs),
        member_since=[p for lang in merged for p in lang.member_since],
    )


def _check_patterns(data: dict) -> None:
    for concern in CONCERNS:
        for p in data.get(concern, {}).get("patterns", []):
            re.compile(p)


def _fold(word: str) -> str:
    """Case- and accent-insensitive key (for month names: 'février' == 'fevrier')."""
    nfkd = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in nfkd if not unicodedata.combining(c))


fold_accents = _fold
