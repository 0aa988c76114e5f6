"""Article -> hashed term counts for story clustering (cheap: no sentence splitting, no model).

Three kinds of term, because two reports of one event share more than topic words:
- content words, stemmed, stop words dropped (what the story is about);
- names: capitalised words that do not start a sentence, as their own terms (who and where: two rehab
  stories differ by the star, two earthquakes by the place);
- years, as their own terms (the same kind of event in another year is another event).
Terms are hashed into a fixed space so that document frequencies fit in one bounded array.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.segment.tokens import stem, stop_words

if TYPE_CHECKING:  # NumPy is loaded by the stages that compute embeddings, not by reading terms
    import numpy as np

HASH_BITS = 20  # a million buckets: vocabularies of news streams (1e5-1e6 terms) collide rarely
# Clustering reads the title and the first words only: news tells the event first, and a fixed budget
# keeps the cost per article flat. ECB+ articles average 330 words; 400 keeps nearly all of them whole.
LEAD_WORDS = 400
# A name or a year is a stronger event signal than a topic word; its own term is added with this count
# on top of the plain word (so a name counts 1 + NAME_BOOST in all).
NAME_BOOST = 1
YEAR_BOOST = 1
# Weight of a name, year or number term relative to a word term of the same idf, before one joint L2
# norm. Each name already counts once as a word (its stem), so this is its extra weight. Earlier the two
# kinds were normalised apart and mixed 0.3/0.7: that gave an article's one or two common names (the
# President, Congress) most of its weight, and on concurrent news about the same people it joined
# different stories. Chosen (before the general-English prior of weights.py was added) on the tuning
# data, the even lines of allsides-neus and the odd ECB+ topics: best mean of the two F1s over join
# thresholds 0.5: 0.819, 0.75: 0.824, 1.0: 0.817, 1.5: 0.791 (docs/stories.md).
ENTITY_WEIGHT = 0.75
# Title words are counted this many times more: the headline states the event.
TITLE_REPEAT = 2

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,]\d+)*|[.!?\n]", re.UNICODE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_BOUNDARIES = frozenset(".!?\n")
# Capitalised, but not names: days and months say when, not who or where.
_NOT_NAMES = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
))


@dataclass(frozen=True)
class Terms:
    """Raw term counts of one article, keyed by hash bucket, and the weekdays its lead names (a bit each,
    Monday = 1: see `event_days`)."""

    counts: dict[int, float]
    days: int = 0
    embedding: np.ndarray | None = None  # a unit-length sentence embedding, when one is computed

    def __len__(self) -> int:
        return len(self.counts)


ENTITY_BIT = 1 << (HASH_BITS - 1)  # names, years and numbers hash into the upper half of the space


def bucket(term: str) -> int:
    """A stable hash (the same in every process, unlike `hash`); entity terms in the upper half."""
    key = zlib.crc32(term.encode("utf-8")) & (ENTITY_BIT - 1)
    return key | ENTITY_BIT if is_entity(term) else key


def is_entity(term: str) -> bool:
    """A name ("@putin"), a year ("#2016") or a number term, not a word."""
    return term[0] in "@#0123456789"


def term_strings(title: str, text: str, lead_words: int = LEAD_WORDS) -> Counter[str]:
    """The unhashed terms with their counts (for tests and inspection)."""
    counts: Counter[str] = Counter()
    if not title:  # an untitled text usually opens with its headline
        first = text.lstrip().partition("\n")[0]
        if len(first.split()) <= 40:
            title = first
    if title:
        heading: Counter[str] = Counter()
        _add_tokens(heading, title, limit=lead_words)
        for term, count in heading.items():
            counts[term] += count * TITLE_REPEAT
    _add_tokens(counts, text, limit=lead_words)
    return counts


def extract_terms(title: str, text: str, lead_words: int = LEAD_WORDS) -> Terms:
    hashed: dict[int, float] = {}
    for term, count in term_strings(title, text, lead_words).items():
        key = bucket(term)
        hashed[key] = hashed.get(key, 0.0) + count
    return Terms(hashed, event_days(title, text))


# English news names the day of its event in its first sentences ("President Trump on Monday slammed
# ..."). The lead read for weekdays: about 60 words (chosen on the tuning data, docs/stories.md: 30 words
# find fewer, 120 or 400 add later days that are not the event's and cost ECB+ recall).
DAY_LEAD_CHARS = 480
_WEEKDAY = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_DAY_BITS = {"Mon": 1, "Tues": 2, "Wednes": 4, "Thurs": 8, "Fri": 16, "Satur": 32, "Sun": 64}


def event_days(title: str, text: str) -> int:
    """The weekdays named in the headline and the lead, as a 7-bit mask (0: none named).

    Two reports of one event name the same day far more often than two reports of different events on
    the same people do (tuning half of allsides-neus, each report with its 3 nearest reports by TF-IDF, when both
    name a day: same event 2,488 share a day, 338 do not; another event 812 share, 1,839 do not).
    """
    mask = 0
    for match in _WEEKDAY.finditer(title + "\n" + text[:DAY_LEAD_CHARS]):
        mask |= _DAY_BITS[match.group(1)]
    return mask


def _add_tokens(counts: Counter[str], text: str, limit: int) -> None:
    """Count the terms of the first `limit` words of `text` into `counts` (the per-article hot loop)."""
    stops = stop_words("en")
    sentence_start = True
    seen = 0
    # Words average under 7 characters: this slice holds the first `limit` words without tokenising the rest.
    for token in _TOKEN.findall(text, 0, limit * 12):
        if token in _BOUNDARIES:
            sentence_start = True
            continue
        seen += 1
        if seen > limit:
            break
        first = token[0]
        if first.isdigit():
            if YEAR_BOOST and len(token) == 4 and _YEAR.fullmatch(token):
                counts["#" + token] += YEAR_BOOST
            counts[token] += 1
        else:
            known = _WORD_TERMS.get(token)
            if known is None:
                known = _word_terms(token, stops)
            term, name = known
            if term:
                counts[term] += 1
                if name and NAME_BOOST and not sentence_start:
                    counts[name] += NAME_BOOST
        sentence_start = False


# token -> (its stemmed term, or "" for a stop word; its name term, or "" when not capitalised or a
# day or month). A stream repeats its words: remembering them halves the cost of the loop above.
_WORD_TERMS: dict[str, tuple[str, str]] = {}
_WORD_TERMS_MAX = 200_000


def _word_terms(token: str, stops: frozenset[str]) -> tuple[str, str]:
    lower = token.lower().replace("’", "'")
    if lower in stops or len(lower) < 2:
        known = ("", "")
    else:
        # "Barrett's" names Barrett: the possessive is dropped from the name term (the stemmer drops it
        # from the word term already).
        bare = lower.removesuffix("'s")
        name = "@" + bare if token[0].isupper() and bare not in _NOT_NAMES else ""
        known = (stem(lower, "en"), name)
    if len(_WORD_TERMS) >= _WORD_TERMS_MAX:  # a bounded memo: forget everything, relearn the common words
        _WORD_TERMS.clear()
    _WORD_TERMS[token] = known
    return known
