"""`newsfuse cluster`: label each JSON Lines article with its story, without a database."""

from __future__ import annotations

import json
import sys

import click

from newsfuse.cli.common import EMBEDDINGS_HELP, EXIT_NOTHING_USABLE, EXIT_OK, load_embedder, say, write_stdout
from newsfuse.cluster.params import CROWD_MARGIN, DAY_PENALTY, JOIN_THRESHOLD, WINDOW_DAYS, ClusterParams
from newsfuse.display import json_safe


@click.command()
@click.option("--input", "-i", "input_file", type=click.File("r", encoding="utf-8", errors="replace"),
              default="-", show_default=True, help="JSON Lines articles to read (- for standard input).")
@click.option("--threshold", default=JOIN_THRESHOLD, show_default=True, type=click.FloatRange(0.0, 1.0),
              help="Similarity an article needs at least to join a story (higher: smaller, purer stories).")
@click.option("--crowd-margin", default=CROWD_MARGIN, show_default=True, type=click.FloatRange(0.0, 1.0),
              help="How far the best story must stand out from the fourth-best candidate (a news day with many "
                   "stories on the same people asks more); 0 turns this off.")
@click.option("--day-penalty", default=DAY_PENALTY, show_default=True, type=click.FloatRange(0.0, 1.0),
              help="What a story's report counts less when its lead names other weekdays than the article's "
                   "(\"on Monday\" against \"on Friday\": another event); 0 turns this off.")
@click.option("--embeddings/--no-embeddings", default=False, show_default=True,
              help=EMBEDDINGS_HELP + " --threshold and --crowd-margin then do not apply (the mixed similarity "
                                     "has its own, chosen with it).")
@click.option("--window-days", default=WINDOW_DAYS, show_default=True, type=click.FloatRange(0.0, min_open=True),
              help="A story with no article for this long is closed.")
def cluster(input_file, threshold: float, crowd_margin: float, day_penalty: float, embeddings: bool,
            window_days: float) -> None:
    """Group articles into stories: reads {"id", "text", "title"?, "published"?} lines, writes {"id", "story"}.

    Articles of one story get the same label. Articles are read in input order (give them in
    publication order); labels are written, in input order, once the input ends, because every article
    gets a last look at the stories formed after it arrived. A broken line or an empty text is reported
    on standard error and skipped; an id used twice is reported, and both lines are labelled.

    \b
    Examples:
      newsfuse cluster < articles.jsonl > labels.jsonl
      newsfuse cluster --embeddings -i articles.jsonl > labels.jsonl
    """
    from newsfuse.cluster.batch import Label, cluster_lines

    labelled = 0
    params = ClusterParams(threshold=threshold, window_days=window_days, crowd_margin=crowd_margin,
                           day_penalty=day_penalty)
    embedder = load_embedder(embeddings)
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
