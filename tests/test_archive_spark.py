"""`newsfuse archive --engine spark` in local[2] mode: the Spark engine runs the same stage functions as
the local engine and must give the same tables; a WARC crawl goes through end to end; ECB+ stories match
`newsfuse cluster`. One Spark session (about 14 s to start) is shared by the whole test run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.archive.engine_local import run_local
from newsfuse.archive.records import ArchiveOptions
from newsfuse.archive.tables import read_table
from tests.conftest import DATA, EXAMPLES
from tests.test_archive import same_partition, seed_pages, write_warc

# Words alone: these tests are about the engines; test_with_embeddings_spark_gives_the_local_engine_tables
# runs the default, grouping by meaning too, on both.
OPTIONS = ArchiveOptions(partitions=2, words=120, embeddings=False)


@pytest.fixture(scope="session")
def spark():
    from newsfuse.archive.engine_spark import spark_session

    session = spark_session("local[2]", partitions=2, app="newsfuse tests")
    yield session
    session.stop()


def both_engines(spark, inputs: list[str], tmp_path: Path, options: ArchiveOptions = OPTIONS) -> tuple[Path, Path]:
    from newsfuse.archive.engine_spark import run_spark

    local, distributed = tmp_path / "local", tmp_path / "spark"
    run_local(inputs, local, options)
    run_spark(inputs, distributed, options, spark=spark)
    return local, distributed


def table(folder: Path, name: str, key: str) -> list[dict]:
    return sorted(read_table(folder / name), key=lambda row: row[key])


def assert_same_tables(local: Path, distributed: Path) -> None:
    assert table(distributed, "articles", "key") == table(local, "articles", "key")
    assert table(distributed, "stories", "story") == table(local, "stories", "story")
    assert table(distributed, "briefs", "story") == table(local, "briefs", "story")


def test_harbour_strike_on_spark_gives_the_local_engine_tables(spark, tmp_path: Path) -> None:
    from newsfuse.archive.engine_spark import run_spark_briefs

    local, distributed = both_engines(spark, [str(EXAMPLES / "harbour-strike")], tmp_path)
    assert_same_tables(local, distributed)
    briefs = read_table(distributed / "briefs")
    assert len(briefs) == 1
    run_spark_briefs(distributed, OPTIONS, spark=spark)  # the last stage alone, from the articles table
    assert read_table(distributed / "briefs") == briefs


def test_a_warc_crawl_goes_through_spark_end_to_end(spark, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    pages = seed_pages()
    write_warc(crawl / "part-0.warc.gz", pages[:3])
    write_warc(crawl / "part-1.warc", pages[3:], compress=False)
    local, distributed = both_engines(spark, [str(crawl)], tmp_path)
    assert_same_tables(local, distributed)
    articles = read_table(distributed / "articles")
    assert len(articles) == 6 and len({row["story"] for row in articles}) == 1
    assert sum(row["copy_of"] is not None for row in articles) == 2
    brief = json.loads(read_table(distributed / "briefs")[0]["brief"])
    assert brief["summary"] and all(sentence["sources"] for sentence in brief["summary"])


def test_dated_stream_across_window_edges_same_on_both_engines_one_story_per_article(spark, tmp_path: Path) -> None:
    """Short windows (3 days) over 20 days of synthetic news: the merge across edges gives every article one
    story, the same on both engines, close to the single-process clusterer."""
    from benchmarks.ecbplus_clustering import bcubed
    from benchmarks.make_stream import build
    from newsfuse.cluster.batch import Label, cluster_lines

    records = list(build(240, 20, 5, DATA.parent))
    for record in records:
        record.pop("event")
    path = tmp_path / "stream.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    options = ArchiveOptions(partitions=2, window_days=3.0, overlap_days=2.0, embeddings=False)
    local, distributed = both_engines(spark, [str(path)], tmp_path, options)
    assert_same_tables(local, distributed)
    articles = read_table(distributed / "articles")
    assert len(articles) == len({row["key"] for row in articles})  # one row, so one story, per article
    stream = {item.id: item.story for item in cluster_lines(path.open(encoding="utf-8")) if isinstance(item, Label)}
    archived = {row["id"]: row["story"] for row in articles}
    ids = sorted(set(stream) & set(archived))  # articles with no text left after cleaning are reported, not used
    assert len(ids) >= 0.95 * len(stream)
    _, _, f1 = bcubed([archived[i] for i in ids], [stream[i] for i in ids])
    print(f"B-cubed F1 against the single-process clusterer: {f1:.3f}")
    assert f1 >= 0.9


def test_ecbplus_on_spark_gives_the_stories_of_newsfuse_cluster(spark, tmp_path: Path) -> None:
    from newsfuse.archive.engine_spark import run_spark
    from newsfuse.cluster.batch import Label, cluster_lines

    lines = [line for line in (DATA / "ecbplus" / "documents_flat.jsonl").open(encoding="utf-8")
             if json.loads(line)["topic"] in (1, 2, 3, 4)]
    (tmp_path / "ecb.jsonl").write_text("".join(lines), encoding="utf-8")
    run_spark([str(tmp_path / "ecb.jsonl")], tmp_path / "out", OPTIONS, spark=spark)
    archived = {row["id"]: row["story"] for row in read_table(tmp_path / "out" / "articles")}
    # An article with no text left after cleaning is reported and left out; the rest are the same input.
    assert len(archived) >= len(lines) - 2
    records = [json.loads(line) for line in lines]
    kept = [json.dumps({"id": r["doc_id"], "text": r["text"]}) for r in records if r["doc_id"] in archived]
    stream = {item.id: item.story for item in cluster_lines(kept) if isinstance(item, Label)}
    assert set(stream) == set(archived)
    assert same_partition(archived, stream)


def test_the_readme_spark_command_works(spark, tmp_path: Path) -> None:
    """The README's command (in this process: it uses the running session rather than start a second)."""
    from click.testing import CliRunner

    from newsfuse.cli import main

    result = CliRunner().invoke(main, ["archive", str(EXAMPLES / "harbour-strike"), "--out", str(tmp_path / "out"),
                                       "--engine", "spark", "--master", "local[2]", "--partitions", "2"])
    assert result.exit_code == 0, result.output
    assert "5 articles, 1 copies" in result.stderr
    assert len(read_table(tmp_path / "out" / "briefs")) == 1
    assert spark.sparkContext.master == "local[2]"
    spark.sparkContext.parallelize([1]).count()  # the shared session still runs


def test_with_embeddings_spark_gives_the_local_engine_tables(spark, tmp_path: Path) -> None:
    """Every Spark worker loads the encoder itself: the tables are the local engine's (30 real events)."""
    from dataclasses import replace

    from tests.test_story_grouping import _held_out

    rows = [{"id": f"{record['id']}-{i}", "text": text}
            for record in _held_out(30) for i, text in enumerate(record["documents"])]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    local, distributed = both_engines(spark, [str(tmp_path / "news.jsonl")], tmp_path,
                                      replace(OPTIONS, embeddings=True))
    assert table(distributed, "articles", "key") == table(local, "articles", "key")
