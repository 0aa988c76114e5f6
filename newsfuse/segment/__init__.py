"""Segment: language detection, sentence splitting with offsets, and tokens for matching."""

from newsfuse.segment.language import detect_language
from newsfuse.segment.sentences import split_sentences
from newsfuse.segment.tokens import content_terms, word_count

__all__ = ["content_terms", "detect_language", "split_sentences", "word_count"]
