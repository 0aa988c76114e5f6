"""`newsfuse clean`: the cleaned article of each input, the way trafilatura is used on its own."""

from __future__ import annotations

import json

import click

from newsfuse.cli.common import EXIT_NOTHING_USABLE, EXIT_OK, report, write_stdout
from newsfuse.display import json_safe, printable
from newsfuse.ingest import DEFAULT_MAX_BYTES


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(["json", "text"]), default="json",
              show_default=True, help="json: one JSON object a line; text: each body, separated by a blank line.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
              help="Skip inputs larger than this.")
def clean(paths: tuple[str, ...], output_format: str, max_bytes: int) -> None:
    """Print the article newsfuse reads from each input: page furniture out, metadata read.

    PATHS are files, folders (read recursively) or - for standard input, in any format `newsfuse brief`
    reads. With --format json each line is {"id", "title", "text", "outlet", "url", "published", "byline",
    "language", "paragraphs", "removed"}: "paragraphs" and "removed" (with a "reason") are [start, end)
    character spans of the text as read, so every kept and removed word can be found in the source. A page
    whose text is all table or list is printed too, though `newsfuse brief` skips it (no sentence to tell).

    \b
    Examples:
      newsfuse clean page.html
      newsfuse clean --format text examples/harbour-strike/wire-report.txt
      cat pages.jsonl | newsfuse clean - > cleaned.jsonl
    """
    from newsfuse.clean.record import cleaned_record
    from newsfuse.ingest import read_inputs
    from newsfuse.pipeline import prepare_all

    written = 0
    for item in read_inputs(paths, max_bytes=max_bytes):
        documents, problems = prepare_all([item], sentences_required=False)  # a page all table is still text
        report(problems)
        for document in documents:
            if output_format == "json":
                write_stdout(json_safe(json.dumps(cleaned_record(document), ensure_ascii=False)) + "\n", flush=False)
            else:
                write_stdout(("\n" if written else "") + printable(document.body_text()) + "\n", flush=False)
            written += 1
    write_stdout("")
    raise SystemExit(EXIT_OK if written else EXIT_NOTHING_USABLE)
