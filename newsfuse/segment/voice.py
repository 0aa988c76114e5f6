"""Whose voice a sentence is in: the words inside quotation marks belong to someone quoted, the rest to
the writer. Used by the summariser (the writer's own opinions are never the brief's), by its pronoun
resolution, and by the report/opinion classifier."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsfuse.clean.anycase import AnyCase
from newsfuse.reporting import ASKING, BELIEF, DIRECTING, SPEECH, STANCE, WRITING, alternation, forms, verbs

if TYPE_CHECKING:
    from newsfuse.model import Sentence

# Each alternative opens with one quotation mark, so that the regex engine can skip ahead to the marks.
# In single quotation marks an apostrophe before a small letter is a contraction, not the closing mark
# ("‘Meth. We’re on it.’"): the quotation runs on to a closing mark, not past another opening one or a line.
# In straight single marks, as headlines and some outlets quote ("'Meth. We're On It' campaign"), an opening
# mark follows no letter and precedes one, a closing mark follows a letter or stop and precedes no letter,
# and an apostrophe between letters is inside ("We're", "Noem's"); "students' union" opens nothing.
QUOTED = re.compile(r"\"[^\"”]*[\"”]|“[^\"”]*[\"”]|‘(?:[^’‘\n]|’(?=[a-z]))*’|"
                    r"'(?<![\w']')(?=[^\s'])(?:[^'\n]|'(?=\w))*?(?<=[^\s'])'(?![\w'])")
# Capitalised too ("We are providing ..."), except "US": the country, not "us". The lookahead names the
# words' first letters: the regex engine skips to them instead of trying every word at every boundary.
_FIRST_PERSON = re.compile(r"(?=[IMmWwOou])\b(?:I|[Mm](?:e|y|ine)|[Ww]e|[Oo]ur|us)\b")


# A straight quotation mark left over after pairing closes a quotation when it ends the text, when a
# clause end before it is followed by the attribution ("... road, \" he said"; detokenised text spaces
# marks), or when it is attached to the word before it; otherwise it opens one.
_CLOSING_STRAIGHT = re.compile(r'"\s*$|[.,!?…]\s*"\s+[a-z]|[^\s"]"(?=[\s,.;:!?)]|$)')


def unquoted(text: str) -> str:
    """The text with every quotation replaced by a space: the writer's own words.

    A sentence may hold only one end of a quotation that runs over several sentences: what follows an
    unclosed opening mark, or precedes an unopened closing one, is quoted too.
    """
    text = QUOTED.sub(" ", text)
    if "“" in text:
        text = text[: text.index("“")]
    if "”" in text:
        text = text[text.rindex("”") + 1 :]
    if '"' in text:
        at = text.index('"')
        text = text[at + 1 :] if _CLOSING_STRAIGHT.search(text) else text[:at]
    return text


def writer_in_first_person(text: str) -> bool:
    """The writer says "I" or "we" outside quotation marks: speaking, not reporting."""
    return in_first_person(unquoted(text))


def in_first_person(writer: str) -> bool:
    """`writer_in_first_person` of a sentence whose `unquoted` words the caller already has."""
    return bool(_FIRST_PERSON.search(writer))


# The writer turning to the reader at the start of a sentence (English): an imperative ("Note their silence
# ...", "Consider that ...", "Meet the guy who ...", "Welcome to the CHAZ ...", "Let's fact-check ..."), a
# pointer to what the piece goes on to list ("Here are five things to watch"), or a spoken interjection
# ("Well, ...", "Yes, but: ..."). Such a sentence is the writer talking, as "I" and "we" are, not a fact told.
_READER_ADDRESS = re.compile(
    r"(?:Note|Consider|Remember|Imagine|Picture|Meet|Behold|Recall)(?:,\s|\s+(?!the Press\b)[a-z])"
    r"|Welcome to\b|Let['’]s\b|Let us\b|Don['’]t forget\b|Make sure\b|Here['’]s\b|Here (?:is|are)\b"
    r"|(?:Well|Yes|No|Look|Okay|OK|Sure|Oh|Alas),\s"
    # the writer's hedge or certainty: a guess or a judgement, not a fact told ("Presumably, this means that AMD
    # will license SeaMicro's fabric technology to third parties.", "Hopefully, Promises will help her ...")
    r"|(?:Presumably|Hopefully|Arguably|Surely|Clearly|Obviously|Frankly|Honestly|Admittedly),\s"
)


# The page pointing its reader at a link ("Click here to get more information or download this game.", "For
# full details on the grant activities and budget, see this page."): a crawled page's text, never a fact.
# None in allsides-neus, TAC 2011 or ECB+.
_LINK_POINTER = re.compile(r"\b(?:[Cc]lick|[Tt]ap) here\b|\b[Ss]ee this page\b")
# "You" in the writer's own words: the writer talking to the reader ("you may have forgotten about one odd
# incident", "If you love a constitutionally constrained federal government, ..."). Of the 16 60-word
# summary sentences of allsides-neus, TAC 2011 English and ECB+ with one, 15 are the writer's colour; the
# other reports guidance ("If you are fully vaccinated ..., you don't need a booster shot ..., the US
# government says."), which its attribution keeps.
_SECOND_PERSON = re.compile(r"(?=[Yy])\b[Yy]ou(?:r|rs|rself|rselves)?\b")
# Whose words they are: "say" and "tell" in every form, an outlet's "reported", a court's "ruled".
_ATTRIBUTED = re.compile(r"\b(?:" + alternation(forms(verbs("say", "tell")) | {"reported", "reports", "ruled"})
                         + r"|according to)\b")


def addresses_the_reader(text: str, writer: str | None = None) -> bool:
    """The sentence opens by addressing the reader (`_READER_ADDRESS`), points at a link (`_LINK_POINTER`), or
    speaks to "you" in the writer's own words (`writer`: its `unquoted` text) without reporting whose words
    they are; English only. A sentence opening with a quotation mark opens with someone else's words ("“Well,
    it may be,” Trump said ...")."""
    if _READER_ADDRESS.match(text):
        return True
    writer = unquoted(text) if writer is None else writer
    if _LINK_POINTER.search(writer):
        return True
    return bool(_SECOND_PERSON.search(writer)) and not _ATTRIBUTED.search(writer)


# The writer's own verdict on someone (English): contempt ("a shameless lie", "his pathetic attempt", "the
# Astonishing Hypocrisy of ...") or a charge of falsehood ("Trump's lies", "the Russia collusion hoax",
# "Arizona Sham Audit"). An outlet judging in its own words speaks as an opinion piece does, and a brief
# that must be fair to every side does not repeat it as a fact. 32 of allsides-neus's 27,739 lead
# sentences hold one in the writer's words (the set was gathered to study framing). A word in a quotation,
# or one the sentence attributes, is the speaker's: "saying he is a victim of a political witch-hunt",
# "decried the affair as a hoax", "charged with concocting a terrorist hoax", "a tip that turned out to be
# a hoax", a speech's "condemnation of ... American hypocrisy". Words that often describe facts plainly
# ("bogus entrance-exam scores", "radical", "dangerous") are not listed.
# Matched in lower case (`AnyCase`); the lookahead names the words' first letters, so that the regex engine
# skips ahead to them.
_JUDGEMENT = AnyCase(
    r"(?=[cdfhilmoprsuvw])\b(?:shameless(?:ly)?|shameful(?:ly)?|disgraceful(?:ly)?|despicable|pathetic(?:ally)?|"
    r"ridiculous(?:ly)?|ludicrous(?:ly)?|preposterous|idiotic|stupid(?:ity)?|moronic|deranged|unhinged|vile|"
    r"sleazy|cowardly|craven|hypocrit(?:e|es|ical|ically)|hypocrisy|outrageous(?:ly)?|laughabl[ey]|farcical|"
    r"sham|smears?|witch[- ]hunt|hoax|(lies?))\b"  # group 1: "lie", read further in `judges_in_own_words`
)
# "lie" is the noun after a determiner or a possessive ("a shameless lie", "Cuomo's COVID lies"), and not the
# verb of place ("as he lies in state", "Flynn's fate lies in the hands of a judge").
_BEFORE_THE_NOUN = re.compile(r"(?:\b(?:a|the|his|her|their|its)|\w['’]s)\s+(?:[\w-]+\s+)?$")
_AFTER_THE_VERB = re.compile(r"\s+(?:in|on|at|with|ahead|behind|within|dormant|low)\b")
# Whose verdict it is: the writer's words name a speaker's act of saying, calling or blaming.
_VERDICT_ATTRIBUTED = re.compile(
    r"\b(?:" + alternation(forms(SPEECH, STANCE, DIRECTING, ASKING, WRITING, BELIEF)
                          | {"saying", "claiming", "arguing", "insisting", "denying", "writing", "tweeting"})
    + r"|according to|call(?:s|ed|ing)?|decr(?:y|ies|ied|ying)|blam(?:e|es|ed|ing)|accus\w+|alleg\w+|dismiss\w*"
    r"|describ\w+|label\w*|brand\w*|condemn\w*|denounc\w+|admit\w*|victim|charg(?:e|es|ed|ing) with"
    r"|(?:turned out|proved) to be)\b",
    re.IGNORECASE,
)


def judges_in_own_words(writer: str) -> bool:
    """The writer's own words (`writer`: a sentence's `unquoted` text) pass a verdict of contempt or
    falsehood on someone (`_JUDGEMENT`) without naming whose verdict it is; English only."""
    for match in _JUDGEMENT.finditer(writer):
        if match.group(1):
            lower = writer.lower()  # the match's offsets are those of the lower-cased text
            if not _BEFORE_THE_NOUN.search(lower, 0, match.start()) or _AFTER_THE_VERB.match(lower, match.end()):
                continue
        return not _VERDICT_ATTRIBUTED.search(writer)
    return False


def inside_quotation(sentences: list[Sentence], text: str) -> list[bool]:
    """Whether each sentence lies within a quotation an earlier sentence opened: someone else's words,
    whose speaker is named outside the sentence (`He said: "The road is closed. Nobody may pass."`).

    A quotation stays open into the next paragraph only when that paragraph closes it without opening
    another: text laid out one sentence per line (`said: "We are aware ...` / `We are providing
    assistance. "`). News style opens every paragraph of a long quotation with a quotation mark, which
    marks that paragraph's own first sentence; an unclosed quotation mark (a typo) never spreads further.
    """
    inside: list[bool] = []
    is_open = False
    previous = None
    for number, sentence in enumerate(sentences):
        if sentence.paragraph != previous:
            is_open = is_open and _closes_without_opening(sentences, number, text)
            previous = sentence.paragraph
        inside.append(is_open)
        # Up to the next sentence: a closing mark may sit outside the sentence's span.
        until = sentences[number + 1].start if number + 1 < len(sentences) else len(text)
        is_open = _open_after(text[sentence.start : until], is_open)
    return inside


def _open_after(text: str, is_open: bool) -> bool:
    """Whether a quotation is open after `text`, given whether one was open before it: a curly mark opens
    or closes, a straight one toggles. Read from the last curly mark on, by string methods rather than
    a loop over every character (which read every article twice, for its kind and for its units)."""
    last_curly = max(text.rfind("“"), text.rfind("”"))
    if last_curly >= 0:
        is_open = text[last_curly] == "“"
    return is_open != (text.count('"', last_curly + 1) % 2 == 1)


def _closes_without_opening(sentences: list[Sentence], first: int, text: str) -> bool:
    """The paragraph starting at `sentences[first]` closes a quotation before opening one. A quotation
    mark opening the paragraph opens (news style for a quotation running over paragraphs)."""
    opening = sentences[first]
    if opening.text.lstrip()[:1] in ('"', "“"):
        return False
    following = next((s.start for s in sentences[first:] if s.paragraph != opening.paragraph), len(text))
    for char in text[opening.start : following]:
        if char in '"”':
            return True
        if char == "“":
            return False
    return False
