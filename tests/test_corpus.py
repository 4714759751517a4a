"""Corpus-wide cleaning: near-duplicate documents (duplicate_of), site boilerplate, a persistent index."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cleaner.cli import main
from cleaner.config import CorpusConfig
from cleaner.corpus import CorpusState, apply, site_of

STORY = (
    "The harbour authority approved a plan on Monday to dredge the northern channel before the winter storms, "
    "so that the ferries to the islands can keep their timetable even at low tide. Work starts in October and "
    "should last six weeks, during which the fishing fleet will moor at the southern quay. The mayor said the "
    "cost would be shared with the regional council and that the dredged sand would be used to rebuild the dunes "
    "north of the beach, which lost several metres to the sea last year. Residents will be able to see the plans "
    "at the town hall every afternoon this month, and a public meeting is planned for the last Thursday."
)
# The same story with a few words changed, as a syndicated copy would have it.
NEAR_COPY = STORY.replace("on Monday", "on Tuesday").replace("six weeks", "seven weeks")
OTHER = (
    "A group of volunteers has restored the old lighthouse keeper's cottage and will open it as a small museum "
    "of local maritime history next spring, with photographs lent by families from the village."
)
FOOTER = "Subscribe to the Harbour Gazette newsletter for the weekly tide tables and shipping news."


def record(doc_id: str, text: str, site: str = "gazette") -> dict:
    return {"id": doc_id, "source": f"{doc_id}.txt", "site": site, "text": text}


def test_near_duplicate_points_to_the_first_seen() -> None:
    state = CorpusState(config=CorpusConfig(site_min_docs=0))
    out = [apply(record(i, t), state) for i, t in (("a", STORY), ("b", OTHER), ("c", NEAR_COPY), ("d", STORY))]
    assert [r["duplicate_of"] for r in out] == [None, None, "a", "a"]


def test_different_stories_are_not_duplicates() -> None:
    state = CorpusState(config=CorpusConfig(site_min_docs=0))
    assert state.duplicate_of("a", STORY) is None
    assert state.duplicate_of("b", OTHER) is None
    assert state.duplicate_of("e", "") is None


def test_site_boilerplate_goes_after_k_documents_of_that_site() -> None:
    state = CorpusState(config=CorpusConfig(site_min_docs=2))
    texts = [f"Story number {n} about the harbour and the ferries, told at length.\n{FOOTER}" for n in range(4)]
    out = [apply(record(f"s{n}", t), state, dedup=False) for n, t in enumerate(texts)]
    assert [FOOTER in r["text"] for r in out] == [True, True, False, False]
    assert out[2]["removed"] == {"site-boilerplate": 1}
    # Another site has not seen the footer yet.
    other = apply(record("x", texts[0], site="other"), state, dedup=False)
    assert FOOTER in other["text"]


def test_site_falls_back_to_url_host_then_source_directory() -> None:
    assert site_of({"site": "Harbour Gazette"}) == "harbour gazette"
    assert site_of({"url": "https://news.example.org/a/b"}) == "news.example.org"
    assert site_of({"source": "dumps/gazette/page.txt"}) == "dumps/gazette"


def test_index_persists_between_runs(tmp_path) -> None:
    path = str(tmp_path / "corpus.idx")
    first = CorpusState.load(path, CorpusConfig())
    assert first.duplicate_of("a", STORY) is None
    first.save(path)
    second = CorpusState.load(path, CorpusConfig())
    assert second.duplicate_of("c", NEAR_COPY) == "a"


def test_index_built_with_other_settings_is_refused(tmp_path) -> None:
    path = str(tmp_path / "corpus.idx")
    CorpusState(config=CorpusConfig()).save(path)
    try:
        CorpusState.load(path, CorpusConfig(threshold=0.5))
    except ValueError as exc:
        assert "other settings" in str(exc)
    else:
        raise AssertionError("an index with other settings was accepted")


def _write_pages(tmp_path) -> list[str]:
    names = []
    for n, text in enumerate((STORY, OTHER, NEAR_COPY)):
        path = tmp_path / f"{n}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        names.append(str(path))
    return names


def test_cli_clean_dedup_corpus_marks_and_drops(tmp_path) -> None:
    pages = _write_pages(tmp_path)
    result = CliRunner().invoke(main, ["clean", "--dedup", "corpus", *pages])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["duplicate_of"] is None for r in recs] == [True, True, False]
    assert recs[2]["duplicate_of"] == recs[0]["id"]
    dropped = CliRunner().invoke(main, ["clean", "--dedup", "corpus", "--drop-duplicates", "-q", *pages])
    assert [json.loads(line)["source"] for line in dropped.stdout.splitlines()] == pages[:2]


def test_cli_dedup_command_with_index_across_runs(tmp_path) -> None:
    day1 = tmp_path / "day1.jsonl"
    day2 = tmp_path / "day2.jsonl"
    day1.write_text(json.dumps(record("a", STORY)) + "\n", encoding="utf-8")
    day2.write_text(json.dumps(record("c", NEAR_COPY)) + "\n" + json.dumps(record("b", OTHER)) + "\n")
    index = str(tmp_path / "corpus.idx")
    first = CliRunner().invoke(main, ["dedup", str(day1), "--index", index, "-q"])
    assert first.exit_code == 0 and json.loads(first.stdout)["duplicate_of"] is None
    second = CliRunner().invoke(main, ["dedup", str(day2), "--index", index, "--drop-duplicates", "-q"])
    assert second.exit_code == 0, second.output
    assert [json.loads(line)["id"] for line in second.stdout.splitlines()] == ["b"]


def test_jobs_two_equals_jobs_one_with_corpus_dedup(tmp_path) -> None:
    pages = _write_pages(tmp_path)
    one = CliRunner().invoke(main, ["clean", "--dedup", "corpus", "-q", "-j", "1", *pages])
    two = CliRunner().invoke(main, ["clean", "--dedup", "corpus", "-q", "-j", "2", *pages])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stdout.count("\n") == 3
