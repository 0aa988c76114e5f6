"""The multi-document summariser: a story in, cited summary sentences out."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.model import Evidence, Sentence, SummarySentence
from newsfuse.segment import lexicon
from newsfuse.story import Story
from newsfuse.story.concepts import concept_bigrams, concept_weights, terms_and_bigrams
from newsfuse.story.schedule import coming_days
from newsfuse.story.support import SUPPORT_THRESHOLD, SupportIndex
from newsfuse.story.units import Unit
from newsfuse.summarise.main_event import MainEvent, shared_headline_terms
from newsfuse.summarise.order import reading_order
from newsfuse.summarise.pasted import drop_pasted
from newsfuse.summarise.select import select

# In a story of one event, a sentence holding this share of another's idf-weighted content (the support
# index's match, paraphrases included) tells its fact again, though a citation needs SUPPORT_THRESHOLD
# (0.5): three outlets' leads restate one fact in their own words ("Bernie Sanders's campaign released
# letters from three physicians ..." / "Sen. Bernie Sanders released letters from his primary physician and
# two cardiologists ...").
# Chosen on the allsides-neus tuning half (first 600 events, 60 words; R-2, summaries changed): 0.5 (the
# citation threshold): 16.82; 0.45: 16.83, 13 changed; **0.4: 16.76, 37 of 600 changed** (read by hand: 27
# drop a restatement for a new fact, 9 a distinct fact sharing the story's names); 0.35: 16.59, 60 changed;
# 0.3: 16.46, 99 changed (docs/summariser.md).
ONE_EVENT_SAME_FACT = 0.4
# A headline this short is a label ("Game over?", "Brexit latest"), not a statement of the story. A judgement,
# not fitted: headlines state a fact in fewer words than a sentence needs (units.MIN_WORDS is 8), "Trump fires
# FBI director Comey" in five.
HEADLINE_MIN_WORDS = 5


@dataclass(frozen=True)
class Summariser:
    """Concept-coverage summariser over a story's independent sources (copies are folded into their
    originals). Opinion pieces may corroborate and support a fact, but their sentences are never printed
    as the summary's own statements. When the story holds known articles (an update brief), their
    concepts earn nothing and a sentence one of them already states is not chosen."""

    words: int = 200

    def summarise(self, story: Story) -> list[SummarySentence]:
        """Summary sentences of `story` in reading order."""
        originals = story.originals
        headlines = [
            concept_bigrams(doc.title, doc.language) | coming_days(doc.title, story.references[doc.id].date)
            if doc.title else frozenset()
            for doc in originals
        ]
        corroborating = drop_pasted(dict(story.units), story.opinion & set(story.units))
        weights = concept_weights(corroborating.values(), headlines)
        candidates = [unit for units in story.units.values() for unit in units]
        if story.known is not None:
            candidates = _drop_known(candidates, weights, story)
        one_event = story.tells_one_event()
        statements = _Statements(story.index, ONE_EVENT_SAME_FACT if one_event else None)
        same_fact = statements.same_fact
        if one_event:  # two sources' sentences telling the event their headlines share tell one fact
            event = MainEvent(shared_headline_terms((doc.title, doc.language) for doc in originals if doc.title))
            if event.shared:
                def same_fact(unit: Unit, other: Unit) -> bool:
                    return event.retold(unit, other) or statements.same_fact(unit, other)
        chosen = select(candidates, weights, self.words, same_fact=same_fact, one_event=one_event)
        if not chosen and story.known is None:
            chosen = _leads(candidates, self.words)
        headlines_only = False
        if not chosen and story.known is None:  # no sentence fit to print: what the story is, by its headlines
            headlines = _headline_units(story)
            chosen = (select(headlines, weights, self.words, same_fact=statements.same_fact, one_event=one_event)
                      or _leads(headlines, self.words))
            headlines_only = bool(chosen)
        positions = {
            (unit.sentence.doc_id, unit.sentence.start): unit.position
            for units in story.units.values() for unit in units
        }
        published = story.published()
        pairs = [(unit, _cite(unit, statements, published, headlines_only)) for unit in chosen]
        return reading_order(pairs, positions, published)


class _Statements:
    """Each unit's evidence (the spans of other sources that state its fact, paraphrases included),
    found once: selection asks it whether two sentences tell one fact, citation which sources say it.
    `restated`: in a story of one event, the lower share at which a sentence restates another's fact."""

    def __init__(self, index: SupportIndex, restated: float | None = None) -> None:
        self.index = index
        self.restated = restated
        self._found: dict[int, tuple[list[Evidence], ...]] = {}  # at the citation's share (and at `restated`)

    def evidence(self, unit: Unit) -> list[Evidence]:
        return self._find(unit)[0]

    def _find(self, unit: Unit) -> tuple[list[Evidence], ...]:
        key = id(unit)  # units live as long as the story: their ids are stable during one summary
        if key not in self._found:
            shares = (SUPPORT_THRESHOLD,) if self.restated is None else (SUPPORT_THRESHOLD, self.restated)
            # Both shares in one pass: the words are looked up and the windows scored once.
            self._found[key] = tuple(self.index.evidence_at(unit, shares, paraphrases=True))
        return self._found[key]

    def same_fact(self, unit: Unit, other: Unit) -> bool:
        """One of the two sentences holds a span of the other's evidence: it states the other's fact in other
        words (in a story of one event, also at the lower share `restated`). Only where words have stand-ins
        (English, segment/lexicon.py): elsewhere evidence is word overlap, which `select.overlap` already
        judges, and on TAC 2011 Greek and Arabic this looser test of it cost 0.34 and 0.13 R-2."""
        if unit.language != "en" or not lexicon.available():
            return False
        if unit.sentence.doc_id == other.sentence.doc_id:  # evidence past [0] is never in its own source
            return False
        # `other` is the chosen one: its evidence is needed for its citation anyway, so it is read first. The
        # lower share can pick another best window in a source, so both lists are asked.
        return any(_holds(a, found) for a, b in ((unit, other), (other, unit)) for found in self._find(b))


def _holds(unit: Unit, evidence: list[Evidence]) -> bool:
    """The unit's sentence holds one of the evidence spans, or the first of a span of two sentences."""
    sentence = unit.sentence
    return any(item.doc_id == sentence.doc_id and sentence.start <= item.start < sentence.end
               for item in evidence[1:])  # [0] is the evidence's own sentence


def _cite(unit: Unit, statements: _Statements, published: dict, headline: bool = False) -> SummarySentence:
    evidence = statements.index.agreeing(unit, statements.evidence(unit))
    sources = list(dict.fromkeys(item.doc_id for item in evidence))
    return SummarySentence(text=unit.text, origin=evidence[0], pieces=unit.pieces, evidence=evidence,
                           sources=sources, day=published.get(unit.sentence.doc_id), headline=headline)


def _drop_known(candidates: list[Unit], weights: dict, story: Story) -> list[Unit]:
    """Zero the weight of concepts already told, and drop sentences a known source already states."""
    known = story.known
    for units in known.units.values():
        for unit in units:
            for concept in unit.bigrams:
                if concept in weights:
                    weights[concept] = 0.0
    return [unit for unit in candidates
            if not any(e.doc_id != unit.sentence.doc_id
                       for e in known.index.agreeing(unit, known.index.evidence(unit))[1:])]


def _headline_units(story: Story) -> list[Unit]:
    """Each report's headline as a unit, where its text holds it and it states something (not a
    question, not a label of a few words): the summary of a story whose texts hold no complete sentence to
    print (feed items whose descriptions are cut off mid-sentence, headline-only records), so that the
    brief says what the story is rather than nothing."""
    units = []
    for doc in story.originals:
        if doc.id in story.opinion:
            continue
        if doc.title_span is not None:
            line = doc.article.text[doc.title_span.start : doc.title_span.end]
            text, start = line.strip(), doc.title_span.start + len(line) - len(line.lstrip())
        else:  # a metadata title the text repeats (a headline-only feed item): cited where the text has it
            text = doc.title.strip()
            start = doc.article.text.find(text) if text else -1
        words = len(text.split())
        if start < 0 or words < HEADLINE_MIN_WORDS or text.rstrip(".\"'”’ ").endswith(("?", "!", ":")):
            continue
        sentence = Sentence(doc.id, 0, -1, start, start + len(text), text)
        terms, bigrams = terms_and_bigrams(text, doc.language)
        units.append(Unit(sentence=sentence, text=text, pieces=[sentence.span], terms=terms, bigrams=bigrams,
                          words=words, language=doc.language))
    return units


def _leads(candidates: list[Unit], budget: int) -> list[Unit]:
    """First sentences of each source in turn: the summary when the sources share no concept at all
    (unrelated articles, or too little text to corroborate anything), so a brief is never empty."""
    chosen: list[Unit] = []
    used = 0
    for unit in sorted((u for u in candidates if u.eligible), key=lambda u: u.sentence.index):
        if used + unit.words <= budget:
            chosen.append(unit)
            used += unit.words
    return chosen
