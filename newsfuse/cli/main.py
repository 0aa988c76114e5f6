"""The command group. Each command lives in its own module and is registered here."""

from __future__ import annotations

import click

from newsfuse import __version__
from newsfuse.cli.brief import brief
from newsfuse.cli.cluster import cluster
from newsfuse.cli.eval import eval_command
from newsfuse.cli.ingest import ingest
from newsfuse.cli.stories import stories
from newsfuse.cli.summarize import summarize


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsfuse")
def main() -> None:
    """newsfuse turns a pile of articles about one story into one brief a reader can trust.

    \b
    Start here:
      newsfuse brief examples/harbour-strike/      a cited brief of the bundled example
      newsfuse brief --help                        formats, lengths, output options
    """


main.add_command(brief)
main.add_command(eval_command)
main.add_command(summarize)
main.add_command(ingest)
main.add_command(stories)
main.add_command(cluster)
