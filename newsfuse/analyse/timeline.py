"""Dated events: every date expression in the bodies, resolved to a calendar date, grouped by event.

The reference date of each article is the story model's (`Story.references`): its publication date
when the input gives one, else inferred from the dates it writes out, else the story's. Inferred
references are marked, and so is every date resolved from one.
Relative expressions ("tomorrow") right after a written-out date in the same or the previous sentence
are read from that date: "Putin told ... on March 14 ... 'from tomorrow'" is March 15.

An event is something reported: it needs a report's sentence, which is the one shown. An opinion piece's
date ("it will be back at the table by Friday") joins an event a report tells, never makes one.
Sentences that give different figures for one thing (a conflict, `conflicts.find_conflicts`) are never one
event: an event cites every source of its sentences, and "38 ships waiting at anchor" must not cite the
outlet that counted 46.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from newsfuse.analyse.conflicts import Conflict
from newsfuse.analyse.nlp import Parsed, ParsedDocument
from newsfuse.segment import dates
from newsfuse.segment.tokens import content_terms
from newsfuse.story import Reference, Story

# Sentences about one date that share this share of content words (Jaccard) tell one event.
SAME_EVENT_JACCARD = 0.2
MAX_EVENT_WORDS = 30


@dataclass
class DateMention:
    source: str
    start: int
    end: int
    expression: str
    resolved: dates.Resolved
    sentence: tuple[int, int]
    sentence_text: str
    inferred: bool  # resolved against an inferred reference date


@dataclass
class Event:
    date: str
    precision: str
    text: str
    mentions: list[DateMention]
    sources: list[str]
    inferred: bool

    def to_dict(self) -> dict:
        return {
            "date": self.date, "precision": self.precision, "text": self.text, "inferred": self.inferred,
            "sources": self.sources, "independent_sources": len(self.sources),
            "mentions": [{"source": m.source, "start": m.start, "end": m.end, "expression": m.expression,
                          "sentence": {"source": m.source, "start": m.sentence[0], "end": m.sentence[1]}}
                         for m in self.mentions],
        }


@dataclass
class Timeline:
    references: dict[str, Reference]
    events: list[Event] = field(default_factory=list)
    mentions: list[DateMention] = field(default_factory=list)


def build_timeline(story: Story, parsed: Parsed, conflicts: Sequence[Conflict] = ()) -> Timeline:
    """`conflicts`: the figures the sources disagree on; a sentence on one side never joins an event told
    by a sentence on the other."""
    originals = {doc.id: doc.duplicate_of or doc.id for doc in story.documents}
    reported = {doc.id for doc in story.documents if doc.kind == "report"}
    mentions = [m for pd in parsed.documents for m in _mentions(pd, story.references[pd.id])]
    sides = _sides(conflicts)
    return Timeline(dict(story.references), _events(mentions, originals, reported, sides), mentions)


# (source, sentence start, sentence end) -> the (conflict, value) pairs that sentence gives a figure for.
Sides = dict[tuple[str, int, int], set[tuple[int, int]]]


def _sides(conflicts: Sequence[Conflict]) -> Sides:
    sides: Sides = {}
    for number, conflict in enumerate(conflicts):
        for side, value in enumerate(conflict.values):
            for sentence in value.get("sentences", ()):
                key = (sentence["source"], sentence["start"], sentence["end"])
                sides.setdefault(key, set()).add((number, side))
    return sides


def _disagree(a: DateMention, b: DateMention, sides: Sides) -> bool:
    """The two sentences give different values of one conflicting figure."""
    of_a = sides.get((a.source, *a.sentence), ())
    of_b = sides.get((b.source, *b.sentence), ())
    return any(x[0] == y[0] and x[1] != y[1] for x in of_a for y in of_b)


def _mentions(pd: ParsedDocument, reference: Reference) -> list[DateMention]:
    found: list[DateMention] = []
    anchor: tuple[int, date] | None = None  # (sentence number, last written-out date)
    for number, (block, sent) in enumerate(pd.sentences()):
        for ent in sent.ents:
            # A time names its day too ("Monday night", "3 p.m. Friday"): read when it does (a bare "6 a.m."
            # resolves to nothing).
            if (ent.label_ not in ("DATE", "TIME") or _names_a_thing(ent) or _bounds_a_period(ent)
                    or _no_particular_day(ent) or _in_a_title(ent)):
                continue
            base = reference.date
            if anchor and number - anchor[0] <= 1 and dates.RELATIVE_DAY.search(ent.text):
                base = anchor[1]
            resolved = dates.resolve(ent.text, base, sent.text, ent.start_char - sent.start_char,
                                     ahead_allowed=not reference.inferred)
            if resolved is None:
                continue
            if resolved.precision == "day" and not dates.RELATIVE_DAY.search(ent.text):
                anchor = (number, resolved.date)
            start, end = block.span(ent.start_char, ent.end_char)
            found.append(DateMention(pd.id, start, end, ent.text, resolved,
                                     block.span(sent.start_char, sent.end_char), sent.text,
                                     reference.inferred and resolved.relative))
    return found


# A part of the day after a date is when on that day, not a thing named by the date: "early on Wednesday
# morning" is Wednesday (the parse makes "Wednesday" a compound of "morning", as "Sept 11" of "attacks").
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "noon", "midday", "midnight", "dawn",
                           "dusk", "daybreak", "lunchtime", "overnight"})


def _names_a_thing(ent) -> bool:
    """ "the Sept 11 attacks": a date used as the name of something, not the date of an event."""
    return any(t.dep_ in ("compound", "nummod", "amod", "nmod") and t.head.i >= ent.end and t.head.pos_ == "NOUN"
               and t.head.lower_ not in _PARTS_OF_DAY for t in ent)


# "on a Sunday morning", "every Friday": a kind of day, not the day of an event ("a May 19 due date" is one).
_GENERIC = frozenset({"a", "an", "every", "each", "any"})


def _no_particular_day(ent) -> bool:
    first = ent[0]
    return first.lower_ in dates.WEEKDAYS and first.i > ent.sent.start and first.nbor(-1).lower_ in _GENERIC


def _in_a_title(ent) -> bool:
    """ "ABC News' World News Tonight", "USA Today": a relative day capitalised inside a sentence is part of a
    name."""
    first = ent[0]
    return (first.i > first.sent.start and first.text[:1].isupper() and not first.text.isupper()
            and first.lower_ in ("today", "tonight", "tomorrow", "yesterday"))


# A date after these words bounds a period ("no job cuts before 2030", "would not arrive before 2028", "an
# extension until Saturday"): nothing the sentence tells happens on that day. A day's own event stays ("Before
# today's stage, which he won, Rasmussen said ...": the possessive names what happens on it).
_BOUNDING = frozenset({"before", "until", "till", "til"})


def _bounds_a_period(ent) -> bool:
    first, last = ent[0], ent[-1]
    if last.tag_ == "POS" or (last.i + 1 < len(last.doc) and last.nbor(1).tag_ == "POS"):
        return False
    previous = first.nbor(-1) if first.i > first.sent.start else None
    return first.lower_ in _BOUNDING or (previous is not None and previous.lower_ in _BOUNDING)


def _events(mentions: list[DateMention], originals: dict[str, str], reported: set[str],
            sides: Sides | None = None) -> list[Event]:
    sides = sides or {}
    by_date: dict[tuple[date, str], list[DateMention]] = {}
    for m in mentions:
        by_date.setdefault((m.resolved.date, m.resolved.precision), []).append(m)
    events: list[Event] = []
    for (day, precision), group in sorted(by_date.items()):
        clusters: list[tuple[set[str], list[DateMention]]] = []
        for m in group:
            terms = set(content_terms(m.sentence_text))
            home = next((c for c in clusters if _jaccard(terms, c[0]) >= SAME_EVENT_JACCARD
                         and not any(_disagree(m, other, sides) for other in c[1])), None)
            if home:
                home[0].update(terms)
                home[1].append(m)
            else:
                clusters.append((terms, [m]))
        for _terms, members in clusters:
            reports = [m for m in members if m.source in reported]
            if not reports:
                continue
            sources = sorted({originals.get(m.source, m.source) for m in members})
            lead = min(reports, key=lambda m: (len(m.sentence_text), m.source))
            words = lead.sentence_text.split()
            text = " ".join(words[:MAX_EVENT_WORDS]) + (" ..." if len(words) > MAX_EVENT_WORDS else "")
            label = dates.display(dates.Resolved(day, precision, False))
            events.append(Event(label, precision, text, members, sources, all(m.inferred for m in members)))
    events.sort(key=lambda e: (e.date, -len(e.sources)))
    return events


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
