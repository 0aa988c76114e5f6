"""Copies: trimmed copies and syndicated rewrites point at their original; independent reports do not."""

from __future__ import annotations

import json

from newsfuse.dedupe import mark_copies
from newsfuse.ingest import read_inputs
from newsfuse.model import Article
from newsfuse.pipeline import prepare_all
from tests.conftest import DATA, EXAMPLES, SEEDS


def _prepared(paths):
    documents, _ = prepare_all(read_inputs([str(p) for p in paths]))
    mark_copies(documents)
    return {doc.id: doc for doc in documents}


def test_the_trimmed_seed_copy_points_at_its_original_and_nothing_else_is_a_copy():
    docs = _prepared([SEEDS])
    copies = {doc_id[:3]: (doc.duplicate_of or "")[:3] for doc_id, doc in docs.items() if doc.duplicate_of}
    assert copies == {"002": "001"}
    assert docs[next(i for i in docs if i.startswith("002"))].copy_similarity > 0.8


def test_the_example_syndicated_page_is_a_copy_of_the_wire_report():
    docs = _prepared([EXAMPLES / "harbour-strike"])
    assert docs["regional-copy"].duplicate_of == "wire-report"
    assert {doc_id for doc_id, doc in docs.items() if doc.duplicate_of} == {"regional-copy"}


def test_a_rewrite_with_a_new_lead_and_edited_sentences_is_still_a_copy():
    original = (
        "The city council approved a new bridge over the river on Monday after a long debate. "
        "Construction of the bridge will start in June and cost 40 million euros, the council said. "
        "Residents opposed to the bridge said they would appeal the council decision in court. "
        "The mayor said the bridge would cut travel times between the two districts by half. "
        "The opposition said the money should have been spent on schools and housing instead. "
        "A final vote on the budget for the bridge is expected before the end of the year."
    )
    rewrite = (
        "Local news: bridge plan goes ahead.\n\n"
        + original.replace("on Monday", "late on Monday").replace("by half", "by fifty percent")
    )
    other = (
        "Councillors backed plans for a river crossing this week. Opponents vowed to fight on, and the mayor "
        "praised a decision he said would bring the districts closer together. Work starts in the summer."
    )
    documents, _ = prepare_all([Article(id="original", text=original), Article(id="rewrite", text=rewrite),
                                Article(id="other", text=other)])
    mark_copies(documents)
    by_id = {doc.id: doc for doc in documents}
    assert by_id["rewrite"].duplicate_of == "original" or by_id["original"].duplicate_of == "rewrite"
    assert by_id["other"].duplicate_of is None


def test_a_copy_of_a_copy_points_at_the_first_original():
    text = ("Storm winds of up to 140 km/h closed schools and cut power to 30,000 homes along the coast on "
            "Sunday, the energy company said. Ferries stayed in port and several roads were blocked by fallen "
            "trees. Forecasters expect the wind to ease on Monday afternoon.")
    documents, _ = prepare_all([
        Article(id="full", text=text + " Schools will reopen on Tuesday, the education office said."),
        Article(id="copy", text=text),
        Article(id="copy-of-copy", text=text.rsplit(" Forecasters", 1)[0]),
    ])
    mark_copies(documents)
    assert [doc.duplicate_of for doc in documents] == [None, "full", "full"]


def test_copies_never_join_two_different_events():
    """ECB+ topics hold two similar events each (same kind of news, shared names); wire copies within one event
    are real, but a copy link across the two events would merge different stories."""
    records = [json.loads(line) for line in (DATA / "ecbplus" / "documents_flat.jsonl").open()]
    chosen = [r for r in records if r["topic"] <= 10]
    event = {r["doc_id"]: r["subtopic"] for r in chosen}
    documents, _ = prepare_all(Article(id=r["doc_id"], text=r["text"]) for r in chosen)
    mark_copies(documents)
    links = [(doc.id, doc.duplicate_of) for doc in documents if doc.duplicate_of]
    assert links, "ECB+ holds some wire copies within an event"
    assert all(event[copy] == event[original] for copy, original in links), links
    assert len(links) < 0.1 * len(documents)
