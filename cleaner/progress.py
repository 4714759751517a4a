"""A progress line on stderr while a run goes, only when stderr is a terminal.

Pipelines and logs get nothing but the final summary line.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType


class Progress:
    """Documents done and documents/s, redrawn at most a few times a second."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.done = 0
        self.started = time.perf_counter()
        self._last = 0.0
        self._bar = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress as RichProgress
            from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = RichProgress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                transient=True,
                # stderr: stdout carries records only.
                console=Console(stderr=True),
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self._bar.start()
            self._task = self._bar.add_task("cleaning", total=None)
        return self

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self._bar is None:
            return
        now = time.perf_counter()
        if now - self._last >= 0.2:
            rate = self.done / max(now - self.started, 1e-9)
            self._bar.update(self._task, description=f"{self.done} documents, {rate:.1f} docs/s")
            self._last = now

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
