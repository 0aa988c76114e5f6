"""Ingest: every input format becomes articles with ids, titles and metadata; bad inputs become problems."""

from __future__ import annotations

import gzip
import io
import json
import sys

from newsfuse.ingest import read_inputs
from newsfuse.ingest.formats import sniff_format
from newsfuse.model import Article, Problem
from tests.conftest import EXAMPLES, SEEDS

EXAMPLE = EXAMPLES / "harbour-strike"


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def test_a_folder_is_read_recursively_with_file_names_as_ids(tmp_path):
    (tmp_path / "nested" / "deeper").mkdir(parents=True)
    (tmp_path / "nested" / "deeper" / "one.txt").write_text("Harbour closed\n\nThe harbour closed on Monday.\n")
    (tmp_path / "two.md").write_text("# Storm\n\nA storm hit the coast on Tuesday night.\n")
    (tmp_path / ".hidden.txt").write_text("Not an article, a hidden file.\n")
    articles, problems = _split(read_inputs([str(tmp_path)]))
    assert sorted(a.id for a in articles) == ["one", "two"]
    assert not problems


def test_seed_folder_gives_five_articles_named_after_their_files():
    articles, problems = _split(read_inputs([str(SEEDS)]))
    assert [a.id for a in articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert not problems


def test_html_page_gives_title_outlet_url_date_and_byline_without_page_chrome():
    (article,) = _split(read_inputs([str(EXAMPLE / "regional-copy.html")]))[0]
    assert article.format == "html"
    assert article.title == "Dock workers strike at Varnholm over automation"
    assert article.outlet == "Coastline Courier"
    assert article.url.startswith("https://coastline-courier.example/")
    assert article.published.startswith("2026-03-02")
    assert article.byline == "Nordwire staff"
    assert "48-hour strike" in article.text
    for chrome in ("cookies", "newsletter", "Privacy policy", "Log in to comment", "Weather"):
        assert chrome not in article.text


def test_markdown_is_rendered_to_plain_text_with_its_heading_as_title():
    (article,) = _split(read_inputs([str(EXAMPLE / "local-outlet.md")]))[0]
    assert article.title == "Varnholm port falls silent as strike bites"
    assert "**" not in article.text and "# " not in article.text and "---" not in article.text
    assert "About the author:" in article.text  # markup goes; furniture is the cleaner's job


def test_json_lines_records_keep_their_metadata():
    (article,) = _split(read_inputs([str(EXAMPLE / "business-desk.jsonl")]))[0]
    assert (article.id, article.outlet, article.published) == (
        "business-desk", "Baltic Trade Daily", "2026-03-02T16:30:00Z")
    assert article.url.startswith("https://baltic-trade-daily.example/")


def test_json_array_html_records_and_missing_ids(tmp_path):
    records = [
        {"title": "Bridge opens", "text": "The new bridge opened to traffic on Sunday morning after two years."},
        {"id": "page", "html": "<html><head><title>Page title</title></head><body><article><p>"
         + "The council voted on Monday to close the old bridge for repairs lasting a year. " * 3
         + "</p></article></body></html>", "outlet": "City Paper"},
        {"id": "nothing"},
    ]
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records))
    articles, problems = _split(read_inputs([str(path)]))
    assert [a.id for a in articles] == ["doc-1", "page"]
    assert articles[1].outlet == "City Paper" and "close the old bridge" in articles[1].text
    assert len(problems) == 1 and "nothing" in problems[0].input and "no \"text\" or \"html\"" in problems[0].reason


def test_multinews_documents_are_split_at_the_separator(tmp_path):
    path = tmp_path / "cluster.txt"
    path.write_text("First story text about the floods. ||||| Second story text about the floods. |||||  ")
    articles, _ = _split(read_inputs([str(path)]))
    assert [(a.id, a.format) for a in articles] == [("doc-1", "multinews"), ("doc-2", "multinews")]
    assert articles[1].text == "Second story text about the floods."


def test_rss_feed_entries_become_articles(tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
<item><title>Strike ends</title><link>https://harbour.example/strike-ends</link>
<pubDate>Wed, 04 Mar 2026 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The dock strike ended on Wednesday morning as planned.&lt;/p&gt;</description></item>
</channel></rss>""")
    (article,) = _split(read_inputs([str(feed)]))[0]
    assert (article.title, article.outlet, article.url) == ("Strike ends", "Harbour News",
                                                            "https://harbour.example/strike-ends")
    assert article.published == "2026-03-04T08:00:00Z"
    assert article.text == "The dock strike ended on Wednesday morning as planned."


def test_standard_input_is_read_and_sniffed(monkeypatch):
    data = json.dumps({"id": "from-stdin", "text": "Text read from standard input about a harbour strike."})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    (article,) = _split(read_inputs(["-"]))[0]
    assert article.id == "from-stdin" and article.path == "-"


def test_gzipped_files_are_read(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(b"Harbour reopens\n\nThe harbour reopened on Thursday after the strike.\n"))
    (article,) = _split(read_inputs([str(path)]))[0]
    assert article.id == "story" and "reopened on Thursday" in article.text


def test_a_repeated_id_is_renamed_and_reported_not_dropped(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story from folder {folder} about the harbour strike.\n")
    articles, problems = _split(read_inputs([str(tmp_path)]))
    assert [a.id for a in articles] == ["story", "story~2"]
    assert len(problems) == 1 and not problems[0].fatal and "duplicate id" in problems[0].reason


def test_format_is_sniffed_from_content_when_the_extension_says_nothing():
    assert sniff_format('{"id": 1}', "-") == "json"
    assert sniff_format("<!DOCTYPE html><html><body>x</body></html>", "-") == "html"
    assert sniff_format('<?xml version="1.0"?><rss version="2.0">', "-") == "feed"
    assert sniff_format("one ||||| two", "-") == "multinews"
    assert sniff_format("# Heading\n\ntext", "-") == "markdown"
    assert sniff_format("Just a line of text.", "-") == "text"
