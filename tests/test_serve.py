"""`newsfuse serve`: the pages, the JSON API and the story feeds, over a store filled by following the
demo feeds from a local server. Everything from a feed is shown as text, never as markup or script."""

from __future__ import annotations

import json
import re
import sqlite3
import warnings

import feedparser
import pytest

with warnings.catch_warnings():  # Starlette's test client asks for a renamed httpx; the one installed works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from newsfuse.follow.fetch import Fetcher
from newsfuse.follow.poller import Follower
from newsfuse.pipeline import BriefOptions
from newsfuse.render.json_out import brief_to_dict
from newsfuse.serve.app import create_app
from newsfuse.store.briefs import story_brief
from newsfuse.store.db import connect
from tests.fixtures.feeds.server import FeedServer

SCRIPT_TITLE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "news.db"
    with FeedServer() as server:
        db = connect(path)
        Follower(db, Fetcher(host_delay=0.0), 900.0).round([server.url("courier.rss"), server.url("ledger.atom")])
        db.close()
    return path


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store), base_url="http://127.0.0.1:8000") as running:
        yield running


def story_id(store, words: str) -> int:
    with sqlite3.connect(store) as db:
        return db.execute("SELECT story_id FROM articles WHERE title LIKE ? ORDER BY id", (f"%{words}%",)
                          ).fetchone()[0]


def test_the_story_list_is_newest_first_and_searchable(client, store):
    page = client.get("/")
    assert page.status_code == 200
    titles = re.findall(r'class="story-link" href="/stories/\d+">([^<]+)</a>', page.text)
    assert len(titles) == 3
    # Last seen: the footbridge follow-up on 13 May 16:05, the test entry at 09:00, the library on 12 May.
    assert "footbridge" in titles[0] and titles[1:] == ["&lt;script&gt;alert(1)&lt;/script&gt;",
                                                        "Kestrel Hill library reopens after two-year rebuild"]
    found = client.get("/", params={"q": "hangers"}).text
    assert "footbridge" in found.lower() and "Kestrel" not in found
    assert "Kestrel Hill library" in client.get("/", params={"q": "asbestos"}).text
    assert "No story mentions" in client.get("/", params={"q": "volcano"}).text
    dated = client.get("/", params={"from": "2026-05-12", "to": "2026-05-12"}).text
    assert "Kestrel Hill library" in dated and "footbridge" not in dated.lower()


def test_search_words_are_never_sql_or_query_syntax(client, store):
    for query in ['"', "NEAR(", "a OR b AND", "'; DROP TABLE stories; --", "*", "\x00"]:
        assert client.get("/", params={"q": query}).status_code == 200
        assert client.get("/api/search", params={"q": query}).status_code in (200, 400)
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 3


def test_a_story_page_shows_the_brief_with_each_sources_words_and_is_cached(client, store):
    story = story_id(store, "footbridge closed")
    first = client.get(f"/stories/{story}")
    assert first.status_code == 200
    assert first.text.count('<details class="sentence">') >= 3
    cited = re.findall(r"<mark>([^<]+)</mark>", first.text)
    assert any("Harriet Oduya" in words for words in cited)
    assert "Key facts and who reports them" in first.text and "Valley Courier" in first.text
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT count(*) FROM brief_cache WHERE story_id = ?", (story,)).fetchone()[0] == 1
    again = client.get(f"/stories/{story}")
    assert again.text == first.text
    update = client.get(f"/stories/{story}", params={"since": "2026-05-12"})
    assert "three months" in update.text and "Only what is new since" in update.text
    assert client.get(f"/stories/{story}", params={"since": "2026-05-13"}).status_code == 200
    with sqlite3.connect(store) as db:  # a visitor's `since` is built for the request, never stored
        assert db.execute("SELECT count(*) FROM brief_cache WHERE story_id = ?", (story,)).fetchone()[0] == 1
    assert client.get(f"/stories/{story}", params={"since": "someday"}).status_code == 400


def test_the_brief_api_gives_the_same_json_as_the_brief_command(client, store):
    story = story_id(store, "library")
    served = client.get(f"/api/stories/{story}/brief").json()
    db = connect(store)
    expected = json.loads(json.dumps(brief_to_dict(story_brief(db, story, BriefOptions(words=200, analysis=True)))))
    db.close()
    assert served == expected
    assert client.get("/api/stories/9999/brief").status_code == 404
    listing = client.get("/api/stories").json()
    assert len(listing["stories"]) == 3 and listing["stories"][0]["brief"].endswith("/brief")
    assert [s["title"] for s in client.get("/api/search", params={"q": "asbestos"}).json()["stories"]] == [
        "Kestrel Hill library reopens after two-year rebuild"]
    assert client.get("/api/stories", params={"from": "yesterday-ish"}).status_code == 400


def test_the_atom_feed_parses_and_holds_one_entry_per_story_with_its_brief(client, store):
    response = client.get("/feed.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo and parsed.version == "atom10"
    assert len(parsed.entries) == 3 and len({entry.id for entry in parsed.entries}) == 3
    bridge = next(entry for entry in parsed.entries if "footbridge" in entry.title.lower())
    assert "Harriet Oduya" in bridge.content[0].value and "[1," in bridge.content[0].value
    assert any(entry.title == SCRIPT_TITLE for entry in parsed.entries)  # text in the feed, escaped in the XML
    assert "javascript:" not in response.text
    json_feed = client.get("/feed.json").json()
    assert json_feed["version"] == "https://jsonfeed.org/version/1.1" and len(json_feed["items"]) == 3


def test_hostile_titles_and_links_stay_text(client, store):
    with sqlite3.connect(store) as db:
        article, story = db.execute("SELECT id, story_id FROM articles WHERE title LIKE '%<script>%'").fetchone()
    for path in ("/", f"/stories/{story}", f"/articles/{article}"):
        page = client.get(path).text
        assert SCRIPT_TITLE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "javascript:" not in page
        assert all(tag.startswith('<script src="') for tag in re.findall(r"<script[^>]*>", page))


def test_every_response_carries_a_policy_that_runs_no_inline_script(client):
    for path in ("/", "/healthz", "/feed.atom", "/nowhere"):
        policy = client.get(path).headers["content-security-policy"]
        script = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
        assert "'unsafe-inline'" not in script and "'self'" in script
    assert client.post("/").status_code == 405  # no write route at all


def test_an_article_page_marks_the_cited_span_and_links_only_http_originals(client, store):
    with sqlite3.connect(store) as db:
        article, text, url = db.execute("SELECT id, text, url FROM articles WHERE title LIKE '%months%'").fetchone()
    start = text.index("three cracked hangers")
    page = client.get(f"/articles/{article}", params={"start": start, "end": start + 21}).text
    assert '<mark id="marked" title="characters' in page and ">three cracked hangers</mark>" in page
    assert f'href="{url}"' in page
    assert client.get("/articles/99999").status_code == 404
    assert client.get(f"/articles/{article}", params={"start": "x", "end": "-1"}).status_code == 200


def test_health_and_bad_parameters(client):
    assert client.get("/healthz").json() == {"status": "ok", "stories": 3, "articles": 5}
    assert client.get("/", params={"page": "many"}).status_code == 200
    assert "from: not a date" in client.get("/", params={"from": "the day before"}).text
    assert client.get("/stories/notanumber").status_code == 404


def test_a_story_that_gains_an_article_gets_a_new_brief(tmp_path):
    path = tmp_path / "growing.db"
    with FeedServer() as server:
        db = connect(path)
        follower = Follower(db, Fetcher(host_delay=0.0), 900.0)
        follower.round([server.url("courier.rss")])
        with TestClient(create_app(path)) as client:
            story = story_id(path, "footbridge closed")
            before = client.get(f"/stories/{story}").text
            assert "Ashe Ledger" not in before
            follower.round([server.url("ledger.atom")])  # the Ledger's report joins the story
            after = client.get(f"/stories/{story}").text
        db.close()
    assert "Ashe Ledger" in after and "Thousands of commuters faced a long detour" in after
    with sqlite3.connect(path) as check:
        versions = [v for (v,) in check.execute("SELECT version FROM brief_cache WHERE story_id = ?", (story,))]
    assert len(versions) == 1 and versions[0].startswith("3.")  # three articles now; the old version dropped


def test_the_serve_command_refuses_a_missing_database_and_bad_arguments(tmp_path):
    from click.testing import CliRunner

    from newsfuse.cli.main import main

    missing = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no database at" in missing.output and not (tmp_path / "none.db").exists()
    bad = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "n.db"), "--every", "often", "--follow", "x"])
    assert bad.exit_code == 2 and "not a duration" in bad.output


def test_serve_and_follow_leave_another_applications_database_alone(tmp_path):
    from click.testing import CliRunner

    from newsfuse.cli.main import main

    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    for command in (["serve", "--db", str(foreign)], ["follow", "--once", "--db", str(foreign), "http://127.0.0.1:9/"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 1 and "not a newsfuse database" in result.output, result.output
    with sqlite3.connect(foreign) as db:
        assert [name for (name,) in db.execute("SELECT name FROM sqlite_master")] == ["invoices"]


def test_a_brief_cached_by_other_code_is_built_again(client, store, monkeypatch):
    """After an upgrade the store still holds the old code's briefs: they are built again, not served stale."""
    from newsfuse.serve import briefs

    story = story_id(store, "footbridge closed")
    fresh = client.get(f"/stories/{story}").text
    with sqlite3.connect(store) as db:  # what the old code's brief said differently
        (key, record), = db.execute("SELECT version, brief FROM brief_cache WHERE story_id = ?", (story,))
        old = json.loads(record)
        old["view"]["title"] = "A headline the old code chose"
        db.execute("UPDATE brief_cache SET brief = ? WHERE story_id = ?", (json.dumps(old), story))
    assert "A headline the old code chose" in client.get(f"/stories/{story}").text  # the same code: cached
    monkeypatch.setattr(briefs, "code_fingerprint", lambda: "0.2.0-upgraded")
    again = client.get(f"/stories/{story}").text
    assert "A headline the old code chose" not in again and again == fresh
    with sqlite3.connect(store) as db:  # the old code's brief is gone, the new one kept
        keys = [key for (key,) in db.execute("SELECT version FROM brief_cache WHERE story_id = ?", (story,))]
    assert keys == [key.split("@")[0] + "@0.2.0-upgraded"]
