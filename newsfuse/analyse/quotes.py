"""Direct quotations, their speakers, and every source that carries them.

A quotation is the text between quote marks (straight or curly, in any pairing) inside one body block;
an opening mark left open at the end of a paragraph closes there (news style for quotes that run on).
Its speaker is read from the sentence around it, outside the quote marks: the subject of a speech verb
("..., said Salim al-Muslat", "Putin said that ..."; "the minister, Paul Denis," is Paul Denis), or the
object of "according to"; a quote after "... quotes/cites ...:" is the cited people's, unnamed. A pronoun
subject, or a quote with no frame at all, takes the speaker of the quote just before it in the same
article, unless someone else's words were reported in between, else the person who is the subject of the
sentence before; a quote inside the clause of a named subject is that subject's, and the lines of one
quotation are one speaker's. A quote that is a name ("The Big Lebowski") has no speaker. The speaker is
linked to a merged entity when the subject phrase names one, so its role comes from the entity.

The same quote carried by several outlets is one quote: word sequences compared after folding case,
punctuation, quote marks and bracketed insertions ("[peace]"); one contained in the other (a
truncation) or sharing most word pairs is the same quote.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from anyascii import anyascii

from newsfuse.analyse.entities import EntityIndex
from newsfuse.analyse.nlp import Parsed, ParsedDocument
from newsfuse.reporting import ASKING, BELIEF, DIRECTING, INSISTING, SPEECH, STANCE, WRITING, forms, verbs

# Shorter quoted runs are terms ("reduction", "positive"), not statements.
# Two instances whose words overlap by this many at their ends (one begins where the other ends) are two cuts
# of one statement.
OVERLAP_WORDS = 8
MIN_QUOTE_WORDS = 3
# A quote nobody is said to have spoken is kept only when it is a statement of this length at least.
MIN_UNATTRIBUTED_WORDS = 8
# Two renderings of one quote differ in punctuation (folded away) and a word or two: most of the shorter
# one's word pairs are in the longer one. Different statements on one topic share under half.
SAME_QUOTE_SHARE = 0.75
# Below this many words a quote must be contained word for word to be merged with another.
EXACT_BELOW_WORDS = 6
# How many sentences back a pronoun or an unframed quote looks for its speaker.
LOOKBACK_SENTENCES = 2
# How far before a bare-surname speaker a relative named by that surname makes the surname ambiguous: about
# the two sentences a pronoun looks back.
RELATIVE_WINDOW_CHARS = 500
# The longest speaker phrase, in tokens either side of its head.
MAX_PHRASE_TOKENS = 12
# Word forms, since the lemmatizer is not loaded: every form of the speech, insisting and asking verbs and
# of "write", "claim", "urge" (not "confirm", "deny", "order", "instruct": left out as before; untested);
# "saying", "adding"; verbs that frame a quote ("continued", "reads", "described"); the past of verbs that
# frame a witness's or a poster's words ("recounted", "recalled", "testified", "responded", "tweeted": on
# TAC 2011 English and every fourth ECB+ cluster they changed two speakers, both to the right one, "...,"
# recounted Raphaelle Chenet had been given to the Red Cross spokesman quoted before); and "according"
# (to), whose object is the speaker; and the past of verbs seen framing quotes in those sets, the seeds and ECB+
# (",\" echoed a second representative", "Kempthorne maintained", "a man ... screamed, \"No, no, no!\"",
# "yelled", "shouted", "answered", "mumbled", "commented").
SPEECH_VERBS = (forms(SPEECH, INSISTING, ASKING, verbs("write", "claim", "urge"))
                | {"saying", "adding", "continue", "continued", "read", "reads", "describe", "describes", "described",
                   "according", "recounted", "recalled", "testified", "responded", "tweeted", "echoed", "maintained",
                   "screamed", "yelled", "shouted", "answered", "mumbled", "commented", "posted"})
# Verbs whose complement clause is their subject's account or decision: every reporting verb, and what a
# court, an inquiry or a reporter does with a finding (the analysis's parse has no lemmas: every form).
_REPORTING_FORMS = (forms(SPEECH, STANCE, DIRECTING, ASKING, WRITING, BELIEF)
                    | {"report", "reports", "reported", "rule", "rules", "ruled", "find", "finds", "found",
                       "conclude", "concludes", "concluded", "decide", "decides", "decided"})
# Verbs that introduce other people's words ("Ms North also quotes a number of other survivors:"): the quotes
# after them are those people's, not the subject's.
CITING_VERBS = {"quote", "quotes", "quoted", "cite", "cites", "cited"}
_OPEN = "\"“"
_CLOSE = "\"”"
# A subject that names nobody: a pronoun (the speaker is found as for a quote with no frame), a relative or an
# indefinite one ("which", "somebody": the parse took a word of another clause, or of the quotation).
_OBJECT_PRONOUNS = {"him", "her", "them", "me", "us"}  # the one spoken to ("told her"), never the speaker
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "which", "who", "that", "this", "these", "those",
             "something", "somebody", "someone", "anyone", "anybody", "everyone", "everybody", "nobody", "nothing",
             "everything"}


@dataclass
class QuoteInstance:
    source: str
    start: int
    end: int
    text: str
    speaker: str | None = None  # the words naming the speaker in this source
    speaker_start: int | None = None
    speaker_end: int | None = None
    entity: str | None = None  # merged entity id of the speaker
    inherited: bool = False  # the speaker was not named at this quote (a pronoun, or no frame)


@dataclass
class Quote:
    id: str
    text: str
    speaker: str | None
    entity: str | None
    role: str | None
    instances: list[QuoteInstance]
    sources: list[str]
    copies: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "text": self.text,
            "speaker": {"name": self.speaker, "entity": self.entity, "role": self.role} if self.speaker else None,
            "sources": self.sources, "independent_sources": len(self.sources), "copies": self.copies,
            "instances": [
                {"source": q.source, "start": q.start, "end": q.end, "speaker": q.speaker,
                 "speaker_span": ({"source": q.source, "start": q.speaker_start, "end": q.speaker_end}
                                  if q.speaker_start is not None else None)}
                for q in self.instances
            ],
        }


def find_quotes(parsed: Parsed, entities: EntityIndex, originals: dict[str, str]) -> list[Quote]:
    instances = [q for pd in parsed.documents for q in _document_quotes(pd, entities)]
    return _merge(instances, entities, originals)


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quoted text (marks excluded) in text[start:end]; an open quote closes at `end`, and a
    closing mark before any opening one closes a quote that runs from `start` (opened in an earlier line)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    marked = False  # a quotation mark seen in text[start:i]
    for i in range(start, end):
        ch = text[i]
        if opened is None:
            # A straight mark opens only before a word: one after a clause's end and before a space closes a
            # quotation opened in an earlier line ("... Wildlife Service.\nWe would probably not be seeing the
            # improvements," said Rick McGuire ...), or one the pairing lost to a quotation inside it.
            if ch == "“" or (ch == '"' and (i == start or not text[i - 1].isalnum())
                             and i + 1 < end and not text[i + 1].isspace()):
                opened = i + 1
            elif ch in _CLOSE and not marked and i > start and text[i - 1] in ".,!?":
                spans.append((start, i))  # the first mark of the line closes a quotation opened before it
        elif ch in _CLOSE or ch == "“":
            if ch == "“":  # a new opening inside an open quote: the earlier one was never closed
                opened = i + 1
                continue
            spans.append((opened, i))
            opened = None
        marked = marked or ch in _OPEN or ch in _CLOSE
    if opened is not None and end - opened > 0:
        spans.append((opened, end))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def _document_quotes(pd: ParsedDocument, entities: EntityIndex) -> list[QuoteInstance]:
    text = pd.text
    found: list[QuoteInstance] = []
    history: list[tuple[int, QuoteInstance]] = []  # (sentence number, instance) of attributed quotes
    lines: list[tuple[QuoteInstance, int, int]] = []  # every quote with its block's bounds
    sentences = list(pd.sentences())
    spans_by_block: dict[int, list[tuple[int, int]]] = {}
    for block, _sent in sentences:
        if block.offset not in spans_by_block:
            spans_by_block[block.offset] = quote_spans(text, block.offset, block.offset + len(block.doc.text))
    for number, (block, sent) in enumerate(sentences):
        s_start, s_end = block.span(sent.start_char, sent.end_char)
        quotes = spans_by_block[block.offset]
        for q_start, q_end in quotes:
            if not s_start - 1 <= q_start < s_end:  # each quote once, in the sentence where it opens
                continue
            words = text[q_start:q_end]
            if len(words.split()) < MIN_QUOTE_WORDS:
                continue
            instance = QuoteInstance(pd.id, q_start, q_end, words)
            # The frame: the sentences the quote runs through, the one where it ends first.
            frame = [(n, b, t) for n, (b, t) in enumerate(sentences)
                     if b is block and b.span(t.start_char, t.end_char)[0] <= q_end
                     and b.span(t.start_char, t.end_char)[1] > q_start]
            frame.sort(key=lambda item: -item[0])
            subject = None
            for _n, _b, frame_sent in frame:
                subject = _speaker(frame_sent, block.offset, quotes)
                if subject is not None:
                    break
            last = frame[0][0] if frame else number
            user = _user(sent, block.offset, q_start, q_end, quotes) if subject is None else None
            if _is_name(words) and not (subject is not None and words.rstrip(" '’\"”").endswith(("!", "?"))):
                # "The Big Lebowski", "Love Won Out Conference": a title, not words, even in a speaker's frame
                # ("According to LN, expect to hear ... “Listen To The Music,” “Black Water,” ..."); but what a
                # speaker exclaims is words ("‘Oh, God!’ one cop said").
                instance.inherited = True
            elif subject is not None and subject[3].lower_ not in _PRONOUNS:
                _attribute(instance, subject, entities)
            elif subject is not None and subject[3].head.dep_ == "relcl":
                # "a letter ... that reads, "...": a relative subject stands for the noun before it, not for
                # the previous quote's speaker; which noun, the parse does not say reliably ("a source close
                # to the command of Qods Force, who also said" hangs the clause on "Force"): nobody.
                instance.inherited = True
            elif subject is None and _describes_a_noun(sent, block.offset, q_start, q_end):
                # "Former royal PR aides called it not a car crash, but “an articulated lorry crash”
                # performance", "an "out of band" patch": a term the sentence uses of something it names, not
                # an earlier speaker's words (the aides' was given to Prince Andrew, quoted before).
                instance.inherited = True
            elif user is not None:
                # "Salon ... confirmed that they possess "files ..."": the quote is inside the words of the
                # sentence's named subject, so it is no earlier speaker's; a subject that is no name is
                # left unnamed ("The conference promised to "help ..."").
                instance.inherited = True
                if user[3].pos_ == "PROPN":
                    _attribute(instance, user, entities)
            else:
                instance.inherited = True
                reported = _reported_just_before(number, sentences) if subject is not None else None
                if reported is not None:
                    _attribute(instance, reported, entities)
                else:
                    _inherit(instance, number, history, sentences, pd, entities, spans_by_block)
            if instance.speaker:
                history.append((last, instance))
            found.append(instance)
            lines.append((instance, block.offset, block.offset + len(block.doc.text)))
    _run_on(lines, text)
    _unlink_shared_surnames(found, text)
    return found


# Relatives who usually share a person's surname ("Wilhelm's widow, Candee").
_RELATIVES = ("widow", "widower", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
              "parents")


def _unlink_shared_surnames(found: list[QuoteInstance], text: str) -> None:
    """A speaker named by a bare surname just after the text has named a relative by it ("Wilhelm's widow,
    Candee, took aim ..." / "...," said Wilhelm) may be either person: it is not linked to the one merged
    person the surname would join (the slain agent David Wilhelm). A relative named paragraphs earlier
    ("Hansbrough's father, Gene, made his surprise arrival", 4,000 characters before the player's "he said")
    has left the story by then."""
    for q in found:
        if q.speaker is None or q.entity is None or q.speaker_start is None or " " in q.speaker.strip():
            continue
        relative = rf"\b{re.escape(q.speaker.strip())}['’]s\s+(?:{'|'.join(_RELATIVES)})\b"
        if re.search(relative, text[max(0, q.speaker_start - RELATIVE_WINDOW_CHARS) : q.speaker_start]):
            q.entity = None


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s - 1 <= position < e + 1 for s, e in spans)


def _speaker(sent, offset: int, quotes: list[tuple[int, int]]) -> tuple | None:
    """The phrase naming who speaks, from speech verbs outside the quote marks; a relative subject only when
    no other verb has one ("The UN, which said the school was clearly marked, said it was "...".")."""
    relative = according = None
    for token in sent:
        if _inside(offset + token.idx, quotes) or token.lower_ not in SPEECH_VERBS:
            continue
        if token.lower_ == "according":
            # Who vouches for the report, unless the sentence names who spoke ("According to AFP, one user on
            # Weibo ... posted: "..."": the user's words, by AFP's account).
            objects = [t for child in token.children if child.dep_ == "prep" for t in child.children
                       if t.dep_ == "pobj"]
            if objects and according is None:
                according = _phrase(objects[0], offset, quotes)
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and token.dep_ in ("conj", "xcomp", "advcl") and token.head.pos_ in ("VERB", "AUX"):
            subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and token.i < sent.end - 1:  # "reads a statement released by ..."; not "told her"
            subjects = [c for c in token.children if c.dep_ in ("dobj", "attr")
                        and c.lower_ not in _PRONOUNS and c.lower_ not in _OBJECT_PRONOUNS]
        subjects = [s for s in subjects if not _inside(offset + s.idx, quotes)]
        if subjects and token.dep_ == "relcl" and subjects[0].lower_ in _PRONOUNS:
            relative = relative or _phrase(subjects[0], offset, quotes)
        elif subjects and according is not None and subjects[0].lower_ in _PRONOUNS:
            continue  # "According to USGS analyst Dale Grant, ... "...", he noted.": he is the one named
        elif subjects:
            return _phrase(subjects[0], offset, quotes)
    return according or relative


_CLAUSE_DEPS = ("acl", "advcl", "relcl", "punct")


def _phrase(head, offset: int, quotes: list[tuple[int, int]]) -> tuple:
    """The subject phrase: the head and its modifiers, without clauses hung on it or quoted words."""
    # "De Mistura, speaking to reporters ..." loses its clause; "a statement issued by X" keeps it.
    dropped = {t.i for child in head.children
               if child.dep_ in ("advcl", "relcl") or (child.dep_ == "acl" and child.tag_ != "VBN")
               for t in child.subtree}
    tokens = [t for t in head.subtree if t.i not in dropped and not _inside(offset + t.idx, quotes)]
    if any(abs(t.i - head.i) > MAX_PHRASE_TOKENS for t in tokens):
        # "Anna Pavlidou, manager of a central Athens mobile phone store that has been repeatedly attacked":
        # a long phrase loses the relative clauses inside it rather than being cut mid-clause.
        inner = {u.i for t in tokens if t.dep_ == "relcl" for u in t.subtree}
        tokens = [t for t in tokens if t.i not in inner]
    tokens = [t for t in tokens if abs(t.i - head.i) <= MAX_PHRASE_TOKENS]
    while len(tokens) > 1 and (tokens[0].pos_ in ("DET", "PUNCT") or tokens[0].dep_ == "det"):
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1].pos_ in ("PUNCT", "ADP", "CCONJ", "DET"):
        tokens = tokens[:-1]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    head = _named(head)
    return head.doc.text[start:end], offset + start, offset + end, head, offset + head.idx


def _named(head):
    """The person a common-noun subject names in apposition ("Haiti's justice minister, Paul Denis, stated"):
    the speaker is that person, so the name is the phrase's head."""
    if head.pos_ != "NOUN":
        return head
    return next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"),
                head)


def _in_clause(token):
    """The word that stands in the clause for a phrase's head: the noun a name is in apposition to."""
    return token.head if token.dep_ == "appos" else token


def _attribute(instance: QuoteInstance, subject: tuple, entities: EntityIndex) -> None:
    """Record the speaker phrase; link it to the person or body it names, its head first."""
    words, start, end, head, head_start = subject
    instance.speaker, instance.speaker_start, instance.speaker_end = words, start, end
    entity = None
    if head.pos_ == "PROPN":
        entity = entities.around(instance.source, head_start, head_start + len(head.text),
                                 ("person", "organisation"))
    if entity is None and head.pos_ == "PROPN":
        entity = entities.person_by_name(head.text)
    if entity is None:
        entity = entities.at(instance.source, start, end, ("person",))
    if entity is None and head.pos_ == "NOUN":  # "the UN envoy": a role the text gave one person
        entity = entities.person_by_role(words)
    if entity is None:
        entity = entities.at(instance.source, start, end, ("organisation",))
    if entity is not None:
        instance.entity = entity.id


def _inherit(instance: QuoteInstance, number: int, history: list[tuple[int, QuoteInstance]],
             sentences: list, pd: ParsedDocument, entities: EntityIndex,
             spans_by_block: dict[int, list[tuple[int, int]]]) -> None:
    """A pronoun or no frame: the subject of a sentence that introduces the quote with a colon, else the
    previous quote's speaker, else the person subject of a recent sentence. `spans_by_block`: each block's
    quote spans, by the block's offset."""
    introduced = _introduced_by(instance, number, sentences, pd.text)
    if introduced is not None:
        _attribute(instance, introduced, entities)
        return
    colon = _colon_before(instance, number, sentences, pd.text)
    if colon is not None and _cites(colon[1]):
        return  # the words of the people cited, who are not named here
    if history and number - history[-1][0] <= LOOKBACK_SENTENCES:
        previous = history[-1][1]
        between = range(number - 1, history[-1][0], -1)
        other = next(((k, r) for k in between if (r := _reporter(sentences[k], previous, spans_by_block))), None)
        if other is not None:
            # Someone else's words were reported since the previous quote ("But Mr Peres retorted that
            # ..."): the quote is not the previous speaker's; it is the reporter's when they were reported
            # in the sentence right before it, else nobody's.
            if other[0] == number - 1 and other[1][3].ent_type_ == "PERSON":
                _attribute(instance, other[1], entities)
            return
        instance.speaker, instance.entity = previous.speaker, previous.entity
        instance.speaker_start, instance.speaker_end = previous.speaker_start, previous.speaker_end
        return
    for back in range(number - 1, max(number - 1 - LOOKBACK_SENTENCES, -1), -1):
        block, sent = sentences[back]
        for token in sent:
            if token.dep_ == "nsubj" and token.ent_type_ == "PERSON":
                start, end = block.span(token.idx, token.idx + len(token.text))
                _attribute(instance, (token.text, start, end, token, start), entities)
                return


def _reporter(item: tuple, previous: QuoteInstance, spans_by_block: dict[int, list[tuple[int, int]]]
              ) -> tuple | None:
    """A named subject, other than the previous quote's speaker, of a sentence that reports words outside
    quote marks: a speech verb's, or a verb's with a clause for its object ("But Mr Peres retorted that
    Israel was fighting other wars"). Not a passive one's ("Israel's Government had been warned that ...":
    the one spoken to)."""
    block, sent = item
    quotes = spans_by_block[block.offset]
    subject = _speaker(sent, block.offset, quotes)
    if subject is None:
        # The main clause's verb, not one inside the reported words ("suggested Israel knew it was ...").
        verbs_ = [t for t in sent if t.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in t.children)
                  and (t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT"))
                  and not _inside(block.offset + t.idx, quotes)]
        subjects = [c for v in verbs_ for c in (v.head if v.dep_ == "conj" else v).children if c.dep_ == "nsubj"]
        subject = _phrase(subjects[0], block.offset, quotes) if subjects else None
    if (subject is None or subject[3].lower_ in _PRONOUNS or subject[3].pos_ != "PROPN"
            or _in_clause(subject[3]).dep_ != "nsubj"):
        return None
    if previous.speaker and subject[3].text in previous.speaker:
        return None
    return subject


# Short words that a title or a name in quote marks leaves in lower case ("Love Won Out Conference", "The
# Big Lebowski", "Torch of Joining UN"): the quotes of TAC 2011 English and every fourth ECB+ cluster.
_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"}


def _is_name(words: str) -> bool:
    """A quotation whose every word but the short ones is capitalised names a title, an event or a slogan."""
    tokens = re.findall(r"[^\W\d_][\w'’-]*", words)
    content = [t for t in tokens if t.lower() not in _TITLE_SMALL_WORDS]
    return bool(content) and tokens[0][0].isupper() and all(t[0].isupper() for t in content)


def _describes_a_noun(sent, offset: int, q_start: int, q_end: int) -> bool:
    """The quotation is a term modifying a noun outside it ("an "out of band" patch"): its words hang, as an
    adjective, a compound or a noun modifier, on that noun, and hold no finite verb (a clause is someone's
    words even there: "only offering a "I am at peace" phrase as his closing statement")."""
    inside = [t for t in sent if q_start <= offset + t.idx < q_end]
    roots = [t for t in inside if not q_start <= offset + t.head.idx < q_end or t.head.i == t.i]
    words = [t for t in roots if t.pos_ != "PUNCT"]
    return (any(t.dep_ in _MODIFIER_DEPS for t in words) and not any(t.tag_ in _FINITE_TAGS for t in inside)
            and all(t.dep_ in (*_MODIFIER_DEPS, "det") and t.head.pos_ in ("NOUN", "PROPN") for t in words))


_MODIFIER_DEPS = ("amod", "compound", "nmod")
_FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})


def _user(sent, offset: int, q_start: int, q_end: int, quotes: list[tuple[int, int]]) -> tuple | None:
    """The named subject of the clause a quote without a speech frame is part of ("Salon ... confirmed that
    they possess "files ..."", "Tony Blair calls the situation "unjustified and wrong.""), up the parse
    through objects and complements."""
    inside = [t for t in sent if q_start <= offset + t.idx < q_end]
    roots = [t for t in inside if not q_start <= offset + t.head.idx < q_end or t.head.i == t.i]
    if not roots or roots[0].head.i == roots[0].i:
        return None
    token = roots[0]
    while token.head.i != token.i:
        # Not through a clause or a modifier that only describes a noun ("an "out of band" patch").
        if token.dep_ in ("relcl", "acl", "advcl", "appos", "parataxis", "amod", "compound", "nmod"):
            return None
        # "..., and that "they're delicate discussions"": a conjunct's head has the other clause's subject.
        sibling = token.dep_ == "conj"
        token = token.head
        if token.pos_ in ("VERB", "AUX") and not sibling:
            subjects = [c for c in token.children if c.dep_ == "nsubj" and not _inside(offset + c.idx, quotes)]
            if not subjects and token.dep_ == "conj":
                subjects = [c for c in token.head.children if c.dep_ == "nsubj"
                            and not _inside(offset + c.idx, quotes)]
            if subjects:
                outer = _reporting_subject(token, offset, quotes)
                if outer is not None:
                    return outer
                if subjects[0].lower_ in _PRONOUNS:
                    return None
                return _phrase(subjects[0], offset, quotes)
    return None


def _reporting_subject(verb, offset: int, quotes: list[tuple[int, int]]) -> tuple | None:
    """When the clause holding a quote is what another verb reports or decides ("a judge ruled that Assange
    should remain in jail because of his "history of absconding"", "Staff reported the children were "in a
    very bad emotional state""), the words are that verb's subject's: its subject, if it names one (not a
    pronoun)."""
    while verb.dep_ == "ccomp" and verb.head.i != verb.i:
        verb = verb.head
        if verb.lower_ not in _REPORTING_FORMS:
            return None
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and not _inside(offset + c.idx, quotes)]
        if subjects:
            return None if subjects[0].lower_ in _PRONOUNS else _phrase(subjects[0], offset, quotes)
    return None


def _run_on(lines: list[tuple[QuoteInstance, int, int]], text: str) -> None:
    """A quotation left open at the end of its line or paragraph runs on to the quote that opens the next
    line with quote marks (news style; in text laid out one sentence per line, each sentence of a long
    quotation is a line): its parts are one speaker's words. The parts take the speaker named at one of
    them ("I'm tired of coming to the shop every night ..." / ... / "You think it's going to calm down and
    then it starts again." said Anna Pavlidou, where the first line had been given to the subject of an
    earlier sentence), else a part with no speaker takes the first part's."""
    runs: list[list[QuoteInstance]] = []
    for n, (instance, start, _end) in enumerate(lines):
        if n and _continues(lines[n - 1], instance, start, text):
            runs[-1].append(instance)
        else:
            runs.append([instance])
    for run in runs:
        named = [q for q in run if q.speaker and not q.inherited]
        if len({(q.speaker, q.entity) for q in named}) > 1:
            continue
        source = named[0] if named else next((q for q in run if q.speaker), None)
        for q in run:
            if source is not None and q.inherited and (named or not q.speaker):
                q.speaker, q.entity = source.speaker, source.entity
                q.speaker_start, q.speaker_end = source.speaker_start, source.speaker_end


def _continues(previous: tuple[QuoteInstance, int, int], instance: QuoteInstance, start: int, text: str) -> bool:
    """Whether `instance`, in the line that begins at `start`, goes on with the quotation `previous` left
    open: nothing but its opening mark before it in its line, and no quote mark in the lines between."""
    before, _start, before_end = previous
    if text[before.end : before_end].strip(" ,;\n"):  # closed in its own line
        return False
    if text[start : instance.start].strip(" \n" + _OPEN):
        return False
    return not any(ch in _OPEN + _CLOSE for ch in text[before_end:start])


def _reported_just_before(number: int, sentences: list) -> tuple | None:
    """For a quote whose speaker is a pronoun ("..., he said."): the person whose words the sentence just
    before reports, with no quote of its own ("However, Hartog said there will be no move to constrain
    Nvidia's supply." / "Nvidia will continue to be AMD's partner," he said.); the "he" is that person, not
    the speaker of an earlier quote."""
    if number < 1:
        return None
    block, sent = sentences[number - 1]
    if any(ch in sent.text for ch in '"“”'):
        return None
    subject = _speaker(sent, block.offset, [])
    if subject is None:
        # ... or whose deed it tells: the "he" of the next sentence's quote is its subject, the person the
        # story is on ("Simmons teed up McDonald's cameo." / "“You might remember him from ...,” he said.").
        doer = next((t for t in sent if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        if doer is None or doer.pos_ != "PROPN":
            return None
        subject = _phrase(doer, block.offset, [])
    if subject[3].ent_type_ != "PERSON" or _in_clause(subject[3]).head.dep_ != "ROOT":
        return None
    return subject


def _introduced_by(instance: QuoteInstance, number: int, sentences: list, text: str) -> tuple | None:
    """The named subject of the sentence before the quote, when it ends in a colon right before the quote
    opens ("Mr Gunness denied militants were at the school:" / "We are 99.9 per cent sure ..."): the quote
    is that subject's, not the previous quote's speaker's."""
    colon = _colon_before(instance, number, sentences, text)
    if colon is None or _cites(colon[1]):
        return None
    block, sent = colon
    subject = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    if subject is None or subject.lower_ in _PRONOUNS or _named(subject).pos_ != "PROPN":
        return None
    return _phrase(subject, block.offset, [])


def _colon_before(instance: QuoteInstance, number: int, sentences: list, text: str) -> tuple | None:
    """The sentence that ends in a colon right before the quote opens, as (block, sentence)."""
    for back in (number, number - 1):  # the quote may open in the sentence after the colon, or in its own
        if back < 0:
            continue
        block, sent = sentences[back]
        start, end = block.span(sent.start_char, sent.end_char)
        if (end <= instance.start and text[start:end].rstrip().endswith(":")
                and not text[end : instance.start].strip(" \n\"“")):
            return block, sent
    return None


def _cites(sent) -> bool:
    """Whether the sentence's main verb introduces other people's words ("Ms North also quotes a number of
    other survivors:")."""
    return any(t.dep_ == "ROOT" and t.lower_ in CITING_VERBS for t in sent)


def _normal(text: str) -> str:
    text = re.sub(r"\[[^\]]*\]", " ", anyascii(text).lower())
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _same(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    words = short.split()
    if len(words) < MIN_QUOTE_WORDS:
        return False
    if f" {short} " in f" {long} ":  # equal, or a truncation
        return True
    if len(words) < EXACT_BELOW_WORDS:
        return False
    # Two cuts of one statement, one ending where the other starts ("... Tour, as it's a celebration of the
    # band's entire history" / "as it's a celebration of the band's entire history. We'll be performing ...").
    if _overlap_at_ends(a.split(), b.split()) >= OVERLAP_WORDS:
        return True
    long_words = long.split()
    pairs = set(pairwise(words))
    shared = len(pairs & set(pairwise(long_words))) / len(pairs)
    return shared >= SAME_QUOTE_SHARE


def _overlap_at_ends(a: list[str], b: list[str]) -> int:
    """The most words with which one word list ends and the other begins."""
    best = 0
    for first, second in ((a, b), (b, a)):
        if not second:
            continue
        # Only where the second's first word stands in the first can an overlap start: one pass, not every size.
        for start in (i for i, word in enumerate(first) if word == second[0]):
            size = len(first) - start
            if size > best and first[start:] == second[:size]:
                best = size
                break  # the earliest start is the longest overlap
    return best


def _merge(instances: list, entities: EntityIndex, originals: dict[str, str]) -> list[Quote]:
    from newsfuse.analyse.groups import DisjointSet

    normal = [_normal(q.text) for q in instances]
    same = DisjointSet(range(len(instances)))
    long = [i for i, text in enumerate(normal) if len(text.split()) >= EXACT_BELOW_WORDS]
    short = [i for i, text in enumerate(normal) if len(text.split()) < EXACT_BELOW_WORDS]
    for a, i in enumerate(long):
        for j in long[a + 1 :]:
            if _same(normal[i], normal[j]):
                same.merge(i, j)
    # A short quote joins the one statement it is cut from; a phrase found in several statements
    # ("cessation of hostilities") is a stock term and joins none, so it cannot chain them together.
    stock: set[int] = set()
    attached: set[int] = set()
    for i in short:
        homes = {same[j] for j in long if _same(normal[i], normal[j])}
        if len(homes) == 1:
            same.merge(i, homes.pop())
            attached.add(i)
        elif homes:
            stock.add(i)
    instances = [q if i not in stock else None for i, q in enumerate(instances)]
    loose = [i for i in short if i not in attached]  # short quotes of no longer statement: equal text joins
    for a, i in enumerate(loose):
        for j in loose[a + 1 :]:
            if normal[i] == normal[j]:
                same.merge(i, j)
    groups: dict[int, list[QuoteInstance]] = {}
    for i, q in enumerate(instances):
        if q is not None:
            groups.setdefault(same[i], []).append(q)
    by_id = {e.id: e for e in entities.entities}
    quotes: list[Quote] = []
    for members in groups.values():
        members.sort(key=lambda q: (q.source, q.start))
        attributed = [q for q in members if q.speaker]
        longest = max(len(q.text.split()) for q in members)
        if not attributed and longest < MIN_UNATTRIBUTED_WORDS:
            continue
        speaker = entity_id = role = None
        linked = Counter(q.entity for q in attributed if q.entity)
        if linked:
            entity_id = linked.most_common(1)[0][0]
            entity = by_id[entity_id]
            speaker, role = entity.name, (entity.roles[0] if entity.roles else None)
        elif attributed:
            speaker = Counter(q.speaker for q in attributed).most_common(1)[0][0]
        sources = sorted({originals.get(q.source, q.source) for q in members})
        copies = sorted({q.source for q in members} - set(sources))
        # The most complete version, in the wording most outlets print (not one outlet's "!").
        wording = Counter(q.text for q in members)
        text = max(members, key=lambda q: (len(q.text.split()), wording[q.text], -members.index(q))).text
        quotes.append(Quote("", text, speaker, entity_id, role, members, sources, copies))
    quotes.sort(key=lambda q: (-len(q.sources), q.instances[0].source, q.instances[0].start))
    for number, quote in enumerate(quotes, 1):
        quote.id = f"Q{number}"
    return quotes
