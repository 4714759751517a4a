"""Inputs to output lines: the work of ``cleaner clean`` without the command line.

Each input (a file's bytes, or stdin's) is turned into a list of events, in
order: records to write, documents skipped on purpose, errors, warnings. The
function doing it takes only picklable values and builds its pipeline once
per process, so a process pool can map it over inputs and the output stays in
input order.
"""

from __future__ import annotations

import ctypes
import itertools
import json
import math
import os
import signal
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from .config import load_config
from .document import Document
from .pipeline import Pipeline, default_pipeline
from .readers import InputFailure, JsonlFields, Skipped, detect_format, read_input
from .readers.compression import decompressing_stream, peek_decompressed
from .readers.warc import looks_like_warc
from .writers.jsonl import dumps, to_record


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a worker needs to clean an input the way the command asked."""

    config_path: str | None = None
    lang: str | None = None
    min_chars: int | None = None
    keep_removed: bool = False
    input_format: str = "auto"
    fields: JsonlFields = field(default_factory=JsonlFields)
    output_format: str = "jsonl"
    # Attach Python tracebacks to the errors of failing documents.
    debug: bool = False


@dataclass(slots=True)
class Event:
    """One thing to report, in input order: ``kind`` is record, skip, error or warning."""

    kind: str
    text: str = ""
    source: str = ""
    removed: dict[str, int] = field(default_factory=dict)
    error: dict[str, Any] = field(default_factory=dict)
    doc_id: str = ""


@dataclass(frozen=True, slots=True)
class Unit:
    """One piece of work: a whole input, or one line of a JSONL stream read line by line."""

    source: str
    data: bytes | None = None
    failure: str | None = None
    # Format forced for this unit ("jsonl" for a streamed line), else the run's setting.
    fmt: str | None = None
    line: int = 1
    starts_input: bool = True
    # One document at most (a text or HTML page): --resume may skip it by its source alone.
    single_doc: bool = False


@dataclass(slots=True)
class Stats:
    """The run's accounting, for the summary line."""

    inputs: int = 0
    documents: int = 0
    written: int = 0
    too_short: int = 0
    skipped: int = 0
    errors: int = 0
    duplicates: int = 0
    removed: Counter[str] = field(default_factory=Counter)

    def add(self, event: Event) -> None:
        if event.kind == "record":
            self.documents += 1
            self.written += 1
            self.removed.update(event.removed)
        elif event.kind == "too_short":
            self.documents += 1
            self.too_short += 1
        elif event.kind == "skip":
            self.skipped += 1
        elif event.kind == "error":
            self.errors += 1

    def summary(self, seconds: float) -> str:
        """One line that reconciles: documents in = written + skipped + errors."""
        removed = sum(self.removed.values())
        top = ", ".join(f"{k} {v}" for k, v in self.removed.most_common(4))
        docs_in = self.written + self.too_short + self.skipped + self.errors
        return (
            f"{self.inputs} inputs, {docs_in} documents in = {self.written} written + "
            f"{self.too_short + self.skipped} skipped ({self.too_short} too short, {self.skipped} not pages) + "
            f"{self.errors} errors; {removed} blocks removed"
            + (f" ({top})" if top else "")
            + (f"; {self.duplicates} duplicates" if self.duplicates else "")
            + f"; {seconds:.2f}s"
        )


@lru_cache(maxsize=4)
def pipeline_for(settings: Settings) -> Pipeline:
    """One pipeline per process and settings (stages and lexicons are built once)."""
    return default_pipeline(load_config(settings.config_path, lang=settings.lang, min_chars=settings.min_chars))


def render(doc: Document, settings: Settings) -> str:
    """The output text of one document: a JSONL line, or its text and a blank line."""
    if settings.output_format == "text":
        return doc.kept_text() + "\n\n"
    return dumps(to_record(doc, keep_removed=settings.keep_removed))


def error_event(source: str, error: str, message: str, doc_id: str | None = None) -> Event:
    record = {"source": source, "id": doc_id, "error": error, "message": message}
    return Event("error", text=message, source=source, error=record)


def clean_input(
    source: str, data: bytes | None, failure: str | None, settings: Settings, fmt: str | None = None, line: int = 1
) -> list[Event]:
    """All events of one input. ``failure`` is set (and ``data`` None) when the input could not be read."""
    if failure is not None or data is None:
        return [error_event(source, "InputError", failure or "unreadable")]
    pipeline = pipeline_for(settings)
    limits = pipeline.config.limits
    kind = fmt or settings.input_format
    if kind in ("text", "html") and len(data) > limits.max_bytes:
        return [error_event(source, "TooLarge", f"{source}: {len(data)} bytes exceed the limit of {limits.max_bytes}")]
    events: list[Event] = []
    items = read_input(data, source, kind, settings.fields, line, pipeline.config.html.full_metadata)
    while True:
        current: Document | None = None
        try:
            # Reading is part of a document's cost (HTML extraction): the budget covers it too.
            with time_budget(limits.time_budget):
                item = next(items, None)
                if item is None:
                    break
                if isinstance(item, Document):
                    current = item
                doc: Document | None = None
                if current is not None and len(current.raw) <= limits.max_bytes:
                    doc = pipeline.run(current)
        except BudgetExceeded:
            doc_id = current.id if current is not None else None
            message = f"{source}: took longer than the time budget of {limits.time_budget:g} s"
            events.append(error_event(source, "Timeout", message, doc_id))
            if current is None:
                break  # the reader itself was stopped: the rest of this input is lost with it
            continue
        except Exception as exc:  # one bad page must not stop a ten-hour run
            message = f"{source}: {type(exc).__name__}: {exc}"
            if settings.debug:
                message += "\n" + traceback.format_exc()
            events.append(error_event(source, type(exc).__name__, message, current.id if current else None))
            if current is None:
                break  # a reader that raised cannot go on
            continue
        events.extend(_events(item, doc, source, settings, pipeline.config.min_chars, limits.max_bytes))
    return events


def _events(
    item: object, doc: Document | None, source: str, settings: Settings, min_chars: int, max_bytes: int
) -> list[Event]:
    """What one reader item gives: an error, a skip, a too-short note, or a record with its warnings."""
    if isinstance(item, InputFailure):
        return [error_event(item.source, item.error, item.message)]
    if isinstance(item, Skipped):
        return [Event("skip", text=item.reason, source=item.source)]
    if doc is None:
        assert isinstance(item, Document)
        message = f"{item.source}: document of {len(item.raw)} characters exceeds the limit of {max_bytes}"
        return [error_event(item.source, "TooLarge", message, item.id)]
    events = [Event("warning", text=f"{source}: {w}", source=source) for w in doc.warnings]
    if len(doc.kept_text()) < min_chars:
        events.append(Event("too_short", source=source))
        return events
    events.append(
        Event("record", text=render(doc, settings), source=source, removed=doc.removed_counts(), doc_id=doc.id)
    )
    return events


class BudgetExceeded(BaseException):
    """A document used up its time budget (a BaseException, so no stage's handler swallows it)."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise BudgetExceeded in the block after ``seconds`` of real time.

    In the main thread a real-time timer signal (SIGALRM) raises it. In any other thread (a Dask
    worker's, a library caller's thread pool) a watchdog thread raises it asynchronously in the
    thread running the block (``PyThreadState_SetAsyncExc``), so the budget applies there too.

    Either way Python raises it between two bytecodes of the block: a long call into C (an lxml
    parse, a regular expression) is interrupted only when it returns to Python code.
    """
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        watchdog = _watchdog()
        key = watchdog.arm(seconds)
        try:
            yield
        finally:
            watchdog.disarm(key)
        return

    def expire(signum: int, frame: object) -> None:
        raise BudgetExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _raise_in(ident: int, exc: type[BaseException] | None) -> int:
    """Schedule ``exc`` in the thread ``ident`` (None: drop the one pending there); threads affected."""
    return ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), ctypes.py_object(exc) if exc is not None else None
    )


class _Watchdog:
    """One daemon thread per process raising BudgetExceeded in threads whose deadline has passed.

    A watch is a key ``(thread ident, token)``, the token new for each watch, in ``armed`` with its
    deadline. Whoever pops the key first owns it: the watched thread when the block ends in time
    (the watchdog then cannot fire at it any more), or the watchdog at the deadline, which then
    raises in the thread and records the token in ``fired``. A thread that finds its key gone
    waits for that record and drops the exception if it is still pending, so a late raise never
    reaches the code after the block (the next document). The watched thread takes no lock after
    the deadline: an exception arriving in the middle of a lock's release would leave it held.
    """

    def __init__(self) -> None:
        self.cond = threading.Condition(threading.Lock())
        self.armed: dict[tuple[int, int], float] = {}
        self.fired: dict[int, int] = {}  # thread ident -> token of the last watch it was raised for
        self.tokens = itertools.count(1)
        self.wake = math.inf  # the deadline the watchdog sleeps until
        self.thread: threading.Thread | None = None

    def arm(self, seconds: float) -> tuple[int, int]:
        # No exception can be pending for this thread here (see disarm): taking the lock is safe.
        with self.cond:
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, name="cleaner-time-budget", daemon=True)
                self.thread.start()
            key = (threading.get_ident(), next(self.tokens))
            deadline = time.monotonic() + seconds
            self.armed[key] = deadline
            if deadline < self.wake:
                self.cond.notify()
        return key

    def disarm(self, key: tuple[int, int]) -> None:
        if self.armed.pop(key, None) is not None:
            return  # in time: the watchdog can no longer fire for this watch
        # The watchdog took the watch: wait until it has raised (if the exception arrives
        # meanwhile, it leaves from here, inside the block's with statement), then drop it if pending.
        ident, token = key
        while self.fired.get(ident) != token:
            time.sleep(0.0001)
        _raise_in(ident, None)

    def _run(self) -> None:
        with self.cond:
            while True:
                now = time.monotonic()
                wake = math.inf
                for key, deadline in list(self.armed.items()):
                    if deadline > now:
                        wake = min(wake, deadline)
                    elif self.armed.pop(key, None) is not None:
                        _raise_in(key[0], BudgetExceeded)
                        self.fired[key[0]] = key[1]
                self.wake = wake
                self.cond.wait(None if wake == math.inf else wake - now)


_WATCHDOG: _Watchdog | None = None
_WATCHDOG_LOCK = threading.Lock()


def _watchdog() -> _Watchdog:
    global _WATCHDOG
    if _WATCHDOG is None:
        with _WATCHDOG_LOCK:
            if _WATCHDOG is None:
                _WATCHDOG = _Watchdog()
    return _WATCHDOG


def _forget_watchdog() -> None:
    # A forked child has no watchdog thread, and the parent's may have held its lock at the fork.
    global _WATCHDOG, _WATCHDOG_LOCK
    _WATCHDOG = None
    _WATCHDOG_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_forget_watchdog)


def clean_unit(unit: Unit, settings: Settings) -> list[Event]:
    return clean_input(unit.source, unit.data, unit.failure, settings, unit.fmt, unit.line)


def _clean_unit(job: tuple[Unit, Settings]) -> list[Event]:
    return clean_unit(*job)


_WARM_UP_TEXT = (
    "Warm-up page\n\nThis short page exercises every stage once, so that language profiles, stoplists and "
    "the MinHash library are loaded before worker processes are forked. It repeats a sentence on purpose. "
    "This short page exercises every stage once, so that language profiles, stoplists and the MinHash "
    "library are all loaded before worker processes are forked.\n\nVa bene, grazie mille per tutto questo."
)


def warm_up(settings: Settings) -> None:
    """Run the pipeline once on a built-in page (and langdetect once) to load everything lazy."""
    from .langid import langdetect_guess

    pipeline = pipeline_for(settings)
    pipeline.run(Document(raw=_WARM_UP_TEXT, source="warm-up"))
    langdetect_guess("Questa frase serve solo a caricare i profili delle lingue.")


def map_inputs(units: Iterator[Unit], settings: Settings, jobs: int = 1) -> Iterator[tuple[Unit, list[Event]]]:
    """Events of every input, in input order; ``jobs`` > 1 cleans them in a process pool.

    At most a few inputs per worker are in flight, so memory stays bounded however
    many inputs there are.
    """
    if jobs <= 1:
        for unit in units:
            yield unit, clean_unit(unit, settings)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    if ctx.get_start_method() == "fork":
        # Load what every worker needs once, here: forked workers share it instead of each
        # paying for language profiles and imports on its first document.
        warm_up(settings)
    window = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        pending: deque = deque()
        for unit in units:
            pending.append((unit, pool.submit(_clean_unit, (unit, settings))))
            if len(pending) >= window:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def iter_inputs(inputs: tuple[str, ...], input_format: str = "auto") -> Iterator[Unit]:
    """Units of work for every input: files, directories (recursive, sorted), '-' for stdin.

    JSONL (by name or by its first line, compressed or not) is streamed line by line, so
    memory does not grow with the size of the file; anything else is read whole.
    """
    for item in inputs or ("-",):
        if item == "-":
            yield from _units("-", sys.stdin.buffer, input_format)
            continue
        path = Path(item)
        if path.is_dir():
            try:
                files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            except OSError as exc:
                yield Unit(item, failure=f"cannot list directory {item}: {exc.strerror or exc}")
                continue
            for p in files:
                yield from _open_units(str(p), input_format)
        else:
            yield from _open_units(item, input_format)


def _open_units(name: str, input_format: str) -> Iterator[Unit]:
    try:
        fh = open(name, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except FileNotFoundError:
        yield Unit(name, failure=f"{name}: no such file")
        return
    except IsADirectoryError:
        yield Unit(name, failure=f"{name}: is a directory")
        return
    except OSError as exc:
        yield Unit(name, failure=f"{name}: {exc.strerror or exc}")
        return
    with fh:
        yield from _units(name, fh, input_format)


def _is_jsonl(name: str, head: bytes, input_format: str) -> bool:
    if input_format != "auto":
        return input_format == "jsonl"
    return detect_format(head, name) == "jsonl" and not looks_like_warc(head)


def _units(name: str, raw: IO[bytes], input_format: str) -> Iterator[Unit]:
    try:
        peeked = raw.peek(1 << 16)[: 1 << 16] if hasattr(raw, "peek") else b""
        head = peek_decompressed(peeked)
        if not _is_jsonl(name, head, input_format):
            fmt = input_format if input_format != "auto" else detect_format(head, name)
            yield Unit(name, raw.read(), single_doc=fmt in ("text", "html"))
            return
        stream = decompressing_stream(raw)
        for n, line in enumerate(stream, start=1):
            yield Unit(name, line, fmt="jsonl", line=n, starts_input=n == 1)
    except (OSError, EOFError, ValueError) as exc:
        # A compressed stream cut short, a read error: the lines before it were already yielded.
        yield Unit(name, failure=f"{name}: {type(exc).__name__}: {exc}", starts_input=False)
    except Exception as exc:  # zstandard raises its own error type
        if type(exc).__name__ != "ZstdError":
            raise
        yield Unit(name, failure=f"{name}: zstd: {exc}", starts_input=False)


def error_line(event: Event) -> str:
    return json.dumps(event.error, ensure_ascii=False) + "\n"
