"""Single-pass story clustering over a sliding time window.

Each article is compared with the centroid of every story active in the window, through an inverted
index (term -> stories holding it), so the cost of an article follows the stories that share its terms,
never the length of the stream. It joins the most similar story when the cosine reaches the threshold,
or opens a new story. A story whose last article is older than the window leaves the index: memory
follows the window. Ties go to the older story, so results are deterministic for a given input order.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsfuse.cluster.features import Terms
from newsfuse.cluster.params import DEFAULT_PARAMS, ClusterParams
from newsfuse.cluster.weights import DocumentFrequencies, Vector

_DAY = 86_400.0
# Terms of an article used to find candidate stories, and candidates scored exactly. An article's 40
# heaviest terms hold most of its weight; a story it belongs to shares several of them.
QUERY_TERMS = 40
CANDIDATES = 10


@dataclass
class Story:
    """A story's centroid kept as the sum of its members' vectors, with its squared norm."""

    id: int
    sums: Vector = field(default_factory=dict)
    norm2: float = 0.0
    size: int = 0
    last_time: float = 0.0  # for leaving the window: undated members count at the clock
    first_dated: float | None = None  # span of the members whose date is known
    last_dated: float | None = None

    def admits(self, time: float | None, window: float) -> bool:
        """One event happens at one time: a dated article never joins a story dated far from it."""
        if time is None or self.first_dated is None or self.last_dated is None:
            return True
        return self.first_dated - window <= time <= self.last_dated + window

    def add(self, vector: Vector) -> None:
        sums = self.sums
        norm2 = self.norm2
        for key, weight in vector.items():
            old = sums.get(key, 0.0)
            new = old + weight
            sums[key] = new
            norm2 += new * new - old * old
        self.norm2 = norm2
        self.size += 1


@dataclass(frozen=True)
class Assignment:
    story: int
    similarity: float  # cosine with the story's centroid before joining; 0.0 for a new story
    new: bool


class OnlineClusterer:
    """Assign articles to stories one at a time. `clock` is the latest article time seen (seconds)."""

    def __init__(self, params: ClusterParams = DEFAULT_PARAMS, frequencies: DocumentFrequencies | None = None,
                 next_story: int = 1) -> None:
        self.params = params
        self.frequencies = frequencies or DocumentFrequencies()
        self.next_story = next_story
        self.stories: dict[int, Story] = {}
        self.index: dict[int, dict[int, float]] = {}  # term -> {story id: summed weight}
        self.clock = 0.0
        self.last_vector: Vector = {}  # the weighted vector of the last article added (a store keeps it)

    def add(self, terms: Terms, time: float | None = None, seen: float | None = None,
            count_frequencies: bool = True) -> Assignment:
        """Assign one article: its raw terms, its date (seconds since the epoch, None when unknown) and
        when it was seen (for the window; by default its date, else the clock)."""
        if count_frequencies:
            self.frequencies.add(terms)
        vector = self.last_vector = self.frequencies.weigh(terms)
        best, similarity = self.best_story(vector, time)
        if best is None or similarity < self.params.threshold:
            story = Story(self.next_story)
            self.next_story += 1
            self.stories[story.id] = story
            assignment = Assignment(story.id, 0.0, True)
        else:
            story = self.stories[best]
            assignment = Assignment(best, similarity, False)
        self.join(story, vector, time, seen)
        return assignment

    def best_story(self, vector: Vector, time: float | None = None) -> tuple[int | None, float]:
        """The most similar admissible story and its cosine.

        Candidates come from the article's QUERY_TERMS heaviest terms (rare terms: short postings, so
        the cost stays flat as the window fills); the best CANDIDATES of them get an exact cosine.
        """
        index = self.index
        heaviest = sorted(vector.items(), key=lambda item: -item[1])[:QUERY_TERMS]
        partial: dict[int, float] = {}
        for key, weight in heaviest:
            holders = index.get(key)
            if holders:
                for story_id, summed in holders.items():
                    partial[story_id] = partial.get(story_id, 0.0) + weight * summed
        if not partial:
            return None, 0.0
        stories = self.stories
        window = self.params.window_days * _DAY
        shortlist = sorted(partial, key=lambda s: -partial[s] / math.sqrt(stories[s].norm2))[:CANDIDATES]
        best_id, best = None, -1.0
        for story_id in sorted(shortlist):
            story = stories[story_id]
            if not story.admits(time, window):
                continue
            sums = story.sums
            cosine = sum(weight * sums.get(key, 0.0) for key, weight in vector.items()) / math.sqrt(story.norm2)
            if cosine > best:
                best_id, best = story_id, cosine
        return best_id, best

    def join(self, story: Story, vector: Vector, time: float | None, seen: float | None = None) -> None:
        """Add a member to a story (also used to rebuild the window from a store)."""
        story.add(vector)
        if time is not None:
            story.first_dated = time if story.first_dated is None else min(story.first_dated, time)
            story.last_dated = time if story.last_dated is None else max(story.last_dated, time)
        when = seen if seen is not None else (self.clock if time is None else time)
        story.last_time = max(story.last_time, when)
        self.clock = max(self.clock, when)
        index = self.index
        sums = story.sums
        for key in vector:
            index.setdefault(key, {})[story.id] = sums[key]

    def restore(self, story_id: int, vector: Vector, time: float | None, seen: float | None = None) -> None:
        """Put back a member of a story read from a store (no new frequencies, no new story ids)."""
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = Story(story_id)
            self.next_story = max(self.next_story, story_id + 1)
        self.join(story, vector, time, seen)

    def expire(self) -> list[int]:
        """Drop the stories that left the window; returns their ids."""
        horizon = self.clock - self.params.window_days * _DAY
        gone = [story_id for story_id, story in self.stories.items() if story.last_time < horizon]
        for story_id in gone:
            story = self.stories.pop(story_id)
            for key in story.sums:
                holders = self.index.get(key)
                if holders is not None:
                    holders.pop(story_id, None)
                    if not holders:
                        del self.index[key]
        return gone

    def active(self) -> Iterator[Story]:
        return iter(self.stories.values())
