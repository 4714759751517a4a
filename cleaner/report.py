"""The HTML explain report: Documents in, one self-contained HTML page out.

Everything the page needs is inline (one <style>, one tiny <script> that only
acts when the page is opened with ``#selftest``), so the file can be mailed,
attached to an issue or opened offline. Every piece of page text is escaped.
Removed blocks and spans stay in place, greyed and struck through, coloured by
reason, so a reader sees what went *and* where it was.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from html import escape

from . import __version__
from .document import Block, Document

# Metadata rows shown for each document, in this order.
META_FIELDS = ("title", "date", "modified", "author", "site", "lang", "page_type", "extractor")

_SLUG = re.compile(r"[^a-z0-9]+")

_CSS = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 2rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; border-top: 2px solid #ccc; padding-top: 1rem; }
nav.toc ol { padding-left: 1.5rem; } nav.toc .n { color: #666; font-size: .85rem; }
table.meta { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
table.meta th { text-align: left; padding: .1rem 1rem .1rem 0; color: #555; font-weight: 600; }
table.meta td.none { color: #999; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem; margin: .5rem 0 1rem; padding: 0; list-style: none; }
.legend li { border: 1px solid var(--c); border-left: .6rem solid var(--c); padding: 0 .4rem; font-size: .85rem; }
.legend .count { font-weight: 700; }
.block { margin: .35rem 0; padding: .1rem .5rem; border-left: 3px solid transparent; white-space: pre-wrap; }
.block.heading { font-weight: 700; }
.block.kept { border-left-color: #2e7d32; }
.removed { color: #8a8a8a; text-decoration: line-through; text-decoration-color: var(--c); }
.block.removed { border-left-color: var(--c); background: #f6f6f6; }
del.removed { background: #f1f1f1; border-bottom: 2px solid var(--c); }
.why { font: .75rem/1 ui-monospace, monospace; color: var(--c); text-decoration: none; display: inline-block;
       margin-right: .5rem; }
.summary { color: #555; font-size: .9rem; }
"""

# Only with #selftest: write each block's and removed span's computed text decoration into
# data-computed, so a headless browser's DOM dump shows how the page was actually rendered.
_SELFTEST_JS = """
if (location.hash === "#selftest") {
  for (const el of document.querySelectorAll(".block, .removed")) {
    el.dataset.computed = getComputedStyle(el).textDecorationLine;
  }
  document.body.dataset.selftest = "done";
}
"""


def reason_colour(reason: str) -> str:
    """A colour that depends only on the reason's name: same reason, same colour, in every report."""
    digest = hashlib.sha1(reason.encode("utf-8")).digest()
    hue = int.from_bytes(digest[:2], "big") % 360
    # Mid saturation and low lightness keep every hue readable on white.
    return f"hsl({hue}, 65%, 38%)"


def reason_class(reason: str) -> str:
    """CSS class of a reason: a readable slug plus a short hash, so two names never share a class."""
    slug = _SLUG.sub("-", reason.lower()).strip("-") or "reason"
    return f"r-{slug}-{hashlib.sha1(reason.encode('utf-8')).hexdigest()[:6]}"


def _reasons_css(reasons: Iterable[str]) -> str:
    return "\n".join(f".{reason_class(r)} {{ --c: {reason_colour(r)}; }}" for r in sorted(set(reasons)))


def _all_reasons(docs: list[Document]) -> set[str]:
    found: set[str] = set()
    for doc in docs:
        found.update(doc.removed_counts())
    return found


def _meta_value(doc: Document, name: str) -> str | None:
    if name == "extractor":
        value = doc.metadata.get("extractor")
    elif name == "lang" and doc.lang:
        value = f"{doc.lang} ({doc.lang_confidence:.2f})"
    else:
        value = getattr(doc, name, None)
    return None if value in (None, "") else str(value)


def _meta_table(doc: Document) -> str:
    rows = []
    for name in META_FIELDS:
        value = _meta_value(doc, name)
        cell = f"<td>{escape(value)}</td>" if value is not None else '<td class="none">—</td>'
        rows.append(f"<tr><th>{name}</th>{cell}</tr>")
    return '<table class="meta">' + "".join(rows) + "</table>"


def _legend(counts: dict[str, int]) -> str:
    if not counts:
        return '<p class="legend-empty">Nothing removed.</p>'
    items = (
        f'<li class="{reason_class(r)}" data-reason="{escape(r)}">{escape(r)} <span class="count">{n}</span></li>'
        for r, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return '<ul class="legend">' + "".join(items) + "</ul>"


def _why(stage: str | None, reason: str | None) -> str:
    return escape(f"{stage or '?'}:{reason or '?'}")


def _span_html(block: Block) -> str:
    """A kept block's text with its removed spans struck through inline (overlaps merged into the first)."""
    out, pos = [], 0
    for sp in sorted(block.spans, key=lambda s: (s.start, -s.end)):
        start = max(sp.start, pos)
        if start >= sp.end:
            continue
        out.append(escape(block.text[pos:start]))
        out.append(
            f'<del class="removed span {reason_class(sp.reason)}" data-reason="{escape(sp.reason)}" '
            f'title="{_why(sp.stage, sp.reason)}">{escape(block.text[start : sp.end])}</del>'
        )
        pos = sp.end
    out.append(escape(block.text[pos:]))
    return "".join(out)


def _block_html(block: Block) -> str:
    kind = _SLUG.sub("-", block.kind)
    if block.keep:
        return f'<div class="block kept {kind}" data-index="{block.index}">{_span_html(block)}</div>'
    reason = block.reason or "unknown"
    return (
        f'<div class="block removed {kind} {reason_class(reason)}" data-index="{block.index}" '
        f'data-reason="{escape(reason)}" title="{_why(block.stage, block.reason)}">'
        f'<span class="why">{_why(block.stage, block.reason)}</span>{escape(block.text)}</div>'
    )


def _summary(doc: Document) -> str:
    dropped = sum(1 for b in doc.blocks if not b.keep)
    spans = sum(len(b.spans) for b in doc.blocks if b.keep)
    return (
        f'<p class="summary">{len(doc.blocks)} blocks: {len(doc.blocks) - dropped} kept, {dropped} removed, '
        f"{spans} sentence spans removed; {len(doc.kept_text())} characters kept.</p>"
    )


def _section(doc: Document, n: int) -> str:
    blocks = "\n".join(_block_html(b) for b in doc.blocks)
    return (
        f'<section class="doc" id="doc-{n}">\n<h2>{escape(doc.source)}</h2>\n{_meta_table(doc)}\n'
        f"{_legend(doc.removed_counts())}\n{_summary(doc)}\n"
        f'<div class="blocks">\n{blocks}\n</div>\n</section>'
    )


def _toc(docs: list[Document]) -> str:
    items = (
        f'<li><a href="#doc-{n}">{escape(doc.source)}</a> '
        f'<span class="n">{sum(doc.removed_counts().values())} removed</span></li>'
        for n, doc in enumerate(docs, 1)
    )
    return '<nav class="toc"><h2>Documents</h2><ol>' + "".join(items) + "</ol></nav>"


def _totals(docs: list[Document]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for doc in docs:
        total.update(doc.removed_counts())
    return dict(total)


def render_report(docs: list[Document], title: str = "cleaner explain") -> str:
    """One self-contained HTML page showing every document, kept and removed, with legends and metadata."""
    head = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="cleaner {escape(__version__)}">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}\n{_reasons_css(_all_reasons(docs))}\n</style>\n</head>\n"
    )
    parts = [f"<h1>{escape(title)}</h1>"]
    if len(docs) > 1:
        # Several documents: a table of contents and the legend of the whole run first.
        parts.append(_toc(docs))
        parts.append('<div class="overall"><h2>All documents</h2>' + _legend(_totals(docs)) + "</div>")
    if not docs:
        parts.append("<p>No documents.</p>")
    parts.extend(_section(doc, n) for n, doc in enumerate(docs, 1))
    body = "<body>\n" + "\n".join(parts) + f"\n<script>{_SELFTEST_JS}</script>\n</body>\n</html>\n"
    return head + body
