"""Hostile and unlucky input on the output, store and command side, through the command line.

Each test runs `newsfuse` in a subprocess under resource limits (address space, CPU time, file size), so
a regression fails the test instead of eating the machine, and checks that the user gets the right
result or one clear message, never a traceback. The cases follow issue 17's list: --output through links,
FIFOs and devices (5), script in links and Markdown (6), other applications' databases (9), partial
--since dates (10), the HTML copy flag (11), file names that are not UTF-8 (13), terminal escapes (14) and
the tracebacks that became messages (15). Small inputs are files in tests/hostile/; file-system objects
(links, FIFOs, devices, databases) are made here, in a temporary folder.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import EXAMPLES

HOSTILE = Path(__file__).resolve().parent / "hostile"
ROOT = Path(__file__).resolve().parent.parent
ARTICLE = {"id": "strike", "published": "2025-04-01T10:00:00Z",
           "text": "Dock workers began a strike on Monday, the union said.\n\nTalks resume on Friday."}
MEMORY_LIMIT = 3 * 1024**3  # address space: the interpreter, numpy and the pipeline need well under this
CPU_SECONDS = 120
FILE_LIMIT = 50 * 1024**2  # no output here is near this: a runaway writer stops
CONTROL = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]


def newsfuse(*args: str | bytes, cwd: Path, stdout=subprocess.PIPE, file_limit: int = FILE_LIMIT, umask: int = 0o022,
             timeout: float = 180) -> subprocess.CompletedProcess:
    """Run the command line as a user would, under limits; never a traceback, whatever happens."""

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # over the file limit: a write error, not a kill
        os.umask(umask)

    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}
    env.pop("NEWSFUSE_DB", None)
    result = subprocess.run([sys.executable, "-m", "newsfuse", *args], cwd=cwd, stdout=stdout,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, preexec_fn=limits, timeout=timeout,
                            env=env)
    stderr = result.stderr.decode("utf-8")  # messages are UTF-8 whatever file names they quote
    assert "Traceback" not in stderr, stderr
    result.stderr = stderr
    return result


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n")
    return path


# 5: --output writes through the path the user named.

def test_output_follows_a_symbolic_link_and_keeps_the_file_mode(tmp_path, article) -> None:
    target = tmp_path / "t.txt"
    target.write_text("old\n")
    target.chmod(0o640)
    (tmp_path / "link").symlink_to("t.txt")
    result = newsfuse("brief", "--no-analysis", "-o", "link", str(article), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "link").is_symlink()
    assert target.read_text().startswith("Dock workers began a strike on Monday")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_a_new_output_file_gets_the_mode_the_umask_allows(tmp_path, article) -> None:
    for umask, mode in ((0o022, 0o644), (0o077, 0o600)):
        out = tmp_path / f"new-{umask:o}.txt"
        result = newsfuse("brief", "--no-analysis", "-o", str(out), str(article), cwd=tmp_path, umask=umask)
        assert result.returncode == 0
        assert stat.S_IMODE(out.stat().st_mode) == mode


def test_output_into_a_fifo_is_written_as_a_stream(tmp_path, article) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = newsfuse("brief", "--no-analysis", "-f", "json", "-o", str(fifo), str(article), cwd=tmp_path)
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["sources"][0]["id"] == "strike"


def _full_device(tmp_path: Path) -> Path:
    """A device that refuses every write (like /dev/full). As root it is a copy made here, so a regression
    that replaced the device would replace only the copy; otherwise /dev/full itself, which a user who is
    not root cannot replace."""
    if os.geteuid() != 0:
        return Path("/dev/full")
    device = tmp_path / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        os.close(os.open(device, os.O_WRONLY))
    except OSError:
        pytest.skip("cannot make or open a device node in the temporary folder")
    return device


def test_output_into_a_full_device_is_a_message_and_the_device_stays(tmp_path, article) -> None:
    device = _full_device(tmp_path)
    result = newsfuse("brief", "--no-analysis", "-o", str(device), str(article), cwd=tmp_path)
    assert result.returncode == 1
    assert "No space left on device" in result.stderr
    assert stat.S_ISCHR(device.stat().st_mode)


# 6: script through links and Markdown.

def test_html_links_only_http_and_markdown_escapes_markup(tmp_path) -> None:
    source = str(HOSTILE / "markup.jsonl")
    page = newsfuse("brief", "--no-analysis", "-f", "html", source, cwd=tmp_path).stdout.decode()
    assert "<a " not in page  # the record's URL is javascript: shown as text, never a link
    assert "javascript:alert(1)" in page and "<script>" not in page and "<img" not in page
    assert "content=\"default-src 'none'; style-src 'unsafe-inline'" in page  # and no script could run anyway
    markdown = newsfuse("brief", "--no-analysis", "-f", "markdown", source, cwd=tmp_path).stdout.decode()
    assert markdown.splitlines()[0] == r"# \<script\>alert(1)\</script\> Port strike"
    tokens = [t for token in MarkdownIt("commonmark").parse(markdown) for t in [token, *(token.children or [])]]
    assert not {t.type for t in tokens} & {"html_inline", "html_block", "link_open", "image"}


# 9: read-only commands never write into other applications' databases; ingest refuses them too.

def test_another_applications_database_is_refused_and_left_as_it_was(tmp_path, article) -> None:
    app = tmp_path / "app.db"
    with sqlite3.connect(app) as connection:
        connection.execute("CREATE TABLE t (x)")
    before = app.read_bytes()
    for command in (("stories",), ("brief", "--story", "1"), ("ingest", str(article))):
        result = newsfuse(*command, "--db", str(app), cwd=tmp_path)
        assert result.returncode == 1, command
        assert "not a newsfuse database" in result.stderr
    assert app.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db", "p.jsonl"]  # no -wal or -shm either


# 10: --since 2025-04 is the start of April 2025, whatever today's date.

def test_a_partial_since_date_starts_at_its_earliest_moment(tmp_path) -> None:
    march = {"id": "march", "published": "2025-03-31T12:00:00Z",
             "text": "The city council approved a new library budget on Monday.\n\nBuilding starts in May."}
    records = [ARTICLE, march]
    (tmp_path / "two.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    assert newsfuse("ingest", "--db", "s.db", "two.jsonl", cwd=tmp_path).returncode == 0
    titles = {}
    for since in ("2025-04", "2025-04-01", "2025-04-01T00:00:00Z", "2025"):
        out = newsfuse("stories", "--db", "s.db", "--format", "json", "--since", since, cwd=tmp_path).stdout
        titles[since] = sorted(json.loads(line)["title"] for line in out.decode().splitlines())
    assert titles["2025-04"] == titles["2025-04-01"] == titles["2025-04-01T00:00:00Z"] == [
        "Dock workers began a strike on Monday, the union said."]
    assert len(titles["2025"]) == 2
    assert newsfuse("stories", "--db", "s.db", "--since", "Monday", cwd=tmp_path).returncode == 2


# 11: only copies are greyed as copies in the HTML page.

def test_only_the_copy_is_marked_as_a_copy_in_the_page(tmp_path) -> None:
    page = newsfuse("brief", "--no-analysis", "-f", "html", str(EXAMPLES / "harbour-strike"), cwd=tmp_path).stdout
    assert page.decode().count('class="copy"') == 1  # the example holds one copy (regional-copy)


# 13: file names that are not UTF-8.

def test_file_names_that_are_not_utf8_are_shown_escaped(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder) + b"/caf\xe9.txt"))).write_text(ARTICLE["text"])
    out = os.fsdecode(bytes(tmp_path) + b"/brief-\xff.json")
    result = newsfuse("brief", "--no-analysis", "-f", "json", "-o", out, str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    brief = json.loads(Path(out).read_bytes().decode("utf-8"))
    assert brief["sources"][0]["id"] == "caf\\xe9"
    text = newsfuse("brief", "--no-analysis", str(folder), cwd=tmp_path).stdout.decode("utf-8")
    assert "in/caf\\xe9.txt" in text


# 14: terminal escapes in titles and text never reach the terminal.

def test_terminal_escapes_never_reach_the_terminal(tmp_path) -> None:
    source = str(HOSTILE / "terminal-escapes.jsonl")
    for fmt in ("text", "markdown", "html", "json"):
        shown = newsfuse("brief", "--no-analysis", "-f", fmt, source, cwd=tmp_path).stdout.decode("utf-8")
        assert not [c for c in CONTROL if c in shown], fmt
        assert "Port strike" in shown and "Dock workers" in shown
    assert newsfuse("ingest", "--db", "s.db", source, cwd=tmp_path).returncode == 0
    listing = newsfuse("stories", "--db", "s.db", cwd=tmp_path).stdout.decode("utf-8")
    assert "Port strike" in listing and not [c for c in CONTROL if c in listing.replace("\n", "")]
    (tmp_path / "\x1b]0;title\x07.txt").write_text("")
    message = newsfuse("brief", str(tmp_path / "\x1b]0;title\x07.txt"), cwd=tmp_path).stderr
    assert "skipped" in message and "\x1b" not in message and "\x07" not in message


# 15: messages where tracebacks were.

def test_a_damaged_or_newer_database_is_a_message(tmp_path, article) -> None:
    (tmp_path / "bad.db").write_bytes(bytes(range(256)) * 20)
    with sqlite3.connect(tmp_path / "new.db") as connection:
        connection.execute("CREATE TABLE stories (id)")
        connection.execute("CREATE TABLE articles (id)")
        connection.execute("PRAGMA user_version = 999")
    for name, reason in (("bad.db", "not a usable SQLite database"), ("new.db", "newer newsfuse")):
        for command in (("stories",), ("brief", "--story", "1"), ("ingest", str(article))):
            result = newsfuse(*command, "--db", name, cwd=tmp_path)
            assert result.returncode == 1 and reason in result.stderr, (name, command)


def test_an_output_folder_that_is_missing_is_reported_before_any_work(tmp_path) -> None:
    result = newsfuse("brief", "-o", "missing/brief.txt", "no-such-input.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert "missing" in result.stderr and "does not exist" in result.stderr
    assert "no-such-input" not in result.stderr  # the inputs were never read
    inside_a_file = newsfuse("brief", "-o", "p.jsonl/brief.txt", "x", cwd=tmp_path)
    assert inside_a_file.returncode == 1 and "cannot write" in inside_a_file.stderr


def test_standard_output_on_a_full_device_is_a_message(tmp_path, article) -> None:
    with open(_full_device(tmp_path), "wb") as full:
        result = newsfuse("brief", "--no-analysis", str(article), cwd=tmp_path, stdout=full)
    assert result.returncode == 1
    assert "cannot write to standard output (No space left on device)" in result.stderr


def test_a_story_id_too_large_for_the_database_is_a_usage_error(tmp_path, article) -> None:
    assert newsfuse("ingest", str(article), cwd=tmp_path).returncode == 0
    result = newsfuse("brief", "--story", "99999999999999999999", cwd=tmp_path)
    assert result.returncode == 2 and "--story" in result.stderr


def test_a_full_disk_during_ingest_says_so_and_keeps_the_committed_batches(tmp_path) -> None:
    lines = [json.dumps({"id": f"a{n}", "title": f"Harbour {n} strike enters day {n % 9}",
                         "text": f"Dock workers at harbour {n} stopped work on Monday over pay, the union said. " * 4})
             for n in range(1500)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    # The file-size limit stands in for a full disk: the database cannot grow past it.
    result = newsfuse("ingest", "--db", "s.db", "--batch", "200", "many.jsonl", cwd=tmp_path, file_limit=600_000)
    assert result.returncode == 1
    assert "ingest stopped" in result.stderr and "cannot rollback" not in result.stderr
    stored = newsfuse("stories", "--db", "s.db", "--format", "json", cwd=tmp_path)
    assert stored.returncode == 0
    kept = sum(json.loads(line)["articles"] for line in stored.stdout.decode().splitlines())
    assert kept > 0 and kept % 200 == 0  # whole batches, as committed
