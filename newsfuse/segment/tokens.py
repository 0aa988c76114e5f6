"""Tokens for matching sentences: words, stop words removed, stemmed where a stemmer exists."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)

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


def words(text: str) -> list[str]:
    return _WORD.findall(text)


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


def content_terms(text: str, language: str = "en") -> list[str]:
    """Lower-cased, stemmed words of `text` that are not stop words (numbers kept: they carry facts)."""
    stops = stop_words(language)
    terms = []
    for word in _WORD.findall(text.lower()):
        word = word.replace("’", "'")
        if word in stops or (len(word) < 2 and not word.isdigit()):
            continue
        terms.append(stem(word, language))
    return terms
