"""A headline carried as the first paragraph of plain text, even with a full stop after it.

Text that arrives without its page (a crawl, a Multi-News or AllSides record, `newsfuse summarize`
input) often starts with the headline as a paragraph of its own, sometimes ending in a full stop, so
the cleaner's headline shape (no final punctuation) misses it and it would be summarised as a sentence:
two outlets' headlines for one event are two short "facts" that say it again. A news lead restates its
headline, so the sign used here is that: the first paragraph is one short line, and the paragraph after
it holds most of its content words. A first paragraph that is a short lead sentence rarely has its
words repeated by the next one (measured below).
"""

from __future__ import annotations

import re

from newsfuse.model import Block, Sentence
from newsfuse.segment.tokens import content_terms

# Constants chosen on the tuning half of allsides-neus (even lines of train.jsonl; 60-word summaries,
# R-2 of `newsfuse eval`): 12.85 without the rule; share 0.4 gave 16.62-16.65 for 20, 25 and 30 words,
# share 0.5 16.02-16.28, share 0.6 15.86. Checked on ECB+ first paragraphs of at most 20 words (114,
# mostly short leads): 15% of them have 40% of their words in the next paragraph, against 83% of the
# allsides headlines; TAC 2011 English (titles already found) moved by -0.15 R-2 at 250 words.
HEADLINE_MAX_WORDS = 25
RESTATED_SHARE = 0.4
# A first paragraph in title case is a headline whatever the lead says (an opinion piece's lead rarely
# restates its headline). Title case: at least TITLE_CASE_MIN_WORDS words of four letters or more, and
# either all of them capitalised (one more word needed) or this share of them and a small word too.
# Checked on the tuning half of allsides-neus: 1,142 of its 3,678 first lines are title-cased; on a
# 300-event sample of it, summaries holding an outlet's headline as a sentence fell from 76 to 56 (the
# restated-headline rule above leaves those with sentence-case headlines) and 60-word R-2 from 16.75 to
# 16.55: a headline is dense with the event's words, but it is not a sentence a brief should print. On
# lines that are not first lines: 0 of 859 in TAC 2011 English, 46 of 14,830 in ECB+ (nearly all
# related-article headlines or capitals). TAC 2011 R-2 unchanged.
TITLE_CASE_MIN_WORDS = 3
TITLE_CASE_SHARE = 0.8


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s*$")
# Short words that headline style capitalises and running prose does not ("Checks Into Rehab For").
_SMALL_WORDS = frozenset({"a", "an", "the", "in", "on", "for", "of", "to", "at", "by", "and", "as", "is", "with"})


def title_cased(line: str) -> bool:
    """Written in headline title case: nearly every word of four letters or more capitalised and a small
    word too ("Tara Reid Finally Checks Into Rehab For Undisclosed Reasons"), or every such word when the
    small words stay in lower case ("Netanyahu Wins Landslide Victory in Likud Primary"). A sentence full of
    names has a word in lower case besides its small words ("The Heff crowned Page Playmate of the Month")."""
    tokens = _WORD.findall(line)
    long = [token for token in tokens if len(token) >= 4]
    if len(long) < TITLE_CASE_MIN_WORDS:
        return False
    capitalised = sum(token[0].isupper() for token in long)
    if capitalised == len(long) and len(long) >= TITLE_CASE_MIN_WORDS + 1:
        return True
    small_capitalised = any(token[0].isupper() for token in tokens[1:] if token.lower() in _SMALL_WORDS)
    return small_capitalised and capitalised >= TITLE_CASE_SHARE * len(long)


def leading_headline(text: str, blocks: list[Block], language: str) -> Block | None:
    """The first block, when it is a headline its lead (the next block of running text) restates; None
    otherwise. A date line or subheading between them is passed over."""
    lead = next((block for block in blocks[1:] if block.is_prose), None)
    if lead is None:
        return None
    first = text[blocks[0].start : blocks[0].end]
    if "\n" in first.strip() or len(first.split()) > HEADLINE_MAX_WORDS:
        return None
    if title_cased(first):
        return blocks[0]
    headline_terms = set(content_terms(first, language))
    if not headline_terms:
        return None
    lead_terms = set(content_terms(text[lead.start : lead.end], language))
    if len(headline_terms & lead_terms) / len(headline_terms) < RESTATED_SHARE:
        return None
    return blocks[0]


def headline_shaped(text: str, blocks: list[Block], sentences: list[Sentence]) -> bool:
    """The first block could be a headline by its shape alone: one short line of running text (one
    sentence at most, as the splitter read it: "With Trump vs. Clinton looming, ..." and "Serena Williams'
    U.S. Open loss ..." are one), with a paragraph of running text after it, or with nothing after it (a
    record whose lead is missing: "At U.N., Trump demands action against China over virus, Xi urges
    cooperation.\n\n"), or only headings (a pull quote and its credit). A list or table after it makes it
    the list's opening line."""
    if not blocks or not blocks[0].is_prose:
        return False
    if len(blocks) > 1 and not any(block.is_prose for block in blocks[1:]) and any(
            block.kind != "heading" for block in blocks[1:]):
        return False
    first = text[blocks[0].start : blocks[0].end].strip()
    if not first or "\n" in first or len(first.split()) > HEADLINE_MAX_WORDS:
        return False
    return sum(1 for sentence in sentences if sentence.paragraph == 0) <= 1


def ends_like_a_sentence(line: str) -> bool:
    """Ends in a full stop, question or exclamation mark (a closing quotation mark may follow)."""
    return bool(_SENTENCE_END.search(line))
