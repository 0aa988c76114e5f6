"""`newsfuse clean`: the article newsfuse reads from each input, with every kept and removed span."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsfuse.cli import main
from tests.conftest import EXAMPLES


def test_json_lines_give_the_body_and_the_spans_of_what_was_removed():
    wire = EXAMPLES / "harbour-strike" / "wire-report.txt"
    source = wire.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(wire)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "wire-report" and record["language"] == "en"
    assert record["title"] == "Dock workers walk out at Port of Varnholm over automation plan"
    assert "About 3,000 dock workers" in record["text"] and "Read more" not in record["text"]
    assert record["text"] == "\n\n".join(source[a:b] for a, b in record["paragraphs"])
    assert len(record["kinds"]) == len(record["paragraphs"]) and set(record["kinds"]) <= {"prose", "list", "table",
                                                                                           "heading"}
    removed = {source[r["start"] : r["end"]].strip(): r["reason"] for r in record["removed"]}
    assert any("Read more" in text for text in removed), removed  # the teaser link is furniture, with a reason
    assert all(reason for reason in removed.values())


def test_text_output_and_a_bad_input_in_a_batch(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(main, ["clean", "--format", "text", str(empty), str(EXAMPLES / "harbour-strike")])
    assert result.exit_code == 0
    assert "empty.txt: skipped" in result.stderr
    assert result.stdout.count("Marta Ilves") >= 4  # every article of the example, one after another
    assert CliRunner().invoke(main, ["clean", str(empty)]).exit_code == 1  # nothing usable


def test_a_page_that_is_all_table_is_still_printed(tmp_path):
    page = tmp_path / "standings.html"
    page.write_text("<html><head><title>Final standings</title></head><body><article><h1>Final standings</h1>"
                    "<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>"
                    "<tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr>"
                    "<tr><td>2</td><td>Martin Truex Jr.</td><td>5035</td></tr></table>"
                    "</article></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(page)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert "Kyle Busch" in record["text"] and "table" in record["kinds"] and "prose" not in record["kinds"]
    # a brief still skips it: it has no sentence to give a story
    brief = CliRunner().invoke(main, ["brief", str(page)])
    assert "has no sentences" in brief.stderr
