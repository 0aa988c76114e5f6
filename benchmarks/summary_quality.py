"""Summary quality on every reference set, newsfuse and the baselines in the same run: one table.

Sets: TAC 2011 MultiLing, all seven languages, 250 words; allsides-neus (2,452 real events, each a left,
a centre and a right outlet's title and lead, with a neutral editor's summary), 60 words, split by line
number into a tuning half (even lines: every constant chosen on allsides-neus was chosen on it) and a
held-out half (odd lines: scored, never tuned on). ROUGE F1 as `newsfuse eval` computes it.

    python3 benchmarks/summary_quality.py                    # the table in docs/benchmarks.md (~10 min)
    python3 benchmarks/summary_quality.py --sets tac-english,allsides-tune
    python3 benchmarks/summary_quality.py --headlines 300    # summaries printing an outlet's first line, or empty
    python3 benchmarks/summary_quality.py --whole-sentences --sets allsides-tune,allsides-held-out

`--whole-sentences` scores every system on the whole sentences it gives within the budget: `newsfuse
eval` (like DUC and TAC) cuts each summary at the budget, so a baseline whose next sentence does not fit
is scored with that sentence's first words too, while newsfuse prints whole sentences only. The default
table keeps `newsfuse eval`'s convention; this one shows how much of a gap is that cut-off fragment.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from newsfuse.evaluate.runner import Cluster, read_clusters, run_eval
from newsfuse.evaluate.systems import SYSTEMS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
TAC_LANGUAGES = ["english", "arabic", "czech", "french", "greek", "hebrew", "hindi"]


def allsides_half(which: str) -> list[Cluster]:
    """Even lines (`tune`) or odd lines (`held-out`) of allsides-neus train.jsonl, as eval clusters."""
    offset = 0 if which == "tune" else 1
    lines = (DATA / "allsides-neus" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    clusters = []
    for line in lines[offset::2]:
        record = json.loads(line)
        clusters.append(Cluster(record["id"], record["documents"], record["summaries"]))
    return clusters


def sets() -> dict[str, tuple[Callable[[], list[Cluster]], int]]:
    found = {f"tac-{language}": (lambda language=language: read_clusters(DATA / "tac2011-multiling" /
                                                                           f"{language}.jsonl"), 250)
             for language in TAC_LANGUAGES}
    found["allsides-tune"] = (lambda: allsides_half("tune"), 60)
    found["allsides-held-out"] = (lambda: allsides_half("held-out"), 60)
    return found


def whole_sentences(system: Callable[[list[str], int], list[str]]) -> Callable[[list[str], int], list[str]]:
    """The system's sentences, in its order, as long as they fit the budget whole (a system's batch, as
    newsfuse's headline vote, still starts afresh with each set)."""
    def run(documents: list[str], budget: int) -> list[str]:
        kept, used = [], 0
        for sentence in system(documents, budget):
            words = len(sentence.split())
            if used + words > budget:
                break
            kept.append(sentence)
            used += words
        return kept
    if hasattr(system, "new_batch"):
        run.new_batch = system.new_batch  # type: ignore[attr-defined]
    return run


def printed_headlines(which: str, events: int) -> tuple[int, int, int]:
    """Of the first `events` events of an allsides-neus half, how many 60-word summaries print an outlet's
    first line (its headline) as a sentence (the half read as one batch, as `newsfuse eval` reads it), and
    how many are told by their headlines, flagged as such, because no sentence fit to print, and how many are
    empty."""
    from newsfuse.api import summarize

    newsfuse_system = SYSTEMS["newsfuse"]
    newsfuse_system.new_batch()  # type: ignore[attr-defined]  # the half is one batch, as in `newsfuse eval`
    as_sentences = told_by_headlines = empty = 0
    for cluster in allsides_half(which)[:events]:
        first_lines = {document.lstrip().partition("\n")[0].strip() for document in cluster.documents}
        summary = summarize(cluster.documents, words=60, layout=newsfuse_system.layout)  # type: ignore[attr-defined]
        as_sentences += any(s.text.strip() in first_lines for s in summary if not s.headline)
        told_by_headlines += any(s.headline for s in summary)
        empty += not summary
    return as_sentences, told_by_headlines, empty


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(sets()), help="comma-separated: " + ", ".join(sets()))
    parser.add_argument("--whole-sentences", action="store_true",
                        help="score whole sentences within the budget only, for every system (see above)")
    parser.add_argument("--headlines", type=int, metavar="N",
                        help="instead: count summaries printing a headline among N events of each allsides half")
    options = parser.parse_args()
    if options.headlines:
        for which in ("tune", "held-out"):
            as_sentences, told_by_headlines, empty = printed_headlines(which, options.headlines)
            print(f"allsides-neus {which}: {as_sentences} of {options.headlines} summaries print an outlet's headline "
                  f"as a sentence; {told_by_headlines} are told by their headlines, flagged (no sentence fit to "
                  f"print); {empty} are empty")
        return
    available = sets()
    print("| set | words | clusters | newsfuse R-1 / R-2 | lead R-1 / R-2 | LexRank R-1 / R-2 | TextRank R-1 / R-2 "
          "| newsfuse R-2 / best baseline R-2 | newsfuse / LexRank time |")
    print("|---|---:|---:|---|---|---|---|---:|---:|")
    for name in options.sets.split(","):
        load, words = available[name]
        systems = {name: whole_sentences(system) for name, system in SYSTEMS.items()} if options.whole_sentences \
            else SYSTEMS
        report = run_eval(load(), systems, words, memory=False, data=name)
        scores = {s.name: (100 * s.rouge.f1["rouge1"], 100 * s.rouge.f1["rouge2"]) for s in report.systems}
        best = max(scores[n][1] for n in ("lead", "lexrank", "textrank"))
        time_ratio = report.system("newsfuse").cpu_ms_per_cluster / report.system("lexrank").cpu_ms_per_cluster
        cells = " | ".join(f"{scores[n][0]:.2f} / {scores[n][1]:.2f}"
                           for n in ("newsfuse", "lead", "lexrank", "textrank"))
        ratio = scores["newsfuse"][1] / best
        print(f"| {name} | {words} | {report.clusters} | {cells} | {ratio:.2f} | {time_ratio:.2f} |", flush=True)


if __name__ == "__main__":
    main()
