"""Stateless batch clustering: JSON Lines articles in, `{"id", "story"}` lines out, in input order.

The same online clusterer as `newsfuse ingest`, run over the input once without a database. Labels
are written at the end, because a later split can still move an article to a new story; the
clusterer's memory follows the time window, and only the ids and labels grow with the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsfuse.cluster.dates import parse_published
from newsfuse.cluster.features import extract_terms
from newsfuse.cluster.online import OnlineClusterer
from newsfuse.cluster.params import DEFAULT_PARAMS, ClusterParams
from newsfuse.ingest.formats import json_lines
from newsfuse.model import Article, Problem


@dataclass(frozen=True)
class Label:
    id: str
    story: int


def cluster_lines(lines: Iterable[str], params: ClusterParams = DEFAULT_PARAMS, where: str = "-"
                  ) -> Iterator[Label | Problem]:
    clusterer = OnlineClusterer(params)
    ids: list[str] = []
    labels: list[int] = []
    for item in json_lines(lines, where):
        if isinstance(item, Problem):
            yield item
            continue
        number, record = item
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "id" not in record:
            yield Problem(f"{where}:{number}", 'expected an object with "id" and "text"')
            continue
        title = record.get("title") if isinstance(record.get("title"), str) else ""
        published = record.get("published")
        time = parse_published(published) if isinstance(published, str) else None
        labels.append(clusterer.add(extract_terms(title, record["text"]), time=time, key=len(ids)).story)
        ids.append(record["id"])
        _apply_splits(clusterer, labels)
        clusterer.expire()
    for article_id, label in zip(ids, labels, strict=True):
        yield Label(article_id, label)


def cluster_articles(articles: Iterable[Article], params: ClusterParams = DEFAULT_PARAMS) -> list[int]:
    """Story labels of articles, in order: title, text and publication date, as `newsfuse cluster` reads them."""
    clusterer = OnlineClusterer(params)
    labels: list[int] = []
    for key, article in enumerate(articles):
        terms = extract_terms(article.title, article.text)
        labels.append(clusterer.add(terms, time=parse_published(article.published), key=key).story)
        _apply_splits(clusterer, labels)
        clusterer.expire()
    return labels


def cluster_texts(texts: list[str], params: ClusterParams = DEFAULT_PARAMS) -> list[int]:
    """Story labels of undated texts, in order (for evaluations and tests)."""
    clusterer = OnlineClusterer(params)
    labels: list[int] = []
    for key, text in enumerate(texts):
        labels.append(clusterer.add(extract_terms("", text), key=key).story)
        _apply_splits(clusterer, labels)
    return labels


def _apply_splits(clusterer: OnlineClusterer, labels: list[int]) -> None:
    for split in clusterer.take_splits():
        for moved in split.moved:
            labels[moved] = split.new
