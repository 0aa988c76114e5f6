"""Sentences that open with "He" or "She": name the person when the sentence before leaves no doubt who.

News often states a fact in a sentence that opens with a pronoun ("He gave no deadline for the
withdrawal ..."). Printed alone it would point at whoever the brief mentioned last, so such sentences are
usually unusable. When the sentence just before it in the same article has exactly one person acting (a
name right before a reporting or action verb: "..., Putin said ...", "Kremlin spokesman Dmitry Peskov
said ..."), the pronoun is that person, and the brief prints the surname instead: both are spans of the
source, so provenance stays exact. Anything less certain keeps the sentence out, as before.
"""

from __future__ import annotations

import re

from newsfuse.model import Document, Span
from newsfuse.reporting import DIRECTING, SAYING, STANCE, alternation, past
from newsfuse.segment.voice import QUOTED

# Lower case too: "But he gave ..." keeps a lower-case "he" once the opener is cut.
_OPENING_PRONOUN = re.compile(r"^([Hh]e|[Ss]he)\s+(?=[a-z])")
# The verbs of a person acting: saying, taking a stance or directing, in the past, and "says"; of the
# stating verbs only "announced" and "declared", and not "argued" or "claimed" (left out as before; untested);
# then the acts of an office holder ("gave", "signed", "telephoned", "met", "pledged").
_ACTING_VERBS = (past(SAYING, STANCE, DIRECTING) - {"argued", "claimed"}
                 | {"says", "announced", "declared"}
                 | {"gave", "called", "expressed", "signed", "telephoned", "spoke", "met", "promised", "pledged"})
# A name (up to four capitalised words, "al-"/"de" particles allowed) acting as a subject: followed by a
# reporting or action verb. Titles before it ("President", "Defense Minister") are part of the match but
# only the last word (the surname, as news names people on second reference) is used.
_ACTING_NAME = re.compile(
    r"(?<![\w’'-])((?:(?:[A-Z][\w’'-]+|al-[A-Z][\w’'-]+|de|van|von|bin)\s+){0,3}[A-Z][\w’'-]+)"
    r"\s+(?:has\s+|had\s+|also\s+|then\s+|later\s+)?"
    r"(" + alternation(_ACTING_VERBS) + r")\b"
)
# A capitalised phrase after "the" or a preposition names a body or place ("of the Baptist Church told").
_ORGANISATION_BEFORE = re.compile(r"\b(the|of|for|at|from|by|with|in|on|to)\s+$")
# Capitalised words that open sentences or name places and bodies, never a person acting alone.
_NOT_PERSON = {"The", "A", "An", "At", "In", "On", "But", "And", "It", "This", "That", "They", "We", "He", "She",
               "Speaking", "According", "After", "Before", "While", "When", "As", "Officials", "Reports"}


def _open_quote(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def resolve_opening_pronoun(document: Document, index: int, pieces: list[Span]) -> list[Span] | None:
    """Pieces with the opening "He"/"She" replaced by the surname of the previous sentence's only actor."""
    if index == 0 or not pieces:
        return None
    text = document.article.text
    head = text[pieces[0].start : pieces[0].end]
    opening = _OPENING_PRONOUN.match(head)
    if not opening:
        return None
    previous = document.sentences[index - 1]
    if _open_quote(previous.text):  # the pronoun may belong to someone quoted, not to the speaker
        return None
    names = {}
    # Names inside a quotation are the quoted speaker's words, not the sentence's actors.
    unquoted = QUOTED.sub(lambda m: " " * len(m.group()), previous.text)  # blanked, offsets kept
    for match in _ACTING_NAME.finditer(unquoted):
        words = [w for w in match.group(1).split() if w not in _NOT_PERSON]
        if not words or match.group(1).split()[-1] in _NOT_PERSON or match.group(1).startswith("The "):
            continue
        if _ORGANISATION_BEFORE.search(unquoted[: match.start(1)]):  # "of the ... Church told"
            return None
        surname = words[-1]
        offset = previous.start + match.start(1) + match.group(1).rfind(surname)
        names.setdefault(surname, offset)
    if len(names) != 1:
        return None
    (surname, offset), = names.items()
    if text[offset : offset + len(surname)] != surname:
        return None
    rest = Span(pieces[0].start + len(opening.group(1)), pieces[0].end)
    return [Span(offset, offset + len(surname)), rest, *pieces[1:]]
