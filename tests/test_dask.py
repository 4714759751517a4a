"""cleaner.dask on a real LocalCluster (2 worker processes on 127.0.0.1): the output equals one process's."""

from __future__ import annotations

import json
import random
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from cleaner.cli import main  # noqa: E402
from cleaner.config import CorpusConfig  # noqa: E402
from cleaner.corpus import CorpusState, apply_line  # noqa: E402
from cleaner.dask import (  # noqa: E402
    DecidedCorpus,
    bag_from_inputs,
    clean_bag,
    clean_distributed,
    decide_duplicates,
    decide_on_cluster,
)
from cleaner.document import Document  # noqa: E402
from cleaner.pipeline import Pipeline  # noqa: E402
from cleaner.runner import Event, Settings, Unit, iter_inputs, map_inputs, warm_up  # noqa: E402
from tests.conftest import SEEDS, cleaner_exe  # noqa: E402
from tests.test_budget import PAGE, SLOW, python_sleep  # noqa: E402

STORY = (
    "The harbour authority approved a plan on Monday to dredge the northern channel before the winter storms, "
    "so that the ferries to the islands can keep their timetable even at low tide. Work starts in October and "
    "should last six weeks, during which the fishing fleet will moor at the southern quay. The mayor said the "
    "cost would be shared with the regional council and that the dredged sand would be used to rebuild the dunes "
    "north of the beach, which lost several metres to the sea last year."
)
NEAR_COPY = STORY.replace("on Monday", "on Tuesday").replace("six weeks", "seven weeks")
FOOTER = "The Harbour Gazette is published every morning by the cooperative of the town's fishermen."
TOPICS = [
    "the new library opened its doors to readers after two years of building work in the old market hall",
    "the football club signed a young goalkeeper from the neighbouring town for the next three seasons",
    "the school board decided to serve only local produce in the canteens from the start of next year",
    "the railway company announced a night train to the capital that will run twice a week all summer",
    "a storm flooded the lower streets of the old town and the firemen pumped water out of forty cellars",
    "the bakery on the main square won the regional prize for the best bread for the third year running",
    "the council voted to plant a thousand trees along the river to give shade to walkers in summer",
    "the theatre festival will host twelve companies from abroad during the first fortnight of July",
]


def _page(title: str, body: str) -> str:
    return f"{title}\n\n{body[0].upper()}{body[1:]}. Officials said {body}, and residents welcomed it.\n\n{FOOTER}\n"


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster: distributed.LocalCluster) -> Iterator[distributed.Client]:
    with distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, a site of pages sharing a footer, near-duplicate pages, and a JSONL export with copies."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, root / "seeds")
    site = root / "gazette"
    site.mkdir()
    for i, topic in enumerate(TOPICS):
        (site / f"{i:02}.txt").write_text(_page(f"News of the day {i}", topic), encoding="utf-8")
    (site / "10_story.txt").write_text(f"Dredging the channel\n\n{STORY}\n", encoding="utf-8")
    (site / "11_copy.txt").write_text(f"Dredging the channel\n\n{NEAR_COPY}\n", encoding="utf-8")
    lines = [{"id": f"r{i}", "text": f"{STORY if i % 3 == 0 else NEAR_COPY} Update {i}."} for i in range(9)]
    lines.append({"id": "r0", "text": STORY})  # the same id again
    lines.append({"id": "empty", "text": ""})
    (root / "export.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    return root


def _reference(*args: str) -> str:
    result = CliRunner().invoke(main, ["clean", "-q", "--jobs", "1", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_clean_bag_gives_the_events_of_one_process(client: distributed.Client, corpus_dir: Path) -> None:
    settings = Settings()
    events = clean_bag(bag_from_inputs([str(corpus_dir)], settings, npartitions=5), settings).compute()
    expected = [e for _, evs in map_inputs(iter_inputs((str(corpus_dir),)), settings) for e in evs]
    assert [(e.kind, e.text, e.source) for e in events] == [(e.kind, e.text, e.source) for e in expected]


def test_clean_distributed_equals_jobs_1(client: distributed.Client, corpus_dir: Path) -> None:
    reference = _reference("--dedup", "corpus", str(corpus_dir))
    out = "".join(clean_distributed([str(corpus_dir)], Settings(), dedup=True, npartitions=7))
    assert out == reference
    records = [json.loads(line) for line in out.splitlines()]
    # The run exercised both corpus rules.
    assert sum(r["duplicate_of"] is not None for r in records) >= 5
    assert any("site-boilerplate" in r["removed"] for r in records)
    plain = "".join(clean_distributed([str(corpus_dir)], Settings(), npartitions=3))
    assert plain == _reference(str(corpus_dir))


def test_drop_duplicates_through_a_scheduler_address(cluster: distributed.LocalCluster, corpus_dir: Path) -> None:
    out = clean_distributed([str(corpus_dir)], Settings(), cluster.scheduler_address, dedup=True, drop_duplicates=True)
    assert "".join(out) == _reference("--dedup", "corpus", "--drop-duplicates", str(corpus_dir))


def _chain(rng: random.Random) -> tuple[str, str, str]:
    """A; B, a near copy of A; C, a near copy of B but not of A."""
    vocab = [f"w{i}" for i in range(5000)]
    a = [rng.choice(vocab) for _ in range(300)]

    def mutate(words: list[str], start: int) -> list[str]:
        words = list(words)
        for p in range(start, start + 28, 7):
            words[p] = rng.choice(vocab)
        return words

    b = mutate(a, 3)
    c = mutate(b, 150)
    return " ".join(a), " ".join(b), " ".join(c)


def test_band_shuffle_dedup_equals_corpus_state_on_chains(client: distributed.Client) -> None:
    rng = random.Random(7)
    config = CorpusConfig(site_min_docs=3)
    state = CorpusState(config=config)
    a, b, c = _chain(rng)
    sa, sb, sc = (state.signature(t) for t in (a, b, c))
    assert sb.jaccard(sc) >= config.threshold > sa.jaccard(sc), "the chain premise"
    texts: list[tuple[str, str]] = [("A", a), ("B", b), ("C", c)]
    for k in range(30):  # more chains, copies and the same id twice, shuffled in
        x, y, z = _chain(rng)
        texts += [(f"x{k}", x), (f"y{k}", y), (f"z{k}", z), (f"x{k}", x), (f"w{k}", y)]
    rng.shuffle(texts)
    texts = [("A", a), ("B", b), ("C", c), *texts]
    footer = "A line every page of this site carries at its foot, long enough to count."
    records = [
        {"id": i, "source": f"{n}.txt", "site": f"s{n % 2}", "text": f"{t}\n{footer}" if n % 3 else t}
        for n, (i, t) in enumerate(texts)
    ]
    lines = [json.dumps(r) + "\n" for r in records]
    expected = [apply_line(line, state) for line in lines]
    assert [json.loads(line)["duplicate_of"] for line, _ in expected[:3]] == [None, "A", None]

    pairs = [(Unit(f"{n}.txt"), [Event("record", text=line, source=f"{n}.txt")]) for n, line in enumerate(lines)]
    decided = DecidedCorpus(config)
    decide_on_cluster(db.from_sequence(pairs, npartitions=6), decided)
    assert [apply_line(line, decided) for line in lines] == expected


def test_band_shuffle_with_an_index_equals_corpus_state_over_two_days(client: distributed.Client) -> None:
    """Chains split over two runs: the second is deduplicated against the first one's index, and within itself."""
    rng = random.Random(5)
    config = CorpusConfig(site_min_docs=3)
    texts: list[tuple[str, str]] = []
    for k in range(24):
        x, y, z = _chain(rng)
        texts += [(f"x{k}", x), (f"y{k}", y), (f"z{k}", z), (f"x{k}", x), (f"w{k}", y)]
    rng.shuffle(texts)
    footer = "A line every page of this site carries at its foot, long enough to count."
    lines = [
        json.dumps({"id": i, "source": f"{n}.txt", "site": f"s{n % 2}", "text": f"{t}\n{footer}" if n % 3 else t})
        + "\n"
        for n, (i, t) in enumerate(texts)
    ]
    reference = CorpusState(config=config)
    state = CorpusState(config=config)
    for day in (lines[:50], lines[50:]):
        expected = [apply_line(line, reference) for line in day]
        pairs = [(Unit(f"{n}.txt"), [Event("record", text=line, source=f"{n}.txt")]) for n, line in enumerate(day)]
        decided = DecidedCorpus(config, state, index=True)
        decide_on_cluster(db.from_sequence(pairs, npartitions=5), decided)
        assert [apply_line(line, decided) for line in day] == expected
        assert list(state.order.items()) == list(reference.order.items())
        assert (state.sigs, state.site_lines) == (reference.sigs, reference.site_lines)
    # Day 2 found duplicates in day 1's index, and kept documents only close to day-1 duplicates.
    decisions = [json.loads(line)["duplicate_of"] for line, _ in expected]
    day1_ids = {json.loads(line)["id"] for line in lines[:50]}
    assert any(d in day1_ids for d in decisions) and any(d not in day1_ids for d in decisions if d)


def test_decide_duplicates_rule() -> None:
    # 0 kept; 1 duplicates 0; 2 near only 1 (a duplicate): kept; 3 has the id of 0: kept, not indexed;
    # 4 near only 3 (not indexed): kept; 5 empty.
    ids = ["a", "b", "c", "a", "d", "e"]
    edges = [(0, 1), (1, 2), (3, 4)]
    assert decide_duplicates(ids, {0, 1, 2, 3, 4}, edges) == {1: "a"}
    assert decide_duplicates(["a", "b", "c"], {0, 1, 2}, [(0, 2), (1, 2)]) == {2: "a"}


def test_cli_scheduler_equals_jobs_1(cluster: distributed.LocalCluster, corpus_dir: Path) -> None:
    args = ["clean", "-q", "--dedup", "corpus", str(corpus_dir)]
    expected = subprocess.run([cleaner_exe(), *args, "--jobs", "1"], capture_output=True, check=True).stdout
    run = subprocess.run([cleaner_exe(), *args, "--scheduler", cluster.scheduler_address], capture_output=True)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout == expected


def test_cli_unreachable_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = tmp_path / "out.jsonl"
    run = subprocess.run(
        [cleaner_exe(), "clean", str(SEEDS), "-o", str(out), "--scheduler", f"tcp://127.0.0.1:{port}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert "cannot reach the Dask scheduler" in run.stderr
    assert "Traceback" not in run.stderr
    assert not out.exists() and not Path(f"{out}.partial").exists()


# -- a persistent corpus index (--index) with --scheduler ------------------------------------------


def _index_contents(path: Path) -> tuple[Any, ...]:
    """What a saved index holds, comparable across processes (a pickle's sets follow the hash seed)."""
    state = CorpusState.load(str(path), CorpusConfig())
    lsh = state.lsh
    tables = [{h: sorted(table.get(h)) for h in list(table.keys())} for table in lsh.hashtables]
    keys = {k: list(lsh.keys.get(k)) for k in list(lsh.keys.keys())}
    scheme = getattr(lsh, "_minhash_scheme", None)
    return list(state.order.items()), state.sigs, state.site_lines, tables, keys, scheme


CHOIR = (
    "The cathedral choir will sing at the harvest fair on Sunday morning, the parish announced in its newsletter, "
    "and the bakers of the lower town will sell bread shaped like sheaves of wheat."
)


@pytest.fixture(scope="module")
def two_days(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str]]:
    """Two successive crawls of one site (a footer on every page) and a JSONL export each.

    Day 2 brings near copies of day-1 documents (duplicates through the index), a record with the
    id of an indexed one, the same page as day 1 again, copies within the day, and B near both A
    (day 1) and C (day 2, kept: not near A), which the index's order makes a duplicate of A.
    """
    a, b, c = _chain(random.Random(7))
    root = tmp_path_factory.mktemp("days")
    site = root / "gazette"  # a text file's site is its directory: the same on both days
    site.mkdir()

    def page(name: str, text: str) -> str:
        path = site / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    def export(name: str, rows: list[dict[str, str]]) -> str:
        path = root / name
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return str(path)

    day1 = [page(f"a{i}.txt", _page(f"News of the day {i}", t)) for i, t in enumerate(TOPICS[:5])]
    day1.append(page("a_story.txt", f"Dredging the channel\n\n{STORY}\n"))
    day1.append(
        export(
            "day1.jsonl",
            [
                {"id": "r0", "text": CHOIR},
                {"id": "r1", "text": NEAR_COPY + " Second report."},
                {"id": "r2", "text": f"{TOPICS[6].capitalize()}. {TOPICS[7]}, the town hall said."},
                {"id": "A", "text": a},
            ],
        )
    )
    day2 = [page(f"b{i}.txt", _page(f"More news {i}", t)) for i, t in enumerate(TOPICS[5:])]
    day2.append(page("b_copy.txt", f"Dredging the channel\n\n{NEAR_COPY}\n"))  # near day 1's story
    day2.append(day1[0])  # the same page again: its own id, indexed already
    day2.append(
        export(
            "day2.jsonl",
            [
                {"id": "r0", "text": CHOIR},  # an indexed id: never its own duplicate
                {"id": "s1", "text": f"{TOPICS[6].capitalize()}. {TOPICS[7]}, the town hall said today."},
                {"id": "s2", "text": f"{TOPICS[0].capitalize()} and {TOPICS[1]}, in the same week."},
                {"id": "s3", "text": f"{TOPICS[0].capitalize()} and {TOPICS[1]}, in the same week!"},
                {"id": "s4", "text": ""},
                {"id": "C", "text": c},
                {"id": "B", "text": b},
            ],
        )
    )
    return day1, day2


def test_cli_scheduler_with_an_index_equals_jobs_1_over_two_runs(
    cluster: distributed.LocalCluster, two_days: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    reference_index, cluster_index = tmp_path / "reference.idx", tmp_path / "cluster.idx"
    outputs = []
    for day in two_days:
        args = ["clean", "-q", "--dedup", "corpus", *day]
        expected = subprocess.run(
            [cleaner_exe(), *args, "--jobs", "1", "--index", str(reference_index)], capture_output=True, check=True
        ).stdout
        run = subprocess.run(
            [cleaner_exe(), *args, "--scheduler", cluster.scheduler_address, "--index", str(cluster_index)],
            capture_output=True,
        )
        assert run.returncode == 0, run.stderr.decode()
        assert run.stdout == expected
        assert _index_contents(cluster_index) == _index_contents(reference_index)
        outputs.append([json.loads(line) for line in run.stdout.decode().splitlines()])

    first, second = outputs
    day1_ids = {r["id"] for r in first if r["duplicate_of"] is None}
    decisions = {(r["source"].rsplit("/", 1)[-1], r["id"]): r["duplicate_of"] for r in second}
    by_index = {k: v for k, v in decisions.items() if v in day1_ids}
    # Day 2 was deduplicated against day 1 (through the index) and within itself.
    assert {name for name, _ in by_index} >= {"b_copy.txt", "day2.jsonl"}
    assert any(v is not None and v not in day1_ids for v in decisions.values())
    assert decisions[("day2.jsonl", "r0")] is None and decisions[("a0.txt", first[0]["id"])] is None
    assert (decisions[("day2.jsonl", "C")], decisions[("day2.jsonl", "B")]) == (None, "A")
    # The footer counts of day 1 came back from the index: gone from day 2's first page already.
    assert "site-boilerplate" not in first[0]["removed"]
    assert second[0]["removed"].get("site-boilerplate") == 1


def test_clean_distributed_with_an_index_equals_one_process(
    client: distributed.Client, two_days: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    reference = CorpusState(config=CorpusConfig())
    index = tmp_path / "corpus.idx"
    for day in two_days:
        expected = [
            apply_line(e.text, reference)[0]
            for _, events in map_inputs(iter_inputs(tuple(day)), Settings())
            for e in events
            if e.kind == "record"
        ]
        assert list(clean_distributed(day, Settings(), dedup=True, npartitions=3, index=str(index))) == expected
    reference.save(str(tmp_path / "reference.idx"))
    assert _index_contents(index) == _index_contents(tmp_path / "reference.idx")


# -- the per-document time budget on workers -------------------------------------------------------


@pytest.mark.filterwarnings("ignore:Port .* is already in use")  # the module cluster has it
def test_a_document_over_the_time_budget_on_a_worker_is_a_timeout_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worker threads in this process (processes=False), so that they see the slow stage patched in here."""
    run = Pipeline.run
    slow_threads: list[threading.Thread] = []

    def slow_run(self: Pipeline, doc: Document) -> Document:
        if SLOW in doc.raw:
            slow_threads.append(threading.current_thread())
            python_sleep(30)
        return run(self, doc)

    monkeypatch.setattr(Pipeline, "run", slow_run)
    config = tmp_path / "budget.toml"
    config.write_text("[limits]\ntime_budget = 1.0\n", encoding="utf-8")
    settings = Settings(config_path=str(config))
    warm_up(settings)  # language profiles load once, outside any budget
    rows = [{"id": f"d{i}", "text": f"{SLOW} {PAGE}" if i in (1, 4) else f"{PAGE}Item {i}."} for i in range(7)]
    pages = tmp_path / "pages.jsonl"
    pages.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    inputs = (str(pages), str(SEEDS / sorted(p.name for p in SEEDS.iterdir())[0]))
    expected = [e for _, events in map_inputs(iter_inputs(inputs), settings) for e in events]  # SIGALRM here
    timeouts = [e.error for e in expected if e.kind == "error"]
    assert [(t["id"], t["error"]) for t in timeouts] == [("d1", "Timeout"), ("d4", "Timeout")]
    assert "time budget of 1 s" in timeouts[0]["message"]
    assert sum(e.kind == "record" for e in expected) == 6

    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            protocol="tcp://",
            host="127.0.0.1",
            dashboard_address=None,
        ) as local,
        distributed.Client(local) as threads,
    ):
        bag = clean_bag(bag_from_inputs(inputs, settings, npartitions=2), settings)
        events = bag.compute(scheduler=threads)
    assert [(e.kind, e.text, e.source, e.error) for e in events] == [
        (e.kind, e.text, e.source, e.error) for e in expected
    ]
    # The slow pages ran in the main thread (SIGALRM), then in worker threads (the watchdog).
    assert len(slow_threads) == 4 and threading.main_thread() not in slow_threads[2:]
