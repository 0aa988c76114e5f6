"""Order chosen sentences for reading: the core event first, then the order the sources tell it in.

A story told within one news cycle is ordered as its sources tell it. A story whose sources span days
(a crash, then the search, then the wreckage; a quake, then its aftershocks) is told in the order its
articles appeared, each day's sentences in the order its sources tell them: chronological ordering, which
readers of multi-document news summaries prefer to source order once events are spread over time
(Barzilay, Elhadad & McKeown 2002). A sentence is dated by the article it was taken from, so that its
own relative dates ("on Tuesday", "today") read from that day.
"""

from __future__ import annotations

from datetime import date

from newsfuse.model import SummarySentence
from newsfuse.story.background import told_over_days
from newsfuse.story.units import Unit

# A sentence among the first two of its article is a lead: it states that article's event.
LEAD_INDEX = 1


def reading_order(chosen: list[tuple[Unit, SummarySentence]], positions: dict[tuple[str, int], float],
                  published: dict[str, date] | None = None) -> list[SummarySentence]:
    """The best-supported lead first (an article's first sentence before a second one), then the rest by mean
    relative position in their sources; two sentences of one article are never told in the reverse of the
    article's order.

    `chosen` is in selection order. `positions` maps (doc_id, start offset) of every evidence span to
    its relative position in its source; averaging over every source that carries a fact approximates
    the order most sources agree on. `published` maps a source id to its publication date: when the
    sentences' articles span more than a news cycle, sentences are grouped by their article's date, and
    the earliest day's best-supported lead opens.
    """
    if not chosen:
        return []

    def mean_position(item: tuple[Unit, SummarySentence]) -> float:
        values = [positions.get((e.doc_id, e.start), item[0].position) for e in item[1].evidence]
        return sum(values) / len(values)

    published = published or {}
    days = [published.get(summary.origin.doc_id) for _, summary in chosen]
    # Within one news cycle every sentence has the same rank; over days, its day (undated ones last).
    over_days = told_over_days(days)
    rank = {id(item): (day or date.max).toordinal() if over_days else 0 for item, day in zip(chosen, days, strict=True)}

    def day_rank(item: tuple[Unit, SummarySentence]) -> int:
        return rank[id(item)]

    opening_day = min(day_rank(item) for item in chosen)
    today = [item for item in chosen if day_rank(item) == opening_day]
    leads = [item for item in today if item[0].sentence.index <= LEAD_INDEX]
    # An article's first sentence opens before another's second, however many outlets the second cites: a
    # second sentence leans on the first ("Limbaugh's wife, Kathryn, made the announcement on his radio show.").
    leads = [item for item in leads if item[0].sentence.index == 0] or leads
    # A lead that opens with a quotation gives a voice before the news ("“We’re not stupid people,” nuclear
    # commander Gen. John Hyten said at a forum Saturday."): another lead opens when there is one.
    leads = [item for item in leads if not _opens_with_quotation(item[0].text)] or leads
    first = max(leads, key=lambda item: len(item[1].sources)) if leads else today[0]
    rest = sorted((item for item in chosen if item is not first),
                  key=lambda item: (day_rank(item), mean_position(item)))
    return [summary for _, summary in _article_order([first, *rest])]


def _opens_with_quotation(text: str) -> bool:
    return text.lstrip()[:1] in "\"“‘'"


def _article_order(ordered: list[tuple[Unit, SummarySentence]]) -> list[tuple[Unit, SummarySentence]]:
    """`ordered`, with the sentences of each article in the article's own order, in the places that article's
    sentences hold: a later sentence often leans on an earlier one ("The number of Americans applying for
    unemployment benefits fell last week to a still-high 712,000" / "Thursday's report ... said that initial
    claims for jobless aid dropped from 787,000 the week before"), and read first it makes no sense."""
    places: dict[str, list[int]] = {}
    for place, (unit, _) in enumerate(ordered):
        places.setdefault(unit.sentence.doc_id, []).append(place)
    result = list(ordered)
    for doc_places in places.values():
        in_article = sorted((ordered[place] for place in doc_places), key=lambda item: item[0].sentence.start)
        for place, item in zip(doc_places, in_article, strict=True):
            result[place] = item
    return result
