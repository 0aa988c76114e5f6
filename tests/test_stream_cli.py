"""`newsfuse ingest`, `stories`, `brief --story`, `cluster` from the command line, and the database under
real processes: two ingests at once, and an ingest killed with SIGKILL then resumed."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from newsfuse.cli import main
from tests.conftest import FIXTURES

STREAM = FIXTURES / "stream"
NEWSFUSE = [sys.executable, "-m", "newsfuse"]
_WORDS = (
    "harbour", "council", "strike", "crane", "vote", "library", "quay", "budget", "storm", "flood", "school",
    "bridge", "rail", "port", "mayor", "fire", "court", "trial", "police", "road", "tunnel", "ferry", "power",
    "plant", "water", "tax", "farm", "market", "hospital",
)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _small_stream(path: Path, count: int, start: int = 0, seed: int = 1) -> None:
    """Short synthetic articles: 40 events, each told with its own made-up names."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for number in range(start, start + count):
            event = number % 40
            words = " ".join(rng.choice(_WORDS) for _ in range(25))
            text = (f"Officials in Town{event}ville said on Monday that Mayor Person{event} Smith{event} "
                    f"ordered a review. {words}. Article {number} ends here.")
            out.write(json.dumps({"id": f"n{number}", "text": text, "url": f"https://example.test/{number}",
                                  "published": f"2025-01-{1 + event % 28:02d}T10:00:00Z"}) + "\n")


def _counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as connection:
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        distinct = connection.execute("SELECT count(DISTINCT url_key) FROM articles").fetchone()[0]
        in_stories = connection.execute("SELECT coalesce(sum(articles), 0) FROM stories").fetchone()[0]
    return articles, distinct, in_stories


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def test_ingest_reports_bad_entries_and_lists_stories(tmp_path) -> None:
    db = str(tmp_path / "news.db")
    code, _, err = _run("ingest", "--db", db, str(STREAM / "articles.jsonl"), "--feed", str(STREAM / "truncated.rss"))
    assert code == 0
    assert "malformed JSON" in err and "feed is malformed" in err and "same URL" in err
    assert "7 added, 1 already stored" in err
    code, out, _ = _run("stories", "--db", db, "--format", "json")
    stories = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and sorted(s["articles"] for s in stories) == [3, 4]
    assert {"id", "title", "articles", "sources", "first_seen", "last_seen"} <= set(stories[0])
    code, out, _ = _run("stories", "--db", db, "--since", "2025-04-11T08:00:00Z")
    assert code == 0 and len(out.splitlines()) == 1 and "Brannock" in out
    assert _run("stories", "--db", db, "--since", "yesterday-ish")[0] == 2
    assert _run("stories", "--db", str(tmp_path / "none.db"))[0] == 1


def test_ingest_reads_standard_input_and_the_environment_path(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSFUSE_DB", str(tmp_path / "env.db"))
    result = CliRunner().invoke(main, ["ingest", "-"], input=(STREAM / "articles.jsonl").read_text())
    assert result.exit_code == 0 and (tmp_path / "env.db").exists()
    assert _counts(tmp_path / "env.db")[0] == 5


def test_brief_from_the_store(tmp_path) -> None:
    db = str(tmp_path / "news.db")
    _run("ingest", "--db", db, str(STREAM / "articles.jsonl"))
    story = next(json.loads(s) for s in _run("stories", "--db", db, "-f", "json")[1].splitlines()
                 if json.loads(s)["articles"] == 3)
    code, out, _ = _run("brief", "--db", db, "--story", str(story["id"]), "--no-analysis", "--format", "json")
    assert code == 0 and len(json.loads(out)["sources"]) == 3
    assert json.loads(out)["title"] == "Crane collapse halts work at Orsvik container quay"
    code, out, _ = _run("brief", "--db", db, "--story", str(story["id"]), "--since", "2025-04-09", "--no-analysis")
    assert code == 0 and "reopen" in out.lower()
    assert _run("brief", "--db", db, "--story", "999")[0] == 1
    assert _run("brief", "--since", "2025-04-09")[0] == 2  # --since without --story
    assert _run("brief", "--story", "1", "--since", "soon", "--db", db)[0] == 2
    assert _run("brief", "--story", "1", str(STREAM / "articles.jsonl"), "--db", db)[0] == 2
    assert _run("brief")[0] == 2


def test_cluster_command(tmp_path) -> None:
    lines = "\n".join(json.dumps({"id": r["id"], "text": r["text"], "title": r["title"]})
                      for r in map(json.loads, (STREAM / "articles.jsonl").read_text().splitlines()[:5]))
    result = CliRunner().invoke(main, ["cluster"], input=lines + "\n{broken\n")
    labels = {r["id"]: r["story"] for r in map(json.loads, result.stdout.splitlines())}
    assert result.exit_code == 0 and "malformed JSON" in result.stderr
    assert labels["quay-1"] == labels["quay-2"] == labels["quay-3"] != labels["vote-1"] == labels["vote-2"]


def test_cluster_reports_empty_texts_repeated_ids_and_empty_input() -> None:
    lines = [json.dumps({"id": "a", "text": "Dock workers in Varnholm began a strike on Monday, the union said."}),
             json.dumps({"id": "b", "text": "  "}),
             json.dumps({"id": "a", "text": "Varnholm's dock workers walked out on Monday over pay."})]
    result = CliRunner().invoke(main, ["cluster"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "a"]
    assert "-:2: skipped: article 'b' has no text" in result.stderr
    assert "-:3: warning: id 'a' was used on an earlier line too" in result.stderr
    empty = CliRunner().invoke(main, ["cluster"], input="")
    assert empty.exit_code == 1 and "no article to cluster" in empty.stderr and not empty.stdout


def test_cluster_reads_dates_as_the_readers_do_and_says_which_it_ignores() -> None:
    text = "Dock workers in Varnholm began a strike on Monday, the union said."
    lines = [json.dumps({"id": "iso", "text": text, "published": "2024-03-04T09:00:00Z"}),
             json.dumps({"id": "rfc", "text": text, "published": "Mon, 04 Mar 2024 10:00:00 GMT"}),
             json.dumps({"id": "epoch", "text": text, "published": 1709546400}),  # epoch seconds, as ingest reads
             json.dumps({"id": "words", "text": text, "published": "sometime last spring"}),
             json.dumps({"id": "list", "text": text, "published": [2024, 3, 4]})]
    result = CliRunner().invoke(main, ["cluster", "--no-embeddings"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["iso", "rfc", "epoch", "words", "list"]
    warnings = [line for line in result.stderr.splitlines() if "publication date ignored" in line]
    assert len(warnings) == 2, result.stderr
    assert warnings[0].startswith("newsfuse: -:4: warning: article 'words'")
    assert "grouped on its content alone" in warnings[0]
    assert warnings[1].startswith("newsfuse: -:5: warning: article 'list'")


def test_two_ingests_at_once(tmp_path) -> None:
    """Two real processes write one database at once: every article once, the database intact."""
    first, second, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "news.db"
    _small_stream(first, 700, start=0)
    _small_stream(second, 700, start=500)  # 200 articles in both inputs
    processes = [subprocess.Popen([*NEWSFUSE, "ingest", "-q", "--batch", "50", "--db", str(db), str(path)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for path in (first, second)]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    articles, distinct, in_stories = _counts(db)
    assert articles == distinct == in_stories == 1200
    assert _integrity(db) == "ok"


def test_kill_during_ingest_loses_nothing_committed(tmp_path) -> None:
    source, db = tmp_path / "stream.jsonl", tmp_path / "news.db"
    _small_stream(source, 4000)
    process = subprocess.Popen([*NEWSFUSE, "ingest", "-q", "--batch", "100", "--db", str(db), str(source)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    committed = 0
    while time.monotonic() < deadline and committed < 300:
        time.sleep(0.05)
        if db.exists():
            try:
                committed = _counts(db)[0]
            except sqlite3.OperationalError:  # schema not created yet
                committed = 0
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    assert _integrity(db) == "ok"
    with sqlite3.connect(db) as connection:
        before = {row[0] for row in connection.execute("SELECT source_id FROM articles")}
    assert 300 <= len(before) < 4000, "the kill should land mid-ingest"
    assert _counts(db)[0] == _counts(db)[2]  # stories agree with their articles: no half batch
    resumed = subprocess.run([*NEWSFUSE, "ingest", "-q", "--db", str(db), str(source)], capture_output=True,
                             timeout=120)
    assert resumed.returncode == 0, resumed.stderr.decode()
    articles, distinct, in_stories = _counts(db)
    assert articles == distinct == in_stories == 4000
    with sqlite3.connect(db) as connection:
        after = {row[0] for row in connection.execute("SELECT source_id FROM articles")}
    assert before <= after
    assert _integrity(db) == "ok"


def test_the_example_is_one_story_whose_copy_counts_as_its_original_s_source(tmp_path):
    from click.testing import CliRunner

    from newsfuse.cli import main
    from tests.conftest import EXAMPLES

    db = str(tmp_path / "news.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "--db", db, str(EXAMPLES / "harbour-strike")]).exit_code == 0
    listing = runner.invoke(main, ["stories", "--db", db, "-f", "json"]).stdout
    (story,) = [json.loads(line) for line in listing.splitlines()]
    assert (story["articles"], story["copies"], story["sources"]) == (5, 1, 4)


def _allsides_lines(events: int) -> list[str]:
    """JSON Lines of the reports of the first `events` held-out allsides-neus events (odd lines)."""
    from tests.conftest import DATA

    with (DATA / "allsides-neus" / "train.jsonl").open(encoding="utf-8") as source:
        records = [json.loads(line) for number, line in zip(range(2 * events), source, strict=False) if number % 2]
    return [json.dumps({"id": f"{record['id']}-{i}", "text": text})
            for record in records for i, text in enumerate(record["documents"])]


def _cluster_labels(lines: list[str], *options: str) -> list[int]:
    """`newsfuse cluster OPTIONS` over these lines: the story labels, in input order."""
    result = CliRunner().invoke(main, ["cluster", *options], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    return [json.loads(line)["story"] for line in result.stdout.splitlines()]


def test_cluster_command_takes_the_crowd_margin_and_the_day_penalty() -> None:
    """`--crowd-margin 0` turns the crowd rule off: on 200 events of concurrent news the labels are then
    those of the floor alone, and differ from the default's."""
    from newsfuse.cluster.batch import Label, cluster_lines
    from newsfuse.cluster.params import ClusterParams

    lines = _allsides_lines(200)

    def labels(*options: str) -> list[int]:
        return _cluster_labels(lines, *options)

    floor_alone = labels("--no-embeddings", "--crowd-margin", "0")
    library = [item.story for item in cluster_lines(lines, ClusterParams(crowd_margin=0.0)) if isinstance(item, Label)]
    assert floor_alone == library
    words_default = labels("--no-embeddings")
    assert words_default != floor_alone
    # `--day-penalty 0`: reports naming other weekdays are judged on their words alone.
    no_days = labels("--no-embeddings", "--day-penalty", "0")
    assert no_days == [item.story for item in cluster_lines(lines, ClusterParams(day_penalty=0.0))
                       if isinstance(item, Label)]
    assert no_days != words_default


def test_cluster_command_options_set_the_mixed_score_by_default() -> None:
    """By default the articles are compared by meaning too, and --threshold and --crowd-margin set that
    mixed score's floor and margin (its own defaults, not the words' ones)."""
    from newsfuse.cluster.batch import Label, cluster_lines
    from newsfuse.cluster.embeddings import shared_embedder
    from newsfuse.cluster.params import ClusterParams

    lines = _allsides_lines(60)

    def labels(*options: str) -> list[int]:
        return _cluster_labels(lines, *options)

    def library(params: ClusterParams) -> list[int]:
        return [item.story for item in cluster_lines(lines, params, embedder=shared_embedder())
                if isinstance(item, Label)]

    default = labels()
    assert default == library(ClusterParams())
    assert default != labels("--no-embeddings")
    floor_alone = labels("--crowd-margin", "0")
    assert floor_alone == library(ClusterParams(embedding_margin=0.0))
    assert floor_alone != default
