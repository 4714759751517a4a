"""Stage 3, navigation and UI: menus, skip links, toggles, log-in prompts, share rows, cookie notices."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..document import Document
from ._lines import HAS_WORD, block_core, core_words

if TYPE_CHECKING:
    from ..pipeline import Context

NAME = "navigation"
# Separators of a row of UI labels ("Home | News | Sport", "Facebook · Twitter").
_ROW_SPLIT = re.compile(r"\s*(?:\||·|•|/|»|›|>|–|—)\s*")
# Prose never gets this long and still be a UI label.
_MAX_UI_WORDS = 40


class Navigation:
    name = NAME

    def __init__(self, ctx: Context) -> None:
        lx = ctx.lexicon
        self.nav = lx["navigation"]
        self.footer = lx["footer"]
        self.stray = lx["stray"]

    def _is_ui_row(self, text: str) -> bool:
        parts = [p for p in _ROW_SPLIT.split(text) if p]
        return len(parts) >= 2 and all(self.nav.is_line(p) for p in parts)

    def __call__(self, doc: Document) -> None:
        for b in doc.blocks:
            if not b.keep:
                continue
            text = block_core(b)
            if not HAS_WORD.search(text):
                b.drop(NAME, "separator")
                continue
            if core_words(b) > _MAX_UI_WORDS:
                continue
            if self.nav.is_line(text):
                b.drop(NAME, "ui-label")
            elif self.stray.is_line(text):
                b.drop(NAME, "stray-line")
            elif self.nav.prefix(text) or self.nav.search(text):
                b.drop(NAME, "navigation")
            elif self.footer.prefix(text):
                b.drop(NAME, "footer")
            elif self._is_ui_row(text):
                b.drop(NAME, "ui-row")
