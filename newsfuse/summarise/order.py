"""Order chosen sentences for reading: the core event first, then the order the sources tell it in."""

from __future__ import annotations

from newsfuse.model import SummarySentence
from newsfuse.summarise.units import Unit

# A sentence among the first two of its article is a lead: it states that article's event.
LEAD_INDEX = 1


def reading_order(chosen: list[tuple[Unit, SummarySentence]], positions: dict[tuple[str, int], float]
                  ) -> list[SummarySentence]:
    """The best-supported lead first, then the rest by mean relative position in their sources.

    `chosen` is in selection order. `positions` maps (doc_id, start offset) of every evidence span to
    its relative position in its source; averaging over every source that carries a fact approximates
    the order most sources agree on.
    """
    if not chosen:
        return []

    def mean_position(item: tuple[Unit, SummarySentence]) -> float:
        values = [positions.get((e.doc_id, e.start), item[0].position) for e in item[1].evidence]
        return sum(values) / len(values)

    leads = [item for item in chosen if item[0].sentence.index <= LEAD_INDEX]
    first = max(leads, key=lambda item: len(item[1].sources)) if leads else chosen[0]
    rest = sorted((item for item in chosen if item is not first), key=mean_position)
    return [first[1]] + [summary for _, summary in rest]
