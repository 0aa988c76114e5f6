"""Article dates as seconds since the epoch, for the clusterer's time window."""

from __future__ import annotations

from datetime import UTC, datetime

from newsfuse.ingest.dates import normalise_published


def publication_time(value: object) -> tuple[float | None, str | None]:
    """A publication date (canonical, as an input wrote it, or epoch seconds) -> seconds since the epoch, and
    why it names no day when it cannot be read (None, None for no date at all). A day without a time is its
    midnight, UTC."""
    if value is None or value == "":
        return None, None
    stamp = _canonical(value) if isinstance(value, str) else None  # what every reader writes: no second parse
    if stamp is None:
        try:
            stamp = datetime.fromisoformat(normalise_published(value))
        except ValueError as error:
            return None, str(error)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.timestamp(), None


def parse_published(value: str | None) -> float | None:
    """`publication_time` without the reason: None when there is no readable date."""
    return publication_time(value)[0]


def _canonical(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
