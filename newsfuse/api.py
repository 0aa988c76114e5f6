"""The Python API: what `import newsfuse` offers. The command line and every other face call these.

    import newsfuse
    brief = newsfuse.brief(["examples/harbour-strike"], words=120)
    print(brief.title, [s.sources for s in brief.summary])
    print(brief.to_json())                      # exactly `newsfuse brief --format json`

Inputs are paths (files or folders, read as `newsfuse brief` reads them) or `Article` objects. An input
that cannot be used never raises: it becomes a `Problem` in `Brief.problems` (`read` hands each one to
`on_problem`, by default a `warnings.warn`).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsfuse.ingest import DEFAULT_MAX_BYTES, read_inputs
from newsfuse.ingest.dates import with_normalised_dates
from newsfuse.model import Article, Brief, Problem, SummarySentence
from newsfuse.pipeline import BriefOptions, build_brief
from newsfuse.prepare import LayoutVote

Input = str | os.PathLike | Article


class InputWarning(UserWarning):
    """An input newsfuse could not use, or used with a caveat (a re-encoded file, an unreadable date)."""


def brief(inputs: Input | Iterable[Input], words: int = 200, analysis: bool = True,
          max_bytes: int = DEFAULT_MAX_BYTES) -> Brief:
    """One cited brief of every article in `inputs`, with the cross-examination unless `analysis=False`."""
    options = BriefOptions(words=words, analysis=analysis)
    return build_brief(_items(inputs, max_bytes), options)


def read(inputs: Input | Iterable[Input], max_bytes: int = DEFAULT_MAX_BYTES,
         on_problem: Callable[[Problem], None] | None = None) -> list[Article]:
    """Every article in `inputs`: files of any supported format, folders (recursive), `Article` objects."""
    report = on_problem or _warn
    articles = []
    for item in _items(inputs, max_bytes):
        if isinstance(item, Problem):
            report(item)
        else:
            articles.append(item)
    return articles


def summarize(texts: Iterable[str | Article], words: int = 200, layout: LayoutVote | None = None
              ) -> list[SummarySentence]:
    """The cited summary of one story's article texts (no analysis): what `newsfuse summarize` and
    `newsfuse eval` print. Texts are numbered `doc-1`, `doc-2`, ... in the sentences' `sources`.
    Summarising many clusters of one source, pass them one `LayoutVote()` in turn: the headline lines their
    texts open with are then recognised by the whole batch's layout, as `newsfuse summarize` does."""
    return build_brief(numbered(texts), BriefOptions(words=words, analysis=False, check_stories=False),
                       layout=layout).summary


def numbered(texts: Iterable[str | Article]) -> list[Article]:
    """Article texts as articles `doc-1`, `doc-2`, ... (an `Article` given stays as it is)."""
    return [text if isinstance(text, Article) else Article(id=f"doc-{number}", text=text)
            for number, text in enumerate(texts, 1) if isinstance(text, str | Article)]


def group_stories(articles: Iterable[Article], embeddings: bool = True) -> list[int]:
    """Story labels for articles in the order given (give them in publication order): articles of one
    story get one label. What `newsfuse cluster` does, without a database. (Not named `cluster`:
    `newsfuse.cluster` is the package that does it.) Articles are compared by their words and by meaning
    (a sentence encoder, about 100 articles a second); `embeddings=False` compares their words alone,
    about ten times faster, as `newsfuse ingest` does by default. Raises `EmbeddingsUnavailable` when the
    encoder's packages are missing (a newsfuse installed without its dependencies)."""
    from newsfuse.cluster.batch import cluster_articles
    from newsfuse.cluster.embeddings import shared_embedder

    dated = []
    for item in with_normalised_dates(articles):
        if isinstance(item, Problem):
            _warn(item)  # a date that names no day: the article is grouped on its words alone
        else:
            dated.append(item)
    return cluster_articles(dated, embedder=shared_embedder() if embeddings else None)  # loaded once per process


def _items(inputs: Input | Iterable[Input], max_bytes: int) -> Iterator[Article | Problem]:
    if isinstance(inputs, str | os.PathLike | Article):
        inputs = [inputs]
    paths: list[str] = []
    for item in inputs:
        if isinstance(item, Article):
            yield from _read_paths(paths, max_bytes)
            paths = []
            yield from with_normalised_dates([item])
        elif isinstance(item, str | os.PathLike):
            paths.append(str(Path(item)))
        else:
            yield Problem(repr(item)[:80], f"not a path or an Article ({type(item).__name__})")
    yield from _read_paths(paths, max_bytes)


def _read_paths(paths: list[str], max_bytes: int) -> Iterator[Article | Problem]:
    if paths:
        yield from read_inputs(paths, max_bytes=max_bytes)


def _warn(problem: Problem) -> None:
    warnings.warn(str(problem), InputWarning, stacklevel=3)
