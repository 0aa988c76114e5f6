"""Where independent sources give different figures for the same thing.

Each number the recogniser marks (counts, quantities, durations) becomes a range: "270,000" is exactly
that, "more than 50" and "50-plus" are [50, max(50 x 1.05, 51)], "about 200" is +-10%. Vague amounts
("thousands", "millions", "half") are never compared, nor figures that are not one outlet's whole count
(parts, ranges, measurements folded into a word, offsets, quoted or anaphoric counts). The thing
counted is the noun the number modifies (or the unit of a duration) together with the verb that governs
it ("killed ... people", "has ... jets"). Two figures count the same thing only when they count the same
noun, their verbs agree (or one clause's verb is echoed in the other: "38 ships waiting at anchor" /
"46 ships anchored in the bay"), they are told of the same participants, at the same time and place,
and they come from different independent sources. They conflict when their ranges do not overlap.
Precision first: anything unsure is left out, since a false conflict misleads a reader more than a
missed one. What each rule keeps out, with real examples: docs/analysis.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsfuse.analyse.nlp import Parsed
from newsfuse.analyse.quotes import quote_spans
from newsfuse.reporting import forms, verbs
from newsfuse.segment.tokens import stem

LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE")
# "more than 270,000" is said when the count is a little above it: an outlet with 290,000 would say so.
# 5% bounds what such a qualifier stretches to; "about" is symmetric and looser.
MORE_THAN_SLACK = 0.05
ABOUT_SLACK = 0.10
# How far up the parse a number's noun may be from the verb that says what happened to it.
MAX_CLIMB = 3
# The verbs that report a figure are not what happened to it: a few speech and stance verbs, an outlet's
# "reported" and "according" (to). Not "note", "declare", "explain", "deny" or the insisting verbs (left
# out as before; untested).
REPORTING_STEMS = frozenset(stem(word) for word in (
    forms(verbs("say", "tell", "add", "announce", "state", "claim", "confirm")) | {"report", "reported", "according"}))
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
# Words that make a figure a part of a count ("two other rifles", "one final chance", "two more times").
_PART_WORDS = frozenset(("other", "more", "additional", "another", "remaining", "further", "extra", "final",
                         "first", "last", "next", "new", "same", "each", "per"))
# After a duration, these make it an offset from another moment, not how long something lasted.
_OFFSET_WORDS = frozenset(("ago", "after", "before", "later", "earlier", "since"))
_DURATION_UNITS = frozenset(stem(unit) for unit in ("day", "week", "month", "year"))
# Subjects that make a clause one part of an enumerated count ("one hit a school", "several more falling").
_PART_SUBJECTS = frozenset(("more", "others", "rest", "remaining", "another", "several"))
_RELATIVE = frozenset(("that", "which", "who", "whom"))
_PERSONAL = frozenset(("he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us"))
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
    participants: tuple[tuple[str, str, str], ...] = ()  # (role, "name" | "thing", words) besides the count
    when: frozenset[str] = frozenset()  # the dates and times the clause places the count at


@dataclass
class Conflict:
    id: str
    thing: str
    values: list[dict] = field(default_factory=list)
    kind: str = "number"  # number | date | name

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "thing": self.thing, "values": self.values}


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
    if _MORE.search(context):  # "at least four" may be five
        return value, max(value * (1 + MORE_THAN_SLACK), value + 1)
    if _LESS.search(context):
        return min(value * (1 - MORE_THAN_SLACK), value - 1), value
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
    quoted: dict[int, list[tuple[int, int]]] = {}  # block offset -> spans inside quotation marks
    for block, sent in pd.sentences():
        if block.offset not in quoted:
            quoted[block.offset] = quote_spans(pd.text, block.offset, block.offset + len(block.doc.text))
        counted: dict[int, int] = {}  # noun -> how many figures of this sentence count it
        candidates = []
        for ent in sent.ents:
            if ent.label_ not in LABELS or (ent.label_ == "DATE" and not _DURATION.search(ent.text)):
                continue
            noun = ent.root.head if ent.root.head.pos_ == "NOUN" else None
            if noun is not None:
                counted[noun.i] = counted.get(noun.i, 0) + 1
            candidates.append((ent, noun))
        for ent, noun in candidates:
            if noun is not None and counted[noun.i] > 1:
                continue  # "seven AK-47s and two other rifles": parts of a count, not the count
            if not _a_whole_count(ent, noun):
                continue
            doc = ent.doc
            before = doc[max(ent.start - 2, sent.start) : ent.start].text
            span = value_range(ent.text, before)
            if span is None:
                continue
            thing, key = _thing(ent)
            if key is None:
                continue
            verb = governing_verb(noun) if noun is not None else governing_verb(ent.root)
            participants = participants_of(verb, ent, noun)
            if participants is None:
                continue  # a pronoun takes part: whose figure it is cannot be told
            if not _told_of_someone(participants, noun, key) or _anaphoric(verb, ent, noun) or _enumerated(
                    verb, ent, sent):
                continue
            position = block.span(ent.start_char, ent.end_char)[0]
            if any(a <= position < b for a, b in quoted[block.offset]):
                continue  # a speaker's words ("there's three people shot!"), not the outlet's count
            first = ent.start
            while first > sent.start and first > ent.start - 2 and _QUALIFIER.search(doc[first - 1 : ent.start].text):
                first -= 1
            start, end = block.span(doc[first].idx, ent.end_char)
            text = block.doc.text[doc[first].idx : ent.end_char]
            places = _where(verb, sent)
            found.append(Figure(pd.id, original, start, end, text, span[0], span[1], thing, key, places,
                                block.span(sent.start_char, sent.end_char), _context(ent, noun),
                                stem(verb.lower_) if verb is not None else "", participants,
                                _when(verb, sent, ent)))
    return found


def _a_whole_count(ent, noun) -> bool:
    """False for figures that are not one outlet's count of a thing: parts ("two other rifles", "two more
    times"), alternatives and ranges ("three or four", "10-20 years"), measurements folded into a word
    ("a 28-year-old", "a 7.3-magnitude quake", "128GB"), offsets ("in 30 days", "one day after") and
    pieces of a decimal or a clock time the tokenizer split ("2. 38 pounds", "4: 30 p.m.")."""
    doc = ent.doc
    if re.search(r"\d[a-z]|\w\s?[-–]\s?(?!plus\b)\w|\b(to|and|or|between|of)\b", ent.text, re.IGNORECASE):
        return False
    after = doc.text[ent.end_char : ent.end_char + 5]
    if re.match(r"[A-Za-z]|\s?[-–]\s?(?!plus\b)[A-Za-z]|\s+of\s+\d", after):
        return False  # "128GB", "a 73 - yard drive", "28 of 41 passes"
    if re.search(r"\d\s+of\s+$", doc.text[max(ent.start_char - 12, 0) : ent.start_char]):
        return False
    if noun is not None and any(c.lower_ in _PART_WORDS for c in noun.children if c.i < noun.i):
        return False
    if any(t.lower_ in _PART_WORDS for t in doc[max(ent.start - 1, 0) : ent.start]):
        return False
    around = [doc[i] for i in (ent.start - 2, ent.start - 1, ent.end, ent.end + 1) if 0 <= i < len(doc)]
    if any(t.lower_ in ("or", "to", "-", "–", "and", "between") for t in around) and any(
            t.like_num for t in around):
        return False
    if any(t.dep_ == "conj" and t.like_num for t in ent.root.children) or ent.root.dep_ == "conj":
        return False
    if ent.end < len(doc) and doc[ent.end].lower_ in _OFFSET_WORDS:
        return False
    if ent.start > 0 and doc[ent.start - 1].lower_ in ("in", "within") and _DURATION.search(ent.text):
        return False
    split_before = ent.start > ent.sent.start and re.search(  # not "... in 2016. 38 people ..."
        r"\d\s?[.:]\s?$", doc.text[max(ent.start_char - 4, 0) : ent.start_char])
    split_after = re.match(r"\s?[.:]\s?\d", doc.text[ent.end_char : ent.end_char + 4])
    return not (split_before or split_after)


def participants_of(verb, ent, noun) -> tuple[tuple[str, str, str], ...] | None:
    """Who or what takes part in the counted event, besides the counted thing: (role, kind, words).

    kind is "name" (a proper noun: the same count of two different people is two facts) or "thing".
    None when a participant is a personal pronoun: which person it stands for is not read here.
    """
    if verb is None:
        return ()
    skip = {t.i for t in ent.root.subtree} | ({t.i for t in noun.subtree} if noun is not None else set())
    found = []
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "dobj", "dative", "agent") or child.i in skip:
            continue
        head = child
        if child.dep_ == "agent":
            objects = [t for t in child.children if t.dep_ == "pobj"]
            if not objects:
                continue
            head = objects[0]
        if head.lower_ in _RELATIVE and verb.dep_ == "relcl":
            head = verb.head  # "the war, which has killed ...": the war
        if head.pos_ == "PRON" or head.lower_ in _PERSONAL:
            return None
        role = "subject" if child.dep_ in ("nsubj", "agent") else "object"
        if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            names = sorted({t.lower_ for t in head.subtree if t.pos_ == "PROPN"} or {head.lower_})
            found.append((role, "name", " ".join(names)))
        else:
            found.append((role, "thing", stem(head.lower_)))
    return tuple(found)


def _where(verb, sent) -> frozenset[str]:
    """The places the count is located at: "in Guffa", "through the Ardenne valley" (not "US officials",
    a nationality). The clause's own places when it names any, else the sentence's."""
    places = [e for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC") and e.root.dep_ == "pobj"]
    clause = {t.i for t in verb.subtree} if verb is not None else set()
    own = [e for e in places if e.root.i in clause]
    return frozenset(e.text.lower().removeprefix("the ") for e in (own or places))


def _anaphoric(verb, ent, noun) -> bool:
    """ "seven people were killed in those bombings": the count is scoped by something told elsewhere."""
    if verb is None:
        return False
    counted = {t.i for t in noun.subtree} if noun is not None else {t.i for t in ent}
    return any(t.dep_ == "det" and t.lower_ in ("those", "these", "that", "this") and t.i not in counted
               for t in verb.subtree)


def _enumerated(verb, ent, sent) -> bool:
    """ "two bombs fell on an airstrip, one hit a school and one landed on a market": a count split into
    parts, each clause a part."""
    if verb is None:
        return False
    counted = {t.i for t in ent.root.head.subtree} if ent.root.head.pos_ == "NOUN" else {t.i for t in ent}
    near = [verb, *verb.conjuncts, *verb.children]
    if verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
        near += [verb.head, *verb.head.children]
    clauses = {t.i for t in near if t.pos_ in ("VERB", "AUX")}
    return any(t.i not in counted and t.head.i in clauses
               and ((t.dep_ == "nsubj" and t.like_num) or t.lower_ in _PART_SUBJECTS) for t in sent)


def _told_of_someone(participants: tuple, noun, key: tuple[str, str]) -> bool:
    """Whose count it is must be in the clause: the counted things themselves ("18 people were injured"),
    or a subject ("the war, which has killed ..."). A duration needs a subject to be of ("Page had been in
    hospital for three weeks"): "for 10 years" alone belongs to anything in the story."""
    has_subject = any(role == "subject" for role, _kind, _words in participants)
    if key[0] in _DURATION_UNITS:
        return has_subject
    return has_subject or (noun is not None and noun.dep_ in ("nsubj", "nsubjpass"))


def _when(verb, sent, ent) -> frozenset[str]:
    """The dates and times the counted event is placed at ("by Monday afternoon", "so far")."""
    if verb is None:
        return frozenset()
    found = set()
    clause = {t.i for t in verb.subtree}
    for other in sent.ents:
        if other.label_ not in ("DATE", "TIME") or other == ent or _DURATION.search(other.text):
            continue
        if other.root.i in clause:
            found.add(other.text.lower())
    if "so far" in sent.text.lower():
        found.add("so far")
    return frozenset(found)


def _thing(ent) -> tuple[str, tuple[str, str] | None]:
    """What the figure counts, and the verb that says what happened to it."""
    duration = _DURATION.search(ent.text)
    if duration:
        unit = (duration.group(1) or duration.group(2)).lower()
        noun = ent.root if ent.root.pos_ == "NOUN" else None
        head = ent.root.head if ent.root.head.i >= ent.end and ent.root.head.pos_ == "NOUN" else noun
        if head is None:
            return "", None
        verb = governing_verb(head)
        if verb is None:
            return "", None
        return f"{unit}s ({head.text} {verb.text})", (stem(unit), stem(verb.lower_) + "/" + stem(head.lower_))
    root = ent.root
    noun = root.head if root.dep_ in ("nummod", "quantmod", "compound") and root.head.pos_ == "NOUN" else None
    if noun is None:
        return "", None
    verb = governing_verb(noun)
    if verb is None:
        return "", None
    extra = [c.text for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    label = " and ".join([noun.text, *extra])
    return f"{label} ({verb.text})", (stem(noun.lower_), stem(verb.lower_))


def governing_verb(token):
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


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
    if any(a.places != b.places and not a.places & b.places for a in group for b in group):
        return None  # "killed in Guffa" and "killed" with no place: perhaps two incidents
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
    from newsfuse.analyse.groups import DisjointSet

    linked = DisjointSet(range(len(group)))
    for i, a in enumerate(group):
        for j in range(i + 1, len(group)):
            if _same_thing(a, group[j]):
                linked.merge(i, j)
    return [[group[i] for i in sorted(subset)] for subset in sorted(linked.subsets(), key=min)]


def _same_thing(a: Figure, b: Figure) -> bool:
    """One counted thing: the same event ("killed"; or "anchored" / "waiting at anchor" in one setting),
    told of the same participants ("Allen had three catches" is not "Wayne had five catches") at the same
    time ("by Monday afternoon" is not "by Monday evening")."""
    if a.when != b.when or not _same_participants(a.participants, b.participants):
        return False
    if a.verb and a.verb == b.verb:
        return True
    verb_echoed = a.verb in b.context or b.verb in a.context
    return verb_echoed and len(a.context & b.context) >= 1


def _same_participants(a: tuple, b: tuple) -> bool:
    for role in ("subject", "object"):
        ours = [p for p in a if p[0] == role]
        theirs = [p for p in b if p[0] == role]
        named = [p for p in ours + theirs if p[1] == "name"]
        if named and not (ours and theirs):
            return False  # one names who, the other does not say: not known to be the same
        for _role, kind, words in ours:
            for _role2, kind2, words2 in theirs:
                if kind != kind2:
                    return False
                if kind == "name" and not set(words.split()) & set(words2.split()):
                    return False
                if kind == "thing" and role == "object" and words != words2:
                    return False
    return True


def _context(ent, noun) -> frozenset[str]:
    """Common words of the clause that says what happened to the counted thing.

    Left out: the figure and the counted noun phrase ("cargo ships"), names and dates (shared by the
    whole story, so they say nothing about which situation a figure counts) and reporting verbs.
    """
    verb = governing_verb(noun) if noun is not None else None
    tokens = verb.subtree if verb is not None else ent.sent
    skip = {t.i for t in ent}
    if noun is not None:
        skip |= {t.i for t in noun.subtree if t.i <= noun.i}
    noun_stem = stem(noun.lower_) if noun is not None else ""
    return frozenset(
        stem(t.lower_) for t in tokens
        if t.i not in skip and t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "VERB", "ADJ")
        and not t.ent_type_ and stem(t.lower_) not in REPORTING_STEMS | {noun_stem}
    )


def _overlap(a: Figure, b: Figure) -> bool:
    return a.low <= b.high and b.low <= a.high
