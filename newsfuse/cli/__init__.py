"""The `newsfuse` command line: one module per command, thin over the library."""

from newsfuse.cli.main import main

__all__ = ["main"]
