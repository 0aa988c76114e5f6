"""Conflicts between outlets: what must be flagged, and the look-alikes that must not (precision first).

Each case is two short reports of one event by two outlets. The look-alikes are the patterns that made
false conflicts on real multi-outlet clusters (ECB+): two people's figures, parts of a count, ranges,
measurements folded into a word, counts at different times or places.
"""

from __future__ import annotations

import pytest

from newsfuse.analyse.conflicts import find_conflicts
from newsfuse.analyse.nlp import parse
from newsfuse.model import Article
from newsfuse.prepare import prepare_document


def _conflicts(first: str, second: str, published: tuple[str | None, str | None] = (None, None)) -> list:
    documents = [prepare_document(Article(id=name, text=f"Report\n\n{text}", published=date))
                 for name, text, date in (("a", first, published[0]), ("b", second, published[1]))]
    return [c.to_dict() for c in find_conflicts(parse(documents), {"a": "a", "b": "b"})]


DISAGREE = [
    ("Police said 12 people were injured in the riots.", "Police said 18 people had been injured in the violence."),
    ("A total of three cables linking Italy and Egypt went down.", "Two sub-sea cables went down off the coast."),
    ("The earthquake damaged 18 houses, officials said.", "The earthquake damaged over 1,600 houses."),
]

AGREE_OR_UNRELATED = [
    # the same figure in another form
    ("Rescuers said more than 50 homes were destroyed.", "The flood destroyed 50-plus homes."),
    ("At least four bombs were dropped on the camp.", "Five bombs were dropped on the camp."),
    # two people's figures, or a figure whose owner is only a pronoun
    ("Allen had three catches on Sunday.", "Wayne had five catches on Sunday."),
    ("He has also caught eight passes for 66 yards.", "Bush caught 52 passes this season."),
    # parts of a count, alternatives, ranges
    ("The marines seized seven rifles and two other rifles.", "The marines seized nine rifles."),
    ("Three or four robbers burst into the store.", "The four robbers burst into the store."),
    ("Garrard completed 28 of 41 passes.", "Garrard completed 28 passes."),
    ("Two bombs fell on an airstrip, one hit a school and one landed on a market.",
     "One bomb fell directly within the camp."),
    # measurements folded into a word, offsets
    ("Wayne capped a 73-yard drive.", "Wayne capped an 86-yard drive."),
    ("The new rules take effect in about 30 days.", "The new rules take effect nine days before the inauguration."),
    # different times or places
    ("By Monday afternoon, 38 ships were waiting at anchor.", "By Monday evening, 46 ships were waiting at anchor."),
    ("Seven people were killed in Guffa, the president said.", "Local officials said 12 people had been killed."),
    # a speaker's words, a count scoped by something told elsewhere
    ("'There's three people shot!' a witness shouted.", "Police said a gunman shot eight people."),
    ("Seven people were killed in those bombings.", "Twelve people were killed in the bombings."),
]


@pytest.mark.parametrize(("first", "second"), DISAGREE)
def test_different_counts_of_one_thing_are_a_conflict(first, second):
    (conflict,) = _conflicts(first, second)
    assert conflict["kind"] == "number"
    assert [v["sources"] for v in conflict["values"]] in (
        [["a"], ["b"]], [["b"], ["a"]])


@pytest.mark.parametrize(("first", "second"), AGREE_OR_UNRELATED)
def test_look_alikes_are_not_a_conflict(first, second):
    assert _conflicts(first, second) == []
