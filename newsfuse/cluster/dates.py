"""Article dates as seconds since the epoch, for the clusterer's time window."""

from __future__ import annotations

from datetime import UTC, datetime

from newsfuse.ingest.dates import normalise_published


def parse_published(value: str | None) -> float | None:
    """A publication date (canonical, or as an input wrote it) -> seconds since the epoch; None if unreadable.
    A day without a time is its midnight, UTC."""
    if not value:
        return None
    try:
        stamp = datetime.fromisoformat(value)  # the canonical form every reader writes: no second parse
    except ValueError:
        try:
            stamp = datetime.fromisoformat(normalise_published(value))
        except ValueError:
            return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.timestamp()
