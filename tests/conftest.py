"""Shared helpers: one default pipeline, a ``run`` helper and assertions about why a block went.

Tests assert the reason a block or span was removed (its stage, and its reason
where the design names it), not only that some text is absent.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from cleaner import Block, Document, Pipeline, clean_text, default_pipeline
from cleaner.document import Span
from tests.netblock import sitecustomize as netblock

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures" / "seeds"
NETBLOCK = Path(netblock.__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    """No network for the whole suite: sockets to hosts and name lookups raise, here and in Python subprocesses."""
    netblock.block()
    os.environ[netblock.ENV] = "1"
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(NETBLOCK), os.environ.get("PYTHONPATH")) if p)


def pytest_unconfigure(config: pytest.Config) -> None:
    netblock.unblock()


def describe(doc: Document) -> str:
    """Every block with KEEP/DROP, stage and reason, for failure messages."""
    lines = []
    for b in doc.blocks:
        tag = "KEEP" if b.keep else f"DROP {b.stage}:{b.reason}"
        lines.append(f"  [{b.index}] {tag:<40} {b.text[:90]!r}")
        for sp in b.spans:
            lines.append(f"        span {sp.stage}:{sp.reason} {b.text[sp.start : sp.end][:70]!r}")
    return "\n".join(lines)


def find_block(doc: Document, snippet: str) -> Block:
    """The first block whose text contains ``snippet``."""
    for b in doc.blocks:
        if snippet in b.text:
            return b
    raise AssertionError(f"no block contains {snippet!r}:\n{describe(doc)}")


def _blocks_with(doc: Document, snippet: str) -> list[Block]:
    found = [b for b in doc.blocks if snippet in b.text]
    if not found:
        raise AssertionError(f"no block contains {snippet!r}:\n{describe(doc)}")
    return found


def _reasons(reason: str | Iterable[str] | None) -> set[str] | None:
    if reason is None:
        return None
    return {reason} if isinstance(reason, str) else set(reason)


def _matches(stage: str | None, why: str | None, want_stage: str, want: set[str] | None) -> bool:
    return stage == want_stage and (want is None or why in want)


def assert_dropped(doc: Document, snippet: str, stage: str, reason: str | Iterable[str] | None = None) -> Block:
    """A block holding ``snippet`` went whole, removed by ``stage`` (for ``reason``, when given)."""
    want = _reasons(reason)
    blocks = _blocks_with(doc, snippet)
    for b in blocks:
        if not b.keep and _matches(b.stage, b.reason, stage, want):
            return b
    got = ", ".join("KEEP" if b.keep else f"{b.stage}:{b.reason}" for b in blocks)
    raise AssertionError(f"{snippet!r}: expected a block dropped by {stage}:{want or '*'}, got {got}\n{describe(doc)}")


def assert_span_dropped(doc: Document, snippet: str, stage: str, reason: str | Iterable[str] | None = None) -> Span:
    """``snippet`` lies in a span removed by ``stage`` from a block that is itself kept."""
    want = _reasons(reason)
    for b in _blocks_with(doc, snippet):
        if not b.keep:
            continue
        start = b.text.index(snippet)
        end = start + len(snippet)
        for sp in b.spans:
            if sp.start <= start and end <= sp.end and _matches(sp.stage, sp.reason, stage, want):
                assert snippet not in b.kept_text()
                return sp
    raise AssertionError(f"{snippet!r} is not in a span removed by {stage}:{want or '*'}:\n{describe(doc)}")


def assert_kept(doc: Document, *snippets: str) -> None:
    """Each snippet is in the document's kept text."""
    kept = doc.kept_text()
    for snippet in snippets:
        assert snippet in kept, f"{snippet!r} missing from the kept text:\n{describe(doc)}"


def records(text: str) -> list[dict]:
    """Parse JSONL, insisting on one JSON object per non-empty line."""
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def cleaner_exe() -> str:
    """The installed console script: on PATH, or next to the running interpreter."""
    found = shutil.which("cleaner")
    if found:
        return found
    candidate = Path(sys.executable).parent / "cleaner"
    assert candidate.exists(), f"console script not found next to {sys.executable}"
    return str(candidate)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline, built once for the whole session."""
    return default_pipeline()


@pytest.fixture(scope="session")
def run(pipeline: Pipeline) -> Callable[..., Document]:
    """``run(text, **opts)``: clean ``text`` like the API does and return the Document.

    Without options the session pipeline is used; options (``lang``, ``config``)
    go to ``clean_text``.
    """

    def _run(text: str, source: str = "test.txt", **opts: object) -> Document:
        if not opts:
            return clean_text(text, source=source, pipeline=pipeline)
        return clean_text(text, source=source, **opts)

    return _run
