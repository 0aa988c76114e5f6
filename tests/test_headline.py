"""A headline carried as the first paragraph of plain text is the title, not a sentence to summarise."""

from __future__ import annotations

import json

import newsfuse
from newsfuse.model import Article
from newsfuse.prepare import prepare_document
from tests.conftest import allsides_record


def test_an_outlets_headline_with_a_full_stop_is_its_title():
    event = allsides_record(0)  # Trump and Kerry's "shadow diplomacy": three outlets' headline and lead
    document = prepare_document(Article(id="a", text=event["documents"][0]))
    assert document.title == "Trump slams John Kerry for 'shadow diplomacy' on Iran deal."
    assert [s.text for s in document.sentences] == [
        "President Trump on Monday slammed former Secretary of State John Kerry for reportedly working to save the "
        "Iran nuclear deal."]
    summary = {s.text.strip() for s in newsfuse.summarize(event["documents"], words=60)}
    assert summary and not summary & {title.strip() for title in event["titles"]}  # the third is a question


def test_a_short_first_paragraph_the_next_one_does_not_repeat_stays_a_sentence():
    text = ("A publicist says Tara Reid has checked herself into rehab.\n\n"
            "The actress, 33, reportedly headed to a Malibu treatment facility on Tuesday, her representative "
            "told People magazine in a statement.")
    document = prepare_document(Article(id="a", text=text))
    assert document.title == ""
    assert document.sentences[0].text.startswith("A publicist says")


def test_a_title_cased_first_paragraph_is_the_title_even_when_the_lead_does_not_restate_it():
    event = allsides_record(384)  # the 2018 shutdown meeting: the right outlet's headline is not restated by its lead
    headline = next(t for t in event["titles"] if t.startswith("Trump Throws Down With Pelosi"))
    text = next(d for d in event["documents"] if d.startswith(headline))
    document = prepare_document(Article(id="a", text=text))
    assert document.title == headline
    assert all(headline not in s.text for s in document.sentences)
    summary = " ".join(s.text for s in newsfuse.summarize(event["documents"], words=60))
    assert "Throws Down" not in summary


def test_a_sentence_full_of_names_is_not_title_case():
    from newsfuse.segment.headline import title_cased

    assert title_cased("Tara Reid Finally Checks Into Rehab For Undisclosed Reasons")
    assert title_cased("Netanyahu Wins Landslide Victory in Likud Primary, Touts Trump Ties and Historic US-Israel "
                       "Moves.")  # small words in lower case, every other word capitalised
    assert not title_cased("The Heff crowned Page Playmate of the Month in January of 1955.")
    assert not title_cased("A publicist says Tara Reid has checked herself into rehab.")


def test_texts_that_arrive_together_share_their_layout():
    """Trump accuses the FBI and the Justice Department of bias (three outlets). The second text's headline
    is title-cased and the third's is restated by its lead; the first's lead words its headline
    differently ("politicizing", "Dems"), so alone it would be a sentence. With the other two, its first
    line is a headline too, and the 60-word summary prints none of the three."""
    event = allsides_record(48)
    alone = prepare_document(Article(id="a", text=event["documents"][0]))
    assert alone.title == ""  # what the per-text rules say on their own
    brief = newsfuse.brief([Article(id=str(i), text=text) for i, text in enumerate(event["documents"])],
                           words=60, analysis=False)
    assert [source.title for source in brief.sources] == event["titles"]
    printed = {sentence.text.strip() for sentence in brief.summary}
    assert printed and not printed & {title.strip() for title in event["titles"]}


def test_short_lead_paragraphs_stay_sentences_when_most_texts_carry_no_headline():
    """Wire copy often opens with a one-sentence paragraph: one text with a headline among them does not
    outvote the others (their first paragraphs are leads, and they stay sentences)."""
    wire = ["Dock workers in Varnholm began a strike on Monday, the union said.\n\n"
            "Talks between the union and the port authority are due to resume on Friday, a spokesman said.",
            "Varnholm's dock workers walked out on Monday over pay.\n\n"
            "The port authority called the strike regrettable and said it had made a fair offer last week."]
    headed = "Port Strike Halts Varnholm Harbour Traffic\n\nDock workers walked out on Monday over pay, the union said."
    brief = newsfuse.brief([Article(id=str(i), text=text) for i, text in enumerate([*wire, headed])],
                           words=100, analysis=False)
    assert [source.title for source in brief.sources] == ["", "", "Port Strike Halts Varnholm Harbour Traffic"]


def test_a_first_line_taken_for_a_headline_leaves_the_sentences_splitting_the_rest_would_give():
    """The layout vote turns a first line into the title after the text was split: the sentences it keeps
    (renumbered, not split again) are those of the other paragraphs split on their own, on real records
    where the vote takes a first line."""
    from newsfuse.pipeline import prepare_all
    from newsfuse.segment import split_sentences

    for number in (0, 4, 9, 17, 48):
        event = allsides_record(number)
        documents, _ = prepare_all(Article(id=str(i), text=text) for i, text in enumerate(event["documents"]))
        for document in documents:
            if document.article.title != event["titles"][int(document.article.id)]:
                continue  # the title came from elsewhere, or none was found
            article = document.article
            again = split_sentences(article.text, document.blocks, article.id, document.language)
            assert document.sentences == again


def test_in_a_batch_the_clusters_read_so_far_vote_on_the_layout(tmp_path):
    """Three texts are too few to read a layout from: in the Kabul airport event (allsides-neus line 142)
    one outlet's headline is recognised by no per-text rule and its cluster's own vote is a tie, so a
    summary of the cluster alone prints "Joe Biden vows retaliation for Kabul airport attack." as a
    sentence. `newsfuse summarize` reads it after the tuning half's 71 events before it, whose texts open
    with headlines too, and no summary of the batch prints an outlet's headline."""
    from click.testing import CliRunner

    from newsfuse.cli import main

    events = [allsides_record(number) for number in range(0, 144, 2)]  # the tuning half's first 72 (even lines)
    assert events[-1]["id"] == "neus-train-142"
    headline = "Joe Biden vows retaliation for Kabul airport attack."
    alone = " ".join(sentence.text for sentence in newsfuse.summarize(events[-1]["documents"], words=60))
    assert headline in alone  # what the batch vote is for
    lines = "".join(json.dumps({"id": event["id"], "documents": event["documents"]}) + "\n" for event in events)
    result = CliRunner().invoke(main, ["summarize", "--words", "60"], input=lines)
    assert result.exit_code == 0
    summaries = {record["id"]: record["summary"] for record in map(json.loads, result.stdout.splitlines())}
    assert headline not in summaries["neus-train-142"]
    assert "Kabul" in summaries["neus-train-142"]
    for event in events:
        first_lines = {text.lstrip().partition("\n")[0].strip() for text in event["documents"]}
        assert not any(line and line in summaries[event["id"]] for line in first_lines), event["id"]


def test_a_record_that_is_only_its_headline_is_a_source_with_a_title_and_no_text():
    """allsides-neus line 230: one outlet's record is its headline and nothing else. Beside two texts that
    open with recognised headlines it is a headline too: a source (its words weigh in what the story is
    about) whose title is that line, never a summary sentence."""
    from newsfuse.render import render_text

    event = allsides_record(230)
    alone = "At U.N., Trump demands action against China over virus, Xi urges cooperation."
    assert event["documents"][1].strip() == alone
    brief = newsfuse.brief([Article(id=str(i), text=text) for i, text in enumerate(event["documents"])],
                           words=60, analysis=False)
    assert alone not in [sentence.text for sentence in brief.summary] and brief.summary
    source = brief.document("1")
    assert source.title == alone and source.words == 0 and not source.sentences
    assert f'"{alone}" (headline only, report)' in " ".join(render_text(brief).split())


def test_a_headline_over_no_running_text_is_a_title_not_a_sentence():
    """allsides-neus line 555: one outlet's record is its headline, "Why a conservative health care wonk thinks
    the AHCA is indefensible.", over a pull quote and its credit (a line the cleaner reads as a heading, no
    running text). Beside two texts that open with recognised headlines it is a headline too, and the 60-word
    summary no longer prints it as a sentence (the one held-out summary of the first 300 that did)."""
    event = allsides_record(555)
    headline = "Why a conservative health care wonk thinks the AHCA is indefensible."
    assert event["documents"][0].startswith(headline)
    brief = newsfuse.brief([Article(id=str(i), text=text) for i, text in enumerate(event["documents"])],
                           words=60, analysis=False)
    assert brief.summary and headline not in [sentence.text for sentence in brief.summary]
    assert brief.document("0").title == headline


def test_a_story_whose_texts_hold_no_complete_sentence_is_told_by_its_headlines():
    """allsides-neus line 484 (the hoax against Mueller): each outlet's lead is cut off mid-sentence, as feed
    items' descriptions often are. The summary is then the outlets' headlines, flagged as headlines, each a
    span of its source's text; a story with one printable sentence never gets a headline."""
    from newsfuse.pipeline import BriefOptions, build_brief
    from newsfuse.render.html import render_html
    from newsfuse.render.markdown import render_markdown
    from newsfuse.render.text import render_text
    from newsfuse.serve.feeds import brief_html

    event = allsides_record(484)
    brief = build_brief(newsfuse.api.numbered(event["documents"]), BriefOptions(words=60, analysis=False))
    assert brief.summary and all(sentence.headline for sentence in brief.summary)
    titles = {title.strip() for title in event["titles"]}
    for sentence in brief.summary:
        text = brief.document(sentence.origin.doc_id).article.text
        assert text[sentence.origin.start : sentence.origin.end] == sentence.text
        assert sentence.text in titles
    assert sum(len(sentence.text.split()) for sentence in brief.summary) <= 60
    assert "(headline) [" in render_text(brief) and "(headline) [" in render_markdown(brief)
    assert "<em>(headline)</em>" in render_html(brief)
    stored = json.loads(brief.to_json())
    assert stored["summary"][0]["headline"] is True
    assert "<em>(headline)</em>" in brief_html(stored, "/stories/1")  # the served feeds' entries
    for sentence in stored["summary"]:
        del sentence["headline"]  # a brief stored before the field existed still renders
    assert "(headline)" not in brief_html(stored, "/stories/1")

    told = build_brief(newsfuse.api.numbered(allsides_record(0)["documents"]), BriefOptions(words=60, analysis=False))
    assert told.summary and not any(sentence.headline for sentence in told.summary)


def test_headline_only_feed_items_are_summarised_by_their_headlines():
    """Feed items that carry a headline and nothing else (the text repeats the title, no full stop): a brief
    lists the headlines, each cited to its item where its text has it, rather than an empty summary."""
    from newsfuse.pipeline import BriefOptions, build_brief

    titles = ["Russia begins pulling forces out of Syria, defence ministry says",
              "Putin orders main part of Russian forces to withdraw from Syria"]
    items = [Article(id=f"item-{n}", title=title, text=title) for n, title in enumerate(titles)]
    brief = build_brief(items, BriefOptions(words=60, analysis=False))
    assert [sentence.text for sentence in brief.summary] == titles
    for sentence in brief.summary:
        assert sentence.headline and (sentence.origin.start, sentence.origin.end) == (0, len(sentence.text))
