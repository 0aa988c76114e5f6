"""The event the outlets' headlines share, and the sentences that tell it.

Three outlets covering one event each open their lead by telling it in their own words: "The House on
Wednesday passed a police reform bill ..." and "The House voted along party lines Wednesday to pass the
George Floyd Justice in Policing Act ...". The word-overlap, evidence and core tests miss such pairs when the
wording differs enough, and a 60-word summary then tells the event twice. The headlines say what the event
is: the words at least two independent sources' headlines share ("House", "pass", "police", "bill"). A
sentence holding most of them, and some of them outside names (the act, not only who acted), tells the
event; a second sentence that tells it adds nothing a reader needs twice.

Constants chosen on the allsides-neus tuning half (even lines, 60 words; docs/summariser.md): holding 0.6 of
at least 2 shared words, names counted, changed 181 of 1,226 summaries (R-2 17.14 -> 16.76), and 3 of 12 read
by hand lost a distinct fact ("Trump appointed McMaster ..." taken for a retelling of "national security ...
top his agenda"); with at least 3 shared words and 2 of them outside names, 68 changed (R-2 16.98), and of 24
read by hand 18 gave a retelling's place to a new fact or to nothing, 6 were alike, none lost a distinct fact.
A sentence must hold at least 3 of the shared words besides: with only "port", "strike" and "Varnholm" shared,
the bundled example's "each day of the strike costs the regional economy around 12 million euros" and "the
union called the strike after talks with the port authority broke down" were two tellings by the share alone
(6 of the 1,226 tuning summaries change with it, R-2 unchanged).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from newsfuse.segment.tokens import content_terms
from newsfuse.story.units import Unit
from newsfuse.summarise.select import quotations

MIN_SHARED_TERMS = 3  # fewer shared headline words name the story's people, not its event
TOLD_SHARE = 0.6
MIN_EVENT_TERMS = 2  # of the shared words a sentence holds, this many outside its names
MIN_HELD_TERMS = 3  # and this many in all

# A capitalised word after the sentence's first: part of a name ("Senate", "Biden"), read from capitals.
_NAME_WORD = re.compile(r"(?<=\s)[A-Z][\w'’-]*")


def shared_headline_terms(titles: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The content terms found in at least two of the (title, language) pairs, each title counted once."""
    counts: Counter[str] = Counter()
    for title, language in titles:
        counts.update(set(content_terms(title, language)))
    return frozenset(term for term, count in counts.items() if count >= 2)


class MainEvent:
    """Tells whether a sentence unit tells the event its sources' headlines share."""

    def __init__(self, shared: frozenset[str]) -> None:
        self.shared = shared if len(shared) >= MIN_SHARED_TERMS else frozenset()
        self._told: dict[int, bool] = {}

    def told_by(self, unit: Unit) -> bool:
        if not self.shared or unit.language != "en":
            return False
        key = id(unit)  # units live as long as the story
        if key not in self._told:
            self._told[key] = self._tells(unit)
        return self._told[key]

    def _tells(self, unit: Unit) -> bool:
        held = self.shared.intersection(unit.terms)
        if len(held) < max(TOLD_SHARE * len(self.shared), MIN_HELD_TERMS):
            return False
        names = set(content_terms(" ".join(_NAME_WORD.findall(unit.text)), unit.language))
        return len(held - names) >= MIN_EVENT_TERMS

    def retold(self, unit: Unit, other: Unit) -> bool:
        """Two sources' sentences that both tell the event, `unit` quoting nothing `other` does not: the words of
        the one who acted are more than a retelling ("Rubio ... is publicly criticizing the same tax reform bill"
        / "Rubio ... believes the recently passed Republican tax plan "probably went too far" ...")."""
        return (unit.sentence.doc_id != other.sentence.doc_id
                and self.told_by(unit) and self.told_by(other)
                and quotations(unit) <= quotations(other))
