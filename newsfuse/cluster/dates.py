"""When an article was written: its published date, or failing that a full date in its first lines.

News pages carry a dateline ("Updated: November 11, 2011", "Jan 5, 2011", "2011-01-05") near the top.
Only full dates (day, month and year) in the first characters count: a bare year in a body ("his 2005
rampage") is history, not the date of writing.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

DATELINE_CHARS = 400

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")], 1)
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # March 3, 2009
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 3 March 2009
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2009-03-03
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<month>[01]\d)/(?P<day>[0-3]\d)\b"),  # 2009/03/03
]


def parse_published(value: str | None) -> float | None:
    """An ISO 8601 date or datetime -> seconds since the epoch (UTC when no zone is given)."""
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


def dateline(text: str, chars: int = DATELINE_CHARS) -> float | None:
    """The earliest-placed full date in the first `chars` characters, as seconds since the epoch."""
    head = text[:chars]
    found: list[tuple[int, float]] = []
    for pattern in _PATTERNS:
        match = pattern.search(head)
        if match:
            stamp = _stamp(match)
            if stamp is not None:
                found.append((match.start(), stamp))
    return min(found)[1] if found else None


def article_time(published: str | None, text: str) -> float | None:
    stamp = parse_published(published)
    return stamp if stamp is not None else dateline(text)


def _stamp(match: re.Match[str]) -> float | None:
    month_text = match.group("month").lower().rstrip(".")
    month = _MONTHS.get(month_text) if not month_text.isdigit() else int(month_text)
    try:
        return datetime(int(match.group("year")), month or 0, int(match.group("day")), tzinfo=UTC).timestamp()
    except ValueError:
        return None
