"""`newsfuse brief`: one cited brief from the articles about one story."""

from __future__ import annotations

import copy
import json
import sys
from dataclasses import replace

import click

from newsfuse.cli.common import DB_HELP, EXIT_NOTHING_USABLE, EXIT_OK, EXIT_USAGE, fail, report, say, write_stdout
from newsfuse.display import json_safe
from newsfuse.ingest import DEFAULT_MAX_BYTES, read_inputs
from newsfuse.model import Article, Brief, Problem
from newsfuse.pipeline import MIXED_INPUT, BriefOptions, build_brief
from newsfuse.render import RENDERERS


@click.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
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
@click.option("--story", "story_id", type=click.IntRange(1, 2**63 - 1), default=None, metavar="ID",
              help="Brief a story of the database (see `newsfuse stories`) instead of PATH...")
@click.option("--since", default=None, metavar="TIME",
              help="With --story: an update brief, only what is new since TIME (ISO 8601).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help=f"With --story: {DB_HELP[0].lower()}{DB_HELP[1:]}")
@click.option("--each-story", is_flag=True,
              help="When PATH... seem to tell several stories, one brief per story (text and Markdown one after "
                   "another, JSON a list of briefs) instead of one brief with a warning.")
def brief(paths: tuple[str, ...], words: int, fmt: str, analysis: bool, max_bytes: int, output: str | None,
          story_id: int | None, since: str | None, db_path: str | None, each_story: bool) -> None:
    """Summarise the articles in PATH... into one brief that cites its sources.

    Each PATH is a file, a folder (read recursively) or - for standard input. Formats: plain text,
    HTML, Markdown, JSON or JSON Lines records ({"id", "title", "text" or "html", "url", "outlet",
    "published"}), RSS/Atom feeds and Multi-News text (documents separated by |||||).

    \b
    Examples:
      newsfuse brief examples/harbour-strike/
      newsfuse brief --words 120 --format markdown article1.html article2.txt
      cat story.jsonl | newsfuse brief --format json - > brief.json
      newsfuse brief --story 42 --since 2024-05-02T08:00   what is new in story 42
      newsfuse brief --each-story --format markdown today/   one brief per story in a mixed folder

    Problems with single inputs are reported on standard error and the rest is used. Exit status: 0 when
    at least one article was used, 1 when none was usable, 2 for a usage error.
    """
    if each_story and (story_id is not None or fmt == "html"):
        click.echo("newsfuse brief: --each-story reads PATH... and writes text, markdown or json", err=True)
        sys.exit(EXIT_USAGE)
    target = None
    if output:
        from newsfuse.store.files import OutputError, OutputFile

        try:
            target = OutputFile.check(output)  # before the work: a missing folder is reported at once
        except OutputError as error:
            fail(f"newsfuse: {error}")
    options = BriefOptions(words=words, analysis=analysis)
    if story_id is not None:
        from newsfuse.cli.stories import brief_from_store

        result = brief_from_store(paths, story_id, since, db_path, options)
    elif since is not None or db_path is not None or not paths:
        click.echo("newsfuse brief: give PATH..., or --story ID (--since and --db go with --story)", err=True)
        sys.exit(EXIT_USAGE)
    else:
        items = read_inputs(paths, max_bytes=max_bytes)
        if each_story:
            briefs = briefs_of_each_story(list(items), options)
            if briefs:  # JSON is a list, whether the sources tell one story or several
                _write(render_each(briefs, fmt), target)
                sys.exit(EXIT_OK)
            click.echo("newsfuse: no usable article in the input", err=True)
            sys.exit(EXIT_NOTHING_USABLE)
        result = build_brief(items, options)
    report(result.problems)
    if not result.documents:
        click.echo("newsfuse: no usable article in the input", err=True)
        sys.exit(EXIT_NOTHING_USABLE)
    _write(RENDERERS[fmt](result), target)
    sys.exit(EXIT_OK)


def briefs_of_each_story(items: list[Article | Problem], options: BriefOptions) -> list[Brief]:
    """One brief per story the articles seem to tell (none when no article is usable), the problems reported.
    The stories are found by a brief without the cross-examination; each story's brief is made from the
    articles as read (preparing an article fills in its title and date, so copies are kept untouched)."""
    unread = {id(item): copy.copy(item) for item in items if isinstance(item, Article)}
    first = build_brief(items, replace(options, analysis=False))
    report(problem for problem in first.problems if problem.input != MIXED_INPUT)
    if not first.documents:
        return []
    if len(first.stories) > 1:
        say(f"newsfuse: the sources seem to tell {len(first.stories)} different stories: one brief each")
    by_id = {doc.id: unread[id(doc.article)] for doc in first.documents}
    briefs = [build_brief([by_id[doc_id] for doc_id in group], options) for group in first.stories]
    report(problem for each in briefs for problem in each.problems if problem.input == MIXED_INPUT)
    return briefs


def render_each(briefs: list[Brief], fmt: str) -> str:
    """Several briefs in one output: text one after another, Markdown between rules, JSON a list."""
    if fmt == "json":
        return json_safe(json.dumps([each.to_dict() for each in briefs], ensure_ascii=False, indent=2) + "\n")
    return ("\n---\n\n" if fmt == "markdown" else "\n").join(RENDERERS[fmt](each) for each in briefs)


def _write(rendered: str, target) -> None:
    if target is None:
        write_stdout(rendered)
        return
    from newsfuse.store.files import OutputError

    try:
        target.write(rendered)
    except OutputError as error:
        fail(f"newsfuse: {error}")
