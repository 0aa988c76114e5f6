"""Dedupe: find copies and syndicated rewrites so that one wire story counts as one source."""

from newsfuse.dedupe.copies import COPY_CONTAINMENT, mark_copies, shingles

__all__ = ["COPY_CONTAINMENT", "mark_copies", "shingles"]
