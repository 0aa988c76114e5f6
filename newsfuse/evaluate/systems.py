"""The systems `newsfuse eval` compares: newsfuse itself, then the baselines. Each maps the texts of one
cluster and a word budget to the summary's sentences."""

from __future__ import annotations

from newsfuse.evaluate.baselines import System, lead, lexrank, textrank


class NewsfuseSystem:
    """newsfuse as `newsfuse summarize` runs it over a batch (the one pipeline, analysis off): the clusters
    of one run share a headline vote (`prepare.LayoutVote`); `new_batch()` starts another run's."""

    def __init__(self) -> None:
        self.new_batch()

    def new_batch(self) -> None:
        from newsfuse.prepare import LayoutVote

        self.layout = LayoutVote()

    def __call__(self, documents: list[str], budget: int) -> list[str]:
        from newsfuse.api import summarize

        return [sentence.text for sentence in summarize(documents, words=budget, layout=self.layout)]


newsfuse_system = NewsfuseSystem()

SYSTEMS: dict[str, System] = {
    "newsfuse": newsfuse_system,
    "lead": lead,
    "lexrank": lexrank,
    "textrank": textrank,
}
