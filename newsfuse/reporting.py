"""The English verbs that report what someone said, grouped by what they tell of the speaker.

News attributes nearly every fact ("..., Putin said", "the ministry announced that ...", "he warned"),
and several stages read those frames: who speaks, what clause is reported, whether a line is the
outlet's own voice or someone's words. Each stage takes the groups it needs from here, plus or minus a
few words it names where it uses them, so that a word missing from one stage's list is a visible choice.

The groups:

- `SAYING`: the plain verbs of attribution ("X said", "she told", "he added", "it noted"). They tell
  only that someone spoke.
- `STATING`: a statement made on the record or at length ("announced", "stated", "declared",
  "explained"). As plain as `SAYING`, but rarer in a closing "..., he said".
- `SPEECH`: `SAYING` and `STATING`: every plain speech verb.
- `INSISTING`: saying with force ("stressed", "insisted", "warned", "argued"): the verb takes a stance.
- `AFFIRMING`: saying whether something is true ("claimed", "confirmed", "denied"): a stance too.
- `STANCE`: `INSISTING` and `AFFIRMING`.
- `DIRECTING`: deciding or pressing for a decision ("ordered", "instructed", "urged"): the subject of
  "ordered" is heard as much as that of "said".
- `ASKING`: a question and its answer ("asked", "replied").
- `WRITING`: words written or posted rather than spoken ("wrote", "tweeted").
- `BELIEF`: what someone holds rather than says ("believes", "thinks"): a clause after it is still a
  reported one.

Each verb is given in its three forms (`Verb`): the base ("say": the infinitive and the plural present),
the third person present ("says") and the past ("said"; the same word serves as past participle). Stages
mostly read the past, the tense of news; a headline or a live report uses the present.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Verb(NamedTuple):
    """One reporting verb in the forms news writes it in."""

    base: str  # "say": infinitive and plural present
    third: str  # "says": third person singular present
    past: str  # "said": simple past and past participle


SAYING = (
    Verb("say", "says", "said"),
    Verb("tell", "tells", "told"),
    Verb("add", "adds", "added"),
    Verb("note", "notes", "noted"),
)
STATING = (
    Verb("announce", "announces", "announced"),
    Verb("state", "states", "stated"),
    Verb("declare", "declares", "declared"),
    Verb("explain", "explains", "explained"),
)
SPEECH = SAYING + STATING
INSISTING = (
    Verb("stress", "stresses", "stressed"),
    Verb("insist", "insists", "insisted"),
    Verb("warn", "warns", "warned"),
    Verb("argue", "argues", "argued"),
)
AFFIRMING = (
    Verb("claim", "claims", "claimed"),
    Verb("confirm", "confirms", "confirmed"),
    Verb("deny", "denies", "denied"),
)
STANCE = INSISTING + AFFIRMING
DIRECTING = (
    Verb("order", "orders", "ordered"),
    Verb("instruct", "instructs", "instructed"),
    Verb("urge", "urges", "urged"),
)
ASKING = (
    Verb("ask", "asks", "asked"),
    Verb("reply", "replies", "replied"),
)
WRITING = (
    Verb("write", "writes", "wrote"),
    Verb("tweet", "tweets", "tweeted"),
)
BELIEF = (
    Verb("believe", "believes", "believed"),
    Verb("think", "thinks", "thought"),
)
_ALL = {verb.base: verb for group in (SPEECH, STANCE, DIRECTING, ASKING, WRITING, BELIEF) for verb in group}


def verbs(*bases: str) -> tuple[Verb, ...]:
    """The verbs of the vocabulary with these base forms, for a stage that takes a few of one group."""
    return tuple(_ALL[base] for base in bases)


def past(*groups: Iterable[Verb]) -> frozenset[str]:
    """The past forms of the groups' verbs: "said", "told", ..."""
    return frozenset(verb.past for group in groups for verb in group)


def third(*groups: Iterable[Verb]) -> frozenset[str]:
    """The third person present forms: "says", "tells", ..."""
    return frozenset(verb.third for group in groups for verb in group)


def forms(*groups: Iterable[Verb]) -> frozenset[str]:
    """Every form of the groups' verbs: "say", "says", "said", ..."""
    return frozenset(form for group in groups for verb in group for form in verb)


def alternation(words: Iterable[str]) -> str:
    """The words as a regex alternation (no group), longest first: where no word boundary follows, the
    whole of "viewed" is taken before its prefix "view". Words are letters only and need no escaping."""
    return "|".join(sorted(set(words), key=lambda word: (-len(word), word)))
