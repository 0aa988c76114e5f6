"""The classic baselines, run on the raw document texts as a user would run them.

- lead: the first sentence of each document, then the second of each, ... (round-robin) until the budget
  is full: the strong news baseline of the DUC/TAC evaluations.
- LexRank and TextRank from sumy: the documents joined into one text, parsed by sumy's plain-text parser,
  stop words and stemmer for the language from sumy, and the best-rated sentences kept until they hold
  the word budget (sumy prints them in document order). sumy's default tokenizer needs NLTK data that
  cannot be downloaded here, so it gets ours: the same sentence splitter newsfuse uses.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from newsfuse.model import Span
from newsfuse.segment import detect_language, split_sentences
from newsfuse.segment.tokens import has_snowball_stemmer, stem, words

# ISO 639-1 -> sumy's language names (stop words, stemmers).
SUMY_LANGUAGES = {
    "ar": "arabic", "cs": "czech", "de": "german", "el": "greek", "en": "english", "es": "spanish",
    "fr": "french", "he": "hebrew", "hi": "hindi", "it": "italian", "pl": "polish", "pt": "portuguese",
    "ru": "russian", "sk": "slovak", "uk": "ukrainian",
}

System = Callable[[list[str], int], list[str]]


def cluster_language(documents: list[str]) -> str:
    """The language of a cluster: detected on its first documents, never taken from metadata."""
    return detect_language("\n".join(documents[:3]))


def line_blocks(text: str) -> list[Span]:
    """Each non-empty line is a block: a headline or dateline never runs into the sentence after it."""
    blocks, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Span(start, start + len(line)))
        start += len(line) + 1
    return blocks


def document_sentences(text: str, language: str) -> list[str]:
    return [s.text for s in split_sentences(text, line_blocks(text), "doc", language)]


def lead(documents: list[str], budget: int) -> list[str]:
    """First sentences of every document in turn until `budget` words are reached."""
    language = cluster_language(documents)
    per_document = [document_sentences(text, language) for text in documents]
    chosen: list[str] = []
    used = 0
    depth = 0
    while used < budget and any(depth < len(sentences) for sentences in per_document):
        for sentences in per_document:
            if depth < len(sentences) and used < budget:
                chosen.append(sentences[depth])
                used += len(sentences[depth].split())
        depth += 1
    return chosen


@dataclass
class SumyTokenizer:
    """What sumy asks of a tokenizer, answered by newsfuse's segmenter."""

    language: str

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(document_sentences(paragraph, self.language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


@dataclass
class WordBudget:
    """A sumy sentence count: best-rated sentences (sumy passes them best first) until `budget` words."""

    budget: int

    def __call__(self, infos: list) -> list:
        kept, used = [], 0
        for info in infos:
            if used >= self.budget:
                break
            kept.append(info)
            used += len(str(info.sentence).split())
        return kept


def sumy_stemmer(name: str, language: str) -> Callable[[str], str]:
    """sumy's stemmer for the language when it works offline, else Snowball's, else none.

    sumy's Greek stemmer needs a package that is not installed (it fails on first use, so it is tried
    once here); a stemmer that fails is replaced as a user would replace it.
    """
    from sumy.nlp.stemmers import Stemmer, null_stemmer

    try:
        stemmer = Stemmer(name)
        stemmer("test")
        return stemmer
    except (LookupError, ValueError):
        pass
    if has_snowball_stemmer(language):
        return partial(stem, language=language)
    return null_stemmer


def _sumy(summarizer_class: type) -> System:
    def run(documents: list[str], budget: int) -> list[str]:
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.utils import get_stop_words

        language = cluster_language(documents)
        name = SUMY_LANGUAGES.get(language, "english")
        summarizer = summarizer_class(sumy_stemmer(name, language))
        with contextlib.suppress(LookupError):  # no stop-word list for the language: use none
            summarizer.stop_words = get_stop_words(name)
        parser = PlaintextParser.from_string("\n\n".join(documents), SumyTokenizer(language))
        with warnings.catch_warnings():  # sumy's Czech stemmer warns on every number it meets
            warnings.simplefilter("ignore", UserWarning)
            return [str(sentence) for sentence in summarizer(parser.document, WordBudget(budget))]

    run.__name__ = summarizer_class.__name__
    return run


def lexrank(documents: list[str], budget: int) -> list[str]:
    from sumy.summarizers.lex_rank import LexRankSummarizer

    return _sumy(LexRankSummarizer)(documents, budget)


def textrank(documents: list[str], budget: int) -> list[str]:
    from sumy.summarizers.text_rank import TextRankSummarizer

    return _sumy(TextRankSummarizer)(documents, budget)
