"""HTML pages: main content and metadata through trafilatura, then the text stages.

trafilatura finds the main content (no network access ever: the page is handed
over as a parsed tree). Its comment section is not used; comments left in the
body go in the comments stage. Its result keeps structure, which
becomes one line per paragraph, heading or list item ("• " bullet), so that the
same stages as in text mode (related teasers, captions, calls to action,
injected text, dedup, language) work on it. Where trafilatura returns nothing,
or much less than an article-like page holds, the page's visible text is
rendered and cleaned in text mode instead; ``extractor`` says which path ran.

The page is parsed once; that tree serves the extraction, the metadata and the
fallback check. Metadata comes from meta tags, JSON-LD, the title and htmldate's
quick date search; an author named only in the text is left to the metadata
stage's bylines. ``[html] full_metadata = true`` runs trafilatura's complete,
slower search instead.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from ..document import Document
from ..lexicon import line_key
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
_DOCUMENT_TAG = re.compile(rb"<(?:!doctype|html|head|body|meta|title)[\s>]", re.IGNORECASE)
# Past its first lines, at least this share of a page's lines hold a tag (a quarter or more in
# hand-written HTML); a text dump that opened with a few tags has next to none.
_SNIFF_BYTES = 1 << 18
_OPENING_LINES = 20
_MIN_TAGGED_SHARE = 0.1
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_NOT_PAGES = {"idna", "punycode", "undefined"}
_WS = re.compile(r"[ \t\r\f\v]+")
# A page whose extraction holds less than this share of its visible prose is re-read in text mode.
_MIN_SHARE = 0.1
_MIN_VISIBLE_CHARS = 1500
# Extractions at least this long are taken as they are, without rendering the page to compare.
_CHECK_BELOW = 1000


def looks_like_html(data: bytes) -> bool:
    """HTML by content: the bytes open with markup, hold several tags, and the markup goes on.

    Text dumps of pages about HTML quote tags too, so tags inside the text do not count; and a
    copied page may open with a few stray tags (a tracking pixel, a noscript banner) before
    hundreds of lines of plain text: without a document tag (doctype, html, head, body, meta,
    title), markup must go on past the first lines.
    """
    head = data[:4096]
    if _STARTS_WITH_MARKUP.match(head) is None or len(_TAG.findall(head)) < _MIN_TAGS:
        return False
    sample = data[:_SNIFF_BYTES]
    if _DOCUMENT_TAG.search(sample):
        return True
    lines = [line for line in sample.splitlines() if line.strip()][_OPENING_LINES:]
    if len(lines) < _OPENING_LINES:
        return True
    tagged = sum(1 for line in lines if _TAG.search(line))
    return tagged >= _MIN_TAGGED_SHARE * len(lines)


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
_CODE_INLINE_IN = {"p", "head", "item", "cell", "quote", "hi", "ref", "code"}


def body_to_text(body: Any) -> str:
    """trafilatura's XML body as lines: paragraphs, headings, '• ' list items, table rows, quotes."""
    out: list[str] = []
    line: list[str] = []

    def flush() -> None:
        text = _WS.sub(" ", "".join(line)).strip()
        if text and text != "•":
            out.append(text)
        line.clear()

    def walk(el: Any, parent: str = "") -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "graphic":
            return
        # <code> in running text ("the option <code>x</code> makes…") or in a code block is inline.
        block = tag in _XML_BLOCKS and not (tag == "code" and parent in _CODE_INLINE_IN)
        if block:
            flush()
            if tag == "item":
                line.append("• ")
        if el.text:
            line.append(el.text)
        for child in el:
            walk(child, tag)
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


def load_tree(html: str) -> Any:
    """The page parsed once, by trafilatura's parser (it finds more of the text than ours).

    None when trafilatura does not take the markup for HTML: the visible-text fallback then parses it
    with ours. lxml's HTML parser never resolves external entities or fetches anything.
    """
    import trafilatura

    return trafilatura.load_html(html)


# Forum chrome trafilatura keeps inside a post: the poster's signature (phpBB, vBulletin, XenForo) and
# the attachment box ("photo.jpg (184 KiB) Viewed 212 times"). Not pruned before the extraction: that
# changes what trafilatura takes for the main content (a vBulletin thread lost a post). Their lines go
# in the navigation stage instead.
_CHROME_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' signature ')"
    " or contains(@class, 'signaturecontainer') or contains(@class, 'message-signature')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' attachbox ')]"
)


def chrome_lines(tree: Any) -> frozenset[str]:
    """Line keys of forum signatures and attachment boxes: each box's whole text, and the pieces of it
    long enough to be lines of their own (a fragment such as a bold "Linux" is not)."""
    keys: set[str] = set()
    for el in tree.xpath(_CHROME_XPATH):
        keys.add(line_key(_plain(el.text_content())))
        keys.update(line_key(piece) for piece in el.itertext() if len(piece.split()) >= _MIN_CHROME_PIECE_WORDS)
    keys.discard("")
    return frozenset(keys)


_MIN_CHROME_PIECE_WORDS = 3


def extract(page: str | Any, url: str | None = None, full_metadata: bool = False) -> tuple[str, dict[str, Any]]:
    """(structured text, metadata) of the main content, by trafilatura; ("", {}) when it finds none.

    ``page`` is the markup or its tree (from ``load_tree``), which stays intact: trafilatura works on a
    copy. Metadata comes from the cheap sources (``fast_metadata``), or with ``full_metadata`` from
    trafilatura's own, complete and slower, search (author, categories and tags by XPath over the page).
    """
    import trafilatura

    tree = load_tree(page) if isinstance(page, str) else page
    if tree is None:
        return "", {}
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        # Not "python": that renders the body as plain text too, which is not used (body_to_text is).
        output_format="txt",
        with_metadata=full_metadata,
        # True, and its separate comments body is never read. With False, trafilatura first prunes
        # every block whose class or id looks like a comment list; on a Q&A page, where each post
        # carries one, the main content found after that is the question without its answers.
        # Comments left in the body go in the comments stage.
        include_comments=True,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    if result is None or result.body is None:
        return "", {}
    if not full_metadata:
        return body_to_text(result.body), fast_metadata(tree, url)
    return body_to_text(result.body), _as_meta(result)


def _attempt(step: Callable[[], Any]) -> Any:
    """``step()``, or None if it fails: trafilatura's internals may change under us.

    A change costs the fields the step fills, never the page.
    """
    try:
        return step()
    except Exception:  # any failure inside (or any change of) a third-party helper: no value
        return None


def _meta_categories(tree: Any) -> list[str]:
    """Categories named in the head (article:section, subject), as trafilatura's fallback reads them."""
    found = tree.xpath('.//head//meta[@property="article:section" or contains(@name, "subject")][@content]')
    return [c for c in dict.fromkeys(" ".join(e.get("content", "").split()) for e in found) if c]


def fast_metadata(tree: Any, url: str | None = None) -> dict[str, Any]:
    """Title, author, date, site, URL, categories, tags and description from the page's cheap sources.

    The steps of ``trafilatura.metadata.extract_metadata``, on the same tree, without its searches
    of the whole page for author, categories, tags and licence (most of its cost): meta tags and
    OpenGraph, JSON-LD, the title (a single <h1>, title expressions, <title>), the canonical URL,
    htmldate's quick search for the publication date. An author named only in the text is left to
    the metadata stage, which reads bylines. A step that fails leaves its fields empty.
    """
    md = _attempt(lambda: _trafilatura_metadata().examine_meta(tree)) or _attempt(
        lambda: _trafilatura_metadata().Document()
    )
    if md is None:  # trafilatura has changed too much: the text stages find what they can
        return {}
    meta = _attempt(lambda: _fill(md, tree, url))
    return meta if meta is not None else {}


def _trafilatura_metadata() -> Any:
    from trafilatura import metadata

    return metadata


def _fill(md: Any, tree: Any, url: str | None) -> dict[str, Any]:
    """The rest of ``fast_metadata``: JSON-LD, title, URL, date, site and categories, step by step."""
    tm = _trafilatura_metadata()
    if md.author and " " not in md.author:  # one word or a handle: trafilatura does not take it either
        md.author = None
    md = _attempt(lambda: tm.extract_meta_json(tree, md)) or md
    if not md.title:
        md.title = _attempt(lambda: tm.extract_title(tree))
    if not md.url:
        md.url = _attempt(lambda: tm.extract_url(tree, url)) or url
    md.date = _attempt(lambda: _find_date(tree, md.url))
    if not md.sitename:
        md.sitename = _attempt(lambda: tm.extract_sitename(tree))
    if md.sitename:
        md.sitename = md.sitename.lstrip("@")
        if md.sitename and "." not in md.sitename and not md.sitename[0].isupper():
            md.sitename = md.sitename.title()
    elif md.url:
        match = _attempt(lambda: tm.META_URL.match(md.url))
        md.sitename = match[1] if match else None
    if not md.categories:
        md.categories = _attempt(lambda: _meta_categories(tree))
    _attempt(md.clean_and_trim)
    return _as_meta(md)


def _as_meta(md: Any) -> dict[str, Any]:
    """cleaner's metadata fields from a trafilatura metadata Document (full or fast path)."""
    return {
        "title": md.title,
        "author": md.author,
        "date": md.date,
        "site": md.sitename,
        "url": md.url,
        "categories": md.categories or [],
        "tags": md.tags or [],
        "description": md.description,
    }


def _find_date(tree: Any, url: str | None) -> str | None:
    """The publication date by htmldate (markup, JSON-LD, URL, then the text): the extensive search
    costs about 4 ms a page and finds a date on about a fifth more pages than the quick one."""
    from htmldate import find_date

    # The post's own <time> (WordPress "entry-date published", schema.org datePublished) first: htmldate
    # takes the oldest date it can find, which may be that of an older post linked from this one.
    found = [(el, day) for el in tree.xpath(_PUBLISHED_TIME) if (day := _valid_day(el))]
    if len(found) > 1:
        # Several posts dated on the page (a sidebar of recent posts): the one near the page's <h1>.
        h1s = tree.findall(".//h1")
        near = []
        if len(h1s) == 1:
            for holder in list(h1s[0].iterancestors())[:_DATE_REACH]:
                near = [day for el, day in found if holder in el.iterancestors()]
                if near:
                    break
        found = [(None, near[0])] if near else []
    if found:
        return found[0][1]
    return find_date(tree, extensive_search=True, original_date=True, url=url)


def _valid_day(el: Any) -> str | None:
    found = _ISO_DAY.match(el.get("datetime") or el.get("content") or "")
    if not found:
        return None
    try:
        return date.fromisoformat(found.group()).isoformat()
    except ValueError:  # "2023-19-39"
        return None


_PUBLISHED_TIME = (
    "//time[@datetime][contains(concat(' ', normalize-space(@class), ' '), ' published ')"
    " or @itemprop='datePublished'] | //meta[@itemprop='datePublished'][@content]"
)
_ISO_DAY = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d")
# How far up from the <h1> the post's own <time> is looked for.
_DATE_REACH = 5


def read_html(data: bytes, source: str = "-", url: str | None = None, full_metadata: bool = False) -> Document:
    """A Document from an HTML page: trafilatura's main content, or the visible text as a fallback.

    The page is parsed once: the same tree serves the extraction, the metadata and the fallback check.
    """
    html, encoding = decode_html(data)
    doc = Document(raw="", source=source, id=document_id(source, data))
    doc.metadata["encoding"] = encoding
    tree = None
    try:
        tree = load_tree(html)
        text, meta = extract(tree, url, full_metadata) if tree is not None else ("", {})
    except Exception as exc:  # a hostile page must not stop the run; the fallback reads it
        text, meta = "", {}
        doc.warnings.append(f"trafilatura failed ({type(exc).__name__}); visible text used")
    doc.raw, doc.metadata["extractor"] = text, "trafilatura"
    if len(text) < _CHECK_BELOW:
        # A short extraction may be a miss: compare with what the page shows.
        if tree is None:  # not parsed, or not a page for trafilatura: our own parser reads it
            tree = _parse(html)
        try:
            visible = visible_text(tree) if tree is not None else ""
        except RecursionError:  # deeper than any parser limit we know of: nothing readable
            visible = ""
        if not text.strip() or (len(visible) >= _MIN_VISIBLE_CHARS and len(text) < _MIN_SHARE * len(visible)):
            doc.raw, doc.metadata["extractor"] = visible, "text"
    if (
        tree is not None
        and doc.metadata["extractor"] == "trafilatura"
        and text
        and _attempt(lambda: one_post_of_many(tree, text))
    ):
        # A thread whose posts are sibling containers (XenForo's <article class="message">), of which
        # trafilatura took the first: the page's visible text holds them all, and the text stages
        # know a thread.
        visible = _attempt(lambda: visible_text(tree))
        if visible:
            doc.raw, doc.metadata["extractor"] = visible, "text"
    elif tree is not None and doc.metadata["extractor"] == "trafilatura" and text:
        cards = _attempt(lambda: teaser_cards(tree, text))
        if cards:
            # A section or archive page: trafilatura kept the cards' excerpts and dropped their linked
            # headlines. The cards' own text holds both; the page is a listing of them.
            listing = _attempt(lambda: "\n\n".join(visible_text(card) for card in cards))
            if listing:
                doc.raw, doc.metadata["extractor"] = listing, "text"
                doc.page_type, doc.entries_from_markup = "listing", True
    if _LIVE_BLOG_TYPE.search(html):
        # The page declares itself a live blog (schema.org LiveBlogPosting): trafilatura drops the
        # entries' <time> stamps the text stages would have counted.
        doc.page_type = "liveblog"
    if tree is not None and doc.raw:
        doc.chrome_lines = _attempt(lambda: chrome_lines(tree)) or frozenset()
    if tree is not None and doc.metadata["extractor"] == "trafilatura" and doc.raw:
        lead = _attempt(lambda: standfirst(tree, doc.raw, meta.get("description")))
        if lead:
            doc.raw = f"{lead}\n{doc.raw}"
        # A Q&A page's answers (schema.org microdata) that the extraction stopped before.
        replies = _attempt(lambda: answers(tree, doc.raw)) if "Answer" in html else None
        if replies:
            doc.raw = doc.raw + "\n" + "\n".join(replies)
        # The markup is searched only when the page names footnotes somewhere (most pages do not).
        notes = _attempt(lambda: footnotes(tree, doc.raw)) if "footnote" in html else None
        if notes:
            doc.raw = doc.raw + "\n" + "\n".join(notes)
    if tree is not None and meta.get("title"):
        meta["title"] = _attempt(lambda: page_title(tree, meta["title"])) or meta["title"]
    apply_metadata(doc, meta)
    if not doc.raw.strip():
        doc.warnings.append("no text in the page")
    return doc


def one_post_of_many(tree: Any, text: str) -> bool:
    """The extraction is one of three or more sibling containers of one class (a thread's posts) that
    together hold far more text than it: most of its long lines stand in one of them."""
    probes = [line[:_PROBE_CHARS] for line in text.split("\n") if len(line) >= _PROBE_CHARS][:_MAX_PROBES]
    if not probes:
        return False
    for members in _sibling_groups(tree, ("article", "li", "div", "section")):
        if len(members) < _MIN_POSTS:
            continue
        texts = [_plain(m.text_content()) for m in members]
        if sum(map(len, texts)) < _MISSED_SHARE * len(text):
            continue
        # Posts say something: most members hold some text (page sections of one class mostly do not).
        if 3 * sum(len(t) >= _MIN_POST_CHARS for t in texts) < 2 * len(members):
            continue
        hits = [sum(p in t for p in probes) for t in texts]
        if 2 * max(hits) > len(probes) and sum(h > 0 for h in hits) < len(members) - 1:
            return True
    return False


def _sibling_groups(tree: Any, tags: tuple[str, ...]) -> list[list[Any]]:
    """Elements of one tag and first class under one parent: a thread's posts, a section's cards."""
    # Keyed by the parent element itself: an id() of an lxml proxy may be reused once it is freed.
    groups: dict[tuple[Any, str, str], list[Any]] = {}
    for el in tree.iter(*tags):
        classes = (el.get("class") or "").split()
        parent = el.getparent()
        if classes and parent is not None:
            groups.setdefault((parent, el.tag, classes[0]), []).append(el)
    return list(groups.values())


def teaser_cards(tree: Any, text: str) -> list[Any]:
    """The extraction is mostly the excerpts of sibling teaser cards: four or more containers of one
    class, each a short text under a linked headline (``<h2><a>``), over which the extraction's long
    lines are spread. Returns the cards (none when the page is no such listing)."""
    probes = [line[:_PROBE_CHARS] for line in text.split("\n") if len(line) >= _PROBE_CHARS][:_MAX_CARD_PROBES]
    if len(probes) < _MIN_CARDS:
        return []
    for members in _sibling_groups(tree, ("article", "li", "div")):
        if len(members) < _MIN_CARDS:
            continue
        texts = [_plain(m.text_content()) for m in members]
        if any(len(t) > _MAX_CARD_CHARS for t in texts):
            continue
        # A headline of some words: a forum post's linked username ("Lucie") is no card's title.
        linked = sum(
            1
            for m in members
            if any(len(_plain(h.text_content()).split()) >= 3 for h in m.xpath("(.//h2|.//h3|.//h4)[.//a]"))
        )
        if 4 * linked < 3 * len(members):
            continue
        holding = sum(1 for t in texts if any(p in t for p in probes))
        covered = sum(1 for p in probes if any(p in t for t in texts))
        if holding >= _MIN_CARDS and 3 * covered >= 2 * len(probes):
            return members
    return []


_LIVE_BLOG_TYPE = re.compile(
    r"""["']@type["']\s*:\s*\[?\s*["']LiveBlogPosting["']|itemtype\s*=\s*["']https?://schema\.org/LiveBlogPosting"""
)


def footnotes(tree: Any, text: str) -> list[str]:
    """The post's footnotes the extraction left out, in page order: elements of class "footnote",
    or the items of a "footnotes" block (Markdown's ``<div class="footnotes"><ol><li>``), each
    without its back-link number."""
    notes: list[str] = []
    for el in tree.xpath(_FOOTNOTE_XPATH):
        items = el.findall(".//li") if "footnotes" in (el.get("class") or "").split() else [el]
        for item in items:
            note = _NOTE_NUMBER.sub("", _plain(item.text_content()).rstrip(" ↩↑\ufe0e\ufe0f")).strip()
            if len(note) >= _MIN_NOTE_CHARS and note[:_PROBE_CHARS] not in text:
                notes.append(note)
    return notes


def answers(tree: Any, text: str) -> list[str]:
    """The answers of a Q&A page (schema.org ``acceptedAnswer`` / ``suggestedAnswer`` microdata) that
    the extraction left out, in page order: each answer's own text (its ``itemprop="text"`` part when
    marked, so the comments under it stay out), rendered as the browser lays it out."""
    found: list[str] = []
    for el in tree.xpath(_ANSWER_XPATH):
        parts = el.xpath(".//*[@itemprop='text']") or [el]
        body = "\n".join(visible_text(part) for part in parts[:1]).strip()
        probe = next((line for line in body.split("\n") if len(line) >= _PROBE_CHARS), body)[:_PROBE_CHARS]
        if len(body) >= _MIN_NOTE_CHARS and probe not in text:
            found.append(body)
    return found


_ANSWER_XPATH = "//*[@itemprop='acceptedAnswer' or @itemprop='suggestedAnswer']"

_FOOTNOTE_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' footnote ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' footnotes ')]"
    "[not(ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' footnote ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' footnotes ')])]"
)
# A note's own number or back-link arrow before its text: "1", "[2]", "3.", "^".
_NOTE_NUMBER = re.compile(r"^(?:(?:\[\d{1,3}\]|\d{1,3}[.)]?)(?![\d.,])|\^|↑)\s*")
_MIN_NOTE_CHARS = 20

# Teaser cards: this many at least, each this short; the extraction's probes looked for in them.
_MIN_CARDS = 4
_MAX_CARD_CHARS = 800
_MAX_CARD_PROBES = 12

# A thread's posts: this many sibling containers at least, holding this many times the extraction.
_MIN_POSTS = 3
_MISSED_SHARE = 2
_PROBE_CHARS = 60
_MAX_PROBES = 5
_MIN_POST_CHARS = 200

# Classes CMSs give the summary under a headline.
_STANDFIRST_CLASS = re.compile(
    r"standfirst|chap[oô]|chapeau|teaser|lead|intro|\bdek\b|entradilla|subtitle|sous-titre|summary|excerpt",
    re.IGNORECASE,
)
_STANDFIRST_CHARS = (40, 600)
# Elements after the <h1> (or its <header>) searched for one with a standfirst class.
_STANDFIRST_REACH = 6


def standfirst(tree: Any, text: str, description: str | None) -> str | None:
    """The summary paragraph right under the page's single <h1>, when the extraction left it out.

    trafilatura often takes the body container only, and a standfirst sits above it, in the
    article's header. It is the <h1>'s next element, or the next element of the <header> holding the
    <h1>, a paragraph whose class names a standfirst ("article__chapo", "entry-standfirst") or whose
    text opens like the meta description.
    """
    h1s = tree.findall(".//h1")
    if len(h1s) != 1:
        return None
    h1 = h1s[0]
    # Right under the <h1>, or right under the <header> that holds it with the byline and share bar.
    header = h1.getparent()
    places = [h1.getnext()]
    if header is not None and header.tag == "header":
        places.append(header.getnext())
    for el in places:
        lead = _standfirst_of(el, text, description)
        if lead:
            return lead
    # A few elements further on, past a score box or a share bar, only a standfirst class counts.
    for start in places:
        el = start
        for _ in range(_STANDFIRST_REACH):
            if el is None:
                break
            lead = _standfirst_of(el, text, None) if _STANDFIRST_CLASS.search(el.get("class") or "") else None
            if lead and 2 * sum(len(a.text_content()) for a in el.iter("a")) < len(lead):  # not a teaser list
                return lead
            el = el.getnext()
    return None


def _standfirst_of(el: Any, text: str, description: str | None) -> str | None:
    if el is None or el.tag not in ("p", "div", "h2"):
        return None
    lead = _plain(el.text_content())
    low, high = _STANDFIRST_CHARS
    if not low <= len(lead) <= high or _plain(lead[:80]) in _plain(text):
        return None
    opens_like_description = bool(description) and lead[:40].casefold() == _plain(description)[:40].casefold()
    if _STANDFIRST_CLASS.search(el.get("class") or "") or opens_like_description:
        return lead
    return None


_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
_TITLE_TAIL = re.compile(r"\s+[|–—-]\s+(?!.*\s[|–—-]\s)")


def _plain(text: str | None) -> str:
    return " ".join((text or "").split())


def page_title(tree: Any, title: str) -> str:
    """The metadata title, checked against the page's own headline and <title>.

    - og:title is often the headline shortened: a single <h1> that starts with it is the full title;
    - a title that is only the site's name (a forum's <h1>, a logo's alt text) is no title: the
      head of <title>, before " - Site" or " | Site", is.
    """
    h1s = tree.findall(".//h1")
    h1 = _plain(h1s[0].text_content()) if len(h1s) == 1 else ""
    if h1 and len(h1) > len(title) and h1.casefold().startswith(title.casefold().rstrip(" .…")):
        return h1
    if h1 and not _site_heading(tree, h1s[0], h1) and title.casefold().startswith(h1.casefold()):
        # "Wirtschaft | Saaletal-Kurier" over <h1>Wirtschaft</h1>: the tail names the site.
        tail = _TITLE_SEPARATOR.match(title, len(h1))
        if tail is not None and 0 < len(title[tail.end() :].split()) <= 4:
            return h1
    head = tree.find(".//head/title")
    full = _plain(head.text_content()) if head is not None else ""
    parts = _TITLE_TAIL.split(full, maxsplit=1)
    tail = parts[1] if len(parts) == 2 else ""
    # "<headline> - <Site>": the tail names the site when it is short and the head is longer.
    site_like = tail and len(tail.split()) <= 4 and len(parts[0].split()) > len(tail.split())
    if site_like and title.casefold() == tail.casefold():
        return parts[0]
    return title


def _site_heading(tree: Any, h1: Any, text: str) -> bool:
    """The <h1> names the site (a logo in the page's banner), not the page: it is og:site_name, or, when
    the page gives none, it stands in the page-wide <header> (not one inside <main> or an article)."""
    site = tree.xpath("//meta[@property='og:site_name']/@content")
    if site:
        return _plain(site[0]).casefold() == text.casefold()
    tags = [a.tag for a in h1.iterancestors()]
    return ("header" in tags or any(a.get("role") == "banner" for a in h1.iterancestors())) and not (
        {"main", "article"} & set(tags)
    )


def apply_metadata(doc: Document, meta: dict[str, Any]) -> None:
    """Extractor metadata first; the text stages fill in what is still missing."""
    doc.title = meta.get("title") or None
    doc.author = meta.get("author") or None
    doc.date = meta.get("date") or None
    doc.site = meta.get("site") or None
    for key in ("url", "categories", "tags"):
        if meta.get(key):
            doc.metadata[key] = meta[key]
