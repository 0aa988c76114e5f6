"""The cross-examination on the seed articles: what a careful reader finds there, with exact spans."""

from __future__ import annotations

import re

import pytest

from newsfuse.render import render_markdown, render_text


@pytest.fixture(scope="module")
def analysis(seeds_brief):
    assert seeds_brief.analysis is not None
    return seeds_brief.analysis.to_dict()


def _doc(brief, prefix: str):
    return next(d for d in brief.documents if d.id.startswith(prefix))


def _text(brief, span: dict) -> str:
    return brief.document(span["source"]).article.text[span["start"] : span["end"]]


def _quote(analysis, words: str) -> dict:
    return next(q for q in analysis["quotes"] if words in q["text"])


def _entity(analysis, alias: str) -> dict:
    return next(e for e in analysis["entities"] if alias in e["aliases"])


def test_every_span_points_at_the_words_shown(seeds_brief, analysis):
    for quote in analysis["quotes"]:
        for instance in quote["instances"]:
            text = _text(seeds_brief, instance)
            assert text and text.strip() == text
            assert re.sub(r"\W", "", text) in re.sub(r"\W", "", seeds_brief.document(instance["source"]).article.text)
    for entity in analysis["entities"]:
        for mention in entity["mentions"]:
            assert _text(seeds_brief, mention) in entity["aliases"]
    for conflict in analysis["conflicts"]:
        for value in conflict["values"]:
            assert {_text(seeds_brief, e) for e in value["evidence"]} == {value["value"]}
    for event in analysis["timeline"]["events"]:
        for mention in event["mentions"]:
            assert _text(seeds_brief, mention) == mention["expression"]


def test_copies_are_collapsed_but_kept_as_evidence(seeds_brief, analysis):
    copy = _doc(seeds_brief, "002")
    for section in ("claims", "quotes", "entities"):
        for item in analysis[section]:
            assert copy.id not in item["sources"]
            assert item["independent_sources"] == len(item["sources"])
    putin = _quote(analysis, "main part of our military contingent")
    assert copy.id in putin["copies"]
    assert copy.id in {i["source"] for i in putin["instances"]}


def test_summary_sentences_carry_corroboration_and_attributed_quotes(seeds_brief, analysis):
    rows = analysis["summary"]
    assert len(rows) == len(seeds_brief.summary)
    assert rows[0]["independent_sources"] >= 4
    quoted = [row for row in rows if "“" in row["text"] or '"' in row["text"]]
    for row in quoted:
        if "effective work" in row["text"]:
            assert row["quotes"] and "Putin" in row["quotes"][0]["speaker"]


def test_key_facts_and_single_source_facts(seeds_brief, analysis):
    facts = [c for c in analysis["claims"] if not c["only_in"]]
    assert facts[0]["independent_sources"] == 4 and "withdraw" in facts[0]["text"]
    only = [c for c in analysis["claims"] if c["only_in"]]
    jets = next(c for c in only if "50 jets" in c["text"])
    assert jets["only_in"] == _doc(seeds_brief, "001").id
    assert _doc(seeds_brief, "002").id in jets["copies"]


def test_the_brief_never_calls_a_fact_single_source_that_its_summary_cites_to_several(seeds_brief, analysis):
    # The start day ("pullback efforts will begin Tuesday") is told in other words by 000 and 001: the
    # summary cites three outlets for it, so the key facts must not list it as only in 003.
    cited = {sentence.text: sentence.sources for sentence in seeds_brief.summary}
    assert len(cited[next(text for text in cited if "pullback" in text)]) == 3
    for claim in analysis["claims"]:
        if claim["only_in"] and claim["text"] in cited:
            assert cited[claim["text"]] == [claim["only_in"]], claim["text"]


def test_quotes_have_their_speakers_and_all_their_outlets(analysis):
    putin = _quote(analysis, "main part of our military contingent")
    assert putin["speaker"]["name"] == "Vladimir Putin"
    assert putin["independent_sources"] >= 3  # 000, 001 (+ copy), 003 (truncated), 004 (truncated)
    assert "President" in putin["speaker"]["role"]
    assert _quote(analysis, "positive push")["speaker"]["name"] == "Salim al-Muslat"
    assert _quote(analysis, "Nobody knows what is in Putin")["speaker"]["name"] == "Salim al-Muslat"
    assert _quote(analysis, "mother of all issues")["speaker"]["name"] == "Staffan de Mistura"
    assert _quote(analysis, "only Plan B")["speaker"]["name"] == "Staffan de Mistura"
    assert _quote(analysis, "marching orders")["speaker"]["name"] == "Vitaly Churkin"
    assert _quote(analysis, "military ambitions")["speaker"]["name"] == "Ivan Konovalov"
    assert _quote(analysis, "Russian move could be positive")["speaker"]["name"] == "Philip Hammond"
    diplomat = _quote(analysis, "lot of pressure on Assad")
    assert "diplomat" in diplomat["speaker"]["name"] and diplomat["independent_sources"] == 2


def test_the_death_toll_is_the_one_figure_outlets_disagree_on(analysis):
    conflicts = analysis["conflicts"]
    assert len(conflicts) == 1
    values = {v["value"] for v in conflicts[0]["values"]}
    assert values == {"over 250,000", "more than 270,000"}
    assert "kill" in conflicts[0]["thing"]


def test_a_news_agency_and_an_armed_group_are_organisations(analysis):
    assert _entity(analysis, "Sputnik")["type"] == "organisation"  # "Russian news agency Sputnik"
    assert _entity(analysis, "First Coastal Division")["type"] == "organisation"  # "a Free Syria Army group"


def test_names_merged_across_spellings(analysis):
    assert {"Sergei Shoigu", "Sergey Shoygu"} <= set(_entity(analysis, "Sergei Shoigu")["aliases"])
    assert {"Hmeimim", "Hmeymim", "Hemeimeem"} <= set(_entity(analysis, "Hmeimim")["aliases"])
    assert {"Tartus", "Tartous"} <= set(_entity(analysis, "Tartus")["aliases"])
    assert {"Bashar al-Jaafari", "Bashar Ja'afari"} <= set(_entity(analysis, "Bashar al-Jaafari")["aliases"])
    assert {"Barack Obama", "Barak Obama", "Obama"} <= set(_entity(analysis, "Barack Obama")["aliases"])
    putin = _entity(analysis, "Vladimir Putin")
    assert "Putin" in putin["aliases"] and "Russian President" in putin["roles"]
    assert putin["independent_sources"] == 4
    assert "Assad" in _entity(analysis, "Bashar al-Assad")["aliases"]
    assert _entity(analysis, "Bashar al-Assad")["id"] != _entity(analysis, "Bashar al-Jaafari")["id"]


def test_timeline_resolves_relative_dates_against_inferred_publication(seeds_brief, analysis):
    references = analysis["timeline"]["references"]
    assert {r["date"] for r in references.values()} == {"2016-03-14"}
    assert references[_doc(seeds_brief, "003").id]["basis"] == "other sources"
    assert all(r["inferred"] for r in references.values())
    by_expression = {(m["source"][:3], m["expression"]): e["date"]
                     for e in analysis["timeline"]["events"] for m in e["mentions"]}
    assert by_expression[("003", "Tuesday")] == "2016-03-15"
    assert by_expression[("001", "tomorrow")] == "2016-03-15"
    assert by_expression[("003", "last September")] == "2015-09"
    assert by_expression[("003", "last month")] == "2016-02"
    assert by_expression[("000", "Wednesday")] == "2016-03-16"
    dates = [e["date"] for e in analysis["timeline"]["events"]]
    assert dates == sorted(dates)


def test_profiles_name_the_opinion_piece_and_the_copy(seeds_brief, analysis):
    profiles = {p["id"][:3]: p for p in analysis["sources"]}
    assert profiles["004"]["kind"] == "opinion" and profiles["004"]["reasons"]
    assert profiles["000"]["kind"] == "report"
    assert profiles["002"]["copy_of"] == _doc(seeds_brief, "001").id
    assert profiles["004"]["signals"]["unsupported_share"] > profiles["000"]["signals"]["unsupported_share"]
    assert profiles["001"]["adds"]["claims"]


def test_text_and_markdown_show_every_section(seeds_brief):
    for rendered in (render_text(seeds_brief), render_markdown(seeds_brief)):
        for heading in ("Key facts", "disagree", "Quotes", "People", "Timeline", "Source profiles"):
            assert heading in rendered
        assert "Hemeimeem" in rendered and "250,000" in rendered


def test_every_key_fact_says_who_did_or_said_it(analysis):
    """A key fact is read on its own line: the seeds' "It also said Russia had pledged ...", "..., he
    added." and a quotation with no speaker leaned on the sentence before them in their articles."""
    facts = [claim["text"] for claim in analysis["claims"] if not claim["only_in"]]
    assert len(facts) >= 8
    for text in facts:
        assert not re.match(r"[\"“]?(It|He|She|They|This|These|That|There)\b", text), text
        assert not re.search(r"[\"”],?\s+(he|she|they|it)\s+(said|added|told)\b", text), text
        assert not (text[:1] in "\"“" and text.rstrip(".")[-1:] in "\"”"), text  # a quotation alone
