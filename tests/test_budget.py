"""The per-document time budget off the main thread: a watchdog raises BudgetExceeded in the cleaning thread."""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cleaner.document import Document
from cleaner.pipeline import Pipeline
from cleaner.runner import BudgetExceeded, Settings, clean_unit, iter_inputs, time_budget, warm_up

SLOW = "SLOW-PAGE-MARKER"
PAGE = (
    "The river festival returns\n\nThe river festival returns to the old port this weekend with boat races, music "
    "on the quays and a market of local producers, the organisers said on Thursday, after two years of absence.\n"
)


def in_thread(fn: Callable[[], Any]) -> Any:
    """``fn()`` run in a new (non-main) thread; its result, or its exception raised here."""
    out: dict[str, Any] = {}

    def target() -> None:
        try:
            out["value"] = fn()
        except BaseException as exc:  # BudgetExceeded included
            out["error"] = exc

    t = threading.Thread(target=target)
    t.start()
    t.join(60)
    assert not t.is_alive()
    if "error" in out:
        raise out["error"]
    return out.get("value")


def python_sleep(seconds: float) -> None:
    """Sleep in Python code (an asynchronous exception arrives between two short sleeps)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.005)


def spin(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def test_a_block_over_the_budget_in_a_thread_raises_budget_exceeded() -> None:
    def run() -> float:
        started = time.monotonic()
        with pytest.raises(BudgetExceeded), time_budget(0.2):
            python_sleep(20)
        return time.monotonic() - started

    elapsed = in_thread(run)
    assert 0.2 <= elapsed < 10


def test_a_block_in_time_is_never_interrupted_afterwards() -> None:
    def run() -> str:
        for _ in range(3):
            with time_budget(0.05):
                spin(0.001)
        python_sleep(0.3)  # well past every deadline: no late exception
        return "done"

    assert in_thread(run) == "done"


def test_a_watchdog_racing_the_end_of_the_block_never_hits_the_code_after_it() -> None:
    """Bodies as long as the budget: the exception comes inside the block or not at all."""

    def run() -> tuple[int, int]:
        rng = random.Random(3)
        timeouts = in_time = 0
        for _ in range(300):
            try:
                with time_budget(0.002):
                    spin(rng.uniform(0.0, 0.004))
                in_time += 1
            except BudgetExceeded:
                timeouts += 1
            spin(0.0005)  # a pending exception that was not dropped would land here, outside the try
        python_sleep(0.05)
        return timeouts, in_time

    timeouts, in_time = in_thread(run)
    assert timeouts + in_time == 300
    assert timeouts and in_time


@pytest.fixture()
def slow_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages holding SLOW spend 30 s in Python code before the pipeline runs."""
    run = Pipeline.run

    def slow_run(self: Pipeline, doc: Document) -> Document:
        if SLOW in doc.raw:
            python_sleep(30)
        return run(self, doc)

    monkeypatch.setattr(Pipeline, "run", slow_run)


def test_clean_unit_in_a_thread_gives_the_main_thread_timeout_record(tmp_path: Path, slow_pages: None) -> None:
    config = tmp_path / "budget.toml"
    config.write_text("[limits]\ntime_budget = 0.5\n", encoding="utf-8")
    settings = Settings(config_path=str(config))
    warm_up(settings)  # language profiles load once, outside any budget
    records = [{"id": f"d{i}", "text": f"{SLOW} {PAGE}" if i == 1 else PAGE} for i in range(4)]
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    units = list(iter_inputs((str(path),)))

    def clean_all() -> list[tuple[str, str, dict]]:
        return [(e.kind, e.text, e.error) for u in units for e in clean_unit(u, settings)]

    expected = clean_all()  # main thread: SIGALRM
    assert [kind for kind, _, _ in expected] == ["record", "error", "record", "record"]
    assert expected[1][2]["error"] == "Timeout" and expected[1][2]["id"] == "d1"
    assert in_thread(clean_all) == expected


@pytest.mark.parametrize("drop", [True, False])
def test_a_pending_budget_exception_can_be_dropped_before_it_arrives(drop: bool) -> None:
    """What the watchdog relies on when it fires just as a block ends: a pending exception is dropped."""
    from cleaner.runner import _raise_in

    lock = threading.Lock()
    lock.acquire()
    started = threading.Event()
    result: dict[str, bool] = {}

    def target() -> None:
        started.set()
        try:
            lock.acquire(timeout=30)  # in C: an asynchronous exception waits until it returns
            spin(0.05)
            result["interrupted"] = False
        except BudgetExceeded:
            result["interrupted"] = True

    thread = threading.Thread(target=target)
    thread.start()
    started.wait()
    time.sleep(0.2)
    assert thread.ident is not None
    assert _raise_in(thread.ident, BudgetExceeded) == 1
    if drop:
        _raise_in(thread.ident, None)
    lock.release()
    thread.join(30)
    assert result == {"interrupted": not drop}
