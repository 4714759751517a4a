"""Scoring cleaner output: snippet expectations and bag-of-words against gold text.

The semantics are those of the project's reference scorer (``shared/tools/score.py``),
so ``cleaner eval`` and that script report the same counts on the same files:

- output records are grouped by the base name of their ``source``; the texts of
  one source are joined with a newline, so a page split into several records
  scores as one; the metadata (lang, title, date) comes from its first record;
- whitespace is folded (any run of white space is one space) on both sides;
- ``with``: the snippet occurs; ``without``: it does not; ``once``: exactly one
  occurrence; ``max1``: at most one; ``lang``/``title``: equal after folding;
  ``date``: the record's date starts with the expected one;
- a word is ``\\w+`` of the lowercased text; precision/recall count words with
  multiplicity.

Everything here is pure: lines in, dataclasses out. The command line reads files.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Check kinds, in the order the summary line lists them.
CHECK_KINDS = ("with", "without", "once", "max1", "lang", "title", "date")
SNIPPET_KINDS = ("with", "without", "once", "max1")
META_KINDS = ("lang", "title", "date")
GOLD_SUFFIXES = (".gold.txt", ".txt")

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


class ExpectationError(ValueError):
    """An expectations line that is not a JSON object with a ``file``."""


def fold(text: str) -> str:
    """Whitespace runs to one space, ends stripped."""
    return _WS.sub(" ", text).strip()


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@dataclass(slots=True)
class Output:
    """Cleaner output grouped by source base name."""

    texts: dict[str, list[str]] = field(default_factory=dict)
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    bad_lines: int = 0

    def text(self, name: str) -> str:
        """The folded text of one source: its records' texts joined by newlines."""
        return fold("\n".join(self.texts.get(name, [])))

    def sources(self) -> list[str]:
        """Every source seen, in first-seen order."""
        return list(self.meta)


def parse_output(lines: Iterable[str]) -> Output:
    """Group JSONL records by source; lines that are not JSON objects are only counted."""
    out = Output()
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            out.bad_lines += 1
            continue
        if not isinstance(record, dict):
            out.bad_lines += 1
            continue
        name = os.path.basename(str(record.get("source", "")))
        if record.get("text"):
            out.texts.setdefault(name, []).append(str(record["text"]))
        # The first record of a source carries its metadata, as in the reference scorer.
        out.meta.setdefault(name, record)
    return out


def parse_expectations(lines: Iterable[str]) -> list[dict[str, Any]]:
    """One expectation object per non-empty line; raises ExpectationError naming the bad line."""
    found = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            exp = json.loads(line)
        except ValueError as exc:
            raise ExpectationError(f"line {number}: not JSON ({exc.msg})") from None
        if not isinstance(exp, dict) or not isinstance(exp.get("file"), str):
            raise ExpectationError(f'line {number}: expected an object with a "file" name')
        found.append(exp)
    return found


@dataclass(frozen=True, slots=True)
class Check:
    file: str
    kind: str
    expected: str
    ok: bool


@dataclass(slots=True)
class DocChecks:
    """The checks of one expected file."""

    file: str
    has_text: bool
    checks: list[Check]

    @property
    def passed(self) -> int:
        return sum(c.ok for c in self.checks)

    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


def _snippet_ok(kind: str, snippet: str, text: str) -> bool:
    s = fold(snippet)
    if kind == "with":
        return s in text
    if kind == "without":
        return s not in text
    if kind == "once":
        return text.count(s) == 1
    return text.count(s) <= 1  # max1


def _meta_ok(kind: str, expected: Any, record: dict[str, Any]) -> bool:
    got = fold(str(record.get(kind) or ""))
    want = fold(str(expected))
    # A date may carry a time the expectation does not give.
    return got.startswith(want) if kind == "date" else got == want


def check_document(exp: dict[str, Any], output: Output) -> DocChecks:
    """Every check of one expectation against the output."""
    name = exp["file"]
    text = output.text(name)
    record = output.meta.get(name, {})
    checks = [
        Check(name, kind, str(snippet), _snippet_ok(kind, str(snippet), text))
        for kind in SNIPPET_KINDS
        for snippet in exp.get(kind, [])
    ]
    checks += [
        Check(name, kind, str(exp[kind]), _meta_ok(kind, exp[kind], record)) for kind in META_KINDS if kind in exp
    ]
    return DocChecks(name, name in output.texts, checks)


@dataclass(slots=True)
class GoldScore:
    """Bag-of-words agreement of one document with its gold text."""

    file: str
    gold: str
    precision: float
    recall: float
    f1: float
    out_words: int
    gold_words: int


def prf(out: str, gold: str) -> tuple[float, float, float, int, int]:
    """Precision, recall and F1 of the words of ``out`` against ``gold``, and both word counts."""
    got, want = Counter(words(out)), Counter(words(gold))
    common = sum((got & want).values())
    n_out, n_gold = sum(got.values()), sum(want.values())
    p = common / max(1, n_out)
    r = common / max(1, n_gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), n_out, n_gold


def find_gold(gold_dir: Path, name: str) -> Path | None:
    """DIR/<stem>.gold.txt, else DIR/<stem>.txt, for output source ``name``."""
    stem = os.path.splitext(name)[0]
    for suffix in GOLD_SUFFIXES:
        path = gold_dir / (stem + suffix)
        if path.is_file():
            return path
    return None


@dataclass(slots=True)
class Report:
    """Everything ``cleaner eval`` prints."""

    docs: list[DocChecks] = field(default_factory=list)
    gold: list[GoldScore] = field(default_factory=list)
    # Documents looked up in the gold directory without a gold file.
    no_gold: list[str] = field(default_factory=list)
    bad_lines: int = 0
    # Expected files with no text in the output.
    missing: list[str] = field(default_factory=list)
    has_expectations: bool = False

    def totals(self) -> tuple[Counter[str], Counter[str]]:
        """(passed, total) per check kind."""
        passed: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for doc in self.docs:
            for c in doc.checks:
                total[c.kind] += 1
                passed[c.kind] += c.ok
        return passed, total

    def failures(self) -> list[Check]:
        return [c for doc in self.docs for c in doc.failures()]

    def gold_means(self) -> tuple[float, float, float] | None:
        if not self.gold:
            return None
        n = len(self.gold)
        return (
            sum(g.precision for g in self.gold) / n,
            sum(g.recall for g in self.gold) / n,
            sum(g.f1 for g in self.gold) / n,
        )


def score_expectations(expectations: list[dict[str, Any]], output: Output) -> Report:
    """Snippet and metadata checks of every expected file."""
    return Report(
        docs=[check_document(exp, output) for exp in expectations],
        bad_lines=output.bad_lines,
        missing=[exp["file"] for exp in expectations if exp["file"] not in output.texts],
        has_expectations=True,
    )


def score_gold(report: Report, names: list[str], output: Output, golds: dict[str, tuple[str, str]]) -> Report:
    """Add bag-of-words scores for ``names``; ``golds`` maps a name to (gold file name, gold text)."""
    for name in names:
        if name not in golds:
            report.no_gold.append(name)
            continue
        gold_name, gold_text = golds[name]
        p, r, f, n_out, n_gold = prf(output.text(name), gold_text)
        report.gold.append(GoldScore(name, gold_name, p, r, f, n_out, n_gold))
    return report


def summary_line(report: Report) -> str:
    """The closing line, in the reference scorer's format, so the two can be compared."""
    passed, total = report.totals()
    parts = [f"{k} {passed[k]}/{total[k]}" for k in CHECK_KINDS if total[k]]
    ok, n = sum(passed.values()), sum(total.values())
    pieces = []
    if report.has_expectations:
        pieces.append(f"checks {ok}/{n} ({ok / max(1, n):.3f}): " + ", ".join(parts))
    means = report.gold_means()
    if means:
        pieces.append("bow P {:.3f} R {:.3f} F1 {:.3f} over {}".format(*means, len(report.gold)))
    elif not report.has_expectations:
        pieces.append("bow: no gold text found")
    if report.bad_lines:
        pieces.append(f"{report.bad_lines} unparsable output lines")
    if report.missing:
        pieces.append(f"no text for {len(report.missing)} inputs")
    return " | ".join(pieces)
