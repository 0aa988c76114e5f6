"""Page furniture rules: share widgets, captions, credits, navigation, author boxes, comment forms.

The rules look at a line's shape (length, final punctuation), its vocabulary, its position (before the
first or after the last paragraph of running text) and repetition (captions are often printed twice).
They are written for page furniture in general, not for any one site's strings.

What stays is the article's text, and each kept block says what it is (newsfuse.model.Block): running
text ("prose"), a list item or table row ("list", "table": marked in the text, as page extractors print
<li> and <table>), or a heading ("heading": short, no final punctuation). Lists, tables and headings are
kept in the body and its spans, but sentences for a summary are taken from prose blocks only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsfuse.clean.anycase import AnyCase
from newsfuse.clean.captions import (
    is_caption,
    is_credit,
    reads_as_caption,
    starts_with_credit,
    text_after_credit,
)
from newsfuse.clean.lines import Line, split_lines, text_key
from newsfuse.clean.masthead import dateline_agency, read_masthead_line
from newsfuse.model import Block, Furniture, Span
from newsfuse.reporting import alternation, past, verbs

# Words that page chrome uses and article prose rarely does. A short line with one of them, or a line
# where they are dense, is furniture. Every term starts with a letter: the lookahead says so to the regex
# engine, which then skips to letters instead of trying every term at every word boundary (40% faster).
_CHROME_TERMS = AnyCase(
    r"\b(?=[a-z])(e-?mail|share|tweet|print(er)?[- ]friendly|subscribe|subscription|newsletter|sign (up|in)|"
    r"log ?(in|out)|login|comments?|commenting|reply|replies|account|click|tap|icon|follow( us)?|topics|"
    r"cookies?|advertisement|advertising|sponsored|related|read more|more from|accessibility|skip to|"
    r"breaking news|select page|menu|navigation|home ?page|search|logo|photo|picture|image|video|gallery|"
    r"copyright|all rights reserved|privacy policy|terms of (use|service)|about the author|author|"
    r"permalink|trackback|whatsapp|facebook|twitter|linkedin|pinterest|reddit|google\+|wordpress|"
    r"posted (in|on|by)|filed under|tags?|next|previous|back to top|connecting to|loading)\b",
)
# What shows a short line after the article to be the page's: links run together on one line, a credit, a
# source line ("SOURCE: Al Jazeera News"), a list of further reading.
_FOOTER_SIGN = re.compile(
    r" \| |©|^(sources?|via)\b|^you (may|might) also like|"
    r"^(most (read|popular|viewed|shared|commented)|trending|recommended|top stories|latest|more (stories|news))\b",
    re.IGNORECASE)
# Comment-form and account vocabulary: furniture even inside a full sentence. Every phrase opens with a
# letter (the word boundary before "connecting" is checked behind it): the regex engine then skips ahead to
# those letters instead of trying every phrase at every character.
_FORM_PHRASES = AnyCase(
    r"your email address will not be published|required fields are marked|you are commenting using|"
    r"log in using one of these methods|notify me of (new|follow-up)|post your comment|leave a (reply|comment)|"
    r"save my name|this site uses akismet|connecting(?<!\wconnecting) to %s|tell us what you think",
)
# The site's legal small print. "All rights reserved" anywhere, or a copyright sign opening the line, always
# is. A site's policy named in a sentence (group 1 of the one scan) is when the sentence speaks to the reader
# or of the site ("By using this site you agree to our Terms of Service") without reporting anyone, or is a
# link's few words ("Privacy Policy"); "The company said the posts broke its terms of service" is the
# article's.
_POLICY_PHRASES = r"terms (of|and) (use|service|conditions)|privacy policy|cookie policy"
_SITE_NOTICE = AnyCase(rf"all rights reserved|({_POLICY_PHRASES})")
_POLICY = AnyCase(_POLICY_PHRASES)
_TO_THE_READER = AnyCase(r"\b(?=[a-z])(you|your|our|we|us|this (site|website|page)|by (using|continuing)|agree|"
                         r"click|learn more)\b")
POLICY_LINK_MAX_WORDS = 8
# The publisher's disclaimer under an opinion piece or a compilation of commentaries: "The views and opinions
# expressed in the article do not necessarily reflect those of ...", "The opinions expressed in these
# commentaries are those of the authors." A sentence opening so speaks of the page, not of the news.
_DISCLAIMER = AnyCase(
    r"(?:^|(?<=[.!?] ))\W*(the |any )?(views|opinions)( and (views|opinions))? expressed (in|by|on) [^.;]{0,80}?\b"
    r"(are|is|do not|don't|does not|doesn't|may not)( solely| strictly| entirely| only)? "
    r"(those of|necessarily (reflect|represent)|(their|his|her|the \w+'?s'?) own)"
)
# Where one sentence of a line ends and the next begins, roughly (the line's sentences are judged apart).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(]?[A-Z])")
_COPYRIGHT_START = re.compile(r"©|\([cC]\) \d{4}")
# A label and a colon that open a page element: "About the author:", "Read more:", "Tags:".
_LABEL = re.compile(
    r"^(about the author|author|editor'?s note|related( articles| stories| topics)?|read (more|also)|see also|"
    r"more (on|from) [^:]{1,30}|tags|topics|filed under|share( this( article)?)?|follow us|subscribe|sign up|"
    r"advertisement|sponsored( content)?|most (read|popular)|recommended)\s*:",
    re.IGNORECASE,
)
# An author box: "Petra Lind covers business for the Evening Post", "Jo Ban is a reporter at ...".
# "is a" / "has been" only with a trade of the byline: "Theresa May has been granted an extra two weeks ...
# with EU leaders" is a lead (allsides-neus), not an author box.
_AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){1,3}\s+(covers |writes |reports |(is|has been) an? ([\w-]+ ){0,3}"
    r"(reporter|writer|editor|correspondent|columnist|journalist|contributor|freelancer|producer|blogger|"
    r"author|critic|photographer|intern|fellow)s?\b)[^.]{0,120}\b(for|at|with) (the )?[A-Z]",
)
# The writer's contact line at the foot: "Have a tip? Amy K. may be reached at amy@example.com. Follow her
# on Twitter @amyk." (an address in it; a line of a few sentences at most, 17 words on the tuning page
# that has one: a longer paragraph that gives an address is the article's).
_AUTHOR_CONTACT = re.compile(r"\b(may|can) be reached at\b|\be-?mail (him|her|them|me|us) at\b", re.IGNORECASE)
AUTHOR_CONTACT_MAX_WORDS = 30
# A time stamp on a line of its own: "Updated at 1:23 p.m.", "Last updated 14:05".
_TIME_STAMP = re.compile(r"^(last )?(updated|published|posted)( at| on)?\s+\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\.?$",
                         re.IGNORECASE)
# A publishing system's shortcode left in the text: "[button link=...] Send us your review[/button]".
_SHORTCODE = re.compile(r"^\[[a-z_]+(\s+[a-z_]+=[^\]]*)?\]|\[/[a-z_]+\]$")  # asked only of lines with a "["
# Any credit: a picture's (`captions.is_credit`: "(Photo: Nordwire/Lina Berg)", "Credit: AP", "(AP
# Photo/...)"), an agency signing off ("/ AP"), or the reporting credit ("Reporting by ...").
# Two patterns: the sign-off's slash lets the regex engine skip ahead to it, which an alternative anchored at the
# start of the line (the reporting credit) does not: joined, the pattern was tried at every character.
_SIGN_OFF = re.compile(r"/\s*(AP|AFP|Reuters|Getty Images|EPA)\s*$")
_REPORTING_CREDIT = re.compile(r"\s*(?i:\(?(with )?(additional )?(reporting|writing|editing) by\b)")
# Constants below chosen on the tuning half of the extraction benchmark (181 pages, sorted file names, even
# positions; token F1 of the cleaned text, benchmarks/extraction.py), never on the held-out odd positions.
# A line and its copy at most this many lines apart are a caption printed twice (both go): 1, 3 and 10 all
# scored 0.980 on the tuning half; removing every copy of any repeated line, as before, scored 0.972.
REPEAT_WINDOW = 3
# After the last paragraph, this many lines opening with the same word and a number are a list of dates
# kept as text: 2 and 3 scored 0.980, 4 0.979, 6 0.978 on the tuning half (3, the more cautious).
RUN_MIN = 3
# A line that is a date and nothing else, in any language: words, a day number, a year. Written for the
# plain-text datelines of the TAC 2011 and ECB+ articles ("Samedi 8 janvier 2005"); no line of the tuning
# half is one, so its length limit (3, 5 and 8 words scored the same there) follows those datelines.
_DATE_ONLY = re.compile(r"^(\w+[,.]?\s+){0,2}\d{1,2}(er|st|nd|rd|th|\.)?\s+[^\W\d]{3,}\.?,?\s+(19|20)\d\d$|"
                        r"^(\w+[,.]?\s+){0,2}[^\W\d]{3,}\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+(19|20)\d\d$")
DATE_LINE_WORDS = 5
# A date that opens the first paragraph and runs into its sentence with no stop ("Saturday, March 26,
# 2005 Up to four times as many women as men died ...", a plain-text copy of a page whose dateline and
# first paragraph were joined): English month names, the weekday optional.
_STUCK_DATE = re.compile(
    r"^((Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"((January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.)\s+\d{1,2},?|\d{1,2}\s+(January|February|March|April|May|June|"
    r"July|August|September|October|November|December))\s+(19|20)\d\d\s+(?=[A-Z\"“])"
)
# The page's header run into the first paragraph, as a page laid out in a table gives it: the headline, "by"
# and the writer's name, and the date ("Seeking a bigger role for a big rocket by Jeff Foust Monday, November
# 18, 2019 Earlier this month, NASA announced ..."): after the headline, "by" and names (group "by"), then
# a date as a dateline gives it, then the first sentence.
_STUCK_BYLINE_DATE = re.compile(r"\s*(?P<by>by\s+(?:[A-Z][\w.'’-]*,?\s+(?:and\s+)?){1,6}?)?(?P<date>"
                                + _STUCK_DATE.pattern.removeprefix("^") + ")")
_TABLE_BARS = re.compile(r"[|\s]*")
# A header line this long with a single page-vocabulary word reads as a headline, not a widget.
_HEADLINE_WORDS = 8
# Photo captions name who stands where.
_CAPTION_POSITION = re.compile(
    r"(\((L|R|C|left|right|centre|center|top|bottom|front|back|far left|far right|"
    r"(second|third) (from )?(left|right)|L-R|R-L|from left|from right)\)"
    r"|, (left|right|centre|center|far left|far right|(second|third) (from )?(left|right)),)",
    re.IGNORECASE,
)
# "We", "our" next to talk of news and readers: the outlet describing itself, usually at the foot.
# Case matters: "US" is the country ("A report from the US Crisis Monitor found ... the news" is a lead).
_FIRST_PERSON_PLURAL = re.compile(r"\b([Ww]e|WE|[Oo]ur|OUR|us)\b")
_MEDIA_TERMS = re.compile(
    r"\b(news|journalis[mt]s?|report(ing|ers)?|readers|subscribe|donate|press|independent|uncensored|coverage)\b",
    re.IGNORECASE,
)
# Someone else's words in the sentence, so not the outlet's own voice: the commonest frames only ("said",
# "says", "told", "according to"; the other reporting verbs left out as before, untested).
_SPEECH = re.compile(r"\b(" + alternation(past(verbs("say", "tell")) | {"says"}) + r"|according to)\b", re.IGNORECASE)


def _is_self_promotion(text: str) -> bool:
    if not _FIRST_PERSON_PLURAL.search(text):  # the cheaper test first
        return False
    media = {match.group(0).lower() for match in _MEDIA_TERMS.finditer(text)}
    return len(media) >= 2 and not _SPEECH.search(text) and not _has_quote(text)


@dataclass
class CleanResult:
    title_span: Span | None = None
    blocks: list[Block] = field(default_factory=list)
    removed: list[Furniture] = field(default_factory=list)
    byline: str | None = None
    date_text: str | None = None  # a date printed in the page header, for a source with no metadata
    outlet: str | None = None  # from a signature ("By Anna Sorel, Nordwire") or a wire dateline


def clean_text(text: str, title: str = "") -> CleanResult:
    """Split `text` into title, body blocks and removed furniture, all as spans of `text`."""
    lines = split_lines(text)
    result = CleanResult()
    if not lines:
        return result
    prose = [i for i, line in enumerate(lines) if line.is_prose]
    first_prose = prose[0] if prose else 0
    last_prose = prose[-1] if prose else len(lines) - 1
    title_key = " ".join(title.lower().split()) if title else ""
    # The last paragraphs of running text are where outlets describe themselves.
    tail_start = prose[-2] if len(prose) >= 2 else last_prose

    kept: list[tuple[Line, str]] = []
    close_copies = _close_copies(lines)
    posts = _embedded_posts(lines)
    runs = _uniform_runs(lines, last_prose + 1)
    previous_kept = False
    for index, line in enumerate(lines):
        zone = "header" if index < first_prose else "footer" if index > last_prose else "body"
        if index == first_prose:  # the page's header run into the first sentence
            header = _stuck_header(line.text, title_key) if title_key else _stuck_untitled_header(line.text)
            for start, end, piece_reason in header:
                result.removed.append(Furniture(Span(line.span.start + start, line.span.start + end), piece_reason))
            if header:  # the line goes on where the first sentence starts
                cut = len(line.text) - len(line.text[header[-1][1]:].lstrip())
                line = Line(line.number, Span(line.span.start + cut, line.span.end), line.text[cut:])
        if index == first_prose:  # a dateline run into the first sentence: the date goes, the sentence stays
            stuck = _STUCK_DATE.match(line.text)
            if stuck and line.words - len(stuck.group().split()) >= _HEADLINE_WORDS:
                result.removed.append(Furniture(Span(line.span.start, line.span.start + len(stuck.group().rstrip())),
                                                "date line"))
                line = Line(line.number, Span(line.span.start + stuck.end(), line.span.end), line.text[stuck.end():])
        # A line printed twice close together (a caption under its picture and again as its alt text):
        # both copies go. Copies far apart (a plan's "Eat every 2-3 hours", a list's item) are the text.
        repeated = index in close_copies and not line.marker and not _is_heading(line)
        if index in posts:  # the page's text, but someone else's words: kept, never a sentence of the summary
            kept.append((line, "post"))
            previous_kept = True
            continue
        reason = _furniture_reason(line, zone, repeated, index >= tail_start, index == 0)
        if zone == "footer" and reason == "page footer" and (
                _continues_list(lines, index, previous_kept) or index in runs):
            reason = None
        # An item of the article's closing list that names a service ("- Sign up for a Hulu ad-free account for
        # $11.99 a month"), right after a kept line: an instruction as long as a headline, not a share button.
        if (zone == "footer" and reason == "navigation or share widget" and line.marker and previous_kept
                and line.words >= _HEADLINE_WORDS):
            reason = None
        # At the foot, after the article; the first paragraph of running text is the article's (in a record of
        # a headline and a lead the lead is also the foot: "The bad news is, we still have a long way to go").
        if reason is None and index >= tail_start and index != first_prose and _is_self_promotion(line.text):
            reason = "outlet self-promotion"
        if zone == "header" and result.title_span is None and _is_title(line, title_key, reason):
            result.title_span = line.span
            continue
        masthead = read_masthead_line(line.text) if zone != "body" or (
            not line.marker and _is_heading(line)) else None
        if masthead:
            if zone != "body":  # metadata is read from the page header and footer only
                result.byline = result.byline or masthead.byline
                result.date_text = result.date_text or masthead.date_text
                result.outlet = result.outlet or masthead.outlet
            reason = "byline" if masthead.byline else "date line" if masthead.date_text else "outlet name"
        if (reason is None and zone == "header" and not line.marker and _is_heading(line)
                and line.words <= DATE_LINE_WORDS and _DATE_ONLY.match(line.text)):
            reason = "date line"  # a dateline in any language: a day, a month word, a year
        if reason in _SENTENCE_REASONS and line.is_prose:
            pieces = _sentence_furniture(line)
            if pieces is not None:  # a paragraph of running text with a furniture sentence: only it goes
                for piece, piece_reason in pieces:
                    (result.removed.append(Furniture(piece.span, piece_reason)) if piece_reason
                     else kept.append((piece, "prose")))
                continue
        previous_kept = not reason
        if reason:
            result.removed.append(Furniture(line.span, reason))
        else:
            kept.append((line, "list" if index in runs and _opening(line) else _kind(line)))
    kept = _drop_orphan_headings(kept, lines, result.removed)
    # A table row's bars left when its cell's text went as furniture ("| <caption> |" -> "|"): markup, no text.
    kept = [(line, kind) for line, kind in kept if line.text.strip(" |\t")]
    result.blocks = _merge_wrapped(kept, text)
    first = next((block for block in result.blocks if block.is_prose), None)
    if first is not None and not result.outlet:
        result.outlet = dateline_agency(text[first.start : first.end])
    return result


# A line taken for a caption by how it is told (`captions.reads_as_caption`), having neither a credit nor a
# caption's date. Its reason names a caption, as the analysis reads names and dates from captions by it.
CAPTION_TOLD = "photo caption (told as one)"
# Rules that one sentence can match (a phrase, a credit, a caption's "left"): in a paragraph of several
# sentences they remove that sentence, not the paragraph, so an article never vanishes with its furniture.
_SENTENCE_REASONS = frozenset({"comment form", "site notice", "photo credit or reporting credit", "photo caption"})


def _stuck_header(text: str, title_key: str) -> list[tuple[int, int, str]]:
    """The headline, byline and date that open `text` run together, as (start, end, reason) spans, the last
    ending where the article's first sentence starts; none unless all of the headline and a date are there
    (a lead may open with its headline's words: without the date after them they are the lead's)."""
    start = _TABLE_BARS.match(text).end()
    words = title_key.split()
    if len(words) < 3 or text[start : start + len(words[0])].lower() != words[0]:
        return []  # the cheap test first: a pattern compiled for every titled article costs ~80 us
    title = re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE).match(text, start)
    if title is None:
        return []
    return _header_spans(text, start, title.end())


def _header_spans(text: str, start: int, headline_end: int, byline_only: bool = False) -> list[tuple[int, int, str]]:
    """The headline `text[start:headline_end]` and the byline and date (or the date alone, unless
    `byline_only`) run on after it, as (start, end, reason) spans, when an article's first sentence follows."""
    header = _STUCK_BYLINE_DATE.match(text, headline_end)
    if (header is None or (byline_only and not header.group("by"))
            or len(text[header.end():].split()) < _HEADLINE_WORDS):
        return []
    end = len(text[: header.end()].rstrip())
    if header.group("by"):
        return [(start, headline_end, "title"), (header.start("by"), end, "byline")]
    return [(start, headline_end, "title"), (header.start("date"), end, "date line")]


# Words a headline run into the byline may have before "by": a headline, not a sentence (no stop inside).
_UNTITLED_HEADLINE_WORDS = (3, 20)
_BY = re.compile(r"\s+(?=by\s+[A-Z])")


def _stuck_untitled_header(text: str) -> list[tuple[int, int, str]]:
    """`_stuck_header` for a text with no title to recognise (a crawl's plain text): a run of 3-20 words with no
    stop, then "by", the writer's name and a date as a dateline gives it, then the first sentence ("Seeking a
    bigger role for a big rocket by Jeff Foust Monday, November 18, 2019 Earlier this month, NASA ...")."""
    start = _TABLE_BARS.match(text).end()
    low, high = _UNTITLED_HEADLINE_WORDS
    for by in _BY.finditer(text, start, start + 200):
        headline = text[start : by.start()]
        if not low <= len(headline.split()) <= high or any(mark in headline for mark in ".!?:;"):
            continue
        spans = _header_spans(text, start, by.start(), byline_only=True)
        if spans:
            return spans
    return []


def _is_any_credit(text: str) -> bool:
    return is_credit(text) or bool(_SIGN_OFF.search(text) or _REPORTING_CREDIT.match(text))


def _sentence_reason(text: str) -> str | None:
    if _FORM_PHRASES.search(text):
        return "comment form"
    small_print = [groups[0] for groups in _SITE_NOTICE.findall(text)]  # the policy named, "" for the rights
    if "" in small_print or _COPYRIGHT_START.match(text) or _has_disclaimer(text):
        return "site notice"
    if small_print and any(_is_policy_notice(part) for part in _SENTENCE_BREAK.split(text)):
        return "site notice"
    if _is_any_credit(text):
        return "photo credit or reporting credit"
    if (_CAPTION_POSITION.search(text) or is_caption(text)) and not _has_quote(text):
        return "photo caption"
    return None


def _has_disclaimer(text: str) -> bool:
    """Whether a sentence of the text is the publisher's disclaimer (not one reporting what someone said)."""
    if "xpressed" not in text and "XPRESSED" not in text:  # the cheap test first: the pattern has no prefix
        return False
    for found in _DISCLAIMER.finditer(text):
        end = _SENTENCE_BREAK.search(text, found.end())
        if not _SPEECH.search(text, found.start(), end.start() if end else len(text)):
            return True
    return False


def _is_policy_notice(sentence: str) -> bool:
    return bool(_POLICY.search(sentence)) and (
        len(sentence.split()) <= POLICY_LINK_MAX_WORDS
        or (bool(_TO_THE_READER.search(sentence)) and not _SPEECH.search(sentence)))


def _one_sentence(text: str) -> bool:
    """Whether the line holds one sentence (asked only of the few lines told as a caption)."""
    import syntok.segmenter as segmenter

    return sum(1 for paragraph in segmenter.analyze(text) for sentence in paragraph if sentence) == 1


def _sentence_furniture(line: Line) -> list[tuple[Line, str | None]] | None:
    """The line cut into runs of kept sentences and furniture sentences, each with its reason (None when
    kept); None when it is one sentence, every sentence is furniture, or it is a caption followed by its
    photo credit (the whole line goes)."""
    import syntok.segmenter as segmenter

    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(line.text):
        for sentence in paragraph:
            if sentence:
                spans += _credit_cut(line.text, sentence[0].offset, sentence[-1].offset + len(sentence[-1].value))
    if len(spans) < 2:
        return None
    reasons = [_sentence_reason(line.text[start:end]) for start, end in spans]
    # A credit alone credits the picture whose caption is just before it; a sentence that reports what
    # someone said is the article's (a picture without a caption).
    for index in range(1, len(spans)):
        credit = line.text[spans[index][0] : spans[index][1]]
        caption = line.text[spans[index - 1][0] : spans[index - 1][1]]
        if (reasons[index] == "photo credit or reporting credit" and reasons[index - 1] is None
                and starts_with_credit(credit) and not _has_quote(caption) and not _SPEECH.search(caption)):
            reasons[index - 1] = "photo caption"
    if len(spans) == 2 and reasons[0] is None and reasons[1]:
        caption, credit = (line.text[start:end] for start, end in spans)
        if is_credit(credit) and not _has_quote(caption):
            return None  # a picture's caption and its credit, alone in their paragraph: the whole line goes
    runs: list[tuple[int, int, str | None]] = []
    for (start, end), reason in zip(spans, reasons, strict=True):
        if runs and runs[-1][2] == reason:
            runs[-1] = (runs[-1][0], end, reason)
        else:
            runs.append((start, end, reason))
    if all(reason for _start, _end, reason in runs):
        return None
    base = line.span.start
    return [(Line(line.number, Span(base + start, base + end), line.text[start:end]), reason)
            for start, end, reason in runs]


def _credit_cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence as one span, or two when a picture's credit (and its caption) runs into the article's
    next sentence with no full stop between ("Credit: AP A U.S. official said ..."): the splitter sees
    one sentence, and removing it would take the article's sentence with the credit."""
    sentence = text[start:end]
    if not _is_any_credit(sentence):
        return [(start, end)]
    cut = text_after_credit(sentence)
    if cut is None:
        return [(start, end)]
    return [(start, start + len(sentence[:cut].rstrip())), (start + cut, end)]


# A newsletter or subscription box: a short paragraph with a sentence asking the reader to sign up ("Start
# your day with the Opening Bell powered by The Water Coolest. The Water Coolest is the preferred bathroom
# stall reading material of finance professionals. Sign up for the free daily newsletter."), whose other
# sentences sell the newsletter. No sentence of allsides-neus, TAC 2011 English or ECB+ opens so. Not a list
# item: a deal's steps ("- Sign up for a Hulu ad-free account for $11.99 a month") are the article's.
_SIGN_UP = re.compile(r"(?:^|(?<=[.!?]\s))(?:Sign up|Subscribe|Register) (?:for|to|now|today|here)\b")
SIGN_UP_BOX_MAX_WORDS = 60


# The signature under an embedded social-media post, as a page's text gives it: "— PFF CLE Browns (@PFF_Browns)
# November 15, 2019". The post is someone's words, not the article's, and no frame says whose: it and its
# text (the paragraph above, "The #Browns highest-graded player* on defense vs. #Steelers was Joe Schobert. ...
# pic.twitter.com/...") stay in the article's text (the extraction benchmark's bodies hold them: removing
# them cost 0.002-0.003 F1) as blocks of kind "post", which give no summary sentence, as headings do not.
# 10 posts on 7 of the extraction benchmark's 181 pages; none in allsides-neus, TAC 2011 or ECB+.
_POST_SIGNATURE = re.compile(
    r"^[—–-]\s*[^\n]{1,80}?\(@\w{1,15}\)\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December) \d{1,2}, \d{4}\s*$")
_POST_LINK = re.compile(r"\bpic\.twitter\.com/|https?://t\.co/")


def _embedded_posts(lines: list[Line]) -> set[int]:
    """Indices of embedded posts' signatures and of the post's text above each: the paragraph before it, and
    the one before that when the nearer is a short tail of the post ("*min. 25 snaps pic.twitter.com/PQqbN51wBW").
    Never a list item or a heading, the article's own lines around the post, unless it holds the post's link."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not _POST_SIGNATURE.match(line.text.strip()):
            continue
        found.add(index)
        for above in (index - 1, index - 2):
            if above < 0 or above in found:
                break
            # a line holding the post's link is the post's, whatever its shape ("*min. 25 snaps pic.twitter...")
            if (lines[above].marker or _is_heading(lines[above])) and not _POST_LINK.search(lines[above].text):
                break
            found.add(above)
            if lines[above].words > _HEADLINE_WORDS:  # the post's text; a short line is only its tail
                break
    return found


def _furniture_reason(line: Line, zone: str, repeated: bool, at_tail: bool, first: bool = False) -> str | None:
    text = line.text
    sentence_reason = _sentence_reason(text)
    if sentence_reason in ("comment form", "site notice"):
        return sentence_reason
    if _LABEL.match(text):
        return "page element"
    if zone != "header" and at_tail and _AUTHOR_BIO.match(text) and not _has_quote(text):
        return "author box"
    if (zone != "header" and at_tail and line.words <= AUTHOR_CONTACT_MAX_WORDS and "@" in text
            and _AUTHOR_CONTACT.search(text)):
        return "author box"
    if line.words <= SIGN_UP_BOX_MAX_WORDS and not line.marker and _SIGN_UP.search(text):
        return "newsletter box"
    if _TIME_STAMP.match(text):
        return "date line"
    if "[" in text and _SHORTCODE.search(text):
        return "page element"
    if sentence_reason:
        return sentence_reason
    # A caption with no credit or date: a line of its own, one sentence told as a caption tells its picture
    # (`captions.reads_as_caption`). The text's first line is the headline's place, and headlines are told
    # in the present too.
    if not first and reads_as_caption(text) and _one_sentence(text):
        return CAPTION_TOLD
    if repeated and line.words >= 3 and not _has_quote(text):
        return "repeated line (caption or page element)"
    chrome = len(_CHROME_TERMS.findall(text))
    if chrome and line.words <= 8 and not line.ends_sentence:
        return "navigation or share widget"
    # Outside the body a short line with page vocabulary is a widget ("Related articles", "Share this
    # story"); a headline may use one such word ("... more images related to Abu Ghraib case").
    if chrome and line.words <= 12 and zone != "body" and not (chrome == 1 and line.words >= _HEADLINE_WORDS):
        return "navigation or share widget"
    if chrome >= 3 and chrome / max(line.words, 1) > 0.2:
        return "navigation or share widget"
    # After the last paragraph of running text, a short line is a page element when it shows one: page
    # vocabulary, links run together on one line ("Milan Design Week 2018 | FLOS pays tribute to ..."), a
    # credit or a source line, a further-reading heading ("Most read"), no word at all; and a list item
    # or table row, unless it goes on a list the article has (below). Other short lines there are the
    # article's: an event's facts (venue, dates, prices), notes, a closing quotation. (Every short line
    # there went before: on the tuning half of the extraction pages, 34 of the 45 it took were the body's.)
    if zone == "footer" and line.words <= 12 and not (_is_sentence(line) and not chrome) and (
            chrome or not line.words or line.marker or _FOOTER_SIGN.search(text)):
        return "page footer"
    if text.startswith(("•", "·", "▪", "■", "►", "»")) and line.words <= 6:
        return "page element"
    return None


def _drop_orphan_headings(kept: list[tuple[Line, str]], lines: list[Line],
                          removed: list[Furniture]) -> list[tuple[Line, str]]:
    """A heading heads the text after it: a heading-shaped line whose next line was removed as furniture
    (a form field's label before the form, a widget's title) is furniture too. A copy of a line is not
    furniture of that kind (lists and plans repeat lines), so it does not count."""
    reasons = {item.span.start: item.reason for item in removed}
    next_line = {line.number: lines[i + 1] for i, line in enumerate(lines[:-1])}
    result = []
    for line, kind in kept:
        after = next_line.get(line.number)
        reason = reasons.get(after.span.start) if after is not None else None
        if kind == "heading" and reason is not None and not reason.startswith("repeated"):
            removed.append(Furniture(line.span, "heading with no text after it"))
        else:
            result.append((line, kind))
    removed.sort(key=lambda item: item.span.start)
    return result


def _close_copies(lines: list[Line]) -> set[int]:
    """Indexes of lines with a copy of themselves at most REPEAT_WINDOW lines away."""
    last: dict[str, int] = {}
    found: set[int] = set()
    for index, line in enumerate(lines):
        key = line.key()
        if key in last and index - last[key] <= REPEAT_WINDOW:
            found.update((last[key], index))
        last[key] = index
    return found


def _opening(line: Line) -> str | None:
    """A line's first word when a number follows it ("June 9 ..."), the shape of a row in a list of dates."""
    words = line.text.split()
    return words[0].lower() if len(words) >= 2 and any(ch.isdigit() for ch in words[1]) else None


def _uniform_runs(lines: list[Line], start: int) -> set[int]:
    """Indexes of lines from `start` on that are a list without markers: at least RUN_MIN consecutive lines
    opening with the same word and a number ("June 9 - Tampa", "June 10 - Raleigh": a table of dates),
    and the short line introducing such a run."""
    found: set[int] = set()
    index = start
    while index < len(lines):
        key, end = _opening(lines[index]), index + 1
        while key and end < len(lines) and _opening(lines[end]) == key:
            end += 1
        if key and end - index >= RUN_MIN:
            found.update(range(index, end))
            if index - 1 >= start and (_is_heading(lines[index - 1]) or lines[index - 1].text.endswith(":")):
                found.add(index - 1)
        index = end
    return found


def _continues_list(lines: list[Line], index: int, previous_kept: bool) -> bool:
    """After the last paragraph, a list goes on the article's text: a list item or table row right after a
    kept line, or the line introducing one (ending in a colon, the next line a list item)."""
    line = lines[index]
    if line.marker:
        return previous_kept
    following = lines[index + 1] if index + 1 < len(lines) else None
    return line.text.endswith(":") and following is not None and following.marker is not None


def _kind(line: Line) -> str:
    """What a kept line is: a list item or table row (marked as such), a heading (short, no final
    punctuation), or running text."""
    if line.marker:
        return line.marker
    return "heading" if _is_heading(line) else "prose"


# What follows a page title's last separator when it names the site: "NASA adds five companies to commercial
# lunar lander program - SpaceNews.com", whose page prints the headline without it.
_SITE_SUFFIX = re.compile(r"\s+[-|–—:·]{1,2}\s+(?P<site>[^-|–—:·]{1,40})$")
SITE_SUFFIX_MAX_WORDS = 5


def _is_title(line: Line, title_key: str, reason: str | None) -> bool:
    if title_key:
        return line.key() in {text_key(title) for title in _title_forms(title_key)}
    if reason and not reason.startswith("repeated"):
        return False
    return 3 <= line.words <= 25 and not line.text.endswith((".", ",", ";", ":")) and not read_masthead_line(line.text)


def _title_forms(title: str) -> list[str]:
    """The title, and the title without a site's name after its last separator, when it has one."""
    suffix = _SITE_SUFFIX.search(title)
    if suffix and len(suffix.group("site").split()) <= SITE_SUFFIX_MAX_WORDS and suffix.start() > 0:
        return [title, title[: suffix.start()]]
    return [title]


def _is_heading(line: Line) -> bool:
    """A short line with no final punctuation: a section heading, not a sentence."""
    stripped = line.text.strip("'\"‘’“” ")
    return line.words <= 8 and not stripped.endswith(tuple(".!?…"))


# Quotation marks a sentence may open or close with ('"That's correct," Volker said.').
_QUOTES = "\"'“”‘’«»„"
# Sentence ends in scripts that write their own ("。" in Chinese and Japanese, "।" in Hindi).
_SENTENCE_STOPS = (".", "!", "?", "。", "！", "？", "।", "؟")


def _is_sentence(line: Line) -> bool:
    """Several words, opening with a capital (or a letter of a script without case), closing with a
    sentence's stop; quotation marks around it do not count."""
    text = line.text.strip(_QUOTES)
    first = text[:1]
    opens = first.isupper() or (first.isalpha() and not first.islower())  # a caseless script: no capitals
    return line.words >= 5 and opens and text.endswith(_SENTENCE_STOPS)


def _has_quote(text: str) -> bool:
    return any(mark in text for mark in '"“”')


# Words no sentence or heading ends on: a line that does was broken mid-sentence, whatever case the next
# line opens with ("... who in 2008, won the" / "Africa Movie Academy Award for Best Actress ..."). Not the
# prepositions and auxiliaries: a heading or a clause may end on one ("Find someone to talk to").
_RUNS_ON_WORDS = frozenset(("the", "a", "an", "of", "and", "or", "nor", "but", "than", "whose", "its", "their", "our",
                            "my", "your"))


def _runs_on(text: str) -> bool:
    """A line ending in a word that cannot end an English sentence or heading. Not a comma: a line cut off
    after one (ECB+'s "A magnitude 4.6 earthquake struck Northern California on Thursday morning,") is
    followed by a sentence of its own as often as by the rest of its own."""
    words = text.split()
    return bool(words) and words[-1] in _RUNS_ON_WORDS


def _merge_wrapped(kept: list[tuple[Line, str]], text: str) -> list[Block]:
    """One block per paragraph: lines broken mid-sentence (hard-wrapped text) are joined. A heading-shaped
    line that runs on into lines ending a sentence is the first line of a paragraph, so the joined block is
    prose; short lines joined without ever ending a sentence (a list written without markers) stay headings."""
    blocks: list[Block] = []
    previous: Line | None = None
    for line, kind in kept:
        wrapped = (
            previous is not None
            and line.number == previous.number + 1
            and not previous.ends_sentence
            and (line.text[:1].islower() or _runs_on(previous.text))
        )
        if wrapped and blocks:
            last = blocks[-1]
            joined_kind = "prose" if last.kind == "heading" and line.ends_sentence else last.kind
            blocks[-1] = Block(last.start, line.span.end, joined_kind)
        else:
            blocks.append(Block(line.text_span.start, line.text_span.end, kind))
        previous = line
    return blocks
