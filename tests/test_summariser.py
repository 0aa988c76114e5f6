"""The summariser's rules: word budget, no repeats, lead first, every sentence cited, copies collapsed."""

from __future__ import annotations

import json

import pytest

from newsfuse.dedupe import mark_copies
from newsfuse.model import Article
from newsfuse.pipeline import prepare_all
from newsfuse.summarise import Summariser
from newsfuse.summarise.select import overlap
from newsfuse.summarise.units import build_units
from tests.conftest import DATA, SEEDS


def _documents(texts: list[str]):
    documents, _ = prepare_all(Article(id=f"doc-{n}", text=text) for n, text in enumerate(texts, 1))
    mark_copies(documents)
    return documents


@pytest.fixture(scope="module")
def tac_clusters():
    lines = (DATA / "tac2011-multiling" / "english.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[:4]]


@pytest.fixture(scope="module")
def seed_documents():
    from newsfuse.ingest import read_inputs

    documents, _ = prepare_all(read_inputs([str(SEEDS)]))
    mark_copies(documents)
    return documents


@pytest.mark.parametrize("budget", [50, 100, 250])
def test_summary_never_exceeds_the_word_budget(tac_clusters, budget):
    for cluster in tac_clusters:
        summary = Summariser(words=budget).summarise(_documents(cluster["documents"]))
        assert summary, cluster["id"]
        assert sum(len(s.text.split()) for s in summary) <= budget


def test_budget_is_mostly_used_when_there_is_enough_text(tac_clusters):
    for cluster in tac_clusters:
        summary = Summariser(words=250).summarise(_documents(cluster["documents"]))
        assert sum(len(s.text.split()) for s in summary) >= 200, cluster["id"]


def test_no_two_summary_sentences_repeat_each_other(tac_clusters, seed_documents):
    for documents in [_documents(c["documents"]) for c in tac_clusters] + [seed_documents]:
        units = {u.text: u for doc in documents for u in build_units(doc)}
        chosen = [units[s.text] for s in Summariser(words=250).summarise(documents)]
        for i, a in enumerate(chosen):
            for b in chosen[i + 1 :]:
                assert overlap(a, b) <= 0.5, (a.text, b.text)


def test_summary_opens_with_a_lead_sentence(seed_documents):
    summary = Summariser(words=200).summarise(seed_documents)
    first = summary[0]
    doc = next(d for d in seed_documents if d.id == first.origin.doc_id)
    index = next(s.index for s in doc.sentences if s.start == first.origin.start)
    assert index <= 1
    assert "withdraw" in first.text.lower()


def test_every_sentence_cites_its_origin_and_spans_are_exact(seed_documents):
    by_id = {doc.id: doc for doc in seed_documents}
    for sentence in Summariser(words=200).summarise(seed_documents):
        assert sentence.sources[0] == sentence.origin.doc_id
        text = by_id[sentence.origin.doc_id].article.text
        assert "".join(text[p.start : p.end] for p in sentence.pieces) == sentence.text or (
            text[sentence.pieces[0].start : sentence.pieces[0].end][1:] == sentence.text[1:]
        )
        for evidence in sentence.evidence:
            assert 0 <= evidence.start < evidence.end <= len(by_id[evidence.doc_id].article.text)


def test_copies_never_count_as_extra_sources(seed_documents):
    copy = next(doc for doc in seed_documents if doc.id.startswith("002"))
    assert copy.duplicate_of and copy.duplicate_of.startswith("001")
    for sentence in Summariser(words=200).summarise(seed_documents):
        assert copy.id not in sentence.sources


def test_a_fact_told_by_several_outlets_cites_them_all(seed_documents):
    summary = Summariser(words=200).summarise(seed_documents)
    withdrawal = summary[0]
    # 000, 001 (with its copy 002), 003 and 004 all report the order to withdraw.
    assert {s[:3] for s in withdrawal.sources} >= {"000", "001", "003", "004"}


def test_opinion_sentences_are_not_stated_as_fact(seed_documents):
    opinion = frozenset(doc.id for doc in seed_documents if doc.id.startswith("004"))
    for sentence in Summariser(words=200).summarise(seed_documents, opinion=opinion):
        assert sentence.origin.doc_id not in opinion


def test_summary_follows_the_order_sources_tell_the_story_in():
    texts = [
        "The city council approved a new bridge over the river on Monday after a long debate.\n\n"
        "Construction of the bridge will start in June and cost 40 million euros, the council said.\n\n"
        "Residents opposed to the bridge said they would appeal the council decision in court.",
        "City councillors voted on Monday to approve a new bridge over the river after a long debate.\n\n"
        "Work on the bridge is to start in June at a cost of 40 million euros, officials said.\n\n"
        "Opponents of the bridge said they would appeal the decision of the council in court.",
    ]
    summary = Summariser(words=60).summarise(_documents(texts))
    joined = " ".join(s.text for s in summary)
    assert joined.index("approve") < joined.index("June")


def test_update_summary_leaves_out_what_was_already_known(seed_documents):
    known = [d for d in seed_documents if d.id.startswith(("000", "001", "002"))]
    new = [d for d in seed_documents if d.id.startswith("003")]
    summary = Summariser(words=100).summarise(new, known=known)
    assert summary
    for sentence in summary:
        assert "announced Monday that he would be withdrawing" not in sentence.text
