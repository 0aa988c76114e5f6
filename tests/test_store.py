"""The article database: schema, idempotence, restart from committed rows, story queries, update briefs."""

from __future__ import annotations

import json
import os

import pytest

from newsfuse.cluster.params import ClusterParams
from newsfuse.model import Article, Problem
from newsfuse.pipeline import BriefOptions
from newsfuse.store.briefs import story_brief
from newsfuse.store.db import SCHEMA_VERSION, connect, default_db_path
from newsfuse.store.ingest import Ingester, decode_vector, encode_vector
from newsfuse.store.keys import content_hash, url_key
from newsfuse.store.queries import list_stories, story_articles
from newsfuse.store.sources import stream_inputs
from tests.conftest import DATA, FIXTURES

STREAM = FIXTURES / "stream"


def _articles() -> list[Article]:
    return [item for item in stream_inputs([str(STREAM / "articles.jsonl")], 10**6) if isinstance(item, Article)]


def _ingest(db, items) -> Ingester:
    ingester = Ingester(db, batch_size=2)
    ingester.ingest(items)
    return ingester


def test_schema_is_versioned_and_in_wal_mode(tmp_path) -> None:
    db = connect(tmp_path / "news.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connect(tmp_path / "news.db").close()  # opening again migrates nothing and fails nothing
    with pytest.raises(FileNotFoundError):
        connect(tmp_path / "missing.db", create=False)


def test_default_path_follows_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("NEWSFUSE_DB", "/somewhere/news.db")
    assert str(default_db_path()) == "/somewhere/news.db"
    monkeypatch.delenv("NEWSFUSE_DB")
    assert str(default_db_path()) == "newsfuse.db"


def test_keys() -> None:
    assert url_key("https://www.Example.com/a/b/?utm_source=x&id=3#top") == url_key("http://example.com/a/b?id=3")
    assert url_key("https://example.com/a?id=3") != url_key("https://example.com/a?id=4")
    assert content_hash("One  text\n here") == content_hash("one text here")


def test_the_same_article_twice_is_one_article(tmp_path) -> None:
    db = connect(tmp_path / "news.db")
    first = _ingest(db, _articles()).report
    assert first.added == 5 and first.duplicates == 1  # quay-1-again has quay-1's URL (www., slash, utm)
    again = _ingest(db, _articles()).report
    assert again.added == 0 and again.duplicates == 6
    renamed = Article(id="other-id", text=_articles()[1].text.upper())  # same content, no URL
    assert _ingest(db, [renamed]).report.duplicates == 1
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_stories_group_the_events(tmp_path) -> None:
    db = connect(tmp_path / "news.db")
    _ingest(db, _articles())
    stories = list_stories(db)
    assert sorted(story.articles for story in stories) == [2, 3]
    by_story = {s.id: {a.title for a in story_articles(db, s.id)} for s in stories}
    assert any(all("Orsvik" in t for t in titles) for titles in by_story.values())
    quay = next(s for s in stories if s.articles == 3)
    assert quay.sources == 2 and quay.title == "Crane collapse halts work at Orsvik container quay"
    assert list_stories(db, since=quay.last_seen + 1) == []


def test_bad_entries_are_reported_and_skipped(tmp_path) -> None:
    db = connect(tmp_path / "news.db")
    problems: list[Problem] = []
    ingester = Ingester(db, on_problem=problems.append)
    report = ingester.ingest(stream_inputs([str(STREAM / "articles.jsonl")], 10**6))
    assert report.added == 5 and report.problems == 2  # the broken line and the record without text
    assert any("malformed JSON" in p.reason for p in problems)
    assert any("same URL" in p.reason and not p.fatal for p in problems)


def test_a_new_ingest_continues_the_same_stories(tmp_path) -> None:
    """Restarting rebuilds the window from committed rows: two runs cluster as one run does."""
    rows = [json.loads(line) for line in (DATA / "ecbplus" / "documents_flat.jsonl").open()][:120]
    articles = [Article(id=r["doc_id"], text=r["text"], published="2024-01-01") for r in rows]
    one = connect(tmp_path / "one.db")
    _ingest(one, articles)
    two = connect(tmp_path / "two.db")
    _ingest(two, articles[:70])
    _ingest(two, articles[70:])  # a fresh Ingester: state comes from the database
    query = "SELECT source_id, story_id FROM articles ORDER BY id"
    assert one.execute(query).fetchall() == two.execute(query).fetchall()
    assert _stories_agree_with_articles(one) and _stories_agree_with_articles(two)
    # The restored members keep the days their leads name (the join rule reads them).
    assert two.execute("SELECT count(*) FROM articles WHERE event_days != 0").fetchone()[0] >= 20


def test_splits_keep_the_story_table_true(tmp_path) -> None:
    rows = [json.loads(line) for line in (DATA / "ecbplus" / "documents_flat.jsonl").open()]
    articles = [Article(id=r["doc_id"], text=r["text"], outlet=f"outlet {n % 7}") for n, r in enumerate(rows[:300])]
    db = connect(tmp_path / "news.db")
    ingester = Ingester(db, ClusterParams(threshold=0.2), batch_size=2)  # lenient joins, so stories split
    ingester.ingest(articles)
    report = ingester.report
    assert report.splits > 0
    assert _stories_agree_with_articles(db)


def _stories_agree_with_articles(db) -> bool:
    stored = db.execute("SELECT id, articles, copies, sources, first_seen, last_seen FROM stories "
                        "WHERE articles > 0 ORDER BY id").fetchall()
    counted = db.execute("SELECT story_id, count(*), count(copy_of), count(DISTINCT source), min(seen), max(seen) "
                         "FROM articles GROUP BY story_id ORDER BY story_id").fetchall()
    return stored == counted


def test_vectors_round_trip() -> None:
    vector = {3: 0.5, 1 << 19 | 7: 0.25}
    assert decode_vector(encode_vector(vector)) == vector


def test_update_brief_tells_only_what_is_new(tmp_path) -> None:
    db = connect(tmp_path / "news.db")
    _ingest(db, _articles())
    quay = next(s for s in list_stories(db) if s.articles == 3)
    full = story_brief(db, quay.id, BriefOptions(words=100, analysis=False))
    assert not isinstance(full, Problem) and len(full.documents) == 3
    cut = story_articles(db, quay.id)[-1]  # the last article is the only new one
    since = db.execute("SELECT seen FROM articles WHERE id = ?", (int(cut.id),)).fetchone()[0]
    update = story_brief(db, quay.id, BriefOptions(words=100, analysis=False), since=since)
    assert not isinstance(update, Problem)
    assert [doc.id for doc in update.documents] == [cut.id]
    assert all(sentence.origin.doc_id == cut.id for sentence in update.summary)
    nothing = story_brief(db, quay.id, BriefOptions(words=100, analysis=False), since=since + 1)
    assert isinstance(nothing, Problem)
    assert isinstance(story_brief(db, 999, BriefOptions()), Problem)


def test_a_read_only_connection_reads_and_never_writes(tmp_path) -> None:
    import sqlite3

    from newsfuse.store.db import connect_readonly

    path = tmp_path / "news.db"
    writer = connect(path)
    _ingest(writer, _articles()[:4])
    writer.close()
    reader = connect_readonly(path)
    assert len(list_stories(reader)) >= 1
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.execute("DELETE FROM stories")
    reader.close()


def test_a_file_that_is_not_a_newsfuse_database_is_refused_unchanged(tmp_path) -> None:
    import sqlite3

    from newsfuse.store.db import StoreError, connect_readonly

    app = tmp_path / "app.db"
    with sqlite3.connect(app) as other:
        other.execute("CREATE TABLE accounts (name TEXT)")
    before = app.read_bytes()
    for opener in (connect, connect_readonly):
        with pytest.raises(StoreError, match=r"not a newsfuse database .* accounts"):
            opener(app)
    assert app.read_bytes() == before
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(StoreError, match="no newsfuse data"):
        connect_readonly(empty)
    connect(empty).close()  # an empty file is a new database: ingest may create its tables
    assert connect_readonly(empty).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _open_and_close(path: str) -> str:
    try:
        connect(path).close()
    except Exception as error:  # reported to the parent, which asserts there were none
        return repr(error)
    return ""


def test_processes_creating_one_new_database_at_once_all_succeed(tmp_path) -> None:
    """Several ingests started together on a new file: one creates the tables, the others must see a
    newsfuse database (not "someone else's tables") however their reads interleave with its commit."""
    import multiprocessing

    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    with context.Pool(4) as pool:
        for attempt in range(15):
            errors = pool.map(_open_and_close, [str(tmp_path / f"news{attempt}.db")] * 4)
            assert not any(errors), errors


def test_a_restarted_ingest_still_reads_the_days_stored_articles_name(tmp_path) -> None:
    """Senators end the January shutdown "on Monday"; Trump signs the March spending bill "on Friday"
    (allsides-neus, after 30 other events): stored in one run and arriving in the next, the second event's
    reports are judged against the stored ones as in one uninterrupted run (which a restart that lost the
    stored articles' days does not do)."""
    with (DATA / "allsides-neus" / "train.jsonl").open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    background = [record for number, record in enumerate(records) if number % 2 == 1][:30]
    by_id = {record["id"]: record for record in records}
    first, second = ([Article(id=f"{record['id']}-{i}", text=text)
                      for record in part for i, text in enumerate(record["documents"])]
                     for part in ([*background, by_id["neus-train-111"]], [by_id["neus-train-285"]]))
    one = connect(tmp_path / "one.db")
    _ingest(one, first + second)
    two = connect(tmp_path / "two.db")
    _ingest(two, first)
    _ingest(two, second)
    query = "SELECT source_id, story_id FROM articles ORDER BY id"
    assert one.execute(query).fetchall() == two.execute(query).fetchall()
    stories = dict(two.execute(query).fetchall())
    assert not {stories[f"neus-train-111-{i}"] for i in range(3)} & {stories[f"neus-train-285-{i}"] for i in range(3)}


@pytest.mark.parametrize("version", [2, 3])
def test_a_database_from_a_previous_version_is_migrated_and_goes_on(tmp_path, version: int) -> None:
    import sqlite3

    from newsfuse.store.db import _MIGRATIONS, _statements

    path = tmp_path / "old.db"
    old = sqlite3.connect(path, isolation_level=None)
    for step in range(1, version + 1):
        for statement in _statements(_MIGRATIONS[step]):
            old.execute(statement)
    old.execute(f"PRAGMA user_version = {version}")
    old.close()
    db = connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    _ingest(db, _articles())
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    assert db.execute("SELECT count(*) FROM articles WHERE event_days != 0").fetchone()[0] > 0
