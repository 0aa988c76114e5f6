"""Do two surface forms name the same person, organisation or place?

Outlets spell names differently: transliterations of one Arabic or Russian name (vowels written as
"ei", "ey", "ee" or "i"; doubled letters; "k", "ck" or "q"), apostrophes for an ayn, an article "al-"
written, hyphenated or dropped, a first name misspelled. Rules, in order of strength:

1. the same normalised form (ASCII, lower case, no apostrophes, no leading article or title);
2. token by token, each pair of tokens equal, or both long enough and alike as transliterations: the
   same consonant skeleton (vowels and the semivowels y/j removed, doubled letters collapsed,
   c/ck/q/k and ph/f merged) and a close spelling (rapidfuzz ratio);
3. an acronym ("UN") of a longer name ("United Nations");
4. a shorter name contained in a longer one at the end ("Putin" in "Vladimir Putin") — decided by
   the caller, which knows whether the short form is ambiguous.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

# Transliteration variants of one name measured here (Shoigu/Shoygu 83, Tartus/Tartous 92,
# Hmeimim/Hemeimeem 75, Barack/Barak 91) score 75 or more; different names with the same
# consonants (Putin/Patna 40, Iran/Oran 75 but four letters) score lower or are too short to judge.
TRANSLITERATION_RATIO = 72
# Tokens shorter than this are compared exactly: short names differ by one letter too often.
MIN_FUZZY_LETTERS = 5
_PARTICLES = ("al", "el", "ul", "ad", "as", "ash", "at", "an", "ar", "az")  # Arabic article, assimilated
_TITLES = re.compile(
    r"^(the|mr|mrs|ms|dr|sir|president|prime|minister|gen|general|col|colonel|king|queen|prince|"
    r"princess|sheikh|pope|senator|sen|rep|governor|gov|mayor|chancellor|secretary|lt|sgt|capt|"
    r"ambassador|envoy|spokesman|spokeswoman|judge|justice|saint|st)$"
)
# Generic words after a place name: "Latakia Province" is Latakia.
_PLACE_WORDS = {"province", "region", "district", "governorate", "county", "oblast", "prefecture"}
_STOP_IN_ACRONYM = {"of", "the", "and", "for", "de", "la"}
_VOWELS = re.compile(r"[aeiouyj]+")


@lru_cache(maxsize=20_000)
def tokens(name: str) -> tuple[str, ...]:
    """Normalised tokens: ASCII, lower case, apostrophes and possessives gone, articles and titles off."""
    text = anyascii(name).lower()
    text = re.sub(r"['`]s$", "", text)
    text = re.sub(r"['`]", "", text)
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w]
    out: list[str] = []
    for i, word in enumerate(words):
        if word in _PARTICLES and i + 1 < len(words):  # "al-Assad", "al Assad" -> "assad"
            continue
        out.append(word)
    while len(out) > 1 and _TITLES.match(out[0]):
        out.pop(0)
    while len(out) > 1 and out[-1] in _PLACE_WORDS:
        out.pop()
    if len(out) > 1 and all(len(w) == 1 for w in out):  # "U.S." -> "us"
        out = ["".join(out)]
    return tuple(out)


def key(name: str) -> str:
    return " ".join(tokens(name))


@lru_cache(maxsize=20_000)
def skeleton(token: str) -> str:
    """Consonant skeleton of a token: the part transliterations of one name agree on."""
    text = token.replace("ph", "f").replace("ck", "k").replace("q", "k").replace("c", "k").replace("w", "v")
    text = re.sub(r"(.)\1+", r"\1", text)
    text = _VOWELS.sub("", text[1:]) if text[:1] in "aeiouyj" else _VOWELS.sub("", text)
    return re.sub(r"(.)\1+", r"\1", (token[:1] if token[:1] in "aeiouyj" else "") + text)


def same_token(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.isdigit() or b.isdigit() or min(len(a), len(b)) < MIN_FUZZY_LETTERS:
        return False
    if _ending(a) != _ending(b):  # Maria/Mario: a different final vowel is a different name
        return False
    return skeleton(a) == skeleton(b) and fuzz.ratio(a, b) >= TRANSLITERATION_RATIO


def _ending(token: str) -> str:
    """The last letter, with the transliterations of a final i-sound (Sergei/Sergey) made one."""
    return "i" if token[-1] in "iyej" else token[-1]


def same_name(a: str, b: str) -> bool:
    """Same name written differently (rules 1-3 above)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) == len(tb):
        return all(same_token(x, y) for x, y in zip(ta, tb, strict=True))
    return is_acronym(ta, tb) or is_acronym(tb, ta) or _expands(ta, tb) or _expands(tb, ta)


def is_acronym(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    # Not when the long name holds the short one as a word: "US" is no acronym of "US Senate", whose initials
    # happen to spell it.
    if len(short) != 1 or len(long) < 2 or short[0] in long:
        return False
    initials = "".join(w[0] for w in long if w not in _STOP_IN_ACRONYM)
    return len(initials) >= 2 and short[0] == initials


def ends_with(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """`short` is the tail of `long` ("putin" of "vladimir putin"), token by token, spelling-tolerant."""
    if not short or len(short) >= len(long):
        return False
    return all(same_token(x, y) for x, y in zip(short, long[-len(short):], strict=True))


def _expands(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """One token of `short` is the acronym of a run of `long` ("UN Security Council")."""
    if len(short) < 2 or len(short) >= len(long):
        return False
    for i, token in enumerate(short):
        width = len(token)
        if width < 2 or not token.isalpha():
            continue
        for j in range(len(long) - width + 1):
            run = long[j : j + width]
            if "".join(w[0] for w in run) == token and short[:i] + run + short[i + 1 :] == long:
                return True
    return False
