"""Sentence splitting that keeps every sentence's character span in the article text.

Latin, Cyrillic and Greek scripts go through syntok (fast, news-tested, abbreviation aware, gives
offsets). Scripts without letter case (Arabic, Hebrew, Devanagari, CJK) are split at their own
sentence-final marks, since syntok's rules lean on capital letters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsfuse.clean.lines import TERMINAL, list_item_start
from newsfuse.clean.masthead import DATELINE_AGENCY, DATELINE_PLACE, names_an_outlet
from newsfuse.model import Block, Sentence, Span
from newsfuse.reporting import ASKING, SAYING, WRITING, alternation, past, third, verbs

# Languages whose scripts have no upper/lower case: split at terminal punctuation followed by space.
_CASELESS = {"ar", "fa", "ur", "he", "yi", "hi", "mr", "ne", "bn", "zh", "ja", "ko", "th", "am"}
_CASELESS_END = re.compile(r"[.!?؟۔।॥。！？]+[\"'”’»)]*(?=\s|$)")
# syntok sometimes leaves a closing quote that belongs to the sentence before at the start of the next.
_LEADING_CLOSER = re.compile(r"^[\"”’']\s+")
# A list item this long that ends as a sentence is one (a fact told as a bullet, as WikiNews does), not a
# list entry: the summary's shortest unit (story/units.py MIN_WORDS) is as long.
LIST_SENTENCE_MIN_WORDS = 8
_MAX_SENTENCE_CHARS = 1500  # longer "sentences" are lists or tables; cut them so one never dominates
# Titles written before a name. syntok knows some ("Gen.", "Dr.") but ends sentences at others ("Army
# Spc. Charles Graner", "Maj. David DiNenna", "Lt. Col.", the plural "Sens." and "Reps." before two names,
# "Atty.", "Sec."), and at "Ft." and "Mt." before a place's name: a sentence ending in one runs on into the
# next. ("Press." is no plural title: "told the Associated Press." ends a sentence.)
TITLES_BEFORE_NAME = (
    "Spc", "Pfc", "Pvt", "Cpl", "Sgt", "Ssgt", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Adm", "Brig", "Gen",
    "Gov", "Sen", "Rep", "Rev", "Fr", "Prof", "Dr", "Mr", "Mrs", "Ms", "Mme", "Msgr", "Supt", "Insp", "Det",
    "Hon", "Amb", "Pres", "Atty", "Sec", "Rt", "Ft", "Mt", "Sens", "Reps", "Govs", "Gens", "Sgts", "Lts", "Cols",
    "Capts", "Majs", "Drs", "Profs", "Revs", "Attys", "Secs", "Messrs", "Mmes",
)
_TITLE_BEFORE_NAME = re.compile(r"(?<![\w.])(?:" + "|".join(TITLES_BEFORE_NAME) + r")\.$")
# The titles a person bears: not "Ft." and "Mt.", which begin places, nor "Rt." of "Rt. Hon.".
PERSONAL_TITLES = tuple(title for title in TITLES_BEFORE_NAME if title not in ("Ft", "Mt", "Rt"))
# syntok ends a sentence after a wire dateline's agency: "MOSCOW (Reuters)" | "- Russia said ...".
_DATELINE_PART = re.compile(rf"^{DATELINE_PLACE}\s*{DATELINE_AGENCY}$")
_DASH_START = re.compile(r"^[-—–]{1,2}\s")
# A dateline in title case whose region is abbreviated ("Dekalb, Ill. — Mike Glass threw ...", "Springfield,
# Mo. — "): syntok ends a sentence at the abbreviation's full stop. Run on into the next piece only when that
# opens with the dateline's dash, so that compression cuts the whole dateline.
_PLACE_DATELINE_PART = re.compile(r"^[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}, (?:[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2})$")
# The same for a place in title case with an outlet in brackets ("Washington (CNN)" | "- The Supreme Court
# ..."; 6 leads of allsides-neus): the outlet is checked, so a party ("Ilhan Omar (D-Minn.)") is no dateline.
_CREDITED_PLACE_PART = re.compile(
    rf"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,2}})? ?{DATELINE_AGENCY}$")
# A "sentence" opening with a closing bracket or a comma is the rest of the one before, cut at an
# abbreviation's full stop; and one that follows a piece ending in a letter or digit (no sentence-final
# mark) continues it. syntok cuts "said Rep. Richard Neal (D-Mass. ), who chairs ..." into "... Neal",
# "(D-Mass." and "), who chairs ...": one sentence.
_CONTINUATION = re.compile(r"^[)\]},;]")
# A decimal written with a space after its point ("a magnitude of 4. 6", "a level of 0. 07 percent": text
# rebuilt from tokens, or copied from a PDF) is cut there: a piece ending in a number of one or two digits
# and its full stop, then one opening with a digit, is one sentence (news style never opens a sentence with
# a numeral, years aside, and a year is four digits).
_NUMBER_END = re.compile(r"(?<![\d,.])\d{1,2}\.$")
# A name written with a full stop in capitals, then more of it in capitals: "the ID. SPACE VIZZION 4Motion
# would offer 335 horsepower" (Volkswagen's model, on a crawled page) was cut after "ID.", and "VW says that
# it's enough to give the ID." printed as a sentence. A piece ending in two or three capitals and a full stop,
# then one opening with two words in capitals, is one sentence: 8 such cuts on the extraction benchmark's
# pages, all in that name; none in allsides-neus, TAC 2011 English or ECB+.
_CAPITALS_END = re.compile(r"\b[A-Z]{2,3}\.$")
_CAPITALS_START = re.compile(r"[A-Z][A-Z.]+\s+[A-Z]{2,}\b")
# A quotation ending in a question or exclamation mark, then who said it: syntok ends a sentence at the
# mark when the speaker's name follows with a capital ("“Really bad news!” Trump wrote on Twitter."), and
# the quotation alone reads as the writer's exclamation, its attribution as a sentence of its own. The
# attribution is one to six capitalised words and a reporting verb; a lower-case "he said" syntok keeps
# joined already. English verbs only, so English text only.
_QUOTED_QUESTION_END = re.compile(r"[?!][\"”’']$")
# Its verbs: saying, asking and writing in the past (not "noted": left out as before), "insisted", the
# present of the commonest, and the verbs of a cry or a question ("shouted", "exclaimed", "wondered").
_ATTRIBUTION_VERBS = (past(SAYING, ASKING, WRITING) - {"noted"} | {"insisted"}
                      | third(verbs("say", "tell", "ask", "write"))
                      | {"shouted", "yelled", "exclaimed", "wondered"})
_NAMED_ATTRIBUTION = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,6}(?:" + alternation(_ATTRIBUTION_VERBS) + r")\b")

# A short quotation with a full stop or mark inside, a name, slogan or chant ("a campaign called 'Meth.
# We're On It' on Monday", "chanting "Pigs! Murderers!" clapped"), which syntok ends at the mark: a piece
# ending in a quotation opened on at most five words, then one closing it within five words (and running on
# in lower case, or ending there: 'The tagline? "Meth. We're on it."'), is one sentence. Longer quotations
# cut this way are two of a speaker's sentences, and stay apart. Of the 34 such cuts in allsides-neus, TAC
# 2011 English and ECB+, six are this short, all chants or a title.
_QUOTED_WORDS = r"(?:[^\"“”‘’']|(?<=\w)['’](?=\w))*"  # an apostrophe inside a word does not close it ("We're")
# The mark first, so that the regex engine skips ahead to it; then that it follows a space or a bracket.
_OPEN_QUOTATION_END = re.compile(rf"[\"“‘'](?<![^\s(\[—–-][\"“‘'])(?P<quoted>{_QUOTED_WORDS})$")
_QUOTATION_CLOSED = re.compile(rf"(?P<quoted>{_QUOTED_WORDS}?)[\"”’'](?:\s+[a-z]|[,:;]|$)")
SHORT_QUOTATION_WORDS = 5


def _inside_a_short_quotation(block: str, previous: tuple[int, int], start: int, end: int) -> bool:
    """The piece `previous` ends inside a short quotation that the piece `start`-`end` closes."""
    opened = _OPEN_QUOTATION_END.search(block, previous[0], previous[1])
    if opened is None or len(opened.group("quoted").split()) > SHORT_QUOTATION_WORDS:
        return False
    closed = _QUOTATION_CLOSED.match(block, start, end)
    return closed is not None and len(closed.group("quoted").split()) <= SHORT_QUOTATION_WORDS


def ends_in_a_title(sentence: str) -> bool:
    """The sentence ends in a title written before a name ("... and South Dakota Gov."): it was cut off."""
    words = sentence.rsplit(None, 1)
    return bool(words) and _TITLE_BEFORE_NAME.match(words[-1]) is not None


def split_sentences(text: str, blocks: list[Span], doc_id: str, language: str = "en") -> list[Sentence]:
    """Body sentences of `text`, block by block, with spans in `text`. A block the cleaner kept as a table
    row, a heading or a list item is the article's text but gives no sentences, except a list item that
    is a whole sentence ("* The death toll passed 121,000, the Associated Press said."), read without its
    bullet. A skipped block's paragraph number is still counted, so `Sentence.paragraph` indexes `blocks`."""
    sentences: list[Sentence] = []
    for paragraph, block in enumerate(blocks):
        offset = block.start
        if isinstance(block, Block) and not block.is_prose:
            item = _sentence_item(text[block.start : block.end]) if block.kind == "list" else None
            if item is None:
                continue
            offset += item
        for start, end in _spans(text[offset : block.end], language):
            start, end = offset + start, offset + end
            piece = text[start:end]
            lead = _LEADING_CLOSER.match(piece)
            if lead and sentences and sentences[-1].end <= start:
                start += lead.end()
                piece = text[start:end]
            if not any(ch.isalnum() for ch in piece):
                continue
            sentences.append(Sentence(doc_id, len(sentences), paragraph, start, end, piece))
    return sentences


def _sentence_item(item: str) -> int | None:
    """Where a list item's sentence starts, when the item is one whole sentence (or more); None otherwise."""
    start = list_item_start(item)
    body = item[start:].rstrip()
    if len(body.split()) < LIST_SENTENCE_MIN_WORDS or not body.endswith(TERMINAL):
        return None
    return start


def _spans(block: str, language: str) -> Iterator[tuple[int, int]]:
    raw = (_caseless_spans(block) if language in _CASELESS
           else _joined_continuations(block, _syntok_spans(block), attributions=language == "en"))
    for start, end in raw:
        while end - start > _MAX_SENTENCE_CHARS:
            cut = block.rfind(" ", start, start + _MAX_SENTENCE_CHARS)
            cut = cut if cut > start else start + _MAX_SENTENCE_CHARS
            yield start, cut
            start = cut + 1
        yield start, end


# A block with no mark before its last where syntok could end a sentence (full stop, question or
# exclamation mark, ellipsis, semicolon, bracket, line break) and a terminal mark at its end is one
# sentence: about half the blocks of running news text, read without the segmenter (its tokenizer is
# a third of the summariser's time on short stories). Checked against syntok on 20,544 such blocks of
# allsides-neus, TAC 2011 (seven languages), ECB+ and the seeds: the same span every time.
_ONE_SENTENCE = re.compile(r"[^.!?…;()\[\]\n]*[^\W_][.!?][\"”’']?")


def _syntok_spans(block: str) -> Iterator[tuple[int, int]]:
    stripped = block.strip(" \t\n")
    if _ONE_SENTENCE.fullmatch(stripped):  # nowhere inside could a sentence end: syntok would agree
        start = len(block) - len(block.lstrip(" \t\n"))
        yield start, start + len(stripped)
        return
    import syntok.segmenter as segmenter

    pending: tuple[int, int] | None = None
    dash_only = False  # the pending piece runs on only into a piece opening with a dash
    for paragraph in segmenter.analyze(block):
        for sentence in paragraph:
            if not sentence:
                continue
            start = sentence[0].offset
            last = sentence[-1]
            end = last.offset + len(last.value)
            if pending is not None:
                if (block[start : start + 1].isupper() and not dash_only) or _DASH_START.match(block[start:end]):
                    start = pending[0]  # one sentence
                else:
                    yield pending
                pending = None
            if _DATELINE_PART.match(block[start:end]) or _TITLE_BEFORE_NAME.search(block[start:end]):
                pending, dash_only = (start, end), False  # runs on into the next sentence
                continue
            if _PLACE_DATELINE_PART.match(block[start:end]) or _credited_place(block[start:end]):
                pending, dash_only = (start, end), True
                continue
            yield start, end
    if pending is not None:
        yield pending


def _credited_place(piece: str) -> bool:
    match = _CREDITED_PLACE_PART.match(piece)
    return bool(match) and names_an_outlet(match.group("agency"))


def _joined_continuations(block: str, spans: Iterator[tuple[int, int]], attributions: bool = False
                          ) -> Iterator[tuple[int, int]]:
    """`attributions`: also join a quotation ending in "?" or "!" to the named attribution after it."""
    previous: tuple[int, int] | None = None
    for start, end in spans:
        if previous is not None and (_CONTINUATION.match(block[start:end]) or block[previous[1] - 1].isalnum() or (
                block[start].isdigit() and _NUMBER_END.search(block, previous[0], previous[1])) or (
                _CAPITALS_START.match(block, start, end) and _CAPITALS_END.search(block, previous[0], previous[1])) or (
                attributions and _QUOTED_QUESTION_END.search(block, previous[0], previous[1])
                and _NAMED_ATTRIBUTION.match(block, start, end)) or (
                _inside_a_short_quotation(block, previous, start, end))):
            previous = (previous[0], end)
            continue
        if previous is not None:
            yield previous
        previous = (start, end)
    if previous is not None:
        yield previous


def _caseless_spans(block: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _CASELESS_END.finditer(block):
        end = match.end()
        if block[start:end].strip():
            yield _trim(block, start, end)
        start = end
    if block[start:].strip():
        yield _trim(block, start, len(block))


def _trim(block: str, start: int, end: int) -> tuple[int, int]:
    while start < end and block[start].isspace():
        start += 1
    while end > start and block[end - 1].isspace():
        end -= 1
    return start, end
