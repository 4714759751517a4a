"""Run ``cleaner clean`` on a Dask cluster, with the same output as one process.

Needs the ``dask`` extra (``pip install 'cleaner[dask]'``)::

    from distributed import Client
    from cleaner.dask import bag_from_inputs, clean_bag, clean_distributed
    from cleaner.runner import Settings

    settings = Settings()
    with Client("tcp://127.0.0.1:8786"):
        events = clean_bag(bag_from_inputs(["dumps/"], settings), settings)   # a dask.bag of runner.Event
        records = events.filter(lambda e: e.kind == "record").pluck("text")  # JSONL lines, in input order

    for line in clean_distributed(["dumps/"], settings, "tcp://127.0.0.1:8786", dedup=True, index="corpus.idx"):
        ...

What runs where:

- reading: the client reads the inputs (``runner.iter_inputs``: files, directories, stdin; JSONL
  line by line) and ships the units in the task graph, so workers need no shared file system;
- cleaning: on the workers, ``runner.clean_unit`` over each partition, the pipeline built once per
  worker process (``runner.pipeline_for``); a bag keeps partition order, so events come back in
  input order. The per-document time budget (``limits.time_budget``) applies as in one process,
  with the same Timeout error record: a worker runs tasks off its main thread, where no signal
  can be used, so a watchdog thread raises ``runner.BudgetExceeded`` in the worker's thread
  (``PyThreadState_SetAsyncExc``). Python delivers it between two bytecodes: a long call into C
  (an lxml parse) is interrupted when it returns, as the signal is in one process;
- corpus dedup (``--dedup corpus``): workers compute each record's MinHash and its LSH bands (the
  bands and band hashes of the single-process ``MinHashLSH``); a Dask shuffle groups the records
  by band; buckets of two and more records come back to the client, which takes the decisions in
  input order with the rule of ``CorpusState.duplicate_of``: a record duplicates the earliest
  *kept* record it shares a bucket with (one that is itself a duplicate does not count);
- a persistent corpus index (``--index``; ``DecidedCorpus(state=CorpusState.load(...), index=True)``):
  the shuffle still gives the in-run edges. The client then fetches the records' signatures
  (computed by the workers) one partition at a time, in input order, looks each record up in the
  index as loaded (a local LSH query: those documents come before this run's in the index's
  order, so a match there wins, as in one process), takes the decision, and adds each kept record
  to the index. The index saved afterwards is the one ``--jobs 1 --index`` saves, and its site
  line counts carry on into the site boilerplate plan. The client holds the index and one
  partition's signatures; the index's documents are not shipped to the workers;
- site boilerplate: order-dependent line counts per site, planned on the client from line hashes
  the workers send (not the texts), applied on the workers before hashing, and replayed on the
  client with ``CorpusState.strip_site_boilerplate`` when the records are written, as a check.

Cleaning holds a per-process lock (the pipeline and langdetect are not known to be thread-safe):
scale with worker processes (``dask worker --nworkers N --nthreads 1``), not threads. The time
budget starts with a document's cleaning, after the lock is taken.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter
from typing import Any

import dask
import dask.bag as db
import numpy as np
from dask import delayed

from .config import CorpusConfig, load_config
from .corpus import (
    CorpusState,
    apply_line,
    plan_site_boilerplate,
    site_line_keys,
    site_of,
    strip_lines,
)
from .runner import Event, Settings, Unit, clean_unit, iter_inputs

__all__ = [
    "DecidedCorpus",
    "bag_from_inputs",
    "bag_from_units",
    "clean_bag",
    "clean_distributed",
    "clean_pairs",
    "connect",
    "decide_duplicates",
    "decide_on_cluster",
    "map_on_cluster",
]

# Units per partition when the caller does not say.
PARTITION_SIZE = 16
# Seconds to reach a scheduler before giving up.
CONNECT_TIMEOUT = 5.0

_LOCK = threading.Lock()

Pair = tuple[Unit, list[Event]]


# -- bags -------------------------------------------------------------------------------------------


def bag_from_units(units: Iterable[Unit], npartitions: int | None = None) -> db.Bag:
    """A bag of ``runner.Unit`` in the given order (read on the client, shipped with the graph)."""
    items = list(units)
    if npartitions is None:
        npartitions = max(1, -(-len(items) // PARTITION_SIZE))
    return db.from_sequence(items, npartitions=max(1, min(npartitions, len(items) or 1)))


def bag_from_inputs(inputs: Iterable[str], settings: Settings, npartitions: int | None = None) -> db.Bag:
    """A bag of the units of ``inputs`` (files, directories, ``-``), as ``cleaner clean`` reads them.

    The client reads the files (``runner.iter_inputs``): workers need no access to them, at the cost
    of sending the bytes through the scheduler; fine for the sizes a first version targets.
    """
    return bag_from_units(iter_inputs(tuple(inputs), settings.input_format), npartitions)


def _clean_partition(units: Iterable[Unit], settings: Settings) -> list[Pair]:
    out: list[Pair] = []
    for unit in units:
        with _LOCK:
            events = clean_unit(unit, settings)
        out.append((replace(unit, data=None), events))
    return out


def _events(pairs: Iterable[Pair]) -> list[Event]:
    return [event for _, events in pairs for event in events]


def clean_pairs(units_bag: db.Bag, settings: Settings) -> db.Bag:
    """A bag of ``(unit, events)``, as ``runner.map_inputs`` yields them (the unit without its bytes)."""
    return units_bag.map_partitions(_clean_partition, settings)


def clean_bag(units_bag: db.Bag, settings: Settings) -> db.Bag:
    """A bag of ``runner.Event`` (records, skips, errors, warnings), the single-process run's, in its order."""
    return clean_pairs(units_bag, settings).map_partitions(_events)


# -- corpus dedup by band shuffle -------------------------------------------------------------------


def _record(event: Event) -> dict[str, Any] | None:
    """The record ``corpus.apply`` works on (a dict with a string text), else None."""
    if event.kind != "record":
        return None
    try:
        record = json.loads(event.text)
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return None
    return record


@dataclass(frozen=True, slots=True)
class _Meta:
    source: str
    doc_id: str
    id: str
    site: str
    keys: list[tuple[int, str]]


def _meta_partition(pairs: list[Pair], config: CorpusConfig) -> list[_Meta]:
    """Per corpus record of a partition: what the client needs to plan site boilerplate and decide."""
    out = []
    for event in _events(pairs):
        record = _record(event)
        if record is not None:
            keys = site_line_keys(record["text"], config.site_min_chars) if config.site_min_docs > 0 else []
            out.append(_Meta(event.source, event.doc_id, str(record.get("id", "")), site_of(record), keys))
    return out


@lru_cache(maxsize=4)
def _signer(config: CorpusConfig) -> CorpusState:
    return CorpusState(config=config)


def _band_partition(
    pairs: list[Pair], numbers: list[int | None], plan: dict[int, list[int]], config: CorpusConfig
) -> tuple[list[int], list[tuple[tuple[int, bytes], tuple[int, bytes]]], list[tuple[int, bytes]]]:
    """Numbers of the records with text, a (band key, (number, signature)) pair per band of each of
    them, and (number, signature) of each of them (fetched by the client only to update an index)."""
    state = _signer(config)
    present: list[int] = []
    pairs_out: list[tuple[tuple[int, bytes], tuple[int, bytes]]] = []
    signed: list[tuple[int, bytes]] = []
    records = (r for r in map(_record, _events(pairs)) if r is not None)
    for record, n in zip(records, numbers, strict=True):
        if n is None:
            continue
        text = strip_lines(record["text"], plan.get(n, ()))
        if not text.strip():
            continue
        present.append(n)
        values = signature_values(state, text)
        signed.append((n, values))
        pairs_out.extend((key, (n, values)) for key in band_keys(state, values))
    return present, pairs_out, signed


def signature_values(state: CorpusState, text: str) -> bytes:
    """The text's MinHash values as ``CorpusState`` stores them to verify candidates (uint32 bytes)."""
    return np.asarray(state.signature(text).hashvalues, dtype=np.uint32).tobytes()


def band_keys(state: CorpusState, values: bytes) -> list[tuple[int, bytes]]:
    """(band, key) of each band of a signature, hashed as the state's MinHashLSH hashes it."""
    hv = state.sketch(values).hashvalues
    lsh = state.lsh
    return [(band, lsh._H(hv[start:end])) for band, (start, end) in enumerate(lsh.hashranges)]


def similar(a: bytes, b: bytes, threshold: float) -> bool:
    """``CorpusState``'s check of an LSH candidate: the share of equal MinHash values is at least the threshold."""
    return float(np.mean(np.frombuffer(a, dtype=np.uint32) == np.frombuffer(b, dtype=np.uint32))) >= threshold


def _bucket_edges(group: tuple[tuple[int, bytes], list[Any]], config: CorpusConfig) -> list[tuple[int, int]]:
    """Verified candidate edges (earlier, later) of one LSH bucket.

    A pair sharing several buckets is reported by the first band they share only.
    """
    (band, _), members = group
    if len(members) < 2:
        return []
    signer = _signer(config)
    if signer.lsh is None:  # a worker that computed no signature itself
        signer._setup()
    ranges = signer.lsh.hashranges[:band]
    found = sorted({m[1] for m in members})
    edges = []
    for x, (i, a) in enumerate(found):
        va = np.frombuffer(a, dtype=np.uint32)
        for j, b in found[x + 1 :]:
            vb = np.frombuffer(b, dtype=np.uint32)
            if any(np.array_equal(va[s:e], vb[s:e]) for s, e in ranges):
                continue
            if similar(a, b, config.threshold):
                edges.append((i, j))
    return edges


def _partition_edges(groups: Iterable[Any], config: CorpusConfig) -> list[tuple[int, int]]:
    return [edge for group in groups for edge in _bucket_edges(group, config)]


class _Decider:
    """The rule of ``CorpusState.duplicate_of`` over records numbered in input order, called in that order.

    A record with text is a duplicate of the first document of the index it near-duplicates
    (``known``: found by the caller among the documents indexed by earlier runs, which come first
    in the index's order), else of the earliest *kept* record of this run (of another id) with an
    edge to it; otherwise it is kept, and indexed unless a document of the index already has its
    id. A duplicate is never a match for later records.
    """

    def __init__(self, ids: list[str], edges: Iterable[tuple[int, int]], indexed: Container[str] = ()) -> None:
        self.ids = ids
        self.earlier: dict[int, list[int]] = defaultdict(list)
        for i, j in edges:
            self.earlier[j].append(i)
        self.indexed = indexed  # ids indexed by earlier runs
        self.kept: dict[int, str] = {}  # number -> id of this run's records in the index
        self.new_ids: set[str] = set()

    def __call__(self, n: int, known: str | None = None) -> tuple[str | None, bool]:
        """(duplicate_of, joins the index) of record ``n``."""
        if known is not None:
            return known, False
        doc_id = self.ids[n]
        matches = [i for i in self.earlier.get(n, ()) if i in self.kept and self.kept[i] != doc_id]
        if matches:
            return self.kept[min(matches)], False
        if doc_id in self.new_ids or doc_id in self.indexed:
            return None, False
        self.new_ids.add(doc_id)
        self.kept[n] = doc_id
        return None, True


def decide_duplicates(ids: list[str], present: set[int], edges: Iterable[tuple[int, int]]) -> dict[int, str]:
    """``duplicate_of`` of records 0..n-1 (by number), from verified candidate edges (earlier, later).

    The rule of ``CorpusState.duplicate_of``, in input order, with an empty index: a record with
    text is a duplicate of the earliest *kept* record (of another id) with an edge to it; otherwise
    it is kept, and indexed unless a kept record already has its id. A duplicate is never a match
    for later records.
    """
    decide = _Decider(ids, edges)
    decisions: dict[int, str] = {}
    for n in sorted(present):
        duplicate, _ = decide(n)
        if duplicate is not None:
            decisions[n] = duplicate
    return decisions


@dataclass(slots=True)
class DecidedCorpus:
    """Stands in for ``CorpusState`` in ``corpus.apply_line`` once the cluster has decided.

    Site boilerplate is replayed with a real ``CorpusState`` (and checked against the plan the
    workers used); ``duplicate_of`` answers from the decisions, record by record in input order.

    ``state``: a ``CorpusState`` to continue (``CorpusState.load``: a persistent index), else a new
    one. With ``index`` (or a state that already indexes documents) the run is deduplicated
    against the state's documents too, and its kept records join the state's index as in one
    process, so that ``save`` writes what ``cleaner clean --jobs 1 --index`` would.
    """

    config: CorpusConfig
    state: CorpusState | None = None
    index: bool = False
    ids: list[str] = field(default_factory=list)
    plan: dict[int, list[int]] = field(default_factory=dict)
    decisions: dict[int, str] = field(default_factory=dict)
    _n: int = -1

    def __post_init__(self) -> None:
        if self.state is None:
            self.state = CorpusState(config=self.config)
        elif self.state.config != self.config:
            raise ValueError("the corpus state was built with other settings")

    @property
    def indexing(self) -> bool:
        """Whether the decisions involve the state's index (and update it)."""
        assert self.state is not None
        return self.index or bool(self.state.order)

    def save(self, path: str) -> None:
        """Write the state (index and site line counts) as ``CorpusState.save`` does, once every record went through."""
        if not self.indexing:
            raise RuntimeError("DecidedCorpus(index=True) is needed to save an index")
        assert self.state is not None
        self.state.save(path)

    def strip_site_boilerplate(self, site: str, text: str) -> tuple[str, int]:
        self._n += 1
        assert self.state is not None
        stripped, removed = self.state.strip_site_boilerplate(site, text)
        if removed != len(self.plan.get(self._n, ())):
            raise RuntimeError(f"site boilerplate of record {self._n} differs from the cluster's plan")
        return stripped, removed

    def duplicate_of(self, doc_id: str, text: str) -> str | None:
        if not text.strip():
            return None
        if self._n >= len(self.ids) or self.ids[self._n] != doc_id:
            raise RuntimeError(f"record {self._n} ({doc_id}) is not the one the cluster decided on")
        return self.decisions.get(self._n)


def decide_on_cluster(
    pairs_bag: db.Bag, corpus: DecidedCorpus, skip: frozenset[tuple[str, str]] | set = frozenset()
) -> None:
    """Fill ``corpus`` with the site boilerplate plan and the duplicate decisions for a (persisted) bag of pairs.

    ``skip``: (source, doc_id) of records left out of the corpus (not written, as with ``--resume``).
    """
    parts = pairs_bag.to_delayed()
    config = corpus.config
    state = corpus.state
    assert state is not None
    metas = dask.compute(*[delayed(_meta_partition)(p, config) for p in parts])
    # Number the records apply_line will see (not those --resume skips), plan site boilerplate.
    numbers: list[list[int | None]] = []
    counts: dict[str, dict[str, int]] = {}
    for meta in metas:
        part_numbers: list[int | None] = []
        for m in meta:
            if (m.source, m.doc_id) in skip:
                part_numbers.append(None)
                continue
            n = len(corpus.ids)
            corpus.ids.append(m.id)
            part_numbers.append(n)
            site_counts = counts.get(m.site)
            if site_counts is None:  # the counts of earlier runs (an index), copied: the replay updates them
                site_counts = counts[m.site] = dict(state.site_lines.get(m.site, {}))
            removed = plan_site_boilerplate(site_counts, m.keys, config.site_min_docs)
            if removed:
                corpus.plan[n] = removed
        numbers.append(part_numbers)
    del metas
    banded = dask.persist(
        *[
            delayed(_band_partition)(p, nums, {n: corpus.plan[n] for n in nums if n in corpus.plan}, config)
            for p, nums in zip(parts, numbers, strict=True)
        ]
    )
    band_pairs = db.from_delayed([delayed(itemgetter(1))(b) for b in banded])
    buckets = band_pairs.groupby(itemgetter(0), shuffle="tasks")
    edges = buckets.map_partitions(_partition_edges, config).compute()
    if corpus.indexing:
        corpus.decisions = _decide_with_index(banded, corpus, edges)
        return
    present = {n for ns in dask.compute(*[delayed(itemgetter(0))(b) for b in banded]) for n in ns}
    corpus.decisions = decide_duplicates(corpus.ids, present, edges)


def _decide_with_index(banded: Iterable[Any], corpus: DecidedCorpus, edges: list[tuple[int, int]]) -> dict[int, str]:
    """The decisions of a run deduplicated against an index too, which its kept records join.

    The in-run edges come from the band shuffle. The client fetches the records' signatures one
    partition at a time, in input order: it looks each one up among the documents the index held
    before the run (its own LSH query; they come first in the index's order, so such a match wins),
    and adds each record kept and not indexed yet to the index, as ``CorpusState.duplicate_of`` would.
    """
    state = corpus.state
    assert state is not None
    known = len(state.order)
    decide = _Decider(corpus.ids, edges, state.order)
    decisions: dict[int, str] = {}
    for part in banded:
        (signed,) = dask.compute(delayed(itemgetter(2))(part))
        for n, values in signed:
            doc_id = corpus.ids[n]
            match = state.indexed_match(doc_id, values, before=known) if known else None
            duplicate, joins = decide(n, match)
            if duplicate is not None:
                decisions[n] = duplicate
            elif joins:
                state.add(doc_id, values)
    return decisions


def map_on_cluster(
    units_bag: db.Bag,
    settings: Settings,
    corpus: DecidedCorpus | None = None,
    skip: frozenset[tuple[str, str]] | set = frozenset(),
) -> Iterator[Pair]:
    """``(unit, events)`` in input order, like ``runner.map_inputs``, cleaned on the current Dask scheduler.

    With ``corpus``, duplicates are decided by band shuffle before the first pair is yielded;
    pass each record event's text through ``corpus.apply_line(text, corpus)`` in order, as
    ``cleaner clean`` does with a ``CorpusState``. ``skip``: (source, doc_id) of records the caller
    will not write (``--resume``), left out of the corpus as the single-process run leaves them.
    """
    (pairs_bag,) = dask.persist(clean_pairs(units_bag, settings))
    if corpus is not None:
        decide_on_cluster(pairs_bag, corpus, skip)
    for part in pairs_bag.to_delayed():
        yield from part.compute()


# -- clients ----------------------------------------------------------------------------------------


def connect(address: str, timeout: float = CONNECT_TIMEOUT) -> Any:
    """A ``distributed.Client`` of the scheduler at ``address``; ValueError when it cannot be reached."""
    try:
        from distributed import Client
    except ImportError:
        raise ValueError("--scheduler needs Dask: pip install 'cleaner[dask]'") from None
    try:
        return Client(address, timeout=timeout)
    except Exception as exc:  # refused, timed out, bad address: all the caller can fix is the address
        raise ValueError(f"cannot reach the Dask scheduler at {address}: {type(exc).__name__}: {exc}") from None


@contextmanager
def _client(scheduler: str | None) -> Iterator[None]:
    if scheduler is None:
        yield
        return
    with connect(scheduler):
        yield


def clean_distributed(
    inputs: Iterable[str],
    settings: Settings,
    scheduler: str | None = None,
    dedup: bool = False,
    drop_duplicates: bool = False,
    npartitions: int | None = None,
    index: str | None = None,
) -> Iterator[str]:
    """The output lines of ``cleaner clean [--dedup corpus [--index PATH]] [--drop-duplicates] INPUTS``, in input order.

    ``scheduler``: a scheduler address (a client is opened and closed here); None uses the current
    Dask scheduler (an existing ``distributed.Client``, else Dask's local threads). ``index``: the
    corpus index file to load (if it exists) and to save once the last line has been yielded.
    Errors and warnings are not yielded: use ``clean_bag`` to see them.
    """
    if index is not None and not dedup:
        raise ValueError("an index needs dedup=True")
    config = load_config(settings.config_path, lang=settings.lang, min_chars=settings.min_chars).corpus
    state = CorpusState.load(index, config) if index is not None else None
    with _client(scheduler):
        corpus = DecidedCorpus(config, state, index=index is not None) if dedup else None
        for _, events in map_on_cluster(bag_from_inputs(inputs, settings, npartitions), settings, corpus):
            for event in events:
                if event.kind != "record":
                    continue
                if corpus is None:
                    yield event.text
                    continue
                line, duplicate = apply_line(event.text, corpus)
                if not (duplicate and drop_duplicates):
                    yield line
    if corpus is not None and index is not None:
        corpus.save(index)
