"""Order chosen sentences for reading: the core event first, then the order the sources tell it in."""

from __future__ import annotations

from newsfuse.model import SummarySentence
from newsfuse.summarise.units import Unit


def reading_order(chosen: list[tuple[Unit, SummarySentence]], positions: dict[tuple[str, int], float]
                  ) -> list[SummarySentence]:
    """Lead sentence first (the best-supported of the leads), then by mean relative position in sources.

    `positions` maps (doc_id, start offset) of every evidence span to its relative position in its source;
    averaging over every source that carries a fact approximates the order most sources agree on.
    """
    if not chosen:
        return []

    def mean_position(item: tuple[Unit, SummarySentence]) -> float:
        values = [positions.get((e.doc_id, e.start), item[0].position) for e in item[1].evidence]
        return sum(values) / len(values)

    def lead_score(item: tuple[Unit, SummarySentence]) -> tuple[int, float]:
        return (len(item[1].sources), -mean_position(item))

    first = max(chosen, key=lead_score) if any(u.position < 0.15 for u, _ in chosen) else None
    rest = sorted((item for item in chosen if item is not first), key=mean_position)
    return ([first[1]] if first else []) + [summary for _, summary in rest]
