"""JSONL reader: text and HTML fields, custom field names, passthrough of every other field, bad lines."""

from __future__ import annotations

import json

from cleaner import Document
from cleaner.readers import InputFailure, JsonlFields, detect_format, read_input
from cleaner.readers.jsonl import RecordError, looks_like_jsonl, read_jsonl
from cleaner.writers.jsonl import to_record
from tests.conftest import ROOT, assert_kept

FR_PAGE = (ROOT / "fixtures" / "html" / "fr_article.html").read_text(encoding="utf-8")

TEXT_ONE = (
    "The ferry company confirmed on Monday that the winter timetable will keep four daily crossings, "
    "after islanders collected more than two thousand signatures against the planned cuts."
)
TEXT_TWO = (
    "A new cycle path along the old railway line opened to the public on Saturday, linking the two "
    "villages by a flat route that children can use safely on their way to school."
)


def jsonl(*records: object) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode("utf-8")) + b"\n" for r in records
    )


def items(data: bytes, source: str = "export.jsonl", fields: JsonlFields | None = None) -> list:
    if fields is None:
        return list(read_input(data, source))
    return list(read_input(data, source, fields=fields))


def test_text_field_records():
    """Each line with a ``text`` field becomes one Document, in file order."""
    docs = items(jsonl({"text": TEXT_ONE}, {"text": TEXT_TWO}))
    assert [type(d) for d in docs] == [Document, Document]
    assert [d.raw for d in docs] == [TEXT_ONE, TEXT_TWO]
    assert all(d.source == "export.jsonl" for d in docs)
    assert docs[0].id != docs[1].id
    assert docs[0].metadata["encoding"] == "utf-8"


def test_html_field_record(pipeline):
    """A record with an ``html`` field goes through the HTML reader: main content and page metadata."""
    (doc,) = items(jsonl({"html": FR_PAGE, "url": "https://www.echodescotes.example/lannion-car-express"}))
    assert doc.metadata["extractor"] == "trafilatura"
    assert doc.metadata["url"] == "https://www.echodescotes.example/lannion-car-express"
    pipeline.run(doc)
    assert doc.title and doc.title.startswith("À Lannion")
    assert doc.lang == "fr"
    assert_kept(doc, "Reste la question du financement.")
    assert "Nous utilisons des cookies" not in doc.kept_text()
    assert "<p>" not in doc.kept_text()


def test_html_wins_over_text_and_empty_html_falls_back_to_text():
    """A non-empty HTML field is used first; an empty one leaves the text field to be read."""
    (doc,) = items(jsonl({"html": FR_PAGE, "text": "ignored"}))
    assert "Six mois après son lancement" in doc.raw and "ignored" not in doc.raw
    (doc,) = items(jsonl({"html": "   ", "text": TEXT_ONE}))
    assert doc.raw == TEXT_ONE
    assert "extractor" not in doc.metadata


def test_custom_field_names():
    """JsonlFields(text="body", html="page", id="doc_id") reads other names; the default names pass through."""
    fields = JsonlFields(text="body", html="page", id="doc_id")
    data = jsonl(
        {"doc_id": "a-1", "body": TEXT_ONE, "text": "not the text field here"},
        {"doc_id": 2, "page": FR_PAGE},
    )
    first, second = items(data, fields=fields)
    assert first.raw == TEXT_ONE and first.id == "a-1"
    assert first.metadata["text"] == "not the text field here"
    assert "body" not in first.metadata and "doc_id" not in first.metadata
    assert second.id == "2"
    assert second.metadata["extractor"] == "trafilatura"
    assert "page" not in second.metadata
    # With these names, a record carrying only the default ``text`` field has no text.
    (failure,) = items(jsonl({"text": TEXT_ONE}), fields=fields)
    assert isinstance(failure, InputFailure) and "'body'" in failure.message and "'page'" in failure.message


def test_unknown_fields_pass_through_untouched(pipeline):
    """Every other field, nested values included, reaches doc.metadata and then the output record as is."""
    extra = {
        "url": "https://news.example.org/ferry",
        "crawl": {"batch": 17, "fetched": "2024-05-02T08:00:00Z", "headers": {"server": "nginx"}},
        "tags": ["transport", "islands", {"weight": 0.5}],
        "score": 0.875,
        "flag": False,
        "nothing": None,
        "count": 3,
        "labels": [],
    }
    (doc,) = items(jsonl({"id": "ferry-1", "text": TEXT_ONE, **extra}))
    for key, value in extra.items():
        assert doc.metadata[key] == value, key
    assert doc.id == "ferry-1"
    pipeline.run(doc)
    record = to_record(doc)
    for key, value in extra.items():
        assert record[key] == value, key
    assert record["id"] == "ferry-1"
    assert record["text"] == TEXT_ONE
    # The record survives a JSON round trip with the nested values intact.
    assert json.loads(json.dumps(record))["crawl"]["headers"] == {"server": "nginx"}


def test_id_field_sets_document_id():
    """The id field becomes doc.id (as a string); without it, ids are derived and differ per line."""
    with_ids = items(jsonl({"id": "x-42", "text": TEXT_ONE}, {"id": 7, "text": TEXT_ONE}))
    assert [d.id for d in with_ids] == ["x-42", "7"]
    assert all("id" not in d.metadata for d in with_ids)
    derived = items(jsonl({"text": TEXT_ONE}, {"text": TEXT_ONE}, {"id": None, "text": TEXT_ONE}))
    assert len({d.id for d in derived}) == 3
    assert all(d.id for d in derived)


def test_malformed_line_is_a_record_error_and_reading_goes_on():
    """A line that is not JSON gives a RecordError; the lines after it still come through, in order."""
    data = jsonl({"text": TEXT_ONE}, b'{"text": "unterminated', {"text": TEXT_TWO}, {"id": "last", "text": "Third."})
    raw = list(read_jsonl(data, "export.jsonl"))
    assert [type(x) for x in raw] == [Document, RecordError, Document, Document]
    assert "export.jsonl:2" in str(raw[1])
    assert [raw[2].raw, raw[3].id] == [TEXT_TWO, "last"]
    through = items(data)
    assert [type(x) for x in through] == [Document, InputFailure, Document, Document]
    failure = through[1]
    assert failure.error == "RecordError"
    assert failure.source == "export.jsonl"
    assert "export.jsonl:2" in failure.message


def test_record_without_text_or_html_is_a_record_error():
    """A JSON object with neither field, or with non-string ones, or a non-object line, is a RecordError."""
    data = jsonl(
        {"title": "No body at all"},
        {"text": 12, "html": None},
        [1, 2, 3],
        {"text": TEXT_ONE},
    )
    out = list(read_jsonl(data, "export.jsonl"))
    assert [type(x) for x in out] == [RecordError, RecordError, RecordError, Document]
    assert "export.jsonl:1" in str(out[0]) and "'text'" in str(out[0]) and "'html'" in str(out[0])
    assert "export.jsonl:3" in str(out[2])


def test_blank_lines_and_crlf_are_tolerated():
    """Empty lines are skipped and CRLF line ends parse; line numbers stay those of the file."""
    data = b"\n" + jsonl({"text": TEXT_ONE}).replace(b"\n", b"\r\n") + b"   \n" + b"not json\n"
    out = list(read_jsonl(data, "f.jsonl"))
    assert [type(x) for x in out] == [Document, RecordError]
    assert out[0].raw == TEXT_ONE
    assert "f.jsonl:4" in str(out[1])


def test_jsonl_detected_by_first_line():
    """A file whose first line is a JSON object is JSONL whatever its name."""
    data = jsonl({"text": TEXT_ONE}, {"text": TEXT_TWO})
    assert looks_like_jsonl(data)
    assert detect_format(data, "dump-0001") == "jsonl"
    assert len(items(data, "dump-0001")) == 2
    assert not looks_like_jsonl(b'["a", "b"]\n')
    assert not looks_like_jsonl(b"{not json}\n")
