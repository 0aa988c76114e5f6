"""Light sentence compression that keeps provenance: the result is made of spans of the source.

What is cut is what a careful editor cuts first from a news sentence, and what never carries the fact the
sentence states:
- wire datelines ("MOSCOW (Reuters) - ") and openers that only link to the sentence before ("But", ...);
- short parentheticals ("(a Free Syria Army group)", "(AP)"): asides, glosses and spellings;
- a closing non-restrictive relative clause (", from which Russia has launched most of its air strikes."):
  background about something the sentence names, not its statement.
The rest of the sentence is kept word for word, so every printed word is a span of its source.
"""

from __future__ import annotations

import re

from newsfuse.clean.masthead import DATELINE_AGENCY, DATELINE_PLACE, WIRE_DATELINE, names_an_outlet
from newsfuse.model import Sentence, Span
from newsfuse.reporting import ASKING, BELIEF, INSISTING, SPEECH, WRITING, alternation, forms, past, verbs

# "MOSCOW (Reuters) - ", "WASHINGTON, March 14 (AP) — ", "GENEVA — ", "TEXAS, US – ": wire datelines.
_DATELINE = WIRE_DATELINE
# "WASHINGTON—", "SHEIKHAN, Iraq—", "TEL AVIV—": a wire dateline with its dash set close, as the Wall Street Journal
# sets it (17 leads of allsides-neus, printed as "WASHINGTON—House Democrats will try ..."). An em or en dash
# only, and the place opening with three capitals, so "U.S.—China talks" and "EXPLAINER-When ..." are kept.
_CLOSE_SET_DATELINE = re.compile(rf"^(?=[A-Z]{{3}})(?:{DATELINE_PLACE})\s*(?:{DATELINE_AGENCY})?\s*[—–](?=[A-Z\"“])")
# "Meadow Lake, Saskatchewan – ": a dateline in title case: capitalised place, comma, capitalised region,
# a spaced dash. Every word capitalised, so "Putin, Russia's leader – said" is not one. The agency may stand in
# brackets before the dash ("Nashua, New Hampshire (CNN) - ", "Mannheim, Germany (Sports Network) - ").
_TITLE_CASE_PLACE = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
_PLACE_DATELINE = re.compile(
    rf"^{_TITLE_CASE_PLACE}, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,2}}(?: {DATELINE_AGENCY})? [-—–]{{1,2}} ?(?=[A-Z\"“])"
)
# "Washington (CNN) - ", "New York (CNN Business) -- ": a place without its region, then an outlet in brackets
# (checked: "Ilhan Omar (D-Minn.) - " is no dateline). 7 leads of allsides-neus were printed as "Washington -
# Dr. Anthony Fauci ..." once the bracket went as an aside.
_CREDITED_PLACE_DATELINE = re.compile(rf"^{_TITLE_CASE_PLACE} ?{DATELINE_AGENCY} ?[-—–]{{1,2}} ?(?=[A-Z\"“])")
# "(CNN) - ", "(AP) — ", "(CNN)The ...": the agency's credit without a place. With a dash it is a dateline
# whatever it names; without one, only when it names an outlet ("(Survey among economic experts) Public ..."
# is the sentence's own).
_AGENCY_DATELINE = re.compile(rf"^{DATELINE_AGENCY}\s*(?P<dash>[-—–]{{1,2}})?\s*(?=[A-Z\"“])")
# Verbs after a label's first word that say who speaks ("Police said: ", "The statement reads: "): the speech,
# insisting, asking and writing verbs in the past (not "stressed": left out as before), "claimed", a few
# present forms, and "reads" of a written text.
_LABEL_VERBS = (past(SPEECH, INSISTING, ASKING, WRITING) - {"stressed"} | {"claimed"}
                | {"say", "says", "tells", "adds", "writes"} | {"reads", "read"})
# A section label before the sentence: a kicker in capitals ("EXCLUSIVE: ", "BREAKING: ", "MODERNIZING AN
# OUTDATED SYSTEM: "; one word only from a list, since "CDC: ", "FBI: " name who said it), or a label in
# sentence case, news-site style ("Why it matters: ", "Driving the news: ", "The big picture: ", "Details: ").
# A label holding a capitalised word after its first, or a reporting verb, may say who speaks ("Trump on
# Twitter: ", "Police said: "), and one with a finite verb is a clause ("The dynamics are familiar: "): kept.
# "OPINION: ", "NEWS ANALYSIS: ", "CLAIM: " are not cut: they say whose voice it is (story/units.py).
_LABEL = re.compile(
    r"^(?:(?:BREAKING|EXCLUSIVE|WATCH|VIDEO|UPDATE|UPDATED|LATEST|EXPLAINER|LISTEN|LIVE|PHOTOS|READ|PUBLISHED)"
    r"|(?![A-Z &'’-]*\b(?:FACT|OPINION|CLAIM|ANALYSIS|COMMENTARY|EDITORIAL|SATIRE|RUMOR)\b)[A-Z]{2,}"
    r"(?: [A-Z&'’-]{2,}){1,5}"
    r"|(?:Details|Context|Background|Summary|Update|Flashback)"
    r"|[A-Z][a-z’']*(?: (?!(?:" + alternation(_LABEL_VERBS) + r"|is|are|was|were|be|"
    r"been|has|have|had|will|would|can|could|may|might|must|should)\b)[a-z’']+){1,4}"
    r"):\s+(?=[A-Z\"“‘])"
)
# AP's running-story label: "The Latest on University of Alabama decision to return record donation (all times
# local): A top donor ... says ...". Its topic holds capitalised words, which `_LABEL` keeps as a speaker's.
_LATEST = re.compile(r"^The Latest(?: on [^:\"“]{1,150}?)?(?: \(all times local\))?:\s+(?=[A-Z\"“])")
# Discourse openers that only link to the sentence before; the last few only with their comma ("So were
# the two women ..." is "also", "Now that ..." a clause of its own). An example or a restatement stands as
# a fact without its opener ("For example, the Google Stadia Red Dead Redemption 2 port doesn't run at a
# solid 60fps.").
_COMMA_OPTIONAL = r"But|And|However|Meanwhile|Also|Still|Yet|Moreover|In addition|Furthermore|In fact|Indeed"
_COMMA_NEEDED = (r"So|Instead|Now|Thus|Therefore|Nonetheless|Nevertheless|Likewise|Similarly|Of course|For example|"
                 r"For instance|In other words|"
                 # the writer's feeling about the fact, which stands without it ("Sadly, the mother of two died
                 # from injuries she sustained in the crash."); a hedge is no fact at all (segment/voice.py)
                 r"Sadly|Unfortunately|Fortunately|Thankfully|Luckily|Tragically|Mercifully|Ironically|Oddly|"
                 r"Strangely|Curiously|Remarkably|Incredibly|Amazingly|Interestingly|Surprisingly|Predictably")
# Several in a row, the later ones in lower case and each with its comma ("So, in other words, Destiny 2 on
# Stadia is ..."; in "However, still nobody came" the "still" is the clause's own).
_OPENER = re.compile(rf"^(?:(?:{_COMMA_OPTIONAL}),?|(?:{_COMMA_NEEDED}),)\s+"
                     rf"(?i:(?:{_COMMA_OPTIONAL}|{_COMMA_NEEDED}),\s+)*")
# A parenthetical aside of at most eight words; never one holding a quotation mark (it may close one).
_PARENTHETICAL = re.compile(r"\s\((?:[^()\"“”]\s*){1,80}\)")
_PARENTHETICAL_MAX_WORDS = 8
# A relative clause that runs to the end of the sentence: ", which ...", ", from which ...", ", who ...".
# It holds no comma and no dash: after one the sentence's own clause may resume ("X, who was held since
# May, is being detained"; "..., which could hurt Intel, analysts said"; "the vote, which has not been
# held yet - and he may win - is not legitimate"), and cutting there would take the main verb or the
# attribution with it. Safe by construction: what is cut is one clause, and it ends the sentence.
_CLOSING_RELATIVE = re.compile(
    r",\s+(?:(?:from|in|by|through|with|under|during|for|of|at)\s+)?(?:which|who|whom|whose|where)\s+"
    r"(?:(?!\s-\s|--)[^\"“”;,—–:])+?(?=[.!]?$)"
)
# A finite auxiliary after the relative clause's own verb: the sentence's clause may resume there without the
# comma that should close the relative ("until all 15 sailors and marines, who were detained by Iranian
# forces on March 23 are released"; "the states, such as Texas, which filed the suit had not suffered the
# harm"). After "who" or "which" the next word (an adverb perhaps before it) is the relative's own verb ("who
# has been held", "which could put", "who also called"); after "whom", "whose", "where" or a preposition the
# clause has its own subject, and its first finite auxiliary is its own ("from which Russia has launched").
# Any later one keeps the clause: cutting it would take the sentence's verb.
_SUBJECT_RELATIVE = re.compile(
    r"^,\s+(?:who|which)\s+(?:(?:\w+ly|also|not|then|later|both|all|just|still|now|never|often|already)\s+)*"
    r"(?!(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|he|she|it|they|we|i|you)\b)"
    r"(?P<verb>[a-z][\w’']*)")
# A reporting verb as the relative's own: what follows is what was said, a clause with its own verb ("who
# said the affidavits are a ploy"). Every form of these and of the belief verbs; "add" only as "added",
# "adds"; not "stress" or the other speech verbs (left out as before; untested).
_REPORTING = forms(verbs("say", "warn", "argue", "insist", "claim"), BELIEF) | {"added", "adds"}
# An auxiliary form right after "to" or another auxiliary is not finite ("could have ceded", "could largely
# do", "required to do"): it belongs to the verb group before it.
_NON_FINITE_BEFORE = re.compile(
    r"(?:\bto|\b(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could|shall|should|may|might|must)"
    r"(?:n[’']t)?)(?:\s+\w+ly|\s+not|\s+also)?\s+$")
# Words that open a clause of their own (a subordinator or a subject pronoun): an auxiliary after one is
# that clause's, not the sentence's.
_CLAUSE_OPENER = re.compile(
    r"\b(?:that|which|who|whom|whose|when|while|if|because|as|since|until|after|before|where|though|although|"
    r"whether|why|how|what|so|and|or|but|he|she|it|they|we|i|you|there)\b", re.IGNORECASE)
_FINITE_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could|shall|should|may|might|must)\b"
    r"|\b(?:isn|aren|wasn|weren|hasn|haven|hadn|don|doesn|didn|won|wouldn|couldn|shouldn|can)[’']t\b")
# Never compress below this many characters of sentence: a very short remainder is rarely a whole fact.
_MIN_KEPT_CHARS = 20


def compress(text: str, sentence: Sentence) -> tuple[str, list[Span]]:
    """The sentence without its dateline, opener, asides and closing relative clause, and the kept spans."""
    start, end = sentence.start, sentence.end
    body = text[start:end]
    for pattern in (_DATELINE, _CLOSE_SET_DATELINE, _PLACE_DATELINE, _CREDITED_PLACE_DATELINE, _AGENCY_DATELINE,
                    _LATEST, _LABEL, _OPENER):
        match = pattern.match(body)
        if match and pattern is _AGENCY_DATELINE and not (
                match.group("dash") or names_an_outlet(match.group("agency"))):
            continue
        if match and pattern is _CREDITED_PLACE_DATELINE and not names_an_outlet(match.group("agency")):
            continue
        if match and len(body) - match.end() > _MIN_KEPT_CHARS:
            start += match.end()
            body = text[start:end]
    cuts = [(m.start(), m.end()) for m in _PARENTHETICAL.finditer(body)
            if m.start() > 0 and len(m.group().split()) <= _PARENTHETICAL_MAX_WORDS]
    closing = _CLOSING_RELATIVE.search(body)
    if closing and _resumes_the_sentence(closing.group()):
        closing = None
    if closing and closing.start() >= _MIN_KEPT_CHARS and not any(a < closing.end() and closing.start() < b
                                                                   for a, b in cuts):
        cuts.append((closing.start(), closing.end()))
    pieces = _pieces(start, end, sorted(cuts))
    kept = "".join(text[piece.start : piece.end] for piece in pieces)
    if start == sentence.start:
        return kept, pieces
    return kept[:1].upper() + kept[1:], pieces


def _resumes_the_sentence(clause: str) -> bool:
    """Whether a closing relative clause (from its comma) holds a finite auxiliary after its own verb, with
    no word opening a clause of its own before it (then the auxiliary is that clause's: "which means many
    agencies will remain closed", "which he said is now claiming more lives")."""
    own_verb = _SUBJECT_RELATIVE.match(clause)
    if own_verb and own_verb.group("verb") in _REPORTING:
        return False
    if own_verb:
        start = own_verb.end()
    else:
        first = _FINITE_AUXILIARY.search(clause)
        if first is None:
            return False
        start = first.end()
    for later in _FINITE_AUXILIARY.finditer(clause, start):
        if _CLAUSE_OPENER.search(clause, start, later.start()):
            return False
        if not _NON_FINITE_BEFORE.search(clause, 0, later.start()):
            return True
    return False


def _pieces(start: int, end: int, cuts: list[tuple[int, int]]) -> list[Span]:
    """[start, end) minus the cuts (offsets relative to start), as spans of the source text."""
    pieces, position = [], start
    for a, b in cuts:
        if start + a > position:
            pieces.append(Span(position, start + a))
        position = max(position, start + b)
    if end > position:
        pieces.append(Span(position, end))
    return pieces
