"""Compressed inputs and outputs: gzip, bzip2, xz and zstd, by magic bytes in and by extension out."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from typing import IO

_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)
_EXTENSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd", ".zstd": "zstd"}


class CompressionError(ValueError):
    """Data that claims a compression format but cannot be decompressed (truncated, corrupt)."""


def sniff(data: bytes) -> str | None:
    """The compression format of ``data`` by its magic bytes, or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


# Decompressed inputs larger than this are refused: a gzip bomb must not exhaust memory.
MAX_DECOMPRESSED = 1_000_000_000


def _bounded(reader: IO[bytes], limit: int, kind: str) -> bytes:
    out = reader.read(limit + 1)
    if len(out) > limit:
        raise CompressionError(f"{kind} data decompresses to more than {limit} bytes; refused")
    return out


def decompress(data: bytes, limit: int = MAX_DECOMPRESSED) -> bytes:
    """Decompress whatever format the magic bytes say (repeatedly, for double wrapping), at most ``limit`` bytes."""
    for _ in range(3):
        kind = sniff(data)
        if kind is None:
            return data
        try:
            if kind == "gzip":
                data = _bounded(gzip.GzipFile(fileobj=io.BytesIO(data)), limit, kind)
            elif kind == "bz2":
                data = _bounded(bz2.BZ2File(io.BytesIO(data)), limit, kind)
            elif kind == "xz":
                data = _bounded(lzma.LZMAFile(io.BytesIO(data)), limit, kind)  # noqa: SIM115
            else:
                import zstandard

                _bounded(zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)), limit, kind)
                # Bounded now; the one-shot object also tells a truncated frame from a complete one.
                dobj = zstandard.ZstdDecompressor().decompressobj()
                out = dobj.decompress(data)
                if not dobj.eof:
                    raise CompressionError("zstd data is truncated")
                data = out
        except CompressionError:
            raise
        except (OSError, EOFError, lzma.LZMAError, ValueError, zlib.error) as exc:
            raise CompressionError(f"{kind} data is corrupt or truncated: {exc}") from None
        except Exception as exc:  # zstandard raises its own ZstdError
            if type(exc).__name__ == "ZstdError":
                raise CompressionError(f"zstd data is corrupt or truncated: {exc}") from None
            raise
    return data


def read_prefix(path: str) -> bytes:
    """As much of a possibly truncated (compressed) file as can be read; b"" when none."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return b""
    kind = sniff(data)
    if kind is None:
        return data
    if kind == "gzip":
        dobj = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = b""
        try:
            while data:
                out += dobj.decompress(data)
                data = dobj.unused_data
                dobj = zlib.decompressobj(16 + zlib.MAX_WBITS) if data else dobj
        except zlib.error:
            pass
        return out
    try:
        return decompress(data)
    except CompressionError:
        return b""


def gzip_holds_warc(data: bytes) -> bool:
    """A gzip stream whose first bytes decompress to a WARC header (.warc.gz, read per record by warcio)."""
    if sniff(data) != "gzip":
        return False
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")


def peek_decompressed(head: bytes) -> bytes:
    """The first bytes of what ``head`` (a prefix of a possibly compressed stream) decompresses to."""
    kind = sniff(head)
    try:
        if kind == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
        if kind == "bz2":
            return bz2.BZ2Decompressor().decompress(head)
        if kind == "xz":
            return lzma.LZMADecompressor().decompress(head)
        if kind == "zstd":
            import zstandard

            return zstandard.ZstdDecompressor().decompressobj().decompress(head)
    except Exception:  # a corrupt prefix: the full read reports it
        return b""
    return head


def decompressing_stream(raw: IO[bytes]) -> IO[bytes]:
    """A binary stream reading ``raw`` decompressed, by its magic bytes (for line-by-line JSONL)."""
    kind = sniff(raw.peek(8)[:8]) if hasattr(raw, "peek") else None
    if kind == "gzip":
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if kind == "bz2":
        return bz2.BZ2File(raw)
    if kind == "xz":
        return lzma.LZMAFile(raw)
    if kind == "zstd":
        import zstandard

        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw))  # type: ignore[arg-type]
    return raw


def output_codec(path: str) -> str | None:
    """The compression to write for an output path, by its extension."""
    for ext, name in _EXTENSIONS.items():
        if path.endswith(ext):
            return name
    return None


def open_output(path: str, codec: str | None = None) -> IO[str]:
    """A text stream writing UTF-8 to ``path``, compressed as ``codec`` or its extension says."""
    codec = codec or output_codec(path)
    if codec == "gzip":
        # mtime=0: the same input gives the same bytes.
        raw: IO[bytes] = gzip.GzipFile(path, "wb", mtime=0)
    elif codec == "bz2":
        raw = bz2.open(path, "wb")  # noqa: SIM115 - returned open, closed by the caller
    elif codec == "xz":
        raw = lzma.open(path, "wb")  # noqa: SIM115 - returned open, closed by the caller
    elif codec == "zstd":
        import zstandard

        raw = zstandard.ZstdCompressor().stream_writer(open(path, "wb"), closefd=True)  # noqa: SIM115
    else:
        return open(path, "w", encoding="utf-8", newline="\n")
    return io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
