"""Budgeted selection: sentences that cover the most concept weight within N words, lead first.

Greedy selection by gain per word is the standard approximation for this submodular objective (Lin &
Bilmes 2010). Two news-specific terms shape the gain:
- the inverted pyramid: a document's first sentences state its event. Measured on TAC 2011 English, a
  first sentence shares twice as many bigrams with the human summaries as a sentence further down
  (bigram precision 0.48, then 0.29, 0.24, 0.24, 0.21, ...), which `lead_factor` follows;
- a base value per sentence, so that the lead of a document with a story of its own (a later
  development in an event series) can be chosen even when its concepts are not shared yet.
Redundancy is judged pair by pair (MMR, Carbonell & Goldstein 1998): a sentence whose words are mostly
in one already chosen says it again. Judging it against the union of everything chosen instead
rejected the leads of follow-up stories that reuse the story's names, and cost 2 R-2 points.
Parties outside the event are heard (reactions.py): a party's first reaction to the event earns a fixed
value per source naming the party, and a direct quotation from a party already heard is discounted.
Gain per word ranks sentences while more are to come; once the words left can hold only one more
sentence, nothing is saved for later, and the last slot goes to the sentence that adds the most.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from typing import TypeVar

from newsfuse.clean.anycase import AnyCase
from newsfuse.segment.voice import QUOTED
from newsfuse.story.reactions import CAPITALISED, name_tokens, same_party
from newsfuse.story.units import Unit
from newsfuse.summarise.retell import core_of, same_core

T = TypeVar("T")

# gain / words**r: below 1 favours fuller sentences, at 1 short fragments win too often. 0.5-1.0 gave
# the same ROUGE on TAC (R-2 21.1-21.8); 0.85 leaves room in a 200-word brief for more facts.
LENGTH_EXPONENT = 0.85
# lead_factor(i) = 1 + LEAD_WEIGHT / (1 + i)**2: 3 for a first sentence, 1.5 for a second, ~1.1 after
# the fourth. Any value from 1 to 4 scored within 1 R-2 point on TAC; 2 sits mid-plateau.
LEAD_WEIGHT = 2.0
# Base value of a sentence, in units of the mean concept weight per sqrt(bigram). Sweep 0.3-2: flat.
BASE_VALUE = 1.0
# Background (events a month or more before the story) goes in when there is room: its value is scaled.
BACKGROUND_FACTOR = 0.5
# A sentence sharing more than this share of its content words with a chosen sentence repeats it.
REDUNDANCY = 0.5
# A party's first reaction is worth this many concepts, per source naming the party: about a clause of
# corroborated fact. TAC 2011 English R-2 moved by at most +0.25 at 3, 6 and 10 (docs/summariser.md).
REACTION_CONCEPTS = 6.0
# A direct quotation from a party already heard adds its wording, not a new fact.
REPEATED_VOICE_FACTOR = 0.5


# A number, in figures or words ("157,000", "two victims"): with a name, what makes a sentence a fact of
# its own rather than a retelling ("one" is left out: "no one", "one of"). Matched in lower case (`AnyCase`);
# the lookahead names the first characters, so that the regex engine skips ahead to them.
_NUMBER = AnyCase(r"(?=[\dbdefhmnst])(?:\d[\d,.]*\d|\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
                  r"twelve|dozens?|hundreds?|thousands?|millions?|billions?|trillions?)\b)")


def specifics(unit: Unit) -> frozenset[str]:
    """The names (capitalised words after the first) and numbers a sentence tells."""
    after_first = unit.text.split(maxsplit=1)[1:]  # the first word is capitalised by its place
    names = {token for text in after_first for word in CAPITALISED.findall(text)
             for token in name_tokens(word, unit.language)}
    return frozenset(names | {match.group().lower() for match in _NUMBER.finditer(unit.text)})


# Two sentences quoting the same words report one statement ("Fauci said ... the US is "going in the wrong
# direction" as ..." in two outlets' words around it), whatever else their words share. Four words: a
# shorter quotation is often a name or a term ("Meet the Press").
SAME_QUOTATION_WORDS = 4
_QUOTE_MARKS = "\"“”‘’' "


def quotations(unit: Unit) -> frozenset[str]:
    """The quotations of four words or more a sentence holds, in lower case, without their marks."""
    found = set()
    for match in QUOTED.finditer(unit.text):
        words = match.group().strip(_QUOTE_MARKS).rstrip(",.;:!? ").lower().split()
        if len(words) >= SAME_QUOTATION_WORDS:
            found.add(" ".join(words))
    return frozenset(found)


def _read_once(read: Callable[[Unit], T]) -> Callable[[Unit], T]:
    """`read`, remembered per unit for one selection (units live as long as their story; their ids are stable)."""
    found: dict[int, T] = {}

    def remembered(unit: Unit) -> T:
        if id(unit) not in found:
            found[id(unit)] = read(unit)
        return found[id(unit)]

    return remembered


def lead_factor(index: int) -> float:
    return 1.0 + LEAD_WEIGHT / (1.0 + index) ** 2


def overlap(a: Unit, b: Unit) -> float:
    """Share of the shorter sentence's content words that the other sentence has.

    Where a sentence reports a statement ("Putin told Shoigu on March 14 that forces had largely fulfilled
    their objectives"), what is reported is compared too, without the attribution frame around it: the
    frame's names and dates would otherwise hide that the statement repeats one already chosen.
    """
    plain = _share(set(a.terms), set(b.terms))
    if not (a.reported or b.reported):
        return plain
    return max(plain, _share(a.reported or set(a.terms), b.reported or set(b.terms)))


def _share(terms_a: set[str] | frozenset[str], terms_b: set[str] | frozenset[str]) -> float:
    if not terms_a or not terms_b:
        return 0.0
    return len(terms_a & terms_b) / min(len(terms_a), len(terms_b))


def select(units: list[Unit], weights: dict, budget: int,
           same_fact: Callable[[Unit, Unit], bool] | None = None, one_event: bool = False) -> list[Unit]:
    """Greedy selection, evaluated lazily (Minoux 1978; CELF, Leskovec et al. 2007).

    A unit's score can only fall as concepts get covered and parties are heard, so a score computed
    earlier is an upper bound: only the unit on top of the heap is re-scored, and it is taken when it
    still beats the next bound.
    The result is the plain greedy one, at a cost near-linear in the number of units instead of
    (units x steps). Units that no longer fit or repeat a chosen one are dropped when they surface.
    When the words left can hold one more sentence at most, the one adding the most gain is taken
    (highest gain, not gain per word: the unused words are worth nothing).
    A unit repeats a chosen one when most of its words are in it (`overlap`), or when `same_fact` says
    one states the other's fact in other words (another outlet's paraphrase), or, in a story of one event,
    when the two tell one core, who did what (`retell.same_core`: "Bettie Page, the 1950s pin-up model who
    ..., has died." / "Bettie Page died Thursday of pneumonia ...").
    `one_event` (every source tells one event): an English unit adding no concept the summary lacks, no
    party the summary has not heard (who says what is news: "Yale said the school was dismayed by the
    allegation ...") and no name or number the summary has not told (`specifics`) is worth nothing. The
    base value is for a later event's own news; within one event such a sentence retells a chosen fact in
    other words ("The economy continued to add jobs at a steady pace last month" after "The US economy
    added another 157,000 jobs in July") or is one outlet's colour. English only: names are read from
    capitals, which Arabic, Hebrew and Hindi do not write (TAC 2011 Arabic R-2 21.80 -> 21.12 and Hebrew
    11.10 -> 10.70 with the rule in every language, in their clusters of one event), and the number words
    are English.
    """
    covered: set = set()
    told: set[str] = set()  # names and numbers of the chosen units (`one_event`)
    specifics_of, quotations_of = _read_once(specifics), _read_once(quotations)
    core = _read_once(lambda unit: core_of(unit.text, unit.language))
    chosen: list[Unit] = []
    heard: list[tuple[str, ...]] = []  # parties of the chosen sentences' speakers
    used = 0
    base = BASE_VALUE * sum(weights.values()) / max(len(weights), 1)
    weighted = weights.keys()  # a set view: a sentence's weighted concepts by one intersection

    def gain(unit: Unit) -> float:
        fresh = unit.bigrams - covered
        concepts = sum(weights[c] for c in fresh & weighted)
        value = concepts + base * len(fresh) ** 0.5
        speaker = unit.speaker
        new_voice = False  # a party the summary has not heard yet speaks
        if speaker is not None:
            already = any(same_party(speaker.party, party) for party in heard)
            new_voice = not already
            if speaker.reaction and new_voice:
                value += REACTION_CONCEPTS * speaker.salience
            elif speaker.quoted and already:
                value *= REPEATED_VOICE_FACTOR
        if one_event and unit.language == "en" and concepts <= 0.0 and not new_voice and not _tells_more(unit):
            return 0.0  # (concepts a known article told weigh 0 in an update brief)
        value *= lead_factor(unit.sentence.index)
        return value * BACKGROUND_FACTOR if unit.background else value

    def _tells_more(unit: Unit) -> bool:
        return not specifics_of(unit) <= told

    def score(unit: Unit) -> float:
        return gain(unit) / unit.words**LENGTH_EXPONENT

    def take(unit: Unit) -> None:
        nonlocal used
        chosen.append(unit)
        used += unit.words
        covered.update(unit.bigrams)
        if one_event and unit.language == "en":
            told.update(specifics_of(unit))
        if unit.speaker is not None:
            heard.append(unit.speaker.party)

    def repeats(unit: Unit) -> bool:
        return any(overlap(unit, other) > REDUNDANCY or (same_fact is not None and same_fact(unit, other))
                   or bool(quotations_of(unit) & quotations_of(other))
                   or (one_event and same_core(core(unit), core(other))) for other in chosen)

    # (negated score, position in the input, round it was scored in): ties go to the earlier unit.
    heap = [(-score(unit), order, 0, unit) for order, unit in enumerate(units)
            if unit.eligible and unit.words <= budget]
    heapq.heapify(heap)
    shortest = min((item[3].words for item in heap), default=0)
    while heap:
        if chosen and budget - used < 2 * shortest:  # room for one more sentence at most
            # The highest gain that fits and does not repeat a chosen sentence (ties go to the earlier
            # unit); repeats are checked best first, so only as far as needed (the check finds evidence).
            fitting = sorted(((gain(u), -order, u) for _, order, _, u in heap if used + u.words <= budget),
                             key=lambda item: item[:2], reverse=True)
            best = next((item for item in fitting if not repeats(item[2])), None)
            if best is not None and best[0] > 0.0:
                take(best[2])
            break
        negated, order, scored_at, unit = heapq.heappop(heap)
        if used + unit.words > budget:
            continue
        if scored_at < len(chosen):  # stale bound: re-score and put back
            fresh = score(unit)
            if fresh > 0.0:
                heapq.heappush(heap, (-fresh, order, len(chosen), unit))
            continue
        if -negated <= 0.0:
            break
        # Checked last: a unit that repeats a chosen one now repeats it at any later round too (the
        # chosen only grow), so dropping it here or when first popped chooses the same.
        if not repeats(unit):
            take(unit)
    return chosen
