"""`newsfuse archive` on the local engine: readers (WARC, Parquet, JSON Lines ranges, folders, gzip),
copies by MinHash + LSH, stories by time window, briefs, the Parquet tables and `ingest --from-archive`."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfuse.archive import minhash
from newsfuse.archive.engine_local import run_local
from newsfuse.archive.readers import list_units, read_unit
from newsfuse.archive.records import ArchiveOptions
from newsfuse.archive.tables import read_table
from newsfuse.cli import main
from tests.conftest import DATA, EXAMPLES, SEEDS

HARBOUR = EXAMPLES / "harbour-strike"


def page(title: str, body: str, outlet: str, day: str) -> str:
    """A news page as sites serve them: navigation, cookie banner, the article, a footer."""
    paragraphs = "".join(f"<p>{part.strip()}</p>" for part in body.split("\n") if part.strip())
    return (f"<html><head><title>{title} | {outlet}</title><meta property='og:site_name' content='{outlet}'>"
            f"<meta property='article:published_time' content='{day}'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
            "<div class='cookie'>We use cookies to improve your experience. Accept all</div>"
            f"<article><h1>{title}</h1>{paragraphs}</article>"
            f"<footer>© 2026 {outlet}. All rights reserved. Subscribe to our newsletter.</footer></body></html>")


def write_warc(path: Path, pages: list[tuple[str, str]], compress: bool = True) -> None:
    """A WARC file as a crawler writes it: a request and a response per page, plus records a crawl also
    holds (a 404 page, an image) that are not articles."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        for url, html in pages:
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=headers))
        for url, status, kind, body in (("https://a.example/missing", "404 Not Found", "text/html", b"<p>gone</p>"),
                                        ("https://a.example/logo.png", "200 OK", "image/png", b"\x89PNG....")):
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def seed_pages() -> list[tuple[str, str]]:
    """The five seed articles as pages of five outlets, and a trimmed reprint of the first."""
    pages = []
    for number, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        pages.append((f"https://outlet{number}.example/news/{path.stem}",
                      page(lines[0], "\n".join(lines[1:]), f"Outlet {number}", "2026-03-02")))
    lines = [line for line in sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8").splitlines() if line.strip()]
    pages.append(("https://reprints.example/copy", page(lines[0], "\n".join(lines[1:-2]), "Reprints", "2026-03-03")))
    return pages


@pytest.fixture(scope="module")
def warc_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    write_warc(path, seed_pages())
    return path


def test_warc_pages_become_articles_and_the_rest_is_passed_over(warc_file: Path) -> None:
    units, problems = list_units([str(warc_file)])
    items = [item for unit in units for item in read_unit(unit)]
    articles = [article for _, article in items]
    assert not problems
    assert len(articles) == 6  # six pages; requests, the 404 and the image are not articles
    first = articles[0]
    assert first.url == "https://outlet0.example/news/" + sorted(SEEDS.glob("*.txt"))[0].stem
    assert first.outlet == "Outlet 0" and first.published.startswith("2026-03-02")
    assert "We use cookies" not in first.text and "All rights reserved" not in first.text
    assert len({key for key, _ in items}) == 6  # keys are unique


def test_warc_end_to_end_finds_the_reprint_and_briefs_the_story(warc_file: Path, tmp_path: Path) -> None:
    report = run_local([str(warc_file)], tmp_path)
    articles = read_table(tmp_path / "articles")
    url = {row["key"]: row["url"].split("/")[-1] for row in articles}
    seeds = [path.stem for path in sorted(SEEDS.glob("*.txt"))]
    # The reprint, and the seed pair that `newsfuse brief` also counts as one source (a syndicated text).
    assert {(url[row["key"]], url[row["copy_of"]]) for row in articles if row["copy_of"] is not None} == {
        ("copy", seeds[0]), (seeds[2], seeds[1])}
    assert report.articles == 6 and report.stories == 1 and report.briefs == 1
    brief = json.loads(read_table(tmp_path / "briefs")[0]["brief"])
    assert "Putin" in " ".join(s["text"] for s in brief["summary"]) and len(brief["sources"]) == 6


def test_a_broken_warc_is_reported_and_the_rest_of_the_batch_goes_on(warc_file: Path, tmp_path: Path) -> None:
    broken = tmp_path / "in" / "broken.warc.gz"
    broken.parent.mkdir()
    broken.write_bytes(warc_file.read_bytes()[:3000])  # cut inside the first page
    shutil.copy(HARBOUR / "wire-report.txt", tmp_path / "in" / "wire-report.txt")
    problems = []
    report = run_local([str(tmp_path / "in")], tmp_path / "out", on_problem=problems.append)
    assert report.articles == 1
    assert [problem.reason for problem in problems if "broken.warc.gz" in problem.input] == [
        "the file ends inside this record (a truncated download?)"]


def test_a_large_json_lines_file_is_read_in_byte_ranges_without_losing_or_repeating_a_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"a{n}", "text": f"Article number {n} tells of the harbour {'x' * (n % 37)}."})
             for n in range(500)]
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units, _ = list_units([str(path)], split_bytes=997)  # cuts fall inside lines
    assert len(units) > 20
    ids = [article.id for unit in units for _, article in read_unit(unit)]
    assert ids == [f"a{n}" for n in range(500)]


def test_parquet_and_gzip_inputs(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [json.loads(line) for line in (HARBOUR / "business-desk.jsonl").read_text().splitlines() if line]
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "desk.parquet")
    (tmp_path / "wire.txt.gz").write_bytes(gzip.compress((HARBOUR / "wire-report.txt").read_bytes()))
    (tmp_path / "bad.txt.gz").write_bytes(b"not gzip at all")
    problems = []
    report = run_local([str(tmp_path)], tmp_path / "out", on_problem=problems.append)
    rows = read_table(tmp_path / "out" / "articles")
    assert {row["format"] for row in rows} == {"json", "text"}
    assert report.articles == 2
    assert [problem.input for problem in problems if problem.fatal] == [str(tmp_path / "bad.txt.gz")]


def test_harbour_strike_stories_copies_and_brief_as_the_stream_and_newsfuse_brief_give_them(tmp_path: Path) -> None:
    from newsfuse.archive.stages import as_article, time_order
    from newsfuse.archive.tables import read_articles
    from newsfuse.cluster.batch import Label, cluster_lines
    from newsfuse.pipeline import BriefOptions, build_brief
    from newsfuse.render.json_out import brief_to_dict

    run_local([str(HARBOUR)], tmp_path, ArchiveOptions(words=120))
    articles = sorted(read_articles(tmp_path / "articles"), key=time_order)
    by_key = {row.key: row.id for row in articles}
    assert {row.id: by_key[row.copy_of] for row in articles if row.copy_of is not None} == {
        "regional-copy": "wire-report"}
    # The same stories as `newsfuse cluster` given the articles in publication order.
    stream = {item.id: item.story for item in cluster_lines(json.dumps(
        {"id": row.id, "title": row.title, "text": row.text, "published": row.published}) for row in articles)
        if isinstance(item, Label)}
    assert same_partition({row.id: row.story for row in articles}, stream)
    # The story of the wire report has four independent sources (the reprint counts with the wire) and
    # its brief is `newsfuse brief --format json` of its articles.
    story = next(row.story for row in articles if row.id == "wire-report")
    members = [row for row in articles if row.story == story]
    stories = {row["story"]: row for row in read_table(tmp_path / "stories")}
    assert stories[story]["copies"] == 1
    assert stories[story]["sources"] == len({row.source for row in members if row.copy_of is None}) >= 3
    briefs = {row["story"]: json.loads(row["brief"]) for row in read_table(tmp_path / "briefs")}
    direct = brief_to_dict(build_brief([as_article(row) for row in members], BriefOptions(words=120, analysis=False)))
    assert briefs[story] == direct
    assert [source["id"] for source in briefs[story]["sources"]] == [row.id for row in members]


def test_a_story_told_by_one_source_gets_no_brief(tmp_path: Path) -> None:
    run_local([str(HARBOUR / "wire-report.txt"), str(HARBOUR / "regional-copy.html")], tmp_path)
    assert len(read_table(tmp_path / "stories")) == 1
    assert read_table(tmp_path / "briefs") == []  # two articles, but the second copies the first


def test_lsh_finds_a_trimmed_copy_and_not_an_independent_report() -> None:
    wire = (HARBOUR / "wire-report.txt").read_text(encoding="utf-8")
    local = (HARBOUR / "local-outlet.md").read_text(encoding="utf-8")
    paragraphs = [p for p in wire.split("\n\n") if p.strip()]
    trimmed = "\n\n".join(paragraphs[: max(2, len(paragraphs) // 2 + 1)])
    a, b, c = (minhash.signature(key, 0.0, text) for key, text in ((1, wire), (2, trimmed), (3, local)))
    shared = set(minhash.band_keys(a)) & set(minhash.band_keys(b))
    assert shared  # candidates without comparing all pairs
    assert minhash.check_pair(a, b) == (2, 1, pytest.approx(minhash.containment(a, b)))
    assert minhash.check_pair(a, c) is None


def test_cli_archive_then_ingest_from_archive_feeds_stories(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(main, ["archive", str(HARBOUR), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 articles, 1 copies," in result.stderr
    db = tmp_path / "news.db"
    result = runner.invoke(main, ["ingest", "--from-archive", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    connection = sqlite3.connect(db)
    archived = sorted((row["articles"], row["copies"], row["sources"]) for row in read_table(out / "stories"))
    assert sorted(connection.execute("SELECT articles, copies, sources FROM stories").fetchall()) == archived
    assert sum(count for count, _, _ in archived) == 5
    result = runner.invoke(main, ["ingest", "--from-archive", str(out), "--db", str(db)])
    assert "0 added, 5 already stored" in result.stderr
    result = runner.invoke(main, ["stories", "--db", str(db)])
    assert "Varnholm" in result.stdout


def test_cli_bad_input_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["archive", str(tmp_path / "missing"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "no such file or folder" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    result = runner.invoke(main, ["archive", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    result = runner.invoke(main, ["ingest", "--from-archive", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "not an archive output folder" in result.stderr


def test_ecbplus_undated_archive_gives_the_stories_of_newsfuse_cluster(tmp_path: Path) -> None:
    """Undated articles form one partition in reading order: exactly the single-process clusterer (on words
    alone here; by meaning too in test_story_grouping_embeddings.py)."""
    from newsfuse.cluster.batch import Label, cluster_lines

    lines = [line for line in (DATA / "ecbplus" / "documents_flat.jsonl").open(encoding="utf-8")
             if json.loads(line)["topic"] in (1, 2, 3)]
    (tmp_path / "ecb.jsonl").write_text("".join(lines), encoding="utf-8")
    run_local([str(tmp_path / "ecb.jsonl")], tmp_path / "out", ArchiveOptions(embeddings=False))
    archived = {row["id"]: row["story"] for row in read_table(tmp_path / "out" / "articles")}
    stream = {item.id: item.story for item in cluster_lines(
        [json.dumps({"id": json.loads(line)["doc_id"], "text": json.loads(line)["text"]}) for line in lines])
        if isinstance(item, Label)}
    assert set(archived) == set(stream)
    assert same_partition(archived, stream)


def same_partition(a: dict[str, int], b: dict[str, int]) -> bool:
    """The two labellings group the items alike (label numbers aside)."""
    pairs = {(a[item], b[item]) for item in a}
    return len(pairs) == len(set(a.values())) == len(set(b.values()))


def test_only_briefs_reruns_the_last_stage_from_the_articles_table(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["archive", str(HARBOUR), "--out", str(tmp_path), "-q"]).exit_code == 0
    before = read_table(tmp_path / "briefs")
    assert "analysis" not in json.loads(before[0]["brief"])
    result = runner.invoke(main, ["archive", "--out", str(tmp_path), "--only-briefs", "--analysis"])
    assert result.exit_code == 0, result.output
    after = read_table(tmp_path / "briefs")
    assert [row["story"] for row in after] == [row["story"] for row in before]
    brief = json.loads(after[0]["brief"])
    assert brief["analysis"] and brief["summary"] == json.loads(before[0]["brief"])["summary"]


def test_cli_max_bytes_skips_a_larger_file_and_reads_the_rest(tmp_path: Path) -> None:
    """`--max-bytes` bounds what one input may cost: a larger file is reported, the others are read."""
    inputs = tmp_path / "in"
    shutil.copytree(HARBOUR, inputs)
    sizes = sorted((path.stat().st_size, path.name) for path in inputs.iterdir() if path.is_file())
    largest_size, largest = sizes[-1]
    runner = CliRunner()
    result = runner.invoke(main, ["archive", str(inputs), "--out", str(tmp_path / "out"),
                                  "--max-bytes", str(largest_size - 1)])
    assert result.exit_code == 0, result.output
    assert largest in result.stderr and "1 skipped" in result.stderr
    assert f"{len(sizes) - 1} articles" in result.stderr
