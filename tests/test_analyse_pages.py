"""The cross-examination of real pages briefed together, as a user would brief a folder of them: two reports
of Sweden dropping its investigation of Julian Assange (BBC News, Al Bawaba), from the shared extraction
benchmark."""

from __future__ import annotations

import pytest

from newsfuse import api
from tests.conftest import DATA

PAGES = DATA / "extraction-benchmark" / "html"


@pytest.fixture(scope="module")
def assange():
    pages = [str(next(PAGES.glob(f"{prefix}*.html.gz"))) for prefix in ("c7e39ac49fa1", "dc7ccccc1f34")]
    return api.brief(pages, words=200).analysis.to_dict()


def test_a_prosecutor_called_by_her_surname_and_her_full_name_is_one_speaker(assange):
    """ "Ms Persson said: ..." (BBC) and "Eva-Marie Persson ..." (Al Bawaba, whose full name the small model
    reads as an organisation) were two speakers, "Persson" and "Eva-Marie Persson"."""
    speakers = {quote["speaker"]["name"] for quote in assange["quotes"] if quote["speaker"]
                and "Persson" in quote["speaker"]["name"]}
    assert speakers == {"Eva-Marie Persson"}
    (persson,) = [e for e in assange["entities"] if "Persson" in e["aliases"]]
    assert persson["type"] == "person" and "Eva-Marie Persson" in persson["aliases"]


def test_a_judge_s_words_are_not_given_to_the_man_the_judge_ruled_on(assange):
    """ "But a judge ruled that Assange should remain in jail ... because of his "history of absconding"." """
    for quote in assange["quotes"]:
        if "absconding" in quote["text"]:
            assert not quote["speaker"] or "Assange" not in quote["speaker"]["name"], quote
    (assange_entity,) = [e for e in assange["entities"] if e["name"] == "Julian Assange"]
    assert "Mr" not in assange_entity["roles"]
