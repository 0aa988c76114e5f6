"""Resolve a date expression ("March 14", "Monday", "from tomorrow", "last September", "last month",
"five months ago") to a calendar date, given the date the text was written.

Weekdays point back to the latest such day on or before the reference date ("Putin said on Monday"),
or forward to the next one when the sentence speaks of the future ("will begin Tuesday", "from
Tuesday", "a meeting on Wednesday which would ..."). A bare month is the latest such month on or
before the reference unless "next" says otherwise ("in September", written in March, is last
September). Durations ("five-year", "more than two years") are not dates and resolve to nothing, nor
are vague offsets ("more than five months ago": some time before a date, not that date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# The lookahead names the months' first letters, so that the regex engine skips to them instead of
# trying every month at every character of a text (searching a text takes 40% less time).
MONTH_DAY = re.compile(r"(?=[adfjmnos])" + MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b",
                       re.IGNORECASE)
DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH + r"(?:,?\s+(\d{4}))?\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
RELATIVE_DAY = re.compile(r"\b(today|tomorrow|yesterday|tonight)\b", re.IGNORECASE)
RELATIVE_UNIT = re.compile(r"\b(last|next|this|past)\s+(week|month|year)\b", re.IGNORECASE)
_NAMED_MONTH = re.compile(r"\b(?:(last|next|this)\s+)?" + MONTH + r"(?:\s+(\d{4}))?\b", re.IGNORECASE)
# Not the end of a number written with separators: "2,100 years ago" is not "100 years ago".
AGO = re.compile(r"(?<![,.])\b(\w+|\d+)\s+(day|week|month|year)s?\s+ago\b", re.IGNORECASE)
_VAGUE_AGO = re.compile(r"\b(more than|over|nearly|almost|about|around|some|at least|less than)\b")
_YEAR = re.compile(r"^(?:in\s+)?((?:19|20)\d{2})$", re.IGNORECASE)
# A year named as a year, outside a full date: after a preposition of time ("in 2006", "since 2003", "from 1943
# to 1947", "January of 1955") or a month ("December 2003"). Not a count or an amount ("of 2000 people", "to
# 1950 percent", "$2000", "of 2,000"). The lookahead names the first letters, as MONTH_DAY's does.
NAMED_YEAR = re.compile(
    r"(?=[adfjmnosiut])(?<![\w$])(?:in|since|of|from|until|to|" + MONTH + r",?)\s+(?P<year>(?:19|20)\d{2})\b"
    r"(?![,.]\d|\s*%|\s+(?:percent|per|people|persons|men|women|children|residents|troops|soldiers|workers|"
    r"employees|members|students|votes|voters|cases|deaths|jobs|homes|houses|acres|miles|kilometers|kilometres|"
    r"feet|meters|metres|tons|tonnes)\b)",
    re.IGNORECASE)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# A day and month without a year, more than this many days after the reference, is last year's.
FUTURE_DAYS = 90
# Words in the sentence that make a bare weekday point forward: the future, a schedule ("is due to end
# on Wednesday", "is expected to"), or the present tense of a scheduled event ("the strike ends on
# Wednesday"): news tells past events in the past tense.
FUTURE_MARKERS = re.compile(
    r"\b(will|would|shall|next|to begin|to start|due to|expected to|scheduled to|"
    r"set to|planned to|plans to|is to|are to|going to|(ends|begins|starts|opens|closes|resumes|expires))\b",
    re.IGNORECASE)
# ... and a start or an end put on that day ("from Tuesday", "beginning Monday", "until Friday"): right before
# it, and not on a thing the day names ("distance themselves from Thursday night's fight" is the past).
_FROM_THE_DAY = {day: re.compile(rf"\b(?:from|beginning|starting|until)\s+(?:on\s+|this\s+|next\s+)?{day}\b"
                                  r"(?!\s*\w*\s*['’]s\b)", re.IGNORECASE) for day in WEEKDAYS}


# A day or month with no year, after one of these words in its own clause, lies ahead: "Sentencing is scheduled
# for Feb. 14", "the campaign - which will be in its third year in January". Without them a bare month is
# the latest one past (news reports what happened), and a day and month up to FUTURE_DAYS ahead this year's.
# A schedule's participle counts in the present or future only ("is scheduled for", "are expected to"): "an
# increase in tariffs planned for Oct. 15", cancelled since, was a past plan.
_AHEAD = re.compile(r"\b(?:will|would|shall|going to|upcoming|plans to|is to|are to)\b|['’]ll\b"
                    r"|\b(?:is|are|be|been|remains?)\s+(?:\w+ly\s+)?(?:scheduled|due|expected|set|planned|slated)\b"
                    r"|['’]s\s+(?:scheduled|due|expected|set|planned|slated)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:—–(]|\s-\s")
# A verb in the past between the future and the date claims it; a schedule's participle does not ("the EU would
# not be taking part in the scheduled MEM in January").
_PAST = re.compile(r"\b(?!(?:scheduled|expected|planned|slated)\b)\w+ed\b", re.IGNORECASE)
# Written this long before its reference, a day said to lie ahead is next year's; closer, the reference is
# more likely late (an article dated after its first writing: TAC 2011's "a conference ... that will take
# place next March 11", dated March 18).
AHEAD_DAYS = 30


def _ahead(sentence: str, text: str, at: int | None) -> bool:
    """Whether the clause of `sentence` before the date `text` (at `at`, else where `text` first appears)
    puts the date ahead: a word of `_AHEAD`, and no verb in the past between it and the date, whose date it
    would be ("... it will "suspend" the releasing of 15 British sailors ... detained by Iranian forces on
    March 23")."""
    position = sentence.find(text) if at is None else at
    if position <= 0:
        return False
    clause = _CLAUSE_BREAK.split(sentence[:position])[-1]
    marks = list(_AHEAD.finditer(clause))
    return bool(marks) and not _PAST.search(clause, marks[-1].end())


@dataclass(frozen=True)
class Resolved:
    date: date
    precision: str  # day | month | year
    relative: bool  # True when it needed the reference date (a weekday, "tomorrow", "last month")


def explicit(text: str, year: int | None) -> Resolved | None:
    """A date written out ("March 14, 2016", "14 March", "Sept 11"); the year from the text or `year`."""
    match = MONTH_DAY.search(text)
    groups = (match.group(1), match.group(2), match.group(3)) if match else None
    if not match:
        match = DAY_MONTH.search(text)
        groups = (match.group(2), match.group(1), match.group(3)) if match else None
    if not groups:
        return None
    month = MONTHS[groups[0][:3].lower()]
    day = int(groups[1])
    chosen = int(groups[2]) if groups[2] else year
    if chosen is None:
        return None
    try:
        return Resolved(date(chosen, month, day), "day", groups[2] is None)
    except ValueError:
        return None


def resolve(text: str, reference: date | None, sentence: str = "", at: int | None = None,
            ahead_allowed: bool = True) -> Resolved | None:
    """The date `text` names, read in a sentence written on `reference` (`at`: where in `sentence` the date
    is, when known; `ahead_allowed`: False when the reference was inferred from the dates the text names,
    which are often the coming event's own, so that "will take place from October 16" in an announcement
    of a December election is not a year ahead); None when it names none, or one outside the calendar's
    years 1-9999 ("2100 years ago", "in March 0000", "tomorrow" in an article a feed dates 9999-12-31): no
    date a story can be placed by."""
    try:
        return _resolve(text, reference, sentence, at, ahead_allowed)
    except (ValueError, OverflowError):
        return None


def _resolve(text: str, reference: date | None, sentence: str, at: int | None = None,
             ahead_allowed: bool = True) -> Resolved | None:
    found = explicit(text, reference.year if reference else None)
    if found:
        if reference and found.relative:
            if found.date < reference - timedelta(days=AHEAD_DAYS) and ahead_allowed and _ahead(sentence, text, at):
                found = Resolved(found.date.replace(year=found.date.year + 1), "day", True)
            elif found.date > reference + timedelta(days=FUTURE_DAYS) and not _ahead(sentence, text, at):
                found = Resolved(found.date.replace(year=found.date.year - 1), "day", True)
        return found
    year = _YEAR.match(text.strip())
    if year:
        return Resolved(date(int(year.group(1)), 1, 1), "year", False)
    if reference is None:
        return None
    lowered = text.lower()
    if match := _WEEKDAY.search(lowered):
        target = WEEKDAYS.index(match.group(1))
        back = (reference.weekday() - target) % 7
        if back and (FUTURE_MARKERS.search(sentence) or _FROM_THE_DAY[match.group(1)].search(sentence)):
            return Resolved(reference + timedelta(days=7 - back), "day", True)
        return Resolved(reference - timedelta(days=back), "day", True)
    if match := RELATIVE_DAY.search(lowered):
        shift = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[match.group(1)]
        return Resolved(reference + timedelta(days=shift), "day", True)
    if match := AGO.search(lowered):
        count = _count(match.group(1))
        if count is None or _VAGUE_AGO.search(lowered):
            return None  # "more than five months ago" is some time before a date, not that date
        return _shift(reference, match.group(2), -count)
    if match := RELATIVE_UNIT.search(lowered):
        step = {"last": -1, "past": -1, "next": 1, "this": 0}[match.group(1)]
        return _shift(reference, match.group(2), step)
    if match := _NAMED_MONTH.search(lowered):
        which, month_name, year_text = match.group(1), match.group(2), match.group(3)
        month = MONTHS[month_name[:3]]
        if year_text:
            return Resolved(date(int(year_text), month, 1), "month", False)
        year = reference.year
        if which == "next":  # a bare month is read as past: news reports what happened
            year += month <= reference.month
        elif which is None and ahead_allowed and _ahead(sentence, text, at):  # ... unless its clause puts it ahead
            year += month < reference.month
        elif month > reference.month or (which == "last" and month == reference.month):
            year -= 1
        return Resolved(date(year, month, 1), "month", True)
    return None


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word.lower())


def _shift(reference: date, unit: str, step: int) -> Resolved:
    """The day, month or year `step` units from `reference` (raises outside the calendar's years: `resolve`
    reads that as no date)."""
    unit = unit.lower()
    if unit == "day":
        return Resolved(reference + timedelta(days=step), "day", True)
    if unit == "week":
        return Resolved(reference + timedelta(weeks=step), "day", True)
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + step
        return Resolved(date(index // 12, index % 12 + 1, 1), "month", True)
    return Resolved(date(reference.year + step, 1, 1), "year", True)


def display(resolved: Resolved) -> str:
    if resolved.precision == "year":
        return f"{resolved.date.year}"
    if resolved.precision == "month":
        return resolved.date.strftime("%Y-%m")
    return resolved.date.isoformat()
