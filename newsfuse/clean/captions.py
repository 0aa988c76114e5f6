"""Pictures' captions and credits inside running text: what only a caption has.

Text that arrives without its page (a crawl, a Multi-News record, a copy-paste) carries its pictures'
captions inline, between the paragraphs or run together with them. Two signs are a caption's own:
- a picture credit: "(AP Photo/Alan Diaz, File)", "Credit: Getty Images", "Photograph: AFP via Getty",
  "Image copyright Getty Images", "REUTERS/Kevin Lamarque", "J. Scott Applewhite / AP file", "Submitted
  photo", "(Joshua Roberts/Reuters)", "Courtesy of Andrew Vaughan", an agency's name alone after the caption;
- the agencies' caption date: a weekday and the full date after a comma ("in Madrid, Spain, Tuesday,
  Nov. 19, 2019", AP style), or "In this Nov. 5, 2019, photo ..." / "This 2018 file photo shows ...".
  Prose says "on Tuesday", or gives the full date after a word ("died Saturday, July 24, 2004"); a
  caption, written to be read without the story, spells the whole date after the place.
A caption with neither is told as captions are ("The Doobie Brothers perform at the Beacon.", "A woman
waves a flag during a protest in Kyiv."): `reads_as_caption` reads that, for a line of its own.
Written from the captions of the tuning half of the extraction benchmark's pages and checked against
every sentence of the pages' bodies and of the news sets (`benchmarks/caption_sentences.py`).
"""

from __future__ import annotations

import re

from newsfuse.reporting import alternation, forms, verbs

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
    rf"|\(\s*[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){{0,3}}\s*/\s*{_AGENCY}\s*\)"  # "(Joshua Roberts/Reuters)"
    r")"
)
# A credit that is the whole sentence: the agency alone after its caption ("... in New York. Reuters"), or
# "Courtesy of Andrew Vaughan".
_CREDIT_ALONE = re.compile(rf"\s*({_AGENCY}|(Photo )?[Cc]ourtesy (of )?[A-Z][\w.'’-]*( [A-Z][\w.'’-]*){{0,4}})\.?\s*")
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
                 "credit", "CREDIT", "Getty", "REUTERS", "(", "/", "Reuters", "AP", "AFP", "EPA", "Xinhua", "Bloomberg",
                 "Shutterstock", "iStock", "ourtesy")


_CREDIT_MARK = re.compile("|".join(map(re.escape, _CREDIT_MARKS)))


def is_credit(text: str) -> bool:
    return bool(_CREDIT_MARK.search(text)) and bool(CREDIT.search(text) or _CREDIT_ALONE.fullmatch(text))


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


# A caption with neither sign, read from how it is told. A caption tells what its picture shows as it happens:
# a noun phrase ("The Doobie Brothers", "A woman", "House Intelligence Committee chairman Rep. Adam Schiff"),
# then a verb of what a camera sees, in the present, agreeing with it ("perform", "waves", "speaks", "is seen"),
# then where or at what ("at the Beacon", "during a protest in Kyiv"); or it names the kind of picture ("An
# artist's illustration of ...") or what a colour marks in it ("(red)"). News prose tells events in the past
# and reports speech; its present-tense sentences are about states and habits ("The charge carries a maximum
# sentence", "Iran sits astride several faults"), so only a camera's verbs count, and those with an abstract
# sense count only with where ("stands outside", not "stands in contrast") or with a thing a picture shows
# ("holds a sign", not "holds a majority"). A sentence that reports (said, according to), quotes, narrates
# (was, had, has, will), speaks to the reader (you, we) or points back to the story's people (him, them, it;
# a caption names whom it shows) is the article's. Where the sentence stands is the caller's to say: a caption
# is a line of its own between paragraphs, never the text's first line (the headline's place; headlines are
# told in the present too: "Biden signs first executive actions as president.").
# Written from the sign-less captions of the tuning half of the extraction benchmark's pages, the verbs from
# captions' usage in general; a first draft's verbs that took body sentences of that half or of the news sets
# ("make", "take", "play", "rally", "march", "display", "hold" alone) were dropped or restricted. Checked
# against every sentence of that half's bodies and of the news sets (`benchmarks/caption_sentences.py`).
def _forms(verb: str) -> tuple[str, str]:
    """A verb's plural and third-person singular present: "wave", "waves"; "carry", "carries"."""
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb, verb[:-1] + "ies"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb, verb + "es"
    return verb, verb + "s"


# What a camera sees someone do.
_ACTS = ("perform", "pose", "wave", "stand", "sit", "speak", "arrive", "attend", "walk", "watch", "celebrate",
         "gesture", "listen", "smile", "laugh", "greet", "hug", "embrace", "kiss", "cheer", "pray", "mourn", "sing",
         "dance", "ride", "wear", "gather", "wait", "queue", "testify", "unveil", "inspect", "shout", "chant", "clap",
         "applaud", "salute", "kneel", "crouch", "lean", "climb", "wade", "pause", "stroll", "jog", "react", "depart",
         "look")
# Where someone stands, sits, poses or leans: "stands outside", not "stands in contrast", "sits astride".
_WHERE_VERBS = frozenset(form for verb in ("stand", "sit", "pose", "lean") for form in _forms(verb))
# Who looks on: "Residents look on as ...", not "looks at the data".
_LOOK = frozenset(_forms("look"))
_WHERE = frozenset({"guard", "at", "on", "outside", "inside", "near", "next", "beside", "behind", "amid", "among",
                    "atop", "before", "for", "with", "during", "under", "alongside", "together"})
# What someone holds, carries, raises, lights, lays, casts or surveys in a picture: "holds a sign", "lights
# candles", "casts her ballot", "survey the damage", "shake hands"; not "holds a majority", "carries risks".
_THINGS_OF = {
    "hold": ("sign", "placard", "banner", "flag", "candle", "photo", "photograph", "picture", "portrait", "poster",
             "umbrella", "baby", "child", "hand", "microphone", "trophy", "ball", "torch", "rose", "flower", "wreath",
             "cross", "bible"),
    "carry": ("sign", "placard", "banner", "flag", "candle", "photo", "picture", "portrait", "poster", "coffin",
              "casket", "baby", "child", "torch", "flower", "wreath", "cross"),
    "raise": ("fist", "hand", "arm", "flag", "sign", "trophy", "glass"),
    "light": ("candle",),
    "lay": ("wreath", "flower"),
    "cast": ("ballot", "vote"),
    "survey": ("damage", "debris", "rubble", "wreckage", "ruins"),
    "shake": ("hand",),
}
_THING_VERBS = {form: frozenset(plural for thing in things for plural in (thing, thing + "s", thing + "es"))
                for verb, things in _THINGS_OF.items() for form in _forms(verb)}
_ALL_ACTS = (*_ACTS, *_THINGS_OF)
_PLURAL_ACTS = frozenset(_forms(verb)[0] for verb in _ALL_ACTS)
_SINGULAR_ACTS = frozenset(_forms(verb)[1] for verb in _ALL_ACTS)
# "is seen", "are pictured": a picture's passive ("are seen as" is an opinion).
_PICTURE_PASSIVE = frozenset({"seen", "pictured", "shown", "displayed", "photographed", "depicted", "silhouetted",
                              "reflected", "illuminated", "escorted", "greeted"})
# Words a caption's subject (a noun phrase) does not hold: pronouns, conjunctions opening a clause, adverbs,
# prepositions opening an adverbial ("Inside, piles of ...", "In the third stage ..."), quantifiers of a
# general statement ("Many of the protesters wear masks ...").
_NOT_SUBJECT = frozenset({"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "them", "my", "our", "your",
                          "his", "her", "its", "their", "this", "that", "these", "those", "there", "here", "who",
                          "whom", "whose", "which", "what", "when", "where", "why", "how", "if", "as", "while",
                          "after", "before", "because", "since", "although", "though", "but", "or", "so", "then",
                          "now", "also", "still", "just", "only", "even", "already", "again", "once", "currently",
                          "never", "not", "no", "nor", "yet", "to", "in", "on", "at", "by", "with", "from", "into",
                          "about", "over", "under", "up", "down", "out", "off", "than", "like", "unlike", "during",
                          "until", "via", "per", "said", "says", "inside", "outside", "around", "across", "behind",
                          "beyond", "near", "among", "amid", "above", "below", "between", "against", "toward",
                          "towards", "upon", "within", "without", "throughout", "despite", "meanwhile", "later",
                          "earlier", "today", "tonight", "yesterday", "tomorrow", "many", "most", "some", "all",
                          "several", "few", "both", "each", "every", "none", "more", "less"})
# A word before which a verb's form is a noun: "a wave of", "a sweet and beguiling smile", "her smile".
_BEFORE_NOUN = frozenset({"a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "my", "your", "and",
                          "or", "of"})
# A word after which it is a noun too: "the cheers that", "a wave of".
_AFTER_NOUN = frozenset({"of", "is", "are", "was", "were", "has", "have", "will", "can", "that"})
# Where or at what, after the verb.
_SCENE = re.compile(r"\b(at|in|during|outside|inside|near|on|before|after|as|next to|in front of|beside|behind|amid|"
                    r"among|past|through|along|from|to|for|with|under)\b")
# Reported speech in a caption: "say" in every form, "told", "tells" and "according" (to); the commonest
# frames only (the other reporting verbs left out as before; untested).
_REPORTS = forms(verbs("say")) | {"told", "tells", "according"}
_STORY_VOICE = re.compile(
    # The story's people (a caption names whom it shows), but for its subject again: "waves as he walks".
    r"(?<!\bas )(?<!\bwhile )(?<!\bafter )(?<!\bbefore )\b(he|she|they)\b|\b(him|them|it)\b|\bher\b(?!\s+\w)"
    r"|\b(" + alternation(_REPORTS) + r"|was|were|had|did|will|would|could|should|might|must|has|have|can|"
    r"cannot)\b"  # reported speech, narration, what will be
    r"|\b(I|we|our|us|you|your|my|We|You|Our|Your|My)\b|[\"“”?!;]|--|\s[—–]\s"
    r"|\b(video|footage)\b"  # what a video shows is told by the story ("is seen ... on the surveillance video")
)
_LATER_COPULA = re.compile(r"\b(is|are|be|been|being)\b")  # a second clause: "sits in ... and is prone to ..."
# A picture that is a drawing, a simulation or seen from afar: "An artist's illustration of ...", "This
# illustration of SpaceX's concept for a lunar lander shows ...".
_PICTURE_KIND = re.compile(r"^((An?|The|This)\s+)?(artist['’]s\s+)?(illustration|rendering|impression|diagram|"
                           r"aerial view|satellite image|micrograph)s?\s+(of|shows?)\b", re.IGNORECASE)
# What a colour or a plane marks in the picture: "are super hot (red)", "structures (in white)", "(background)".
_PICTURE_KEY = re.compile(r"\((in )?(red|blue|green|yellow|white|black|orange|purple|pink|grey|gray)(/\w+)?\)"
                          r"|\((background|foreground|inset)\)", re.IGNORECASE)
_TOKEN = re.compile(r"[\w'’.-]+|[(),]")
# A sentence's length in tokens, commas counted: the tuning half's longest one-sentence captions have 46 and
# 48 (30, 45, 60 and no limit took the same there).
_MAX_TOKENS = 50
# The subject's length: 15, 25 and 40 tokens took the same on the tuning half (15, the more cautious; the
# longest subject there, "House Intelligence Committee chairman Rep. Adam Schiff", has 7).
_MAX_SUBJECT_TOKENS = 15
# A cheap first test (the cleaner asks of every line that is no other furniture): a word of a verb's form, a
# picture's passive or kind, or a bracket (a colour's key). A set of words is far cheaper than a pattern.
_KINDS = ("illustration", "illustrations", "rendering", "renderings", "impression", "diagram", "view", "image",
          "micrograph")
_FIRST_WORDS = frozenset({*_PLURAL_ACTS, *_SINGULAR_ACTS, *_PICTURE_PASSIVE, *_KINDS,
                          *(kind.capitalize() for kind in _KINDS)})


def reads_as_caption(sentence: str) -> bool:
    """A sentence told as a caption tells what its picture shows (see the note above): to be taken for one
    only where a caption stands, a line of its own between paragraphs (the caller knows)."""
    text = sentence.strip()
    if not text[:1].isupper() or text.count(" ") >= _MAX_TOKENS:  # more words than tokens allowed: too long
        return False
    if ("(" not in text and _FIRST_WORDS.isdisjoint(text.split())) or _STORY_VOICE.search(text):
        return False
    if _PICTURE_KIND.match(text) or _PICTURE_KEY.search(text):
        return True
    tokens = _TOKEN.findall(text)
    if len(tokens) > _MAX_TOKENS or tokens[0].lower() in _NOT_SUBJECT or (
            tokens[0].endswith("ly") and tokens[1:2] == [","]):  # "Finally, ..." (not "Kelly Clarkson")
        return False
    for index, token in enumerate(tokens[:_MAX_SUBJECT_TOKENS + 1]):
        word = token.lower()
        after = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if index and token.islower():
            verb = _subject_verb(tokens, index)
            if verb == "passive":
                return not (index + 2 < len(tokens) and tokens[index + 2] == "as") and _scene_after(tokens, index)
            if verb:
                if word in _WHERE_VERBS and after not in _WHERE:
                    return False
                if word in _THING_VERBS and not _THING_VERBS[word] & {t.lower() for t in tokens[index + 1 : index + 6]}:
                    return False
                if word in _LOOK and after != "on":
                    return False
                return _scene_after(tokens, index)
            if word in _NOT_SUBJECT or word.endswith(("ly", "ed")):
                return False  # a clause or an adverb before any verb: not a caption's noun phrase
    return False


def _subject_verb(tokens: list[str], index: int) -> str | None:
    """Whether tokens[index] is the verb after the subject: "act" (agreeing with it: "Brothers perform", "Schiff
    speaks"), "passive" ("is seen"), or None (another word, or a verb's form used as a noun)."""
    word, before = tokens[index].lower(), tokens[index - 1].lower()
    after = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
    if before in _BEFORE_NOUN or before.endswith(("'s", "’s", "ing")) or after in _AFTER_NOUN:
        return None
    if word in ("is", "are") and after in _PICTURE_PASSIVE:
        return "passive"
    plural = before.endswith("s") or "and" in tokens[:index]
    return "act" if (word in _SINGULAR_ACTS and not plural) or (word in _PLURAL_ACTS and plural) else None


def _scene_after(tokens: list[str], index: int) -> bool:
    """Where or at what follows the verb, and no second clause ("... and is prone to earthquakes")."""
    rest = " ".join(tokens[index + 1 :])
    return bool(_SCENE.search(rest)) and not _LATER_COPULA.search(" ".join(tokens[index + 2 :]))
