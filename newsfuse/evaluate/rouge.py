"""ROUGE with the project's conventions (see the benchmark data README).

Google's `rouge-score`; F1 and recall of ROUGE-1, ROUGE-2, ROUGE-L (sentence level) and ROUGE-Lsum
(summary level, one sentence a line); each system summary truncated to the word budget; scores averaged
over a cluster's references, then over clusters.

English is scored exactly as `rouge-score` does it (ASCII tokens, Porter stemming). That tokenizer deletes
every letter outside a-z, so text in other languages would score on digits alone: for them tokens are
Unicode words (letters, digits and combining marks, so Devanagari vowel signs stay inside their word),
lower-cased and stemmed with the language's Snowball stemmer where one exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rouge_score import rouge_scorer, tokenizers

from newsfuse.segment.tokens import has_snowball_stemmer, plain_words, stem

METRICS = ("rouge1", "rouge2", "rougeL", "rougeLsum")


@dataclass
class RougeResult:
    """F1 and recall per metric, as fractions (0-1)."""

    f1: dict[str, float] = field(default_factory=dict)
    recall: dict[str, float] = field(default_factory=dict)

    @staticmethod
    def mean(results: list[RougeResult]) -> RougeResult:
        if not results:
            return RougeResult({m: 0.0 for m in METRICS}, {m: 0.0 for m in METRICS})
        return RougeResult(
            {m: sum(r.f1[m] for r in results) / len(results) for m in METRICS},
            {m: sum(r.recall[m] for r in results) / len(results) for m in METRICS},
        )


class UnicodeTokenizer(tokenizers.Tokenizer):
    """Lower-cased Unicode words, Snowball-stemmed when the language has a stemmer."""

    def __init__(self, language: str):
        self.language = language
        self.stemming = has_snowball_stemmer(language)

    def tokenize(self, text: str) -> list[str]:
        tokens = plain_words(text.lower())
        return [stem(token, self.language) for token in tokens] if self.stemming else tokens


@lru_cache(maxsize=16)
def scorer(language: str) -> rouge_scorer.RougeScorer:
    if language == "en":
        return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    return rouge_scorer.RougeScorer(list(METRICS), tokenizer=UnicodeTokenizer(language))


def truncate_words(sentences: list[str], budget: int) -> list[str]:
    """The sentences cut to their first `budget` words in all (whitespace words), boundaries kept."""
    kept: list[str] = []
    left = budget
    for sentence in sentences:
        if left <= 0:
            break
        tokens = sentence.split()
        if not tokens:
            continue
        kept.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return kept


def sentences_of(text: str, language: str) -> list[str]:
    """A reference summary's sentences, split as newsfuse splits articles (for ROUGE-Lsum)."""
    from newsfuse.evaluate.baselines import document_sentences

    return document_sentences(text, language)


def score_summary(summary: list[str], references: list[str], budget: int, language: str = "en"
                  ) -> RougeResult:
    """ROUGE of one system summary (its sentences) against a cluster's references, averaged over them."""
    if not references:
        raise ValueError("a cluster without reference summaries cannot be scored")
    system = "\n".join(truncate_words(summary, budget))
    rouge = scorer(language)
    results = []
    for reference in references:
        target = "\n".join(sentences_of(reference, language))
        scores = rouge.score(target, system)
        results.append(RougeResult({m: scores[m].fmeasure for m in METRICS},
                                   {m: scores[m].recall for m in METRICS}))
    return RougeResult.mean(results)
