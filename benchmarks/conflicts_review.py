"""Every conflict the analysis finds on real multi-outlet clusters, printed for a reader to judge.

Conflicts are judged for precision first, and no public corpus labels disagreements between outlets, so
this script does the next best thing: it runs the full analysis on ECB+ (86 clusters of one real event
told by several outlets) and prints each conflict with the sentences it was read from. A reader marks
each one right or wrong; the count and the verdicts are in docs/benchmarks.md.

    python benchmarks/conflicts_review.py [--data ecbplus|tac] [--limit N] > conflicts.txt
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from newsfuse.model import Article
from newsfuse.pipeline import BriefOptions, build_brief

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
FILES = {"ecbplus": DATA / "ecbplus" / "clusters.jsonl", "tac": DATA / "tac2011-multiling" / "english.jsonl"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", choices=sorted(FILES), default="ecbplus")
    parser.add_argument("--limit", type=int, default=0, help="only the first N clusters")
    args = parser.parse_args()
    kinds: Counter = Counter()
    clusters = 0
    started = time.perf_counter()
    for line in FILES[args.data].open(encoding="utf-8"):
        record = json.loads(line)
        clusters += 1
        if args.limit and clusters > args.limit:
            break
        articles = [Article(id=f"{record['id']}-{n}", text=text) for n, text in enumerate(record["documents"])]
        brief = build_brief(articles, BriefOptions(words=100, analysis=True))
        texts = {doc.id: doc.article.text for doc in brief.documents}
        for conflict in brief.analysis.to_dict()["conflicts"]:
            kinds[conflict["kind"]] += 1
            print(f"== {record['id']} {conflict['kind']}: {conflict['thing']}")
            for value in conflict["values"]:
                print(f"  {value['value']!r} {value['sources']}")
                for sentence in (value.get("sentences") or value["evidence"])[:2]:
                    print(f"      {texts[sentence['source']][sentence['start']:sentence['end']]!r}")
    elapsed = time.perf_counter() - started
    print(f"# {clusters} clusters, conflicts by kind: {dict(kinds)}, {elapsed:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
