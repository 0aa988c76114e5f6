"""Choose the clusterer's join constants on the tuning parts only: B-cubed F1 per setting.

Tuning parts (story_grouping.py describes the sets): the odd ECB+ topics and the even lines of
allsides-neus, each clustered undated over `--seeds` shuffled orders (mean F1). The held-out parts are
never read here; story_grouping.py scores them once, after the constants are chosen.

    python benchmarks/grouping_sweep.py [--thresholds 0.26,0.28] [--margins 0,0.08,0.12] [--ranks 4,5]
    python benchmarks/grouping_sweep.py --thresholds 0.26 --margins 0.16 --day-penalties 0,0.05,0.1,0.2
    python benchmarks/grouping_sweep.py --refusals     # what the crowd rule refuses, default constants
    python benchmarks/grouping_sweep.py --embeddings --weights 0.4,0.5 --thresholds 0.36,0.38 --margins 0.18,0.22
    python benchmarks/grouping_sweep.py --thresholds 0.26 --margins 0.18 --ranks 4 --split-cosines 0.5,0.55,0.6

The odd ECB+ topics are also clustered in file order (each topic's first event, then its second: the
order in which a story runs on into a second event of its kind, which the split has to undo).

With `--embeddings` the floors and margins swept are those of the mixed similarity (params.EMBEDDING_*),
and `--weights` the embeddings' share of it.
"""

from __future__ import annotations

import argparse
import itertools
import random
from pathlib import Path

from crowd_refusals import count_refusals  # beside this script
from ecbplus_clustering import bcubed
from story_grouping import DATA, load_allsides, load_ecbplus

from newsfuse.cluster import split
from newsfuse.cluster.batch import Labeller, article_terms
from newsfuse.cluster.embeddings import Embedder
from newsfuse.cluster.features import Terms, extract_terms
from newsfuse.cluster.online import OnlineClusterer
from newsfuse.cluster.params import DAY_PENALTY, EMBEDDING_WEIGHT, ClusterParams


def labels_in_order(terms: list[Terms], order: list[int], params: ClusterParams) -> list[int]:
    """Each article's story, the articles clustered in the given order."""
    labeller = Labeller(OnlineClusterer(params))
    for index in order:
        labeller.add(terms[index])
    labels = [0] * len(terms)
    for index, label in zip(order, labeller.finish(), strict=True):
        labels[index] = label
    return labels


def mean_f1(docs: list[dict], terms: list[Terms], params: ClusterParams, seeds: int
            ) -> tuple[float, float, float, float]:
    """Mean B-cubed P, R, F1 over the orders, and the lowest topic precision (unrelated events mixed)."""
    gold = [d["gold"] for d in docs]
    totals = [0.0, 0.0, 0.0]
    topic_precision = 1.0
    for seed in range(seeds):
        order = list(range(len(docs)))
        random.Random(seed).shuffle(order)
        labels = labels_in_order(terms, order, params)
        for i, value in enumerate(bcubed(labels, gold)):
            totals[i] += value / seeds
        topic_precision = min(topic_precision, bcubed(labels, [d["topic"] for d in docs])[0])
    return totals[0], totals[1], totals[2], topic_precision


def refusals(docs: list[dict], params: ClusterParams, seed: int = 0) -> tuple[int, int]:
    """Joins the crowd rule refused in one shuffled order: (to another event, to the article's own event)."""
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    terms = [extract_terms(d["title"], d["text"]) for d in docs]
    return count_refusals(terms, [d["gold"] for d in docs], order, params)


def floats(text: str) -> list[float]:
    return [float(value) for value in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--thresholds", type=floats, default=[0.26, 0.28, 0.30, 0.32])
    parser.add_argument("--margins", type=floats, default=[0.0, 0.08, 0.12, 0.16])
    parser.add_argument("--ranks", type=lambda text: [int(v) for v in text.split(",")], default=[4, 5])
    parser.add_argument("--day-penalties", type=floats, default=[DAY_PENALTY],
                        help="what a member naming other weekdays loses (params.DAY_PENALTY)")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--refusals", action="store_true", help="count the joins the crowd rule refuses")
    parser.add_argument("--embeddings", action="store_true", help="sweep the mixed similarity's constants")
    parser.add_argument("--weights", type=floats, default=[EMBEDDING_WEIGHT], help="the embeddings' share")
    parser.add_argument("--split-cosines", type=floats, default=[split.SPLIT_COSINE],
                        help="the halves' centroid cosine below which a story is cut (split.SPLIT_COSINE)")
    args = parser.parse_args()
    ecb_odd = [d for d in load_ecbplus(args.data) if d["topic"] % 2]
    allsides_even = load_allsides(args.data, 0)
    if args.refusals:
        for name, docs in (("ECB+ odd topics", ecb_odd), ("allsides-neus even lines", allsides_even)):
            wrong, right = refusals(docs, ClusterParams())
            print(f"{name}: {len(docs)} reports, {wrong + right} joins refused by the crowd rule, {wrong} of "
                  f"them to another event, {right} to the report's own event")
        return
    embedder = Embedder() if args.embeddings else None
    ecb_terms = article_terms([d["title"] for d in ecb_odd], [d["text"] for d in ecb_odd], embedder)
    allsides_terms = article_terms([d["title"] for d in allsides_even], [d["text"] for d in allsides_even], embedder)
    weights = args.weights if args.embeddings else [EMBEDDING_WEIGHT]
    print("| embeddings' share | join floor | crowd margin | crowd rank | day penalty | split cosine | "
          "ECB+ odd P / R / F1 (lowest topic P) | ECB+ odd F1, file order | allsides-neus even P / R / F1 | "
          "mean F1 (shuffled) |")
    print("|---:|---:|---:|---:|---:|---:|---|---:|---|---:|")
    for weight, threshold, margin, penalty, split_cosine in itertools.product(
            weights, args.thresholds, args.margins, args.day_penalties, args.split_cosines):
        split.SPLIT_COSINE = split_cosine  # a module constant: the clusterer reads it at each check
        for rank in args.ranks if margin > 0 else args.ranks[:1]:
            if args.embeddings:
                params = ClusterParams(embedding_weight=weight, embedding_threshold=threshold,
                                       embedding_margin=margin, crowd_rank=rank, day_penalty=penalty)
            else:
                params = ClusterParams(threshold=threshold, crowd_margin=margin, crowd_rank=rank, day_penalty=penalty)
            ecb = mean_f1(ecb_odd, ecb_terms, params, args.seeds)
            in_file_order = bcubed(labels_in_order(ecb_terms, list(range(len(ecb_odd))), params),
                                   [d["gold"] for d in ecb_odd])[2]
            allsides = mean_f1(allsides_even, allsides_terms, params, args.seeds)
            cells = [" / ".join(f"{v:.3f}" for v in result[:3]) for result in (ecb, allsides)]
            cells[0] += f" ({ecb[3]:.3f})"
            share = f"{weight:.2f}" if args.embeddings else "-"
            print(f"| {share} | {threshold:.2f} | {margin:.2f} | {rank} | {penalty:.2f} | {split_cosine:.2f} | "
                  f"{cells[0]} | {in_file_order:.3f} | {cells[1]} | "
                  f"**{(ecb[2] + allsides[2]) / 2:.3f}** |", flush=True)


if __name__ == "__main__":
    main()
