"""`newsfuse summarize`: batch summaries of JSON Lines clusters, streamed in input order."""

from __future__ import annotations

import json
import sys

import click

from newsfuse.api import numbered
from newsfuse.api import summarize as summarize_texts
from newsfuse.cli.common import EXIT_NOTHING_USABLE, EXIT_OK, progress, say, write_stdout
from newsfuse.display import json_safe
from newsfuse.ingest.formats import JSON_ERRORS, unreadable_json
from newsfuse.pipeline import BriefOptions, build_brief
from newsfuse.prepare import LayoutVote

# Why a cluster's texts gave no summary sentence of their own (stderr).
_UNFIT = "no sentence fit to print (each is cut off, a question, too short or too long, or an opinion)"


def summarize_cluster(documents: list[str], words: int) -> str:
    """Summary text of one cluster of article texts on its own (no batch): the brief's summary, as
    `newsfuse brief` makes it."""
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
    A broken line is reported on standard error and skipped. The clusters of one stream are taken to share
    a layout: whether a first line ending in a full stop is a headline (never printed as a summary
    sentence) is voted on by the texts of every cluster read so far.

    \b
    Example:
      newsfuse summarize --words 250 < clusters.jsonl > summaries.jsonl
    """
    done = 0
    seen: set[str] = set()
    layout = LayoutVote()  # the clusters of one stream share a layout: headline lines are recognised by it
    for number, line in enumerate(progress(input_file, "summarising"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except JSON_ERRORS as error:
            reason = str(error) if isinstance(error, json.JSONDecodeError) else unreadable_json(error)
            say(f"newsfuse: line {number}: skipped: not a cluster record ({reason})")
            continue
        problem = _not_a_cluster(record)
        if problem:
            say(f"newsfuse: line {number}: skipped: not a cluster record ({problem})")
            continue
        cluster_id, documents = record["id"], record["documents"]
        if str(cluster_id) in seen:  # both are summarised: a reader joining summaries back by id should know
            say(f"newsfuse: line {number}: warning: cluster id {cluster_id!r} was used on an earlier line too")
        seen.add(str(cluster_id))
        texts = [document for document in documents if isinstance(document, str)]
        if len(texts) < len(documents):
            skipped = len(documents) - len(texts)
            say(f"newsfuse: cluster {cluster_id!r}: {skipped} of its {len(documents)} documents "
                f"{'is' if skipped == 1 else 'are'} not text; skipped")
        brief = build_brief(numbered(texts), BriefOptions(words=words, analysis=False, check_stories=False),
                             layout=layout)
        summary = " ".join(sentence.text for sentence in brief.summary)
        if not summary:  # say which: nothing readable, or no sentence that can stand in a summary
            say(f"newsfuse: cluster {cluster_id!r}: " + (_UNFIT if brief.documents else "no usable article"))
        elif brief.summary[0].headline:
            say(f"newsfuse: cluster {cluster_id!r}: {_UNFIT}; summarised by its headlines")
        write_stdout(json_safe(json.dumps({"id": cluster_id, "summary": summary}, ensure_ascii=False)) + "\n")
        done += 1
    sys.exit(EXIT_OK if done else EXIT_NOTHING_USABLE)


def _not_a_cluster(record: object) -> str | None:
    """Why a parsed line is not a cluster record, or None when it is one."""
    if not isinstance(record, dict):
        return 'expected an object with "id" and "documents"'
    missing = [key for key in ("id", "documents") if key not in record]
    if missing:
        return " and ".join(f'"{key}"' for key in missing) + " missing"
    if not isinstance(record["documents"], list):
        return '"documents" is not a list'
    return None
