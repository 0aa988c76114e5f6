"""What every command shares: reporting problems, writing results, exit codes, the progress bar.

Messages and results may carry text from the input (file names, titles, ids): they are shown without
terminal control sequences and with undecodable bytes escaped. A failed write to standard output (a full
disk, a closed pipe) ends the command with a message and exit status 1, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click

from newsfuse.display import one_line
from newsfuse.model import Problem

if TYPE_CHECKING:
    from newsfuse.cluster.embeddings import Embedder

EXIT_OK = 0
EXIT_NOTHING_USABLE = 1
EXIT_USAGE = 2
# The --db option's help, the same for every command that reads or writes the story database.
DB_HELP = "The story database (default: $NEWSFUSE_DB, else newsfuse.db in the current folder)."

# The --embeddings option's help, the same for every command that groups stories. The batch commands
# (cluster, archive) compare by meaning unless told not to; the ones feeding a database (ingest, follow)
# only when asked, so that a stream keeps its pace (docs/stories.md, "Two speeds").
EMBEDDINGS_HELP = ("Compare articles by meaning too (a sentence encoder, offline, on the CPU): joins one event told "
                   "in different words and keeps more stories apart, at about 100 articles a second; "
                   "--no-embeddings compares their words alone, about ten times faster.")

T = TypeVar("T")


def say(message: str) -> None:
    """One line on standard error, safe to show whatever input text it quotes."""
    click.echo(one_line(message), err=True)


def report(problems: Iterable[Problem]) -> None:
    for problem in problems:
        say(f"newsfuse: {problem}")


def fail(message: str, status: int = EXIT_NOTHING_USABLE) -> NoReturn:
    say(message)
    sys.exit(status)


def use_embeddings(wanted: bool | None) -> bool:
    """Whether to group by meaning too. `wanted` None means "the default: if it can be had": a missing
    package is then told and the words alone are used; asked for by name, it is a usage error. Only the
    files are looked for: nothing is loaded."""
    if wanted is False:
        return False
    from newsfuse.cluster.embeddings import EmbeddingsUnavailable, model_files

    try:
        model_files()
    except EmbeddingsUnavailable as error:
        if wanted is None:
            say(f"newsfuse: {error}; grouping on the articles' words alone")
            return False
        fail(f"newsfuse: {error}", EXIT_USAGE)
    return True


def load_embedder(wanted: bool | None) -> Embedder | None:
    """The sentence encoder when `use_embeddings(wanted)`, else None."""
    if not use_embeddings(wanted):
        return None
    from newsfuse.cluster.embeddings import shared_embedder

    return shared_embedder()  # one per process: the archive's local engine uses the same


def write_stdout(text: str, flush: bool = True) -> None:
    """Write to standard output (and flush); a closed pipe ends the command quietly, any other failure
    (a full device, an I/O error) with a message. Either way the exit status is 1."""
    try:
        sys.stdout.write(text)
        if flush:
            sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()
        sys.exit(EXIT_NOTHING_USABLE)
    except OSError as error:
        _drop_stdout()
        fail(f"newsfuse: cannot write to standard output ({error.strerror or error})")


def _drop_stdout() -> None:
    """Point standard output at the null device, so the interpreter's final flush of what is still
    buffered cannot fail again with a traceback (the pattern the Python documentation gives for SIGPIPE)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (a test runner's buffer): nothing will flush
        pass


def progress(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """A progress bar on standard error when it is a terminal; otherwise the items, untouched."""
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=description, total=total, unit="cluster", file=sys.stderr, leave=False)
