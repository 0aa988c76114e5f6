"""Stateless batch clustering: JSON Lines articles in, `{"id", "story"}` lines out, in input order.

The same online clusterer as `newsfuse ingest`, run over the input once without a database: each
line is labelled as soon as it is read, so memory follows the time window, not the input.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsfuse.cluster.dates import parse_published
from newsfuse.cluster.features import extract_terms
from newsfuse.cluster.online import OnlineClusterer
from newsfuse.cluster.params import DEFAULT_PARAMS, ClusterParams
from newsfuse.model import Problem


@dataclass(frozen=True)
class Label:
    id: str
    story: int


def cluster_lines(lines: Iterable[str], params: ClusterParams = DEFAULT_PARAMS, where: str = "-"
                  ) -> Iterator[Label | Problem]:
    clusterer = OnlineClusterer(params)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Problem(f"{where}:{number}", f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "id" not in record:
            yield Problem(f"{where}:{number}", 'expected an object with "id" and "text"')
            continue
        title = record.get("title") if isinstance(record.get("title"), str) else ""
        published = record.get("published")
        time = parse_published(published) if isinstance(published, str) else None
        assignment = clusterer.add(extract_terms(title, record["text"]), time=time)
        yield Label(record["id"], assignment.story)
        clusterer.expire()


def cluster_texts(texts: list[str], params: ClusterParams = DEFAULT_PARAMS) -> list[int]:
    """Story labels of undated texts, in order (for evaluations and tests)."""
    clusterer = OnlineClusterer(params)
    return [clusterer.add(extract_terms("", text)).story for text in texts]
