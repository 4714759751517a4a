"""Output files that never look complete before they are: write to OUTPUT.partial, rename at the end.

A killed run leaves ``OUTPUT.partial`` (and the previous OUTPUT, if any, untouched).
With ``resume`` the records already in the partial file (or in OUTPUT) are kept;
``done`` (their inputs) and ``done_ids`` (their source and id) let the run skip
what it already wrote.
"""

from __future__ import annotations

import json
import os
from typing import IO

from ..readers.compression import open_output, output_codec, read_prefix


def _keys(lines: list[bytes]) -> list[tuple[str, str]]:
    """(source, id) of each complete record line."""
    found: list[tuple[str, str]] = []
    for line in lines:
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict) and isinstance(rec.get("source"), str):
            found.append((rec["source"], str(rec.get("id"))))
    return found


class AtomicOutput:
    """A text output stream committed by rename; optionally resuming a previous run."""

    def __init__(self, path: str, resume: bool = False) -> None:
        self.path = path
        self.partial = path + ".partial"
        codec = output_codec(path)
        kept: list[bytes] = []
        if resume:
            previous = read_prefix(self.partial) if os.path.exists(self.partial) else read_prefix(path)
            lines = previous.split(b"\n")
            # A line cut by the kill has no newline after it: drop it, its input runs again.
            kept = [line for line in lines[:-1] if line.strip()]
        self.stream: IO[str] = open_output(self.partial, codec)
        self.done_ids: set[tuple[str, str]] = set()
        for line in kept:
            keys = _keys([line])
            if keys:
                self.done_ids.update(keys)
                self.stream.write(line.decode("utf-8", "replace") + "\n")
        # Inputs with a record already written.
        self.done: set[str] = {source for source, _ in self.done_ids}

    def write(self, text: str) -> None:
        self.stream.write(text)

    def commit(self) -> None:
        """Close and move into place: only now does OUTPUT hold the run's result."""
        self.stream.close()
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        """Close, leaving OUTPUT.partial for a later --resume."""
        self.stream.close()
