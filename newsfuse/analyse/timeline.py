"""Dated events: every date expression in the bodies, resolved to a calendar date, grouped by event.

The reference date of each article is its publication date when the input gives one. Otherwise it is
inferred: the date the article's own written-out dates (body and captions) name most often, the year
from the article or from the other sources; an article with no date of its own takes the date the
other sources agree on. Inferred references are marked, and so is every date resolved from one.
Relative expressions ("tomorrow") right after a written-out date in the same or the previous sentence
are read from that date: "Putin told ... on March 14 ... 'from tomorrow'" is March 15.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from newsfuse.analyse import dates
from newsfuse.analyse.nlp import Parsed, ParsedDocument
from newsfuse.model import Brief
from newsfuse.segment.tokens import content_terms

# Sentences about one date that share this share of content words (Jaccard) tell one event.
SAME_EVENT_JACCARD = 0.2
MAX_EVENT_WORDS = 30


@dataclass
class Reference:
    date: date | None
    basis: str  # published | dates in the text | other sources | none
    inferred: bool


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


def build_timeline(brief: Brief, parsed: Parsed, originals: dict[str, str]) -> Timeline:
    references = infer_references(brief, parsed)
    mentions = [m for pd in parsed.documents for m in _mentions(pd, references[pd.id])]
    return Timeline(references, _events(mentions, originals), mentions)


def _date_ents(pd: ParsedDocument, roles: tuple[str, ...]):
    for block, sent in pd.sentences(roles):
        for ent in sent.ents:
            if ent.label_ == "DATE":
                yield block, sent, ent


def infer_references(brief: Brief, parsed: Parsed) -> dict[str, Reference]:
    written: dict[str, list[dates.Resolved]] = {}
    years: Counter = Counter()
    for pd in parsed.documents:
        found = [r for _b, _s, ent in _date_ents(pd, ("body", "caption"))
                 if (r := dates.explicit(ent.text, 1)) is not None]
        written[pd.id] = found
        years.update(r.date.year for r in found if not r.relative)
    for doc in brief.documents:
        if doc.article.published:
            years[_parse_iso(doc.article.published).year] += 1
    story_year = years.most_common(1)[0][0] if years else None
    references: dict[str, Reference] = {}
    for pd in parsed.documents:
        published = pd.document.article.published
        if published:
            references[pd.id] = Reference(_parse_iso(published), "published", False)
            continue
        days = Counter()
        for r in written[pd.id]:
            if r.relative and story_year is None:
                continue
            days[r.date.replace(year=story_year) if r.relative else r.date] += 1
        if days:
            best = max(days.items(), key=lambda item: (item[1], item[0]))[0]
            references[pd.id] = Reference(best, "dates in the text", True)
    agreed = Counter(ref.date for ref in references.values())
    story = agreed.most_common(1)[0][0] if agreed else None
    for pd in parsed.documents:
        if pd.id not in references:
            references[pd.id] = Reference(story, "other sources" if story else "none", True)
    return references


def _parse_iso(text: str) -> date:
    return date.fromisoformat(text[:10])


def _mentions(pd: ParsedDocument, reference: Reference) -> list[DateMention]:
    found: list[DateMention] = []
    anchor: tuple[int, date] | None = None  # (sentence number, last written-out date)
    for number, (block, sent) in enumerate(pd.sentences()):
        for ent in sent.ents:
            if ent.label_ != "DATE" or _names_a_thing(ent):
                continue
            base = reference.date
            if anchor and number - anchor[0] <= 1 and dates.RELATIVE_DAY.search(ent.text):
                base = anchor[1]
            resolved = dates.resolve(ent.text, base, sent.text)
            if resolved is None:
                continue
            if resolved.precision == "day" and not dates.RELATIVE_DAY.search(ent.text):
                anchor = (number, resolved.date)
            start, end = block.span(ent.start_char, ent.end_char)
            found.append(DateMention(pd.id, start, end, ent.text, resolved,
                                     block.span(sent.start_char, sent.end_char), sent.text,
                                     reference.inferred and resolved.relative))
    return found


def _names_a_thing(ent) -> bool:
    """ "the Sept 11 attacks": a date used as the name of something, not the date of an event."""
    return any(t.dep_ in ("compound", "nummod", "amod", "nmod") and t.head.i >= ent.end and t.head.pos_ == "NOUN"
               for t in ent)


def _events(mentions: list[DateMention], originals: dict[str, str]) -> list[Event]:
    by_date: dict[tuple[date, str], list[DateMention]] = {}
    for m in mentions:
        by_date.setdefault((m.resolved.date, m.resolved.precision), []).append(m)
    events: list[Event] = []
    for (day, precision), group in sorted(by_date.items()):
        clusters: list[tuple[set[str], list[DateMention]]] = []
        for m in group:
            terms = set(content_terms(m.sentence_text))
            home = next((c for c in clusters if _jaccard(terms, c[0]) >= SAME_EVENT_JACCARD), None)
            if home:
                home[0].update(terms)
                home[1].append(m)
            else:
                clusters.append((terms, [m]))
        for _terms, members in clusters:
            sources = sorted({originals.get(m.source, m.source) for m in members})
            lead = min(members, key=lambda m: (len(m.sentence_text), m.source))
            words = lead.sentence_text.split()
            text = " ".join(words[:MAX_EVENT_WORDS]) + (" ..." if len(words) > MAX_EVENT_WORDS else "")
            label = dates.display(dates.Resolved(day, precision, False))
            events.append(Event(label, precision, text, members, sources, all(m.inferred for m in members)))
    events.sort(key=lambda e: (e.date, -len(e.sources)))
    return events


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
