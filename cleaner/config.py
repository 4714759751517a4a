"""Thresholds and options, with defaults; a TOML file (``--config``) overrides any of them.

Example file::

    [dedup]
    sentence_threshold = 0.5
    [lexicons]
    extra = ["my-site.toml"]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any


class ConfigError(ValueError):
    """A configuration file or value the user must fix."""


@dataclass(frozen=True, slots=True)
class DedupConfig:
    # Word n-gram size of the shingles hashed into MinHash signatures.
    shingle_size: int = 2
    num_perm: int = 64
    # Estimated Jaccard similarity above which two sentences are the same sentence.
    sentence_threshold: float = 0.5
    # Sentences and lines shorter than this (in words) are never deduplicated.
    min_sentence_words: int = 6


@dataclass(frozen=True, slots=True)
class InjectedConfig:
    # A foreign sentence must have at least this many words to be called injected.
    min_words: int = 6


@dataclass(frozen=True, slots=True)
class LanguageConfig:
    # Characters of text given to langdetect when the stopword profile is unsure.
    sample_chars: int = 1000
    seed: int = 0


@dataclass(frozen=True, slots=True)
class BoilerplateConfig:
    # jusText-style context-free classes: lengths in characters, stopword densities.
    length_low: int = 60
    length_high: int = 180
    stopwords_low: float = 0.25
    stopwords_high: float = 0.30
    # This many short lines in a row are a menu.
    menu_run: int = 4
    # Outside the main stretch of text, keep only blocks good on their own.
    window: bool = True
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class LimitsConfig:
    # A document larger than this (bytes, after decompression) becomes an error record.
    max_bytes: int = 50_000_000
    # Seconds one document may take before it becomes an error record (0 = no limit).
    time_budget: float = 30.0


@dataclass(frozen=True, slots=True)
class CorpusConfig:
    # Estimated Jaccard similarity of two texts' shingle sets above which one duplicates the other.
    threshold: float = 0.8
    num_perm: int = 128
    shingle_size: int = 5
    # A line seen in this many documents of one site is boilerplate from then on (0 = off).
    site_min_docs: int = 5
    # Lines shorter than this (characters) are left alone: "Share", a date.
    site_min_chars: int = 30


@dataclass(frozen=True, slots=True)
class HtmlConfig:
    # trafilatura's complete metadata search (author, categories, tags by XPath over the whole page):
    # about 1.3x the time of the HTML path. Off: meta tags, JSON-LD, then the text stages' bylines.
    full_metadata: bool = False


@dataclass(frozen=True, slots=True)
class Config:
    dedup: DedupConfig = field(default_factory=DedupConfig)
    injected: InjectedConfig = field(default_factory=InjectedConfig)
    language: LanguageConfig = field(default_factory=LanguageConfig)
    boilerplate: BoilerplateConfig = field(default_factory=BoilerplateConfig)
    limits: LimitsConfig = field(default_factory=LimitsConfig)
    corpus: CorpusConfig = field(default_factory=CorpusConfig)
    html: HtmlConfig = field(default_factory=HtmlConfig)
    # Extra lexicon files (same format as cleaner/lexicons/*.toml).
    lexicons: tuple[str, ...] = ()
    # Language hint: skip detection and use this ISO 639-1 code.
    lang: str | None = None
    min_chars: int = 0


def _section(cls: type, values: Any, name: str) -> Any:
    if not isinstance(values, dict):
        raise ConfigError(f"[{name}] must be a table")
    known = {f.name: f for f in fields(cls)}
    kwargs = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"unknown setting {name}.{key} (known: {', '.join(sorted(known))})")
        default = getattr(cls(), key)
        if isinstance(default, bool) != isinstance(value, bool) or not isinstance(value, (type(default), int)):
            raise ConfigError(f"{name}.{key} must be a {type(default).__name__}, got {value!r}")
        kwargs[key] = type(default)(value)
    return cls(**kwargs)


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """Defaults, then the TOML file, then keyword overrides (from the CLI)."""
    config = Config()
    if path is not None:
        path = Path(path)
        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except OSError as exc:
            raise ConfigError(f"cannot read config {path}: {exc.strerror or exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config {path} is not valid TOML: {exc}") from None
        sections = {
            "dedup": DedupConfig,
            "injected": InjectedConfig,
            "language": LanguageConfig,
            "boilerplate": BoilerplateConfig,
            "limits": LimitsConfig,
            "corpus": CorpusConfig,
            "html": HtmlConfig,
        }
        updates: dict[str, Any] = {}
        for key, value in data.items():
            if key in sections:
                updates[key] = _section(sections[key], value, key)
            elif key == "lang":
                if not (isinstance(value, str) and value.isalpha() and 2 <= len(value) <= 3):
                    raise ConfigError(f"lang must be an ISO 639-1 code such as 'fr', got {value!r}")
                updates["lang"] = value.lower()
            elif key == "min_chars":
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise ConfigError(f"min_chars must be a non-negative integer, got {value!r}")
                updates["min_chars"] = value
            elif key == "lexicons":
                extra = value.get("extra", []) if isinstance(value, dict) else value
                if not isinstance(extra, list) or not all(isinstance(p, str) for p in extra):
                    raise ConfigError("lexicons.extra must be a list of file paths")
                # Relative lexicon paths are relative to the config file.
                updates["lexicons"] = tuple(str((path.parent / p).resolve()) for p in extra)
            else:
                raise ConfigError(f"unknown section [{key}] in {path}")
        config = replace(config, **updates)
    clean = {k: v for k, v in overrides.items() if v is not None}
    return replace(config, **clean) if clean else config
