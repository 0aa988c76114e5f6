"""Candidate sentences for a summary, with the features selection and support need."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsfuse.clean.anycase import AnyCase
from newsfuse.model import Document, Sentence, Span
from newsfuse.reporting import INSISTING, SAYING, alternation, past
from newsfuse.segment.sentences import ends_in_a_title
from newsfuse.segment.tokens import content_terms
from newsfuse.segment.voice import (
    QUOTED,
    addresses_the_reader,
    in_first_person,
    inside_quotation,
    judges_in_own_words,
    unquoted,
)
from newsfuse.story.antecedent import resolve_opening_pronoun
from newsfuse.story.compress import compress
from newsfuse.story.concepts import terms_and_bigrams
from newsfuse.story.reactions import Speaker, speaker_of

# A sentence its outlet labels as opinion or analysis, or as a claim a fact-check goes on to test ("OPINION:
# Mitt Romney: The president shapes ...", "CLAIM: Joe Biden told ..."): not a fact the outlet reports.
_LABELLED_UNREPORTED = re.compile(
    r"(?:NEWS |News )?(?:OPINION|ANALYSIS|COMMENTARY|EDITORIAL|CLAIM|FACT CHECK|FACT-CHECK|SATIRE|RUMOR|"
    r"Opinion|Analysis|Commentary|Editorial|Claim|Fact check)\s*[:|]")
# Sentences shorter than this rarely state a whole fact; longer ones crowd out others in a short brief.
MIN_WORDS = 8
MAX_WORDS = 60
# "said that", "told Defense Minister Sergei Shoigu on March 14 that": the frame before a reported clause.
# The saying and insisting verbs in the past, a few present forms and three more verbs; not "declared",
# "explained", "claimed", "denied" or the past "believed" (left out as before; untested).
_REPORTED_VERBS = past(SAYING, INSISTING) | {"announced", "stated", "confirmed", "says", "tells", "believes"}
_REPORTED = re.compile(
    r"\b(" + alternation(_REPORTED_VERBS) + r")\b"
    r"[^.;:\"“]{0,60}?\bthat\s+(?P<clause>.+)$"
)
# A reported clause with fewer content terms than this is too thin to compare on its own.
MIN_REPORTED_TERMS = 4
# A sentence that opens with a pronoun or demonstrative leans on the sentence before it in its article.
# So does a part of what it counted ("8 of those hits came from the defensive line", "Most of them were
# released").
_DANGLING_START = re.compile(
    r"^[\"“‘']?(he|she|it|they|them|his|her|its|their|this|these|those|that|there|such|both|"
    r"the (latter|former)|(the )?(two|three) (men|women|leaders|sides)|"
    r"([\d,.]+|one|two|three|four|five|six|seven|eight|nine|ten|some|most|many|all|none|half|each|several|"
    r"few|any|either|neither) of (those|these|them|which)|of (those|these|them))\b",
    re.IGNORECASE,
)
# A quotation whose speaker is only a pronoun ("..., he said.") cannot be attributed in a brief.
# Its verbs ("..., he added.", "..., she warned."): the saying and insisting verbs only, and "says".
_PRONOUN_ATTRIBUTION = re.compile(
    r"[\"”’'],?\s+(he|she|they|it)\s+(" + alternation(past(SAYING, INSISTING) | {"says"}) + r")\b",
    re.IGNORECASE,
)
# A sentence ends in one of these (after any closing quotes or brackets); a line without one is a headline,
# caption, list item or cut-off text ("Beached boat in Galle, Sri Lanka after 2004 Tsunami").
_SENTENCE_END = (".", "!", "?", "…", "।", "॥", "。", "！", "？", "؟", "۔")
# Words outside the quotation marks needed to name a speaker and a verb ("said Putin", "Peskov told ...").
MIN_ATTRIBUTION_WORDS = 2


@dataclass
class Unit:
    """A sentence that may go into the summary."""

    sentence: Sentence
    text: str  # after compression
    pieces: list[Span]
    terms: list[str]
    bigrams: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    words: int = 0
    position: float = 0.0  # 0 for a document's first sentence, rising to 1 for its last
    eligible: bool = True  # False: it may support and order, but never be printed as summary
    # Read without the sentences around it, it still says who did or said what: no opening pronoun or
    # demonstrative, no quotation without its speaker or cut by the splitter, not the inside of a quotation
    # opened before it, not the writer in the first person.
    stands_alone: bool = True
    # The writer's own voice, never a reported fact: an opinion piece's sentence, a question or an
    # exclamation, or the writer in the first person. It may support a fact others state, never state one.
    writer_voice: bool = False
    reported: frozenset[str] = frozenset()  # content terms of what a reporting verb introduces ("said that X")
    background: bool = False  # tells of events a month or more before the story
    # Nothing but white space and punctuation between this sentence and the one before it in the article (no
    # caption, heading or other removed text): only then may evidence join the two into one span.
    joins_previous: bool = True
    speaker: Speaker | None = None  # whose voice the sentence reports, when it names one (reactions.py)
    language: str = "en"  # its document's


def build_units(document: Document, opinion: bool = False, quoted: list[bool] | None = None) -> list[Unit]:
    """`quoted`: `inside_quotation` of the document's sentences, when the caller has it already."""
    units = []
    total = max(len(document.sentences) - 1, 1)
    if quoted is None:
        quoted = inside_quotation(document.sentences, document.article.text)
    for sentence, in_quotation in zip(document.sentences, quoted, strict=True):
        text, pieces = compress(document.article.text, sentence)
        resolved = resolve_opening_pronoun(document, sentence.index, pieces)
        if resolved:
            pieces = resolved
            text = "".join(document.article.text[piece.start : piece.end] for piece in pieces)
        terms, bigrams = terms_and_bigrams(text, document.language)
        words = len(text.split())
        unit = Unit(
            sentence=sentence,
            text=text,
            pieces=pieces,
            terms=terms,
            bigrams=bigrams,
            words=words,
            position=sentence.index / total,
            language=document.language,
        )
        writer = unquoted(text)  # the writer's own words, read once for eligibility and voice
        speaking = not in_quotation and _writer_speaks(text, writer, document.language)
        unit.stands_alone = not in_quotation and _stands_alone(text, writer, speaking)
        unit.eligible = unit.stands_alone and _eligible(text, words, opinion)
        unit.writer_voice = opinion or (not in_quotation and _writer_voice(writer, speaking))
        unit.reported = reported_terms(text, document.language)
        unit.speaker = speaker_of(text, document.language)
        if units:
            between = document.article.text[units[-1].sentence.end : sentence.start]
            unit.joins_previous = not any(char.isalnum() for char in between)  # quotation marks may lie between
        units.append(unit)
    return units


def reported_terms(text: str, language: str) -> frozenset[str]:
    """Content terms of the clause a reporting verb introduces, so that "X told Y on Monday that Z" and
    "Z, X said" can be recognised as one statement; empty when there is no such frame (English only)."""
    if language != "en":
        return frozenset()
    match = _REPORTED.search(text)
    if not match:
        return frozenset()
    terms = frozenset(content_terms(match.group("clause"), language))
    return terms if len(terms) >= MIN_REPORTED_TERMS else frozenset()


def _writer_speaks(text: str, writer: str, language: str) -> bool:
    """The writer speaking, not reporting: in the first person (`writer`: the sentence's `unquoted` text), in a
    sentence the outlet labels as opinion or a claim under check, turning to the reader, or passing its own
    verdict of contempt or falsehood (English)."""
    return (in_first_person(writer) or _LABELLED_UNREPORTED.match(text) is not None
            or (language == "en" and (addresses_the_reader(text, writer) or judges_in_own_words(writer))))


def _writer_voice(writer: str, speaking: bool) -> bool:
    """`writer`: the sentence's `unquoted` text; `speaking`: whether the writer speaks in it (in the first
    person, or to the reader)."""
    outside = writer.rstrip("\"'”’) ")
    return outside.endswith(("?", "!", "?.", "!.")) or speaking


# A reason given as a sentence of its own: "Because space travel and sustaining life off Earth are anything but
# easy." answers the sentence before (3 such sentences in the allsides-neus tuning half, TAC 2011 English and
# ECB+, all of them so; with a comma a main clause follows: "Because of the storm, flights were cancelled.").
_BECAUSE_ALONE = re.compile(r"^[\"“‘']?Because\b[^,;:]*$")


def _stands_alone(text: str, writer: str, speaking: bool) -> bool:
    """`writer`: the `unquoted` part of `text`; `speaking`: whether the writer speaks in it (`_writer_voice`)."""
    if _DANGLING_START.match(text) or _PRONOUN_ATTRIBUTION.search(text) or speaking or _BECAUSE_ALONE.match(text):
        return False
    if QUOTED.search(text) and len(writer.split()) < MIN_ATTRIBUTION_WORDS:
        return False  # a quotation with no speaker in the sentence cannot be attributed in a brief
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return False  # a quotation cut by the splitter
    # A bracket opened and never closed, or a title with no name after it: the sentence was cut off, by the
    # splitter or by the source ("... Assistant Speaker Katherine Clark (D-Mass.", "... criticized President
    # Trump's and South Dakota Gov." where a lead's excerpt ends).
    return text.count("(") <= text.count(")") and not ends_in_a_title(text)


# The outlet's own newsgathering, not the story: a request for comment it made or that went unanswered ("The
# Hill has reached out to Trump's representatives for comment.", "The DOJ did not immediately return the
# Washington Examiner's request for comment.", "... did not return a call seeking comment."). 7 sentences of
# allsides-neus, TAC 2011 English and ECB+, all of this kind; two were printed in 60-word summaries. A party
# that "declined to comment" answered, and stays a fact. And the reporters' credit at the foot ("Fox News’
# Jessica Napoli contributed to this report.", "Keith Bradsher contributed reporting from Hong Kong."): printed
# as a crawled page's summary sentence; none in allsides-neus, TAC 2011, ECB+ or the seeds.
# Matched in lower case (`AnyCase`); the lookahead names the first letters, so the engine skips ahead to them.
_NEWSGATHERING = AnyCase(
    r"(?=[hrcd])\b(?:(?:has|have|had)\s+reached out to\b[^.]*\bfor comment|requests? for comment|"
    r"contributed (?:reporting|to this (?:report|story|article))\b|"
    r"could not (?:immediately )?be reached for comment|"
    r"did not (?:immediately )?(?:respond|reply) to (?:a |an |the )?(?:\w+\s+){0,3}(?:request|email|message|call)s?\b|"
    r"did not (?:immediately )?return (?:a |an |the )?(?:\w+[’']?s?\s+){0,3}(?:request|email|message|call)s?\b)"
)


def _eligible(text: str, words: int, opinion: bool) -> bool:
    """A sentence that stands alone (`_stands_alone`) may be printed as the summary's when this holds too."""
    if not MIN_WORDS <= words <= MAX_WORDS:
        return False
    if _NEWSGATHERING.search(text):
        return False
    if text.rstrip("\"'”’ ").endswith(("?", "?.", "!.")) or text.endswith(("!", ":", ",")) or text[:1].islower():
        return False
    if not text.rstrip("\"'”’)»] ").endswith(_SENTENCE_END):
        return False
    return not opinion
