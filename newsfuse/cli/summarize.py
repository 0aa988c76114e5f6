"""`newsfuse summarize`: batch summaries of JSON Lines clusters, streamed in input order."""

from __future__ import annotations

import json
import sys

import click

from newsfuse.api import summarize as summarize_texts
from newsfuse.cli.common import EXIT_NOTHING_USABLE, EXIT_OK, progress, say, write_stdout
from newsfuse.display import json_safe


def summarize_cluster(documents: list[str], words: int) -> str:
    """Summary text of one cluster of article texts: the brief's summary, as `newsfuse brief` makes it."""
    return " ".join(sentence.text for sentence in summarize_texts(documents, words=words))


@click.command()
@click.option("--words", "-w", default=200, show_default=True, type=click.IntRange(20, 5000),
              help="Length of each summary, at most this many words.")
@click.option("--input", "-i", "input_file", type=click.File("r", encoding="utf-8", errors="replace"),
              default="-", show_default=True, help="JSON Lines clusters to read (- for standard input).")
def summarize(words: int, input_file) -> None:
    """Summarise each cluster of a JSON Lines stream.

    Reads {"id": ..., "documents": ["text", ...]} lines and writes {"id": ..., "summary": "..."} lines to
    standard output in input order, one at a time, so memory does not grow with the number of clusters.
    A broken line is reported on standard error and skipped.

    \b
    Example:
      newsfuse summarize --words 250 < clusters.jsonl > summaries.jsonl
    """
    done = 0
    for number, line in enumerate(progress(input_file, "summarising"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            cluster_id, documents = record["id"], record["documents"]
            if not isinstance(documents, list):
                raise TypeError('"documents" is not a list')
        except (json.JSONDecodeError, RecursionError, KeyError, TypeError) as error:  # RecursionError: nested too deep
            say(f"newsfuse: line {number}: skipped: not a cluster record ({error})")
            continue
        summary = summarize_cluster(documents, words)
        if not summary:
            say(f"newsfuse: cluster {cluster_id!r}: no usable article")
        write_stdout(json_safe(json.dumps({"id": cluster_id, "summary": summary}, ensure_ascii=False)) + "\n")
        done += 1
    sys.exit(EXIT_OK if done else EXIT_NOTHING_USABLE)
