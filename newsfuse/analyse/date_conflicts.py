"""Where independent sources put one event on different days ("the strike began on Monday" / "... on
February 27").

A date is compared only when it is sure: a written-out day with its year, or any day ("Monday", "March
14", "yesterday") read against a publication date the input gives (never against an inferred one). The event is the verb
the date is attached to, with its participants, told in the same tense: "talks resumed on Monday" and
"talks will resume on Wednesday" are two rounds, not a conflict. Reporting verbs are never events here:
outlets report one event on different days. The same day in another form ("Monday" / "March 2") resolves
to the same date and is no conflict; a source that gives two days for the event is about two events.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.analyse.conflicts import REPORTING_STEMS, Conflict, governing_verb, participants_of
from newsfuse.analyse.nlp import Parsed
from newsfuse.analyse.quotes import SPEECH_VERBS
from newsfuse.analyse.timeline import Timeline
from newsfuse.segment.tokens import stem

_FUTURE = frozenset(("will", "would", "shall", "to", "going"))


@dataclass
class DatedEvent:
    source: str
    original: str
    start: int
    end: int
    expression: str
    day: str  # ISO date
    event: tuple  # (verb stem, tense, participants)
    label: str
    sentence: tuple[int, int]


def find_date_conflicts(parsed: Parsed, timeline: Timeline, originals: dict[str, str]) -> list[Conflict]:
    # `inferred` marks what was read against an inferred date: a weekday, or a day without its year.
    sure = {(m.source, m.start): m for m in timeline.mentions if m.resolved.precision == "day" and not m.inferred}
    events: dict[tuple, list[DatedEvent]] = {}
    for pd in parsed.documents:
        for block, sent in pd.sentences():
            for ent in sent.ents:
                if ent.label_ != "DATE":
                    continue
                start, _end = block.span(ent.start_char, ent.end_char)
                mention = sure.get((pd.id, start))
                if mention is None:
                    continue
                dated = _dated_event(ent, mention, originals.get(pd.id, pd.id), block)
                if dated is not None:
                    events.setdefault(dated.event, []).append(dated)
    return [c for group in events.values() if (c := _compare(group)) is not None]


def _dated_event(ent, mention, original: str, block) -> DatedEvent | None:
    verb = governing_verb(ent.root)
    if verb is None or verb.lower_ in SPEECH_VERBS or stem(verb.lower_) in REPORTING_STEMS:
        return None
    participants = participants_of(verb, ent, None)
    if not participants or not any(role == "subject" for role, _kind, _words in participants):
        return None  # whose event it is must be said, and not by a pronoun
    future = any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for c in verb.children) or (
        verb.dep_ == "xcomp")
    event = (stem(verb.lower_), "future" if future else "past", participants)
    subject = next(words for role, _kind, words in participants if role == "subject")
    sentence = block.span(ent.sent.start_char, ent.sent.end_char)
    return DatedEvent(mention.source, original, mention.start, mention.end, mention.expression,
                      mention.resolved.date.isoformat(), event, f"{subject} {verb.text}", sentence)


def _compare(group: list[DatedEvent]) -> Conflict | None:
    by_source: dict[str, set[str]] = {}
    for dated in group:
        by_source.setdefault(dated.original, set()).add(dated.day)
    if len(by_source) < 2 or any(len(days) > 1 for days in by_source.values()):
        return None
    days = sorted({dated.day for dated in group})
    if len(days) < 2:
        return None
    values = []
    for day in days:
        members = [d for d in group if d.day == day]
        values.append({
            "value": members[0].expression, "date": day,
            "sources": sorted({d.original for d in members}),
            "evidence": [{"source": d.source, "start": d.start, "end": d.end} for d in members],
            "sentences": [{"source": d.source, "start": d.sentence[0], "end": d.sentence[1]} for d in members],
        })
    return Conflict("", f"date ({group[0].label})", values, kind="date")
