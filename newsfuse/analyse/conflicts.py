"""Where independent sources give different figures for the same thing.

Each number the recogniser marks (counts, quantities, durations) becomes a range: "270,000" is exactly
that, "more than 50" and "50-plus" are [50, 50 x 1.05], "nearly five years" is [5 x 0.95, 5], "about
200" is +-10%. Vague amounts ("thousands", "millions", "half") are never compared. The thing counted
is the noun the number modifies (or the unit of a duration) together with the verb that governs it
("killed ... people", "has ... jets"); two figures are about the same thing only when they count the
same noun and either the verbs agree or their clauses share at least two other content words ("38 ships
waiting at anchor" / "46 ships anchored in the bay"), the places named around them do not differ, and
they come from different independent sources. They conflict when their ranges do not overlap. Precision
first: anything unsure is left out, since a false conflict misleads a reader more than a missed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsfuse.analyse.nlp import Parsed
from newsfuse.segment.tokens import stem

LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE")
# "more than 270,000" is said when the count is a little above it: an outlet with 290,000 would say so.
# 5% bounds what such a qualifier stretches to; "about" is symmetric and looser.
MORE_THAN_SLACK = 0.05
ABOUT_SLACK = 0.10
# How far up the parse a number's noun may be from the verb that says what happened to it.
MAX_CLIMB = 3
# Figures of one noun told with different verbs count the same thing when their clauses share this many
# other content words: one shared word ("Syria") is common ground, two name the same situation.
MIN_SHARED_CONTEXT = 2
_REPORTING = frozenset(stem(word) for word in (
    "say", "says", "said", "tell", "told", "report", "reported", "announce", "announced", "add", "added",
    "state", "stated", "claim", "claimed", "confirm", "confirmed", "according"))
_MORE = re.compile(r"\b(more than|over|at least|upwards of|in excess of|above)\b|\+|-?\s*plus\b", re.I)
_LESS = re.compile(r"\b(nearly|almost|just under|close to|fewer than|less than|under)\b", re.I)
_ABOUT = re.compile(r"\b(about|around|some|roughly|approximately|an estimated|estimated|circa)\b", re.I)
_QUALIFIER = re.compile(r"^(more than|over|at least|upwards of|nearly|almost|about|around|some|roughly|"
                        r"approximately|up to|fewer than|less than|close to)$", re.I)
_UP_TO = re.compile(r"\bup to\b", re.I)
_VAGUE = re.compile(r"\b(dozens|hundreds|thousands|millions|billions|several|many|few|half|scores)\b", re.I)
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "hundred": 100, "a hundred": 100}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_DURATION = re.compile(r"\b(day|week|month|year)s?\b|-(day|week|month|year)(-old)?\b", re.I)


@dataclass
class Figure:
    source: str
    original: str  # independent source it counts as
    start: int
    end: int
    text: str
    low: float
    high: float
    thing: str  # "people killed"
    key: tuple[str, str]
    places: frozenset[str]
    sentence: tuple[int, int]
    context: frozenset[str] = frozenset()  # stems of the common words of the figure's clause
    verb: str = ""  # stem of the verb that governs the counted noun


@dataclass
class Conflict:
    id: str
    thing: str
    values: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": "number", "thing": self.thing, "values": self.values}


def find_conflicts(parsed: Parsed, originals: dict[str, str]) -> list[Conflict]:
    figures = [f for pd in parsed.documents for f in _figures(pd, originals.get(pd.id, pd.id))]
    by_noun: dict[str, list[Figure]] = {}
    for figure in figures:
        by_noun.setdefault(figure.key[0], []).append(figure)
    conflicts: list[Conflict] = []
    for group in by_noun.values():
        for thing in _same_things(group):
            conflict = _compare(thing)
            if conflict:
                conflicts.append(conflict)
    for number, conflict in enumerate(conflicts, 1):
        conflict.id = f"C{number}"
    return conflicts


def value_range(text: str, before: str = "") -> tuple[float, float] | None:
    """The range a figure stands for, or None when it is vague or not a number."""
    if _VAGUE.search(text):
        return None
    value = _number(text)
    if value is None:
        return None
    context = f"{before} {text}"
    if _UP_TO.search(context):
        return 0.0, value
    if _MORE.search(context):
        return value, value * (1 + MORE_THAN_SLACK)
    if _LESS.search(context):
        return value * (1 - MORE_THAN_SLACK), value
    if _ABOUT.search(context):
        return value * (1 - ABOUT_SLACK), value * (1 + ABOUT_SLACK)
    return value, value


def _number(text: str) -> float | None:
    lowered = text.lower()
    match = _DIGITS.search(lowered)
    if match:
        value = float(match.group().replace(",", ""))
    else:
        words = re.findall(r"[a-z]+", lowered)
        values = [_WORDS[w] for w in words if w in _WORDS]
        if len(values) != 1:
            return None
        value = float(values[0])
    for word, scale in _SCALE.items():
        if re.search(rf"\b{word}\b", lowered):
            value *= scale
    return value


def _figures(pd, original: str) -> list[Figure]:
    found: list[Figure] = []
    for block, sent in pd.sentences():
        for ent in sent.ents:
            if ent.label_ not in LABELS:
                continue
            if ent.label_ == "DATE" and not _DURATION.search(ent.text):
                continue
            doc = ent.doc
            before = doc[max(ent.start - 2, sent.start) : ent.start].text
            span = value_range(ent.text, before)
            if span is None:
                continue
            thing, key = _thing(ent)
            if key is None:
                continue
            first = ent.start
            while first > sent.start and first > ent.start - 2 and _QUALIFIER.search(doc[first - 1 : ent.start].text):
                first -= 1
            start, end = block.span(doc[first].idx, ent.end_char)
            text = block.doc.text[doc[first].idx : ent.end_char]
            places = frozenset(e.text.lower() for e in sent.ents if e.label_ in ("GPE", "LOC")
                               and e.root.head.i in {t.i for t in _scope(ent)})
            noun = ent.root.head if ent.root.head.pos_ == "NOUN" else None
            verb = _verb(noun) if noun is not None else None
            found.append(Figure(pd.id, original, start, end, text, span[0], span[1], thing, key, places,
                                block.span(sent.start_char, sent.end_char), _context(ent, noun),
                                stem(verb.lower_) if verb is not None else ""))
    return found


def _thing(ent) -> tuple[str, tuple[str, str] | None]:
    """What the figure counts, and the verb that says what happened to it."""
    duration = _DURATION.search(ent.text)
    if duration:
        unit = (duration.group(1) or duration.group(2)).lower()
        noun = ent.root if ent.root.pos_ == "NOUN" else None
        head = ent.root.head if ent.root.head.i >= ent.end and ent.root.head.pos_ == "NOUN" else noun
        if head is None:
            return "", None
        verb = _verb(head)
        if verb is None:
            return "", None
        return f"{unit}s ({head.text} {verb.text})", (stem(unit), stem(verb.lower_) + "/" + stem(head.lower_))
    root = ent.root
    noun = root.head if root.dep_ in ("nummod", "quantmod", "compound") and root.head.pos_ == "NOUN" else None
    if noun is None:
        return "", None
    verb = _verb(noun)
    if verb is None:
        return "", None
    extra = [c.text for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    label = " and ".join([noun.text, *extra])
    return f"{label} ({verb.text})", (stem(noun.lower_), stem(verb.lower_))


def _verb(token):
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _scope(ent):
    verb = _verb(ent.root)
    return list(verb.subtree) if verb is not None else list(ent.root.subtree)


def _compare(group: list[Figure]) -> Conflict | None:
    sources = {f.original for f in group}
    if len(sources) < 2:
        return None
    # Values told by one source: a source giving two figures for the key is about two things.
    by_source: dict[str, list[Figure]] = {}
    for f in group:
        by_source.setdefault(f.original, []).append(f)
    for figures in by_source.values():
        if any(not _overlap(a, b) for a in figures for b in figures):
            return None
    values: list[list[Figure]] = []
    for f in sorted(group, key=lambda f: f.low):
        home = next((v for v in values if all(_overlap(f, g) for g in v)), None)
        if home is None:
            values.append([f])
        else:
            home.append(f)
    if len(values) < 2:
        return None
    if any(a.places and b.places and not a.places & b.places for a in group for b in group):
        return None
    value_sources = [{f.original for f in v} for v in values]
    if any(a & b for i, a in enumerate(value_sources) for b in value_sources[i + 1 :]):
        return None
    thing = max(group, key=lambda f: len(f.thing)).thing
    return Conflict("", thing, [
        {
            "value": v[0].text, "range": [v[0].low, v[0].high],
            "sources": sorted({f.original for f in v}),
            "evidence": [{"source": f.source, "start": f.start, "end": f.end} for f in v],
            "sentences": [{"source": f.source, "start": f.sentence[0], "end": f.sentence[1]} for f in v],
        }
        for v in values
    ])


def _same_things(group: list[Figure]) -> list[list[Figure]]:
    """Figures of one noun, split into groups that count the same thing (linked pairs, transitively)."""
    from scipy.cluster.hierarchy import DisjointSet

    linked = DisjointSet(range(len(group)))
    for i, a in enumerate(group):
        for j in range(i + 1, len(group)):
            b = group[j]
            shared = a.context & b.context
            verb_echoed = a.verb in b.context or b.verb in a.context  # "anchored" / "waiting at anchor"
            if a.key == b.key or len(shared) >= MIN_SHARED_CONTEXT or (verb_echoed and shared):
                linked.merge(i, j)
    return [[group[i] for i in sorted(subset)] for subset in sorted(linked.subsets(), key=min)]


def _context(ent, noun) -> frozenset[str]:
    """Common words of the clause that says what happened to the counted thing.

    Left out: the figure and the counted noun phrase ("cargo ships"), names and dates (shared by the
    whole story, so they say nothing about which situation a figure counts) and reporting verbs.
    """
    verb = _verb(noun) if noun is not None else None
    tokens = verb.subtree if verb is not None else ent.sent
    skip = {t.i for t in ent}
    if noun is not None:
        skip |= {t.i for t in noun.subtree if t.i <= noun.i}
    noun_stem = stem(noun.lower_) if noun is not None else ""
    return frozenset(
        stem(t.lower_) for t in tokens
        if t.i not in skip and t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "VERB", "ADJ")
        and not t.ent_type_ and stem(t.lower_) not in _REPORTING | {noun_stem}
    )


def _overlap(a: Figure, b: Figure) -> bool:
    return a.low <= b.high and b.low <= a.high
