"""The story model: everything the stages share about a set of documents, built once.

`build_story(documents)` marks copies, sets aside a roundup page's items about other stories, decides each
source's kind, reads each source's reference date,
turns every sentence of every independent source into a `Unit` (compressed text, terms, concepts,
speaker, coming days, background flag), merges name spellings, marks reactions and indexes the units
for support. The summariser selects and cites over it; the analysis stages (claims, timeline, profiles)
query the same units, index and dates. Nothing downstream rebuilds any of it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from newsfuse.clean.anycase import AnyCase
from newsfuse.dedupe import mark_copies
from newsfuse.model import Document
from newsfuse.segment import dates
from newsfuse.segment.voice import inside_quotation
from newsfuse.story.background import HAS_DIGIT, is_background, max_year, named_year, story_date
from newsfuse.story.kind import KindVerdict, classify_kind
from newsfuse.story.reactions import mark_reactions
from newsfuse.story.roundup import set_aside_other_stories
from newsfuse.story.schedule import add_coming_days
from newsfuse.story.support import SupportIndex, spelling_variants
from newsfuse.story.units import Unit, build_units

REPORT = "report"
# Written-out dates ("March 14, 2016", "14 March"): what an undated article's own date is read from. Each
# starts with a month's first letter or a digit; the lookahead saying so takes 40% off the scan, and matching
# the lower-cased text (`AnyCase`: the same matches) a third of what is left. A match is read by
# `dates.explicit`, in any case.
_WRITTEN_DATE = AnyCase(r"(?=[adfjmnos\d])(?:" + "|".join(p.pattern for p in (dates.MONTH_DAY, dates.DAY_MONTH))
                        + ")")
_CAPTION = re.compile(r"caption|credit")  # furniture reasons of photo captions and credits


# A story is one event when every source with a publication date (metadata, or a date line at its head)
# falls within this many days of the others (the event's day and the next day's papers), or when none has
# one. Over a longer span its sentences may tell different days' events with the same names and verbs (TAC
# 2011: "... has won stage 13 of the 2007 Tour de France" / "... has won the 2007 Tour de France general
# classification"), and only the citation threshold counts. The dates an undated text names in its body
# are the events it tells, not the day it was written (a birth date, "available April 29"), so they do not
# count: they had split 15 of the 64 ECB+ event clusters read as one event now.
ONE_EVENT_DAYS = 2


@dataclass(frozen=True)
class Reference:
    """The day a document's relative dates ("on Monday", "tomorrow") are read from, and how it was found."""

    date: date | None
    basis: str  # published | dates in the text | other sources | none
    inferred: bool


@dataclass(frozen=True)
class Known:
    """What the reader already knows (an update brief): the earlier articles' units and their index."""

    units: Mapping[str, list[Unit]]
    index: SupportIndex


@dataclass(frozen=True)
class Story:
    """One story's documents and what every stage reads about them. Built by `build_story`."""

    documents: tuple[Document, ...]  # in input order, copies included
    kinds: Mapping[str, KindVerdict]  # every document's kind, with the signals that decided it
    units: Mapping[str, list[Unit]]  # sentence units of each independent source, in its order
    date: date | None  # the story's date: latest publication date, else the date the texts name most (`story_date`)
    references: Mapping[str, Reference]  # per document
    index: SupportIndex  # over `units`: which sources state a unit's fact (name spellings in `canonical`)
    known: Known | None = None

    @property
    def originals(self) -> list[Document]:
        """The independent sources: every document that is not a copy of another."""
        return [doc for doc in self.documents if not doc.duplicate_of]

    @property
    def opinion(self) -> frozenset[str]:
        """Ids of the pieces whose sentences are never printed as the brief's own voice."""
        return frozenset(doc_id for doc_id, verdict in self.kinds.items() if verdict.kind != REPORT)

    def copies_of(self, doc_id: str) -> list[str]:
        return [doc.id for doc in self.documents if doc.duplicate_of == doc_id]

    def published(self) -> dict[str, date]:
        """Each document's publication day, for the documents whose input gives one."""
        return {doc.id: day for doc in self.documents if (day := doc.article.published_day) is not None}

    def tells_one_event(self) -> bool:
        """Every source with a publication date within ONE_EVENT_DAYS of the others (or none dated): a story of
        one event, whose sources all tell it, so that two of their sentences may tell one fact in looser
        words (the summariser), and a report's first sentence tells the event (the key facts)."""
        days = sorted(reference.date for reference in self.references.values()
                      if reference.date is not None and reference.basis == "published")
        return not days or (days[-1] - days[0]).days <= ONE_EVENT_DAYS

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)


def build_story(documents: Sequence[Document], known: Sequence[Document] = ()) -> Story:
    """The story model of `documents`; `known` are articles the reader has seen (an update brief).

    Copies are marked over known and new together, so a new copy of a known article is not news.
    """
    documents, known = list(documents), list(known)
    mark_copies([*known, *documents])
    set_aside_other_stories(documents)  # a roundup page's items about other stories
    kinds = {}
    # Which sentences lie inside a quotation: read once for both the kind and the units.
    quoted = {doc.id: inside_quotation(doc.sentences, doc.article.text) for doc in documents}
    for doc in documents:
        verdict = classify_kind(doc, quoted[doc.id])
        doc.kind, doc.kind_reasons = verdict.kind, verdict.reasons
        kinds[doc.id] = verdict
    originals = [doc for doc in documents if not doc.duplicate_of]
    day = story_date(originals)
    references = reference_dates(documents, day)
    units = {doc.id: build_units(doc, opinion=kinds[doc.id].kind != REPORT, quoted=quoted[doc.id]) for doc in originals}
    spellings = spelling_variants([unit for doc_units in units.values() for unit in doc_units])
    for doc_id, doc_units in units.items():
        for unit in doc_units:
            unit.background = is_background(unit.text, day)
            if spellings:  # without variant spellings (most short stories) every bigram stays as it is
                unit.bigrams = frozenset((spellings.get(a, a), spellings.get(b, b)) for a, b in unit.bigrams)
        add_coming_days(doc_units, references[doc_id].date)
    mark_reactions(units, originals)
    return Story(
        documents=tuple(documents),
        kinds=MappingProxyType(kinds),
        units=MappingProxyType(units),
        date=day,
        references=MappingProxyType(references),
        index=SupportIndex(units, spellings),
        known=_known(known, day) if known else None,
    )


def reference_dates(documents: Sequence[Document], story: date | None) -> dict[str, Reference]:
    """Each document's reference date: its publication date; else the written-out date its own body and
    captions name most often (a date without a year takes the year the sources name most); else the
    story's date.

    As for the story's date (`story_date`), an undated text's own date and the year given to dates without
    one are never earlier than the latest year the story's texts name (in a full date, "in 2006", "December
    2003"): an obituary naming the subject's birth date most was not written in her birth year, and its
    "Thursday" and "December 2" are not read in it (with no date that late, they are read from the story's
    date, or not at all). When a source has a publication date, a year named after the latest one is the
    future ("will open in 2030") and does not count; without one it makes the text's date unknown."""
    written: dict[str, list[dates.Resolved]] = {}
    years: Counter = Counter()
    latest = None  # the latest year the story names
    for doc in documents:
        found = []
        for text in _dated_text(doc):
            if HAS_DIGIT.search(text):
                found += [r for match in _WRITTEN_DATE.finditer(text) if (r := dates.explicit(match.group(), 1))]
                latest = max_year(latest, named_year(text))
        written[doc.id] = found
        full = [r.date.year for r in found if not r.relative]
        years.update(full)
        latest = max_year(latest, max(full, default=None))
        if doc.article.published_day:
            years[doc.article.published_day.year] += 1
    published = [day.year for doc in documents if (day := doc.article.published_day)]
    if published and latest is not None:  # a year named after every publication is the future
        latest = min(latest, max(published))
    story_year = next((year for year, _ in years.most_common() if latest is None or year >= latest), None)
    references: dict[str, Reference] = {}
    for doc in documents:
        if doc.article.published_day:
            references[doc.id] = Reference(doc.article.published_day, "published", False)
            continue
        days: Counter = Counter()
        for resolved in written[doc.id]:
            if resolved.relative and story_year is None:
                continue
            if latest is not None and not resolved.relative and resolved.date.year < latest:
                continue  # told after a later year the story names
            try:
                days[resolved.date.replace(year=story_year) if resolved.relative else resolved.date] += 1
            except ValueError:  # 29 February in a year without one
                continue
        if days:
            best = max(days.items(), key=lambda item: (item[1], item[0]))[0]
            references[doc.id] = Reference(best, "dates in the text", True)
        else:
            references[doc.id] = Reference(story, "other sources" if story else "none", True)
    return references


def _dated_text(doc: Document) -> list[str]:
    """The body and the photo captions: where an article's own dates are written. Page furniture (related
    links, archive lists, a page footer's date) names other days."""
    text = doc.article.text
    spans = [*doc.blocks, *(f.span for f in doc.furniture if _CAPTION.search(f.reason))]
    return [text[span.start : span.end] for span in spans]


def _known(known: list[Document], day: date | None) -> Known:
    originals = [doc for doc in known if not doc.duplicate_of]
    references = reference_dates(originals, day)
    units = {doc.id: build_units(doc) for doc in originals}
    for doc_id, doc_units in units.items():
        add_coming_days(doc_units, references[doc_id].date)
    return Known(MappingProxyType(units), SupportIndex(units))
