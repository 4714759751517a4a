"""cleaner: raw web page dumps in, clean article text out.

>>> from cleaner import clean_text
>>> doc = clean_text(open("page.txt").read(), source="page.txt")
>>> doc.kept_text(), doc.lang, doc.title
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .config import Config, ConfigError, load_config
from .document import Block, Document, Span
from .pipeline import Context, Pipeline, Stage, default_pipeline, document_id
from .writers.jsonl import to_record

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Config",
    "ConfigError",
    "Context",
    "Document",
    "Pipeline",
    "Span",
    "Stage",
    "__version__",
    "clean_text",
    "default_pipeline",
    "document_id",
    "load_config",
    "to_record",
]


@lru_cache(maxsize=16)
def _pipeline(config_path: str | None, lang: str | None) -> Pipeline:
    return default_pipeline(load_config(config_path, lang=lang))


def clean_text(text: str, source: str | None = None, **options: Any) -> Document:
    """Clean one plain-text page dump; the same pipeline the CLI uses.

    Options: ``lang`` (ISO 639-1 hint, skips detection), ``config`` (path of a TOML
    config file), ``pipeline`` (a Pipeline to use instead of the default one).
    """
    pipeline = options.pop("pipeline", None) or _pipeline(options.pop("config", None), options.pop("lang", None))
    if options:
        raise TypeError(f"unknown option(s): {', '.join(sorted(options))}")
    src = source if source is not None else "-"
    doc = Document(raw=text, source=src, id=document_id(src, text))
    if not text.strip():
        doc.warnings.append("empty input")
    return pipeline.run(doc)
