"""Outlets retelling one event: two sentences whose cores (who did what) are one.

In a story told by many outlets, each report's lead tells the same event wrapped in its own details:
"Bettie Page, the 1950s pin-up model who helped set the stage for the 1960s sexual revolution, has
died." and "Bettie Page died Thursday of pneumonia at a Los Angeles area hospital, longtime agent Mark
Roesler said." share few words, so neither the word overlap nor the evidence test finds one in the other,
and a 200-word summary of fourteen such reports told the death six times. Their cores are one: Page, die.

A core is read without a parse, only where it is plain: a name opens the sentence (after an appositive
between commas, the predicate opens with a verb), and the verb group says what happened by itself ("has
died", "was fired", "signed a $900 billion relief package"): never a reporting verb (what was said is the
fact), a description ("is a favorite among ..."), or a verb whose fact is in what follows ("voted to ...",
"ruled on Monday that ..."). Two sentences retell one event when one core holds all of the other's terms.
Comparing a core with the other sentence's whole text instead changed 20-23 of 1,226 short-story summaries
(this changes 1) and was wrong as often as right ("Israel launched more airstrikes" took out "Israel killed
more than two dozen Gazans during a series of airstrikes ..."; docs/summariser.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.segment import lexicon
from newsfuse.segment.tokens import content_terms
from newsfuse.story.support import fact_text

# Predicate words read after the subject, at most: the verb group and its object's head.
MAX_PREDICATE_WORDS = 4
# The subject: a name at the head of the sentence (capitalised words, a nickname in quotes among them).
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|['‘\"“][A-Z][^'’\"”]{0,30}['’\"”])"
_SUBJECT = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}")
# An appositive between commas after the subject, the predicate following in lower case.
_APPOSITIVE = re.compile(r",\s+[^,;]{3,300}?,\s+(?=[a-z])")
# What ends the verb group and its object: a preposition or subordinator opens an adjunct or a complement.
_PREDICATE_END = frozenset((
    "in", "on", "at", "of", "from", "for", "with", "by", "to", "after", "before", "while", "as", "since", "during",
    "over", "under", "into", "near", "amid", "that", "when", "where", "because", "who", "which", "whose", "and",
    "but", "or", "among", "against", "about", "within", "without", "across", "through", "toward", "towards",
    "despite", "including", "like", "than", "if", "whether"))
# Words that say when, not what: read past.
_TIME_WORDS = frozenset((
    "today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "earlier", "later", "now", "also", "soon"))
_COPULAS = frozenset(("is", "are", "was", "were"))
_AUXILIARIES = _COPULAS | frozenset(("has", "have", "had", "will", "would", "can", "could", "may", "might",
                                     "must", "should"))
_REPORTING_WORDS = frozenset(("said", "say", "says", "told", "tell", "tells", "announced", "announces",
                              "reported", "reports"))
_QUOTES = "\"'“”‘’"


def core_text(text: str) -> str:
    """Who did what, when the sentence says it plainly: its opening name and verb group ("Vincent Gigante,
    who feigned mental illness ..., died today in federal prison ..." -> "Vincent Gigante died"); empty
    otherwise (English). Whether the verb group opens with a verb is asked later (`Core.is_core`)."""
    parts = _core_parts(text)
    return f"{parts[0]} {' '.join(parts[1])}" if parts else ""


def _core_parts(text: str) -> tuple[str, list[str], set[str]] | None:
    """The opening name, the verb group's words and their content terms (`core_text`)."""
    text = fact_text(text)
    subject = _SUBJECT.match(text)
    if subject is None:
        return None
    rest = text[subject.end() :]
    appositive = _APPOSITIVE.match(rest)
    if appositive:
        rest = rest[appositive.end() :]
    words = rest.split()
    first = words[0].strip(_QUOTES + "(),.").lower() if words else ""
    if not first or first in _REPORTING_WORDS:
        return None
    if first in _COPULAS and len(words) > 1 and not words[1].rstrip(",.;").endswith(("ed", "en", "ing")):
        return None  # "is a favorite among ...": a description, not an event
    predicate: list[str] = []
    closed = False  # the predicate ends its clause: "has died."
    complement = False  # what the verb says follows it: "voted to ...", "ruled on Monday that ..."
    for position, word in enumerate(words):
        if word[:1].isdigit() or word[:1] in "$£€":  # a figure is a detail of the object: read on
            continue
        bare = word.strip(_QUOTES + "()").rstrip(",.;:!?").lower()
        if not bare or bare in _PREDICATE_END:
            ahead = [each.strip(_QUOTES + "(),.").lower() for each in words[position : position + 4]]
            complement = "that" in ahead or "to" in ahead
            break
        if bare.endswith("ly") or bare in _TIME_WORDS:
            if word.endswith((",", ".", ";")):
                closed = True
                break
            continue
        if bare in _REPORTING_WORDS:
            return None  # "had earlier announced ...": what was said is the fact, not the saying
        predicate.append(bare)
        if word.endswith((",", ".", ";", "!", "?")):
            closed = True
            break
        if len(predicate) >= MAX_PREDICATE_WORDS:
            break
    terms = set(content_terms(" ".join(predicate)))
    if len(terms) >= 2 or (terms and (closed or not complement)):
        return subject.group(), predicate, terms
    return None


@dataclass(frozen=True)
class Core:
    """A sentence's core: the subject's last name (outlets name a person in full or by surname) and the verb
    group's content words; `verb`, the predicate's first word, which must be a verb for the core to be one
    (else the name was the start of a longer subject: "A New Bedford man ..."). The dictionary is asked
    only when two cores match (`same_core`): a word's first look-up costs about 50 us."""

    terms: frozenset[str]
    verb: str

    def is_core(self) -> bool:
        return bool(self.terms) and (self.verb in _AUXILIARIES or bool(lexicon.base_forms(self.verb, "verb")))


NO_CORE = Core(frozenset(), "")


def core_of(text: str, language: str) -> Core:
    """The sentence's core; `NO_CORE` when it has no plain one, and in other languages than English."""
    parts = _core_parts(text) if language == "en" else None
    if parts is None:
        return NO_CORE
    subject, predicate, terms = parts
    surname = content_terms(subject.split()[-1], language)
    return Core(frozenset(terms | {surname[-1]}), predicate[0]) if surname else NO_CORE


def same_core(a: Core, b: Core) -> bool:
    """Two cores tell one event: one holds all of the other's terms."""
    return (bool(a.terms) and bool(b.terms) and (a.terms <= b.terms or b.terms <= a.terms)
            and a.is_core() and b.is_core())
