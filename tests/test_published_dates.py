"""Publication dates are read once, when an article is read, into one canonical form; nothing after that
parses a date string, and a date that names no day is dropped with a warning, never a traceback."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsfuse.cli import main
from newsfuse.ingest.dates import normalise_published
from tests.conftest import EXAMPLES

STRIKE = (EXAMPLES / "harbour-strike" / "wire-report.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("written", "canonical"), [
    ("2026-03-02", "2026-03-02"),
    ("2026-03-02T16:30:00Z", "2026-03-02T16:30:00+00:00"),
    ("Mon, 02 Mar 2026 16:30:00 GMT", "2026-03-02T16:30:00+00:00"),  # RFC 822, as feeds write it
    ("Mon, 02 Mar 2026 16:30:00 +0100", "2026-03-02T16:30:00+01:00"),
    ("March 2, 2026", "2026-03-02"),
    ("2 March 2026", "2026-03-02"),
    ("2026/03/02", "2026-03-02"),
    ("March 2, 2026 10:15 EST", "2026-03-02T10:15:00-05:00"),
    ("2026-03-02 09:00", "2026-03-02T09:00:00+00:00"),  # no zone: UTC
    (1772469000, "2026-03-02T16:30:00+00:00"),  # epoch seconds
])
def test_every_way_of_writing_a_day_reads_as_one(written, canonical):
    assert normalise_published(written) == canonical
    assert normalise_published(canonical) == canonical  # reading twice changes nothing


@pytest.mark.parametrize("written", ["yesterday-ish", "Monday", "2025-02-30", "05/03/2013", "", "x" * 500, True])
def test_what_names_no_single_day_is_refused(written):
    with pytest.raises(ValueError):
        normalise_published(written)


# The wire report's own header says "Monday, March 2, 2026 07:45": where the record's date is unreadable
# (or absent), that is the date used.
HEADER_DAY = "2026-03-02"


@pytest.mark.parametrize(("published", "stored"), [
    ("March 1, 2026", "2026-03-01"), ("Mon, 02 Mar 2026 16:30:00 GMT", "2026-03-02T16:30:00+00:00"),
    ("2025/04/01", "2025-04-01"), ("yesterday-ish", None), ("2025-02-30", None), ("Monday", None), (12, None),
    (1772469000, "2026-03-02T16:30:00+00:00"),  # epoch seconds as a JSON number
    (["2026"], None), (None, None),
    # A minute of thirty digits: the date reader's decimal arithmetic failed, and the whole brief with it.
    ("March 2, 2026 10:300000000000000000000000000000", None),
])
def test_a_record_with_any_published_gets_a_brief_with_analysis(tmp_path, published, stored):
    record = {"id": "wire", "title": "Dock strike", "text": STRIKE, "published": published}
    path = tmp_path / "story.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["brief", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    brief = json.loads(result.stdout)
    assert brief["analysis"]["timeline"]["events"]
    (source,) = brief["sources"]
    assert source["published"] == (stored or HEADER_DAY)
    warned = "publication date ignored" in result.stderr and "'wire'" in result.stderr
    assert warned == (stored is None and published is not None)  # a date given and dropped is said so


def test_a_dated_record_dates_its_timeline_from_its_own_day(tmp_path):
    text = "Dock workers at the Port of Varnholm began a strike on Monday, the union said.\n\nTalks resume on Friday."
    record = {"id": "wire", "text": text, "published": "Tuesday, March 3, 2026"}
    path = tmp_path / "story.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["brief", "--format", "json", str(path)])
    brief = json.loads(result.stdout)
    assert brief["sources"][0]["published"] == "2026-03-03"
    reference = brief["analysis"]["timeline"]["references"]["wire"]
    assert reference == {"date": "2026-03-03", "basis": "published", "inferred": False}
    assert {e["date"] for e in brief["analysis"]["timeline"]["events"]} >= {"2026-03-02"}  # "on Monday"


def test_ingest_stores_canonical_dates_so_the_story_brief_never_fails(tmp_path):
    db = str(tmp_path / "news.db")
    lines = [{"id": f"a{n}", "title": "Dock strike", "text": f"{STRIKE}\n\nUpdate {n}: talks went on.",
              "published": published,
              "url": f"https://example.org/{n}"}
             for n, published in enumerate(["Tue, 03 Mar 2026 10:00:00 GMT", "2026/03/02", "yesterday-ish"])]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", "--db", db, str(path)])
    assert result.exit_code == 0, result.output
    assert "publication date ignored" in result.stderr
    import sqlite3

    stored = sorted(row[0] or "" for row in sqlite3.connect(db).execute("SELECT published FROM articles"))
    assert stored == ["", "2026-03-02", "2026-03-03T10:00:00+00:00"]
    brief = runner.invoke(main, ["brief", "--db", db, "--story", "1", "--format", "json"])
    assert brief.exit_code == 0, brief.output
    assert json.loads(brief.stdout)["analysis"]["timeline"]["events"]
