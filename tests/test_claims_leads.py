"""Key facts: an outlet's first sentence in a story of one event tells that event, never an exclusive."""

from __future__ import annotations

from newsfuse.analyse.claims import find_claims
from newsfuse.model import Article
from newsfuse.pipeline import prepare_all
from newsfuse.story import build_story
from tests.conftest import allsides_record

# Three outlets' leads of one event (allsides-neus, line 68): each opens on the 778,000 jobless claims in
# its own words, which word matching does not pair.
LEADS = ("The number of new applications for unemployment benefits", "Jobless claims rose for the second",
         "Applications for unemployment benefits rose")


def _only_in(published: list[str | None]) -> list[str]:
    record = allsides_record(68)
    articles = [Article(id=f"outlet-{i}", text=text, published=day)
                for i, (text, day) in enumerate(zip(record["documents"], published, strict=True))]
    documents, _ = prepare_all(articles)
    return [claim.text for claim in find_claims(build_story(documents)).only_in]


def test_an_outlets_lead_is_not_its_exclusive_in_a_story_of_one_event():
    listed = _only_in([None, None, None])
    assert not [text for text in listed if text.startswith(LEADS)]
    # What one outlet alone tells further down still is listed.
    assert any("827,000" in text for text in listed)


def test_a_lead_may_be_an_exclusive_when_the_sources_tell_events_weeks_apart():
    # Over weeks each report's lead may tell a later event of its own: its first sentence is compared as any.
    listed = _only_in(["2020-11-05", "2020-11-26", "2020-12-17"])
    assert [text for text in listed if text.startswith(LEADS)]
