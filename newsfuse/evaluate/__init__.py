"""Evaluate: ROUGE against reference summaries, the classic baselines, and a runner that times them."""

from newsfuse.evaluate.rouge import RougeResult, score_summary, truncate_words
from newsfuse.evaluate.runner import EvalReport, SystemResult, run_eval

__all__ = ["EvalReport", "RougeResult", "SystemResult", "run_eval", "score_summary", "truncate_words"]
