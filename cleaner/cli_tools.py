"""Reporting commands of the ``cleaner`` CLI: explain (and later eval, stats).

They are registered on the main group defined in cli.py.
"""

from __future__ import annotations

import sys

import click

from .cli import _silence_stdout, _warn, main
from .config import ConfigError, load_config
from .document import Document
from .pipeline import default_pipeline
from .readers import read_input
from .runner import iter_inputs

EXPLAIN_EPILOG = """\b
Examples:
  cleaner explain page.txt                   every block with KEEP/DROP, stage and reason
  cleaner explain page.html | grep DROP
"""


@main.command(epilog=EXPLAIN_EPILOG)
@click.argument("file", type=click.Path(path_type=str, allow_dash=True))
@click.option("--lang", metavar="CODE", help="Language hint (ISO 639-1); default: detect.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file: thresholds, extra lexicons.")
def explain(file: str, lang: str | None, config_path: str | None) -> None:
    """Show every block of FILE with KEEP/DROP, the stage and the reason."""
    try:
        pipeline = default_pipeline(load_config(config_path, lang=lang))
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    ((source, data, failure),) = list(iter_inputs((file,)))
    if failure is not None or data is None:
        _warn(failure or f"{file}: unreadable")
        sys.exit(1)
    try:
        for item in read_input(data, source):
            if isinstance(item, Document):
                _explain(pipeline.run(item))
            else:
                _warn(getattr(item, "message", None) or getattr(item, "reason", ""))
    except BrokenPipeError:
        _silence_stdout()
    sys.exit(0)


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
