"""`newsfuse brief`: one cited brief from the articles about one story."""

from __future__ import annotations

import sys

import click

from newsfuse.cli.common import EXIT_NOTHING_USABLE, EXIT_OK, report
from newsfuse.ingest import DEFAULT_MAX_BYTES, read_inputs
from newsfuse.pipeline import BriefOptions, build_brief
from newsfuse.render import RENDERERS


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--words", "-w", default=200, show_default=True, type=click.IntRange(20, 5000),
              help="Length of the summary, at most this many words.")
@click.option("--format", "-f", "fmt", default="text", show_default=True, type=click.Choice(sorted(RENDERERS)),
              help="text for a terminal, markdown for a document, json for programs.")
@click.option("--analysis/--no-analysis", default=True, show_default=True,
              help="Cross-examine the sources (claims, conflicts, quotes, entities, timeline).")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
              help="Skip input files larger than this.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the brief to this file instead of standard output.")
def brief(paths: tuple[str, ...], words: int, fmt: str, analysis: bool, max_bytes: int, output: str | None) -> None:
    """Summarise the articles in PATH... into one brief that cites its sources.

    Each PATH is a file, a folder (read recursively) or - for standard input. Formats: plain text,
    HTML, Markdown, JSON or JSON Lines records ({"id", "title", "text" or "html", "url", "outlet",
    "published"}), RSS/Atom feeds and Multi-News text (documents separated by |||||).

    \b
    Examples:
      newsfuse brief examples/harbour-strike/
      newsfuse brief --words 120 --format markdown article1.html article2.txt
      cat story.jsonl | newsfuse brief --format json - > brief.json

    Problems with single inputs are reported on standard error and the rest is used. Exit status: 0 when
    at least one article was used, 1 when none was usable, 2 for a usage error.
    """
    result = build_brief(read_inputs(paths, max_bytes=max_bytes), BriefOptions(words=words, analysis=analysis))
    report(result.problems)
    if not result.documents:
        click.echo("newsfuse: no usable article in the input", err=True)
        sys.exit(EXIT_NOTHING_USABLE)
    rendered = RENDERERS[fmt](result)
    if output:
        from newsfuse.store.files import atomic_write_text

        atomic_write_text(output, rendered)
    else:
        click.echo(rendered, nl=False)
    sys.exit(EXIT_OK)
