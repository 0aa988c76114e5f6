"""Light sentence compression that keeps provenance: the result is made of spans of the source."""

from __future__ import annotations

import re

from newsfuse.model import Sentence, Span

# "MOSCOW (Reuters) - ", "WASHINGTON, March 14 (AP) — ", "GENEVA — ": wire datelines.
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}(,\s*[A-Z][a-z]+\.?(\s+\d{1,2})?)?\s*(\([A-Za-z .&/-]{2,30}\))?\s*[-—–]{1,2}\s+"
)
# Discourse openers that only link to the sentence before.
_OPENER = re.compile(r"^(But|And|However|Meanwhile|Also|Still|Yet|Moreover|In addition|Furthermore),?\s+")


def compress(text: str, sentence: Sentence) -> tuple[str, list[Span]]:
    """The sentence without its dateline or linking opener, and the spans of the source it keeps."""
    start, end = sentence.start, sentence.end
    body = text[start:end]
    for pattern in (_DATELINE, _OPENER):
        match = pattern.match(body)
        if match and len(body) - match.end() > 20:
            start += match.end()
            body = text[start:end]
    if start == sentence.start:
        return body, [Span(start, end)]
    return body[:1].upper() + body[1:], [Span(start, end)]
