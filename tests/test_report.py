"""The HTML explain report: self-contained, escaped, removed text struck through by reason, legends and metadata."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from cleaner import Document
from cleaner.document import Block, Span
from cleaner.report import META_FIELDS, reason_class, reason_colour, render_report
from tests.conftest import SEEDS

_VOID = {"meta", "br", "img", "link", "input", "hr", "wbr", "source"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    # Classes of the enclosing elements, innermost first.
    parents: list[str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _Collector(HTMLParser):
    """Every element with its attributes and full text content (descendants included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs}, parents=[e.attrs.get("class", "") for e in self.stack[::-1]])
        self.elements.append(el)
        if tag not in _VOID:
            self.stack.append(el)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        for el in self.stack:
            el.text += data


def parse(html: str) -> list[Element]:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.elements


def legend_counts(elements: list[Element], section_id: str) -> dict[str, int]:
    """reason -> count of the legend inside the section with ``section_id``."""
    section = next(e for e in elements if e.attrs.get("id") == section_id)
    start = elements.index(section)
    counts = {}
    for el in elements[start + 1 :]:
        if el.tag == "section":
            break
        if el.tag == "li" and "data-reason" in el.attrs:
            counts[el.attrs["data-reason"]] = int(el.text.split()[-1])
    return counts


def css(html: str) -> str:
    return re.search(r"<style>(.*?)</style>", html, re.S).group(1)


@pytest.fixture(scope="module")
def seed_doc(pipeline) -> Document:
    path = sorted(SEEDS.glob("000_*.txt"))[0]
    return pipeline.run(Document(raw=path.read_text(encoding="utf-8"), source=str(path)))


@pytest.fixture(scope="module")
def seed_html(seed_doc) -> str:
    return render_report([seed_doc])


def hand_doc() -> Document:
    """A document built by hand: a kept block with a removed span, a removed block, markup in the text."""
    kept = Block("Kept <b>bold</b> & 'quoted' text. Share this!", index=0)
    start = kept.text.index("Share")
    kept.spans.append(Span(start, start + len("Share this!"), "calls_to_action", "call-to-action"))
    dropped = Block('<script>alert("x")</script> Menu', index=1, kind="short")
    dropped.drop("navigation", "navigation")
    doc = Document(raw="", source="page<1>.txt", blocks=[kept, dropped], title='A & B "title"', lang="en")
    doc.date, doc.author, doc.site, doc.metadata["extractor"] = "2025-07-04", "Ann Author", "Example Site", "text"
    return doc


def test_self_contained(seed_html: str) -> None:
    """No external scripts, styles, fonts or images: no src/href to anything but an in-page anchor."""
    for el in parse(seed_html):
        for attr in ("src", "href"):
            if attr in el.attrs:
                assert el.attrs[attr].startswith("#"), (el.tag, el.attrs)
        assert el.tag not in ("link", "img", "iframe", "object", "embed")
        if el.tag == "script":
            assert "src" not in el.attrs
    assert "@import" not in seed_html and "url(" not in seed_html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", seed_html)


def test_legend_counts_match_removed_counts(seed_doc: Document, seed_html: str) -> None:
    counts = legend_counts(parse(seed_html), "doc-1")
    assert counts == seed_doc.removed_counts()
    assert counts["timestamp"] == 5 and counts["related-header"] == 1


def test_removed_block_is_struck_through_with_its_reason(seed_html: str) -> None:
    """'Lire aussi' sits in an element with the removed class, its reason's class and data-reason."""
    hits = [e for e in parse(seed_html) if "block" in e.classes and e.text.endswith("Lire aussi")]
    assert len(hits) == 1
    el = hits[0]
    assert {"removed", reason_class("related-header")} <= el.classes
    assert el.attrs["data-reason"] == "related-header"
    assert "related:related-header" in el.text
    rule = re.search(r"\.removed\s*\{([^}]*)\}", css(seed_html)).group(1)
    assert "line-through" in rule and "color" in rule


def test_kept_blocks_are_not_marked_removed(seed_html: str) -> None:
    kept = [e for e in parse(seed_html) if "block" in e.classes and "Les frappes menées" in e.text]
    assert kept and all("kept" in e.classes and "removed" not in e.classes for e in kept)


def test_removed_span_is_inline_inside_its_kept_block(seed_html: str) -> None:
    """The timestamp span of 'DRONES ET MISSILES 08:27' is a <del> inside the kept heading."""
    spans = [e for e in parse(seed_html) if e.tag == "del" and e.text.strip() == "08:27"]
    assert len(spans) == 1
    assert {"removed", "span", reason_class("timestamp")} <= spans[0].classes
    assert any("kept" in p.split() for p in spans[0].parents)


def test_every_reason_has_a_colour_rule(seed_doc: Document, seed_html: str) -> None:
    style = css(seed_html)
    for reason in seed_doc.removed_counts():
        assert f".{reason_class(reason)} {{ --c: {reason_colour(reason)}; }}" in style


def test_reason_colour_and_class_are_deterministic_and_distinct() -> None:
    assert reason_colour("caption") == reason_colour("caption")
    assert reason_colour("caption") != reason_colour("timestamp")
    assert reason_class("a b") != reason_class("a-b")
    assert re.fullmatch(r"r-[a-z0-9-]+-[0-9a-f]{6}", reason_class("Weird <reason> & co"))


def test_metadata_shown() -> None:
    rows = {}
    elements = parse(render_report([hand_doc()]))
    for i, el in enumerate(elements):
        if el.tag == "th" and elements[i + 1].tag == "td":
            rows[el.text] = elements[i + 1].text
    assert set(META_FIELDS) <= set(rows)
    assert rows["title"] == 'A & B "title"'
    assert rows["date"] == "2025-07-04" and rows["author"] == "Ann Author" and rows["site"] == "Example Site"
    assert rows["lang"].startswith("en") and rows["page_type"] == "article" and rows["extractor"] == "text"
    assert rows["modified"] == "—"


def test_page_text_is_escaped() -> None:
    html = render_report([hand_doc()])
    assert "<script>alert" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "Kept &lt;b&gt;bold&lt;/b&gt; &amp; &#x27;quoted&#x27; text." in html
    assert "page&lt;1&gt;.txt" in html
    # Exactly one script element: the report's own self-test.
    assert [e.tag for e in parse(html)].count("script") == 1


def test_hand_doc_span_and_block() -> None:
    elements = parse(render_report([hand_doc()]))
    (span,) = [e for e in elements if e.tag == "del"]
    assert span.text == "Share this!" and span.attrs["data-reason"] == "call-to-action"
    (block,) = [e for e in elements if "removed" in e.classes and "block" in e.classes]
    assert block.attrs["data-reason"] == "navigation" and block.text.endswith("Menu")
    assert legend_counts(elements, "doc-1") == {"call-to-action": 1, "navigation": 1}


def test_several_documents_one_page_with_sections_and_toc(run: Callable[..., Document]) -> None:
    docs = [hand_doc(), run("Title\n\nA paragraph about the weather in the hills.", source="two.txt")]
    html = render_report(docs, title="two pages")
    elements = parse(html)
    assert html.count("<html") == 1
    sections = [e for e in elements if e.tag == "section"]
    assert [s.attrs["id"] for s in sections] == ["doc-1", "doc-2"]
    toc = [e.attrs["href"] for e in elements if e.tag == "a"]
    assert toc == ["#doc-1", "#doc-2"]
    assert "two.txt" in sections[1].text and "page<1>.txt" in sections[0].text
    # The run's legend adds up the documents'.
    overall = next(e for e in elements if "overall" in e.classes)
    assert "navigation 1" in overall.text


def test_no_documents() -> None:
    html = render_report([])
    assert "No documents." in html and html.startswith("<!DOCTYPE html>")
