"""The ``cleaner`` command: thin glue between files, the runner and the output stream.

stdout carries records and nothing else; warnings, errors and the summary go
to stderr. Exit codes: 0 all fine, 1 some input or document failed (everything
else was written), 2 usage error.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from typing import IO, Any

import click

from . import __version__
from .config import ConfigError
from .corpus import CorpusState
from .corpus import apply_line as corpus_apply_line
from .progress import Progress
from .readers import FORMATS, JsonlFields
from .runner import Event, Settings, Stats, Unit, error_line, iter_inputs, map_inputs, pipeline_for
from .writers.output import AtomicOutput

CLEAN_EPILOG = """\b
Examples:
  cleaner clean page.txt                     one file, JSONL on stdout
  cat page.txt | cleaner clean - | jq .text  stdin to stdout
  cleaner clean dumps/ -o out/clean.jsonl    a directory, read recursively in sorted order
  cleaner clean page.html crawl.warc.gz      HTML and WARC/WET, recognised by content
  cleaner clean export.jsonl --html-field body -o clean.jsonl.zst
  cleaner clean --lang fr --min-chars 200 --keep-removed dumps/
  cleaner clean --format text dumps/ > corpus.txt
"""


def _warn(msg: str) -> None:
    click.echo(f"cleaner: {msg}", err=True)


def _settings(config: str | None, lang: str | None, min_chars: int | None, **kw: object) -> Settings:
    settings = Settings(config_path=config, lang=lang, min_chars=min_chars, **kw)  # type: ignore[arg-type]
    try:
        # Build it now: a bad config or lexicon is a usage error before any input is read.
        pipeline_for(settings)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    return settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cleaner")
def main() -> None:
    """Turn raw web page dumps into clean article text as JSONL.

    \b
    Examples:
      cleaner clean page.txt > page.jsonl
      cat page.txt | cleaner clean - | jq .text
      cleaner explain page.txt
    """


@main.command(epilog=CLEAN_EPILOG)
@click.argument("inputs", nargs=-1, type=click.Path(path_type=str, allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Write here instead of stdout; .gz/.bz2/.xz/.zst compress.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "text"]),
    default="jsonl",
    show_default=True,
    help="jsonl records, or each document's text followed by a blank line.",
)
@click.option(
    "--input-format",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="Input kind; auto recognises text, HTML, JSONL and WARC/WET by content.",
)
@click.option("--text-field", default="text", show_default=True, help="JSONL input: field holding text.")
@click.option("--html-field", default="html", show_default=True, help="JSONL input: field holding HTML.")
@click.option("--id-field", default="id", show_default=True, help="JSONL input: field holding the id.")
@click.option("--lang", metavar="CODE", help="Language hint (ISO 639-1); default: detect.")
@click.option(
    "--min-chars",
    type=click.IntRange(min=0),
    default=None,
    help="Drop documents whose clean text is shorter (default 0).",
)
@click.option("--keep-removed", is_flag=True, help="Add the removed blocks, with stage and reason, to each record.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file: thresholds, extra lexicons.")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False),
    help="Write error records (JSONL) here instead of stderr lines.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes (0 = all cores); output order and bytes are the same as with 1.",
)
@click.option("--resume", is_flag=True, help="With -o: keep the records already written and skip their inputs.")
@click.option(
    "--dedup",
    type=click.Choice(["none", "corpus"]),
    default="none",
    show_default=True,
    help="corpus: mark near-duplicate documents (duplicate_of) and drop site boilerplate lines.",
)
@click.option("--drop-duplicates", is_flag=True, help="With --dedup corpus: do not write duplicates.")
@click.option(
    "--index",
    "index_path",
    type=click.Path(dir_okay=False),
    help="With --dedup corpus: load and save the corpus index here (a local file).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Clean on this Dask scheduler (tcp://HOST:8786); same output as --jobs 1. Needs cleaner[dask].",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary on stderr.")
@click.option("--debug", is_flag=True, help="Show Python tracebacks of failing documents.")
def clean(
    inputs: tuple[str, ...],
    output: str,
    output_format: str,
    input_format: str,
    text_field: str,
    html_field: str,
    id_field: str,
    lang: str | None,
    min_chars: int | None,
    keep_removed: bool,
    config_path: str | None,
    errors_path: str | None,
    jobs: int,
    resume: bool,
    dedup: str,
    drop_duplicates: bool,
    index_path: str | None,
    scheduler: str | None,
    quiet: bool,
    debug: bool,
) -> None:
    """Clean INPUT files (files, directories, or - for stdin; default stdin) into JSONL."""
    settings = _settings(
        config_path,
        lang,
        min_chars,
        keep_removed=keep_removed,
        input_format=input_format,
        fields=JsonlFields(text=text_field, html=html_field, id=id_field),
        output_format=output_format,
        debug=debug,
    )
    if resume and (output == "-" or output_format != "jsonl"):
        raise click.UsageError("--resume needs -o FILE and JSONL output")
    if dedup == "corpus" and output_format != "jsonl":
        raise click.UsageError("--dedup corpus needs JSONL output")
    corpus = _corpus_state(settings, index_path) if dedup == "corpus" else None
    client = _connect_scheduler(scheduler) if scheduler else None
    started = time.perf_counter()
    stats = Stats()
    to_stdout = output == "-"
    try:
        out: AtomicOutput | None = None if to_stdout else AtomicOutput(output, resume=resume)
        errors: IO[str] | None = open(errors_path, "w", encoding="utf-8") if errors_path else None  # noqa: SIM115
    except OSError as exc:
        raise click.UsageError(f"cannot write {exc.filename}: {exc.strerror}") from None
    write = sys.stdout.write if out is None else out.write
    done = out.done if out is not None else set()
    done_ids = out.done_ids if out is not None else set()
    # --resume: a one-page input already written is skipped unread; records of multi-document
    # inputs (JSONL, WARC) already written are dropped as they come again.
    units = (u for u in iter_inputs(inputs, input_format) if not (u.single_doc and u.source in done))
    pairs = map_inputs(units, settings, jobs or os.cpu_count() or 1)
    if client is not None:
        pairs, corpus = _on_scheduler(client, units, settings, corpus, done_ids, index=bool(index_path))
    progress = Progress(enabled=False if quiet else None)
    try:
        progress.__enter__()
        for unit, events in pairs:
            stats.inputs += unit.starts_input
            progress.advance(sum(1 for e in events if e.kind in ("record", "too_short", "skip", "error")))
            for event in events:
                if event.kind == "record" and (event.source, event.doc_id) in done_ids:
                    continue
                stats.add(event)
                if event.kind == "record":
                    if corpus is not None:
                        line, duplicate = corpus_apply_line(event.text, corpus)
                        if duplicate:
                            stats.duplicates += 1
                            if drop_duplicates:
                                continue
                        write(line)
                    else:
                        write(event.text)
                elif event.kind == "error":
                    if errors is not None:
                        errors.write(error_line(event))
                    else:
                        _warn(f"error: {event.text}")
                elif event.kind == "warning":
                    _warn(event.text)
            if out is None:
                sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as cat does.
        _silence_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        if out is not None:
            out.abort()
            _warn(f"interrupted; partial output kept in {out.partial} (--resume continues it)")
        sys.exit(130)
    finally:
        progress.__exit__(None, None, None)
        if errors is not None:
            errors.close()
    if out is not None:
        out.commit()
    if corpus is not None and index_path:
        corpus.save(index_path)
    if done and not quiet:
        _warn(f"resumed: {len(done)} inputs already in {output}")
    if not quiet:
        _warn(stats.summary(time.perf_counter() - started))
    sys.exit(1 if stats.errors else 0)


DEDUP_EPILOG = """\b
Examples:
  cleaner dedup clean.jsonl -o deduped.jsonl          mark duplicate_of, strip site boilerplate
  cleaner dedup --drop-duplicates day2.jsonl --index corpus.idx -o new.jsonl
  cleaner clean dumps/ | cleaner dedup - | jq 'select(.duplicate_of == null)'
"""


@main.command(epilog=DEDUP_EPILOG)
@click.argument("inputs", nargs=-1, type=click.Path(path_type=str, allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Write here instead of stdout; .gz .bz2 .xz .zst compress.",
)
@click.option("--drop-duplicates", is_flag=True, help="Do not write near-duplicate documents.")
@click.option(
    "--index",
    "index_path",
    type=click.Path(dir_okay=False),
    help="Load and save the corpus index here, to deduplicate against earlier runs.",
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file ([corpus] thresholds).")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def dedup(
    inputs: tuple[str, ...],
    output: str,
    drop_duplicates: bool,
    index_path: str | None,
    config_path: str | None,
    quiet: bool,
) -> None:
    """Mark near-duplicate documents across JSONL records (duplicate_of) and drop site boilerplate."""
    settings = _settings(config_path, None, None)
    corpus = _corpus_state(settings, index_path)
    started = time.perf_counter()
    counts = {"in": 0, "written": 0, "duplicates": 0, "errors": 0}
    try:
        out: AtomicOutput | None = None if output == "-" else AtomicOutput(output)
    except OSError as exc:
        raise click.UsageError(f"cannot write {exc.filename}: {exc.strerror}") from None
    write = sys.stdout.write if out is None else out.write
    try:
        for unit in iter_inputs(inputs, "jsonl"):
            if unit.failure is not None or unit.data is None:
                counts["errors"] += 1
                _warn(f"error: {unit.failure}")
                continue
            for n, raw in enumerate(unit.data.splitlines(), start=unit.line):
                if not raw.strip():
                    continue
                counts["in"] += 1
                try:
                    line, duplicate = corpus_apply_line(raw.decode("utf-8"), corpus)
                except (ValueError, UnicodeDecodeError) as exc:
                    counts["errors"] += 1
                    _warn(f"error: {unit.source}:{n}: not a JSON record: {exc}")
                    continue
                counts["duplicates"] += duplicate
                if duplicate and drop_duplicates:
                    continue
                counts["written"] += 1
                write(line)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    if out is not None:
        out.commit()
    if index_path:
        corpus.save(index_path)
    if not quiet:
        _warn(
            f"{counts['in']} records in, {counts['written']} written, {counts['duplicates']} duplicates, "
            f"{counts['errors']} errors; {time.perf_counter() - started:.2f}s"
        )
    sys.exit(1 if counts["errors"] else 0)


def _connect_scheduler(address: str) -> Any:
    """--scheduler: a distributed.Client, or a usage error (no Dask, unreachable address)."""
    try:
        from .dask import connect

        return connect(address)
    except (ImportError, ValueError) as exc:
        raise click.UsageError(str(exc)) from None


def _on_scheduler(
    client: Any,
    units: Iterator[Unit],
    settings: Settings,
    corpus: CorpusState | None,
    skip: set[tuple[str, str]],
    index: bool = False,
) -> tuple[Iterator[tuple[Unit, list[Event]]], Any]:
    """(unit, events) cleaned on the Dask cluster, in input order, and the corpus state that replays its decisions.

    ``corpus``: the state ``--dedup corpus`` starts from (loaded from ``--index``, else new); with
    ``index`` the returned stand-in brings it up to date as one process would, for ``save``.
    """
    from .dask import DecidedCorpus, bag_from_units, map_on_cluster

    decided = DecidedCorpus(corpus.config, corpus, index=index) if corpus is not None else None

    def run() -> Iterator[tuple[Unit, list[Event]]]:
        with client:
            yield from map_on_cluster(bag_from_units(units), settings, decided, skip)

    return run(), decided


def _corpus_state(settings: Settings, index_path: str | None) -> CorpusState:
    config = pipeline_for(settings).config.corpus
    if not index_path:
        return CorpusState(config=config)
    try:
        return CorpusState.load(index_path, config)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


def _silence_stdout() -> None:
    # Point stdout at /dev/null so the interpreter's final flush does not raise again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


# Reporting commands (explain, eval, stats) live in their own module.
from . import cli_tools  # noqa: E402, F401

if __name__ == "__main__":
    main()
