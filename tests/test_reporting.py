"""The shared vocabulary of reporting verbs, as the stages that read attribution use it."""

from __future__ import annotations

import pytest

from newsfuse.model import Span
from newsfuse.reporting import ASKING, SAYING, WRITING, past, verbs
from newsfuse.segment import split_sentences
from newsfuse.story.reactions import speaker_of

QUOTE = "\u201cWe will pull the main part of our forces out of Syria,\u201d"


@pytest.mark.parametrize("verb", sorted(past(SAYING)))
def test_a_quotation_attributed_with_a_plain_verb_of_saying_has_its_speaker(verb: str) -> None:
    """Whichever plain verb an outlet attributes a quotation with, and on whichever side of it the name
    stands, the summary knows who speaks (and so can weigh a reaction or name the party in a brief)."""
    for sentence in (f"{QUOTE} Vladimir Putin {verb} on Monday.", f"{QUOTE} {verb} Vladimir Putin."):
        speaker = speaker_of(sentence, "en")
        assert speaker is not None, sentence
        assert speaker.party == ("vladimir", "putin") and speaker.quoted, sentence


@pytest.mark.parametrize("verb", sorted(past(verbs("say", "tell", "add"), ASKING, WRITING)))
def test_a_quoted_exclamation_stays_with_whoever_said_asked_or_wrote_it(verb: str) -> None:
    """The quotation alone would read as the writer's own exclamation, and its attribution as a sentence of
    its own; with any verb of saying, asking or writing the two stay one sentence."""
    expected = [f"\u201cThis is really bad news!\u201d Donald Trump {verb} on Monday.", "Schiff declined to comment."]
    text = " ".join(expected)
    assert [s.text for s in split_sentences(text, [Span(0, len(text))], "d", "en")] == expected


def test_a_reporting_verb_is_a_whole_word():
    """"viewers" holds "view" ("Moscow views the move as ..."), but YouTube's viewers say nothing: the
    sentence has no speaker, and YouTube is no party the brief has heard."""
    assert speaker_of("The video \u201cPlandemic\u201d reached YouTube viewers in their millions before it was "
                      "removed.", "en") is None
