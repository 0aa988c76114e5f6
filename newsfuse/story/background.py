"""Background: sentences about what happened well before the story ("the intervention in September
helped to turn the tide", "the 2004 tsunami killed 230,000").

A brief tells what is new first; background goes in when there is room for it. The story's date is the
sources' publication date, or the written-out date they name most often of those not earlier than the
latest year they name (a story is told after everything it tells as having happened); a sentence is
background when every date it names resolves to at least `BACKGROUND_DAYS` before it. Only written-out
dates, months and years are read (no parser): "last September", "in 2004", "March 4, 2016", "two years ago".
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from newsfuse.model import Document
from newsfuse.segment import dates

# A month before the story is background; the days around it (the week's events) are the story.
BACKGROUND_DAYS = 30
# Sources published within this many days of each other tell one news cycle: source order then.
NEWS_CYCLE_DAYS = 2
_EXPRESSIONS = re.compile(
    "|".join(p.pattern for p in (dates.MONTH_DAY, dates.DAY_MONTH, dates.AGO, dates.RELATIVE_UNIT))
    + r"|\b(?:last|in|since|of)\s+" + dates.MONTH + r"(?:\s+\d{4})?\b"
    + r"|\b(?:in|since|of)\s+(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(r"\b(?:in|since|of)\s+((?:19|20)\d{2})\b", re.IGNORECASE)
# A date after "since" starts a period that runs up to the story ("the first time since 1994", "the lowest
# since December 1969", "has been held since 2004"): it does not date what the sentence tells. A year after "of"
# and a capitalised word is part of a name ("the Emergency Powers Act of 1945", "the Class of 2020").
_SINCE = re.compile(r"since\b", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_NAME_OF = re.compile(r"of\s", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"\b[A-Z][\w’'-]*\s+$")
# Every written-out date has a day number: a text without a digit (half the short leads) names none, and
# is not scanned for one.
HAS_DIGIT = re.compile(r"\d")
# A full date has its year in four digits ("March 14, 2016"), and so has a year named alone ("in 2006"): a text
# without four digits in a row (three in four allsides-neus texts that have a digit) names neither.
_FOUR_DIGITS = re.compile(r"\d{4}")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}")
_CONTEXT = 16  # characters either side of a year that `dates.NAMED_YEAR` reads ("September, 2003", "2000 kilometres")


def story_date(documents: list[Document]) -> date | None:
    """The sources' latest publication date, else the full date (with its year) their texts name most that
    is not earlier than the latest year they name (None when no full date is that late).

    A story is told after everything it tells as having happened: texts that name 2003 and 2006 as past
    ("came out of hiding in 2003") are not written in 1923, though the date they name most is a birth date
    (April 22, 1923) that no other date outnumbers. A year named as the future ("will open in 2030") makes
    the date unknown too, as for a story whose texts name no date: nothing is then background, the
    cautious outcome."""
    published = [day for doc in documents if (day := doc.article.published_day) is not None]
    if published:
        return max(published)
    counts: Counter = Counter()
    latest = None
    for doc in documents:
        if not _FOUR_DIGITS.search(doc.article.text):  # no full date, no year: nothing to count
            continue
        for pattern in (dates.MONTH_DAY, dates.DAY_MONTH):
            for match in pattern.finditer(doc.article.text):
                resolved = dates.explicit(match.group(), None)  # None without a year
                if resolved is not None:
                    counts[resolved.date] += 1
        latest = max_year(latest, named_year(doc.article.text))
    latest = max_year(latest, max((day.year for day in counts), default=None))
    return next((day for day, _ in counts.most_common() if day.year >= latest), None) if counts else None


def named_year(text: str) -> int | None:
    """The latest year `text` names as a year outside a full date ("in 2006", "December 2003")."""
    latest = None
    # Found by its digits first, then read in its context: a sixth of the time of scanning the text for the context.
    for number in _YEAR_DIGITS.finditer(text):
        year = int(number.group())
        if latest is not None and year <= latest:
            continue
        start = number.start()
        window = dates.NAMED_YEAR.finditer(text, max(0, start - _CONTEXT), number.end() + _CONTEXT)
        if any(match.start("year") == start for match in window):
            latest = year
    return latest


def max_year(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def is_background(text: str, story: date | None) -> bool:
    """Every date the sentence names lies a month or more before the story (and it names one)."""
    if story is None:
        return False
    found = []
    for match in _EXPRESSIONS.finditer(text):
        expression = match.group()
        if _SINCE.match(expression) or _SINCE_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            continue  # a period running up to now ("the lowest since December 1969", "held since 2004")
        if _NAME_OF.match(expression) and _NAMED_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # part of a name ("the Emergency Powers Act of 1945")
        year = _YEAR_ONLY.fullmatch(expression.strip())
        if year:
            found.append(date(int(year.group(1)), 12, 31))  # the year's last day: "in 2016" may be recent
            continue
        resolved = dates.resolve(re.sub(r"^(in|since|of)\s+", "", expression, flags=re.IGNORECASE), story, text)
        if resolved is None:
            return False  # a date not understood: not sure it is old
        found.append(_last_day(resolved))
    if story <= date.min + timedelta(days=BACKGROUND_DAYS):  # a story dated in January of year 1: nothing before it
        return False
    return bool(found) and all(day <= story - timedelta(days=BACKGROUND_DAYS) for day in found)


def _last_day(resolved: dates.Resolved) -> date:
    if resolved.precision == "year":
        return date(resolved.date.year, 12, 31)
    if resolved.precision == "month":
        if resolved.date.year == date.max.year and resolved.date.month == 12:
            return date.max
        following = date(resolved.date.year + resolved.date.month // 12, resolved.date.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return resolved.date


def told_over_days(days: list[date | None]) -> bool:
    """The dated articles span more than one news cycle (a brief then tells its story in date order)."""
    known = [day for day in days if day is not None]
    return bool(known) and (max(known) - min(known)).days > NEWS_CYCLE_DAYS
