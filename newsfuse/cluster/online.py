"""Single-pass story clustering over a sliding time window.

Each article finds candidate stories through an inverted index (term -> stories holding it), so the
cost of an article follows the stories that share its terms, never the length of the stream. The best
candidates by centroid get a second look against their members: the article joins the story whose
nearest members it is closest to, when that mean cosine reaches the floor and beats the crowd (the
fourth-best candidate's score plus a margin: see params.py), or opens a new story.
A story whose last article is older than the window leaves the index: memory follows the window. Ties
go to the older story, so results are deterministic for a given input order. As a story grows it is
checked for holding two events, and cut in two if it does (see split.py): the caller collects these
splits (`take_splits`) to relabel the articles already assigned. A batch can also give a story's members
a last look once later stories have formed (`reconsider`, used by batch.py). Articles that carry a sentence
embedding (embeddings.py) are compared by it too: each member cosine is mixed with the embeddings' cosine,
and the mixed score has a floor and a margin of its own (params.py).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from newsfuse.cluster.features import HASH_BITS, Terms
from newsfuse.cluster.params import DEFAULT_PARAMS, ClusterParams
from newsfuse.cluster.split import bisect, should_split
from newsfuse.cluster.weights import DocumentFrequencies, Vector

_DAY = 86_400.0
# Terms of an article used to find candidate stories, and candidates scored exactly. An article's 40
# heaviest terms hold most of its weight; a story it belongs to shares several of them and ranks in
# the first few by the partial score.
QUERY_TERMS = 40
CANDIDATES = 5
# A term held by more active stories than this finds no candidates (it would find them all): like a
# stop word, it costs the most and tells the least. Its weight still counts in the exact cosine.
MAX_POSTINGS = 50
# A story is checked for two events when it reaches FIRST_CHECK articles, then each time it has grown
# by half (amortised: a constant number of checks per article); the latest MAX_MEMBERS are examined.
FIRST_CHECK = 6
GROWTH = 1.5
MAX_MEMBERS = 256
# A story's score is the mean cosine of the article with this many of its members, the nearest ones,
# among its latest SCORED_MEMBERS (cost control: a long story is judged on its recent reports).
NEAREST = 2
SCORED_MEMBERS = 64  # at most 127: positions are kept as int8, the packed arrays' largest part


@dataclass(frozen=True)
class Split:
    """Story `old` was cut in two: the articles with these keys now form story `new`."""

    old: int
    new: int
    moved: list[int]


class Member(NamedTuple):
    key: int
    terms: np.ndarray  # int32 hash buckets
    weights: np.ndarray  # float32, the unit vector's values
    time: float | None  # its date, when known
    days: int = 0  # the weekdays its lead names (features.event_days)
    embedding: np.ndarray | None = None  # its sentence embedding, unit length (features.Terms.embedding)


@dataclass(frozen=True)
class Move:
    """A last look moved the article with this key from story `old` to story `new`."""

    key: int
    old: int
    new: int


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
    members: list[Member] = field(default_factory=list)  # the latest members
    next_check: int = FIRST_CHECK
    # The members' terms, weights and positions as three flat arrays (and a cache of their day penalties),
    # rebuilt after the members change: a story is scored against many articles between two changes.
    _packed: tuple[np.ndarray, np.ndarray, np.ndarray, dict] | None = field(default=None, repr=False)
    _embeddings: np.ndarray | None = field(default=None, repr=False)

    def embeddings(self) -> np.ndarray | None:
        """The scored members' embeddings as rows (None when a member has none)."""
        if self._embeddings is None:
            members = self.members[-SCORED_MEMBERS:]
            if not members or any(m.embedding is None for m in members):
                return None
            self._embeddings = np.vstack([m.embedding for m in members])
        return self._embeddings

    def packed(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict]:
        """Terms, weights and owner positions of the scored members, and their day penalties by the
        article's weekdays (filled by `day_shifts` as articles ask)."""
        if self._packed is None:
            members = self.members[-SCORED_MEMBERS:]
            self._packed = (np.concatenate([m.terms for m in members]), np.concatenate([m.weights for m in members]),
                            np.repeat(np.arange(len(members), dtype=np.int8), [len(m.terms) for m in members]), {})
        return self._packed

    def admits(self, time: float | None, window: float) -> bool:
        """One event happens at one time: a dated article never joins a story dated far from it."""
        if time is None or self.first_dated is None or self.last_dated is None:
            return True
        return self.first_dated - window <= time <= self.last_dated + window

    def remove(self, vector: Vector, index: dict[int, dict[int, float]]) -> None:
        """Take a member's vector out of the sums (and the inverted index); members are the caller's."""
        sums = self.sums
        for term, weight in vector.items():
            remaining = sums[term] - weight
            if abs(remaining) < 1e-9:
                del sums[term]
                index[term].pop(self.id, None)
                if not index[term]:
                    del index[term]
            else:
                sums[term] = remaining
                index[term][self.id] = remaining
        self.norm2 = sum(value * value for value in sums.values())
        self.size -= 1

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


class _Article:
    """An article's vector, as a list (for the story sums) and scattered into a dense array of the hash
    space (for member cosines: a member's weights then meet the article's by plain indexing)."""

    def __init__(self, vector: Vector, dense: np.ndarray, days: int = 0, embedding: np.ndarray | None = None) -> None:
        self.items = list(vector.items())
        self.days = days
        self.embedding = embedding
        self.keys = np.fromiter(vector.keys(), dtype=np.int64, count=len(vector))
        self.dense = dense
        dense[self.keys] = np.fromiter(vector.values(), dtype=np.float32, count=len(vector))

    def cosines(self, story: Story) -> np.ndarray:
        """The cosine with each member scored (all vectors are unit length), in one vectorised pass."""
        keys, weights, owner, _ = story.packed()
        return np.bincount(owner, weights * self.dense[keys], minlength=min(len(story.members), SCORED_MEMBERS))

    def blend(self, story: Story, cosines: np.ndarray, share: float) -> np.ndarray:
        """The word cosines mixed with the embeddings' (`share` of the latter), when both sides have them."""
        if self.embedding is None or not share:
            return cosines
        embeddings = story.embeddings()
        if embeddings is None:
            return cosines
        return (1.0 - share) * cosines + share * (embeddings @ self.embedding)

    def clear(self) -> None:
        self.dense[self.keys] = 0.0


def day_shifts(days: int, story: Story, penalty: float) -> np.ndarray | float:
    """What each scored member's cosine loses for the days named: `penalty` when both leads name weekdays
    and share none (two events on different days), else 0 (also when either names no day)."""
    if not days or not penalty or not story.members:
        return 0.0
    # A story is scored against many articles between two changes, and most name one weekday or none:
    # the shifts are kept per weekday mask with the packed members.
    cache = story.packed()[3]
    shifts = cache.get(days)
    if shifts is None:
        differ = [bool(m.days) and not m.days & days for m in story.members[-SCORED_MEMBERS:]]
        shifts = cache[days] = np.array(differ, dtype=np.float32) * np.float32(-penalty) if any(differ) else 0.0
    return shifts


@dataclass(frozen=True)
class Assignment:
    story: int
    similarity: float  # mean cosine with the story's nearest members before joining; 0.0 for a new story
    new: bool
    declined: int | None = None  # the best story, when it cleared the floor but not the crowd


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
        self.splits: list[Split] = []  # splits not yet collected by the caller (see take_splits)
        self._next_key = 0
        self._dense = np.zeros(1 << HASH_BITS, dtype=np.float32)  # scratch for member cosines, kept zero

    def add(self, terms: Terms, time: float | None = None, seen: float | None = None,
            count_frequencies: bool = True, key: int | None = None) -> Assignment:
        """Assign one article: its raw terms, its date (seconds since the epoch, None when unknown) and
        when it was seen (for the window; by default its date, else the clock). `key` names the article
        in later splits (default: a running count from 0)."""
        if key is None:
            key = self._next_key
        self._next_key = max(self._next_key, key + 1)
        if count_frequencies:
            self.frequencies.add(terms)
        vector = self.last_vector = self.frequencies.weigh(terms)
        best, similarity, crowd = self.best_story(vector, time, days=terms.days, embedding=terms.embedding)
        floor, margin = self.rule(terms.embedding)
        clears_floor = best is not None and similarity >= floor
        if not clears_floor or similarity < crowd + margin:
            story = Story(self.next_story)
            self.next_story += 1
            self.stories[story.id] = story
            assignment = Assignment(story.id, 0.0, True, declined=best if clears_floor else None)
        else:
            story = self.stories[best]
            assignment = Assignment(best, similarity, False)
        self.join(story, vector, time, seen, key, days=terms.days, embedding=terms.embedding)
        if story.size >= story.next_check:
            story.next_check = math.ceil(story.size * GROWTH)
            self._check_split(story)
        return assignment

    def rule(self, embedding: np.ndarray | None) -> tuple[float, float]:
        """The floor and the crowd margin: scores mixed with embeddings run on their own scale."""
        params = self.params
        if self._share(embedding):
            return params.embedding_threshold, params.embedding_margin
        return params.threshold, params.crowd_margin

    def _share(self, embedding: np.ndarray | None) -> float:
        """The embeddings' share of a member cosine for an article with this embedding (0: words alone)."""
        return self.params.embedding_weight if embedding is not None else 0.0

    @staticmethod
    def _scores_each_member(story: Story, share: float) -> bool:
        """With embeddings every member is scored one by one, even in a small story whose mean the word
        sums would give: the sums hold the words only."""
        return bool(share) and len(story.members) == story.size and story.embeddings() is not None

    def reconsider(self, story_ids: Iterable[int] | None = None) -> list[Move]:
        """A last look at the members of these stories (default: every active story), now that later
        stories have formed.

        A single pass judged each article against the stories that existed when it arrived: the first
        report of an event may have joined a neighbour's story before its own had begun, and a report
        may have opened a story of its own before a close one arrived. Each member (in arrival order, the
        latest MAX_MEMBERS of each story) is scored against its own story without itself and against
        its best other candidates: it moves when another story scores higher; an article alone in its
        story moves only under the rule that would have let it join (floor and crowd). One look each
        (a second round moved a quarter as many and changed F1 by less than 0.002 on the tuning data,
        docs/stories.md). Returns the moves, for the caller to relabel.
        """
        stories = self.stories.values() if story_ids is None else [self.stories[i] for i in story_ids]
        members = sorted((member.key, story.id) for story in stories for member in story.members)
        moves: list[Move] = []
        for key, story_id in members:
            story = self.stories[story_id]
            position = next((i for i, member in enumerate(story.members) if member.key == key), None)
            if position is None:  # dropped from the story's latest members by an article moved in before it
                continue
            member = story.members[position]
            vector = dict(zip(member.terms.tolist(), member.weights.tolist(), strict=True))
            best, similarity, crowd = self.best_story(vector, member.time, exclude=story_id, days=member.days,
                                                      embedding=member.embedding)
            if best is None:
                continue
            if story.size == 1:
                floor, margin = self.rule(member.embedding)
                moving = similarity >= floor and similarity >= crowd + margin
            else:
                moving = similarity > self._score_without(story, vector, position, member.days, member.embedding)
            if not moving:
                continue
            del story.members[position]
            story._packed = story._embeddings = None
            story.remove(vector, self.index)
            if story.size == 0:  # float32 members leave crumbs in the float64 sums
                self._forget(story_id)
            target = self.stories[best]
            self.join(target, vector, member.time, seen=target.last_time, key=key, days=member.days,
                      embedding=member.embedding)
            moves.append(Move(key, story_id, best))
        return moves

    def _score_without(self, story: Story, vector: Vector, position: int, days: int = 0,
                       embedding: np.ndarray | None = None) -> float:
        """`score` of a member against its own story, as if it were not in it."""
        others = story.size - 1
        share = self._share(embedding)
        scored = min(len(story.members), SCORED_MEMBERS)
        own = position - (len(story.members) - scored)
        shifts = day_shifts(days, story, self.params.day_penalty)
        if not isinstance(shifts, float) and own >= 0:
            shifts = np.delete(shifts, own)
        if (others <= NEAREST or len(story.members) - 1 < NEAREST) and not self._scores_each_member(story, share):
            get = story.sums.get
            mean = (sum([weight * get(term, 0.0) for term, weight in vector.items()]) - 1.0) / others
            return mean + float(np.sum(shifts)) / others
        article = _Article(vector, self._dense, embedding=embedding)
        try:
            cosines = article.blend(story, article.cosines(story), share)
        finally:
            article.clear()
        if own >= 0:
            cosines = np.delete(cosines, own)
        if others <= NEAREST:
            return float(np.mean(cosines + shifts))
        return float(np.partition(cosines + shifts, -NEAREST)[-NEAREST:].mean())

    def take_splits(self) -> list[Split]:
        splits, self.splits = self.splits, []
        return splits

    def _check_split(self, story: Story) -> None:
        members = story.members
        halves = bisect([m.terms for m in members], [m.weights for m in members])
        if not should_split(halves):
            return
        moved = [members[i] for i in halves.move]
        story.members = [members[i] for i in halves.keep]
        story._packed = story._embeddings = None
        new = Story(self.next_story, first_dated=story.first_dated, last_dated=story.last_dated,
                    last_time=story.last_time)
        self.next_story += 1
        self.stories[new.id] = new
        index = self.index
        for member in moved:
            vector = dict(zip(member.terms.tolist(), member.weights.tolist(), strict=True))
            story.remove(vector, index)
            new.add(vector)
            new.members.append(member)
            for term in vector:
                index.setdefault(term, {})[new.id] = new.sums[term]
        new.next_check = math.ceil(max(new.size, FIRST_CHECK) * GROWTH)
        self.splits.append(Split(story.id, new.id, [m.key for m in moved]))

    def best_story(self, vector: Vector, time: float | None = None, exclude: int | None = None, days: int = 0,
                   embedding: np.ndarray | None = None) -> tuple[int | None, float, float]:
        """The most similar admissible story, its score (see `score`) and the crowd's: the score of the
        `crowd_rank`-th best candidate (minus infinity when there are fewer).

        Candidates come from the article's QUERY_TERMS heaviest terms that are not held by more than
        MAX_POSTINGS stories, so the cost stays flat as the window fills; the best CANDIDATES of them by
        centroid cosine are scored against their members. Story `exclude` is never a candidate.
        """
        index = self.index
        heaviest = heapq.nlargest(QUERY_TERMS, vector.items(), key=lambda item: item[1])
        partial: dict[int, float] = {}
        for key, weight in heaviest:
            holders = index.get(key)
            if holders and len(holders) <= MAX_POSTINGS:
                for story_id, summed in holders.items():
                    partial[story_id] = partial.get(story_id, 0.0) + weight * summed
        partial.pop(exclude, None)
        if not partial:
            return None, 0.0, -math.inf
        stories = self.stories
        window = self.params.window_days * _DAY
        ranked = [(dot / math.sqrt(stories[story_id].norm2), story_id) for story_id, dot in partial.items()]
        shortlist = [story_id for _, story_id in heapq.nlargest(CANDIDATES, ranked)]
        article = _Article(vector, self._dense, days, embedding)
        best_id, best = None, -1.0
        scores: list[float] = []
        try:
            for story_id in sorted(shortlist):
                story = stories[story_id]
                if not story.admits(time, window):
                    continue
                score = self.score(story, article)
                scores.append(score)
                if score > best:
                    best_id, best = story_id, score
        finally:
            article.clear()
        rank = self.params.crowd_rank
        crowd = sorted(scores, reverse=True)[rank - 1] if rank >= 2 and len(scores) >= rank else -math.inf
        return best_id, best, crowd

    def score(self, story: Story, article: _Article) -> float:
        """Mean cosine with the story's NEAREST members (all of them in a small story).

        A centroid drifts: a story that took in two reports on the same people looks like any third
        report on them. The members themselves do not: an article must be close to some of them.
        """
        get = story.sums.get
        share = self._share(article.embedding)
        if (story.size <= NEAREST or len(story.members) < NEAREST) and not self._scores_each_member(story, share):
            # Small (or restored without member vectors): the mean over all members comes from the sum.
            mean = sum([weight * get(key, 0.0) for key, weight in article.items]) / story.size
            return mean + float(np.sum(day_shifts(article.days, story, self.params.day_penalty))) / story.size
        cosines = article.blend(story, article.cosines(story), share) + day_shifts(
            article.days, story, self.params.day_penalty)
        if story.size <= NEAREST:
            return float(np.mean(cosines))
        return float(np.partition(cosines, -NEAREST)[-NEAREST:].mean())

    def join(self, story: Story, vector: Vector, time: float | None, seen: float | None = None,
             key: int | None = None, days: int = 0, embedding: np.ndarray | None = None) -> None:
        """Add a member to a story (also used to rebuild the window from a store)."""
        story.add(vector)
        if key is not None:
            story.members.append(Member(key, np.fromiter(vector.keys(), dtype=np.int32, count=len(vector)),
                                        np.fromiter(vector.values(), dtype=np.float32, count=len(vector)), time, days,
                                        embedding))
            if len(story.members) > MAX_MEMBERS:
                del story.members[0]
            story._packed = story._embeddings = None
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

    def restore(self, story_id: int, vector: Vector, time: float | None, seen: float | None = None,
                key: int | None = None, days: int = 0, embedding: np.ndarray | None = None) -> None:
        """Put back a member of a story read from a store (no new frequencies, no new story ids)."""
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = Story(story_id)
            self.next_story = max(self.next_story, story_id + 1)
        if key is not None:
            self._next_key = max(self._next_key, key + 1)
        self.join(story, vector, time, seen, key, days=days, embedding=embedding)
        while story.next_check <= story.size:  # checks resume where an uninterrupted run would have them
            story.next_check = math.ceil(story.next_check * GROWTH)

    def expire(self) -> list[int]:
        """Drop the stories that left the window; returns their ids."""
        gone = self.expiring()
        for story_id in gone:
            self._forget(story_id)
        return gone

    def expiring(self) -> list[int]:
        """The stories the next `expire` drops."""
        horizon = self.clock - self.params.window_days * _DAY
        return [story_id for story_id, story in self.stories.items() if story.last_time < horizon]

    def _forget(self, story_id: int) -> None:
        """Drop a story and its terms from the index."""
        story = self.stories.pop(story_id)
        for key in story.sums:
            holders = self.index.get(key)
            if holders is not None:
                holders.pop(story_id, None)
                if not holders:
                    del self.index[key]
