"""Time each stage of the default pipeline over text dumps: where does a page's cost go?

usage: python bench/stage_times.py FILE_OR_DIR...
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from cleaner import default_pipeline
from cleaner.readers.text import read_text


def main(paths: list[str]) -> None:
    files = sorted(f for p in paths for f in (Path(p).rglob("*.txt") if Path(p).is_dir() else [Path(p)]))
    datas = [(str(f), f.read_bytes()) for f in files]
    pipe = default_pipeline()
    for source, data in datas:  # warm-up: lazy imports (datasketch, langdetect profiles) and caches
        pipe.run(read_text(data, source))
    spent: Counter[str] = Counter()
    t0 = time.perf_counter()
    for source, data in datas:
        doc = read_text(data, source)
        for stage in pipe.stages:
            t = time.perf_counter()
            stage(doc)
            spent[stage.name] += time.perf_counter() - t
    total = time.perf_counter() - t0
    n = len(datas)
    for name, secs in spent.most_common():
        print(f"{name:16s} {1000 * secs / n:7.2f} ms/page")
    print(f"{'total':16s} {1000 * total / n:7.2f} ms/page  {n / total:.1f} pages/s")


if __name__ == "__main__":
    main(sys.argv[1:])
