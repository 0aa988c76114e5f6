"""Tokens for matching sentences: words, stop words removed, stemmed where a stemmer exists."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek", "en": "english",
    "es": "spanish", "et": "estonian", "eu": "basque", "fi": "finnish", "fr": "french", "ga": "irish",
    "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian",
    "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}
_STOPWORD_FILES = {
    "ar": "arabic", "cs": "czech", "de": "german", "el": "greek", "en": "english", "es": "spanish",
    "fr": "french", "he": "hebrew", "it": "italian", "pl": "polish", "pt": "portuguese", "sk": "slovak",
    "sv": "swedish", "uk": "ukrainian",
}
# Without a Snowball stemmer (Czech, Hebrew, ...), cutting words to their first letters merges most
# inflections of rich morphologies at a small cost in false merges.
_PREFIX_STEM = 6


@lru_cache(maxsize=1)
def _word_char() -> str:
    """A regex class for word characters: letters and digits, plus combining marks.

    Python's \\w leaves out combining marks, which cuts every Devanagari, Bengali or Thai word at each
    vowel sign (and Arabic or Hebrew words at their vowel points); marks are collected from the Unicode
    database (Basic Multilingual Plane) once, on first use.
    """
    marks, start, previous = [], None, None
    for code in range(0x10000):
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me"):
            if start is None:
                start = code
            previous = code
        elif start is not None:
            marks.append(f"\\u{start:04x}-\\u{previous:04x}")
            start = None
    return rf"(?:[^\W_]|[{''.join(marks)}])"


@lru_cache(maxsize=1)
def _word_pattern() -> re.Pattern:
    char = _word_char()
    return re.compile(rf"{char}+(?:['’.-]{char}+)*")


@lru_cache(maxsize=1)
def _plain_word_pattern() -> re.Pattern:
    return re.compile(rf"{_word_char()}+")


@lru_cache(maxsize=1)
def _combining_mark() -> re.Pattern:
    """Any combining mark of `_word_char`'s list (its second alternative)."""
    return re.compile(_word_char().removeprefix(r"(?:[^\W_]|").removesuffix(")"))


# `_word_char`'s alternation of two classes is tried at every character and costs twice a single class:
# a text without combining marks (most Latin-script text) is read with the letters-and-digits class
# alone, which finds exactly the same words there.
_MARKLESS_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_MARKLESS_PLAIN_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Words, keeping inner apostrophes, dots and hyphens ("U.S.", "al-Assad", "don't")."""
    if text.isascii() or not _combining_mark().search(text):
        return _MARKLESS_WORD.findall(text)
    return _word_pattern().findall(text)


def plain_words(text: str) -> list[str]:
    """Runs of word characters only: "U.S." gives "U", "S"."""
    if text.isascii() or not _combining_mark().search(text):
        return _MARKLESS_PLAIN_WORD.findall(text)
    return _plain_word_pattern().findall(text)


def word_count(text: str) -> int:
    return len(text.split())


@lru_cache(maxsize=32)
def stop_words(language: str) -> frozenset[str]:
    name = _STOPWORD_FILES.get(language)
    if name is None:
        return frozenset()
    from importlib.resources import files

    try:
        data = files("sumy").joinpath("data", "stopwords", f"{name}.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return frozenset()
    return frozenset(word.strip().lower() for word in data.splitlines() if word.strip())


def has_snowball_stemmer(language: str) -> bool:
    return language in _SNOWBALL


@lru_cache(maxsize=32)
def _stemmer(language: str):
    name = _SNOWBALL.get(language)
    if name is None:
        return None
    import snowballstemmer

    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=500_000)
def stem(word: str, language: str = "en") -> str:
    stemmer = _stemmer(language)
    if stemmer is None:
        return word[:_PREFIX_STEM]
    return stemmer.stemWord(word)


# Hedging adverbs say who vouches for a fact, not what happened: "Assad allegedly agreed" and "Assad
# agreed" state one fact, and a source that states it plainly supports the hedged sentence.
_HEDGES = {"en": frozenset({"allegedly", "reportedly", "apparently", "purportedly", "supposedly", "reputedly",
                            "ostensibly"})}


@lru_cache(maxsize=32)
def _non_content_words(language: str) -> frozenset[str]:
    return stop_words(language) | _HEDGES.get(language, frozenset())


def content_terms_of_words(lowered: list[str], stems: list[str], language: str = "en") -> list[str]:
    """`content_terms` of a text whose lower-cased words (`lowered`, as `words` reads them) and their stems
    are known already."""
    stops = _non_content_words(language)
    terms = []
    for word, stemmed in zip(lowered, stems, strict=True):
        if "’" in word:  # content_terms reads "’" as "'"
            word = word.replace("’", "'")
            stemmed = stem(word, language)
        if word in stops or (len(word) < 2 and not word.isdigit()):
            continue
        terms.append(stemmed)
    return terms


def content_terms(text: str, language: str = "en") -> list[str]:
    """Lower-cased, stemmed words of `text` that are not stop words (numbers kept: they carry facts)."""
    stops = _non_content_words(language)
    terms = []
    # The apostrophes are unified before splitting: both join the parts of a word alike, so the words are
    # the same as when each word's were replaced, with one replacement per text instead of per word.
    for word in words(text.lower().replace("’", "'")):
        if word in stops or (len(word) < 2 and not word.isdigit()):
            continue
        terms.append(stem(word, language))
    return terms
