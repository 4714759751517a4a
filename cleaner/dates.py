"""Find dates in short lines and turn them into ISO 8601, in French, English, Spanish and German forms.

Month names come from the lexicons, so a new language brings its own.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .lexicon import fold_accents

_TIME = (
    r"(?:\s*(?:,|à|a las|a la|at|um|-|–|\|)?\s*"
    r"(?P<H>[01]?\d|2[0-3])\s?[:h]\s?(?P<M>[0-5]\d)(?:\s?(?P<ampm>[ap])\.?m\.?)?)?"
)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d))?")
# "04/07/2025", "4.7.2025", "04-09-2025" (forum software): one separator, used twice.
_NUMERIC = re.compile(
    r"\b(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)\b" + _TIME, re.IGNORECASE
)
_DAY_MONTH = re.compile(
    r"\b(?P<d>[0-3]?\d)(?:er|st|nd|rd|th|\.|º)?\s+(?:de\s+)?(?P<mon>[^\W\d_]{3,12})\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b"
    + _TIME,
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    r"\b(?P<mon>[^\W\d_]{3,12})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b" + _TIME,
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class FoundDate:
    iso: str
    start: int
    end: int


def _iso(y: int, m: int, d: int, hh: str | None, mm: str | None, ampm: str | None = None) -> str | None:
    try:
        datetime.date(y, m, d)
    except ValueError:
        return None
    out = f"{y:04d}-{m:02d}-{d:02d}"
    if hh is not None and mm is not None:
        h = int(hh)
        if ampm:
            h = h % 12 + (12 if ampm.lower() == "p" else 0)
        out += f"T{h:02d}:{int(mm):02d}"
    return out


def find_date(text: str, months: dict[str, int], month_first: bool = False) -> FoundDate | None:
    """The first date in ``text`` (with its time when one follows), or None."""
    if _DIGIT.search(text) is None:
        return None  # every form below has a year
    m = _ISO.search(text)
    if m:
        iso = _iso(int(m["y"]), int(m["m"]), int(m["d"]), m["H"], m["M"])
        if iso:
            return FoundDate(iso, m.start(), m.end())
    for rx in (_DAY_MONTH, _MONTH_DAY):
        for m in rx.finditer(text):
            mon = months.get(fold_accents(m["mon"]))
            if mon:
                iso = _iso(int(m["y"]), mon, int(m["d"]), m["H"], m["M"], m["ampm"])
                if iso:
                    return FoundDate(iso, m.start(), m.end())
    m = _NUMERIC.search(text)
    if m:
        a, b = int(m["a"]), int(m["b"])
        if a > 12 or (b <= 12 and not month_first):
            day, mon = a, b
        else:
            day, mon = b, a
        iso = _iso(int(m["y"]), mon, day, m["H"], m["M"], m["ampm"])
        if iso:
            return FoundDate(iso, m.start(), m.end())
    return None
