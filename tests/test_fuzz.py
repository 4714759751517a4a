"""Fuzzing the readers (issue 5): arbitrary and mutated bytes never make an exception escape.

``read_input`` followed by the pipeline, and ``clean_input`` as the command runs it, over
arbitrary bytes and over valid HTML, JSONL and WARC inputs with bytes flipped, inserted
and cut. Unreadable input becomes InputFailure objects or error events, nothing else.
"""

from __future__ import annotations

import gzip
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner import Document, Pipeline
from cleaner.readers import InputFailure, Skipped, read_input
from cleaner.runner import Settings, clean_input

FUZZ = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

PARAGRAPHS = [
    "The harbour master said on Monday that the new pontoon would be ready before the regatta in July.",
    "Les pêcheurs ont salué la nouvelle mais demandent que l'ancienne cale reste ouverte cet été.",
]
HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Harbour</title></head><body>"
    "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><article><h1>Harbour works</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "<ul><li>One</li><li>Two</li></ul><script>var x = 1;</script></article><footer>© 2025</footer></body></html>"
).encode()
JSONL = (
    "\n".join(
        [
            json.dumps({"id": "t1", "text": "\n\n".join(PARAGRAPHS), "url": "https://harbour.example/1"}),
            json.dumps({"id": "h1", "html": HTML.decode()}),
            json.dumps({"id": "t2", "text": PARAGRAPHS[0], "tags": ["a", "b"], "n": 3}),
        ]
    )
    + "\n"
).encode()


def _warc(gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://harbour.example/1", "response", payload=io.BytesIO(HTML), http_headers=headers
        )
    )
    png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://harbour.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG\r\n\x1a\n"), http_headers=png
        )
    )
    writer.write_record(
        writer.create_warc_record(
            "https://harbour.example/2",
            "conversion",
            payload=io.BytesIO("\n".join(PARAGRAPHS).encode()),
            warc_headers_dict={"Content-Type": "text/plain"},
        )
    )
    return buf.getvalue()


WARC = _warc(gz=False)
WARC_GZ = _warc(gz=True)


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few bytes flipped, inserted or deleted, and maybe cut short."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        if not out:
            break
        pos = draw(st.integers(0, len(out) - 1))
        op = draw(st.sampled_from(["flip", "insert", "delete", "duplicate"]))
        if op == "flip":
            out[pos] ^= draw(st.integers(1, 255))
        elif op == "insert":
            out[pos:pos] = draw(st.binary(min_size=1, max_size=12))
        elif op == "delete":
            del out[pos : pos + draw(st.integers(1, 40))]
        else:
            end = min(len(out), pos + draw(st.integers(1, 200)))
            out[pos:pos] = out[pos:end]
    if draw(st.booleans()):
        out = out[: draw(st.integers(0, len(out)))]
    return bytes(out)


def read_and_run(data: bytes, source: str, pipeline: Pipeline, fmt: str = "auto") -> list[object]:
    """Every item of the input through the pipeline; failures stay objects."""
    items = []
    for item in read_input(data, source, fmt):
        assert isinstance(item, Document | InputFailure | Skipped), item
        if isinstance(item, Document):
            pipeline.run(item)
            assert isinstance(item.kept_text(), str)
        items.append(item)
    return items


def check_clean_input(data: bytes, source: str) -> None:
    events = clean_input(source, data, None, Settings())
    # No event only when there is no document: an empty JSONL file, a WARC of requests.
    assert events or not data.strip() or source.endswith((".jsonl", ".warc", ".warc.gz")), data
    assert all(e.kind in ("record", "too_short", "skip", "error", "warning") for e in events)
    for e in events:
        if e.kind == "record":
            json.loads(e.text)
        if e.kind == "error":
            assert set(e.error) == {"source", "id", "error", "message"}


@FUZZ
@given(data=st.binary(max_size=4096), name=st.sampled_from(["in", "in.txt", "in.html", "in.jsonl", "in.gz", "in.warc"]))
def test_arbitrary_bytes(pipeline, data, name):
    read_and_run(data, name, pipeline)
    check_clean_input(data, name)


@FUZZ
@given(data=st.binary(max_size=2048), fmt=st.sampled_from(["text", "html", "jsonl", "warc"]))
def test_arbitrary_bytes_with_a_forced_format(pipeline, data, fmt):
    read_and_run(data, "in", pipeline, fmt)


@FUZZ
@given(data=mutated(HTML))
def test_mutated_html(pipeline, data):
    read_and_run(data, "page.html", pipeline)
    check_clean_input(data, "page.html")


@FUZZ
@given(data=mutated(JSONL))
def test_mutated_jsonl(pipeline, data):
    items = read_and_run(data, "export.jsonl", pipeline)
    # One item per non-blank line: a record or a failure, none lost.
    assert len(items) == sum(1 for line in data.split(b"\n") if line.strip())


@FUZZ
@given(data=mutated(WARC))
def test_mutated_warc(pipeline, data):
    read_and_run(data, "crawl.warc", pipeline)
    check_clean_input(data, "crawl.warc")


@FUZZ
@given(data=mutated(WARC_GZ))
def test_mutated_warc_gz(pipeline, data):
    read_and_run(data, "crawl.warc.gz", pipeline)
    check_clean_input(data, "crawl.warc.gz")


@FUZZ
@given(data=st.one_of(mutated(gzip.compress(HTML)), mutated(gzip.compress(JSONL))))
def test_mutated_gzip(pipeline, data):
    read_and_run(data, "in.gz", pipeline)
    check_clean_input(data, "in.gz")


def test_the_valid_inputs_are_read_in_full(pipeline):
    """The seeds of the mutations are themselves good inputs (so the fuzzing starts from real structure)."""
    assert [type(i).__name__ for i in read_and_run(HTML, "page.html", pipeline)] == ["Document"]
    assert [type(i).__name__ for i in read_and_run(JSONL, "export.jsonl", pipeline)] == ["Document"] * 3
    for data in (WARC, WARC_GZ):
        kinds = [type(i).__name__ for i in read_and_run(data, "crawl.warc", pipeline)]
        assert kinds == ["Document", "Skipped", "Document"]
