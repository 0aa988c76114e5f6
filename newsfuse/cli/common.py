"""What every command shares: reporting problems, exit codes, the progress bar."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

import click

from newsfuse.model import Problem

EXIT_OK = 0
EXIT_NOTHING_USABLE = 1
EXIT_USAGE = 2

T = TypeVar("T")


def report(problems: Iterable[Problem]) -> None:
    for problem in problems:
        click.echo(f"newsfuse: {problem}", err=True)


def progress(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """A progress bar on standard error when it is a terminal; otherwise the items, untouched."""
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=description, total=total, unit="cluster", file=sys.stderr, leave=False)
