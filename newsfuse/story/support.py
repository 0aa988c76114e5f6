"""Which sources support a sentence: the origin, and every other source that states the same fact.

A source supports a sentence when one of its sentences (or two adjacent ones) contains most of the
sentence's informative words, weighted by rarity in the cluster: other words, same fact. A long
sentence often joins its main fact to a second one ("X happened, saying Y, as Z"); a source that
states the main clause supports the sentence's fact too, so the main clause is matched on its own.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import lru_cache

from newsfuse.clean.anycase import AnyCase
from newsfuse.model import Evidence
from newsfuse.reporting import alternation, past, third, verbs
from newsfuse.segment import lexicon
from newsfuse.segment.dates import WEEKDAYS
from newsfuse.segment.tokens import content_terms, stem, words
from newsfuse.segment.voice import QUOTED
from newsfuse.story.figures import disagree, figures
from newsfuse.story.reactions import ACCORDING, ROLES, speaker_phrase
from newsfuse.story.schedule import COMING_DAY
from newsfuse.story.units import Unit

# Share of the sentence's idf-weighted content words another source must contain to support it.
# Paraphrases of one fact measured on news clusters keep 50-80%; sentences that only share a topic
# (the same names in a different statement) keep 20-40%.
SUPPORT_THRESHOLD = 0.5
# The main clause alone must be matched more closely: it is shorter, so chance overlap is larger.
MAIN_CLAUSE_THRESHOLD = 0.6
# A sentence that is mostly a quotation (at least this share of its terms, without its speaker, in quotation
# marks) is supported only by a span holding at least this share of the quotation's terms: on TAC 2011
# English, ECB+ and allsides-neus, spans below it were the same speaker's other statements (docs/summariser.md).
QUOTATION_SHARE = 0.5
QUOTATION_MIN_TERMS = 3
# Fewer content words than this and a clause is not a fact of its own.
MAIN_CLAUSE_MIN_TERMS = 6
# A sentence with fewer content words than this states one fact, which another source states within one
# sentence, in a phrase of the same shape: half of a handful of words is easily met by chance ("... the
# Russian troops or agree to a solution that sees Assad out of power" for "Assad allegedly agreed on the
# reduction of troops"), so the supporting sentence must be a single one sharing at least one word pair.
PAIR_MIN_TERMS = 8
# Where a second clause starts: participial and relative clauses, "as"/"while" clauses, dashes.
_CLAUSE_BOUNDARY = re.compile(
    r",\s+(saying|adding|denying|as|while|which|who|whose|where|after|before|although|but|according)\b"
    r"|;|\s[-—–]\s"
)


# A negated statement ("did not discuss") is not supported by a window that only states the positive
# ("discussed"): the words match, the fact is the opposite.
_NEGATION = AnyCase(r"\b(not|never|no|nor|neither)\b|n't\b")


def main_clause(text: str) -> str:
    match = _CLAUSE_BOUNDARY.search(text)
    return text[: match.start()] if match else text


# A capitalised word inside a sentence: a name, whose spelling varies between outlets. What comes before it
# is checked behind its capital, so that the regex engine can skip ahead to capitals.
_NAME = re.compile(r"[A-Z](?<=[\w,;:] [A-Z])[\w'’-]+")


def spelling_variants(units: list[Unit]) -> dict[str, str]:
    """Map each variant spelling of a name term (Tartus/Tartous, Hmeimim/Hmeymim) to one canonical term,
    the most frequent spelling. Only names are merged, by the transliteration rules of
    `newsfuse.segment.names`: common words of one consonant skeleton ("state"/"statue") never are."""
    from newsfuse.segment import names

    # The sentences are read at once, one per line (no name spans a line break), as `unit.terms` reads them.
    counts: Counter = Counter(content_terms(" ".join(_NAME.findall("\n".join(unit.text for unit in units)))))
    groups: dict[str, list[str]] = defaultdict(list)
    for term in counts:
        groups[names.skeleton(term)].append(term)
    canonical: dict[str, str] = {}
    for members in groups.values():
        members.sort(key=lambda t: (-counts[t], t))
        for term in members[1:]:
            head = next((m for m in members if m != term and names.same_token(m, term)), None)
            if head is not None:
                canonical[term] = canonical.get(head, head)
    return canonical


# A compound's parts are words of at least three letters ("air base"; not "a round" in "around"), with one
# space between them; the lookahead lets each word be the first of one pair and the second of the next.
_OPEN_COMPOUND = re.compile(r"\b([a-z]{3,}) (?=([a-z]{3,})\b)")
_LOWER_WORD = re.compile(r"\b[a-z]+(?:-[a-z]+)*\b")


def compound_spellings(units: list[Unit]) -> dict[str, tuple[str, str]]:
    """Map the term of a compound written as one word ("airbase", "cease-fire") to the terms of its two
    parts, where another sentence of the cluster writes it as two ("air base", "cease fire"): outlets
    differ in how they join words, not in what they say. Only compounds the cluster itself shows both
    ways are mapped, so "manage" never becomes "man age"."""
    # The English sentences are read at once, one per line: no word or pair of words spans a line break.
    text = "\n".join(unit.text for unit in units if unit.language == "en")
    closed = {token.replace("-", "") for token in _LOWER_WORD.findall(text)}
    # Two words with one space between them, not a comma ("a man, age 45" is no compound).
    opened: set[tuple[str, str]] = set(_OPEN_COMPOUND.findall(text))
    found: dict[str, tuple[str, str]] = {}
    for first, second in opened:
        if first + second not in closed or second.endswith(("ed", "ing")):
            continue  # a participle joined to a word is more often chance than a compound ("man aged", "managed")
        parts = content_terms(f"{first} {second}")
        if len(parts) == 2:  # two content words ("and run" in "hit-and-run" is not)
            found[stem(first + second)] = found[stem(first + "-" + second)] = (parts[0], parts[1])
    return found


# Words naming a day, which a coming-day term replaces in a sentence's terms.
_DAY_WORDS = frozenset(stem(word) for word in [*WEEKDAYS, "tomorrow"])


def coming_day_terms(unit: Unit) -> set[str]:
    """The days a sentence says something will happen on, as terms: "will begin Tuesday" and "from
    tomorrow" written the day before name one day (see `schedule.coming_days`)."""
    return {f"{COMING_DAY}:{concept[1]}" for concept in unit.bigrams if concept[0] == COMING_DAY}


def fact_text(text: str) -> str:
    """The sentence without an opening "According to X,": who vouches for a fact is not the fact, so an
    outlet that states it on other authority, or on its own, supports it (as with "allegedly")."""
    match = ACCORDING.match(text)
    return text[match.end() :].lstrip() if match else text


def _what_is_told(text: str) -> str:
    """The sentence without the words naming who tells it: "three U.S. officials familiar with the matter
    said" and "four U.S. officials ..." tell one fact."""
    closing = _CLOSING_ATTRIBUTION.search(text)
    if closing:
        text = text[: closing.start()]
    phrase = speaker_phrase(text)
    return text.replace(phrase, " ", 1) if phrase else text


# An opening quotation mark (a straight single one only where a word may open: "Trump's" is no quotation).
_QUOTE_MARK = re.compile("[\"“‘]|(?:^|\\s)'")


def _quotation_terms(told: str) -> set[str]:
    """The content terms of the quotations of `told` (a sentence without its speaker) when they are most of
    what it tells and enough to be a statement (`QUOTATION_MIN_TERMS`); else none."""
    if not _QUOTE_MARK.search(told):
        return set()
    quoted = {term for match in QUOTED.finditer(told) for term in content_terms(match.group())}
    if len(quoted) < QUOTATION_MIN_TERMS or len(quoted) < QUOTATION_SHARE * len(set(content_terms(told))):
        return set()
    return quoted


# ", three U.S. officials familiar with the matter said." closing a sentence.
_CLOSING_ATTRIBUTION = re.compile(
    r",\s+[^,;:\"“”]{2,80}?\s+(?:told [\w.]+|"
    + alternation(past(verbs("say", "add", "confirm")) | third(verbs("say")) | {"reported", "reports"})
    + r")\.?\s*$")


def _speaker_roles(unit: Unit) -> set[str]:
    """Terms of the words that describe who speaks ("The Russian leader said", "a ministry spokesman
    said"): outlets name one speaker differently ("Putin said", "he said"), and the fact is what was said."""
    if unit.language != "en":
        return set()
    phrase = speaker_phrase(unit.text)
    if not phrase:
        return set()
    return {stem(word) for word in words(phrase.lower()) if word in ROLES}


@lru_cache(maxsize=8192)  # as `lexicon.relatives`: a dictionary's answer, the same in every story
def _relative_terms(word: str) -> frozenset[str]:
    """The terms (stems) of the words that can stand for `word`."""
    return frozenset(map(stem, lexicon.relatives(word)))


class SupportIndex:
    """Per-source sentence term sets, with cluster idf, for finding supporting evidence.

    `evidence(..., paraphrases=True)` also matches a word of the sentence by a word that can stand for
    it in WordNet (pullback/withdrawal, begin/start; `segment.lexicon`). The words of each sentence asked
    about are looked up (a fraction of a millisecond each), so it is meant for the few sentences shown
    to a reader, not for every sentence of a cluster.
    """

    def __init__(self, units_by_doc: Mapping[str, list[Unit]], canonical: Mapping[str, str] | None = None):
        """`canonical`: the story's name spellings, when already found (else found here)."""
        self.units_by_doc = units_by_doc
        every = [unit for units in units_by_doc.values() for unit in units]
        self.canonical = spelling_variants(every) if canonical is None else canonical
        self.compounds = compound_spellings(every)
        self._sets = {
            doc_id: [self._terms(unit.terms) | coming_day_terms(unit) for unit in units]
            for doc_id, units in units_by_doc.items()
        }
        frequency: Counter = Counter()
        total = 0
        for sets in self._sets.values():
            for terms in sets:
                frequency.update(terms)
                total += 1
        self.idf = {term: math.log((total + 1) / (count + 0.5)) for term, count in frequency.items()}
        # Terms unseen in this index (a unit from elsewhere) count as rare: they must be matched too.
        self._rare = max(self.idf.values(), default=1.0)
        # Inverted index: a sentence sharing no informative word with a unit cannot support it, so only
        # sentences reached through the unit's terms are looked at (no scan of every sentence per unit).
        self._postings: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for doc_id, sets in self._sets.items():
            for i, terms in enumerate(sets):
                for term in terms:
                    self._postings[term].append((doc_id, i))

    def _terms(self, terms) -> set[str]:
        if not self.compounds and not self.canonical:  # most short stories: every term is its own
            return set(terms)
        found = set()
        for term in terms:
            if term in self.compounds:
                found.update(self.compounds[term])
            else:
                found.add(self.canonical.get(term, term))
        return found

    def _fact_terms(self, unit: Unit, text: str, roles: set[str] | None = None,
                    days: set[str] | None = None) -> tuple[set[str], dict[str, frozenset[str]]]:
        """The terms of `text` (the unit's, or part of it) a supporting sentence must hold, and what else may
        stand for some of them. `roles`, `days`: the unit's `_speaker_roles` and `coming_day_terms`, when the
        caller has them already.

        A coming day replaces the word naming it: a source writing "from tomorrow" the day before states the
        same day as "will begin Tuesday", and one writing "Tuesday" still matches.
        """
        roles = _speaker_roles(unit) if roles is None else roles
        terms = self._terms(unit.terms if text == unit.text else content_terms(text)) - roles
        days = coming_day_terms(unit) if days is None else days
        if not days:
            return terms, {}
        named = terms & _DAY_WORDS
        return (terms - named) | days, {day: frozenset(named) for day in days}

    def _related(self, unit: Unit, fact: str, terms: set[str], related: dict[str, frozenset[str]]
                 ) -> dict[str, frozenset[str]]:
        """For each common word of `fact` (the unit's text or part of it), the terms of the cluster that can
        stand for it (added to `related`). English only: the dictionary is."""
        if unit.language != "en" or not lexicon.available():
            return related
        related = dict(related)
        for position, word in enumerate(words(fact)):
            if not (word.islower() or position == 0):  # names are matched by spelling, not meaning
                continue
            word = word.lower()
            term = stem(word)
            term = self.canonical.get(term, term)
            if term not in terms:
                continue
            # A name's spelling variant maps to its canonical term; a compound's joined term is in no
            # sentence's terms (they hold its parts), so the filter drops it. Set operations: a common word
            # has dozens of relatives.
            relatives = _relative_terms(word)
            if self.canonical:
                relatives = {self.canonical.get(relative, relative) for relative in relatives}
            found = self.idf.keys() & relatives
            found.discard(term)
            if found:
                related[term] = related.get(term, frozenset()) | found
        return related

    def _reach(self, terms: set[str], related: dict[str, frozenset[str]]) -> dict[tuple[str, int], float]:
        """idf mass of `terms` (or words standing for them) in every sentence that has any, keyed by
        (doc_id, index)."""
        reach: dict[tuple[str, int], float] = defaultdict(float)
        for term in terms:
            value = self.idf.get(term, 0.0)
            keys = self._postings.get(term, ())  # each sentence once
            if term in related:  # and the sentences holding a word that stands for it, once too
                keys = set(keys).union(*(self._postings.get(other, ()) for other in related[term]))
            for key in keys:
                reach[key] += value
        return reach

    def _windows(self, terms: set[str], related: dict[str, frozenset[str]], weight: float, threshold: float,
                 main: set[str], main_weight: float, pairs: bool) -> dict[str, list[int]]:
        """Per source, the starts of windows (sentence i, or i and i+1 when `pairs`) that could reach the
        thresholds.

        A window's score is at most the idf mass its two sentences hold separately, so a window whose
        bound falls short of both thresholds is skipped: the evidence found is exactly that of a full scan.
        """
        reach = self._reach(terms, related)
        reach_main = self._reach(main, related) if main else {}
        needed = threshold * weight - 1e-9
        main_needed = MAIN_CLAUSE_THRESHOLD * main_weight - 1e-9 if main else math.inf
        starts: dict[str, set[int]] = defaultdict(set)
        for doc_id, i in list(reach):
            for start in (i - 1, i) if pairs else (i,):
                if start < 0:
                    continue
                bound, main_bound = reach.get((doc_id, start), 0.0), reach_main.get((doc_id, start), 0.0)
                if pairs:
                    bound += reach.get((doc_id, start + 1), 0.0)
                    main_bound += reach_main.get((doc_id, start + 1), 0.0)
                if bound >= needed or main_bound >= main_needed:
                    starts[doc_id].add(start)
        return {doc_id: sorted(found) for doc_id, found in starts.items()}

    def evidence(self, unit: Unit, threshold: float = SUPPORT_THRESHOLD, include_origin: bool = True,
                 paraphrases: bool = False) -> list[Evidence]:
        """Origin first, then the best-matching span of each other source that supports the unit
        (`paraphrases`: in its words or in words that can stand for them)."""
        return self.evidence_at(unit, (threshold,), include_origin, paraphrases)[0]

    def evidence_at(self, unit: Unit, thresholds: tuple[float, ...], include_origin: bool = True,
                    paraphrases: bool = False) -> list[list[Evidence]]:
        """`evidence` at each of several thresholds, found in one pass (the words looked up and the
        windows scored once)."""
        origin = unit.sentence
        found: list[list[Evidence]] = [
            [Evidence(origin.doc_id, origin.start, origin.end, 1.0)] if include_origin else [] for _ in thresholds]
        fact = fact_text(unit.text)
        roles, days = _speaker_roles(unit), coming_day_terms(unit)  # the same for the fact and its main clause
        terms, related = self._fact_terms(unit, fact, roles, days)
        rare = self._rare
        weight = sum(self.idf.get(t, rare) for t in sorted(terms))
        if not weight:
            return found
        main = self._fact_terms(unit, main_clause(fact), roles, days)[0] if unit.terms else set()
        if len(main) < MAIN_CLAUSE_MIN_TERMS or main == terms:
            main = set()
        main_weight = sum(self.idf.get(t, rare) for t in sorted(main))
        pairs = len(terms) >= PAIR_MIN_TERMS
        if paraphrases:
            related = self._related(unit, fact, terms, related)

        def share(of: set[str], window: set[str]) -> float:
            """idf mass of `of` found in `window`, as itself or through a word standing for it; a word of the
            window stands for one word of the sentence at most ("partial" and "member" are not both "part")."""
            used = of & window
            total = sum(self.idf.get(t, 0.0) for t in sorted(used))  # one order: the same sum in every run
            options = {term: sorted(related.get(term, frozenset()) & window) for term in of - window}
            # Rarer words first; among equals, the word with fewer stand-ins, so it is not left without one.
            for term in sorted(options, key=lambda t: (-self.idf.get(t, 0.0), len(options[t]), t)):
                stand_in = next((t for t in options[term] if t not in used), None)
                if stand_in is not None:
                    used.add(stand_in)
                    total += self.idf.get(term, 0.0)
            return total

        windows = self._windows(terms, related, weight, min(thresholds), main, main_weight, pairs)
        negated = bool(_NEGATION.search(unit.text))
        for doc_id, sets in self._sets.items():
            if doc_id == origin.doc_id or doc_id not in windows:
                continue
            best = [(0.0, -1) for _ in thresholds]  # per threshold: the best score and its window
            units = self.units_by_doc[doc_id]
            for i in windows[doc_id]:
                if negated and not any(_NEGATION.search(u.sentence.text) for u in units[i : i + 1 + pairs]):
                    continue
                if not pairs and not unit.bigrams & units[i].bigrams:
                    continue
                candidate = sets[i]
                window = candidate | sets[i + 1] if pairs and i + 1 < len(sets) else candidate
                plain = share(terms, window) / weight
                main_score = share(main, window) / main_weight if main else 0.0
                for k, threshold in enumerate(thresholds):
                    score = plain
                    if main_score >= MAIN_CLAUSE_THRESHOLD:  # matching the main clause closely is matching the fact
                        score = max(score, threshold * main_score / MAIN_CLAUSE_THRESHOLD)
                    if score > best[k][0]:
                        best[k] = (score, i)
            for k, threshold in enumerate(thresholds):
                score, i = best[k]
                if i >= 0 and score >= threshold:
                    span = self._cited_span(units, sets, i, lambda window: share(terms, window) / weight, threshold,
                                            pairs)
                    found[k].append(Evidence(doc_id, span[0], span[1], round(score, 3)))
        return found

    def agreeing(self, unit: Unit, evidence: list[Evidence]) -> list[Evidence]:
        """`evidence` (origin first) without the spans that state another fact in the unit's words:
        - another value for one of the unit's figures ("has won stage 15" for "has won stage 13"): a source
          saying that tells another event or disagrees (`story/figures.py`);
        - for a sentence that is mostly a quotation ("I am so excited to be hosting the Oscars for the second
          time," DeGeneres said in a statement.), a span holding under half of the quotation's words: the same
          speaker's other words ("the third time's the charm," DeGeneres said in a statement) are another
          statement.
        The source's other sentences are not searched again: its best match was that one."""
        if len(evidence) < 2 or not (_QUOTE_MARK.search(unit.text) or figures(unit.text)):
            return evidence  # the cheap tests first: most sentences quote no one and give no figure
        mine = _what_is_told(unit.text)
        quoted = self._terms(_quotation_terms(mine))
        kept = evidence[:1]
        for item in evidence[1:]:
            told = [_what_is_told(u.sentence.text) for u in self.units_by_doc.get(item.doc_id, ())
                    if u.sentence.start < item.end and u.sentence.end > item.start]
            if disagree(mine, told):
                continue
            if quoted:
                held = self._terms(content_terms(" ".join(told)))
                if len(quoted & held) < QUOTATION_SHARE * len(quoted):
                    continue
            kept.append(item)
        return kept

    def _cited_span(self, units: list[Unit], sets: list[set[str]], i: int, share, threshold: float,
                    pairs: bool) -> tuple[int, int]:
        """The span to cite for the window opening at sentence i: the one sentence that holds the fact alone,
        if either does, else both. When text was removed between the two (a photo caption, a dateline, a
        heading), one span would enclose it, so the sentence holding more of the fact is cited instead."""
        first, first_share = units[i].sentence, share(sets[i])
        if not pairs or i + 1 >= len(units) or first_share >= threshold:
            return first.start, first.end
        second, second_share = units[i + 1].sentence, share(sets[i + 1])
        if second_share >= threshold:
            return second.start, second.end
        if units[i + 1].joins_previous:
            return first.start, second.end
        cited = second if second_share > first_share else first
        return cited.start, cited.end
