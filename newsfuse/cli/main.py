"""The command group. Each command lives in its own module, imported only when that command runs.

Loading every command's module at start-up (the summariser, the store, the evaluation code) cost about
70 ms on every call, a large part of a `newsfuse stories` answer; the lazy group follows Click's
documented pattern for this.
"""

from __future__ import annotations

import importlib

import click

from newsfuse import __version__

# name -> "module:attribute" of the Click command, in the order `--help` lists them.
COMMANDS = {
    "brief": "newsfuse.cli.brief:brief",
    "clean": "newsfuse.cli.clean:clean",
    "summarize": "newsfuse.cli.summarize:summarize",
    "eval": "newsfuse.cli.eval:eval_command",
    "ingest": "newsfuse.cli.ingest:ingest",
    "stories": "newsfuse.cli.stories:stories",
    "cluster": "newsfuse.cli.cluster:cluster",
    "archive": "newsfuse.cli.archive:archive",
    "follow": "newsfuse.cli.follow:follow",
    "serve": "newsfuse.cli.serve:serve",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        return getattr(importlib.import_module(module), attribute)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsfuse")
def main() -> None:
    """newsfuse turns a pile of articles about one story into one brief a reader can trust.

    \b
    Start here:
      newsfuse brief examples/harbour-strike/      a cited brief of the bundled example
      newsfuse brief --help                        formats, lengths, output options
    \b
    Stories from a stream:
      newsfuse ingest articles/ && newsfuse stories && newsfuse brief --story 1
    """
