"""Story clustering: features, the online clusterer, its window, copies by sketch, the batch labeller."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsfuse.cluster.batch import Label, cluster_lines, cluster_texts
from newsfuse.cluster.copies import CopyIndex, containment, sketch
from newsfuse.cluster.dates import parse_published
from newsfuse.cluster.features import bucket, event_days, extract_terms, term_strings
from newsfuse.cluster.online import OnlineClusterer
from newsfuse.cluster.params import ClusterParams
from newsfuse.cluster.split import SPLIT_MIN, bisect, should_split
from newsfuse.model import Problem
from tests.conftest import DATA

CRANE = ("A gantry crane collapsed at the Orsvik container quay on Tuesday, halting loading at the terminal. "
         "Harbour master Lene Dahlgren said engineers were inspecting the rails.")
CRANE_2 = ("Engineers inspected the rails of the Orsvik container quay after a gantry crane collapsed there on "
           "Tuesday, harbour master Lene Dahlgren said. Loading at the terminal stopped.")
LIBRARY = ("Telmar town council voted seven to four to close the Brannock branch library in June. Councillor "
           "Aris Penhallow said the building needed repairs the town could not afford.")
DAY = 86_400.0


def test_terms_keep_names_and_years_and_drop_stop_words() -> None:
    terms = term_strings("", "Police said the fire in Orsvik began in 2019. Nobody was hurt.")
    assert terms["@orsvik"] > 0  # a name mid-sentence gets its own term
    assert terms["#2019"] > 0
    assert "the" not in terms and "@police" not in terms  # stop words out; sentence-initial is not a name
    assert "@tuesday" not in term_strings("", "It happened on Tuesday.")  # days say when, not who


def test_the_days_a_lead_names_are_kept_apart_from_its_words() -> None:
    senate = ("Senators strike deal to end government shutdown.  U.S. senators struck a deal on Monday to lift a "
              "three-day government shutdown and try to end a fight between Democrats and Republicans.")
    assert extract_terms("", senate).days == event_days("", senate) == 0b0000001  # Monday
    assert event_days("Trump signs spending bill on Friday", "He said Saturday's vote was close.") == 0b0110000
    assert event_days("", CRANE) == 0b10 and event_days("", LIBRARY) == 0  # "in June" names no weekday
    assert event_days("", "No day here. " * 60 + "It ended on Sunday.") == 0  # the lead only: later days are context


def test_hash_is_stable_across_processes() -> None:
    assert bucket("orsvik") == 252973  # crc32, not the salted built-in hash
    assert bucket("@orsvik") & (1 << 19)  # entity terms live in the upper half
    assert not bucket("orsvik") & (1 << 19)


def test_same_event_joins_and_other_event_opens_a_story() -> None:
    labels = cluster_texts([CRANE, LIBRARY, CRANE_2])
    assert labels[0] == labels[2] != labels[1]


def test_clusterer_is_deterministic() -> None:
    texts = [CRANE, LIBRARY, CRANE_2, LIBRARY + " Campaigners booed.", CRANE + " Work resumes Thursday."]
    assert cluster_texts(texts) == cluster_texts(texts)


def test_window_closes_old_stories_and_bounds_memory() -> None:
    clusterer = OnlineClusterer(ClusterParams(window_days=2.0))
    first = clusterer.add(extract_terms("", CRANE), time=0.0)
    for day in range(1, 30):  # a new unrelated story every day
        clusterer.add(extract_terms("", f"Story number {day} about the town of Zed{day}x{day} and its mayor."),
                      time=day * DAY)
        clusterer.expire()
        assert len(clusterer.stories) <= 4  # only the window's stories stay in memory
    later = clusterer.add(extract_terms("", CRANE_2), time=30 * DAY)
    assert later.new and later.story != first.story  # the crane story had left the window


def test_dated_article_never_joins_a_story_far_away_in_time() -> None:
    clusterer = OnlineClusterer(ClusterParams(window_days=7.0))
    first = clusterer.add(extract_terms("", CRANE), time=0.0)
    same_week = clusterer.add(extract_terms("", CRANE_2), time=2 * DAY)
    assert same_week.story == first.story
    clusterer.add(extract_terms("", LIBRARY), time=400 * DAY)  # the clock moves on; the crane story expires
    clusterer.expire()
    a_year_later = clusterer.add(extract_terms("", CRANE_2), time=401 * DAY)
    assert a_year_later.story != first.story


def _sparse(rows: list[dict[int, float]]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    keys = [np.array(list(row), dtype=np.int32) for row in rows]
    values = [np.array(list(row.values()), dtype=np.float32) for row in rows]
    return keys, values


def test_a_story_of_two_events_is_cut_in_two_and_one_event_is_not() -> None:
    shared = {1: 0.5, 2: 0.5}  # the topic words both events use
    one = [{**shared, 10: 0.6, 11: 0.4 + 0.01 * n} for n in range(5)]
    other = [{**shared, 20: 0.6, 21: 0.4 + 0.01 * n} for n in range(4)]
    halves = bisect(*_sparse(one + other))
    assert should_split(halves)
    assert sorted(halves.keep) == list(range(5)) and sorted(halves.move) == list(range(5, 9))
    assert not should_split(bisect(*_sparse(one + one)))  # one event, however many reports
    odd_one_out = [*one, {**shared, 30: 0.9}]
    halves = bisect(*_sparse(odd_one_out))
    assert not should_split(halves) and (halves is None or min(len(halves.move), len(halves.keep)) < SPLIT_MIN)


def test_splits_relabel_earlier_articles() -> None:
    """A second event of the same kind first joins the story, then is cut out of it."""
    rows = [json.loads(line) for line in (DATA / "ecbplus" / "documents_flat.jsonl").open()]
    topic = [r for r in rows if r["topic"] == 14]  # two fires, each gutting a Waitrose supermarket
    clusterer = OnlineClusterer()
    for key, row in enumerate(topic):
        clusterer.add(extract_terms("", row["text"]), key=key)
    assert clusterer.take_splits(), "the two fires should have been told apart by a split"
    labels = cluster_texts([r["text"] for r in topic])
    by_event: dict[str, set[int]] = {}
    for row, label in zip(topic, labels, strict=True):
        by_event.setdefault(row["subtopic"], set()).add(label)
    first, second = by_event.values()
    assert not first & second


def test_a_story_that_ran_on_into_the_next_event_is_cut_where_it_began() -> None:
    """Reports of the BBC naming Matt Smith the eleventh Doctor (2009), then of Peter Capaldi named the
    twelfth (2013), in that order: the Capaldi reports join the Smith story (same show, same role, same
    broadcaster) and the split has to find where the story changed. From its odd member alone, two-means
    put two Smith reports with the nine Capaldi ones, the halves looked too alike to cut (0.553), and the
    story stayed whole (B-cubed F1 0.67); from its oldest and newest members too, the halves are the two
    events (0.499), and the Capaldi reports end in a story of their own."""
    rows = [json.loads(line) for line in (DATA / "ecbplus" / "documents_flat.jsonl").open()]
    topic = [r for r in rows if r["topic"] == 39]
    labels = cluster_texts([r["text"] for r in topic])
    smith = [label for row, label in zip(topic, labels, strict=True) if row["subtopic"] == "39_ecb"]
    capaldi = [label for row, label in zip(topic, labels, strict=True) if row["subtopic"] == "39_ecbplus"]
    assert len(capaldi) >= 10
    assert not set(capaldi) & set(smith)


def test_dates() -> None:
    assert parse_published("2025-04-08T09:10:00Z") == parse_published("2025-04-08T11:10:00+02:00")
    assert parse_published("not a date") is None
    assert parse_published("2025-04-08") == parse_published("2025-04-08T00:00:00Z")


def test_sketch_containment_finds_trimmed_copies_only() -> None:
    story = " ".join(f"Sentence {n} of the long report says the quay at Orsvik reopened on day {n}." for n in range(40))
    trimmed = story[: len(story) // 2]
    assert containment(sketch(trimmed), sketch(story)) > 0.8
    assert containment(sketch(CRANE), sketch(LIBRARY)) < 0.1
    index = CopyIndex()
    index.add(story=1, article=10, item=sketch(story))
    assert index.find_original(1, sketch(trimmed)) == 10
    assert index.find_original(1, sketch(LIBRARY)) is None
    assert index.find_original(2, sketch(trimmed)) is None  # copies are looked for within the story


def test_batch_labels_lines_and_reports_bad_ones() -> None:
    lines = [json.dumps({"id": "a", "text": CRANE}), "not json", json.dumps({"id": "b"}),
             json.dumps({"id": "c", "text": CRANE_2, "title": "Crane falls", "published": "2025-04-08"})]
    out = list(cluster_lines(lines))
    labels = [item for item in out if isinstance(item, Label)]
    problems = [item for item in out if isinstance(item, Problem)]
    assert [label.id for label in labels] == ["a", "c"] and labels[0].story == labels[1].story
    assert len(problems) == 2


@pytest.mark.slow
def test_ecbplus_quality_floors() -> None:
    """Pinned floors on ECB+ (a regression gate; the measured figures are in docs/benchmarks.md)."""
    from benchmarks.ecbplus_clustering import bcubed, load_ecbplus

    docs = load_ecbplus(DATA / "ecbplus" / "documents_flat.jsonl")
    labels = cluster_texts([d["text"] for d in docs])
    assert bcubed(labels, [d["topic"] for d in docs])[0] >= 0.99  # unrelated events never mixed
    # The floor is 0.90: in file order the words alone reach 0.8997 here (0.906 with embeddings,
    # `newsfuse cluster`'s default; docs/benchmarks.md), so this gate sits just below the measured figure.
    assert bcubed(labels, [d["subtopic"] for d in docs])[2] >= 0.895
