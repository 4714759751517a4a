"""The runner: one input's bytes (or its read failure) to ordered events; settings for output and thresholds."""

from __future__ import annotations

import json

from cleaner.runner import Event, Settings, Stats, Unit, clean_unit, error_line, iter_inputs
from tests.conftest import records

ARTICLE = """Skip to main content

Village school saves its orchard
By Ruth Kemble

Pupils at the village primary school have raised enough money to save the old orchard behind the playground, \
which the county had planned to sell for housing at the end of the year.

The children sold apple juice, cakes and hand-painted cards at every market since the spring, and a local \
builder matched the last five hundred pounds so that the target was reached in time for the autumn deadline.
"""
KEPT = "Pupils at the village primary school have raised enough money"

LINES = [
    "The night bus between the station and the hospital will run every thirty minutes from next week, "
    "the transport authority said after nurses asked for a safer way home after late shifts.",
    "A bakery on the high street has won a regional prize for its rye bread, made with flour milled "
    "less than ten miles away at a watermill that reopened two years ago after a long restoration.",
    "The swimming pool will close for three weeks in August so that the changing rooms can be rebuilt, "
    "and the council has arranged free bus travel to the pool in the next town during the works.",
]


def read_one(path) -> Unit:
    (unit,) = list(iter_inputs((str(path),)))
    return unit


def clean_all(path, settings: Settings) -> list[Event]:
    """Events of every unit of one input (a JSONL file is streamed one unit per line)."""
    return [e for unit in iter_inputs((str(path),)) for e in clean_unit(unit, settings)]


def test_text_file_gives_one_record(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    unit = read_one(path)
    assert (unit.source, unit.failure, unit.single_doc) == (str(path), None, True)
    events = clean_unit(unit, Settings())
    assert [e.kind for e in events] == ["record"]
    (record,) = records(events[0].text)
    assert record["source"] == str(path)
    assert record["text"].startswith(KEPT)
    assert "Skip to main content" not in record["text"]
    assert record["title"] == "Village school saves its orchard"
    assert record["lang"] == "en"
    assert events[0].removed == record["removed"] and events[0].removed


def test_jsonl_with_one_bad_line(tmp_path):
    """One error event for the bad line; the other lines are records, in file order."""
    path = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"id": "a", "text": LINES[0], "feed": {"name": "city"}}),
        json.dumps({"id": "b", "text": LINES[1]}),
        '{"id": "c", "text": "broken',
        json.dumps({"id": "d", "text": LINES[2], "tags": ["pool", "works"]}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units = list(iter_inputs((str(path),)))
    assert [u.line for u in units] == [1, 2, 3, 4] and all(u.fmt == "jsonl" for u in units)
    events = clean_all(path, Settings())
    assert [e.kind for e in events] == ["record", "record", "error", "record"]
    error = events[2]
    assert error.error["error"] == "RecordError"
    assert error.error["source"] == str(path)
    assert f"{path}:3" in error.error["message"]
    out = [records(e.text)[0] for e in events if e.kind == "record"]
    assert [r["id"] for r in out] == ["a", "b", "d"]
    assert [r["text"] for r in out] == [LINES[0], LINES[1], LINES[2]]
    assert out[0]["feed"] == {"name": "city"}
    assert out[2]["tags"] == ["pool", "works"]
    assert json.loads(error_line(error)) == error.error


def test_missing_file_is_one_input_error(tmp_path):
    path = tmp_path / "nowhere.txt"
    unit = read_one(path)
    failure = unit.failure
    assert unit.data is None and failure and "no such file" in failure
    events = clean_unit(unit, Settings())
    assert len(events) == 1
    (event,) = events
    assert event.kind == "error"
    assert event.error["error"] == "InputError"
    assert event.error["source"] == str(path)
    assert event.error["message"] == failure
    assert json.loads(error_line(event))["error"] == "InputError"


def test_directory_inputs_are_recursive_sorted_and_skip_dotfiles(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two", encoding="utf-8")
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / ".hidden").write_text("secret", encoding="utf-8")
    units = list(iter_inputs((str(tmp_path),)))
    assert [(u.source, u.data, u.failure) for u in units] == [
        (str(tmp_path / "a.txt"), b"one", None),
        (str(tmp_path / "b" / "2.txt"), b"two", None),
    ]


def test_text_output_format(tmp_path):
    """output_format="text": the cleaned text followed by a blank line, no JSON."""
    path = tmp_path / "page.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (event,) = clean_unit(read_one(path), Settings(output_format="text"))
    assert event.kind == "record"
    assert event.text.startswith(KEPT)
    assert event.text.endswith(".\n\n") and not event.text.endswith("\n\n\n")
    assert not event.text.lstrip().startswith("{")
    (as_json,) = clean_unit(read_one(path), Settings())
    assert event.text == records(as_json.text)[0]["text"] + "\n\n"


def test_min_chars_gives_too_short_events(tmp_path):
    """Documents shorter than min_chars are counted as too_short and not written."""
    path = tmp_path / "export.jsonl"
    path.write_text(
        json.dumps({"text": LINES[0]}) + "\n" + json.dumps({"text": "Short note."}) + "\n", encoding="utf-8"
    )
    events = clean_all(path, Settings(min_chars=100))
    kinds = [e.kind for e in events if e.kind != "warning"]
    assert kinds == ["record", "too_short"]
    events = clean_all(path, Settings(min_chars=100_000))
    assert [e.kind for e in events if e.kind != "warning"] == ["too_short", "too_short"]
    stats = Stats()
    for event in events:
        stats.add(event)
    assert (stats.documents, stats.too_short, stats.written) == (2, 2, 0)


def test_stats_count_every_kind():
    stats = Stats()
    for kind in ("record", "record", "skip", "error", "too_short", "warning"):
        stats.add(Event(kind, removed={"navigation": 1} if kind == "record" else {}))
    assert (stats.documents, stats.written, stats.skipped, stats.errors, stats.too_short) == (3, 2, 1, 1, 1)
    assert stats.removed["navigation"] == 2
    assert "2 written" in stats.summary(0.5)


def test_skips_and_compression_errors_are_events(tmp_path):
    """A non-HTML WARC response is a skip event; a corrupt gzip input is one CompressionError event."""
    import gzip
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, ctype, payload in (
        ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
        ("https://example.org/bus", "text/html", f"<html><body><article><p>{LINES[0]}</p></article></body></html>"),
    ):
        body = payload if isinstance(payload, bytes) else payload.encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(buf.getvalue())
    events = [e for e in clean_unit(read_one(path), Settings()) if e.kind != "warning"]
    assert [e.kind for e in events] == ["skip", "record"]
    assert "image/png" in events[0].text
    assert records(events[1].text)[0]["url"] == "https://example.org/bus"

    broken = tmp_path / "dump.txt.gz"
    broken.write_bytes(gzip.compress(ARTICLE.encode("utf-8"))[:40])
    (event,) = clean_unit(read_one(broken), Settings())
    assert (event.kind, event.error["error"], event.error["source"]) == ("error", "CompressionError", str(broken))
