"""Article dates: ISO 8601 (or anything dateutil reads) -> seconds since the epoch, UTC by default."""

from __future__ import annotations

from datetime import UTC, datetime


def parse_published(value: str | None) -> float | None:
    """An ISO 8601 date or datetime -> seconds since the epoch (UTC when no zone is given); None if unreadable."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        try:
            from dateutil import parser

            stamp = parser.parse(text)
        except (ValueError, OverflowError):
            return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.timestamp()
