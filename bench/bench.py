"""Throughput of cleaner's text mode, one process: pages/s and MB/s.

usage: python bench/bench.py [--repeat N] [DIR_OR_FILE ...]

Without arguments it reads seeds/ and, when present, the development text dumps
in ../shared/devdata/*/text. Each corpus is cleaned ``--repeat`` times after a
warm-up page (lazy imports, language profiles); the best run is reported, as
timings on a shared machine only ever err on the slow side.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cleaner import default_pipeline
from cleaner.readers.text import read_text
from cleaner.writers.jsonl import dumps, to_record

ROOT = Path(__file__).resolve().parent.parent
DEVDATA = ROOT.parent / "shared" / "devdata"


def corpora(args: list[str]) -> dict[str, list[Path]]:
    if args:
        return {a: sorted(p for p in Path(a).rglob("*") if p.is_file()) if Path(a).is_dir() else [Path(a)] for a in args}
    found = {"seeds": sorted((ROOT / "seeds").glob("*.txt"))}
    for text_dir in sorted(DEVDATA.glob("*/text")):
        found[f"devdata/{text_dir.parent.name}"] = sorted(text_dir.glob("*.txt"))
    return found


def run_once(pipeline, pages: list[tuple[str, bytes]]) -> float:
    start = time.perf_counter()
    for source, data in pages:
        dumps(to_record(pipeline.run(read_text(data, source))))
    return time.perf_counter() - start


def html_pages() -> list[tuple[str, bytes]]:
    return [(str(f), f.read_bytes()) for f in sorted(DEVDATA.glob("*/html/*.html"))]


def bench_html(pipeline, repeat: int) -> None:
    """cleaner's HTML path against trafilatura.extract alone, same pages, same run."""
    import trafilatura

    from cleaner.readers import read_input

    pages = html_pages()
    if not pages:
        return

    def ours() -> float:
        start = time.perf_counter()
        for source, data in pages:
            for doc in read_input(data, source, "html"):
                dumps(to_record(pipeline.run(doc)))
        return time.perf_counter() - start

    def theirs() -> float:
        start = time.perf_counter()
        for _, data in pages:
            trafilatura.extract(data)
        return time.perf_counter() - start

    ours(), theirs()  # warm-up
    t_ours = min(ours() for _ in range(repeat))
    t_theirs = min(theirs() for _ in range(repeat))
    n = len(pages)
    print(f"\nHTML mode, {n} devdata pages, 1 process, best of {repeat}")
    print(f"{'trafilatura.extract alone':28s} {1000 * t_theirs / n:7.1f} ms/page")
    print(f"{'cleaner clean (HTML path)':28s} {1000 * t_ours / n:7.1f} ms/page  ({t_ours / t_theirs:.2f}x)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-html", action="store_true", help="skip the HTML comparison")
    ap.add_argument("paths", nargs="*")
    a = ap.parse_args()
    pipeline = default_pipeline()
    sets = corpora(a.paths)
    all_pages: list[tuple[str, bytes]] = []
    print(f"{'corpus':28s} {'pages':>6s} {'MB':>7s} {'pages/s':>9s} {'MB/s':>7s}   (text mode, 1 process, best of {a.repeat})")
    for name, files in sets.items():
        pages = [(str(f), f.read_bytes()) for f in files]
        if not pages:
            continue
        all_pages.extend(pages)
        run_once(pipeline, pages[:1])
        best = min(run_once(pipeline, pages) for _ in range(a.repeat))
        mb = sum(len(d) for _, d in pages) / 1e6
        print(f"{name:28s} {len(pages):6d} {mb:7.2f} {len(pages) / best:9.1f} {mb / best:7.2f}")
    if len(sets) > 1 and all_pages:
        best = min(run_once(pipeline, all_pages) for _ in range(a.repeat))
        mb = sum(len(d) for _, d in all_pages) / 1e6
        print(f"{'all':28s} {len(all_pages):6d} {mb:7.2f} {len(all_pages) / best:9.1f} {mb / best:7.2f}")
    if not a.no_html and not a.paths:
        bench_html(pipeline, a.repeat)


if __name__ == "__main__":
    main()
