"""Ingest: paths, folders and standard input -> `Article`s, with a `Problem` for each bad input."""

from newsfuse.ingest.reader import DEFAULT_MAX_BYTES, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "read_inputs"]
