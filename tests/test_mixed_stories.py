"""A pile of articles that tells more than one story is briefed with a warning that says which sources go
together, so no reader takes two stories' sources for each other's corroboration."""

from __future__ import annotations

import json

from click.testing import CliRunner

import newsfuse
from newsfuse.cli import main
from newsfuse.cluster.mixed import MAX_SOURCES, stories_told
from newsfuse.render import RENDERERS
from tests.conftest import DATA, EXAMPLES, SEEDS

NEWSDESK = EXAMPLES / "newsdesk"
HARBOUR = EXAMPLES / "harbour-strike"


def _warnings(brief) -> list[str]:
    return [problem.reason for problem in brief.problems if problem.input == "sources"]


def test_a_folder_of_two_stories_gets_a_warning_naming_each_story():
    """The bundled newsdesk holds a footbridge's closure and a library's reopening."""
    result = CliRunner().invoke(main, ["brief", "--no-analysis", "--format", "json", str(NEWSDESK)],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert "seem to tell 2 different stories" in result.stderr
    brief = json.loads(result.stdout)
    assert len(brief["stories"]) == 2
    bridge, library = (next(group for group in brief["stories"] if name in group)
                       for name in ("bridge-closed", "library-reopens"))
    assert bridge is not library
    assert {"courier-bridge-closed", "bridge-inspection", "urn:example:ashe-ledger:footbridge"} <= set(bridge)
    assert "courier-library-reopens" in library
    assert sorted(name for group in brief["stories"] for name in group) == sorted(s["id"] for s in brief["sources"])


def test_one_story_told_by_many_kinds_of_source_gets_no_warning():
    """The seeds (wire copy, a rewrite, an opinion piece) and the harbour-strike example are one story each."""
    for inputs in ([SEEDS], [HARBOUR]):
        brief = newsfuse.brief(inputs, analysis=False)
        assert len(brief.stories) == 1
        assert sorted(brief.stories[0]) == sorted(doc.id for doc in brief.documents)
        assert not _warnings(brief)
        assert "Warning" not in RENDERERS["text"](brief)


def test_an_event_series_over_weeks_is_one_story():
    """TAC 2011 clusters follow one topic over weeks (tsunami aid, then its tax rules, ...): their
    sub-events share few words, but as few within them as across them."""
    for line in (DATA / "tac2011-multiling" / "english.jsonl").read_text(encoding="utf-8").splitlines():
        brief = newsfuse.brief(newsfuse.api.numbered(json.loads(line)["documents"]), analysis=False)
        assert len(brief.stories) == 1, brief.title


def test_a_stray_article_is_its_own_story_and_the_brief_says_so():
    stray = HARBOUR / "business-desk.jsonl"
    brief = newsfuse.brief([SEEDS, stray], analysis=False)
    assert brief.stories[1] == ["business-desk"]
    assert len(brief.stories[0]) == 5
    assert "2 different stories" in _warnings(brief)[0]
    for name in ("text", "markdown", "html"):
        assert "seem to tell 2 different stories" in RENDERERS[name](brief), name


def test_two_articles_alone_are_one_story():
    """With one article on each side, nothing says how much one story's reports share: no verdict."""
    pages = NEWSDESK / "pages"
    brief = newsfuse.brief([pages / "bridge-closed.html", pages / "library-reopens.html"], analysis=False)
    assert len(brief.stories) == 1 and not _warnings(brief)


def test_a_stream_larger_than_a_story_is_not_compared_pair_by_pair():
    """Two stories, told apart below the cap; one more article and the pile is a stream, left unchecked."""
    def pile(size: int) -> list[tuple[str, str, str]]:
        strike = "Dock workers at Varnholm walked out on Monday over automation; cranes stood idle at the port."
        library = "Kestrel Hill library reopened after a rebuild that added a children's wing and a reading room."
        return [(str(number), "", strike if number % 2 else library) for number in range(size)]

    assert len(stories_told(pile(MAX_SOURCES))) == 2
    articles = pile(MAX_SOURCES + 1)
    assert stories_told(articles) == [[identifier for identifier, _, _ in articles]]


def test_an_article_with_no_word_to_compare_stays_with_the_largest_story():
    bridge = "Engineers closed the Tolvern footbridge after finding a crack in a steel hanger on Monday."
    articles = [("a", "Tolvern footbridge closed", bridge), ("b", "Footbridge shut in Tolvern", bridge),
                ("c", "", "Yes.")]
    assert stories_told(articles) == [["a", "b", "c"]]


def test_reports_in_another_language_are_not_called_another_story():
    """Words cannot say whether an Arabic report tells the English reports' story: no verdict on it."""
    arabic = json.loads((DATA / "tac2011-multiling" / "arabic.jsonl").read_text(encoding="utf-8").splitlines()[0])
    articles = newsfuse.read([SEEDS]) + newsfuse.api.numbered(arabic["documents"][:2])
    brief = newsfuse.brief(articles, analysis=False)
    assert {doc.language for doc in brief.documents} == {"en", "ar"}
    assert len(brief.stories) == 1 and not _warnings(brief)


def test_the_web_app_s_story_page_carries_the_warning():
    from newsfuse.serve.briefs import page_view

    assert "2 different stories" in page_view(newsfuse.brief([NEWSDESK], analysis=False))["mixed_note"]
    assert page_view(newsfuse.brief([HARBOUR], analysis=False))["mixed_note"] is None


def test_a_pile_of_many_stories_is_called_mixed():
    """Ten ECB+ events (a rehab, a death, an earthquake, ...): the first split of the pile is between two
    mixtures, which share as little within as across; the stories are found further down."""
    lines = (DATA / "ecbplus" / "clusters.jsonl").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines if json.loads(line)["id"].endswith("_ecb")][:10]
    articles = [newsfuse.Article(id=f"{event['id']}-{number}", text=text)
                for event in events for number, text in enumerate(event["documents"])]
    brief = newsfuse.brief(articles, analysis=False)
    assert _warnings(brief)
    # The count is rough (four celebrity stories stay together, sharing their words), but most groups found
    # are one event each.
    single_events = [group for group in brief.stories if len({name.rsplit("-", 1)[0] for name in group}) == 1]
    assert len(single_events) >= 5


def test_each_story_gets_its_own_brief_on_request():
    run = CliRunner().invoke
    result = run(main, ["brief", "--each-story", "--no-analysis", "--format", "json", str(NEWSDESK)],
                 catch_exceptions=False)
    assert result.exit_code == 0 and "2 different stories: one brief each" in result.stderr
    assert "which this brief mixes" not in result.stderr
    briefs = json.loads(result.stdout)
    assert [len(each["stories"]) for each in briefs] == [1, 1]
    bridge, library = ({source["id"] for source in each["sources"]} for each in briefs)
    assert "bridge-closed" in bridge and "library-reopens" in library and not bridge & library
    assert not any("library" in sentence["text"].lower() for sentence in briefs[0]["summary"])
    text = run(main, ["brief", "--each-story", "--no-analysis", str(NEWSDESK)], catch_exceptions=False).stdout
    assert "Cracked hanger shuts Tolvern footbridge" in text and "Kestrel Hill library reopens" in text
    assert "Warning" not in text
    # One story: the same brief as without the option, in a list for programs.
    one = run(main, ["brief", "--each-story", "--no-analysis", "--format", "json", str(HARBOUR)]).stdout
    assert len(json.loads(one)) == 1
    refused = run(main, ["brief", "--each-story", "--format", "html", str(NEWSDESK)])
    assert refused.exit_code == 2


def _ecbplus_reports() -> dict[str, list[dict]]:
    by_event: dict[str, list[dict]] = {}
    for line in (DATA / "ecbplus" / "documents_flat.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        by_event.setdefault(record["subtopic"], []).append(record)
    return by_event


def test_unrelated_articles_beside_a_story_are_each_their_own_story():
    """One ECB+ event's 19 reports and one report of each of twelve other events: the twelve share almost
    nothing with each other, and the tree had kept seven of them as one "story"."""
    by_event = _ecbplus_reports()
    strays = [reports[0] for event, reports in sorted(by_event.items()) if event.endswith("_ecb") and event != "12_ecb"]
    pile = by_event["12_ecb"] + strays[10:22]
    groups = stories_told([(report["doc_id"], "", report["text"]) for report in pile])
    event_of = {report["doc_id"]: report["subtopic"] for report in pile}
    assert sorted(event_of[name] for name in groups[0]) == ["12_ecb"] * 19
    # What else is grouped is at most a pair of close neighbours (two crime reports), never a heap of strays.
    assert max(len(group) for group in groups[1:]) <= 2
    assert len(groups) >= 10


def test_the_warning_names_a_few_stories_and_counts_the_rest():
    by_event = _ecbplus_reports()
    events = [event for event in sorted(by_event) if event.endswith("_ecb")][:12]  # 147 reports
    articles = [newsfuse.Article(id=report["doc_id"], text=report["text"])
                for event in events for report in by_event[event]]
    brief = newsfuse.brief(articles, analysis=False)
    warning, = _warnings(brief)
    assert len(brief.stories) > 5
    rest = len(brief.stories) - 5
    assert warning.count(" like ") == 5
    assert f"{rest} more {'story' if rest == 1 else 'stories'} (" in warning
