"""Small line-level helpers shared by the stages."""

from __future__ import annotations

import re

from ..document import Block

_BULLET = re.compile(r"^(?:[•·▪●◦‣∙■□➢►▶✓✔]|[-*+–](?=\s))\s*")
# A clock time, alone or at the end of a line: "07:01", "08h25", "12:30 PM".
TIME = r"(?:[01]?\d|2[0-3])[:h][0-5]\d(?:\s?[AaPp]\.?[Mm]\.?)?"
BARE_TIME = re.compile(rf"^(?:{TIME})$")
TRAILING_TIME = re.compile(rf"\s*\b{TIME}$")
HAS_WORD = re.compile(r"\w")


def core(text: str) -> str:
    """A line without its list bullet."""
    return _BULLET.sub("", text, count=1)


def ends_with_ellipsis(text: str) -> bool:
    t = text.rstrip(" »”\"')")
    return t.endswith("…") or t.endswith("...")


def next_kept(blocks: list[Block], i: int) -> int | None:
    for j in range(i + 1, len(blocks)):
        if blocks[j].keep:
            return j
    return None
