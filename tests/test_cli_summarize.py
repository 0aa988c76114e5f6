"""`newsfuse summarize`: JSON Lines clusters in, one summary line out per cluster, in order, streaming."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from newsfuse.cli import main
from tests.conftest import DATA, allsides_record

TAC = DATA / "tac2011-multiling" / "english.jsonl"


def _clusters(n: int) -> list[dict]:
    with TAC.open(encoding="utf-8") as stream:
        return [json.loads(next(stream)) for _ in range(n)]


def test_summaries_come_out_in_input_order_within_budget():
    clusters = _clusters(3)
    lines = "".join(json.dumps({"id": c["id"], "documents": c["documents"]}) + "\n" for c in clusters)
    result = CliRunner().invoke(main, ["summarize", "--words", "100"], input=lines)
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [c["id"] for c in clusters]
    for record in out:
        assert set(record) == {"id", "summary"}
        assert 50 <= len(record["summary"].split()) <= 100


def test_broken_lines_are_reported_and_skipped(tmp_path):
    (cluster,) = _clusters(1)
    path = tmp_path / "clusters.jsonl"
    path.write_text("\n".join([
        "{not json",
        json.dumps({"id": "no-documents"}),
        json.dumps({"id": "ok", "documents": cluster["documents"][:3]}),
        json.dumps({"id": "empty", "documents": ["", "   "]}),
    ]) + "\n")
    result = CliRunner().invoke(main, ["summarize", "--input", str(path)])
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ok", "empty"]
    assert "line 1: skipped" in result.stderr and "line 2: skipped" in result.stderr
    assert "cluster 'empty': no usable article" in result.stderr


def test_nothing_usable_exits_1():
    result = CliRunner().invoke(main, ["summarize"], input="{broken\n")
    assert result.exit_code == 1


def test_output_streams_before_the_input_ends():
    """The first summary is written while standard input is still open: memory does not hold the stream."""
    (cluster,) = _clusters(1)
    process = subprocess.Popen([sys.executable, "-m", "newsfuse", "summarize", "--words", "60"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        process.stdin.write(json.dumps({"id": "first", "documents": cluster["documents"]}) + "\n")
        process.stdin.flush()
        first = json.loads(process.stdout.readline())  # blocks until the first summary is out
        assert first["id"] == "first" and first["summary"]
        process.stdin.write(json.dumps({"id": "second", "documents": cluster["documents"][:2]}) + "\n")
        process.stdin.close()
        assert json.loads(process.stdout.readline())["id"] == "second"
        assert process.wait(timeout=60) == 0
    finally:
        process.kill()


def test_records_that_are_not_clusters_say_why_and_repeated_ids_and_non_text_documents_are_reported():
    text = "Dock workers walked off the job at the Port of Varnholm on Monday, the union said in a statement."
    lines = "\n".join([
        json.dumps([1, 2]),
        json.dumps({"documents": [text]}),
        json.dumps({"id": "a", "documents": [text, 7, None]}),
        json.dumps({"id": "a", "documents": [text]}),
    ]) + "\n"
    result = CliRunner().invoke(main, ["summarize"], input=lines)
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "a"]
    assert 'line 1: skipped: not a cluster record (expected an object with "id" and "documents")' in result.stderr
    assert 'line 2: skipped: not a cluster record ("id" missing)' in result.stderr
    assert "cluster 'a': 2 of its 3 documents are not text; skipped" in result.stderr
    assert "line 4: warning: cluster id 'a' was used on an earlier line too" in result.stderr


def test_a_cluster_whose_leads_are_all_cut_off_is_summarised_by_its_headlines_and_says_so():
    """allsides-neus line 984: three outlets' leads, each cut off mid-sentence by the data set (as feed items'
    descriptions often are), and their headlines: no sentence can stand as a summary sentence, so the
    headlines stand in (never nothing), and the message says why (not "no usable article")."""
    record = allsides_record(984)
    result = CliRunner().invoke(main, ["summarize", "--words", "60"],
                                input=json.dumps({"id": record["id"], "documents": record["documents"]}) + "\n")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)["summary"]
    headlines = [document.split("\n")[0] for document in record["documents"]]
    assert summary and summary.startswith(tuple(headlines))
    assert not any(document.split("\n\n")[1][:40] in summary for document in record["documents"])  # no cut-off lead
    assert "no sentence fit to print" in result.stderr and "summarised by its headlines" in result.stderr
    assert "no usable article" not in result.stderr
