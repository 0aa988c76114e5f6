"""The systems `newsfuse eval` compares: newsfuse itself, then the baselines. Each maps the texts of one
cluster and a word budget to the summary's sentences."""

from __future__ import annotations

from newsfuse.evaluate.baselines import System, lead, lexrank, textrank


def newsfuse_system(documents: list[str], budget: int) -> list[str]:
    """newsfuse as `newsfuse brief` and `newsfuse summarize` run it (the one pipeline, analysis off)."""
    from newsfuse.api import summarize

    return [sentence.text for sentence in summarize(documents, words=budget)]


SYSTEMS: dict[str, System] = {
    "newsfuse": newsfuse_system,
    "lead": lead,
    "lexrank": lexrank,
    "textrank": textrank,
}
