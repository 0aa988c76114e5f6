"""Which language a text is in.

py3langid (its model ships inside the package) decides, but loading that model costs most of a second,
so plainly English text is recognised first by its share of English function words, which is cheap.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SAMPLE_CHARS = 3000  # enough text for a stable guess
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# In English news prose about 40% of tokens are function words; other Latin-script languages share
# few of them ("a", "in"), staying well under 15%. Between the two, the model decides.
_ENGLISH_FUNCTION_SHARE = 0.25


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    from newsfuse.segment.tokens import stop_words

    return stop_words("en")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; "en" for text too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    tokens = _WORD.findall(sample.lower())
    if len(tokens) < 5:
        return "en"
    english = _english_function_words()
    if sum(map(english.__contains__, tokens)) / len(tokens) >= _ENGLISH_FUNCTION_SHARE:
        return "en"
    import py3langid

    language, _score = py3langid.classify(sample)
    return language
