"""A roundup page (a digest of several stories) brought into a story by one of its items tells only that item.

Real pages from the shared extraction benchmark: two reports of the New York attorney general's inquiry into
WeWork (VentureBeat, TechCrunch) and Business Insider's "10 things in tech you need to know today", whose
first item is that inquiry and whose others are T-Mobile's new chief, Valve's game, Apple's event ...
"""

from __future__ import annotations

import json

import pytest

from newsfuse import api
from newsfuse.dedupe import mark_copies
from newsfuse.pipeline import prepare_all
from newsfuse.render.json_out import render_json
from newsfuse.render.text import render_text
from newsfuse.story.roundup import set_aside_other_stories
from tests.conftest import DATA, EXAMPLES, SEEDS

PAGES = DATA / "extraction-benchmark" / "html"
VENTUREBEAT, TECHCRUNCH, DIGEST = "06e5123e4ef7", "1ace8c85aaee", "fde930b01859"
OTHER_ITEMS = ("T-Mobile", "Legere", "Valve", "Half-Life", "CloudSimple", "Alibaba", "AirPods", "Spotify")


def _page(prefix: str):
    return next(PAGES.glob(f"{prefix}*.html.gz"))


@pytest.fixture(scope="module")
def wework_brief():
    return api.brief([str(_page(prefix)) for prefix in (VENTUREBEAT, TECHCRUNCH, DIGEST)], words=200)


def _id(brief, prefix: str) -> str:
    return next(doc.id for doc in brief.documents if doc.id.startswith(prefix))


def test_a_digest_page_gives_the_brief_its_item_about_the_story_and_nothing_else(wework_brief):
    digest = _id(wework_brief, DIGEST)
    summary = " ".join(sentence.text for sentence in wework_brief.summary)
    assert not [name for name in OTHER_ITEMS if name in summary]
    assert "WeWork" in summary
    # the digest's own item on the inquiry is still a source of the story
    assert any(digest in sentence.sources for sentence in wework_brief.summary)
    # its headline names its series, not the story
    assert wework_brief.title != "10 things in tech you need to know today"
    assert "WeWork" in wework_brief.title


def test_the_analysis_reads_nothing_from_a_digest_item_about_another_story(wework_brief):
    analysis = json.dumps(json.loads(render_json(wework_brief))["analysis"])
    # Valve's words had been given to Adam Neumann, named two items before
    assert "flagship VR game" not in analysis
    assert not [name for name in OTHER_ITEMS if name in analysis]
    assert "Neumann" in analysis


def test_the_reader_is_told_which_source_is_a_roundup_and_what_was_left_out(wework_brief):
    digest = wework_brief.document(_id(wework_brief, DIGEST))
    assert digest.other_stories
    text = digest.article.text
    left_out = [text[digest.blocks[i].start : digest.blocks[i].end] for i in digest.other_stories]
    assert any("T-Mobile CEO John Legere" in item for item in left_out)
    assert not any("attorney general is investigating WeWork" in item for item in left_out)
    assert not [doc.id for doc in wework_brief.documents if doc.other_stories and doc is not digest]
    printed = " ".join(render_text(wework_brief).split())  # unwrapped
    assert "a roundup: 9 paragraphs about other stories left out" in printed
    sources = json.loads(render_json(wework_brief))["sources"]
    assert [bool(source["other_stories"]) for source in sources] == [False, False, True]


@pytest.mark.parametrize(("language", "cluster"), [("french", "M009"), ("greek", "M002")])
def test_a_report_of_one_leg_of_an_event_series_is_not_a_roundup(language, cluster):
    """TAC 2011: the torch relay's San Francisco leg, told by one report of the series only, names San Francisco,
    its mayor and its protesters in paragraph after paragraph that no other source names: a report of its own
    subject, not a page of unrelated items."""
    record = next(json.loads(line) for line in (DATA / "tac2011-multiling" / f"{language}.jsonl").open(encoding="utf-8")
                  if json.loads(line)["id"] == cluster)
    documents, _ = prepare_all(api.numbered(record["documents"]))
    mark_copies(documents)
    set_aside_other_stories(documents)
    assert not [doc.id for doc in documents if doc.other_stories]


def test_no_source_of_the_seeds_or_the_example_is_a_roundup():
    for inputs in ([str(SEEDS)], [str(EXAMPLES / "harbour-strike")]):
        brief = api.brief(inputs, analysis=False)
        assert brief.summary
        assert not [doc.id for doc in brief.documents if doc.other_stories]


def test_the_story_page_of_newsfuse_serve_says_which_source_is_a_roundup(wework_brief):
    from newsfuse.serve.briefs import page_view

    sources = page_view(wework_brief)["sources"]
    assert [source["roundup"] for source in sources] == [
        None, None, "a roundup: 9 paragraphs about other stories left out"]
