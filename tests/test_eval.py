"""`newsfuse eval`: ROUGE on hand-checked examples, truncation, references, baselines, the command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsfuse.cli.main import main
from newsfuse.evaluate.baselines import WordBudget, lead, lexrank, textrank
from newsfuse.evaluate.rouge import score_summary, truncate_words
from newsfuse.evaluate.runner import Cluster, read_clusters, run_eval
from newsfuse.evaluate.table import render_table
from tests.conftest import DATA

TAC = DATA / "tac2011-multiling"


def test_rouge_matches_a_hand_count():
    # system: the cat sat (3 tokens); reference: the cat sat on the mat (6 tokens, 5 bigrams).
    # 3 common, P 3/3, R 3/6, F 2/3. R-2: 2 common bigrams, P 2/2, R 2/5, F 4/7. R-L: LCS 3, as R-1.
    result = score_summary(["the cat sat"], ["the cat sat on the mat"], budget=100)
    assert result.f1["rouge1"] == pytest.approx(2 / 3)
    assert result.recall["rouge1"] == pytest.approx(0.5)
    assert result.f1["rouge2"] == pytest.approx(4 / 7)
    assert result.recall["rouge2"] == pytest.approx(0.4)
    assert result.f1["rougeL"] == pytest.approx(2 / 3)


def test_rouge_stems_english_words():
    result = score_summary(["Cats running"], ["cat runs"], budget=100)
    assert result.f1["rouge1"] == pytest.approx(1.0)


def test_rouge_lsum_matches_sentence_by_sentence_but_rouge_l_does_not():
    # Swapped sentences: the longest common subsequence of the whole texts is 3 of 6 tokens (F 0.5),
    # but every reference sentence is found whole in some summary sentence (F 1).
    result = score_summary(["The dog ran.", "The cat sat."], ["The cat sat. The dog ran."], budget=100)
    assert result.f1["rougeL"] == pytest.approx(0.5)
    assert result.f1["rougeLsum"] == pytest.approx(1.0)


def test_summaries_are_truncated_to_the_budget_before_scoring():
    assert truncate_words(["one two three", "four five", "six"], 4) == ["one two three", "four"]
    assert truncate_words(["one two"], 0) == []
    # Only "the cat sat" of a long summary counts at a budget of 3 words.
    truncated = score_summary(["the cat sat on the mat"], ["the cat sat"], budget=3)
    assert truncated.f1["rouge1"] == pytest.approx(1.0)
    full = score_summary(["the cat sat on the mat"], ["the cat sat"], budget=100)
    assert full.f1["rouge1"] == pytest.approx(2 / 3)


def test_scores_are_averaged_over_the_references():
    # F1 of R-1 against the first reference is 1, against the second 0: the cluster scores 0.5.
    result = score_summary(["the cat sat"], ["the cat sat", "a dog ran"], budget=100)
    assert result.f1["rouge1"] == pytest.approx(0.5)
    assert result.recall["rouge2"] == pytest.approx(0.5)


def test_other_scripts_are_tokenized_not_dropped():
    # rouge-score's own tokenizer keeps only a-z and digits: Greek, Hindi or accented words would vanish.
    greek = score_summary(["Η κυβέρνηση ανακοίνωσε"], ["Η κυβέρνηση ανακοίνωσε μέτρα"], budget=100, language="el")
    assert greek.recall["rouge1"] == pytest.approx(3 / 4)
    # Devanagari vowel signs are combining marks: words must not be cut at them.
    hindi = score_summary(["सुनामी पीडितो"], ["अमेरिका निवासी"], budget=100, language="hi")
    assert hindi.f1["rouge1"] == 0.0
    french = score_summary(["Les élections"], ["L'élection"], budget=100, language="fr")
    assert french.recall["rouge1"] == pytest.approx(1 / 2)  # "l", "élect" (Snowball) against "les", "élect"


def test_a_cluster_without_references_is_an_error():
    with pytest.raises(ValueError):
        score_summary(["text"], [], budget=10)


def test_lead_takes_first_sentences_round_robin():
    documents = ["Alpha one is here. Alpha two is here. Alpha three is here.",
                 "Beta one is here. Beta two is here."]
    assert lead(documents, 10) == ["Alpha one is here.", "Beta one is here.", "Alpha two is here."]
    assert lead(documents, 100)[-1] == "Alpha three is here."


def test_word_budget_keeps_best_rated_sentences_until_the_budget_is_reached():
    class Info:
        def __init__(self, text):
            self.sentence = text

    infos = [Info("a b c"), Info("d e"), Info("f g h i")]
    assert [i.sentence for i in WordBudget(5)(infos)] == ["a b c", "d e"]
    assert [i.sentence for i in WordBudget(6)(infos)] == ["a b c", "d e", "f g h i"]


@pytest.fixture(scope="module")
def tac_english():
    return read_clusters(TAC / "english.jsonl")


@pytest.mark.parametrize("system", [lexrank, textrank])
def test_sumy_peers_return_sentences_of_the_documents_up_to_the_budget(tac_english, system):
    cluster = tac_english[0]
    summary = system(cluster.documents, 100)
    words = [len(s.split()) for s in summary]
    assert sum(words) >= 100 and sum(words) - max(words) < 100  # the last one added crossed the budget
    joined = " ".join(" ".join(d.split()) for d in cluster.documents)
    assert all(" ".join(s.split()) in joined for s in summary)


def test_run_eval_averages_over_clusters_and_times_every_system():
    clusters = [Cluster("a", ["The cat sat on the mat."], ["the cat sat on the mat", "the cat sat"]),
                Cluster("b", ["A dog ran."], ["a dog ran"])]

    def echo(documents, budget):  # the first three words of the first document
        return truncate_words(documents, 3)

    report = run_eval(clusters, {"echo": echo}, words=3, memory=True)
    result = report.system("echo")
    # cluster a: R-1 F 2/3 and 1 -> 5/6; cluster b: "A dog ran." vs "a dog ran" -> 1.
    assert result.rouge.f1["rouge1"] == pytest.approx((5 / 6 + 1) / 2)
    assert result.ms_per_cluster >= 0 and result.peak_mb is not None
    assert report.languages == {"en": 2}
    assert "echo" in render_table(report)


def test_read_clusters_skips_clusters_without_references(tmp_path):
    data = tmp_path / "c.jsonl"
    data.write_text(json.dumps({"id": "x", "documents": ["Some text."], "summaries": []}) + "\n"
                    + json.dumps({"id": "y", "documents": ["Some text."], "summaries": ["text"]}) + "\n")
    assert [c.id for c in read_clusters(data)] == ["y"]


def test_eval_command_prints_every_system_and_the_peer_ratio():
    result = CliRunner().invoke(main, ["eval", str(TAC / "english.jsonl"), "--words", "100", "--limit", "1",
                                       "--no-memory"])
    assert result.exit_code == 0, result.output
    for name in ("newsfuse", "lead", "lexrank", "textrank", "R-Lsum F1", "ms/cluster", "newsfuse time / lexrank"):
        assert name in result.output


def test_eval_command_json_and_unknown_systems():
    result = CliRunner().invoke(main, ["eval", str(TAC / "french.jsonl"), "--words", "100", "--limit", "1",
                                       "--systems", "newsfuse,lead", "--json", "--no-memory"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["languages"] == {"fr": 1}
    assert [s["name"] for s in report["systems"]] == ["newsfuse", "lead"]
    assert report["systems"][0]["f1"]["rouge2"] > 0.1
    bad = CliRunner().invoke(main, ["eval", str(TAC / "french.jsonl"), "--systems", "gpt"])
    assert bad.exit_code == 2


def test_a_broken_line_is_reported_and_the_other_clusters_are_scored(tmp_path):
    data = tmp_path / "clusters.jsonl"
    good = (DATA / "tac2011-multiling" / "english.jsonl").read_text(encoding="utf-8").splitlines()[0]
    long_number = '{"id": "x", "documents": ["a"], "summaries": ["a"], "n": ' + "9" * 5000 + "}"  # over 4,300 digits
    data.write_text("[" * 100_000 + "]" * 100_000 + "\n{not json\n" + long_number + "\n" + good + "\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(data), "--systems", "lead", "--words", "50"])
    assert result.exit_code == 0, result.output
    assert "clusters.jsonl:1: skipped" in result.stderr and "nested too deeply" in result.stderr
    assert "clusters.jsonl:2: skipped" in result.stderr
    assert "clusters.jsonl:3: skipped: not a cluster record (JSON holds a number of more than 4,300" in result.stderr
    assert "1 clusters" in result.stdout
