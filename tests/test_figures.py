"""A source that gives another value for a sentence's figure is no source of that sentence: citations, key
facts and an update brief's "already known" test leave it out (`story/figures.py`)."""

from __future__ import annotations

import json

import pytest

from newsfuse.model import Article
from newsfuse.pipeline import BriefOptions, build_brief, prepare_all
from newsfuse.story import build_story
from newsfuse.story.figures import disagree
from newsfuse.summarise import Summariser
from tests.conftest import DATA


@pytest.mark.parametrize(("sentence", "other"), [
    # TAC 2011 English: another stage of the Tour, another aftershock's magnitude and depth.
    ("Alexander Vinokourov of Kazakhstan has won stage 13 of the 2007 Tour de France.",
     "Alexandre Vinokourov of Kazakhstan has won stage 15 of the 2007 Tour de France in a time of 5h 34' 28\"."),
    ("The United States Geological Survey said it occurred at a depth of 7 km.",
     "The USGS reported that the earthquake had a magnitude of 5.4, and that it occurred at a depth of 35 kilometers."),
    ("University of Chile Seismologic Service measured the aftershock's magnitude as 6.6.",
     "The first shaking, according to the University of Chile Seismological Service, had a 4.7 magnitude."),
    # The bundled example's two counts of the ships at anchor.
    ("The port's traffic service counted 38 cargo ships waiting at anchor by Monday afternoon.",
     "The harbourmaster's office said 46 cargo ships were anchored in the bay by Monday afternoon."),
    ("Page had been hospitalized for the past three weeks for pneumonia.",
     "She had been hospitalized in Los Angeles for four weeks due to pneumonia."),
    ("New Orleans plays at Seattle on Saturday at 3:30 p.m. in the Wild Card round.",
     "New Orleans begins its postseason Saturday at 4:30 p.m. ET with a wild-card round game in Seattle."),
])
def test_another_value_for_the_same_thing_disagrees(sentence, other):
    assert disagree(sentence, [other])


@pytest.mark.parametrize(("sentence", "other"), [
    # A bound or a round figure allows the other's value.
    ("Southwest Airlines canceled more than 1,000 flights over the weekend.",
     "Southwest Airlines canceled at least 1,800 domestic flights over the weekend."),
    ("A bombing outside Kabul's main mosque killed at least two Afghan civilians.",
     "A bomb attack killed at least three people in Kabul's main mosque Sunday afternoon."),
    ("Puerto Rico's death toll was raised from 64 to nearly 3,000.",
     "A new study raised the death toll to 2,975."),
    # One span of time in other units; one sum in another currency format.
    ("Roger Stone was sentenced to three years and four months in prison on Thursday.",
     "Stone was sentenced to 40 months in prison on Thursday."),
    ("Authorities estimate the damages to the church at $1 million.",
     "Damage to the church was estimated at $US1 million ($1.52 million)."),
    # A figure one of them lacks is a detail; a unit both use for a figure they agree on says nothing.
    ("The Airbus A330 with 228 on board vanished from radar on June 1st over the Atlantic Ocean.",
     "Air France Flight 447 disappeared over the Atlantic Ocean on June 1."),
    ("Jamaal Charles had 226 yards on 22 carries, including an 86-yard touchdown run, and Peyton Hillis ran for "
     "101 yards.", "Jamaal Charles rushed for 226 yards while Peyton Hillis added 101. The Chiefs rushed for over "
     "350 yards."),
    # Ages of different people; a modal verb is no month.
    ("Police say a man told the 36-year-old driver to stop.", "Police arrested the driver who killed a "
     "66-year-old woman outside the store."),
    ("The court may 5 times delay the ruling.", "The court delayed the ruling on May 7."),
])
def test_figures_that_may_tell_one_value_agree(sentence, other):
    assert not disagree(sentence, [other])


def test_who_tells_a_fact_is_not_its_figure():
    """"... three U.S. officials familiar with the matter said" and "... four U.S. officials ..." (allsides-neus):
    one fact, told on different numbers of sources."""
    texts = [
        "Intelligence report\n\nThe Biden administration will release an intelligence report as early as Thursday "
        "that concludes that Saudi Crown Prince Mohammed bin Salman approved the 2018 killing of journalist Jamal "
        "Khashoggi, three U.S. officials familiar with the matter said.",
        "Report due\n\nA declassified version of a U.S. intelligence report expected to be released on Thursday finds "
        "that Saudi Crown Prince Mohammed bin Salman approved the 2018 killing of journalist Jamal Khashoggi, four "
        "U.S. officials familiar with the matter said.",
    ]
    brief = build_brief([Article(id=f"outlet-{n}", text=text) for n, text in enumerate(texts)],
                        BriefOptions(words=60))
    assert [set(sentence.sources) for sentence in brief.summary] == [{"outlet-0", "outlet-1"}]


def _tac_cluster(cluster_id: str) -> dict:
    with (DATA / "tac2011-multiling" / "english.jsonl").open(encoding="utf-8") as lines:
        return next(record for line in lines if (record := json.loads(line))["id"] == cluster_id)


def test_a_stage_won_is_not_cited_to_the_report_of_another_stage():
    """TAC 2011 English M003: "Alexander Vinokourov of Kazakhstan has won stage 13 of the 2007 Tour de France."
    cited the report "Alexandre Vinokourov ... has won stage 15 of the 2007 Tour de France" too, in the summary
    and the key facts."""
    articles = [Article(id=f"M003-{n}", text=text) for n, text in enumerate(_tac_cluster("M003")["documents"])]
    brief = build_brief(articles, BriefOptions(words=250, analysis=True))
    texts = {document.id: document.article.text for document in brief.documents}
    shown = brief.to_dict()
    stage_13 = [item for item in shown["summary"] + shown["analysis"]["claims"] if "won stage 13" in item["text"]]
    assert len(stage_13) >= 2  # in the summary and among the key facts
    for item in stage_13:
        cited = [texts[e["source"]][e["start"] : e["end"]] for e in item["evidence"]]
        assert not any("stage 15" in text for text in cited), cited


def test_an_update_with_a_new_figure_is_news():
    """An update brief left out what a known article already states: a later count of the same thing ("rose to
    12" after "killed 7") matched the known sentence word for word but for its figure, and was dropped as known."""
    known, _ = prepare_all([Article(id="monday", text=(
        "Storm toll\n\nThe storm that hit the northern coast on Sunday has killed 7 people, the regional emergency "
        "service said on Monday. Rescue teams are searching flooded villages along the river."))])
    new, _ = prepare_all([Article(id="tuesday", text=(
        "Storm toll rises\n\nThe storm that hit the northern coast on Sunday has killed 12 people, the regional "
        "emergency service said on Tuesday. Power was restored to most homes in the port city."))])
    summary = Summariser(words=60).summarise(build_story(new, known=known))
    assert any("12 people" in sentence.text for sentence in summary), [s.text for s in summary]


def test_another_statement_of_the_same_speaker_is_no_source_of_a_quotation():
    """ECB+ 39_ecbplus: "Ben Stephenson, controller of BBC Drama Commissioning said Capaldi was "an extraordinarily
    talented actor ..."" cited another outlet's "Ben Stephenson ... said: "We started thinking Peter Capaldi
    might be the right person ..."": the speaker, his role and the actor's name match, the statement does not.
    A sentence that is mostly a quotation needs a span holding at least half of the quotation's words."""
    with (DATA / "ecbplus" / "clusters.jsonl").open(encoding="utf-8") as lines:
        cluster = next(record for line in lines if (record := json.loads(line))["id"] == "39_ecbplus")
    articles = [Article(id=f"39_ecbplus-{n}", text=text) for n, text in enumerate(cluster["documents"])]
    brief = build_brief(articles, BriefOptions(words=200))
    texts = {document.id: document.article.text for document in brief.documents}
    (praise,) = [s for s in brief.summary if "extraordinarily talented actor" in s.text]
    cited = [texts[e.doc_id][e.start : e.end] for e in praise.evidence]
    assert all("talented" in text for text in cited), cited


def test_a_quotation_is_still_cited_to_outlets_that_print_it():
    texts = [
        "Minister resigns\n\nThe transport minister resigned on Monday. \"I have let down the people who trusted me "
        "with the railways,\" Anna Berg told reporters outside the ministry.",
        "Berg quits\n\nAnna Berg stepped down as transport minister on Monday. \"I have let down the people who "
        "trusted me with the railways,\" she said, adding that she would stay on as a member of parliament.",
        "Berg out\n\nAnna Berg left the transport ministry on Monday. \"The railways will be fine without me,\" Anna "
        "Berg told reporters outside the ministry.",
    ]
    brief = build_brief([Article(id=f"outlet-{n}", text=text) for n, text in enumerate(texts)],
                        BriefOptions(words=100))
    (quoted,) = [s for s in brief.summary if "let down the people" in s.text]
    assert set(quoted.sources) == {"outlet-0", "outlet-1"}, quoted.sources


def test_a_figure_of_hundreds_of_digits_is_no_figure_and_breaks_nothing():
    """Hostile input: a number too large for a float (or made so by "billion") is read as no figure."""
    huge = "9" * 400
    assert disagree(f"The toll rose to {huge} people on Monday.", [f"The toll rose to {huge[:-1]}8 people."]) is False
    assert not disagree("It cost 9" + "9" * 300 + " billion dollars.", ["It cost 12 billion dollars."])
    texts = [f"Toll\n\nThe storm killed {huge} people on Monday, officials said. Rescue teams searched the coast.",
             f"Storm\n\nThe storm killed {huge} people on Monday, the officials said. Rescuers searched the coast."]
    brief = build_brief([Article(id=f"outlet-{n}", text=text) for n, text in enumerate(texts)],
                        BriefOptions(words=60, analysis=True))
    assert brief.summary
