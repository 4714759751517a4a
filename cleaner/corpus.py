"""Across a corpus: near-duplicate documents and site boilerplate that survived page cleaning.

Both work on output records, in input order, so they give the same result
whether the pages were cleaned in one process, a pool or a Dask cluster.

- near-duplicate documents: a MinHash signature of each record's text (word
  shingles) is queried against a MinHashLSH index of the documents kept so
  far; a match makes the record ``duplicate_of`` the first one seen, otherwise
  the record joins the index;
- site boilerplate: a line (a kept block) that recurs in ``site_min_docs``
  documents of the same site (a footer, a disclaimer, a newsletter pitch) goes
  from every later document of that site.

The state (index and line counts) can be saved to and loaded from a local file
(``--index PATH``), so that a daily crawl is deduplicated against everything
seen before. No server is involved.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .config import CorpusConfig

_WORDS = re.compile(r"\w+")
_INDEX_VERSION = 3


def shingle_set(text: str, size: int) -> set[bytes]:
    tokens = _WORDS.findall(text.casefold())
    if len(tokens) < size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def site_of(record: dict[str, Any]) -> str:
    """The site a record belongs to: its site name, else its URL's host, else its source directory."""
    site = record.get("site")
    if isinstance(site, str) and site:
        return site.casefold()
    url = record.get("url")
    if isinstance(url, str) and url:
        return urlsplit(url).hostname or url
    return os.path.dirname(str(record.get("source", "")))


def _line_hash(line: str) -> str:
    key = " ".join(_WORDS.findall(line.casefold()))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True, slots=True)
class _Sketch:
    """Hash values standing in for a MinHash where ``MinHashLSH`` only reads them (query, insert)."""

    hashvalues: Any
    scheme: str

    def __len__(self) -> int:
        return len(self.hashvalues)


@dataclass(slots=True)
class CorpusState:
    """What a run has seen: the LSH index of kept documents and line counts per site."""

    config: CorpusConfig
    lsh: Any = None
    # Insertion order of indexed ids: "first seen" among several matches.
    order: dict[str, int] = field(default_factory=dict)
    # Signatures of the indexed documents (uint32 bytes), to verify LSH candidates.
    sigs: dict[str, bytes] = field(default_factory=dict)
    site_lines: dict[str, dict[str, int]] = field(default_factory=dict)
    _perm: Any = None

    def _setup(self) -> None:
        from datasketch import MinHash, MinHashLSH

        template = MinHash(num_perm=self.config.num_perm, seed=1)
        # The hash values' dtype: ``sketch`` rebuilds them from the uint32 values ``sigs`` keeps (the
        # schemes datasketch uses by default, "legacy" and "affine32", give 32-bit values).
        self._perm = (template.permutations, template.scheme, template.hashvalues.dtype)
        if self.lsh is None:
            # Tuned against false negatives (a near-copy missed), since candidates are verified below.
            self.lsh = MinHashLSH(threshold=self.config.threshold, num_perm=self.config.num_perm, weights=(0.1, 0.9))

    def signature(self, text: str) -> Any:
        from datasketch import MinHash

        if self._perm is None:
            self._setup()
        perm, scheme, _ = self._perm
        # crc32 is a C function: hashing shingles costs a fraction of datasketch's default sha1 wrapper.
        m = MinHash(num_perm=self.config.num_perm, permutations=perm, scheme=scheme, hashfunc=zlib.crc32)
        sh = shingle_set(text, self.config.shingle_size)
        if sh:
            m.update_batch(sorted(sh))
        return m

    # -- near-duplicate documents -------------------------------------------------------------

    def duplicate_of(self, doc_id: str, text: str) -> str | None:
        """The id of the first kept document this text near-duplicates, or None (and it is kept)."""
        if self._perm is None:
            self._setup()
        if not text.strip():
            return None
        import numpy as np

        sig = self.signature(text)
        values = np.asarray(sig.hashvalues, dtype=np.uint32)
        matches = [m for m in self.lsh.query(sig) if m != doc_id and self._similar(values, m)]
        if matches:
            return min(matches, key=lambda m: self.order.get(m, 0))
        if doc_id not in self.order:
            self.order[doc_id] = len(self.order)
            self.sigs[doc_id] = values.tobytes()
            self.lsh.insert(doc_id, sig)
        return None

    # -- the same, from MinHash values computed elsewhere (cleaner.dask: on the workers) ----------

    def sketch(self, values: bytes) -> _Sketch:
        """What ``MinHashLSH`` reads of the MinHash whose values (uint32 bytes, as in ``sigs``) are given."""
        import numpy as np

        if self._perm is None:
            self._setup()
        _, scheme, dtype = self._perm
        return _Sketch(np.frombuffer(values, dtype=np.uint32).astype(dtype), scheme)

    def indexed_match(self, doc_id: str, values: bytes, before: int | None = None) -> str | None:
        """The first indexed document these MinHash values near-duplicate (not ``doc_id``), or None.

        ``duplicate_of``'s query without the insertion; ``before``: only among the documents
        indexed first (the index as loaded, when this run's documents have joined it since).
        """
        import numpy as np

        sketch = self.sketch(values)
        array = np.frombuffer(values, dtype=np.uint32)
        limit = len(self.order) if before is None else before
        matches = [
            m
            for m in self.lsh.query(sketch)
            if m != doc_id and self.order.get(m, limit) < limit and self._similar(array, m)
        ]
        return min(matches, key=lambda m: self.order[m]) if matches else None

    def add(self, doc_id: str, values: bytes) -> bool:
        """Index a kept document by its MinHash values, as ``duplicate_of`` does; False if its id is indexed."""
        if doc_id in self.order:
            return False
        sketch = self.sketch(values)
        self.order[doc_id] = len(self.order)
        self.sigs[doc_id] = bytes(values)
        self.lsh.insert(doc_id, sketch)
        return True

    def _similar(self, values: Any, other: str) -> bool:
        """Estimated Jaccard similarity (share of equal MinHash values) at least the threshold."""
        import numpy as np

        stored = self.sigs.get(other)
        if stored is None:
            return False
        return float(np.mean(values == np.frombuffer(stored, dtype=np.uint32))) >= self.config.threshold

    # -- site boilerplate ---------------------------------------------------------------------

    def strip_site_boilerplate(self, site: str, text: str) -> tuple[str, int]:
        """The text without lines already seen in ``site_min_docs`` documents of the site; lines removed."""
        k = self.config.site_min_docs
        if k <= 0 or not text:
            return text, 0
        counts = self.site_lines.setdefault(site, {})
        kept: list[str] = []
        removed = 0
        seen_here: set[str] = set()
        for line in text.split("\n"):
            if len(line) < self.config.site_min_chars:
                kept.append(line)
                continue
            h = _line_hash(line)
            if counts.get(h, 0) >= k:
                removed += 1
                continue
            if h not in seen_here:
                seen_here.add(h)
                counts[h] = counts.get(h, 0) + 1
            kept.append(line)
        return "\n".join(kept), removed

    # -- persistence --------------------------------------------------------------------------

    def save(self, path: str) -> None:
        """Write the state to ``path`` atomically (a temporary file, then rename)."""
        tmp = f"{path}.tmp"
        with open(tmp, "wb") as fh:
            pickle.dump(
                {
                    "version": _INDEX_VERSION,
                    "config": self.config,
                    "lsh": self.lsh,
                    "order": self.order,
                    "sigs": self.sigs,
                    "site_lines": self.site_lines,
                },
                fh,
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: str, config: CorpusConfig) -> CorpusState:
        """The state saved at ``path``, or a new one when the file does not exist yet."""
        if not os.path.exists(path):
            return cls(config=config)
        try:
            with open(path, "rb") as fh:
                data = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
            raise ValueError(f"cannot read index {path}: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != _INDEX_VERSION:
            raise ValueError(f"{path} is not a cleaner index (or from another version)")
        if data["config"] != config:
            raise ValueError(f"{path} was built with other settings ({data['config']}); use a new index")
        return cls(
            config=config, lsh=data["lsh"], order=data["order"], sigs=data["sigs"], site_lines=data["site_lines"]
        )


def apply(record: dict[str, Any], state: CorpusState, dedup: bool = True) -> dict[str, Any]:
    """Site boilerplate, then near-duplicate detection, on one output record (changed in place)."""
    text = record.get("text")
    if not isinstance(text, str):
        return record
    stripped, n = state.strip_site_boilerplate(site_of(record), text)
    if n:
        record["text"] = stripped
        removed = record.setdefault("removed", {})
        if isinstance(removed, dict):
            removed["site-boilerplate"] = removed.get("site-boilerplate", 0) + n
    if dedup:
        record["duplicate_of"] = state.duplicate_of(str(record.get("id", "")), record["text"])
    return record


def apply_line(line: str, state: CorpusState, dedup: bool = True) -> tuple[str, bool]:
    """One JSONL line through ``apply``: (new line, is a duplicate)."""
    record = json.loads(line)
    if not isinstance(record, dict):
        return line, False
    apply(record, state, dedup)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n", bool(record.get("duplicate_of"))


# -- pure pieces of the above, for running the same rules elsewhere (cleaner.dask) -----------------


def site_line_keys(text: str, min_chars: int) -> list[tuple[int, str]]:
    """(line index, key) of each line ``strip_site_boilerplate`` counts: lines at least ``min_chars`` long."""
    if not text:
        return []
    return [(i, _line_hash(line)) for i, line in enumerate(text.split("\n")) if len(line) >= min_chars]


def plan_site_boilerplate(counts: dict[str, int], keys: list[tuple[int, str]], k: int) -> list[int]:
    """The indices of the lines ``strip_site_boilerplate`` removes, from ``site_line_keys`` alone.

    ``counts`` is the site's line counts so far, updated as the real method does, so calling this
    on every record of a site in input order gives the same removals.
    """
    if k <= 0:
        return []
    removed: list[int] = []
    seen_here: set[str] = set()
    for i, h in keys:
        if counts.get(h, 0) >= k:
            removed.append(i)
            continue
        if h not in seen_here:
            seen_here.add(h)
            counts[h] = counts.get(h, 0) + 1
    return removed


def strip_lines(text: str, removed: list[int] | tuple[int, ...] | set[int]) -> str:
    """``text`` without the lines at the ``removed`` indices (the result of a plan)."""
    if not removed:
        return text
    drop = set(removed)
    return "\n".join(line for i, line in enumerate(text.split("\n")) if i not in drop)
