"""HTML article extraction on the public extraction benchmark: trafilatura alone, and `newsfuse clean`.

Token-overlap F1 against each page's ground-truth body (the benchmark's published metric), averaged over
pages; a page with no text extracted scores 0. Peers in the same run: trafilatura's own `extract()` with
its defaults and with `favor_precision=True`, and trafilatura as newsfuse calls it (before cleaning);
newsfuse's row is the `text` field `newsfuse clean --format json` prints for the page (lists, tables and
headings included: they are the article's text, though no summary sentence is taken from them).

The pages are split by sorted file name: even positions are the tuning half (every rule and constant of
the cleaner was chosen on it), odd positions the held-out half (scored, never tuned on). Every row gives
both halves and the whole set.

    python3 benchmarks/extraction.py [--data ../shared/data/extraction-benchmark]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

from newsfuse.clean.record import cleaned_record
from newsfuse.ingest.html import article_from_html
from newsfuse.model import Problem
from newsfuse.prepare import prepare_document

ROOT = Path(__file__).resolve().parent.parent
_TOKEN = re.compile(r"\w+")


def token_f1(predicted: str, gold: str) -> float:
    p, g = Counter(_TOKEN.findall(predicted.lower())), Counter(_TOKEN.findall(gold.lower()))
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "extraction-benchmark")
    options = parser.parse_args()
    truth = json.loads((options.data / "ground-truth.json").read_text(encoding="utf-8"))
    import trafilatura

    extracted, cleaned, failures = [], [], 0
    plain: dict[str, list[float]] = {"defaults": [], "favor_precision=True": []}
    start = time.perf_counter()
    for path in sorted((options.data / "html").glob("*.html.gz")):
        gold = truth[path.name.split(".")[0]]["articleBody"]
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        plain["defaults"].append(token_f1(trafilatura.extract(html) or "", gold))
        plain["favor_precision=True"].append(token_f1(trafilatura.extract(html, favor_precision=True) or "", gold))
        article = article_from_html(html, path.name, str(path))
        if isinstance(article, Problem):
            failures += 1
            extracted.append(0.0)
            cleaned.append(0.0)
            continue
        extracted.append(token_f1(article.text, gold))
        document = prepare_document(article, sentences_required=False)  # as `newsfuse clean` reads it
        cleaned.append(0.0 if isinstance(document, Problem) else token_f1(cleaned_record(document)["text"], gold))
    elapsed = time.perf_counter() - start
    pages = len(extracted)
    print(f"{pages} pages ({(pages + 1) // 2} tuning, {pages // 2} held out), {failures} with no article found, "
          f"{1000 * elapsed / pages:.0f} ms per page\n")
    print("| system | token F1, tuning half | token F1, held-out half | token F1, all pages |")
    print("|---|---|---|---|")
    rows = [(f"trafilatura `extract()`, {name}", scores) for name, scores in plain.items()]
    rows += [("trafilatura as newsfuse calls it, before cleaning", extracted),
             ("`newsfuse clean` (the body newsfuse summarises)", cleaned)]
    for name, scores in rows:
        print(f"| {name} | {_mean(scores[0::2]):.3f} | {_mean(scores[1::2]):.3f} | {_mean(scores):.3f} |")


def _mean(scores: list[float]) -> float:
    return sum(scores) / len(scores) if scores else 0.0


if __name__ == "__main__":
    main()
