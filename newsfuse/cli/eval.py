"""`newsfuse eval`: ROUGE, speed and memory of newsfuse and the classic baselines on reference clusters."""

from __future__ import annotations

import json
import sys

import click

from newsfuse.cli.common import EXIT_NOTHING_USABLE, EXIT_OK, progress, say, write_stdout


@click.command(name="eval")
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@click.option("--words", "-w", default=250, show_default=True, type=click.IntRange(10, 5000),
              help="Word budget: every summary is truncated to this many words before scoring.")
@click.option("--systems", "-s", default="newsfuse,lead,lexrank,textrank", show_default=True,
              help="Comma-separated systems to run: newsfuse, lead, lexrank, textrank.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Use only the first N clusters.")
@click.option("--memory/--no-memory", default=True, show_default=True,
              help="Measure peak memory (a second, traced pass over the three largest clusters).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON instead of a table.")
def eval_command(data: str, words: int, systems: str, limit: int | None, memory: bool, as_json: bool) -> None:
    """Score newsfuse and the baselines against the reference summaries in DATA.

    DATA is JSON Lines, one cluster a line: {"id", "documents": [text, ...], "summaries": [text, ...]}.
    Every system runs on the same clusters in the same run: ROUGE-1/2/L/Lsum F1 and recall (rouge-score,
    stemmed, summaries truncated to --words, averaged over references then clusters), milliseconds per
    cluster and peak memory.

    \b
    Examples:
      newsfuse eval ../shared/data/tac2011-multiling/english.jsonl --words 250
      newsfuse eval clusters.jsonl --words 100 --systems newsfuse,lexrank --json > scores.json
    """
    from newsfuse.evaluate.runner import read_clusters, run_eval
    from newsfuse.evaluate.systems import SYSTEMS
    from newsfuse.evaluate.table import render_table

    names = [name.strip() for name in systems.split(",") if name.strip()]
    unknown = [name for name in names if name not in SYSTEMS]
    if unknown or not names:
        raise click.BadParameter(f"unknown system(s) {', '.join(unknown) or '(none)'}; choose from "
                                 f"{', '.join(SYSTEMS)}", param_hint="--systems")
    clusters = read_clusters(data, on_problem=lambda message: say(f"newsfuse: {message}"))[:limit]
    if not clusters:
        click.echo(f"newsfuse: {data}: no cluster with reference summaries", err=True)
        sys.exit(EXIT_NOTHING_USABLE)
    report = run_eval(clusters, {name: SYSTEMS[name] for name in names}, words, memory=memory, data=data,
                      progress=progress)
    if as_json:
        write_stdout(json.dumps(report.to_json(), indent=2) + "\n")
    else:
        write_stdout(render_table(report))
    sys.exit(EXIT_OK)
