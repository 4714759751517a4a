"""Compressed inputs (by magic bytes) and outputs (by extension): gzip, bzip2, xz, zstd."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma

import pytest
import zstandard

from cleaner import Document
from cleaner.readers import InputFailure, read_input
from cleaner.readers.compression import CompressionError, decompress, open_output, output_codec, sniff

TEXT = (
    "Le marché couvert de la place Saint-Louis rouvrira ses portes samedi après huit mois de travaux.\n"
    "Les commerçants ont retrouvé leurs étals, agrandis d'un tiers, et une verrière neuve laisse entrer "
    "la lumière jusque dans les allées du fond.\n"
)
PAGE = (
    "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>Marché</title></head>"
    f"<body><article><h1>Le marché rouvre</h1><p>{TEXT}</p></article></body></html>"
)

COMPRESSORS = {
    "gzip": (gzip.compress, ".gz"),
    "bz2": (bz2.compress, ".bz2"),
    "xz": (lzma.compress, ".xz"),
    "zstd": (zstandard.ZstdCompressor().compress, ".zst"),
}


def only_doc(data: bytes, source: str) -> Document:
    items = list(read_input(data, source))
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_sniff_by_magic_bytes(kind):
    compress, _ = COMPRESSORS[kind]
    assert sniff(compress(b"hello")) == kind
    assert sniff(b"hello") is None


@pytest.mark.parametrize("named", [True, False], ids=["with-ext", "no-ext"])
@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_compressed_text_round_trip(kind, named):
    """A compressed text dump reads back to the same text, whether or not its name says it is compressed."""
    compress, ext = COMPRESSORS[kind]
    data = compress(TEXT.encode("utf-8"))
    assert data != TEXT.encode("utf-8")
    source = f"dump.txt{ext}" if named else "dump-0001"
    doc = only_doc(data, source)
    assert doc.raw == TEXT
    assert doc.source == source
    assert doc.raw == only_doc(TEXT.encode("utf-8"), "dump.txt").raw


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_compressed_content_is_detected_after_decompression(kind):
    """The format is recognised on the decompressed bytes: HTML and JSONL inside an extension-less file."""
    compress, _ = COMPRESSORS[kind]
    html_doc = only_doc(compress(PAGE.encode("utf-8")), "page-0001")
    assert html_doc.metadata["extractor"] == "trafilatura"
    assert "Le marché couvert de la place Saint-Louis" in html_doc.raw
    lines = "".join(json.dumps({"id": str(i), "text": TEXT}) + "\n" for i in range(3)).encode("utf-8")
    docs = list(read_input(compress(lines), "export-0001"))
    assert [d.id for d in docs] == ["0", "1", "2"]


def test_double_wrapping_is_unwrapped():
    """gzip around zstd (a recompressed download) is decompressed all the way."""
    data = gzip.compress(zstandard.ZstdCompressor().compress(TEXT.encode("utf-8")))
    assert decompress(data) == TEXT.encode("utf-8")


@pytest.mark.parametrize("ext", [".gz", ".bz2", ".xz", ".zst"])
def test_open_output_compresses_by_extension(tmp_path, ext):
    """Output written to .gz/.bz2/.xz/.zst is compressed that way and decompresses to the same text."""
    path = tmp_path / f"out.jsonl{ext}"
    text = "".join(f'{{"id":"{i}","text":"Noël à Besançon"}}\n' for i in range(50))
    with open_output(str(path)) as fh:
        fh.write(text)
    raw = path.read_bytes()
    assert sniff(raw) == output_codec(str(path))
    assert len(raw) < len(text.encode("utf-8"))
    assert decompress(raw).decode("utf-8") == text
    # The file also reads back as input, whatever its compression.
    docs = list(read_input(raw, str(path)))
    assert [d.id for d in docs] == [str(i) for i in range(50)]
    assert {d.raw for d in docs} == {"Noël à Besançon"}


def test_open_output_plain_path_writes_utf8_with_lf(tmp_path):
    path = tmp_path / "out.jsonl"
    with open_output(str(path)) as fh:
        fh.write("été\nhiver\n")
    assert path.read_bytes() == "été\nhiver\n".encode()
    assert output_codec(str(path)) is None


def test_gzip_output_is_byte_identical_across_writes(tmp_path):
    """mtime 0: writing the same text twice gives the same bytes."""
    outputs = []
    for run in ("first", "second"):
        (tmp_path / run).mkdir()
        path = tmp_path / run / "out.jsonl.gz"
        with open_output(str(path)) as fh:
            fh.write(TEXT * 20)
        outputs.append(path.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0][4:8] == b"\x00\x00\x00\x00"  # MTIME field of the gzip header
    assert gzip.decompress(outputs[0]).decode("utf-8") == TEXT * 20


@pytest.mark.parametrize("kind", ["gzip", "zstd"])
def test_truncated_input_is_an_input_failure(kind):
    """A truncated gzip or zstd input gives one InputFailure (CompressionError), not an exception."""
    compress, ext = COMPRESSORS[kind]
    data = compress((TEXT * 40).encode("utf-8"))
    cut = data[: len(data) // 2]
    with pytest.raises(CompressionError):
        decompress(cut)
    items = list(read_input(cut, f"dump.txt{ext}"))
    assert len(items) == 1 and isinstance(items[0], InputFailure), items
    assert items[0].error == "CompressionError"
    assert items[0].source == f"dump.txt{ext}"
    assert kind in items[0].message


def test_gz_name_with_plain_content_is_read_as_plain():
    """A .gz name on bytes that are not gzip: read as the plain content they are."""
    doc = only_doc(TEXT.encode("utf-8"), "dump.txt.gz")
    assert doc.raw == TEXT
    page = only_doc(PAGE.encode("utf-8"), "page.html.gz")
    assert page.metadata["extractor"] == "trafilatura"
    assert decompress(b"plain bytes") == b"plain bytes"
