"""Is a source a report, an opinion piece or a blog? Decided from signals a reader would see.

Signals: the writer speaking in the first person outside quotations, loaded or rhetorical language,
exclamations and rhetorical questions, slang or profanity (a blog's register on its own), a personal
byline with no outlet, comment-form furniture. Each signal is measured per sentence so that long and
short pieces are judged alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsfuse.clean.anycase import AnyCase
from newsfuse.model import Document
from newsfuse.segment.voice import in_first_person, inside_quotation, unquoted

# Evaluative and rhetorical vocabulary that reports leave to the people they quote. (Here and in
# _INFORMAL every term starts with a letter, and the lookahead saying so lets the regex engine skip to
# letters instead of trying every term at every word boundary: a third to two fifths less time.)
_LOADED = AnyCase(
    r"\b(?=[a-z])(hoax|slaughter(ed)?|colonial(ist)?s?|neo-?colonial(ist)?s?|imperialis[mt]s?|regime's crimes|"
    r"evil|shameful|disgraceful|outrageous|absurd|ridiculous|hypocri(sy|tical)|propaganda|puppet|"
    r"criminal|terror equipment|so-called|of course|clearly|obviously|undoubtedly|must respect|"
    r"should not be mistaken|moral|immoral|humanity|tyrant|brutal|barbaric|genocid\w*|massacre[sd]?|"
    r"golden opportunity|out of the blue|ill-feeling|finish off)\b",
)
# Slang and profanity: a register no newsroom writes its own sentences in (quotations are left out).
_INFORMAL = AnyCase(
    r"\b(?=[a-z])(shit\w*|crap(py)?|damn(ed)?|fuck\w*|freaking|frickin\w*|wtf|lol|omg|lmao|uh huh|yikes|ugh|"
    r"gonna|wanna|kinda|sorta)\b",
)
_COMMENT_FURNITURE = re.compile(r"comment|reply|author", re.IGNORECASE)
# A headline the outlet labels as opinion: a section label ("Opinion: ...", "Editorial | ...") or a named
# column ("Ott's Thoughts: ...", "Smith's Take: ..."). The outlet's own label decides on its own.
_OPINION_LABEL = re.compile(
    r"^(?:(?:opinion|commentary|editorial|op-ed|column|viewpoint|perspective|letters? to the editor)"
    r"|[A-Z][\w.-]*\s?['’]\s?s (?:thoughts|take|view|views|corner|column|notebook|musings))\s*[:|]"
    # ... or after the headline, as a page title gives the section: "The Guardian view on Hong Kong: a city on
    # the brink | Editorial".
    r"|[|–—]\s*(?:opinion|commentary|editorial|op-ed|column)\s*$",
    re.IGNORECASE,
)
# The outlet's own section in the page's address ("washingtonexaminer.com/opinion/...", "sputniknews.com/
# columnists/...", "nytimes.com/2019/11/19/opinion/..."): as much the outlet's label as a headline's. Of the
# extraction benchmark's 181 pages, 5 are filed so, all opinion pieces, and only the New York Times one was
# read as opinion before (its headline's "Opinion |" label). Not "blog": a news site's blogs are its news
# sections ("thehill.com/blogs/blog-briefing-room/news/...").
_OPINION_SECTION = re.compile(
    r"^[a-z][a-z0-9+.-]*://[^/?#]+/(?:[^?#]*/)?(?:opinions?|columnists?|commentary|commentisfree|editorials?|"
    r"op-?eds?)(?:/|$)",
    re.IGNORECASE,
)

# Shares per sentence above which a signal counts. Wire reports measured here stay under a third of
# these; opinion pieces and blogs exceed two of them.
FIRST_PERSON_SHARE = 0.03
LOADED_SHARE = 0.05
RHETORIC_SHARE = 0.02
SIGNALS_FOR_OPINION = 2
# One first-person or rhetorical sentence can be a stray quotation; a voice shows in several.
MIN_SENTENCES = 2


# A whole web page copied as plain text (menus, teasers of other stories, a site's appeals: "We rely on
# advertising ...", "Need help?") speaks in the site's voice around the article's: counted over every
# line, those lines made 47 of the extraction benchmark's 157 reports read as opinion or blog. A text of
# at least PAGE_BLOCKS paragraphs, most of them short lines, is such a page, and only its article is counted:
# the run of paragraphs with the most running text, where a paragraph of RUNNING_WORDS words or more adds
# its words and a shorter one costs SHORT_LINE_COST.
PAGE_BLOCKS = 20
RUNNING_WORDS = 15
SHORT_LINE_COST = 3


def article_run(document: Document) -> tuple[int, int]:
    """The first and last paragraph (block index) whose sentences tell the kind: every paragraph, unless the
    text is a page copied whole (`PAGE_BLOCKS`), where it is its article's run of running text."""
    blocks = document.blocks
    if len(blocks) < PAGE_BLOCKS:  # most texts: no words counted
        return 0, len(blocks)
    sizes = [len(document.article.text[block.start : block.end].split()) for block in blocks]
    running = [block.is_prose and size >= RUNNING_WORDS for block, size in zip(blocks, sizes, strict=True)]
    if sum(running) * 2 >= len(blocks):
        return 0, len(blocks)
    best, best_run, total, start = 0, (0, len(blocks)), 0, 0
    for index, (size, long) in enumerate(zip(sizes, running, strict=True)):  # the maximum-sum run (Kadane)
        if total <= 0:
            total, start = 0, index
        total += size if long else -SHORT_LINE_COST
        if total > best:
            best, best_run = total, (start, index)
    return best_run


@dataclass
class KindVerdict:
    kind: str  # "report" | "opinion" | "blog"
    signals: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)


def classify_kind(document: Document, quoted: list[bool] | None = None) -> KindVerdict:
    """`quoted`: `inside_quotation` of the document's sentences, when the caller has it already."""
    text = document.article.text
    # A sentence inside a quotation that an earlier one opened is the speaker's, not the writer's.
    if quoted is None:
        quoted = inside_quotation(document.sentences, text)
    first, last = article_run(document)
    counted = [(s, inside) for s, inside in zip(document.sentences, quoted, strict=True)
               if first <= s.paragraph <= last]
    sentences = [text[s.start : s.end] for s, inside in counted if not inside]
    n = max(len(counted), 1)
    writers = [unquoted(s) for s in sentences]
    first_person_count = sum(in_first_person(s) for s in writers)
    # The vocabularies are counted over all the writer's words at once: no term spans a line break.
    writing = "\n".join(writers)
    loaded_count = len(_LOADED.findall(writing))
    rhetoric_count = sum(s.rstrip().endswith(("!", "?")) for s in writers)
    informal_count = len(_INFORMAL.findall(writing))
    first_person, loaded, rhetoric = first_person_count / n, loaded_count / n, rhetoric_count / n
    comments = sum(bool(_COMMENT_FURNITURE.search(f.reason + text[f.span.start : f.span.end]))
                   for f in document.furniture if f.reason.startswith("comment"))
    personal_byline = bool(document.article.byline) and not document.article.outlet
    title_exclaims = document.article.title.rstrip().endswith("!")
    labelled = bool(_OPINION_LABEL.search(document.article.title.strip()))
    filed = bool(_OPINION_SECTION.match((document.article.url or "").strip()))
    signals = {
        "first_person": round(first_person, 3),
        "loaded_language": round(loaded, 3),
        "rhetorical": round(rhetoric, 3),
        "comment_form": float(comments),
        "personal_byline": float(personal_byline),
        "exclamatory_title": float(title_exclaims),
        "informal": float(informal_count),
        "opinion_label": float(labelled),
        "opinion_section": float(filed),
    }
    reasons = []
    if labelled:
        reasons.append("the headline labels it opinion or a column")
    if filed:
        reasons.append("the outlet files it under opinion (its address)")
    if first_person > FIRST_PERSON_SHARE and first_person_count >= MIN_SENTENCES:
        reasons.append(f"the writer speaks in the first person in {first_person:.0%} of sentences")
    if loaded > LOADED_SHARE and loaded_count >= MIN_SENTENCES:
        reasons.append(f"loaded or evaluative language ({loaded:.2f} terms per sentence)")
    if rhetoric > RHETORIC_SHARE and rhetoric_count >= MIN_SENTENCES:
        reasons.append(f"exclamations or rhetorical questions in {rhetoric:.0%} of sentences")
    if title_exclaims:
        reasons.append("the headline exclaims")
    informal = informal_count >= MIN_SENTENCES
    if informal:
        reasons.append(f"slang or profanity in the writer's own words ({informal_count} times)")
    style = len(reasons)
    if comments:
        reasons.append("a reader comment form on the page")
    if personal_byline:
        reasons.append("signed by a person, with no outlet named")
    if labelled or filed or style >= SIGNALS_FOR_OPINION or (style >= 1 and personal_byline):
        kind = "opinion"
    elif (comments and (personal_byline or style)) or informal:
        kind = "blog"
    else:
        kind = "report"
    return KindVerdict(kind, signals, reasons)
