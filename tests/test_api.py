"""The public API: clean_text, the Document/Block model, removal accounting and to_record."""

from __future__ import annotations

import pytest

import cleaner
from cleaner import Block, Document, clean_text, default_pipeline, document_id, to_record
from cleaner.document import Span

PAGE = """Skip to main content

City council approves new bicycle lanes
By Jane Doe

The city council voted on Tuesday evening to build twelve kilometres of protected bicycle lanes across \
the northern districts, a plan that residents had requested for years.

Read also
Flour prices climb for the third month in a row

Officials said the work would begin in the spring and that the budget had already been set aside in the \
annual plan approved last winter by a large majority.
"""


def test_public_names():
    """The names documented in ``cleaner.__all__`` exist."""
    for name in cleaner.__all__:
        assert hasattr(cleaner, name), name
    assert cleaner.__version__


def test_clean_text_returns_a_labelled_document():
    """clean_text gives a Document with kept text, metadata and labelled blocks."""
    doc = clean_text(PAGE, source="page.txt")
    assert isinstance(doc, Document)
    assert doc.source == "page.txt"
    assert doc.id == document_id("page.txt", PAGE)
    assert doc.title == "City council approves new bicycle lanes"
    assert doc.author == "Jane Doe"
    assert doc.lang == "en"
    assert doc.kept_text().startswith("The city council voted")
    assert "Skip to main content" not in doc.kept_text()
    assert "Read also" not in doc.kept_text()


def test_default_source_is_stdin_dash():
    """Without a source the document is '-', like stdin on the command line."""
    assert clean_text("Hello there.").source == "-"


def test_unknown_option_is_a_type_error():
    """A misspelt option is an error, not silently ignored."""
    with pytest.raises(TypeError, match="langue"):
        clean_text("Bonjour.", langue="fr")


def test_lang_option_and_custom_pipeline():
    """``lang`` is a hint; ``pipeline`` replaces the default one."""
    assert clean_text(PAGE, lang="fr").lang == "fr"
    pipe = default_pipeline()
    assert clean_text(PAGE, pipeline=pipe).kept_text() == clean_text(PAGE).kept_text()


def test_empty_input_warns():
    """Blank input gives an empty document with an 'empty input' warning."""
    doc = clean_text("  \n\n ")
    assert doc.kept_text() == ""
    assert "empty input" in doc.warnings


def test_document_id_is_stable_and_depends_on_source_and_bytes():
    """Same source and content, same id; another source or content, another id."""
    a = document_id("a.txt", "texte")
    assert a == document_id("a.txt", "texte") == document_id("a.txt", b"texte")
    assert a != document_id("b.txt", "texte")
    assert a != document_id("a.txt", "texte!")


def test_nothing_is_deleted_while_stages_run():
    """Dropped blocks keep their text: removal is a label, applied by kept_text."""
    doc = clean_text(PAGE)
    dropped = [b for b in doc.blocks if not b.keep]
    assert dropped
    assert all(b.text and b.stage and b.reason for b in dropped)
    assert "Skip to main content" in [b.text for b in doc.blocks]


def test_removed_counts_and_blocks_agree():
    """removed_counts counts per reason exactly what removed_blocks lists, in page order."""
    doc = clean_text(PAGE)
    removed = doc.removed_blocks()
    counts: dict[str, int] = {}
    for item in removed:
        counts[item["reason"]] = counts.get(item["reason"], 0) + 1
        assert set(item) == {"block", "text", "stage", "reason"}
    assert doc.removed_counts() == dict(sorted(counts.items()))
    assert [r["block"] for r in removed] == sorted(r["block"] for r in removed)
    assert {"stage": "navigation", "text": "Skip to main content"}.items() <= removed[0].items()


def test_block_drop_first_stage_wins_and_restore():
    """The first stage to drop a block is the one recorded; restore undoes a drop."""
    b = Block(text="Menu")
    b.drop("navigation", "ui-label")
    b.drop("boilerplate", "boilerplate")
    assert (b.keep, b.stage, b.reason) == (False, "navigation", "ui-label")
    assert b.kept_text() == ""
    b.restore()
    assert (b.keep, b.stage, b.reason) == (True, None, None)
    assert b.kept_text() == "Menu"


def test_block_spans_remove_parts_only():
    """Spans remove parts of a block; overlapping spans are fine; spacing is tidied."""
    text = "Un. Deux trois. Quatre."
    b = Block(text=text, sentences=[(0, 3), (4, 15), (16, 23)])
    b.drop_span(4, 15, "dedup", "duplicate-sentence")
    b.drop_span(8, 15, "injected", "foreign-language")
    b.drop_span(5, 5, "x", "empty")  # empty span: ignored
    assert len(b.spans) == 2
    assert b.kept_text() == "Un. Quatre."
    assert b.span_dropped(4, 15) and b.span_dropped(8, 10)
    assert not b.span_dropped(0, 3)
    assert b.sentence_texts() == ["Un.", "Deux trois.", "Quatre."]
    assert isinstance(b.spans[0], Span)


def test_document_kept_text_by_indexes():
    """kept_text joins kept blocks with newlines, optionally only some of them."""
    doc = Document(raw="", blocks=[Block("Un.", index=0), Block("Deux.", index=1), Block("Trois.", index=2)])
    doc.blocks[1].drop("test", "gone")
    assert doc.kept_text() == "Un.\nTrois."
    assert doc.kept_text([1, 2]) == "Trois."
    assert doc.removed_counts() == {"gone": 1}


def test_to_record_fields():
    """The record carries text, id, source and flat metadata; keep_removed adds removed_blocks."""
    doc = clean_text(PAGE, source="page.txt")
    record = to_record(doc)
    for key in (
        "id",
        "source",
        "text",
        "title",
        "date",
        "modified",
        "author",
        "site",
        "lang",
        "lang_confidence",
        "page_type",
        "removed",
    ):
        assert key in record
    assert record["text"] == doc.kept_text()
    assert record["removed"] == doc.removed_counts()
    assert "removed_blocks" not in record
    full = to_record(doc, keep_removed=True)
    assert full["removed_blocks"] == doc.removed_blocks()
    assert all(item["stage"] and item["reason"] for item in full["removed_blocks"])


def test_reader_metadata_is_passed_through():
    """Extra document metadata (e.g. encoding) becomes flat record fields without overriding core ones."""
    doc = clean_text(PAGE)
    doc.metadata.update({"url": "https://example.org/a", "text": "not this"})
    record = to_record(doc)
    assert record["url"] == "https://example.org/a"
    assert record["text"] == doc.kept_text()
