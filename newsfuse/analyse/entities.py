"""People, organisations and places, merged across surface forms, spellings and sources.

Mentions come from spaCy's entity recogniser over bodies, headlines and photo captions, plus one rule
the recogniser misses: a capitalised name compounded with a facility noun ("Hmeimim air base") is a
place. Mentions are trimmed of articles, titles and possessives, grouped by normalised form, then
merged by `names.same_name` (spelling and transliteration variants, acronyms) and by tail containment
("Putin" joins "Vladimir Putin" when exactly one merged person ends that way). A person's role is read
from the words the text puts before the name or in apposition to it ("Russian President Vladimir
Putin", "Salim al-Muslat, spokesman for ...").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsfuse.analyse.nlp import Parsed, ParsedBlock
from newsfuse.clean.masthead import WIRE_DATELINE
from newsfuse.reporting import ASKING, SPEECH, STANCE, WRITING, forms
from newsfuse.segment import names
from newsfuse.segment.sentences import PERSONAL_TITLES
from newsfuse.segment.tokens import stem

TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
# Nouns naming a facility: a proper name compounded with one is a place ("Hmeimim air base").
FACILITY_NOUNS = frozenset({"base", "airbase", "airport", "airfield", "port", "harbour", "harbor", "camp",
                            "prison", "dam", "plant", "refinery", "crossing"})
MAX_ROLE_TOKENS = 12
_ROLE_STOP_DEPS = {"det", "punct", "cc", "conj", "preconj", "appos"}
_SKIP_LEADING_DEPS = {"det", "punct", "cc", "prep", "case"}


@dataclass
class Mention:
    source: str
    start: int
    end: int
    text: str
    label: str  # spaCy label (PERSON, ORG, GPE, ...), or FAC for the facility rule
    role: str | None = None  # "Russian President", "spokesman for the rebel High Negotiations Committee"


@dataclass
class Entity:
    id: str
    name: str
    type: str  # person | organisation | place
    aliases: list[str]
    roles: list[str]
    mentions: list[Mention]
    sources: list[str]  # independent sources (copies collapsed)
    copies: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "type": self.type, "aliases": self.aliases, "roles": self.roles,
            "sources": self.sources, "independent_sources": len(self.sources), "copies": self.copies,
            "mentions": [{"source": m.source, "start": m.start, "end": m.end} for m in self.mentions],
        }


class EntityIndex:
    """Merged entities, and which entity a span of a source names."""

    def __init__(self, entities: list[Entity]):
        self.entities = entities
        self._spans: dict[str, list[tuple[int, int, Entity]]] = {}
        for entity in entities:
            for m in entity.mentions:
                self._spans.setdefault(m.source, []).append((m.start, m.end, entity))

    def at(self, source: str, start: int, end: int, types: tuple[str, ...] = ()) -> Entity | None:
        """The first entity (of `types`, if given) with a mention inside [start, end)."""
        inside = sorted((s, entity) for s, e, entity in self._spans.get(source, ())
                        if s >= start and e <= end and (not types or entity.type in types))
        return inside[0][1] if inside else None

    def around(self, source: str, start: int, end: int, types: tuple[str, ...] = ()) -> Entity | None:
        """The entity with a mention covering [start, end)."""
        for s, e, entity in self._spans.get(source, ()):
            if s <= start and end <= e and (not types or entity.type in types):
                return entity
        return None

    def person_by_name(self, text: str) -> Entity | None:
        """The one person whose name is `text` or ends with it ("Muslat"), when exactly one does."""
        wanted = names.tokens(text)
        found = {e.id: e for e in self.entities if e.type == "person" for alias in e.aliases
                 if names.tokens(alias) == wanted or names.ends_with(wanted, names.tokens(alias))}
        return next(iter(found.values())) if len(found) == 1 else None

    def person_by_role(self, text: str) -> Entity | None:
        """The one person given a role containing every word of `text` ("the UN envoy"). When several are,
        the one whose role is that title itself, with at most a qualifier before it ("The president said" in a
        story of "US President" Donald Trump, a "vice president of the Trade Partnership" and a "president of
        the Federal Reserve Bank of New York")."""
        wanted = set(names.tokens(text))
        if not wanted:
            return None
        found = {e.id: e for e in self.entities if e.type == "person" for role in e.roles
                 if wanted <= _role_words(role)}
        if len(found) > 1:
            found = {e.id: e for e in found.values() for role in e.roles if _is_the_title(role, wanted)}
        return next(iter(found.values())) if len(found) == 1 else None


# Words that make a role another office than its head noun: a vice president is no president.
_OTHER_OFFICE = frozenset(("vice", "deputy", "former", "acting", "assistant", "associate", "ex", "interim"))


def _is_the_title(role: str, wanted: set[str]) -> bool:
    """`role` is the title `wanted` names ("president"), at most qualified before it ("US President"), not an
    office of something ("president of the American Farm Bureau") nor another office ("vice president")."""
    words = names.tokens(role)
    return (bool(words) and words[-1] in wanted and wanted <= set(words) and "of" not in words
            and not _OTHER_OFFICE & set(words) and len(words) - len(wanted) <= 1)


def find_entities(parsed: Parsed, originals: dict[str, str]) -> EntityIndex:
    """`originals` maps every document id to the id of the source it counts as (itself or its original)."""
    # Headlines are left out: title case misleads the recogniser ("Putin Orders Russian Military").
    mentions = []
    # A role's first word is lowered when any source writes it in lowercase (`_role`).
    written_lowercase = frozenset().union(*(_lowercase_words(pd.text) for pd in parsed.documents))
    for pd in parsed.documents:
        lowercase = _lowercase_words(pd.text)
        mentions += [m for block in pd.blocks if block.role != "title"
                     for m in _block_mentions(pd.id, block, lowercase, written_lowercase)]
    return EntityIndex(_merge(mentions, originals))


def _lowercase_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z]+\b", text))


def _block_mentions(source: str, block: ParsedBlock, lowercase: frozenset[str],
                    written_lowercase: frozenset[str] = frozenset()) -> list[Mention]:
    doc = block.doc
    found: list[Mention] = []
    taken: set[int] = set()
    for ent in doc.ents:
        label = ent.label_
        if label == "NORP" and _is_facility_name(ent.root):
            label = "FAC"
        if label not in TYPES:
            continue
        tokens = _trim(list(ent))
        if not tokens or not any(c.isupper() for t in tokens for c in t.text):
            continue  # a name has a capital ("iPhone" too): "meth" tagged as a person is a common word
        if len(tokens) == 1 and tokens[0].is_sent_start and _common_word(tokens[0].lower_, lowercase):
            continue  # "Lorry driver Tomas Hale": a capitalised common word, not a name
        if _in_dateline(ent):
            label = DATELINE
        elif label == "PERSON" and _located_at(ent):
            label = "GPE"
        elif label in ("GPE", "LOC") and _speaks(ent):
            # "Claure said in the email", "Fauzi ... said": someone speaking, no place. A capital standing for
            # its government ("Moscow said") is named as a place elsewhere too, and its mentions' majority stays.
            label = "PERSON"
        taken.update(t.i for t in ent)
        role = _role(ent, tokens, written_lowercase) if label in ("PERSON", "ORG") else None
        if role and "|" in role:
            role = None  # a table's cells run together ("| DL |"), not a title
        found.append(_mention(source, block, tokens, label, role))
    for token in doc:  # names the recogniser missed, when a facility noun marks them as places
        if token.i not in taken and token.pos_ == "PROPN" and _is_facility_name(token):
            found.append(_mention(source, block, [token], "FAC", None))
    return found


def _mention(source: str, block: ParsedBlock, tokens: list, label: str, role: str | None) -> Mention:
    start, end = block.span(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    return Mention(source, start, end, block.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)],
                   label, role)


def _common_word(word: str, lowercase: frozenset[str]) -> bool:
    """The article also writes the word in lowercase (or its plural): "Lorry" beside "lorries"."""
    forms = {word, word + "s", word + "es", word[:-1] + "ies" if word.endswith("y") else word}
    return bool(forms & lowercase)


# Prepositions that place what follows: a "person" after them is a place the recogniser did not know
# ("strike at Varnholm", "ships waiting outside Aldersund"). Not "to" or "from": letters go to people.
_LOCATING = frozenset(("in", "at", "near", "outside", "inside", "into", "across", "throughout", "around"))


# ... and "to" after a verb of motion ("divert vessels to Aldersund", "fled to Latakia").
_MOTION = frozenset(stem(w) for w in (
    "divert", "send", "sail", "fly", "travel", "move", "head", "go", "return", "flee", "deploy", "ship",
    "redirect", "evacuate", "relocate", "drive", "march", "transfer"))


# A wire dateline opening the sentence ("SIOUX FALLS, S.D. – People across the nation ...", "MOSCOW (Reuters) -"):
# the name in it is where the report was filed, a place, whatever the model reads ("Sioux Falls" as a person),
# and a name read there once is a place in the whole story (its own label: `_group`).
DATELINE = "DATELINE"


def _in_dateline(ent) -> bool:
    """The name lies in the place of a dateline opening its sentence (not in the agency after it: "(AP)")."""
    sentence = ent.sent
    match = WIRE_DATELINE.match(sentence.text)
    return bool(match) and ent.end_char - sentence.start_char <= match.end("place")


def _speaks(ent) -> bool:
    """The name, one word, is the subject of a reporting verb: someone speaking, not a place (a longer name
    before "said" may end a phrase the parse cut: "... at the University of California, Santa Cruz said")."""
    root = ent.root
    return len(ent) == 1 and root.dep_ == "nsubj" and root.head.lower_ in _SAYING_FORMS


_SAYING_FORMS = forms(SPEECH, STANCE, ASKING, WRITING)


def _located_at(ent) -> bool:
    root = ent.root
    if len(ent) != 1 or root.dep_ != "pobj" or any(c.dep_ == "case" for c in root.children):
        return False
    preposition = root.head
    if preposition.lower_ in _LOCATING:
        return True
    return preposition.lower_ == "to" and preposition.head.pos_ == "VERB" and stem(
        preposition.head.lower_) in _MOTION


def _is_facility_name(token) -> bool:
    return (token.dep_ == "compound" and token.text[:1].isupper()
            and token.head.pos_ == "NOUN" and token.head.text.lower() in FACILITY_NOUNS)


def _trim(tokens: list) -> list:
    """Drop leading articles, titles and non-names ("First Putin"), and a trailing possessive. A title alone
    ("Lt.", "Sgt.": the tokenizer keeps a title's full stop) names nobody."""
    while tokens and (tokens[0].dep_ in _SKIP_LEADING_DEPS or tokens[0].pos_ not in ("PROPN", "NOUN", "NUM")
                      or (len(tokens) > 1 and _is_title(tokens[0].text))):
        tokens = tokens[1:]
    if len(tokens) == 1 and tokens[0].text.endswith(".") and _is_title(tokens[0].text):
        return []
    while tokens and (tokens[-1].dep_ == "case" or tokens[-1].pos_ == "PUNCT"):
        tokens = tokens[:-1]
    cut = next((i for i, t in enumerate(tokens) if t.text in "()[]"), None)
    return tokens[:cut] if cut else tokens  # "VARNHOLM (Nordwire": a dateline, not one name


# A person's titles, with their full stop ("Sgt.", "Msgr."); not "Ft." and "Mt.", which begin places.
_TITLE_ABBREVIATIONS = frozenset(title.lower() for title in PERSONAL_TITLES)


def _is_title(word: str) -> bool:
    word = word.lower()
    return bool(names._TITLES.match(word)) or (word.endswith(".") and word[:-1] in _TITLE_ABBREVIATIONS)


_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs", "sir", "dame", "mme", "mlle"})


def _role(ent, tokens: list, lowercase: frozenset[str] = frozenset()) -> str | None:
    """The role the text gives a person: title words before the name, or a noun phrase in apposition.
    `lowercase`: the words the story's sources write in lowercase (`_lowercase_words`)."""
    doc, root = ent.doc, ent.root
    subtree = {t.i for t in root.subtree}
    i = tokens[0].i - 1
    left = []
    while (i >= ent.sent.start and i in subtree and len(left) < 6 and doc[i].ent_type_ != "PERSON"
           and doc[i].dep_ not in _ROLE_STOP_DEPS and doc[i].pos_ not in ("DET", "PRON", "CCONJ")):
        left.insert(0, doc[i])
        i -= 1
    while left and left[0].dep_ == "case":
        left = left[1:]
    # A courtesy title addresses a person, it gives no role ("Mr Assange": the role was "Mr").
    while left and left[-1].lower_.rstrip(".") in _COURTESY_TITLES:
        left = left[:-1]
    if left and left[-1].ent_type_ == "" and left[-1].pos_ in ("NOUN", "PROPN"):
        start = left[0].i
        # A word joined by hyphens is one word ("co-founder", "pin-up icon"), not the part after the hyphen.
        while start - 2 >= ent.sent.start and doc[start - 1].text == "-" and doc[start - 2].is_alpha:
            start -= 2
        role = doc[start : left[-1].i + 1].text
        # A sentence's first word is capitalised by its place: "Chief executive Joran Pekk said" gives the
        # role "chief executive", as "the union's general secretary" gives "general secretary", when a
        # source writes the word in lowercase too. A name ("Kremlin spokesman", "Angels spokesman",
        # "Brazilian president") and a role in title case ("Chief Executive", "President") are left as written.
        first = doc[start]
        if (start == ent.sent.start and first.pos_ != "PROPN" and not first.ent_type_ and first.text[1:].islower()
                and _common_word(first.lower_, lowercase) and any(w[:1].islower() for w in role.split()[1:])):
            role = role[0].lower() + role[1:]
        return role
    for child in root.children:  # "Salim al-Muslat, spokesman for ..."
        # In brackets after a name stands an injury, an age or a party ("Malcolm Jenkins (knee)"), not a role.
        if child.dep_ == "appos" and child.pos_ == "NOUN" and doc[child.left_edge.i - 1].text != "(":
            return _phrase(child, exclude=set())
    if root.dep_ == "appos":  # "The UN special envoy for Syria, Staffan ..." (the parser may hang it on "Syria")
        head = root.head
        while head.dep_ in ("pobj", "prep") and head.head is not head:
            head = head.head
        if head.pos_ == "NOUN":
            return _phrase(head, exclude=subtree)
    return None


def _phrase(head, exclude: set[int]) -> str | None:
    ids = sorted(t.i for t in head.subtree if t.i not in exclude)
    if not ids or head.doc[ids[0]].pos_ == "PRON":  # "its leader": a relation, not a role
        return None
    if any(head.doc[i].like_num for i in ids):  # "200 km to the south": a measure, not a title
        return None
    doc = head.doc
    # keep the contiguous run around the head, without a leading article or trailing punctuation
    start = end = head.i
    while start - 1 in ids and doc[start - 1].text != ",":
        start -= 1
    while end + 1 in ids and doc[end + 1].text != "," and end - start < MAX_ROLE_TOKENS:
        end += 1
    # Nor a subordinator the parser hangs on the phrase ("is whether WeWork's founder and former CEO, Adam
    # Neumann, indulged ...": "whether" marks the clause, not the role).
    while start < end and doc[start].dep_ in ("det", "punct", "mark", "cc"):
        start += 1
    while end > start and (doc[end].dep_ in ("punct", "cc", "det") or doc[end].pos_ == "ADP"):
        end -= 1
    return doc[start : end + 1].text


def _role_words(role: str) -> set[str]:
    """The role's words, plus the acronyms of its runs of two to four words ("un" for "United Nations")."""
    words = names.tokens(role)
    runs = {"".join(w[0] for w in words[i : i + n]) for n in (2, 3, 4) for i in range(len(words) - n + 1)}
    return set(words) | runs


def _role_key(role: str) -> str:
    return names.anyascii(role).lower().replace("'", "")


def _group(labels: Counter) -> str:
    if labels[DATELINE]:  # where a report was filed is a place, whatever else the model read
        return "place"
    person = labels["PERSON"]
    place = labels["GPE"] + labels["LOC"] + labels["FAC"]
    org = labels["ORG"]
    if person and person >= place + org:
        return "person"
    # The recogniser often tags a named place as an organisation; one place reading in three decides.
    return "place" if place * 3 >= org else "organisation"


def _merge(mentions: list[Mention], originals: dict[str, str]) -> list[Entity]:
    forms: dict[str, list[Mention]] = {}
    for m in mentions:
        k = names.key(m.text)
        if k:
            forms.setdefault(k, []).append(m)
    keys = list(forms)
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    group = {k: _group(Counter(m.label for m in forms[k])) for k in keys}
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            compatible = group[a] == group[b] or "person" not in (group[a], group[b])
            if compatible and names.same_name(a, b):
                parent[find(a)] = find(b)
    # A short person name joins the one merged person whose full name ends with it; when there is none, a full
    # name the model read as an organisation counts when it is a first name and a surname ("Eva-Marie
    # Persson" beside "Persson"; not three words, which may hold a place before the name: "Pichilemu Roberto
    # Córdova").
    for short in keys:
        if group[short] == "place":
            continue
        ending = [long for long in keys if names.ends_with(names.tokens(short), names.tokens(long))]
        targets = ({find(long) for long in ending if group[long] == "person"}
                   or {find(long) for long in ending if group[short] == "person" and group[long] == "organisation"
                       and _first_and_last_name(forms[long][0].text)}
                   or {find(long) for long in keys if group[short] == "person" and group[long] == "person"
                       and _family_name_first(names.tokens(short), names.tokens(long))})
        if len(targets) == 1:
            parent[find(short)] = targets.pop()
    clusters: dict[str, list[str]] = {}
    for k in keys:
        clusters.setdefault(find(k), []).append(k)
    entities = [_entity(members, forms, originals) for members in clusters.values()]
    entities.sort(key=lambda e: (-len(e.sources), -len(e.mentions), e.name))
    for number, entity in enumerate(entities, 1):
        entity.id = f"E{number}"
    return entities


def _entity(members: list[str], forms: dict[str, list[Mention]], originals: dict[str, str]) -> Entity:
    mentions = sorted((m for k in members for m in forms[k]), key=lambda m: (m.source, m.start))
    labels = Counter(m.label for m in mentions)
    best = max(members, key=lambda k: (len(names.tokens(k)) > 1, len(forms[k]), len(k)))
    surface = Counter(m.text for m in forms[best])
    aliases = sorted({m.text for m in mentions}, key=lambda t: (-len(t), t))
    roles = list({_role_key(m.role): m.role for m in reversed(mentions) if m.role}.values())[::-1]
    name = surface.most_common(1)[0][0]
    kind = _group(labels)
    # The small model often reads an unfamiliar personal name as an organisation; a personal role in
    # apposition ("Marta Ilves, general secretary of the union") on a name of two or three plain
    # capitalised words settles it.
    if kind == "organisation" and roles and _person_shaped(name):
        kind = "person"
    # ... and an unfamiliar organisation as a person: "Sputnik, the Russian news agency", "the First
    # Coastal Division, a Free Syria Army group". A role naming a body settles that too.
    if kind == "person" and roles and all(_names_a_body(role) for role in roles):
        kind = "organisation"
    # ... or a place: "the river Ashe", "Banda Aceh, the regional capital".
    if kind == "person" and roles and all(_names_a_place(role) for role in roles):
        kind = "place"
    if kind != "person":
        roles = []
    sources = sorted({originals.get(m.source, m.source) for m in mentions})
    copies = sorted({m.source for m in mentions} - set(sources))
    return Entity("", name, kind, aliases, roles, mentions, sources, copies)


_ORGANISATION_WORDS = re.compile(
    r"\b(union|ministry|authority|council|party|company|corporation|inc|ltd|group|bank|agency|office|"
    r"committee|association|federation|institute|university|department|service|army|force|forces|court|"
    r"government|police|league|front|organi[sz]ation|news|press|times|post)\b", re.IGNORECASE)


_BODY_HEADS = frozenset((
    "agency", "group", "division", "brigade", "battalion", "regiment", "newspaper", "paper", "magazine",
    "daily", "network", "channel", "broadcaster", "website", "outlet", "company", "firm", "party",
    "movement", "militia", "faction", "coalition", "organisation", "organization", "ministry", "service",
))


_PLACE_HEADS = frozenset((
    "river", "lake", "sea", "bay", "ocean", "island", "mountain", "mount", "valley", "city", "town", "village",
    "capital", "province", "region", "county", "district", "state", "country", "street", "road", "port",
))


def _names_a_place(role: str) -> bool:
    """The role's head noun names a place, not a person."""
    return _role_head(role) in _PLACE_HEADS


def _names_a_body(role: str) -> bool:
    """The role's head noun names a body, not a person."""
    return _role_head(role) in _BODY_HEADS


def _role_head(role: str) -> str:
    """The role's head noun, lower case: the word before "of"/"for"/..., else the last word."""
    words = re.split(r"\s+(?:of|for|at|in|with)\s+", role.strip(), maxsplit=1)[0].split()
    return words[-1].lower().strip(".,") if words else ""


def _family_name_first(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """A one-word name that opens a two-word person's name: a family name written first ("Xi" for "Xi
    Jinping", "Chen" for "Chen Yunlin"), or a first name a story calls someone by after naming them in full
    ("Tara" for "Tara Reid", "Lebron" for "Lebron James"). Asked only when no person's name ends with it,
    and it joins only when one person's name opens with it."""
    return len(short) == 1 and len(long) == 2 and long[0] == short[0]


def _first_and_last_name(name: str) -> bool:
    return len(name.split()) == 2 and _person_shaped(name)


def _person_shaped(name: str) -> bool:
    """Two or three capitalised words, each part of a hyphenated one too ("Eva-Marie Persson"), none naming
    a body."""
    words = name.split()
    return (2 <= len(words) <= 3 and all(part[:1].isupper() and part[1:].islower() and part.isalpha()
                                         for word in words for part in word.split("-"))
            and not _ORGANISATION_WORDS.search(name))
