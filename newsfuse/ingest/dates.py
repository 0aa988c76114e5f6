"""Publication dates, read once when an article is read.

Inputs write dates every way: ISO 8601 ("2026-03-02T16:30:00Z"), RFC 822 as feeds do ("Mon, 02 Mar 2026
16:30:00 GMT"), "March 2, 2026", "2 March 2026", "2026/03/02", epoch seconds. `normalise_published`
turns each into one canonical ISO 8601 string, which is what `Article.published` holds from then on:

- a day alone stays a day: "2026-03-02";
- a time makes an aware datetime: "2026-03-02T16:30:00+00:00" (a time without a zone is taken as UTC).

Anything else is refused with `ValueError` (the reader reports it as a warning naming the article and
drops the date): a weekday or "yesterday" alone (no calendar day), an impossible day ("2025-02-30"), and
an all-numeric day and month that could be read either way ("05/03/2013" is 3 May in the US and 5 March
in Europe: a wrong date would misplace the article in time).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from newsfuse.model import Article, Problem

# Two defaults that differ in every field: a field the text does not give comes out different.
_DEFAULTS = (datetime(1900, 1, 1, 0, 0, 0), datetime(1904, 2, 2, 1, 1, 1))
_AMBIGUOUS = re.compile(r"(?<!\d)(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?\d{2,4}")
# Epoch seconds between 1990 and 2100: a number outside is not a publication time.
_EPOCH_RANGE = (631_152_000, 4_102_444_800)
MAX_DATE_CHARACTERS = 200
# Zone abbreviations news pages print, in seconds east of UTC (dateutil knows only UTC/GMT by itself).
_ZONES = {"GMT": 0, "UTC": 0, "Z": 0, "BST": 3600, "CET": 3600, "CEST": 7200, "EET": 7200, "EEST": 10800,
          "MSK": 10800, "IST": 19800, "JST": 32400, "AEST": 36000, "AEDT": 39600, "EST": -18000, "EDT": -14400,
          "ET": -18000, "CST": -21600, "CDT": -18000, "MST": -25200, "MDT": -21600, "PST": -28800, "PDT": -25200}


def normalise_published(value: object, fuzzy: bool = False) -> str:
    """The canonical ISO 8601 form of a publication date; `ValueError` when it names no calendar day.

    `fuzzy`: the date may sit inside other words ("Published: March 2, 2026, 10:32"), as in a page header.
    """
    if isinstance(value, bool) or value is None:
        raise ValueError("no date")
    if isinstance(value, int | float):
        if not _EPOCH_RANGE[0] <= value <= _EPOCH_RANGE[1]:
            raise ValueError(f"{value!r} is not a time between 1990 and 2100 in epoch seconds")
        return datetime.fromtimestamp(value, UTC).isoformat()
    if not isinstance(value, str):
        raise ValueError(f"expected a date string, got {type(value).__name__}")
    text = value.strip()
    if not text or len(text) > MAX_DATE_CHARACTERS:
        raise ValueError("no date" if not text else "too long to be a date")
    iso = _iso(text)
    if iso is not None:
        return iso
    rfc = _rfc822(text)
    if rfc is not None:
        return rfc
    return _written(text, fuzzy)


def _iso(text: str) -> str | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ][\d:.,]+(Z|[+-]\d{2}(:?\d{2})?)?)?", text):
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return _aware(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError as error:
        raise ValueError(f"{text!r} is not a calendar date ({error})") from None


def _rfc822(text: str) -> str | None:
    if not re.match(r"([A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}", text):
        return None
    try:
        return _aware(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None


def _written(text: str, fuzzy: bool) -> str:
    from dateutil import parser

    numeric = _AMBIGUOUS.search(text)
    if numeric and int(numeric.group(1)) <= 12 and int(numeric.group(2)) <= 12 and numeric.group(1) != numeric.group(2):
        raise ValueError(f"{text!r} could be read as day/month or month/day")
    try:
        with warnings.catch_warnings():  # an unknown zone name: the time is then taken as UTC
            warnings.simplefilter("ignore")
            first, second = (parser.parse(text, default=default, fuzzy=fuzzy, tzinfos=_ZONES) for default in _DEFAULTS)
    # dateutil computes with the digits it reads: a minute of thirty digits ("10:3000...") fails in its decimal
    # arithmetic (InvalidOperation) or overflows, both ArithmeticErrors, not ValueErrors.
    except (ValueError, ArithmeticError) as error:
        reason = error if isinstance(error, ValueError) else "a number in it is too large"
        raise ValueError(f"{text!r} is not a date ({reason})") from None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        raise ValueError(f"{text!r} names no calendar day")
    if (first.hour, first.minute) != (second.hour, second.minute):
        return first.date().isoformat()  # no time of day given
    return _aware(first)


def _aware(stamp: datetime) -> str:
    return (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).isoformat()



def normalise_article_date(article: Article) -> Problem | None:
    """Put `article.published` in canonical form; a date that cannot be read is dropped with a warning."""
    if article.published is None:
        return None
    try:
        article.published = normalise_published(article.published)
    except ValueError as error:
        article.published = None
        return Problem(article.path or article.id,
                       f"article {article.id!r}: publication date ignored: {error}", fatal=False)
    return None


def with_normalised_dates(items: Iterable[Article | Problem]) -> Iterator[Article | Problem]:
    """The items, each article's date in canonical form, a warning before any article whose date was dropped."""
    for item in items:
        if isinstance(item, Article):
            warning = normalise_article_date(item)
            if warning:
                yield warning
        yield item
