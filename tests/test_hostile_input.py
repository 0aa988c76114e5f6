"""Hostile and unlucky input on the reading side, each case run through the CLI in a child process with
memory and CPU limits, so that a regression fails here instead of eating the machine.

The small cases are files in tests/hostile/; the large ones (gzip bombs, deep JSON, a 1 MB article)
are made by tests/hostile/make_corpus.py. Every case must end with a clear message on standard error or
the right result, never a traceback, and the good inputs given with it must still be used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.hostile import make_corpus

HOSTILE = Path(__file__).resolve().parent / "hostile"
FEEDS = Path(__file__).resolve().parent / "fixtures" / "feeds"
# The bound: `brief` on any single input up to --max-bytes stays under 1.5 GB.
MEMORY_BOUND_KB = 1_500_000
# Guards, not measurements: a child past these is killed, so a regression cannot take the machine down.
_ADDRESS_SPACE = 6 * 1024**3  # virtual memory: spaCy and the BLAS threads reserve far more than they use
_CPU_SECONDS = 180
GOOD_TEXT = "Dock workers began a strike on Monday, the union said."


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    peak_kb: int  # the child's peak resident memory
    seconds: float


# The case runs in a grandchild: a child forked from pytest carries pytest's own peak memory in its
# `ru_maxrss` (Linux keeps the high-water mark of the memory a process had when it called exec), so
# the child is a small launcher that sets the limits, forks the case from its own small memory, waits
# for it and writes the case's exit code and peak resident memory to a file.
_LAUNCHER = """
import os, resource, sys
report, limits, args = sys.argv[1], [int(n) for n in sys.argv[2].split(",")], sys.argv[3:]
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (limits[0], limits[0]))
    resource.setrlimit(resource.RLIMIT_CPU, (limits[1], limits[1]))
    os.execv(sys.executable, [sys.executable, "-c", "from newsfuse.cli import main; main()", *args])
_pid, status, usage = os.wait4(pid, 0)
with open(report, "w") as stream:
    stream.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def newsfuse(*args: str, cwd: Path, stdin: bytes = b"") -> Run:
    """Run `newsfuse ARGS` in a child process under the limits; its exit code, output and peak memory."""
    out, err, report = cwd / ".stdout", cwd / ".stderr", cwd / ".report"
    started = time.monotonic()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        child = subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(report), f"{_ADDRESS_SPACE},{_CPU_SECONDS}",
                                  *args], cwd=cwd, stdin=subprocess.PIPE, stdout=stdout, stderr=stderr)
        assert child.stdin is not None
        try:
            child.stdin.write(stdin)
            child.stdin.close()
        except BrokenPipeError:
            pass
        child.wait()
    code, peak_kb = (int(n) for n in report.read_text().split())
    run = Run(code, out.read_text(errors="replace"), err.read_text(errors="replace"), peak_kb,
              time.monotonic() - started)
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.code in (0, 1, 2), (run.code, run.stderr[-3000:])
    return run


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return make_corpus.build(tmp_path_factory.mktemp("hostile"))


# 1: a feed file's text is never taken for a URL or a path.

class _CountingServer:
    def __init__(self) -> None:
        self.hits = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.hits += 1
                body = b'<rss version="2.0"><channel><title>Fetched</title><item><title>t</title>' \
                       b"<description>This feed was fetched over the network.</description></item></channel></rss>"
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def test_a_feed_holding_a_url_is_not_fetched(tmp_path):
    server = _CountingServer()
    try:
        feed = make_corpus.feed_naming_a_url(tmp_path / "a.rss", server.port)
        run = newsfuse("brief", "--no-analysis", str(feed), cwd=tmp_path)
        ingest = newsfuse("ingest", "--db", str(tmp_path / "s.db"), "--feed", str(feed), cwd=tmp_path)
    finally:
        server.server.shutdown()
    assert server.hits == 0
    assert run.code == 1 and "a.rss: skipped: not a readable feed" in run.stderr
    assert "not a readable feed" in ingest.stderr and "0 added" in ingest.stderr


def test_a_feed_holding_a_device_path_is_not_opened(tmp_path):
    run = newsfuse("brief", "--no-analysis", str(HOSTILE / "feed-path.rss"), str(HOSTILE / "plain.jsonl"),
                   cwd=tmp_path)
    assert run.code == 0 and GOOD_TEXT in run.stdout
    assert "feed-path.rss: skipped: not a readable feed" in run.stderr
    assert run.peak_kb < 500_000 and run.seconds < 60


# 2: --max-bytes bounds what is read, compressed or not.

def test_a_gzip_bomb_is_stopped_at_the_limit_without_inflating_it(tmp_path, corpus):
    run = newsfuse("brief", "--no-analysis", "--max-bytes", "5000000", str(corpus["gzip-bomb"]),
                   str(HOSTILE / "plain.jsonl"), cwd=tmp_path)
    assert run.code == 0 and GOOD_TEXT in run.stdout
    assert "bomb.txt.gz: skipped: too large (over the 5 MB limit once decompressed" in run.stderr
    assert run.peak_kb < 500_000  # it inflates to 2 GB


def test_a_compressed_json_lines_bomb_is_bounded_in_ingest(tmp_path, corpus):
    run = newsfuse("ingest", "--db", str(tmp_path / "s.db"), "--max-bytes", "5000000", str(corpus["jsonl-gzip-bomb"]),
                   str(HOSTILE / "plain.jsonl"), cwd=tmp_path)
    assert "bomb.jsonl.gz:1: skipped: line too large" in run.stderr
    assert "1 added" in run.stderr and run.code == 0
    assert run.peak_kb < 500_000


def test_ingest_feed_obeys_max_bytes(tmp_path):
    feed = tmp_path / "big.rss"
    items = "".join(f"<item><title>Strike day {n}</title><link>https://port.example/{n}</link>"
                    f"<description>{GOOD_TEXT} Day {n} of the strike.</description></item>" for n in range(50))
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Port</title>{items}</channel></rss>')
    run = newsfuse("ingest", "--db", str(tmp_path / "s.db"), "--max-bytes", "1000", "--feed", str(feed), cwd=tmp_path)
    assert run.code == 1 and f"{feed}: skipped: too large (over the 1,000 bytes limit" in run.stderr
    run = newsfuse("ingest", "--db", str(tmp_path / "s.db"), "--feed", str(feed), cwd=tmp_path)
    assert run.code == 0 and "50 added" in run.stderr


def test_standard_input_over_the_limit_is_refused(tmp_path):
    data = (HOSTILE / "plain.jsonl").read_bytes() * 100
    run = newsfuse("brief", "--no-analysis", "--max-bytes", "1000", "-", cwd=tmp_path, stdin=data)
    assert run.code == 1 and "-: skipped: too large (over the 1,000 bytes limit" in run.stderr


# 4: JSON nested 100,000 deep is one bad input, in every command that reads JSON.

def test_deeply_nested_json_is_reported_and_the_rest_is_used(tmp_path, corpus):
    brief = newsfuse("brief", "--no-analysis", str(corpus["deep-json"]), str(HOSTILE / "plain.jsonl"), cwd=tmp_path)
    assert brief.code == 0 and GOOD_TEXT in brief.stdout
    assert "deep.json:1: skipped: JSON nested too deeply to read" in brief.stderr

    lines = corpus["deep-json-lines"]
    ingest = newsfuse("ingest", "--db", str(tmp_path / "s.db"), str(lines), cwd=tmp_path)
    assert "deep.jsonl:1: skipped: JSON nested too deeply to read" in ingest.stderr and "1 added" in ingest.stderr
    again = newsfuse("ingest", "--db", str(tmp_path / "s.db"), str(lines), cwd=tmp_path)  # re-runs get past it
    assert "1 already stored" in again.stderr

    cluster = newsfuse("cluster", cwd=tmp_path, stdin=lines.read_bytes())
    assert [json.loads(line)["id"] for line in cluster.stdout.splitlines()] == ["after-deep"]

    record = {"id": "c", "documents": [GOOD_TEXT + " Talks resume on Friday."]}
    stdin = ("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps(record) + "\n").encode()
    summarize = newsfuse("summarize", cwd=tmp_path, stdin=stdin)
    assert "line 1: skipped" in summarize.stderr
    assert json.loads(summarize.stdout)["summary"].startswith("Dock workers began a strike")


# 7: one large article costs bounded memory and time, and the cut is reported.

def test_a_one_megabyte_article_is_briefed_within_bounds(tmp_path, corpus):
    run = newsfuse("brief", "-f", "json", str(corpus["large-article"]), cwd=tmp_path)
    assert run.code == 0
    assert "warning: article 'large' is 1,000,000 characters long; only its first" in run.stderr
    assert "warning: article 'large' has" in run.stderr and "only its first 1,000 are used" in run.stderr
    brief = json.loads(run.stdout)
    assert brief["summary"][0]["text"] == "Dock workers struck on Monday at pier 0, the union said."
    assert run.peak_kb < MEMORY_BOUND_KB
    assert run.seconds < 90  # before the bounds: 3.3 GB and 67 s


# 8: a furniture sentence goes; the paragraph it sits in stays.

@pytest.mark.parametrize("name", ["caption-sentence.jsonl", "notice-sentence.jsonl"])
def test_a_one_paragraph_article_keeps_its_news_when_one_sentence_is_furniture(tmp_path, name):
    run = newsfuse("brief", "--no-analysis", str(HOSTILE / name), cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert GOOD_TEXT in run.stdout
    assert "spoke to reporters" not in run.stdout


# 12: UTF-16 and UTF-32 are text.

@pytest.mark.parametrize("name", ["utf16-bom.txt", "utf16le-nobom.txt", "utf32-bom.txt"])
def test_wide_unicode_encodings_are_read(tmp_path, name):
    run = newsfuse("brief", "--no-analysis", str(HOSTILE / name), cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert "Dock workers struck on Monday at the harbour, the union said." in run.stdout
    assert "binary" not in run.stderr


# 16: loops and unreadable folders are reported, not skipped in silence nor called missing.

def test_symbolic_link_loops_are_reported_as_loops(tmp_path, corpus):
    loops = corpus["symlink-loops"]
    (tmp_path / "self").symlink_to("self")
    run = newsfuse("brief", "--no-analysis", str(loops), str(tmp_path / "self"), cwd=tmp_path)
    assert run.code == 0 and "Dock workers began a strike on Monday" in run.stdout
    assert f"{loops / 'again'}: skipped: folder not read: symbolic link loop" in run.stderr
    assert f"{loops / 'one.txt'}: skipped: symbolic link loop" in run.stderr
    assert f"{tmp_path / 'self'}: skipped: symbolic link loop" in run.stderr
    assert "no such file" not in run.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder; the library test covers it")
def test_an_unreadable_subfolder_is_reported(tmp_path):
    folder = tmp_path / "news"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "a.jsonl").write_bytes((HOSTILE / "plain.jsonl").read_bytes())
    (folder / "b.jsonl").write_bytes((HOSTILE / "plain.jsonl").read_bytes())
    (folder / "locked").chmod(0)
    try:
        run = newsfuse("brief", "--no-analysis", str(folder), cwd=tmp_path)
    finally:
        (folder / "locked").chmod(0o755)
    assert run.code == 0
    assert f"{folder / 'locked'}: skipped: folder not read: cannot read (Permission denied)" in run.stderr


def test_files_of_other_types_in_a_folder_are_counted_not_skipped_in_silence(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "b.jsonl").write_bytes((HOSTILE / "plain.jsonl").read_bytes())
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 ...")
    (folder / "photo.png").write_bytes(b"\x89PNG ...")
    (folder / ".DS_Store").write_bytes(b"hidden")  # hidden files are not counted
    run = newsfuse("brief", "--no-analysis", str(folder), cwd=tmp_path)
    assert run.code == 0
    assert f"{folder}: warning: not read: 2 files of other types (.pdf, .png)" in run.stderr
    (folder / "b.jsonl").unlink()
    run = newsfuse("brief", "--no-analysis", str(folder), cwd=tmp_path)
    assert run.code == 1
    assert f"{folder}: skipped: folder holds no readable files, only 2 files of other types (.pdf, .png)" in run.stderr


def test_ingest_reads_a_folder_as_brief_does(tmp_path):
    """`newsfuse ingest` stored a folder's PDF as an article (its bytes read as text); it now reads the files
    `newsfuse brief` reads and counts the others in the same warning."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "b.jsonl").write_bytes((HOSTILE / "plain.jsonl").read_bytes())
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 a report written as text, then compressed streams")
    (folder / "photo.png").write_bytes(b"\x89PNG ...")
    db = tmp_path / "news.db"
    run = newsfuse("ingest", "--db", str(db), str(folder), cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert f"{folder}: warning: not read: 2 files of other types (.pdf, .png)" in run.stderr
    stored = newsfuse("stories", "--db", str(db), "--format", "json", cwd=tmp_path)
    assert "PDF" not in stored.stdout and stored.stdout.strip()
    (folder / "b.jsonl").unlink()
    run = newsfuse("ingest", "--db", str(tmp_path / "other.db"), str(folder), cwd=tmp_path)
    assert run.code == 1
    assert f"{folder}: skipped: folder holds no readable files, only 2 files of other types (.pdf, .png)" in run.stderr


# The README's promise: empty, binary, mis-encoded, oversized, malformed HTML or JSON, missing files,
# duplicate ids, broken gzip: each reported, and the rest of the batch used.

BATCH = {
    "empty.txt": "empty.txt: skipped: empty input",
    "binary.txt": "binary.txt: skipped: binary data, not text",
    "cp1252-french.txt": "cp1252-french.txt: warning: invalid UTF-8 at byte 2; decoded as cp1252",
    "cp1250-czech.txt": "cp1250-czech.txt: warning: invalid UTF-8 at byte 2; decoded as cp1250",
    "malformed.json": "malformed.json:1: skipped: malformed JSON",
    "broken.html": "broken.html: skipped:",
    "broken.txt.gz": "broken.txt.gz: skipped: broken gzip file",
    "missing.txt": "missing.txt: skipped: no such file or folder",
    "feed-path.rss": "feed-path.rss: skipped: not a readable feed",
}


def test_one_batch_of_every_bad_input_still_gives_a_brief(tmp_path):
    paths = [str(HOSTILE / name) for name in BATCH] + [str(HOSTILE / "plain.jsonl")] * 2
    run = newsfuse("brief", "-f", "json", "--no-analysis", *paths, cwd=tmp_path)
    assert run.code == 0
    for expected in BATCH.values():
        assert expected in run.stderr, expected
    assert "plain.jsonl: warning: duplicate id 'plain'; renamed to 'plain~2'" in run.stderr
    sources = {source["id"]: source for source in json.loads(run.stdout)["sources"]}
    assert {"plain", "plain~2", "cp1252-french", "cp1250-czech"} <= set(sources)
    brief = json.loads(run.stdout)
    assert GOOD_TEXT in " ".join(sentence["text"] for sentence in brief["summary"])


def test_decoded_legacy_text_reads_right(tmp_path):
    run = newsfuse("brief", "-f", "json", "--no-analysis", str(HOSTILE / "cp1252-french.txt"),
                   str(HOSTILE / "cp1250-czech.txt"), cwd=tmp_path)
    titles = {source["id"]: source["title"] for source in json.loads(run.stdout)["sources"]}
    assert titles == {"cp1252-french": "Grève au port", "cp1250-czech": "Stávka v přístavu"}


def test_an_oversized_file_is_skipped_before_it_is_read(tmp_path):
    run = newsfuse("brief", "--no-analysis", "--max-bytes", "50", str(HOSTILE / "plain.jsonl"), cwd=tmp_path)
    assert run.code == 1 and "plain.jsonl: skipped: too large (131 bytes; the limit is 50 bytes" in run.stderr


def test_ingest_from_standard_input_caps_each_line(tmp_path):
    long_line = json.dumps({"id": "long", "text": "x" * 5000}) + "\n"
    good = (HOSTILE / "plain.jsonl").read_text()
    run = newsfuse("ingest", "--db", str(tmp_path / "s.db"), "--max-bytes", "1000", "-", cwd=tmp_path,
                   stdin=(good.replace('"plain"', '"first"').replace("Friday", "Saturday") + long_line + good).encode())
    assert "-:2: skipped: line too large (5,027 bytes; the limit is 1,000 bytes" in run.stderr
    assert "2 added" in run.stderr and run.code == 0


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "2019-11-20"])
def test_dates_at_the_ends_of_the_calendar_never_stop_a_brief(published):
    """A feed may date an article 9999-12-31 or 0001-01-01, and a text may name "December 9999" or a dispute
    "that began 2100 years ago": every one stopped the whole brief with a ValueError where the summary's
    background rule or the timeline read the date. Such a date places nothing; the brief is made."""
    import newsfuse
    from newsfuse.model import Article

    texts = ["The port reopened tomorrow after a strike that began last March. Officials said on Monday the cost "
             "was 12 million euros, in December 9999.",
             "Officials said on Monday that the port would reopen next week. The union said the deal, reached "
             "yesterday, ends a dispute that began 2100 years ago."]
    brief = newsfuse.brief([Article(id=f"a{n}", text=text, published=published) for n, text in enumerate(texts)],
                           words=60)
    assert brief.summary and brief.analysis is not None


def test_articles_given_under_one_id_are_both_briefed():
    """Articles handed to the API as objects were not read, so a repeated id (two pages a scraper named by
    their site) was not renamed: the whole brief stopped with a ValueError where the story model keys sources
    by id (or, had both as many sentences, one source silently took the other's place). The second is renamed
    with a warning, as when read from files, and both are used."""
    import newsfuse
    from newsfuse.model import Article

    def articles() -> list[Article]:
        return [Article(id="harbour-news", text="Dock workers began a strike on Monday, the union said. Talks "
                        "resume on Friday, a spokesman for the port added."),
                Article(id="harbour-news", text="The port said on Tuesday that the strike had halted all "
                        "container traffic. “We will not back down,” said union leader John Smith. The port handles "
                        "12,000 containers a day.")]

    brief = newsfuse.brief(articles(), words=60)
    assert [doc.id for doc in brief.documents] == ["harbour-news", "harbour-news~2"]
    assert [p.reason for p in brief.problems] == ["duplicate id 'harbour-news'; renamed to 'harbour-news~2'"]
    assert brief.summary and brief.analysis is not None
    summary = newsfuse.summarize(articles(), words=60)
    assert {source for sentence in summary for source in sentence.sources} <= {"harbour-news", "harbour-news~2"}


def test_articles_built_from_database_rows_are_briefed():
    """A caller builds articles from rows: a number id, a missing title as None, a date in epoch seconds, a text
    left empty as None. The None title stopped the whole brief where the kind is read, a number id where the
    brief is rendered (mixed with text ids, where copies are sorted by id). Fields are read as a JSON record's
    are; a text that is not text is one problem, and the other articles are briefed."""
    import newsfuse
    from newsfuse.model import Article
    from newsfuse.render import RENDERERS

    rows = [(101, "Dock workers began a strike on Monday, the union said. Talks resume on Friday, a spokesman for "
             "the port added.", None, 1772469000),
            (102, "The port said on Tuesday that the strike had halted all container traffic. “We will not back "
             "down,” said union leader John Smith.", "Port strike halts traffic", None),
            (103, None, "Strike: live updates", None)]
    brief = newsfuse.brief([Article(id=row_id, text=text, title=title, published=published)
                            for row_id, text, title, published in rows], words=60)
    assert [(doc.id, doc.article.published) for doc in brief.documents] == [
        ("101", "2026-03-02T16:30:00+00:00"), ("102", None)]
    assert [str(p) for p in brief.problems] == ["103: skipped: article '103': its text is not a string but NoneType"]
    assert brief.summary and brief.analysis is not None
    assert all("Port strike halts traffic" in render(brief) for render in RENDERERS.values())
    assert newsfuse.summarize([Article(id=row_id, text=text, title=title, published=published)
                               for row_id, text, title, published in rows[:2]], words=60)


def test_a_broken_unicode_escape_in_a_json_article_does_not_stop_the_brief(tmp_path):
    """A JSON file may hold half of an emoji's escape pair ("\\ud83d" cut from its "\\ude00"), which reads as a
    lone surrogate: the entity and quote analysis stopped the whole brief with a UnicodeEncodeError. The
    article is analysed, and its text kept as it was given."""
    path = tmp_path / "cut-emoji.jsonl"
    path.write_text(json.dumps({"id": "cut", "title": "Port strike", "text": (
        "Dock workers began a strike on Monday, the union said \ud83d. “We will not back down,” said union leader "
        "John Smith. Talks resume on Friday.")}) + "\n")  # the escape as written: {"text": "... said \\ud83d. ..."}
    run = newsfuse("brief", "-f", "json", str(path), str(HOSTILE / "plain.jsonl"), cwd=tmp_path)
    assert run.code == 0
    brief = json.loads(run.stdout)
    assert {source["id"] for source in brief["sources"]} == {"cut", "plain"}
    assert any(quote["text"] == "We will not back down" for quote in brief["analysis"]["quotes"])


def test_a_json_number_too_long_to_read_is_one_bad_line(tmp_path):
    """JSON allows an integer of any length, but Python converts at most 4,300 digits: a record holding a longer
    one (a counter field gone wrong) stopped `brief` and `summarize` with a ValueError, and every other line
    of the file was lost with it. The line is reported and the others are used."""
    text = "Dock workers at the Port of Varnholm began a strike on Monday, the union said. Talks resume on Friday."
    articles = tmp_path / "articles.jsonl"
    articles.write_text(f'{{"id": "counted", "text": "{text}", "views": {"9" * 5000}}}\n'
                        + (HOSTILE / "plain.jsonl").read_text())
    run = newsfuse("brief", "--no-analysis", str(articles), cwd=tmp_path)
    assert run.code == 0 and GOOD_TEXT in run.stdout
    assert "articles.jsonl:1: skipped: JSON holds a number of more than 4,300 digits" in run.stderr

    clusters = (f'{{"id": "counted", "documents": ["{text}"], "views": {"9" * 5000}}}\n'
                f'{{"id": "plain", "documents": ["{GOOD_TEXT}"]}}\n')
    run = newsfuse("summarize", cwd=tmp_path, stdin=clusters.encode())
    assert run.code == 0 and [json.loads(line)["id"] for line in run.stdout.splitlines()] == ["plain"]
    assert "line 1: skipped: not a cluster record (JSON holds a number of more than 4,300 digits)" in run.stderr


def test_a_feed_with_a_reference_to_no_character_keeps_its_entries(tmp_path):
    """A feed may write an emoji as two UTF-16 halves ("&#xd83d;&#xde00;") or a number past U+10FFFF: the feed
    parser raised on the reference (UnicodeEncodeError, ValueError, OverflowError), and the whole brief
    stopped with every entry of every input. The reference is read as U+FFFD and the entries are used."""
    feed = tmp_path / "harbour.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>'
        "<item><title>Strike &#xd83d;&#xde00;</title><description>Dock workers began a strike on Monday, the union "
        "said &#xd83d;&#xde00;. Talks resume on Friday.</description></item>"
        "<item><title>Talks</title><link>https://harbour.example/talks</link><description>Talks between the union "
        "and the port resume on Friday &#1114112;, a spokesman said.</description></item></channel></rss>")
    run = newsfuse("brief", "-f", "json", "--no-analysis", str(feed), cwd=tmp_path)
    assert run.code == 0
    sources = json.loads(run.stdout)["sources"]
    assert [source["title"] for source in sources] == ["Strike \ufffd\ufffd", "Talks"]


def test_a_broken_unicode_escape_in_a_json_article_is_stored_by_ingest(tmp_path):
    """The same cut escape made the store refuse the article ("surrogates not allowed") and `newsfuse ingest`
    skipped it. It is read as U+FFFD when the record is read, and stored."""
    path = tmp_path / "cut-emoji.jsonl"
    path.write_text(json.dumps({"id": "cut", "title": "Port strike \ud83d", "text": (
        "Dock workers began a strike on Monday, the union said \ud83d. Talks resume on Friday.")}) + "\n")
    run = newsfuse("ingest", str(path), "--db", str(tmp_path / "news.db"), cwd=tmp_path)
    assert run.code == 0 and "1 added" in run.stderr and "skipped: could not read" not in run.stderr
