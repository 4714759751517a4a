"""Small line-level helpers shared by the stages."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from ..document import Block
from ..segment import word_count

T = TypeVar("T")

_BULLET = re.compile(r"^(?:[•·▪●◦‣∙■□➢►▶✓✔]|[-*+–](?=\s))\s*")
# A clock time, alone or at the end of a line: "07:01", "08h25", "12:30 PM".
TIME = r"(?:[01]?\d|2[0-3])[:h][0-5]\d(?:\s?[AaPp]\.?[Mm]\.?)?"
BARE_TIME = re.compile(rf"^(?:{TIME})$")
TRAILING_TIME = re.compile(rf"\s*\b{TIME}$")
HAS_WORD = re.compile(r"\w")


def trailing_time(text: str) -> re.Match[str] | None:
    """``TRAILING_TIME.search(text)``, skipping the scan when the last character cannot end a time."""
    last = text[-1:]
    if not (last.isdecimal() or last in "mM.\n"):
        return None
    return TRAILING_TIME.search(text)


def core(text: str) -> str:
    """A line without its list bullet."""
    return _BULLET.sub("", text, count=1)


def _memo(b: Block, key: str, compute: Callable[[], T]) -> T:
    """A per-block value computed once and shared by every stage."""
    d = b.cache()
    value = d.get(key)
    if value is None:
        value = d[key] = compute()
    return value


def block_core(b: Block) -> str:
    """``core(b.text)``, computed once per block."""
    return _memo(b, "core", lambda: core(b.text))


def block_words(b: Block) -> int:
    """``word_count(b.text)``, computed once per block."""
    return _memo(b, "words", lambda: word_count(b.text))


def core_words(b: Block) -> int:
    """``word_count(core(b.text))``, computed once per block."""
    return _memo(b, "core_words", lambda: block_words(b) if block_core(b) == b.text else word_count(block_core(b)))


def ends_with_ellipsis(text: str) -> bool:
    t = text.rstrip(" »”\"')")
    return t.endswith("…") or t.endswith("...")


def next_kept(blocks: list[Block], i: int) -> int | None:
    for j in range(i + 1, len(blocks)):
        if blocks[j].keep:
            return j
    return None
