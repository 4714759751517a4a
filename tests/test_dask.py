"""cleaner.dask on a real LocalCluster (2 worker processes on 127.0.0.1): the output equals one process's."""

from __future__ import annotations

import json
import random
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

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
from cleaner.runner import Event, Settings, Unit, iter_inputs, map_inputs  # noqa: E402
from tests.conftest import SEEDS, cleaner_exe  # noqa: E402

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
