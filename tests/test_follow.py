"""`newsfuse follow`: real feeds and pages over HTTP from a local server, ingested into a real store;
every way a feed can fail is reported and retried, and none stops the others or reads a local file."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfuse.cli.main import main
from newsfuse.follow.fetch import USER_AGENT, Fetcher
from newsfuse.follow.lists import read_feed_list
from newsfuse.follow.parse import parse_feed
from newsfuse.follow.poller import Follower
from newsfuse.store.db import connect
from tests.fixtures.feeds.server import SITE, FeedServer

FIFTEEN_MINUTES = 900.0


@pytest.fixture(scope="module")
def secret(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("private") / "secret.txt"
    path.write_text("TOP-SECRET-MARKER-4711 the contents of a local file\n")
    return path


@pytest.fixture(scope="module")
def server(secret):
    with FeedServer(secret_file=secret, slow_seconds=3.0) as running:
        yield running


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def follower(db_path: Path, clock: Clock | None = None, **fetcher_options) -> tuple[Follower, list]:
    problems: list = []
    options = {"host_delay": 0.0, "timeout": 1.0, **fetcher_options}
    return Follower(connect(db_path), Fetcher(**options), FIFTEEN_MINUTES, on_problem=problems.append,
                    clock=clock or Clock()), problems


def test_a_round_ingests_feeds_fetches_teaser_pages_and_clusters_stories(tmp_path, server):
    run, problems = follower(tmp_path / "news.db")
    report = run.round([server.url("courier.rss"), server.url("ledger.atom")])
    assert (report.checked, report.failed, report.added) == (2, 0, 5) and problems == []
    assert report.pages == 3  # the Courier's entries are one-line teasers: their pages were fetched
    db = run.db
    text = db.execute("SELECT text FROM articles WHERE url = ?", (server.url("pages/bridge-inspection.html"),)
                      ).fetchone()[0]
    assert "three cracked hangers out of twenty-four" in text  # the page's text, not the feed's teaser
    assert "Get the Courier in your inbox" not in text  # page furniture left out by the extractor
    stories = {title: articles for title, articles in db.execute("SELECT title, articles FROM stories")}
    bridge = [n for title, n in stories.items() if "footbridge" in title.lower()]
    assert bridge == [3]  # two outlets' reports of the closure and the follow-up: one story
    assert any("library" in title.lower() for title in stories)
    # The hostile entry is stored as text, without its javascript: link.
    url, title = db.execute("SELECT url, title FROM articles WHERE title LIKE '%script%'").fetchone()
    assert url is None and title == "<script>alert(1)</script>"
    assert all("javascript" not in "".join(h.get("Host", "") for h in hs) for hs in server.headers.values())


def test_conditional_requests_and_the_user_agent(tmp_path, server):
    run, _ = follower(tmp_path / "news.db")
    feed = server.url("ledger.atom")
    run.round([feed])
    again = run.round([feed])
    assert (again.not_modified, again.added) == (1, 0)
    last = server.headers["ledger.atom"][-1]
    assert last.get("If-None-Match", "").startswith('"')
    assert last.get("If-Modified-Since")
    assert last["User-Agent"] == USER_AGENT and USER_AGENT.startswith("newsfuse/")
    # A changed feed is read again, and only its new entry is stored.
    server.overrides["ledger.atom"] = (SITE / "ledger.atom").read_bytes().replace(
        b"<entry>", b"""<entry><title>Shuttle bus starts while Tolvern footbridge stays shut</title>
        <id>urn:example:ashe-ledger:shuttle</id><link href="https://ashe-ledger.example/shuttle"/>
        <updated>2026-05-18T07:00:00Z</updated><summary>The free shuttle bus between the station and the business
        park began running on Monday.</summary></entry><entry>""", 1)
    try:
        changed = run.round([feed])
    finally:
        del server.overrides["ledger.atom"]
    assert (changed.not_modified, changed.entries) == (0, 1)


def test_bad_feeds_are_reported_and_the_good_one_still_arrives(tmp_path, server, secret):
    bad = ["missing.rss", "error.rss", "slow.rss", "malformed.rss", "billion-laughs.rss", "external-entity.rss",
           "huge-declared.rss", "huge-chunked.rss", "gzip-bomb.rss"]
    run, problems = follower(tmp_path / "news.db", max_bytes=1_000_000)
    tracemalloc.start()
    report = run.round([server.url(name) for name in bad] + [server.url("ledger.atom")])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert report.checked == len(bad) + 1 and report.failed == len(bad) and report.added == 2
    said = "\n".join(str(problem) for problem in problems)
    for name, reason in [("missing.rss", "HTTP 404"), ("error.rss", "HTTP 500"), ("slow.rss", "timed out"),
                         ("malformed.rss", "not a readable feed"), ("billion-laughs.rss", "feed declares XML entities"),
                         ("external-entity.rss", "feed declares XML entities"),
                         ("huge-declared.rss", "2,147,483,648 bytes is over the 1,000,000-byte cap; not read"),
                         ("huge-chunked.rss", "over the 1,000,000-byte cap; stopped reading"),
                         ("gzip-bomb.rss", "over the 1,000,000-byte cap; stopped reading")]:
        line = next(line for line in said.splitlines() if line.startswith(f"{server.url(name)}: skipped: "))
        assert reason in line and "will retry in 15 min" in line, line
    assert peak < 40_000_000  # a 2 GB body was never held
    stored = "\n".join(text for (text,) in run.db.execute("SELECT title || ' ' || text FROM articles"))
    assert "TOP-SECRET-MARKER" not in stored and "lollol" not in stored
    failures = dict(run.db.execute("SELECT url, failures FROM feeds"))
    assert failures[server.url("error.rss")] == 1 and failures[server.url("ledger.atom")] == 0


def test_a_failing_feed_backs_off_twice_as_long_each_time(tmp_path, server):
    clock = Clock()
    run, _ = follower(tmp_path / "news.db", clock)
    feed = server.url("error.rss")
    before = server.requests["error.rss"]
    run.round([feed])
    assert run.round([feed]).waiting == 1  # asked again at once: still backing off, not fetched
    assert server.requests["error.rss"] == before + 1
    clock.now += FIFTEEN_MINUTES
    run.round([feed])
    (next_try,) = run.db.execute("SELECT next_try FROM feeds WHERE url = ?", (feed,)).fetchone()
    assert next_try == clock.now + 2 * FIFTEEN_MINUTES
    assert server.requests["error.rss"] == before + 2


def test_a_compressed_feed_arrives_whole(server):
    fetcher = Fetcher(host_delay=0.0, max_bytes=100_000)
    response = fetcher.get(server.url("gzipped.rss"))
    fetcher.close()
    assert response.error is None and response.body == (SITE / "courier.rss").read_bytes()


def test_requests_to_one_host_wait_the_polite_delay(server):
    waits: list[float] = []
    fetcher = Fetcher(host_delay=5.0, sleep=waits.append)
    fetcher.get(server.url("courier.rss"))
    fetcher.get(server.url("ledger.atom"))
    fetcher.close()
    assert len(waits) == 1 and 4.0 < waits[0] <= 5.0


def test_hostile_xml_never_reaches_the_parser_and_a_path_is_not_opened(secret, server):
    for name in ("billion-laughs.rss", "external-entity.rss"):
        parsed = parse_feed(server.hostile(name), "http://127.0.0.1/x.rss", None, 150)
        assert parsed.entries == [] and "declares XML entities" in parsed.problems[0].reason
    # Bytes that name a local file are bytes, not a path: feedparser is never handed a path or URL.
    parsed = parse_feed(str(secret).encode(), "http://127.0.0.1/x.rss", None, 150)
    assert parsed.entries == [] and "TOP-SECRET" not in str(parsed.problems)


def test_feed_lists_from_a_text_file_and_an_opml_export():
    plain = read_feed_list((SITE / "feeds.txt").read_bytes(), "feeds.txt")
    opml = read_feed_list((SITE / "newsdesk.opml").read_bytes(), "newsdesk.opml")
    assert plain.urls == opml.urls == ["http://127.0.0.1:8001/courier.rss", "http://127.0.0.1:8001/ledger.atom"]
    assert plain.problems == opml.problems == []
    mixed = read_feed_list(b"https://a.example/rss\nfile:///etc/passwd\n# a comment\nnot a url\n", "list.txt")
    assert mixed.urls == ["https://a.example/rss"]
    assert [p.split(": ", 1)[1] for p in mixed.problems] == ["not an http(s) URL: 'file:///etc/passwd'",
                                                             "not an http(s) URL: 'not a url'"]
    hostile = read_feed_list((Path(__file__).parent / "fixtures/feeds/entity.opml").read_bytes(), "entity.opml")
    assert hostile.urls == [] and "refused" in hostile.problems[0]


def test_the_follow_command_runs_one_round_from_a_feed_list(tmp_path, server):
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"{server.url('courier.rss')}\n{server.url('ledger.atom')}\n{server.url('error.rss')}\n")
    db = tmp_path / "news.db"
    result = CliRunner().invoke(main, ["follow", "--once", "--delay", "0", "--feeds", str(listing), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "3 feeds checked (0 unchanged, 1 failed" in result.output
    assert "5 articles added" in result.output and "HTTP 500" in result.output
    stories = CliRunner().invoke(main, ["stories", "--db", str(db)])
    assert "footbridge" in stories.output.lower()


def test_the_follow_command_stores_embeddings_when_asked(tmp_path, server):
    import sqlite3

    listing = tmp_path / "feeds.txt"
    listing.write_text(f"{server.url('courier.rss')}\n{server.url('ledger.atom')}\n")
    db = tmp_path / "news.db"
    result = CliRunner().invoke(main, ["follow", "--once", "--delay", "0", "--embeddings", "--feeds", str(listing),
                                       "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "5 articles added" in result.output
    stored = sqlite3.connect(db).execute("SELECT count(*) FROM articles WHERE embedding IS NOT NULL").fetchone()[0]
    assert stored == 5


def test_the_follow_command_refuses_bad_arguments_with_a_message(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["follow"]).exit_code == 2
    result = runner.invoke(main, ["follow", "--every", "soon", "http://127.0.0.1:9/x.rss"])
    assert result.exit_code == 2 and "not a duration" in result.output
    result = runner.invoke(main, ["follow", "--db", str(tmp_path / "n.db"), "file:///etc/passwd"])
    assert result.exit_code == 1 and "not an http(s) URL" in result.output and "Traceback" not in result.output


def test_the_readme_demo_works_with_a_plain_static_server(tmp_path):
    """The README serves examples/newsdesk with `python3 -m http.server` (no ETag): the same feeds.txt."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(SITE))
    handler.log_message = lambda *args: None
    web = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=web.serve_forever, daemon=True).start()
    try:
        listing = tmp_path / "feeds.txt"
        port = web.server_address[1]
        listing.write_text((SITE / "feeds.txt").read_text().replace("127.0.0.1:8001", f"127.0.0.1:{port}"))
        db = tmp_path / "newsdesk.db"
        command = ["follow", "--once", "--delay", "0", "--db", str(db), "--feeds", str(listing)]
        result = CliRunner().invoke(main, command)
        again = CliRunner().invoke(main, command)
    finally:
        web.shutdown()
        web.server_close()
    assert result.exit_code == 0 and "5 articles added" in result.output and "3 pages fetched" in result.output
    assert "2 unchanged" in again.output  # If-Modified-Since is enough for a static server


def test_once_exits_1_when_every_feed_failed(tmp_path, server):
    result = CliRunner().invoke(main, ["follow", "--once", "--delay", "0", "--db", str(tmp_path / "n.db"),
                                       server.url("error.rss"), server.url("missing.rss")])
    assert result.exit_code == 1 and result.output.count("will retry in 15 min") == 2


def test_an_entry_seen_last_round_is_not_taken_again_even_when_it_was_not_stored(tmp_path, server):
    original = (SITE / "ledger.atom").read_bytes()
    entry = original[original.index(b"<entry>"):original.index(b"</entry>") + len(b"</entry>")]
    resent = entry.replace(b"footbridge-crack", b"footbridge-crack-syndicated").replace(b":footbridge<", b":resent<")
    extra = entry.replace(b"footbridge-crack", b"footbridge-crack-later").replace(
        b":footbridge<", b":later<").replace(b"Thousands of commuters", b"Hundreds of cyclists")
    run, _ = follower(tmp_path / "news.db")
    try:
        server.overrides["ledger.atom"] = original.replace(entry, entry + resent, 1)
        first = run.round([server.url("ledger.atom")])
        server.overrides["ledger.atom"] = original.replace(entry, entry + resent + extra, 1)
        second = run.round([server.url("ledger.atom")])
    finally:
        del server.overrides["ledger.atom"]
    assert (first.entries, first.added, first.duplicates) == (3, 2, 1)  # the same text at another URL: once
    assert (second.entries, second.added, second.duplicates) == (1, 1, 0)  # only the new entry is taken


def test_an_article_page_without_a_declared_charset_is_decoded_as_a_file_would_be():
    from newsfuse.follow.fetch import Response
    from newsfuse.follow.poller import _page_text

    page = "<p>La grève des dockers a commencé lundi à Varnholm, selon le syndicat.</p>"
    legacy = Response("https://example.org/a", 200, page.encode("cp1252"), content_type="text/html")
    assert "grève" in _page_text(legacy) and "\ufffd" not in _page_text(legacy)
    declared = Response("https://example.org/a", 200, page.encode("utf-8"), content_type="text/html; charset=UTF-8")
    assert _page_text(declared) == page
