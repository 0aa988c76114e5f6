"""`newsfuse cluster`: label each JSON Lines article with its story, without a database."""

from __future__ import annotations

import json
import sys
from dataclasses import replace

import click

from newsfuse.cli.common import EMBEDDINGS_HELP, EXIT_NOTHING_USABLE, EXIT_OK, load_embedder, say, write_stdout
from newsfuse.cluster.params import (
    CROWD_MARGIN,
    DAY_PENALTY,
    EMBEDDING_MARGIN,
    EMBEDDING_THRESHOLD,
    JOIN_THRESHOLD,
    WINDOW_DAYS,
    ClusterParams,
)
from newsfuse.display import json_safe


@click.command()
@click.option("--input", "-i", "input_file", type=click.File("r", encoding="utf-8", errors="replace"),
              default="-", show_default=True, help="JSON Lines articles to read (- for standard input).")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0),
              help="Similarity an article needs at least to join a story (higher: smaller, purer stories). "
                   f"Default: {EMBEDDING_THRESHOLD:g} for the mixed similarity of words and meaning, "
                   f"{JOIN_THRESHOLD:g} with --no-embeddings.")
@click.option("--crowd-margin", type=click.FloatRange(0.0, 1.0),
              help="How far the best story must stand out from the fourth-best candidate (a news day with many "
                   f"stories on the same people asks more); 0 turns this off. Default: {EMBEDDING_MARGIN:g}, "
                   f"{CROWD_MARGIN:g} with --no-embeddings.")
@click.option("--day-penalty", default=DAY_PENALTY, show_default=True, type=click.FloatRange(0.0, 1.0),
              help="What a story's report counts less when its lead names other weekdays than the article's "
                   "(\"on Monday\" against \"on Friday\": another event); 0 turns this off.")
@click.option("--embeddings/--no-embeddings", default=None,
              help=EMBEDDINGS_HELP + " [default: embeddings]")
@click.option("--window-days", default=WINDOW_DAYS, show_default=True, type=click.FloatRange(0.0, min_open=True),
              help="A story with no article for this long is closed.")
def cluster(input_file, threshold: float | None, crowd_margin: float | None, day_penalty: float,
            embeddings: bool | None, window_days: float) -> None:
    """Group articles into stories: reads {"id", "text", "title"?, "published"?} lines, writes {"id", "story"}.

    Articles of one story get the same label. Articles are read in input order (give them in
    publication order); labels are written, in input order, once the input ends, because every article
    gets a last look at the stories formed after it arrived. A broken line or an empty text is reported
    on standard error and skipped; an id used twice is reported, and both lines are labelled. "published"
    is read as `newsfuse brief` reads it (ISO 8601, RFC 2822, a written date, epoch seconds); a date that
    names no day is reported and the article is grouped on its content alone.

    \b
    Examples:
      newsfuse cluster < articles.jsonl > labels.jsonl
      newsfuse cluster --no-embeddings -i articles.jsonl > labels.jsonl   (words alone: faster)
    """
    from newsfuse.cluster.batch import Label, cluster_lines

    labelled = 0
    embedder = load_embedder(embeddings)
    params = ClusterParams(window_days=window_days, day_penalty=day_penalty)
    if embedder is None:  # the floor and margin of the score in use: words alone, or mixed with meaning
        params = replace(params, threshold=_given(threshold, JOIN_THRESHOLD),
                         crowd_margin=_given(crowd_margin, CROWD_MARGIN))
    else:
        params = replace(params, embedding_threshold=_given(threshold, EMBEDDING_THRESHOLD),
                         embedding_margin=_given(crowd_margin, EMBEDDING_MARGIN))
    for item in cluster_lines(input_file, params, where=getattr(input_file, "name", "-"), embedder=embedder):
        if isinstance(item, Label):
            write_stdout(json_safe(json.dumps({"id": item.id, "story": item.story}, ensure_ascii=False)) + "\n",
                         flush=False)
            labelled += 1
        else:
            say(f"newsfuse: {item}")
    write_stdout("")  # the flush, where a full device or a closed pipe shows
    if not labelled:
        say('newsfuse: no article to cluster: expected JSON Lines of {"id", "text"} objects')
    sys.exit(EXIT_OK if labelled else EXIT_NOTHING_USABLE)


def _given(value: float | None, default: float) -> float:
    return default if value is None else value
