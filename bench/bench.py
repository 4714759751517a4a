"""cleaner's benchmark: prints one table of figures. Never part of the tests.

usage: python bench/bench.py [--repeat N] [--quick] [--stream-mb MB] [--dedup-docs N] [--no-html]

Sections:
  text      pages/s and MB/s over seeds/ and the development text dumps (../shared/devdata/*/text),
            one process (--jobs 1) and a pool of two (--jobs 2), best of --repeat runs
  html      the HTML path against trafilatura.extract alone and jusText, same pages, same run
  dedup     corpus dedup (duplicate_of + site boilerplate) of synthetic documents: seconds, peak memory
  stream    a JSONL stream of --stream-mb MB through `cleaner clean -` (stdin): seconds, peak RSS
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVDATA = ROOT.parent / "shared" / "devdata"
CLEANER = Path(sys.executable).parent / "cleaner"

ROWS: list[tuple[str, str, str]] = []


def row(section: str, what: str, figure: str) -> None:
    ROWS.append((section, what, figure))
    print(f"  {section:7s} {what:52s} {figure}", flush=True)


def text_pages() -> list[tuple[str, bytes]]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(DEVDATA.glob("*/text/*.txt"))
    return [(str(f), f.read_bytes()) for f in files]


def bench_text(repeat: int) -> None:
    from cleaner.runner import Settings, Unit, map_inputs

    # Three passes over the pages: long enough for a pool's start-up to count as it does in real runs.
    pages = text_pages() * 3
    mb = sum(len(d) for _, d in pages) / 1e6
    settings = Settings()

    def run(jobs: int) -> float:
        start = time.perf_counter()
        for _ in map_inputs((Unit(s, d) for s, d in pages), settings, jobs):
            pass
        return time.perf_counter() - start

    run(1)  # warm-up: lazy imports, language profiles
    for jobs in (1, 2):
        best = min(run(jobs) for _ in range(repeat))
        row(
            "text",
            f"{len(pages)} pages, {mb:.2f} MB, --jobs {jobs}",
            f"{len(pages) / best:7.1f} pages/s {mb / best:6.2f} MB/s",
        )


def bench_html(repeat: int) -> None:
    import justext
    import trafilatura

    from cleaner import default_pipeline
    from cleaner.readers import read_input

    pages = [(str(f), f.read_bytes()) for f in sorted(DEVDATA.glob("*/html/*.html"))]
    if not pages:
        return
    pipeline = default_pipeline()
    stop = justext.get_stoplist("English")

    def ours() -> None:
        for source, data in pages:
            for doc in read_input(data, source, "html"):
                pipeline.run(doc)

    def trafilatura_alone() -> None:
        for _, data in pages:
            trafilatura.extract(data)

    def justext_alone() -> None:
        for _, data in pages:
            justext.justext(data, stop)

    timings = {}
    for name, fn in (
        ("trafilatura.extract alone", trafilatura_alone),
        ("jusText alone", justext_alone),
        ("cleaner (HTML path, all stages)", ours),
    ):
        fn()
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - start)
        timings[name] = best
    base = timings["trafilatura.extract alone"]
    for name, secs in timings.items():
        row("html", f"{name}, {len(pages)} pages", f"{1000 * secs / len(pages):7.1f} ms/page ({secs / base:.2f}x)")


def synthetic_docs(n: int, seed: int = 7) -> list[dict]:
    """Documents of 150-400 words from a 5,000-word vocabulary; every tenth is a near-copy of an earlier one."""
    rnd = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]
    docs: list[dict] = []
    for i in range(n):
        if i >= 10 and i % 10 == 0:
            words = docs[rnd.randrange(i)]["text"].split()
            for _ in range(3):
                words[rnd.randrange(len(words))] = rnd.choice(vocab)
            text = " ".join(words)
        else:
            text = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(150, 400)))
        docs.append({"id": f"d{i}", "source": f"site{i % 50}/p{i}.txt", "text": text})
    return docs


def bench_dedup(n: int) -> None:
    from cleaner.config import CorpusConfig
    from cleaner.corpus import CorpusState, apply

    docs = synthetic_docs(n)
    state = CorpusState(config=CorpusConfig())
    state.duplicate_of("warm-up", "warm up the datasketch import")
    tracemalloc.start()
    start = time.perf_counter()
    dups = sum(1 for d in docs if apply(d, state)["duplicate_of"])
    secs = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    row(
        "dedup",
        f"{n} synthetic documents ({dups} duplicates found, {n // 10 - 1} planted)",
        f"{secs:7.1f} s  {n / secs:7.0f} docs/s  peak {peak / 1e6:.0f} MB traced",
    )


def bench_stream(mb: int) -> None:
    path = Path("/tmp") / f"cleaner-bench-stream-{mb}.jsonl"
    if not path.exists() or path.stat().st_size < mb * 1e6:
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(DEVDATA.glob("*/text/*.txt"))]
        texts = texts or [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
        with open(path, "w", encoding="utf-8") as fh:
            size, i = 0, 0
            while size < mb * 1e6:
                line = json.dumps({"id": f"s{i}", "text": texts[i % len(texts)]}) + "\n"
                fh.write(line)
                size += len(line.encode("utf-8"))
                i += 1
    start = time.perf_counter()
    with open(path, "rb") as stdin:
        proc = subprocess.Popen([str(CLEANER), "clean", "-", "-q"], stdin=stdin, stdout=subprocess.DEVNULL)
        # wait4: this child's own peak, not that of every process the benchmark started before it.
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    secs = time.perf_counter() - start
    peak_kb = usage.ru_maxrss
    row(
        "stream",
        f"{mb} MB JSONL through stdin, --jobs 1 (exit {proc.returncode})",
        f"{secs:7.1f} s  peak RSS {peak_kb / 1024:.0f} MB",
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="one run each, 20k dedup documents, 10 MB stream")
    ap.add_argument("--stream-mb", type=int, default=30)
    ap.add_argument("--dedup-docs", type=int, default=100_000)
    ap.add_argument("--no-html", action="store_true")
    a = ap.parse_args()
    if a.quick:
        a.repeat, a.dedup_docs, a.stream_mb = 1, 20_000, 10
    print(f"cleaner benchmark (best of {a.repeat}; 1 process unless said)")
    # The stream runs first, before the other benchmarks grow this process (pages, trafilatura, the
    # dedup index): a child forked from a large parent starts with the parent's pages resident, and
    # its peak RSS would count them.
    bench_stream(a.stream_mb)
    bench_text(a.repeat)
    if not a.no_html:
        bench_html(a.repeat)
    bench_dedup(a.dedup_docs)


if __name__ == "__main__":
    main()
