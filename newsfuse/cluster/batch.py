"""Stateless batch clustering: JSON Lines articles in, `{"id", "story"}` lines out, in input order.

The same online clusterer as `newsfuse ingest`, run over the input once without a database, with one
more step a stream cannot take back cheaply: before a story leaves the window (and at the end of the
input), each of its members gets a last look against the stories formed since it arrived. Labels are
written at the end, because a later split or last look can still move an article; the clusterer's
memory follows the time window, and only the ids and labels grow with the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from newsfuse.cluster.dates import parse_published, publication_time
from newsfuse.cluster.embeddings import Embedder, embedding_text, reads
from newsfuse.cluster.features import Terms, extract_terms
from newsfuse.cluster.online import Move, OnlineClusterer
from newsfuse.cluster.params import DEFAULT_PARAMS, ClusterParams
from newsfuse.ingest.formats import json_lines
from newsfuse.model import Article, Problem


@dataclass(frozen=True)
class Label:
    id: str
    story: int


class Labeller:
    """The online clusterer over articles in reading order, keeping each article's story label through
    splits and last looks (`OnlineClusterer.reconsider`): a story's members get their last look when
    it is about to leave the window, and the stories still open get theirs in `finish`."""

    def __init__(self, clusterer: OnlineClusterer | None = None) -> None:
        self.clusterer = clusterer or OnlineClusterer()
        self.labels: list[int] = []

    def add(self, terms: Terms, time: float | None = None) -> None:
        clusterer = self.clusterer
        self.labels.append(clusterer.add(terms, time=time, key=len(self.labels)).story)
        for split in clusterer.take_splits():
            for moved in split.moved:
                self.labels[moved] = split.new
        leaving = clusterer.expiring()
        if leaving:
            self._apply(clusterer.reconsider(leaving))
            clusterer.expire()

    def finish(self) -> list[int]:
        """Every article's story, in reading order, after the last look at the stories still open."""
        self._apply(self.clusterer.reconsider())
        return self.labels

    def _apply(self, moves: list[Move]) -> None:
        for move in moves:
            self.labels[move.key] = move.new


# Articles embedded together (embeddings only): the encoder runs faster on batches; labels are written at
# the end anyway, so holding a few back changes nothing.
EMBED_CHUNK = 256


def article_terms(titles: Sequence[str], texts: Sequence[str], embedder: Embedder | None = None) -> list[Terms]:
    """The clustering features of articles, with their embeddings when an embedder is given."""
    terms = [extract_terms(title, text) for title, text in zip(titles, texts, strict=True)]
    return terms if embedder is None else with_embeddings(terms, titles, texts, embedder)


def with_embeddings(terms: Sequence[Terms], titles: Sequence[str], texts: Sequence[str], embedder: Embedder
                    ) -> list[Terms]:
    """These articles' features with the sentence embedding of each English one (in one call to the
    encoder); the others keep none and are compared on their words alone (embeddings.reads)."""
    read = [embedding_text(title, text) for title, text in zip(titles, texts, strict=True)]
    english = [index for index, text in enumerate(read) if reads(text)]
    if not english:
        return list(terms)
    found = dict(zip(english, embedder.embed([read[index] for index in english]), strict=True))
    return [replace(item, embedding=found[index]) if index in found else item for index, item in enumerate(terms)]


def cluster_lines(lines: Iterable[str], params: ClusterParams = DEFAULT_PARAMS, where: str = "-",
                  embedder: Embedder | None = None) -> Iterator[Label | Problem]:
    labeller = Labeller(OnlineClusterer(params))
    ids: list[str] = []
    seen: set = set()
    pending: list[tuple[str, str, float | None]] = []  # title, text, date of articles not yet clustered

    def flush() -> None:
        titles, texts, times = zip(*pending, strict=True)
        for terms, time in zip(article_terms(titles, texts, embedder), times, strict=True):
            labeller.add(terms, time)
        pending.clear()

    for item in json_lines(lines, where):
        if isinstance(item, Problem):
            yield item
            continue
        number, record = item
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "id" not in record:
            yield Problem(f"{where}:{number}", 'expected an object with "id" and "text"')
            continue
        if not record["text"].strip():
            yield Problem(f"{where}:{number}", f"article {record['id']!r} has no text")
            continue
        if record["id"] in seen:  # both are labelled: a reader joining labels back by id should know
            yield Problem(f"{where}:{number}", f"id {record['id']!r} was used on an earlier line too", fatal=False)
        seen.add(record["id"])
        title = record.get("title") if isinstance(record.get("title"), str) else ""
        time, unreadable = publication_time(record.get("published"))
        if unreadable:  # as every reader says of a date it drops
            yield Problem(f"{where}:{number}", f"article {record['id']!r}: publication date ignored: {unreadable}; "
                          "grouped on its content alone", fatal=False)
        pending.append((title, record["text"], time))
        ids.append(record["id"])
        if len(pending) >= (EMBED_CHUNK if embedder else 1):
            flush()
    if pending:
        flush()
    for article_id, label in zip(ids, labeller.finish(), strict=True):
        yield Label(article_id, label)


def cluster_articles(articles: Iterable[Article], params: ClusterParams = DEFAULT_PARAMS,
                     embedder: Embedder | None = None) -> list[int]:
    """Story labels of articles, in order: title, text and publication date, as `newsfuse cluster` reads them."""
    articles = list(articles)
    labeller = Labeller(OnlineClusterer(params))
    terms = article_terms([a.title for a in articles], [a.text for a in articles], embedder)
    for article, item in zip(articles, terms, strict=True):
        labeller.add(item, parse_published(article.published))
    return labeller.finish()


def cluster_texts(texts: list[str], params: ClusterParams = DEFAULT_PARAMS, embedder: Embedder | None = None
                  ) -> list[int]:
    """Story labels of undated texts, in order (for evaluations and tests)."""
    labeller = Labeller(OnlineClusterer(params))
    for item in article_terms([""] * len(texts), texts, embedder):
        labeller.add(item)
    return labeller.finish()
