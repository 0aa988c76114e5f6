"""The Python API: the README's examples run as written, and the API gives what the command line gives."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import warnings

import pytest
from click.testing import CliRunner

import newsfuse
from tests.conftest import EXAMPLES, ROOT

HARBOUR = str(EXAMPLES / "harbour-strike")


def _readme_examples() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Use from Python", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


@pytest.mark.parametrize("number", range(2))
def test_readme_examples_run(number, monkeypatch, capsys):
    examples = _readme_examples()
    assert len(examples) == 2
    monkeypatch.chdir(ROOT)
    exec(compile(examples[number], f"README.md example {number + 1}", "exec"), {})
    assert capsys.readouterr().out.strip()


def test_brief_to_json_is_what_the_command_line_prints():
    from newsfuse.cli import main

    api = newsfuse.brief([HARBOUR]).to_json()
    command = CliRunner().invoke(main, ["brief", "--format", "json", HARBOUR])
    assert command.exit_code == 0, command.output
    assert api == command.stdout
    assert json.loads(api)["analysis"]["conflicts"]  # the analysis is in both


def test_typed_results_match_their_json():
    brief = newsfuse.brief(HARBOUR, words=120)
    as_json = json.loads(brief.to_json())
    assert [s.text for s in brief.summary] == [s["text"] for s in as_json["summary"]]
    assert [doc.id for doc in brief.sources] == [s["id"] for s in as_json["sources"]]
    assert [c.values for c in brief.analysis.conflicts] == [c["values"] for c in as_json["analysis"]["conflicts"]]
    assert sum(len(s.text.split()) for s in brief.summary) <= 120


def test_importing_newsfuse_loads_no_pipeline():
    code = "import sys, newsfuse; print(sorted(m for m in sys.modules if m.startswith('newsfuse')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['newsfuse']"


def test_read_warns_instead_of_raising(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = newsfuse.read([str(tmp_path / "empty.txt"), HARBOUR])
    assert len(articles) == 5
    assert any(issubclass(w.category, newsfuse.InputWarning) and "empty.txt" in str(w.message) for w in caught)


def test_summarise_is_the_brief_without_analysis():
    texts = [(EXAMPLES / "harbour-strike" / name).read_text(encoding="utf-8")
             for name in ("wire-report.txt", "opinion-blog.txt")]
    summary = newsfuse.summarize(texts, words=80)
    assert summary and sum(len(s.text.split()) for s in summary) <= 80
    assert all(s.origin.doc_id == "doc-1" for s in summary)  # the opinion piece is never the brief's voice


def test_options_are_checked_at_the_edge():
    with pytest.raises(ValueError, match="positive"):
        newsfuse.brief(HARBOUR, words=0)


def test_group_stories_labels_articles_by_story():
    articles = newsfuse.read([HARBOUR])
    other = newsfuse.Article(id="library", title="Telmar council votes to close Brannock branch library",
                             text="Telmar town council voted seven to four to close the Brannock branch library in "
                                  "June. Councillor Aris Penhallow said the building needed repairs the town could "
                                  "not afford.", published="2026-03-02")
    labels = newsfuse.group_stories([*articles, other])
    assert newsfuse.group_stories(articles) == labels[:5]  # callable again once its package is loaded
    assert len(set(labels[:5])) == 1  # the example is one story
    assert labels[5] not in labels[:5]  # the library vote is another
