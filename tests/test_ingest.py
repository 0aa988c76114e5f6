"""Ingest: every input format becomes articles with ids, titles and metadata; bad inputs become problems."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

from newsfuse.ingest import read_inputs
from newsfuse.ingest.formats import sniff_format
from newsfuse.model import Article, Problem
from tests.conftest import DATA, EXAMPLES, SEEDS

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
        "business-desk", "Baltic Trade Daily", "2026-03-02T16:30:00+00:00")
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
    assert article.published == "2026-03-04T08:00:00+00:00"  # dates are canonical from reading on
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


def test_a_renamed_id_never_takes_an_id_of_the_input(tmp_path):
    """A batch holding "story", "story~2" and "story" again gave the third article the second's id."""
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps({"id": article_id, "text": f"Report {number} on the harbour strike."}) + "\n"
                            for number, article_id in enumerate(["story", "story~2", "story"])))
    articles, problems = _split(read_inputs([str(path)]))
    assert [a.id for a in articles] == ["story", "story~2", "story~3"]
    assert [p.reason for p in problems] == ["duplicate id 'story'; renamed to 'story~3'"]


def test_a_line_separator_inside_a_json_lines_record_is_text_not_a_line_break(tmp_path):
    """JSON writers leave U+2028 and U+0085 unescaped inside strings (`ensure_ascii=False`): the record was cut
    in two at them, and lost as two malformed lines."""
    path = tmp_path / "export.jsonl"
    records = [{"id": "a", "text": "Dock workers began a strike on Monday.\u2028Talks resume on Friday."},
               {"id": "b", "text": "The port said the strike\u0085halted all traffic on Monday."}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    articles, problems = _split(read_inputs([str(path)]))
    assert [(a.id, a.text) for a in articles] == [(r["id"], r["text"]) for r in records] and not problems


def test_format_is_sniffed_from_content_when_the_extension_says_nothing():
    assert sniff_format('{"id": 1}', "-") == "json"
    assert sniff_format("<!DOCTYPE html><html><body>x</body></html>", "-") == "html"
    assert sniff_format('<?xml version="1.0"?><rss version="2.0">', "-") == "feed"
    assert sniff_format("one ||||| two", "-") == "multinews"
    assert sniff_format("# Heading\n\ntext", "-") == "markdown"
    assert sniff_format("Just a line of text.", "-") == "text"


# Hostile and unlucky input on the reading side (issue 17); the CLI cases are in test_hostile_input.py.

def _legacy_documents(language: str, encoding: str, clusters: int = 3) -> list[tuple[str, bytes]]:
    """Real TAC 2011 documents that the code page can write and that are not valid UTF-8 once written."""
    from tests.conftest import DATA

    found = []
    with (DATA / "tac2011-multiling" / f"{language}.jsonl").open(encoding="utf-8") as lines:
        for _number, line in zip(range(clusters), lines, strict=False):
            for document in json.loads(line)["documents"]:
                try:
                    data = document.encode(encoding)
                    data.decode("utf-8")
                except UnicodeEncodeError:
                    continue
                except UnicodeDecodeError:
                    found.append((document, data))
    return found


@pytest.mark.parametrize(("language", "encoding"), [
    ("french", "cp1252"), ("english", "cp1252"), ("czech", "cp1250"), ("czech", "iso8859_2"),
])
def test_legacy_code_pages_are_read_right_in_each_language(language, encoding):
    from newsfuse.ingest.decode import decode_bytes

    documents = _legacy_documents(language, encoding)
    assert len(documents) >= 5
    for document, data in documents:
        decoded = decode_bytes(data)
        assert decoded.text == document, (language, decoded.reason)
        assert "invalid UTF-8" in decoded.reason


@pytest.mark.parametrize(("text", "encoding"), [
    ("Die Hafenarbeiter streiken seit Montag. Nur wenige Schiffe können ihre Ladung löschen, sagte die "
     "Gewerkschaft, größere Häfen seien betroffen.", "cp1252"),
    ("Dokerzy w porcie strajkują od poniedziałku. Tylko nieliczne statki mogą rozładować ładunek, powiedział "
     "związek zawodowy.", "cp1250"),
    ("Портовые рабочие бастуют с понедельника. Лишь немногие суда могут разгрузиться, сообщил профсоюз.", "cp1251"),
    ("Très bien, déjà.", "cp1252"),
])
def test_short_legacy_texts_are_read_right(text, encoding):
    from newsfuse.ingest.decode import decode_bytes

    assert decode_bytes(text.encode(encoding)).text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_text(tmp_path, encoding):
    path = tmp_path / "wide.txt"
    path.write_bytes("Port strike\n\nDock workers struck on Monday, the union said.\n".encode(encoding))
    articles, problems = _split(read_inputs([str(path)]))
    assert articles[0].text.startswith("Port strike\n\nDock workers struck")
    assert all(not p.fatal for p in problems)


def test_a_gzip_file_is_inflated_only_up_to_the_limit(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000, 9) * 4)  # 20 kB that inflate to 20 MB
    (problem,) = read_inputs([str(path)], max_bytes=1_000_000)
    assert problem.fatal and "too large (over the 1 MB limit once decompressed" in problem.reason
    _articles, problems = _split(read_inputs([str(path)], max_bytes=20_000_000))  # all members, when it fits
    assert any("article 'bomb' is 20,000,000 characters long" in p.reason for p in problems)


def test_json_lines_stream_reports_a_runaway_line_and_goes_on():
    from newsfuse.ingest.stream import read_json_lines_stream

    lines = (b'{"id": "long", "text": "' + b"x" * 5000 + b'"}\n'
             + b'{"id": "ok", "text": "Dock workers began a strike on Monday."}\n')
    articles, problems = _split(read_json_lines_stream(io.BytesIO(lines), "s.jsonl", max_bytes=1000))
    assert [a.id for a in articles] == ["ok"]
    assert problems[0].input == "s.jsonl:1" and "line too large (5,027 bytes; the limit is 1,000 bytes" in \
        problems[0].reason


def test_deep_json_is_one_problem_and_the_next_line_is_read(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 50_000 + "]" * 50_000 + '\n{"id": "ok", "text": "Dock workers began a strike."}\n')
    articles, problems = _split(read_inputs([str(path)]))
    assert [a.id for a in articles] == ["ok"]
    assert [(p.input, p.reason) for p in problems] == [(f"{path}:1", "JSON nested too deeply to read")]


def test_a_feed_is_parsed_from_its_bytes_never_fetched_or_opened(tmp_path, monkeypatch):
    import urllib.request

    from newsfuse.ingest.feeds import read_feed

    def no_network(*args, **kwargs):
        raise AssertionError("the feed reader went to the network")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", no_network)
    secret = tmp_path / "secret.xml"
    secret.write_text('<rss version="2.0"><channel><item><title>Secret</title><description>Private text.'
                      "</description></item></channel></rss>")
    for content in (str(secret), f"file://{secret}", "http://127.0.0.1:9/feed.xml"):
        items = list(read_feed(content.encode(), "f.rss"))
        assert len(items) == 1 and isinstance(items[0], Problem) and "not a readable feed" in items[0].reason
    utf16 = '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>Port</title><item>' \
            "<title>Strike</title><description>Dock workers struck on Monday.</description></item></channel></rss>"
    (article,) = list(read_feed(utf16.encode("utf-16"), "f.rss"))
    assert article.text == "Dock workers struck on Monday." and article.outlet == "Port"


def test_an_unreadable_subfolder_is_reported_not_skipped_in_silence(tmp_path, monkeypatch):
    import os

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("Dock workers began a strike on Monday, the union said.\n")
    (tmp_path / "b.txt").write_text("Talks between the union and the port resume on Friday, both sides said.\n")
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles, problems = _split(read_inputs([str(tmp_path)]))
    assert [a.id for a in articles] == ["b"]
    assert [(p.input, p.reason) for p in problems] == [
        (str(tmp_path / "locked"), "folder not read: cannot read (Permission denied)")]


def test_symbolic_link_loops_and_broken_links_say_so(tmp_path):
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "gone").symlink_to("nowhere")
    problems = list(read_inputs([str(tmp_path / "loop"), str(tmp_path / "gone"), str(tmp_path / "absent")]))
    assert [p.reason for p in problems] == ["symbolic link loop", "broken symbolic link", "no such file or folder"]


def test_an_over_long_article_is_cut_with_a_warning_naming_it(tmp_path):
    from newsfuse.ingest.limits import MAX_ARTICLE_CHARS

    paragraph = "Dock workers struck on Monday at the harbour, the union said. " * 20 + "\n\n"
    path = tmp_path / "long.txt"
    path.write_text(paragraph * (2 * MAX_ARTICLE_CHARS // len(paragraph)))
    articles, problems = _split(read_inputs([str(path)]))
    assert len(articles[0].text) <= MAX_ARTICLE_CHARS and articles[0].text.endswith("the union said. ")
    assert any("article 'long' is" in p.reason and "only its first" in p.reason and not p.fatal for p in problems)


def test_a_hover_card_inside_a_sentence_is_not_read_as_its_text():
    """A real page of the extraction benchmark (The Hill): a name's pop-up card (photo, full name, three
    headlines, "MORE") sits inside the sentence and is hidden by the style sheet; the sentence is read
    without it and the name keeps its place."""
    page = DATA / "extraction-benchmark" / "html" / (
        "156770d676ce79905198e1c8407f81e5ecfb617d9aa44712718707eb7e3b8e38.html.gz")
    (article,) = read_inputs([str(page)])
    first = article.text.strip().split("\n")[0]
    assert first.startswith("South Dakota Gov. Kristi Noem (R) is defending the state")
    assert "Kristi Lynn Noem" not in article.text and "MORE" not in article.text


def test_a_list_of_web_addresses_is_reported_not_read_as_an_article():
    """The bundled newsdesk folder holds `feeds.txt` for `newsfuse follow`; `newsfuse brief` on the folder read
    it as a 12-word article and counted it as a source. A text that mentions an address is still an article."""
    items = list(read_inputs([str(EXAMPLES / "newsdesk")]))
    problems = [item for item in items if isinstance(item, Problem)]
    assert any(p.input.endswith("feeds.txt") and "2 web addresses" in p.reason for p in problems), problems
    assert not any(isinstance(item, Article) and item.id == "feeds" for item in items)
    from newsfuse.ingest.formats import link_list

    assert link_list("The council posted the report at https://example.org/report on Monday.\n") == 0
    assert link_list("# reading list\nhttps://a.example/1\n\nhttps://b.example/2\n") == 2
