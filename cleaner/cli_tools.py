"""Reporting commands of the ``cleaner`` CLI: explain, eval and stats.

They are registered on the main group defined in cli.py. The work is done by
pure modules (report.py, evaluate.py, stats.py); this module reads files,
turns bad ones into usage errors (exit 2, no traceback) and prints.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from .cli import _silence_stdout, _warn, main
from .config import ConfigError, load_config
from .document import Document
from .evaluate import (
    CHECK_KINDS,
    ExpectationError,
    Report,
    find_gold,
    parse_expectations,
    parse_output,
    score_expectations,
    score_gold,
    summary_line,
)
from .pipeline import Pipeline, default_pipeline
from .readers import read_input
from .report import render_report
from .runner import iter_inputs
from .stats import OutputStats, collect

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

EXPLAIN_EPILOG = """\b
Examples:
  cleaner explain page.txt                   every block with KEEP/DROP, stage and reason
  cleaner explain page.html | grep DROP
  cleaner explain --html report.html dumps/*.txt
                                             one HTML page: removed text struck through, by reason
"""

EVAL_EPILOG = """\b
Examples:
  cleaner clean seeds/ -o out.jsonl
  cleaner eval expectations.jsonl out.jsonl  snippet checks: with, without, once, max1, lang, title, date
  cleaner eval --gold-dir gold/ out.jsonl    bag-of-words P/R/F1 against gold/<name>.txt
  cleaner eval expectations.jsonl out.jsonl --gold-dir gold/ | tail -1
"""

STATS_EPILOG = """\b
Examples:
  cleaner stats out.jsonl                    languages, page types, removals, text lengths
  cleaner stats day1.jsonl day2.jsonl        several files add up
  cleaner clean dumps/ | cleaner stats -
"""

# How many characters of a failing snippet to print.
SNIPPET_WIDTH = 100


# --- explain -----------------------------------------------------------------------------------------------------


@main.command(epilog=EXPLAIN_EPILOG)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str, allow_dash=True))
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write one self-contained HTML report here (- for stdout) instead of the terminal listing.",
)
@click.option("--lang", metavar="CODE", help="Language hint (ISO 639-1); default: detect.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file: thresholds, extra lexicons.")
def explain(files: tuple[str, ...], html_path: str | None, lang: str | None, config_path: str | None) -> None:
    """Show every block of each FILE with KEEP/DROP, the stage and the reason."""
    try:
        pipeline = default_pipeline(load_config(config_path, lang=lang))
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    units = list(iter_inputs(files))
    failed = False
    docs: list[Document] = []
    try:
        for unit in units:
            if unit.failure is not None or unit.data is None:
                _warn(unit.failure or f"{unit.source}: unreadable")
                failed = True
                continue
            for doc in _documents(pipeline, unit.data, unit.source, unit.fmt or "auto", unit.line):
                if html_path is not None:
                    docs.append(doc)
                    continue
                if len(units) > 1:
                    click.echo(click.style(f"== {doc.source}", bold=True))
                _explain(doc)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    if html_path is not None:
        _write_report(html_path, docs, files)
    sys.exit(1 if failed else 0)


def _documents(pipeline: Pipeline, data: bytes, source: str, fmt: str = "auto", line: int = 1) -> Iterator[Document]:
    """Cleaned Documents of one input; reader failures and skips become warnings."""
    for item in read_input(data, source, fmt, first_line=line, full_metadata=pipeline.config.html.full_metadata):
        if isinstance(item, Document):
            yield pipeline.run(item)
        else:
            _warn(getattr(item, "message", None) or getattr(item, "reason", ""))


def _write_report(path: str, docs: list[Document], files: tuple[str, ...]) -> None:
    title = f"cleaner explain: {files[0]}" if len(docs) == 1 else f"cleaner explain: {len(docs)} documents"
    page = render_report(docs, title=title)
    if path == "-":
        click.echo(page, nl=False)
        return
    try:
        Path(path).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise click.UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    _warn(f"wrote {path} ({len(docs)} documents)")


def _explain(doc: Document) -> None:
    meta = {k: getattr(doc, k) for k in ("title", "date", "modified", "author", "site", "lang", "page_type")}
    meta["extractor"] = doc.metadata.get("extractor")
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


# --- reading JSONL files for eval and stats ----------------------------------------------------------------------


def _open_lines(path: str) -> IO[str]:
    """An open text stream of ``path`` (stdin for -); an unreadable file is a usage error."""
    if path == "-":
        return sys.stdin
    try:
        # Undecodable bytes become U+FFFD: a damaged line is counted, not fatal.
        return open(path, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise click.UsageError(f"cannot read {path}: {exc.strerror or exc}") from None


def _read_lines(path: str) -> list[str]:
    stream = _open_lines(path)
    try:
        return stream.readlines()
    except OSError as exc:
        raise click.UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    finally:
        if stream is not sys.stdin:
            stream.close()


def _console() -> Console:
    # rich is imported lazily: `cleaner clean` never pays for it.
    from rich.console import Console

    # Made per call so CliRunner's replaced stdout is the one written to. Into a pipe or file, give
    # tables room so document names are not cut to fit 80 columns.
    tty = sys.stdout.isatty()
    return Console(file=sys.stdout, highlight=False, width=None if tty else 160)


# --- eval --------------------------------------------------------------------------------------------------------

_JSONL_PATH = click.Path(path_type=str, dir_okay=False, allow_dash=True)


@main.command(name="eval", epilog=EVAL_EPILOG)
@click.argument("files", nargs=-1, required=True, metavar="[EXPECTATIONS.jsonl] OUTPUT.jsonl", type=_JSONL_PATH)
@click.option(
    "--gold-dir",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    help="Directory of gold texts: <name>.gold.txt or <name>.txt per input <name>.*.",
)
@click.option("-v", "--verbose", is_flag=True, help="List passing documents' checks too (failing ones always show).")
def eval_command(files: tuple[str, ...], gold_dir: Path | None, verbose: bool) -> None:
    """Score cleaner OUTPUT against snippet EXPECTATIONS and/or gold texts.

    Counts agree with the project's reference scorer on the same files.
    """
    if len(files) > 2:
        raise click.UsageError("give at most two files: EXPECTATIONS.jsonl OUTPUT.jsonl")
    if len(files) == 1 and gold_dir is None:
        raise click.UsageError("give EXPECTATIONS.jsonl OUTPUT.jsonl, or --gold-dir DIR OUTPUT.jsonl")
    output = parse_output(_read_lines(files[-1]))
    if len(files) == 2:
        try:
            expectations = parse_expectations(_read_lines(files[0]))
        except ExpectationError as exc:
            raise click.UsageError(f"{files[0]}: {exc}") from None
        report = score_expectations(expectations, output)
        names = [e["file"] for e in expectations]
    else:
        report = Report(bad_lines=output.bad_lines)
        names = output.sources()
    if gold_dir is not None:
        score_gold(report, names, output, _load_golds(gold_dir, names))
    _print_eval(report, verbose)
    sys.exit(0)


def _load_golds(gold_dir: Path, names: list[str]) -> dict[str, tuple[str, str]]:
    golds = {}
    for name in names:
        path = find_gold(gold_dir, name)
        if path is None:
            continue
        try:
            golds[name] = (path.name, path.read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            raise click.UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    return golds


def _print_eval(report: Report, verbose: bool) -> None:
    console = _console()
    if report.has_expectations:
        console.print(_checks_table(report))
    if report.gold:
        console.print(_gold_table(report))
    if report.no_gold:
        click.echo(f"no gold text for: {', '.join(report.no_gold)}")
    for doc in report.docs:
        for c in doc.checks if verbose else doc.failures():
            click.echo(f"{'ok  ' if c.ok else 'FAIL'} {c.file} {c.kind}: {c.expected[:SNIPPET_WIDTH]}")
    click.echo(summary_line(report))


def _checks_table(report: Report) -> Table:
    from rich.table import Table

    table = Table(title="Snippet checks")
    table.add_column("document", overflow="fold")
    for kind in CHECK_KINDS:
        table.add_column(kind, justify="right")
    table.add_column("passed", justify="right")
    for doc in report.docs:
        cells = []
        for kind in CHECK_KINDS:
            mine = [c for c in doc.checks if c.kind == kind]
            cells.append(f"{sum(c.ok for c in mine)}/{len(mine)}" if mine else "")
        name = doc.file if doc.has_text else f"{doc.file} (no text)"
        mark = "" if doc.passed == len(doc.checks) else "[red]✗[/] "
        table.add_row(name, *cells, f"{mark}{doc.passed}/{len(doc.checks)}")
    return table


def _gold_table(report: Report) -> Table:
    from rich.table import Table

    table = Table(title="Bag of words against gold text")
    for col in ("document", "gold", "words", "gold words", "P", "R", "F1"):
        table.add_column(col, justify="left" if col in ("document", "gold") else "right")
    for g in report.gold:
        table.add_row(
            g.file, g.gold, str(g.out_words), str(g.gold_words), *(f"{x:.3f}" for x in (g.precision, g.recall, g.f1))
        )
    means = report.gold_means()
    if means:
        table.add_section()
        table.add_row(f"mean of {len(report.gold)}", "", "", "", *(f"{x:.3f}" for x in means))
    return table


# --- stats -------------------------------------------------------------------------------------------------------


@main.command(epilog=STATS_EPILOG)
@click.argument("files", nargs=-1, required=True, metavar="OUTPUT.jsonl...", type=_JSONL_PATH)
def stats(files: tuple[str, ...]) -> None:
    """Documents per language and page type, removals per reason and text lengths of cleaner OUTPUT files."""
    totals = OutputStats()
    for path in files:
        stream = _open_lines(path)
        try:
            collect(stream, totals)
        except OSError as exc:
            raise click.UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
        finally:
            if stream is not sys.stdin:
                stream.close()
    _print_stats(totals)
    sys.exit(0)


def _count_table(title: str, label: str, counts: dict[str, int], total: int) -> Table:
    from rich.table import Table

    table = Table(title=title)
    table.add_column(label)
    table.add_column("count", justify="right")
    table.add_column("share", justify="right")
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(key, str(n), f"{n / max(1, total):.1%}")
    return table


def _histogram(s: OutputStats) -> Table:
    from rich.table import Table

    table = Table(title="Text length (characters)")
    table.add_column("length")
    table.add_column("documents", justify="right")
    table.add_column("", min_width=20)
    peak = max(s.lengths) or 1
    for label, n in s.histogram():
        table.add_row(label, str(n), "█" * round(20 * n / peak))
    return table


def _print_stats(s: OutputStats) -> None:
    console = _console()
    console.print(_count_table("Languages", "lang", s.langs, s.documents))
    console.print(_count_table("Page types", "page_type", s.page_types, s.documents))
    removed = sum(s.removed.values())
    console.print(_count_table("Removals per reason", "reason", s.removed, removed))
    console.print(_histogram(s))
    mean = s.characters / max(1, s.documents)
    line = f"{s.documents} documents, {removed} removals, {s.characters} characters of text (mean {mean:.0f})"
    if s.bad_lines:
        line += f"; {s.bad_lines} bad lines skipped"
    click.echo(line)
