"""The systems `newsfuse eval` compares: newsfuse itself, then the baselines. Each maps the texts of one
cluster and a word budget to the summary's sentences."""

from __future__ import annotations

from newsfuse.evaluate.baselines import System, lead, lexrank, textrank


def newsfuse_system(documents: list[str], budget: int) -> list[str]:
    """newsfuse as `newsfuse summarize` runs it: prepare, fold copies, summarise."""
    from newsfuse.dedupe import mark_copies
    from newsfuse.model import Article
    from newsfuse.pipeline import prepare_all
    from newsfuse.summarise import Summariser

    articles = [Article(id=f"doc-{n}", text=text) for n, text in enumerate(documents, 1) if isinstance(text, str)]
    prepared, _problems = prepare_all(articles)
    mark_copies(prepared)
    return [sentence.text for sentence in Summariser(words=budget).summarise(prepared)]


SYSTEMS: dict[str, System] = {
    "newsfuse": newsfuse_system,
    "lead": lead,
    "lexrank": lexrank,
    "textrank": textrank,
}
