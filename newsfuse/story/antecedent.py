"""Sentences that open with "He" or "She": name the person when the sentence before leaves no doubt who.

News often states a fact in a sentence that opens with a pronoun ("He gave no deadline for the
withdrawal ..."). Printed alone it would point at whoever the brief mentioned last, so such sentences are
usually unusable. When the sentence just before it in the same article has exactly one person acting (a
name right before a reporting or action verb: "..., Putin said ...", "Kremlin spokesman Dmitry Peskov
said ..."), the pronoun is that person, and the brief prints the surname instead: both are spans of the
source, so provenance stays exact. Anything less certain keeps the sentence out, as before.

A speaker who closes a sentence about someone else ("Bettie Page died Thursday ..., agent Mark Roesler
said.") is that sentence's only actor but not its subject: "She had suffered a heart attack" after it is
Page. Such a pronoun is named only when its sentence goes on reporting speech ("He said ...").
"""

from __future__ import annotations

import re

from newsfuse.model import Document, Span
from newsfuse.reporting import DIRECTING, SAYING, SPEECH, STANCE, WRITING, alternation, forms, past
from newsfuse.segment.dates import WEEKDAYS
from newsfuse.segment.sentences import PERSONAL_TITLES
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


# The pronoun's sentence goes on reporting what its subject said ("He said ...", "She added: ..."): the
# speaker of the sentence before, whoever that sentence was about.
_SPEAKS_ON = re.compile(
    r"(?:(?:also|later|further|then)\s+)?(?:" + alternation(
        forms(SPEECH, STANCE, WRITING) | {"suggested", "acknowledged", "cited", "called", "accused", "vowed"}) + r")\b")
# The actor speaks at the end of a sentence about someone or something else ("Bettie Page died Thursday ...,
# longtime agent Mark Roesler said."; "..., Lyons said."): a comma, not a quotation, before the speaker.
_CLOSING_SPEAKER = re.compile(r",\s+(?:[\w.’'-]+\s+){0,6}$")
# The actor's words open with someone else as their subject ("Lyons warned that Comeaux knows the area",
# "Jack Ketsoyan said Friday that the "American Pie" star went ...").
_WEEKDAY = "(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + ")"
_REPORTED_SUBJECT = re.compile(
    r"\s+(?:(?:" + _WEEKDAY + r"|today|yesterday)\s+)?(?:that\s+)?(?:the\s+)?(?!" + _WEEKDAY + r")"
    r"(?:[A-Z][\w.’'-]+\s+){0,3}?[A-Z][\w’'-]+\s+(?!said\b|says\b)[a-z]")
# The actor is inside someone else's words ("... tweeted Friday morning that FEMA administrator Pete Gaynor
# told her ..."): the sentence's own subject is another.
_IN_REPORTED_CLAUSE = re.compile(r"\bthat\s+(?:[\w.’'-]+\s+){0,6}$")
# A person named with a title in the actor's words ("... told the traveling press that he thinks former
# Democratic Illinois Gov. Rod Blagojevich has been treated unfairly"): someone the next sentence may be about.
_TITLED_PERSON = re.compile(
    r"\b(?:" + "|".join(PERSONAL_TITLES) + r")\.\s+[A-Z]"
    r"|\b(?:Governor|Senator|Judge|Justice|Mayor|Officer|Detective|Prince|Princess|Queen|King)\s+[A-Z][a-z]")
# What may follow a closing speaker: when, where or to whom ("..., Fuller confirmed to CNN.", "... said Friday.").
_AFTER_CLOSING_SPEAKER = re.compile(r"(?:\s+[\w’'-]+){0,5}[\s.]*$")


def _another_subject(sentence: str, at: int) -> bool:
    """Whether the sentence whose only actor's surname starts at `at` is about someone else: the actor speaks
    inside another's words (`_IN_REPORTED_CLAUSE`), is a closing attribution after a clause
    (`_CLOSING_SPEAKER`), or the actor's words name their own subject (`_REPORTED_SUBJECT`) or someone with
    a title (`_TITLED_PERSON`). A "He"/"She" after it then most likely stands for that other person, not the
    actor, unless the pronoun's sentence goes on reporting speech (`_SPEAKS_ON`)."""
    match = next((m for m in _ACTING_NAME.finditer(sentence) if m.start(1) <= at < m.end(1)), None)
    if match is None:
        return True
    before = sentence[: match.start(1)]
    if _IN_REPORTED_CLAUSE.search(before):
        return True
    if _CLOSING_SPEAKER.search(before.rstrip() + " ") and _AFTER_CLOSING_SPEAKER.match(sentence, match.end()):
        return True
    return bool(_REPORTED_SUBJECT.match(sentence, match.end()) or _TITLED_PERSON.search(sentence, match.end()))


_THIRD_PERSON = {"he": re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b"),
                 "she": re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")}


def _quoted_about(sentence: str, pronoun: str) -> bool:
    """The sentence quotes someone talking about a "he" or "she" (as `pronoun`): the pronoun after it may
    go on naming that person, not the speaker ("One night ... she saw a neon cross on a church and walked
    inside," Yeager said. / She never walked out: ...)."""
    return any(_THIRD_PERSON[pronoun.lower()].search(quotation) for quotation in QUOTED.findall(sentence))


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
    if not _SPEAKS_ON.match(head, opening.end()) and (
            _another_subject(unquoted, offset - previous.start) or _quoted_about(previous.text, opening.group(1))):
        return None  # "She had suffered a heart attack" after "Bettie Page died ..., agent Mark Roesler said."
    if text[offset : offset + len(surname)] != surname:
        return None
    rest = Span(pieces[0].start + len(opening.group(1)), pieces[0].end)
    return [Span(offset, offset + len(surname)), rest, *pieces[1:]]
