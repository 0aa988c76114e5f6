"""Who speaks in a sentence, and which sentences are other parties' reactions to the story's event.

An editor tells an event, then how the parties outside it responded: the government concerned, the
allies, the opposition, the international bodies. Concept coverage alone does not do this: a reaction
is often told by one outlet only, so its word pairs are not shared and it loses to a second statement by
the event's own actor that several outlets carry. Two rules, used by selection (select.py), bring the
parties in:

- a **reaction** is a sentence whose speaker is a named party that is not a participant of the event
  (not named in half of the headlines or more), that speaks about the event (it uses a common word of
  the headlines, such as "withdrawal"), that takes a position on it (an appraisal word: "positive",
  "condemned"), and that several sources name. The first reaction of each party is worth a fixed
  number of concepts, per source naming the party;
- a **repeated voice**: a direct quotation by a party the brief has already heard (the actor of its
  lead, or the speaker of a chosen sentence) adds the speaker's wording, not a new fact; its value is
  discounted.

English only: speakers are read from the sentence's reporting frame ("X said", "..., said X",
"According to X,"). Other languages get no speakers and are selected on concepts alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsfuse.clean.anycase import AnyCase
from newsfuse.model import Document
from newsfuse.reporting import DIRECTING, SAYING, STANCE, alternation, past
from newsfuse.segment.names import is_acronym, same_token, tokens
from newsfuse.segment.tokens import plain_words, stem, stop_words, words
from newsfuse.segment.voice import QUOTED, unquoted
from newsfuse.story.concepts import min_document_frequency

if TYPE_CHECKING:
    from newsfuse.story.units import Unit

# Verbs of a reporting or deciding frame: the subject of "ordered" is heard as much as that of "said". As
# the acting verbs of antecedent.py (not "argued", "claimed", "stated", "explained": left out as before;
# untested), with "tells", the verbs a reaction appraises the event with ("welcomed", "condemned"; "views"
# as in "Moscow views the move as ...") and three of a party's own acts ("agreed", "expressed", "called").
_VERBS = (past(SAYING, STANCE, DIRECTING) - {"argued", "claimed"}
          | {"says", "tells", "announced", "declared"}
          | {"welcomed", "criticised", "criticized", "condemned", "praised", "described", "view", "views", "viewed",
             "hailed", "rejected"}
          | {"agreed", "expressed", "called"})
_VERB = r"(?:" + alternation(_VERBS) + r")"
# '"...," said Salim al-Muslat' or '"...," the UN envoy said'.
_AFTER_QUOTE = re.compile(
    r"[\"”’],?\s+(?:" + _VERB + r"\s+(?P<after>[^,.;:\"“”]{2,80})|(?P<before>[^,.;:\"“”]{2,80}?)\s+" + _VERB + r"\b)"
)
# The word boundary is checked behind the word, so that the regex engine searches for the word itself.
ACCORDING = re.compile(r"According(?<!\wAccording) to (?P<source>[^,]{2,60}),")
# "The president of the UN Security Council said ...", "In a statement, the ministry has also said ...".
_SUBJECT = re.compile(
    r"^(?:[A-Z][^,]{0,40},\s+)?(?P<subject>[^,;:\"“”]{2,80}?)\s+"
    r"(?:has\s+|had\s+|also\s+|have\s+|\w+ly\s+|on \w+\s+)?" + _VERB + r"\b"
)
# Words that judge: a reaction takes a position on the event ("positive", "welcomed", "condemned"),
# where a police officer or a company spokesman telling what happened does not.
# Matched in lower case (`AnyCase`); every term starts with a letter, which the lookahead tells the regex engine.
_APPRAISAL = AnyCase(
    r"\b(?=[a-z])(welcom\w*|positive\w*|negative\w*|prais\w*|hail\w*|applaud\w*|commend\w*|condemn\w*|denounc\w*|"
    r"deplor\w*|critici[sz]\w*|reject\w*|concern\w*|worr\w*|alarm\w*|hope\w*|hopeful|optimis\w*|pessimis\w*|"
    r"s[ck]eptic\w*|cautious\w*|encourag\w*|disappoint\w*|regret\w*|outrag\w*|shock\w*|grateful|"
    r"thank\w*|congratulat\w*|condolence\w*|tragic|tragedy|appall\w*|dismay\w*|step forward|support\w*|"
    r"oppos\w*|protest\w*|blam\w*|vow\w*|demand\w*|call(?:ed|s)? (?:on|for)|urg\w*)\b",
)
# A speaker phrase longer than this is a clause, not a name with its title.
MAX_SPEAKER_WORDS = 12
# Words of a speaker phrase that name a role, not the party.
ROLES = frozenset({
    "president", "presidency", "minister", "ministry", "prime", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "official", "officials", "ambassador", "envoy", "chief", "head", "leader", "member",
    "members", "foreign", "defense", "defence", "deputy", "senior", "source", "sources", "general",
    "statement", "news", "agency", "special", "mr", "mrs", "ms", "dr",
})
CAPITALISED = re.compile(r"[A-Z][\w.'’-]*")
# Shorter quotations are terms ("reduction", "positive"), not the speaker's own words.
MIN_QUOTED_WORDS = 3
# A country and its adjective: "Syria"/"Syrian", "Israel"/"Israeli", "Iran"/"Iranian".
MAX_DEMONYM_SUFFIX = 3
MIN_NAME_LETTERS = 4


@dataclass(frozen=True)
class Speaker:
    """The party a sentence is in the voice of."""

    party: tuple[str, ...]  # name tokens of the speaker phrase, roles left out: ("un", "security", "council")
    quoted: bool  # the sentence carries the speaker's own words in quotation marks
    reaction: bool = False  # a party outside the event, taking a position on it
    salience: int = 0  # sources that name the party (counted for possible reactions only)


@dataclass(frozen=True)
class StoryFrame:
    """What the headlines agree on: the event's participants and its common words."""

    participants: tuple[str, ...]  # name tokens ("putin", "syria", "russian")
    event_terms: frozenset[str]  # stems of common words ("withdraw", "order")


def speaker_phrase(text: str) -> str | None:
    """The words naming who speaks in `text`, or None when the sentence has no reporting frame."""
    for pattern in (_AFTER_QUOTE, ACCORDING):
        match = pattern.search(text)
        if match:
            return next(group for group in match.groups() if group)
    match = _SUBJECT.match(unquoted(text))
    return match.group("subject") if match else None


def party_of(phrase: str | None, language: str = "en") -> tuple[str, ...]:
    """Name tokens of a speaker phrase: its capitalised words, without roles and function words."""
    if not phrase or len(phrase.split()) > MAX_SPEAKER_WORDS:
        return ()
    party: list[str] = []
    for word in CAPITALISED.findall(phrase):
        for token in name_tokens(word, language):
            if token not in ROLES and token not in party:
                party.append(token)
    return tuple(party)


def name_tokens(word: str, language: str = "en") -> tuple[str, ...]:
    """Normalised tokens of a capitalised word, without function words ("The", "In") but keeping
    acronyms that spell one ("UN", "U.S.")."""
    acronym = word.isupper() or "." in word.rstrip(".")
    stops = stop_words(language)
    return tuple(token for token in tokens(word) if len(token) > 1 and (acronym or token not in stops))


def same_party(party: Iterable[str], names: Iterable[str], names_in_order: bool = True) -> bool:
    """A party shares a name with `names`: a token spelled alike, a country and its adjective, or an
    acronym of the whole party ("UN" of "United Nations"). `names_in_order`: `names` is a phrase, so
    one of the party's tokens may be its acronym too."""
    party, names = tuple(party), tuple(names)
    if any(_same_name_token(x, y) for x in party for y in names):
        return True
    if any(is_acronym((name,), party) for name in names):
        return True
    return names_in_order and any(is_acronym((token,), names) for token in party)


def _same_name_token(a: str, b: str) -> bool:
    if same_token(a, b):
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= MIN_NAME_LETTERS and long.startswith(short) and len(long) - len(short) <= MAX_DEMONYM_SUFFIX


def story_frame(documents: list[Document]) -> StoryFrame:
    """Participants and event words: what half of the headlines or more name (a lead stands in for a
    missing headline). A word counts as a name when the bodies mostly capitalise it."""
    headlines = [doc.title or (doc.sentences[0].text if doc.sentences else "") for doc in documents]
    headlines = [headline for headline in headlines if headline]
    language = documents[0].language if documents else "en"
    stops = stop_words(language)
    asked = {word.lower() for headline in headlines for word in words(headline)} - stops
    capitalised: Counter[tuple[str, bool]] = Counter()
    if asked:
        # One pass over each body's words (a regex alternation of every headline word cost seconds on a
        # 300-article story): a word is counted whole, else its plain parts ("Assad" in "al-Assad").
        for doc in documents:
            for token in words(doc.body_text()):  # the body: a title-case headline capitalises all
                if token.lower() in asked:
                    found = [token]
                elif token.isalnum():  # one plain part, the token itself: not asked (most words)
                    continue
                else:
                    found = [p for p in plain_words(token) if p.lower() in asked]
                for word in found:
                    capitalised[(word.lower(), word[:1].isupper())] += 1
    names: Counter[str] = Counter()
    common: Counter[str] = Counter()
    for headline in headlines:
        seen_names, seen_common = set(), set()
        for word in words(headline):
            lower = word.lower()
            if lower in stops or not word[:1].isalpha():
                continue
            if capitalised[(lower, True)] > capitalised[(lower, False)]:
                seen_names.update(name_tokens(word, language))
            else:
                seen_common.add(stem(lower, language))
        names.update(seen_names)
        common.update(seen_common)
    quorum = max(1, math.ceil(len(headlines) / 2))
    return StoryFrame(
        participants=tuple(sorted(name for name, count in names.items() if count >= quorum)),
        event_terms=frozenset(term for term, count in common.items() if count >= quorum),
    )


def speaker_of(text: str, language: str) -> Speaker | None:
    """The speaker of one sentence, before the cluster is known (no reaction, no salience yet)."""
    if language != "en":
        return None
    party = party_of(speaker_phrase(text), language)
    if not party:
        return None
    quoted = any(len(match.group(0).split()) >= MIN_QUOTED_WORDS for match in QUOTED.finditer(text))
    return Speaker(party=party, quoted=quoted)


def mark_reactions(units_by_doc: dict[str, list[Unit]], documents: list[Document]) -> None:
    """Flag the spoken sentences that are reactions, with their party's salience, over the independent
    sources. The cheap tests (event word, appraisal, not a participant) run first: counting the sources
    that name a party compares its tokens with every name in them."""
    # Built when the first sentence with a speaker and an appraisal is met: many short stories have none
    # (nine in ten allsides-neus stories), and the frame reads every body's words.
    frame: StoryFrame | None = None
    names_by_source: list[set[str]] = []  # filled when the first possible reaction is met
    floor = min_document_frequency(len(documents))
    salience: dict[tuple[str, ...], int] = {}
    for units in units_by_doc.values():
        for unit in units:
            speaker = unit.speaker
            # The appraisal first: without one there is no reaction, and no frame to build.
            if speaker is None or not _APPRAISAL.search(unit.text):
                continue
            if frame is None:
                frame = story_frame(documents)
            if not (set(unit.terms) & frame.event_terms
                    and not same_party(speaker.party, frame.participants, names_in_order=False)):
                continue
            names_by_source = names_by_source or [names_in(doc) for doc in documents]
            if speaker.party not in salience:
                salience[speaker.party] = sum(
                    1 for names in names_by_source if same_party(speaker.party, names, names_in_order=False))
            named_by = salience[speaker.party]
            unit.speaker = replace(speaker, reaction=named_by >= floor, salience=named_by)


def names_in(document: Document) -> set[str]:
    """Name tokens of the capitalised words of a document's body (captions and other furniture left out)."""
    found: set[str] = set()
    for word in CAPITALISED.findall(document.body_text()):
        found.update(name_tokens(word, document.language))
    return found
