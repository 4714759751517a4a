"""Which of a concern's regexes are worth trying on a line: one Aho–Corasick pass over its literals.

Every pattern of a phrase set needs some literals in a line before it can match ("newsletter",
"cookies"); ``lexicon._gate`` finds them. Testing them one ``in`` at a time costs a Python loop over
hundreds of strings per line. Here every literal of three characters or more (or of rare signs
such as "©") goes into one
automaton (``ahocorasick_rs``, compiled Rust): one pass over the lower-cased line says which are
present, and only the patterns whose literals are all there are tried, in their list order.
Shorter literals (" ", ":", "de") occur in nearly every line; the sets that hold one are still
tested with ``in``, and a pattern gated by nothing else is always tried.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ahocorasick_rs import AhoCorasick

# Literals shorter than this are too common to be worth indexing, bar rare signs.
_MIN_INDEXED = 3
_COMMON_SIGNS = frozenset(" \t.,:;!?'’‘\"“”«»()[]/-–—*&…")

Gate = tuple[tuple[str, ...], ...]


class LiteralGate:
    """Candidate patterns of one list (in list order) for a lower-cased line."""

    __slots__ = ("_ac", "_always", "_by_literal", "_checks", "_literals", "size")

    def __init__(self, gated: list[tuple[re.Pattern[str], Gate | None]]) -> None:
        self.size = len(gated)
        literals = sorted({s for _, gate in gated if gate for options in gate for s in options if _indexed(options)})
        ids = {s: i for i, s in enumerate(literals)}
        self._literals = literals
        self._ac = AhoCorasick(literals) if literals else None
        self._by_literal: dict[int, list[int]] = defaultdict(list)
        # Per pattern: the literal-id sets it also needs, and the short-literal sets to test with ``in``.
        self._checks: list[tuple[tuple[frozenset[int], ...], Gate]] = []
        self._always: list[int] = []
        for pos, (_, gate) in enumerate(gated):
            strong = tuple(frozenset(ids[s] for s in options) for options in gate or () if _indexed(options))
            weak = tuple(options for options in gate or () if not _indexed(options))
            self._checks.append((strong[1:], weak))
            if strong:
                for lit in strong[0]:
                    self._by_literal[lit].append(pos)
            else:
                self._always.append(pos)

    def __getstate__(self) -> dict:
        # The automaton does not pickle (a pipeline sent to spawned workers or Dask): rebuilt from
        # its literals, in the same order, so literal ids stay the same.
        return {name: getattr(self, name) for name in self.__slots__ if name != "_ac"}

    def __setstate__(self, state: dict) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._ac = AhoCorasick(self._literals) if self._literals else None

    def found(self, low: str) -> set[int]:
        """Ids of the indexed literals present in the lower-cased line."""
        if self._ac is None:
            return set()
        return {i for i, _, _ in self._ac.find_matches_as_indexes(low, overlapping=True)}

    def candidates(self, low: str | None) -> list[int]:
        """Positions of the patterns whose literals the line holds (all of them when ``low`` is
        None: a line whose case folding the literals cannot be trusted with)."""
        if low is None:
            return list(range(self.size))
        hits = self._ac.find_matches_as_indexes(low, overlapping=True) if self._ac is not None else ()
        if not hits:  # the common case: no indexed literal, only the always-tried patterns remain
            return [pos for pos in self._always if _weak_ok(low, self._checks[pos][1])]
        found = {i for i, _, _ in hits}
        picked = set(self._always)
        for lit in found:
            picked.update(self._by_literal.get(lit, ()))
        out = []
        for pos in sorted(picked):
            strong, weak = self._checks[pos]
            if _strong_ok(found, strong) and _weak_ok(low, weak):
                out.append(pos)
        return out

    def any_candidate(self, low: str | None) -> bool:
        """Some pattern may match the line or a part of it (a pattern with only short literals
        always may)."""
        if low is None or self._always:
            return self.size > 0
        return any(lit in self._by_literal for lit in self.found(low))


def _strong_ok(found: set[int], strong: tuple[frozenset[int], ...]) -> bool:
    for ids in strong:  # noqa: SIM110 - a plain loop: all() with a generator is slower on this hot path
        if found.isdisjoint(ids):
            return False
    return True


def _weak_ok(low: str, weak: Gate) -> bool:
    # Plain loops: any()/all() over generators cost more than the tests on this hot path.
    for options in weak:
        for s in options:
            if s in low:
                break
        else:
            return False
    return True


def _indexed(options: tuple[str, ...]) -> bool:
    return all(len(s) >= _MIN_INDEXED or _rare_symbols(s) for s in options)


def _rare_symbols(s: str) -> bool:
    """ "©", "€", "+": signs most lines lack, worth indexing however short."""
    return bool(s) and not any(c.isalnum() or c in _COMMON_SIGNS for c in s)
