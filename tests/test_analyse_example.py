"""Cross-examination of the bundled example: the planted disagreement, scheduled dates, the opinion piece."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.analyse.quotes import MIN_QUOTE_WORDS, quote_spans
from newsfuse.ingest import read_inputs
from newsfuse.model import Article
from newsfuse.pipeline import BriefOptions, build_brief
from newsfuse.segment.dates import resolve
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def example():
    return build_brief(read_inputs([str(EXAMPLES / "harbour-strike")]), BriefOptions(words=200, analysis=True))


def test_ships_at_anchor_told_with_different_verbs_are_one_disputed_figure(example):
    (conflict,) = example.analysis.to_dict()["conflicts"]
    values = {v["value"]: v["sources"] for v in conflict["values"]}
    assert values == {"38": ["business-desk", "wire-report"], "46": ["local-outlet"]}
    texts = {d.id: d.article.text for d in example.documents}
    for value in conflict["values"]:
        for evidence in value["evidence"]:
            assert texts[evidence["source"]][evidence["start"] : evidence["end"]] == value["value"]


def test_counts_of_different_situations_are_not_a_conflict():
    articles = [
        Article(id="a", text="Harbour update\n\nBy Monday afternoon, 38 cargo ships were waiting at anchor outside "
                "the harbour, the traffic service said. Two shipping lines said they would divert vessels."),
        Article(id="b", text="Lines divert ships\n\nShipping lines sent 12 cargo ships to Aldersund on Monday instead "
                "of Varnholm, the lines said, adding a day to deliveries for importers."),
    ]
    brief = build_brief(articles, BriefOptions(words=100, analysis=True))
    assert brief.analysis.to_dict()["conflicts"] == []


def test_a_scheduled_weekday_points_forward_and_a_reported_one_back():
    monday = date(2026, 3, 2)
    assert resolve("Wednesday", monday, "The strike is due to end at 6 a.m. on Wednesday.").date == date(2026, 3, 4)
    assert resolve("Wednesday", monday, "The strike ends on Wednesday.").date == date(2026, 3, 4)
    assert resolve("Friday", monday, "Talks broke down on Friday.").date == date(2026, 2, 27)
    assert resolve("Thursday", monday, "The ban applies from Thursday.").date == date(2026, 3, 5)
    # "from" elsewhere in the sentence puts nothing on the day: TAC 2011's "The Airbus A330 had departed from
    # Rio de Janeiro on Sunday night" was dated a week after the crash, and "distance themselves from Thursday
    # night's fight" put a past fight in the coming week.
    assert resolve("Sunday night", monday, "The Airbus A330 had departed from Rio de Janeiro on Sunday night, "
                   "with a dozen crew members.").date == date(2026, 3, 1)
    assert resolve("Thursday night", monday, "The Steelers spent Monday trying to distance themselves from "
                   "Thursday night's fight.").date == date(2026, 2, 26)


def test_a_month_or_day_its_clause_puts_ahead_is_the_coming_one():
    """Crawled pages of November 2019: "Sentencing is scheduled for Feb. 14." was dated February 2019, and a
    campaign "which will be in its third year in January" January 2019."""
    written = date(2019, 11, 18)
    assert resolve("Feb. 14", written, "Sentencing is scheduled for Feb. 14.").date == date(2020, 2, 14)
    assert resolve("January", written, "When developing the campaign – which will be in its third year in "
                   "January – the department did extensive research.").date == date(2020, 1, 1)
    assert resolve("February", written, "Last month, a judge rejected his attempt to delay the hearing, which is "
                   "scheduled to take place in February.").date == date(2020, 2, 1)
    # The past stays past: a plan that was, a past verb the date belongs to, a date before the future's clause.
    assert resolve("Oct. 15", written, "While Mr. Trump canceled an increase in tariffs planned for Oct. 15, he "
                   "made no mention of rolling back any levies.").date == date(2019, 10, 15)
    assert resolve("March 23", written, "Iran has announced that it will suspend the release of 15 sailors "
                   "detained by Iranian forces on March 23.").date == date(2019, 3, 23)
    assert resolve("March", written, "In March, the company said it will cut 500 jobs.").date == date(2019, 3, 1)
    # A reference read from the text's own dates is often the coming event's day: nothing is put a year ahead.
    assert resolve("Feb. 14", written, "Sentencing is scheduled for Feb. 14.",
                   ahead_allowed=False).date == date(2019, 2, 14)


def test_the_strike_s_end_is_dated_after_its_start_in_the_timeline(example):
    events = example.analysis.to_dict()["timeline"]["events"]
    ends = [e for e in events if "end" in e["text"].lower() and "Wednesday" in e["text"]]
    assert ends and all(e["date"] == "2026-03-04" for e in ends)


def test_a_date_that_bounds_a_period_is_no_event_of_the_timeline(example):
    """"no jobs will be cut before 2030", "the first remote cranes would not arrive before 2028": deadlines
    and limits, not the days anything happened; the timeline placed the union's demand in 2030."""
    events = example.analysis.to_dict()["timeline"]["events"]
    assert events and not any(e["date"].startswith(("2028", "2030")) for e in events), events


def test_the_blog_is_opinion_and_the_copy_is_marked(example):
    profiles = {p["id"]: p for p in example.analysis.to_dict()["sources"]}
    assert profiles["opinion-blog"]["kind"] == "opinion"
    assert profiles["regional-copy"]["copy_of"] == "wire-report"
    assert {p["kind"] for i, p in profiles.items() if i != "opinion-blog"} == {"report"}


def test_quotes_in_the_summary_are_attributed(example, seeds_brief):
    for brief in (example, seeds_brief):
        for sentence, row in zip(brief.summary, brief.analysis.to_dict()["summary"], strict=True):
            quoted = [sentence.text[a:b] for a, b in quote_spans(sentence.text, 0, len(sentence.text))]
            if not any(len(words.split()) >= MIN_QUOTE_WORDS for words in quoted):
                continue  # no quotation, or a scare-quoted term ("the “reduction” of troops")
            assert row["quotes"] and all(q["speaker"] for q in row["quotes"]), sentence.text
            surname = row["quotes"][0]["speaker"].split()[-1]
            assert surname in sentence.text, (surname, sentence.text)  # named in the sentence itself


def test_unfamiliar_place_names_and_capitalised_common_words_are_typed_right(example):
    types = {e["name"]: e["type"] for e in example.analysis.to_dict()["entities"]}
    assert types["Aldersund"] == "place"  # "divert vessels to Aldersund"
    assert types["Varnholm"] == "place"  # "the strike at Varnholm"
    assert "Lorry" not in types  # "Lorry driver Tomas Hale"
    assert not any("(" in name for name in types)  # the "VARNHOLM (Nordwire) -" dateline


def test_a_role_that_opens_a_sentence_is_written_as_the_sources_write_it(example):
    """"Chief executive Joran Pekk said ..." capitalises "Chief" for its place; the sources write "chief"."""
    roles = {e["name"]: e["roles"] for e in example.analysis.to_dict()["entities"]}
    assert "chief executive" in roles["Joran Pekk"] and "Chief executive" not in roles["Joran Pekk"]
    assert "union leader" in roles["Marta Ilves"]


def test_every_outlet_that_dates_the_strike_s_end_is_a_source_of_that_event(example):
    """The local outlet's "due to end early on Wednesday morning" was read as naming a thing after the day ("the
    Sept 11 attacks"), so the timeline's entry for the strike's end left it out."""
    (end,) = [e for e in example.analysis.to_dict()["timeline"]["events"] if e["date"] == "2026-03-04"]
    assert set(end["sources"]) == {"business-desk", "local-outlet", "opinion-blog", "wire-report"}


def test_a_timeline_event_never_cites_an_outlet_that_gives_another_figure(example):
    """The timeline's Monday entry "The port's traffic service counted 38 cargo ships waiting at anchor"
    cited the local outlet, whose harbourmaster counted 46: sentences on two sides of a disagreement are two
    events, each citing its own outlets."""
    events = example.analysis.to_dict()["timeline"]["events"]
    (counted_38,) = [e for e in events if "38 cargo ships" in e["text"]]
    (counted_46,) = [e for e in events if "46 cargo ships" in e["text"]]
    assert counted_38["sources"] == ["business-desk", "wire-report"]
    assert counted_46["sources"] == ["local-outlet"]
    texts = {d.id: d.article.text for d in example.documents}
    for event in (counted_38, counted_46):
        for mention in event["mentions"]:
            sentence = mention["sentence"]
            told = texts[sentence["source"]][sentence["start"] : sentence["end"]]
            assert ("38" in told) == (event is counted_38) and ("46" in told) == (event is counted_46)


def test_a_summary_sentence_stating_a_disputed_figure_says_what_the_others_give(example):
    """The summary's "The port's traffic service counted 38 cargo ships waiting at anchor ..." [1,5] read as
    settled; the local outlet's harbourmaster counted 46, which only the disagreements section said."""
    from newsfuse.render.html import render_html
    from newsfuse.render.markdown import render_markdown
    from newsfuse.render.text import render_text

    rows = example.analysis.to_dict()["summary"]
    (ships,) = [row for row in rows if "38 cargo ships" in row["text"]]
    (disputed,) = ships["disputed"]
    assert disputed["value"] == "38" and disputed["others"] == [{"value": "46", "sources": ["local-outlet"]}]
    assert not any(row["disputed"] for row in rows if row is not ships)
    text = render_text(example)
    told = text[text.index("38 cargo ships") : text.index("Sources")]
    assert "(sources disagree: 46 [2])" in " ".join(told.split()), told
    # The key facts too: the 38 ships and, listed as the local outlet's alone, its 46.
    facts = " ".join(text[text.index("Key facts") : text.index("Where the sources disagree")].split())
    assert "38 cargo ships waiting at anchor by Monday afternoon. [1,5] (2 independent sources) (sources disagree: " \
           "46 [2])" in facts, facts
    assert "46 cargo ships were anchored" in facts and "(sources disagree: 38 [1,5])" in facts, facts
    assert "*(sources disagree: 46 [2])*" in render_markdown(example)
    assert "sources disagree: 46 [2]" in render_html(example)
