"""The Stage protocol and the Pipeline that runs stages over one document.

A stage is a callable with a ``name`` that labels blocks of a Document and
returns nothing. Stages are built once per pipeline from a Context (config and
lexicon) and then applied to any number of documents; they keep no state
between documents.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from .config import Config, load_config
from .document import Document
from .lexicon import Lexicon, load_lexicon
from .segment import segment


class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> None: ...


@dataclass(frozen=True, slots=True)
class Context:
    """What every stage may read: thresholds and phrase lists."""

    config: Config
    lexicon: Lexicon


def document_id(source: str, raw: bytes | str) -> str:
    """Stable id: a hash of the source name and the raw bytes."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    h = hashlib.blake2b(digest_size=12)
    h.update(source.encode("utf-8", "replace"))
    h.update(b"\0")
    h.update(data)
    return h.hexdigest()


class Segment:
    """Cuts ``doc.text`` into blocks and sentences."""

    name = "segment"

    def __init__(self, ctx: Context) -> None:
        self.abbreviations = ctx.lexicon.abbreviations

    def __call__(self, doc: Document) -> None:
        doc.blocks = segment(doc.text, self.abbreviations)


class Pipeline:
    """An ordered list of stages; ``run`` applies them all to one document."""

    def __init__(self, stages: list[Stage], context: Context) -> None:
        self.stages = stages
        self.context = context

    @property
    def config(self) -> Config:
        return self.context.config

    def run(self, doc: Document) -> Document:
        for stage in self.stages:
            stage(doc)
        return doc

    def run_all(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self.run(doc)


def default_pipeline(config: Config | None = None) -> Pipeline:
    """The standard text pipeline: normalize, segment, then the labelling stages in order."""
    from .stages import build_stages

    config = config or load_config()
    ctx = Context(config=config, lexicon=load_lexicon(config.lexicons))
    return Pipeline(build_stages(ctx), ctx)
