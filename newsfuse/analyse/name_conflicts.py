"""Where independent sources name different people for one role or one statement.

Two signals, each read only where the text is unambiguous:
- **who said it**: one quotation (six words or more, so not a stock phrase) that one source gives to one
  person and another source to a different person, each naming the speaker at the quote (a speaker
  reached through "he said" is not compared);
- **who holds the office**: a single-holder office with a qualifier ("Russian Defense Minister",
  "spokesman" is not one: many people are) that one source gives to one person and another source to a
  different one. A source naming two holders of it (a former and a current one) is left out.
Names that are one person in different spellings are merged before this (entities), so Shoigu/Shoygu is
never a conflict.
"""

from __future__ import annotations

import re

from anyascii import anyascii

from newsfuse.analyse.conflicts import Conflict
from newsfuse.analyse.entities import EntityIndex
from newsfuse.analyse.quotes import EXACT_BELOW_WORDS, Quote

# Offices one person holds at a time.
OFFICES = frozenset((
    "president", "minister", "secretary", "chancellor", "premier", "mayor", "governor", "ambassador",
    "envoy", "mediator", "ceo", "chairman", "chairwoman", "chairperson", "director", "commissioner", "coach",
    "captain", "king", "queen", "pope", "sheriff", "speaker", "leader", "chief", "head",
))
# Words of an office's title that do not say whose office it is ("Defense Minister" is every country's).
_TITLE_WORDS = OFFICES | frozenset((
    "prime", "foreign", "defense", "defence", "interior", "finance", "health", "justice", "education",
    "general", "state", "special", "executive", "senior", "new", "acting", "attorney", "police", "army",
    "the", "of", "for", "and",
))
# Characters between a quote and its speaker's name beyond which the attribution is not compared.
MAX_SPEAKER_GAP = 80
_NOT_ONE_HOLDER = re.compile(r"\b(former|ex|deputy|vice|assistant|one|an?|another|several|late)\b", re.I)


def find_name_conflicts(quotes: list[Quote], entities: EntityIndex, originals: dict[str, str]) -> list[Conflict]:
    people = {e.id: e for e in entities.entities if e.type == "person"}
    return _speakers(quotes, people, originals) + _office_holders(entities, people, originals)


def _speakers(quotes: list[Quote], people: dict, originals: dict[str, str]) -> list[Conflict]:
    conflicts = []
    for quote in quotes:
        named = [q for q in quote.instances if not q.inherited and q.entity in people
                 and len(q.text.split()) >= EXACT_BELOW_WORDS and _next_to(q)]
        by_source: dict[str, set[str]] = {}
        for q in named:
            by_source.setdefault(originals.get(q.source, q.source), set()).add(q.entity)
        if not _disagree(by_source):
            continue
        names = {people[e].name for ids in by_source.values() for e in ids}
        if _one_person(names, [q.speaker or "" for q in named]):
            continue
        words = quote.text.split()
        short = " ".join(words[:8]) + (" ..." if len(words) > 8 else "")
        values = []
        for entity_id in sorted({e for ids in by_source.values() for e in ids}):
            members = [q for q in named if q.entity == entity_id]
            value = _value(people[entity_id].name, members, originals,
                           [(q.source, q.speaker_start, q.speaker_end) for q in members])
            value["sentences"] = [  # the quote with its attribution
                {"source": q.source, "start": min(q.start, q.speaker_start), "end": max(q.end, q.speaker_end)}
                for q in members]  # every one named next to its quote (`_next_to`)
            values.append(value)
        conflicts.append(Conflict("", f"who said \u201c{short}\u201d", values, kind="name"))
    return conflicts


def _office_holders(entities: EntityIndex, people: dict, originals: dict[str, str]) -> list[Conflict]:
    holders: dict[str, dict[str, set[str]]] = {}
    spans: dict[tuple[str, str], list] = {}
    titles: dict[str, str] = {}
    for entity in people.values():
        for m in entity.mentions:
            key = office_key(m.role) if m.role else None
            if key is None:
                continue
            holders.setdefault(key, {}).setdefault(originals.get(m.source, m.source), set()).add(entity.id)
            spans.setdefault((key, entity.id), []).append(m)
            titles.setdefault(key, m.role)
    conflicts = []
    for key, by_source in holders.items():
        if not _disagree(by_source) or _one_person({people[e].name for ids in by_source.values() for e in ids}, []):
            continue
        values = [_value(people[entity_id].name, spans[(key, entity_id)], originals,
                         [(m.source, m.start, m.end) for m in spans[(key, entity_id)]])
                  for entity_id in sorted({e for ids in by_source.values() for e in ids})]
        conflicts.append(Conflict("", f"who is {titles[key]}", values, kind="name"))
    return conflicts


def office_key(role: str) -> str | None:
    """The office a role names, folded ("russian defense minister"), or None when it is not one person's:
    no single-holder office word, no qualifier saying whose office, or former, deputy, "a", ..."""
    if _NOT_ONE_HOLDER.search(role):
        return None
    words = re.findall(r"[\w.]+", anyascii(role))
    folded = [w.lower().strip(".") for w in words]
    if not any(w in OFFICES for w in folded):
        return None
    if not any(w[:1].isupper() and f not in _TITLE_WORDS for w, f in zip(words, folded, strict=True)):
        return None  # "Defense Minister": whose?
    return " ".join(folded)


def _next_to(q) -> bool:
    """The speaker is named right by the quote, not across another quote or a long clause away."""
    if q.speaker_start is None:
        return False
    gap = q.speaker_start - q.end if q.speaker_start >= q.end else q.start - q.speaker_end
    return gap <= MAX_SPEAKER_GAP


def _one_person(names: set[str], phrases: list[str]) -> bool:
    """Names that may be one person: a shared surname ("Kelly", "Raymond Kelly"; "Edward J. Markey"), or a
    speaker phrase that holds another value's surname ("AMD chief executive Rory Read")."""
    surnames = [_surname(name) for name in names]
    if len(set(surnames)) < len(surnames):
        return True
    for phrase in phrases:
        words = set(re.findall(r"\w+", anyascii(phrase).lower()))
        if sum(surname in words for surname in surnames) > 1:
            return True
    return False


def _surname(name: str) -> str:
    words = re.findall(r"\w+", anyascii(name).lower())
    return words[-1] if words else ""


def _disagree(by_source: dict[str, set[str]]) -> bool:
    """At least two sources, each naming exactly one person, and not all the same one."""
    if len(by_source) < 2 or any(len(ids) != 1 for ids in by_source.values()):
        return False
    return len({next(iter(ids)) for ids in by_source.values()}) > 1


def _value(name: str, members: list, originals: dict[str, str], evidence: list[tuple]) -> dict:
    return {
        "value": name,
        "sources": sorted({originals.get(m.source, m.source) for m in members}),
        "evidence": [{"source": source, "start": start, "end": end} for source, start, end in evidence],
    }
