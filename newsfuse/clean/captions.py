"""Pictures' captions and credits inside running text: what only a caption has.

Text that arrives without its page (a crawl, a Multi-News record, a copy-paste) carries its pictures'
captions inline, between the paragraphs or run together with them. Two signs are a caption's own:
- a picture credit: "(AP Photo/Alan Diaz, File)", "Credit: Getty Images", "Photograph: AFP via Getty",
  "Image copyright Getty Images", "REUTERS/Kevin Lamarque", "J. Scott Applewhite / AP file", "Submitted
  photo";
- the agencies' caption date: a weekday and the full date after a comma ("in Madrid, Spain, Tuesday,
  Nov. 19, 2019", AP style), or "In this Nov. 5, 2019, photo ..." / "This 2018 file photo shows ...".
  Prose says "on Tuesday", or gives the full date after a word ("died Saturday, July 24, 2004"); a
  caption, written to be read without the story, spells the whole date after the place.
A caption with neither ("The Doobie Brothers perform at the Beacon.") reads as a sentence and stays.
Written from the captions of the tuning half of the extraction benchmark's pages and checked against
every sentence of the pages' bodies and of the news sets (`benchmarks/caption_sentences.py`).
"""

from __future__ import annotations

import re

_MONTH = (r"(Jan(uary|\.)?|Feb(ruary|\.)?|Mar(ch|\.)?|Apr(il|\.)?|May|June?|July?|Aug(ust|\.)?|"
          r"Sep(t(ember|\.)?|\.)?|Oct(ober|\.)?|Nov(ember|\.)?|Dec(ember|\.)?)")
_WEEKDAY = r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_AGENCY = r"(AP|AFP|Reuters|REUTERS|Getty( Images)?|EPA|Xinhua|Bloomberg|Shutterstock|iStock)"
# A credit names who took or owns the picture: labels capitalised as credits print them ("Photo:",
# "Credit:", "IMAGE:"), agencies as they sign, so prose about "photos" or a "credit", "these images: ..."
# or an "(ePA)" abbreviation is not one.
CREDIT = re.compile(
    # Every alternative below starts with one of these characters: told so, the engine skips to them instead
    # of trying each alternative at every position (a third of the cleaner's time before).
    r"(?=[(/|vGRSPICc])(?:"
    rf"\(\s*{_AGENCY}( (?i:photo)[^)]*)?\s*\)\s*[\"”]?\s*$"  # "(AP)", "(AP Photo/...)" closing the text
    rf"|\(\s*(AP|AFP|EPA) Photo\s*/"
    r"|(?<![A-Za-z])(?i:credit)\s*(:|\.\.\.)\s*\S|(?<=[a-z])Credit:\s*\S"  # "Credit: EPA", "treatmentCredit: EPA"
    r"|\b(Photo|Image|Picture|Photograph|PHOTO|IMAGE|PICTURE)[sS]?(?i: credit| illustration)?:\s*\S"
    r"|\((?i:(file )?(photo|image|picture)s?( credit)?):\s*\S"
    r"|\b(Image|Photo) (copyright|courtesy|caption)\b"  # "Image copyright Getty Images", "Image caption ..."
    r"|\b(Photo|Photograph|Picture)s? by [A-Z]"
    r"|\bSubmitted (photo|image)\b"
    r"|\bREUTERS\s*/\s*[A-Z]"  # "REUTERS/Kevin Lamarque" (the agency's own capitals: "an AP/Ipsos poll" is prose)
    rf"|(?<=\s)/\s*{_AGENCY}(\s+file)?\s*[)\]]?\s*$"  # "J. Scott Applewhite / AP file"
    r"|\b(via|/|\|)\s*Getty( Images)?\b|\bGetty Images(\s*[)\]]?\s*$|[A-Z])"  # "Alex Wong | Getty ImagesKristi"
    r"|\(\s*[A-Z][A-Z .'-]+/[A-Z][A-Z .'-]+\)\s*$"  # "( STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY)"
    r")"
)
# AP's caption date, after a comma: "in Madrid, Spain, Tuesday, Nov. 19, 2019".
_CAPTION_DATE = re.compile(rf"\S, {_WEEKDAY},?\s+{_MONTH}\s+\d{{1,2}},\s+(19|20)\d\d\b")
# "In this Nov. 5, 2019, photo", "This 2018 file photo shows", "In this undated photo".
_THIS_PHOTO = re.compile(
    rf"^(In )?[Tt]his ((undated|handout|file|aerial|still) )*({_MONTH}\s+\d{{1,2}},?\s+)?((19|20)\d\d,? )?"
    r"((file|handout|undated) )*(photo|image|picture|frame grab|still)s?\b"
)


# Every credit above holds one of these: most lines hold none, and a substring test is far cheaper than the
# pattern (the cleaner asks of every line and sentence).
_CREDIT_MARKS = ("Photo", "photo", "Image", "image", "Picture", "picture", "PHOTO", "IMAGE", "PICTURE", "Credit",
                 "credit", "CREDIT", "Getty", "REUTERS", "(", "/")


def is_credit(text: str) -> bool:
    return any(mark in text for mark in _CREDIT_MARKS) and bool(CREDIT.search(text))


def starts_with_credit(sentence: str) -> bool:
    return bool(_CREDIT_FIRST.match(sentence))


def is_caption(sentence: str) -> bool:
    """A caption's date or opening (see the module's note); credits are `is_credit`."""
    text = sentence.strip()
    return (("day" in text and bool(_CAPTION_DATE.search(text)))
            or (text.startswith(("In this", "In This", "This", "this")) and bool(_THIS_PHOTO.match(text))))


# A credit run together with the next sentence ("Credit: ESA A cross-section through ...", "Photo: John
# Locher, AP WASHINGTON (AP) — ...", "... in coming weeks (Credit: iStock) More than a third ..."): the
# credit's label, then at most a few words of who took the picture, then the sentence. Where who ends is
# only certain when the sentence opens like one: a word sentences open with, a quotation mark, or a
# dateline's capitals.
_LABEL = (r"(?i:credit)\s*(:|\.\.\.)|(Photo|Image|Picture|Photograph)s?( credit)?\s*:|(Image|Photo) copyright"
          r"|(Photo|Photograph|Picture)s? by")
_CREDIT_LABEL = re.compile(
    r"\(\s*((?i:credit)\s*(:|\.\.\.)|(Photo|Image|Picture|Photograph)s?( credit)?\s*:)[^()]{1,80}\)"  # bracketed
    rf"|\(\s*{_AGENCY}( Photo[^()]{{0,80}})?\)"
    rf"|(?<![A-Za-z])({_LABEL})\s*"
)
# A sentence that is a credit from its first word ("Credit: AP", "(AP Photo/John Locher)").
_CREDIT_FIRST = re.compile(rf"^\(?\s*({_LABEL}|(AP|AFP|EPA|REUTERS)\b)")
_WHO = re.compile(r"\s*[\w.'’&-]+,?")
_WHO_MAX_WORDS = 5
# Who signs pictures most: a credit that reaches one of them ends there ("Credit: AP Russian President
# Vladimir Putin on Monday ordered ...": the sentence opens with a name, not a word sentences open with).
_PICTURE_AGENCIES = frozenset({"AP", "AFP", "Reuters", "REUTERS", "Getty", "Images", "EPA", "Xinhua", "Bloomberg",
                               "Shutterstock", "iStock", "NASA", "ESA", "Alamy"})
# Words sentences open with: after a credit, one of them (capitalised) is where the article's sentence starts.
_OPENERS = frozenset({
    "a", "an", "the", "in", "on", "at", "if", "but", "and", "as", "after", "before", "when", "while", "this",
    "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "there", "even", "for", "from",
    "with", "by", "since", "although", "though", "during", "according", "more", "most", "some", "many", "one",
    "two", "three", "what", "why", "how", "who", "where", "now", "then", "still", "also", "last", "over",
    "under", "about",
})


def text_after_credit(sentence: str) -> int | None:
    """Where the sentence that follows a credit starts, when a credit inside `sentence` (with its caption
    before it, if any) is run together with it: everything before that offset is the picture's, the rest
    the article's. None when no credit is followed by a certain sentence start."""
    for label in _CREDIT_LABEL.finditer(sentence):
        if label.group().endswith(")"):  # a bracketed credit ends at its bracket
            if _opens_sentence(sentence[label.end():]):
                return _skip_space(sentence, label.end())
            continue
        position = label.end()
        for _ in range(_WHO_MAX_WORDS):
            word = _WHO.match(sentence, position)
            if not word or not (word.group().lstrip()[:1].isupper() or word.group().lstrip()[:1].isdigit()):
                break  # who took a picture is a name: a lower-case word is already the sentence
            position = word.end()
            rest = sentence[position:].lstrip()
            # A signature's last word before a capitalised word ("Getty Images" is one signature).
            agency = (word.group().strip(" ,") in _PICTURE_AGENCIES and rest[:1].isupper()
                      and rest.split(maxsplit=1)[0].strip(",") not in _PICTURE_AGENCIES)
            if agency or _opens_sentence(rest):
                return _skip_space(sentence, position)
    return None


def _opens_sentence(rest: str) -> bool:
    rest = rest.lstrip()
    if not rest:
        return False
    first = rest.split(maxsplit=1)[0]
    if rest[0] in "\"“‘":
        return True
    if rest[0].isupper() and first.strip("\"“‘'(,").lower() in _OPENERS:
        return True
    # A dateline's capitals before its agency or dash: "WASHINGTON (AP) —", "HANOI, Vietnam (AP) —".
    return len(first) >= 3 and first.rstrip(",").isupper() and first.rstrip(",").isalpha() and (
        rest[len(first):].lstrip()[:1] in "(—–-" or first.endswith(","))


def _skip_space(text: str, position: int) -> int:
    return len(text) - len(text[position:].lstrip())
