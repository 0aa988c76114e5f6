"""The figures a sentence gives, each with the words beside it: enough to tell, without a parse, that two
sentences give different values for one thing ("has won stage 13" / "has won stage 15", "at a depth of 7 km"
/ "at a depth of 35 kilometers", "38 cargo ships waiting" / "46 cargo ships were anchored").

A source whose sentence holds most of another sentence's words but gives another value for one of its figures
does not state that sentence's fact: it tells another event (the next stage, another aftershock) or disagrees
(the analysis lists the disagreement). Citations, key facts and an update brief's "already known" test leave
such a source out (`SupportIndex.agreeing`). The selection's redundancy test does not: two outlets' counts of
the ships at anchor tell one fact twice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from newsfuse.segment.dates import MONTH
from newsfuse.segment.tokens import content_terms, stop_words

# A time ("8:10", "20:36:08"), a figure ("13", "$900", "US$1", "£88", "2,975", "6.6", "3.6%", "1st"), or a word.
_TOKEN = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?!\d)|(?:US\$|\$US|[$€£¥])?\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?%?"
                    r"|[^\W\d_][\w'’-]*")
_CURRENCY = re.compile(r"^(?:US\$|\$US|[$€£¥])")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_SCALES = {"dozen": 12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_AMOUNT_SCALES = {"m": 1e6, "bn": 1e9, "k": 1e3}  # after an amount of money: "£88m"
# Words before a figure that make it a bound or an estimate: "more than 1,000 flights" agrees with "at least
# 1,800 flights", "at least two civilians" with "kills 10".
_AT_LEAST = ("more than", "at least", "over", "upwards of", "in excess of", "above", "no fewer than")
_AT_MOST = ("nearly", "almost", "up to", "under", "less than", "fewer than", "close to", "as many as")
_ABOUT = ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "circa")
# Counts written out ("fifteen sailors"). Not "one": "no one", "one of", "one day" are no counts.
_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100}
# The cheap test first: most sentences hold no digit and no count in words.
_MAY_HOLD_A_FIGURE = re.compile(r"\d|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
# How far either side of a figure its nearest content word may be: "at a depth of 7 km" -> depth, km.
CONTEXT_WORDS = 3
# A round figure ("3,000", "50") is often an outlet's rounding of an exact one ("2,975"): within this share
# of each other, the two agree.
ROUNDING = 0.10
# "40 months" is three years and four months give or take a day or two.
CALENDAR_SLACK = 0.02
_MONTH_WORD = re.compile(MONTH)  # lower case: "march", "sept."
# Amounts are compared within one currency only: "$2.6 million" and "two million euros" may be one sum.
_CURRENCIES = {"$": "dollar", "US$": "dollar", "$US": "dollar", "€": "euro", "£": "pound", "¥": "yen",
               "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro", "pound": "pound",
               "pounds": "pound", "yen": "yen", "yuan": "yuan", "rupees": "rupee", "francs": "franc"}
_STOPS = stop_words("en")
_DURATIONS = {"year": 365.25, "years": 365.25, "month": 30.44, "months": 30.44, "week": 7, "weeks": 7, "day": 1,
              "days": 1, "hour": 1 / 24, "hours": 1 / 24, "minute": 1 / 1440, "minutes": 1 / 1440}
_CLOCK = frozenset(("a", "p", "am", "pm"))  # "a.m." reads as "a", "m"


class Figure(NamedTuple):
    low: float
    high: float
    kind: str  # time, day, year, percent, "money <currency>", age, duration, count: one kind is compared
    context: frozenset[str]  # the stems of the nearest content word on each side


def _value(token: str) -> float | None:
    if token[0].isalpha() and not token.startswith("US$"):  # a word: a figure only when it spells a count
        count = _NUMBER_WORDS.get(token.lower())
        return float(count) if count else None
    time = _TIME.fullmatch(token)
    if time:
        hours, minutes, seconds = time.groups()
        return int(hours) * 3600 + int(minutes) * 60 + int(seconds or 0)
    digits = _CURRENCY.sub("", token)
    if not digits[:1].isdigit():
        return None
    digits = digits.rstrip("%").replace(",", "")
    if digits[-2:] in ("st", "nd", "rd", "th"):
        digits = digits[:-2]
    try:
        value = float(digits)
    except ValueError:
        return None
    return value if math.isfinite(value) else None  # hundreds of digits: no figure anyone compares


def _kind(token: str, value: float, before: str, after: str, following: str) -> str:
    """`before`: the word before, as written (a month's name has a capital: "May 5", not "may 5 people");
    `after`, `following`: the next two words in lower case."""
    if _TIME.fullmatch(token):
        return "time"
    if (before[:1].isupper() and _MONTH_WORD.fullmatch(before.lower())) or _MONTH_WORD.fullmatch(after):
        return "day"
    if token.endswith("%") or after in ("percent", "per"):
        return "percent"
    currency = _CURRENCY.match(token)
    if currency:
        return "money " + _CURRENCIES[currency.group()]
    if after in _CURRENCIES:
        return "money " + _CURRENCIES[after]
    if following in _CURRENCIES and after in _SCALES:
        return "money " + _CURRENCIES[following]
    if after.startswith(("year-old", "years-old")) or (after in ("year", "years") and following == "old"):
        return "age"  # "a 12-year-old girl": a person, not a span of time
    if after in _DURATIONS:
        return "duration"
    if len(token) == 4 and token.isdigit() and 1800 <= value <= 2100:
        return "year"
    return "count"


def _nearest(tokens: list[str], positions: range) -> str | None:
    for j in positions:
        if 0 <= j < len(tokens):
            word = tokens[j].lower()
            if _value(tokens[j]) is not None:
                return None  # another figure comes first: "from 64 to nearly 3,000"
            if word not in _STOPS:
                return word
    return None


@lru_cache(maxsize=20_000)
def figures(text: str) -> tuple[Figure, ...]:
    """Each figure of `text` (times, counts, amounts, days of the month, years) with its kind and the nearest
    content word on each side, within `CONTEXT_WORDS` ("%" reads as "percent")."""
    if not _MAY_HOLD_A_FIGURE.search(text):
        return ()
    tokens = _TOKEN.findall(text)
    found: list[Figure] = []
    last_duration_end = -9  # the index of the unit word of the last duration read
    for i, token in enumerate(tokens):
        value = _value(token)
        if value is None:
            continue
        after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        written = value  # as printed: "13 billion" is exact, "3,000" round
        if after in _SCALES:
            value *= _SCALES[after]
        elif after in _AMOUNT_SCALES and _CURRENCY.match(token):
            value *= _AMOUNT_SCALES[after]
        if not math.isfinite(value):
            continue
        before_word = tokens[i - 1] if i else ""
        if after in _CLOCK and not _TIME.fullmatch(token) and value <= 12:  # "5 p.m."
            value, token = value * 3600, f"{int(value)}:00"
        following = tokens[i + 2].lower() if i + 2 < len(tokens) else ""
        kind = _kind(token, value, before_word, after, following)
        if kind == "time":  # on a twelve-hour dial: "9:27 a.m." and "09:27" are one time, and so is "21:27"
            value %= 12 * 3600
        elif kind == "duration":  # in days: "three years and four months" is "40 months"
            value *= _DURATIONS[after]
        low, high = _range(value, written, " ".join(tokens[max(0, i - 3) : i]).lower(), kind)
        # An age's own words ("-year-old") say nothing of whose age it is: the words past them do.
        skip = (2 if following == "old" else 1) if kind == "age" else 0
        beside = {_nearest(tokens, range(i - 1, i - 1 - CONTEXT_WORDS, -1)),
                  _nearest(tokens, range(i + 1 + skip, i + 1 + skip + CONTEXT_WORDS))} - {None}
        if kind == "percent":
            beside.add("percent")
        figure = Figure(low, high, kind, frozenset(content_terms(" ".join(beside))))
        if kind == "duration" and found and last_duration_end == i - 2 and tokens[i - 1].lower() == "and":
            first = found.pop()  # one duration told in two units
            figure = Figure(first.low + low, first.high + high, kind, first.context | figure.context)
        if kind == "duration":
            last_duration_end = i + 1
        found.append(figure)
    return tuple(found)


def _range(value: float, written: float, before: str, kind: str) -> tuple[float, float]:
    """The values a figure allows: a bound ("more than 50") is open on one side, an estimate ("about 200") and
    a round count ("3,000", which may round "2,975") are `ROUNDING` either side; a time, a day or a year is
    itself."""
    if kind in ("time", "day", "year"):
        return value, value
    if kind == "duration" and not before.endswith(_AT_LEAST + _AT_MOST + _ABOUT):  # months differ in length
        return value * (1 - CALENDAR_SLACK), value * (1 + CALENDAR_SLACK)
    if before.endswith(_AT_LEAST):
        return value, math.inf
    if before.endswith(_AT_MOST):
        return 0.0, value
    if before.endswith(_ABOUT) or (written >= 10 and written == int(written) and int(written) % 10 == 0):
        return value * (1 - ROUNDING), value * (1 + ROUNDING)
    return value, value


def _close(a: Figure, b: Figure) -> bool:
    """The two figures may tell one value."""
    return a.low <= b.high and b.low <= a.high


def disagree(text: str, others: Iterable[str]) -> bool:
    """`others` (the sentences of another source's span) give, beside a word `text` has beside one of its
    figures, another value of that kind, while that figure of `text` is not theirs either: "stage 13" /
    "stage 15". A figure one of them lacks altogether is a detail, not a disagreement."""
    mine, theirs = figures(text), tuple(figure for other in others for figure in figures(other))
    if not mine or not theirs:
        return False
    lone_mine = [f for f in mine if not any(_close(f, g) for g in theirs)]
    if not lone_mine:
        return False
    lone_theirs = [g for g in theirs if not any(_close(g, f) for f in mine)]
    # Words beside figures the two agree on are units or frames both use for several figures ("226 yards",
    # "an 86-yard run"): they do not say that two figures count one thing.
    shared = {word for f in mine if f not in lone_mine for word in f.context}
    shared.update(word for g in theirs if g not in lone_theirs for word in g.context)
    return any(f.kind == g.kind and (f.context & g.context) - shared for f in lone_mine for g in lone_theirs)
