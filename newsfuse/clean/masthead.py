"""Metadata printed in a page's header lines: byline, publication date, outlet.

Plain text copied from a page keeps lines such as "By Anna Sorel, Nordwire", "Posted on March 3, 2026
by Harry", "Evening Post · 2 March 2026" or a wire dateline "OSLO (Reuters) -". They are furniture for
the summary but metadata for the source list and the timeline, so they are read before being dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# A calendar date with a year, in the forms pages print: "March 2, 2026", "2 March 2026", "2026-03-02".
# It starts with a month's first letter or a digit: the lookahead saying so lets the regex engine skip
# to those instead of trying every month at every word boundary.
DATE = re.compile(
    rf"\b(?=[adfjmnos\d])(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?|\d{1,2}\s?/\s?\d{1,2}\s?/\s?\d{4})\b",
    re.IGNORECASE,
)
# "Thursday," and, before a date, "Thu" / "Thu.".
_WEEKDAY = re.compile(rf"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:mon|tue|wed|thu|fri|sat|sun)\b\.?"
                      rf"(?=,?\s+(?:{_MONTH}|\d)))(?:,|\b)", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}[:.]\s?\d{2}\s*(am|pm|a\.m\.|p\.m\.)?(\s*[A-Z]{2,4})?\b", re.IGNORECASE)
_NAME = r"(?:(?:dr|prof|mr|mrs|ms)\.?\s+)?[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|al|bin|da|la|le)){0,4}"
_BY = re.compile(rf"^(?:by|von|par|por)\s+(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s*$", re.IGNORECASE)
_DASH_SIGNATURE = re.compile(rf"^[-—–]\s*(?P<names>{_NAME})\s*$")
# "Posted on", "First published:", "UPDATED ... at": the label of a date stamp.
# "Posted on", "Updated at", or a bare "on" before the date ("on April 24th, 2013": a blog's date line).
_POSTED = re.compile(r"^(?:(?:first\s+|last\s+)?(?:posted|published|updated|written|modified)(?:\s+(?:on|at))?\s*:?"
                     r"(?:\s+(?:on|at)\b)*|on\b)", re.IGNORECASE)
_BY_TAIL = re.compile(rf"\bby\s+(?P<names>{_NAME})\s*$")
_SEPARATORS = re.compile(r"\s*(?:[·|•]|\s[-—–]\s|,)\s*")
# The parts of a wire dateline, "WASHINGTON, March 14 (AP) — ": the place in capitals (with a state,
# country or date after a comma: "TEXAS, US"), the agency in brackets, a dash. The splitter, the
# compressor and the outlet reader all read datelines with these.
DATELINE_PLACE = r"[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?"
DATELINE_AGENCY = r"\((?P<agency>[A-Za-z .&/-]{2,30})\)"
DATELINE_DASH = r"[-—–]{1,2}\s"
_DATELINE_AGENCY = re.compile(rf"^{DATELINE_PLACE}\s*{DATELINE_AGENCY}\s*{DATELINE_DASH}")
# A whole wire dateline opening a text, agency optional ("MOSCOW (Reuters) - ", "GENEVA — "): the compressor cuts
# it, the analysis reads its place (group "place") as a place.
WIRE_DATELINE = re.compile(rf"^(?P<place>{DATELINE_PLACE})\s*(?:{DATELINE_AGENCY})?\s*{DATELINE_DASH}\s*")
# Words outlets name themselves with; a single capitalised word after a byline is an outlet too.
_OUTLET_WORDS = re.compile(r"\b(news|times|post|press|herald|daily|journal|tribune|gazette|agency|wire|"
                           r"radio|tv|television|broadcasting|courier|observer|guardian|telegraph|"
                           r"chronicle|reuters|ap|afp|dpa|bbc|cnn)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Masthead:
    """What one header line says about the article; any field may be None."""

    byline: str | None = None
    date_text: str | None = None
    outlet: str | None = None

    def __bool__(self) -> bool:
        return bool(self.byline or self.date_text or self.outlet)


def read_masthead_line(text: str, max_words: int = 12) -> Masthead:
    """The byline, date or outlet a short header line states, or an empty Masthead for anything else."""
    line = text.strip().strip("*_ ")
    if not line or len(line.split()) > max_words:
        return Masthead()
    date_match = DATE.search(line)
    if line.endswith((".", "?", "!", ":")) and not date_match:  # a sentence
        return Masthead()
    if date_match:
        rest = _TIME.sub(" ", _WEEKDAY.sub(" ", line[: date_match.start()] + " " + line[date_match.end() :]))
        posted = _POSTED.match(rest.strip())
        rest = rest.strip()[posted.end() :] if posted else rest
        by = _BY_TAIL.search(rest.strip())
        if by:
            return Masthead(byline=by.group("names"), date_text=date_match.group(0))
        parts = [p for p in _SEPARATORS.split(rest) if p.strip(" ,·|-—–")]
        byline = outlet = None
        for part in parts:
            part = part.strip(" ,·|-—–")
            signed = _BY.match(part)
            if signed:
                byline, outlet_part = _split_signature(signed.group("names"))
                outlet = outlet or outlet_part
            elif _looks_like_name(part):
                outlet = outlet or part
            else:
                return Masthead()  # words other than names around the date: a sentence, not a masthead
        return Masthead(byline=byline, date_text=date_match.group(0), outlet=outlet)
    signed = _BY.match(line) or _DASH_SIGNATURE.match(line)
    if signed:
        byline, outlet = _split_signature(signed.group("names"))
        return Masthead(byline=byline, outlet=outlet)
    return Masthead()


def names_an_outlet(text: str) -> bool:
    """The words name a news outlet or agency, by a word outlets name themselves with ("CNN", "Reuters",
    "Daily News")."""
    return bool(_OUTLET_WORDS.search(text))


def dateline_agency(text: str) -> str | None:
    """The agency named in a wire dateline at the start of a paragraph ("OSLO (Reuters) - ...")."""
    match = _DATELINE_AGENCY.match(text)
    return match.group("agency").strip() if match else None


def _split_signature(names: str) -> tuple[str, str | None]:
    """"Anna Sorel, Nordwire" -> ("Anna Sorel", "Nordwire"): a last part that is one word or an outlet name."""
    parts = [p.strip() for p in re.split(r"\s*,\s*", names) if p.strip()]
    if len(parts) >= 2 and (len(parts[-1].split()) == 1 or _OUTLET_WORDS.search(parts[-1])):
        return ", ".join(parts[:-1]), parts[-1]
    return names.strip(), None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or w.lower() in {"the", "of", "and", "&"} for w in words)
