"""Roundup pages: a page of several stories, brought into this one by one of its items.

A digest ("10 things in tech you need to know today"), a morning briefing or a page of sports results tells a
paragraph each of several stories. Put in a folder with two reports of one of them, it is a source of that
story, but its other items are not: the brief of WeWork's investigation had printed "T-Mobile CEO John Legere
is stepping down in May 2020." and Valve's new game, cited to the digest, and taken the digest's headline as
its title.

A source is read as a roundup when
- its headline names nothing any other source of the story names (a digest's headline names its series),
- at least one of its paragraphs names what half of the other sources name (the item that brought it in),
- and at least `MIN_OTHER_ITEMS` of its paragraphs, and at least half of those that name anyone, name only
  people, organisations and places that no other source names, most of them named in no other paragraph of
  the page either (a digest's items are unrelated to each other too).
Those paragraphs tell other stories: they are set aside (`Document.other_stories`), so that no summary
sentence, key fact, quote, entity or date of the brief comes from them, and the page's headline is not the
brief's title when another source has one. The rest of the page is a source like any other. A report's
paragraphs about someone only it names are few beside those naming the story, and its headline names the
story: no report of ECB+ (981), TAC 2011 in its seven languages (700), either allsides-neus half (3,678 each)
or the extraction benchmark's pages briefed as one pile is read as a roundup.

A name is a capitalised word after a sentence's first word (the first is capitalised whatever it is), other
than a title written as an acronym ("CEO") or a word of the calendar ("May", "Tuesday"). Text without
capitals (Arabic, Hebrew, Hindi) names no one here, so no source in it is read as a roundup.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from newsfuse.model import Document
from newsfuse.segment.dates import MONTHS, WEEKDAYS
from newsfuse.story.reactions import CAPITALISED, ROLES, name_tokens

# Paragraphs about other stories a page needs to be a roundup: a digest has five to ten; a report may have a
# paragraph or two about someone no other source names (a witness, an earlier case). Chosen by judgment on
# one digest (the extraction benchmark's tuning half), then checked on the sets above (module docstring).
MIN_OTHER_ITEMS = 3
# ... and their share of the page's paragraphs that name anyone.
MIN_OTHER_SHARE = 0.5
# Capitalised words that name no one: titles written as acronyms, and the calendar.
_MONTH_NAMES = {"january", "february", "march", "april", "june", "july", "august", "september", "sept", "october",
                "november", "december"}
_NOT_NAMES = ROLES | {"ceo", "coo", "cfo", "cto", "vp", "svp", "evp"} | set(WEEKDAYS) | set(MONTHS) | _MONTH_NAMES
# What may come before a sentence's first word: quotation marks, brackets, dashes.
_OPENING = " \t\"“‘'([-—–"


def set_aside_other_stories(documents: Sequence[Document]) -> None:
    """Mark the paragraphs of every roundup among `documents` that tell other stories (`Document.other_stories`)
    and drop their sentences. A copy is read against the sources other than its original."""
    originals = [doc for doc in documents if not doc.duplicate_of]
    # A roundup has an item about the story and MIN_OTHER_ITEMS others, each a paragraph: most sources have
    # fewer (three short leads have one or two), and nothing is read of them.
    candidates = [doc for doc in documents if len({s.paragraph for s in doc.sentences}) > MIN_OTHER_ITEMS]
    if len(originals) < 2 or not candidates:
        return
    names = {doc.id: paragraph_names(doc) for doc in [*originals, *candidates]}
    named_by = {doc.id: set().union(*names[doc.id].values()) for doc in originals}
    for doc in candidates:
        own = doc.duplicate_of or doc.id
        others = [named_by[other.id] for other in originals if other.id != own]
        if not others:
            continue
        other_stories = _other_stories(doc, names[doc.id], others)
        if other_stories:
            set_aside(doc, other_stories)


def _other_stories(doc: Document, names: dict[int, set[str]], others: list[set[str]]) -> set[int]:
    """The paragraphs of `doc` that tell other stories, if it is a roundup; else none."""
    anyone_else = set().union(*others)
    if doc.title and _title_names(doc) & anyone_else:
        return set()
    quorum = math.ceil(len(others) / 2)
    named = [paragraph for paragraph, found in names.items() if found]
    story_items = [p for p in named if any(sum(name in other for other in others) >= quorum for name in names[p])]
    other_items = {p for p in named if not names[p] & anyone_else}
    # A roundup's other items are unrelated to each other too: most of an item's names are its own. A report
    # of one leg of an event series names its own places and people in paragraph after paragraph (TAC 2011
    # French: the torch relay in San Francisco, which no other source of the series tells).
    own_items = [p for p in other_items if 2 * len(names[p] & _named_elsewhere(names, p)) < len(names[p])]
    if not story_items or len(own_items) < MIN_OTHER_ITEMS or len(own_items) < MIN_OTHER_SHARE * len(named):
        return set()
    return other_items


def _named_elsewhere(names: dict[int, set[str]], paragraph: int) -> set[str]:
    return set().union(*(found for other, found in names.items() if other != paragraph))


def paragraph_names(doc: Document) -> dict[int, set[str]]:
    """The name tokens of each paragraph's sentences (`Sentence.paragraph` -> tokens)."""
    found: dict[int, set[str]] = defaultdict(set)
    for sentence in doc.sentences:
        text = sentence.text
        for match in CAPITALISED.finditer(text):
            if not text[: match.start()].strip(_OPENING):
                continue  # the sentence's first word
            found[sentence.paragraph].update(_name_tokens(match.group(), doc.language))
    return found


@lru_cache(maxsize=16_384)
def _name_tokens(word: str, language: str) -> frozenset[str]:
    """A capitalised word's name tokens (a word recurs: each is read once)."""
    return frozenset(token for token in name_tokens(word, language) if token not in _NOT_NAMES)


def _title_names(doc: Document) -> set[str]:
    """Every capitalised word of the headline (a headline in title case capitalises every word, so this is
    more than its names: the test it serves stays on the side of reading no roundup)."""
    return {token for word in CAPITALISED.findall(doc.title) for token in _name_tokens(word, doc.language)}


def set_aside(doc: Document, paragraphs: set[int]) -> None:
    """Set aside the paragraphs (block indices) of `doc`: their sentences go, the rest are numbered again."""
    doc.other_stories = tuple(sorted(paragraphs))
    kept = [sentence for sentence in doc.sentences if sentence.paragraph not in paragraphs]
    doc.sentences = [replace(sentence, index=index) for index, sentence in enumerate(kept)]
