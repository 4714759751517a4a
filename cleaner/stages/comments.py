"""Stage 4, comments: a comment-section header and the comment entries that follow it.

The header is found by phrase ("44 commentaires", "Leave a reply", "Deja una
respuesta"); structure decides the reach: the section runs to the next header
of another concern (a related block, the footer) or the end of the page. A
header near the top of a long page, with no comment markers after it, is a
link ("12 comments" under a title), and only that line goes; so is a bare count
("7 comments") anywhere without markers after it (a teaser's link on an archive
page). So does a header that is also an ordinary section title ("Discussion"), wherever
it stands. A header's quoted post title does not count towards its length.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..document import Block, Document
from ._lines import BARE_TIME, block_core, core

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "comments"
# A header this far into the page (by characters) opens a section without further proof.
_LATE = 0.5
_LOOKAHEAD = 5
# Headers are short lines, not counting the quoted post title of "3 comments on “<title>”".
_MAX_HEADER_CHARS = 80
_QUOTED = re.compile(r"“[^”]*”|«[^»]*»|„[^“”]*[“”]|\"[^\"]*\"")
# "7 comments", "12 Kommentare": a count alone, which is also what a link to the comments reads.
_BARE_COUNT = re.compile(r"^\d[\d.,]*\s+\w+$")


class Comments:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        lx = ctx.lexicon
        self.headers = lx["comments"]
        self.lines = lx["comment_lines"]
        self.section_titles = lx["comment_section_titles"]
        self.stops = (lx["related"], lx["footer"])

    def _has_marker(self, ahead: list[Block]) -> bool:
        """Comment chrome among the next lines: "Reply", "Report", a comment's time. Two bare times
        in a row are a media player's position and length ("00:00", "06:12"), not comments."""
        lines = [core(b.text) for b in ahead]
        for k, t in enumerate(lines):
            if self.lines.matches(t) or self.lines.is_row(t):
                return True
            beside = (lines[n] for n in (k - 1, k + 1) if 0 <= n < len(lines))
            if BARE_TIME.match(t) and not any(BARE_TIME.match(x) for x in beside):
                return True
        return False

    def _is_stop(self, text: str) -> bool:
        t = core(text)
        return any(ps.is_line(t) or ps.prefix(t) for ps in self.stops)

    def __call__(self, doc: Document) -> None:
        blocks = doc.blocks
        total = sum(len(b.text) for b in blocks) or 1
        seen = 0
        i = 0
        while i < len(blocks):
            b = blocks[i]
            seen += len(b.text)
            text = block_core(b)
            if b.keep and (self.lines.matches(text) or self.lines.is_row(text)):
                b.drop(NAME, "comment-ui")
            if not (b.keep and len(_QUOTED.sub("", text)) < _MAX_HEADER_CHARS and self.headers.matches(text)):
                i += 1
                continue
            ahead = blocks[i + 1 : i + 1 + _LOOKAHEAD]
            section_title = self.section_titles.is_line(text)
            needs_proof = seen / total < _LATE or _BARE_COUNT.match(text) is not None or section_title
            proven = not needs_proof or self._has_marker(ahead)
            if proven or not section_title:  # an unproven count is a link to the comments: it goes alone
                b.drop(NAME, "comment-header")
            if not proven:
                i += 1
                continue
            j = i + 1
            while j < len(blocks) and not self._is_stop(blocks[j].text):
                blocks[j].drop(NAME, "comment")
                seen += len(blocks[j].text)
                j += 1
            i = j
