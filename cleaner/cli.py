"""The ``cleaner`` command: thin glue between files, the pipeline and JSONL on stdout.

stdout carries records and nothing else; warnings and the summary go to stderr.
Exit codes: 0 all fine, 1 some input failed (the rest was written), 2 usage error.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import click

from . import __version__
from .config import ConfigError, load_config
from .document import Document
from .pipeline import Pipeline, default_pipeline
from .readers.text import read_text
from .writers.jsonl import dumps, to_record

CLEAN_EPILOG = """\b
Examples:
  cleaner clean page.txt                     one file, JSONL on stdout
  cat page.txt | cleaner clean - | jq .text  stdin to stdout
  cleaner clean dumps/ -o out/clean.jsonl    a directory, read recursively in sorted order
  cleaner clean --lang fr --min-chars 200 --keep-removed dumps/
"""

EXPLAIN_EPILOG = """\b
Examples:
  cleaner explain page.txt                   every block with KEEP/DROP, stage and reason
  cleaner explain page.txt | grep DROP
"""


class InputError(Exception):
    """An input that cannot be read; reported, counted, and the run goes on."""


def iter_inputs(inputs: tuple[str, ...]) -> Iterator[tuple[str, bytes | InputError]]:
    """(source, bytes) for every input: files, directories (recursive, sorted) and '-' for stdin."""
    for item in inputs or ("-",):
        if item == "-":
            yield "-", sys.stdin.buffer.read()
            continue
        path = Path(item)
        if path.is_dir():
            try:
                files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            except OSError as exc:
                yield item, InputError(f"cannot list directory {item}: {exc.strerror or exc}")
                continue
            for p in files:
                yield from _read_file(str(p))
        else:
            yield from _read_file(item)


def _read_file(name: str) -> Iterator[tuple[str, bytes | InputError]]:
    try:
        with open(name, "rb") as fh:
            yield name, fh.read()
    except FileNotFoundError:
        yield name, InputError(f"{name}: no such file")
    except IsADirectoryError:
        yield name, InputError(f"{name}: is a directory")
    except OSError as exc:
        yield name, InputError(f"{name}: {exc.strerror or exc}")


def _pipeline(config: str | None, lang: str | None, min_chars: int | None) -> Pipeline:
    try:
        return default_pipeline(load_config(config, lang=lang, min_chars=min_chars))
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


def _warn(msg: str) -> None:
    click.echo(f"cleaner: {msg}", err=True)


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
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default="-",
              help="Write JSONL here instead of stdout.")
@click.option("--lang", metavar="CODE", help="Language hint (ISO 639-1); default: detect.")
@click.option("--min-chars", type=click.IntRange(min=0), default=None,
              help="Drop documents whose clean text is shorter (default 0).")
@click.option("--keep-removed", is_flag=True, help="Add the removed blocks, with stage and reason, to each record.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file: thresholds, extra lexicons.")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def clean(inputs: tuple[str, ...], output: str, lang: str | None, min_chars: int | None, keep_removed: bool,
          config_path: str | None, quiet: bool) -> None:
    """Clean INPUT files (files, directories, or - for stdin; default stdin) into JSONL."""
    pipeline = _pipeline(config_path, lang, min_chars)
    min_chars = pipeline.config.min_chars
    started = time.perf_counter()
    stats: Counter[str] = Counter()
    out: IO[str]
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    try:
        for source, data in iter_inputs(inputs):
            stats["in"] += 1
            if isinstance(data, InputError):
                stats["errors"] += 1
                _warn(str(data))
                continue
            doc = pipeline.run(read_text(data, source))
            for w in doc.warnings:
                _warn(f"{source}: {w}")
            record = to_record(doc, keep_removed=keep_removed)
            if len(record["text"]) < min_chars:
                stats["too_short"] += 1
                continue
            stats["written"] += 1
            stats.update(f"removed:{k}" for k, n in doc.removed_counts().items() for _ in range(n))
            out.write(dumps(record))
            out.flush() if out is sys.stdout else None
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as cat does.
        _silence_stdout()
        sys.exit(0)
    finally:
        if out is not sys.stdout:
            out.close()
    if not quiet:
        secs = time.perf_counter() - started
        _warn(f"{stats['in']} in, {stats['written']} written, {stats['too_short']} too short, "
              f"{stats['errors']} errors, {sum(v for k, v in stats.items() if k.startswith('removed:'))} "
              f"blocks removed, {secs:.2f}s")
    sys.exit(1 if stats["errors"] else 0)


def _silence_stdout() -> None:
    # Point stdout at /dev/null so the interpreter's final flush does not raise again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@main.command(epilog=EXPLAIN_EPILOG)
@click.argument("file", type=click.Path(path_type=str, allow_dash=True))
@click.option("--lang", metavar="CODE", help="Language hint (ISO 639-1); default: detect.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file: thresholds, extra lexicons.")
def explain(file: str, lang: str | None, config_path: str | None) -> None:
    """Show every block of FILE with KEEP/DROP, the stage and the reason."""
    pipeline = _pipeline(config_path, lang, None)
    (source, data), = list(iter_inputs((file,)))
    if isinstance(data, InputError):
        _warn(str(data))
        sys.exit(1)
    doc = pipeline.run(read_text(data, source))
    try:
        _explain(doc)
    except BrokenPipeError:
        _silence_stdout()
    sys.exit(0)


def _explain(doc: Document) -> None:
    meta = {k: getattr(doc, k) for k in ("title", "date", "modified", "author", "site", "lang", "page_type")}
    click.echo(click.style("# " + "  ".join(f"{k}={v}" for k, v in meta.items() if v), bold=True))
    for b in doc.blocks:
        if b.keep:
            tag = click.style("KEEP", fg="green")
            click.echo(f"{tag} {b.index:4d} {b.kind:<10} {'':<34} {b.text}")
            for sp in sorted(b.spans, key=lambda s: s.start):
                part = b.text[sp.start : sp.end]
                click.echo(click.style(f"  DROP span  {sp.stage}:{sp.reason:<24} {part}", fg="yellow"))
        else:
            tag = click.style("DROP", fg="red")
            why = f"{b.stage}:{b.reason}"
            click.echo(f"{tag} {b.index:4d} {b.kind:<10} {why:<34} " + click.style(b.text, dim=True))


if __name__ == "__main__":
    main()
