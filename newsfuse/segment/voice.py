"""Whose voice a sentence is in: the words inside quotation marks belong to someone quoted, the rest to
the writer. Used by the summariser (the writer's own opinions are never the brief's), by its pronoun
resolution, and by the report/opinion classifier."""

from __future__ import annotations

import re

QUOTED = re.compile(r"[\"“][^\"”]*[\"”]|‘[^’]*’")
_FIRST_PERSON = re.compile(r"\b(I|me|my|mine|we|our|us)\b")


def unquoted(text: str) -> str:
    """The text with every quotation replaced by a space: the writer's own words."""
    return QUOTED.sub(" ", text)


def writer_in_first_person(text: str) -> bool:
    """The writer says "I" or "we" outside quotation marks: speaking, not reporting."""
    return bool(_FIRST_PERSON.search(unquoted(text)))
