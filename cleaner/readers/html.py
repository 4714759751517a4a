"""HTML pages: main content and metadata through trafilatura, then the text stages.

trafilatura finds the main content (comments excluded, no network access ever:
the page is handed over as a parsed tree). Its result keeps structure, which
becomes one line per paragraph, heading or list item ("• " bullet), so that the
same stages as in text mode (related teasers, captions, calls to action,
injected text, dedup, language) work on it. Where trafilatura returns nothing,
or much less than an article-like page holds, the page's visible text is
rendered and cleaned in text mode instead; ``extractor`` says which path ran.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from ..document import Document
from ..pipeline import document_id

# Elements whose text is never shown.
_INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select"}
# Elements that start a new line when rendered.
_BLOCKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "title",
    "option",
    "button",
    "label",
}
# A page starts with markup (a doctype, a tag or a comment) and holds many tags.
_STARTS_WITH_MARKUP = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<[a-zA-Z!?]")
_TAG = re.compile(rb"</?[a-zA-Z][a-zA-Z0-9]*[\s>/]")
_MIN_TAGS = 3
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_NOT_PAGES = {"idna", "punycode", "undefined"}
_WS = re.compile(r"[ \t\r\f\v]+")
# A page whose extraction holds less than this share of its visible prose is re-read in text mode.
_MIN_SHARE = 0.1
_MIN_VISIBLE_CHARS = 1500
# Extractions at least this long are taken as they are, without rendering the page to compare.
_CHECK_BELOW = 1000


def looks_like_html(data: bytes) -> bool:
    """HTML by content: the bytes open with markup and hold several tags.

    Text dumps of pages about HTML quote tags too, so tags inside the text do not count.
    """
    head = data[:4096]
    return _STARTS_WITH_MARKUP.match(head) is not None and len(_TAG.findall(head)) >= _MIN_TAGS


def _usable_charset(label: str) -> bool:
    """A meta charset label worth trying: a known text encoding that a page without a BOM can be in.

    As in browsers, UTF-16 and UTF-32 labels without a BOM are ignored (the bytes that carried the
    ASCII label are not UTF-16), and so are UTF-7 and Python's escape and IDNA codecs.
    """
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return False
    return not name.startswith(("utf-16", "utf-32", "utf-7")) and "escape" not in name and name not in _NOT_PAGES


def decode_html(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOM, then the meta charset, then UTF-8, then Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), "utf-16"
    m = _META_CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii", "replace").lower()
        # Browsers read Latin-1 labels as Windows-1252 (curly quotes, euro sign); so do we.
        enc = "cp1252" if enc in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else enc
        if _usable_charset(enc):
            try:
                return data.decode(enc), enc
            except (LookupError, ValueError):  # UnicodeError is a ValueError
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace"), "cp1252"


def _parse(html: str) -> Any:
    import lxml.html
    from lxml import etree

    # No entity expansion or network access: lxml's HTML parser never resolves external entities.
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=False)
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, etree.LxmlError, ValueError, RecursionError):
        return None


# trafilatura's XML: elements that make a line of their own, and inline ones.
_XML_BLOCKS = {"p", "head", "item", "row", "quote", "code", "list", "table", "div", "main", "body", "comments", "lb"}


def body_to_text(body: Any) -> str:
    """trafilatura's XML body as lines: paragraphs, headings, '• ' list items, table rows, quotes."""
    out: list[str] = []
    line: list[str] = []

    def flush() -> None:
        text = _WS.sub(" ", "".join(line)).strip()
        if text and text != "•":
            out.append(text)
        line.clear()

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "graphic":
            return
        block = tag in _XML_BLOCKS
        if block:
            flush()
            if tag == "item":
                line.append("• ")
        if el.text:
            line.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                line.append(child.tail)
            if tag == "row" and child.tag == "cell":
                line.append(" | ")
        if block:
            flush()

    walk(body)
    flush()
    return "\n".join(line.rstrip(" |") for line in out).strip()


def visible_text(tree: Any) -> str:
    """The page's text as a browser would lay it out: block elements on lines, list items bulleted."""
    out: list[str] = []
    line: list[str] = []

    def flush() -> None:
        text = _WS.sub(" ", "".join(line)).strip()
        if text:
            out.append(text)
        line.clear()

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _INVISIBLE:
            return
        block = tag in _BLOCKS
        if block:
            flush()
            if tag == "li":
                line.append("• ")
        if el.text and tag:
            line.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                line.append(child.tail)
        if block:
            flush()

    root = tree.find("body") if tree.find("body") is not None else tree
    walk(root)
    flush()
    return "\n".join(out)


def extract(html: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """(structured text, metadata) of the main content, by trafilatura; ("", {}) when it finds none."""
    import trafilatura

    # trafilatura parses the markup itself: its parser settings find more of the text than ours.
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    if result is None or result.body is None:
        return "", {}
    meta = {
        "title": result.title,
        "author": result.author,
        "date": result.date,
        "site": result.sitename,
        "url": result.url,
        "categories": result.categories or [],
        "tags": result.tags or [],
        "description": result.description,
    }
    return body_to_text(result.body), meta


def read_html(data: bytes, source: str = "-", url: str | None = None) -> Document:
    """A Document from an HTML page: trafilatura's main content, or the visible text as a fallback."""
    html, encoding = decode_html(data)
    doc = Document(raw="", source=source, id=document_id(source, data))
    doc.metadata["encoding"] = encoding
    try:
        text, meta = extract(html, url)
    except Exception as exc:  # a hostile page must not stop the run; the fallback reads it
        text, meta = "", {}
        doc.warnings.append(f"trafilatura failed ({type(exc).__name__}); visible text used")
    doc.raw, doc.metadata["extractor"] = text, "trafilatura"
    if len(text) < _CHECK_BELOW:
        # A short extraction may be a miss: compare with what the page shows.
        tree = _parse(html)
        try:
            visible = visible_text(tree) if tree is not None else ""
        except RecursionError:  # deeper than any parser limit we know of: nothing readable
            visible = ""
        if not text.strip() or (len(visible) >= _MIN_VISIBLE_CHARS and len(text) < _MIN_SHARE * len(visible)):
            doc.raw, doc.metadata["extractor"] = visible, "text"
    apply_metadata(doc, meta)
    if not doc.raw.strip():
        doc.warnings.append("no text in the page")
    return doc


def apply_metadata(doc: Document, meta: dict[str, Any]) -> None:
    """Extractor metadata first; the text stages fill in what is still missing."""
    doc.title = meta.get("title") or None
    doc.author = meta.get("author") or None
    doc.date = meta.get("date") or None
    doc.site = meta.get("site") or None
    for key in ("url", "categories", "tags"):
        if meta.get(key):
            doc.metadata[key] = meta[key]
