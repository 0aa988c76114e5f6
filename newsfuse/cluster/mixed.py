"""Does a pile of articles tell one story? The check `newsfuse brief` runs before it trusts a folder.

A brief of two unrelated stories (a bridge closure and a library reopening in one folder) reads as one
muddled story, and its sources are counted as corroborating each other. The articles are compared as the
story grouping compares them (`features.term_strings`: title, lead, names, years), weighed by TF-IDF over
the pile itself, and clustered by average linkage. Two branches of the tree are two stories when they
share almost nothing, both in absolute terms (`CROSS_MAX`) and against how much each branch's own articles
share (`RATIO_MAX`): reports of an event series over weeks (TAC 2011) share little across their sub-events
too, but they share as little within them. Every branch is read the same way down the tree, so a pile of
three stories is found as three, and a pile of ten, whose first split is between two mixtures, too. Once a
pile is found mixed, a group whose own articles share almost nothing is no story: each of its articles
tells its own.

Pure Python and cheap (about 0.3 ms for three short leads, 3 ms for ten long articles): it runs on every
brief, before any grouping module with NumPy or a model is loaded.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from newsfuse.cluster.features import ENTITY_WEIGHT, is_entity, term_strings

# Chosen on tuning data (2026-12-01): the first 600 events of the allsides-neus even lines and the odd
# ECB+ topics, each one story, against piles built from them (two events together, an event with one
# article of another, two ECB+ topics, the two events of one ECB+ topic). Kept, 0.2 / 0.06, through the
# brief's own path: one story called mixed 0.8% (allsides-neus; half of them unrelated opinion pieces
# filed under one theme) and 0% (ECB+); mixed piles found 85-96%; the held-out halves, scored once: 1.5%,
# 0%, 85-96%; no TAC 2011 cluster of the seven languages. 0.2 / 0.04: fewer found (84% of two events);
# 0.25 / 0.06: more one-story piles called mixed (1.2%). The sweep: docs/stories.md.
CROSS_MAX = 0.06
RATIO_MAX = 0.2
# Past this many independent sources the pile is a stream, not a story (`newsfuse ingest` and `newsfuse
# stories` group it); the clustering grows with the cube of the sources (0.08 s for 115), so it is not run.
MAX_SOURCES = 200

Vector = dict[str, float]


def stories_told(articles: Sequence[tuple[str, str, str]]) -> list[list[str]]:
    """The ids of `articles` ((id, title, text) each), grouped by the story they tell: one group when they
    seem to tell one story (or cannot be checked), else a group per story, largest first."""
    counts = [term_strings(title, text) for _, title, text in articles] if 2 <= len(articles) <= MAX_SOURCES else []
    # An article with no word to compare ("Yes.") tells no other story: it stays with the largest group.
    compared = [index for index, terms in enumerate(counts) if terms]
    if len(compared) < 2:
        return [[identifier for identifier, _, _ in articles]]
    vectors = _weighed([counts[index] for index in compared])
    similarity = [[_cosine(a, b) for b in vectors] for a in vectors]
    tree = _tree(list(range(len(compared))), similarity)
    found = _stories(tree, similarity)
    if len(found) > 1:
        found = [part for group in found for part in _no_story_apart(group, similarity)]
    groups = [[compared[member] for member in group] for group in found]
    groups.sort(key=lambda group: (-len(group), group[0]))
    groups[0] = sorted(groups[0] + [index for index, terms in enumerate(counts) if not terms])
    return [[articles[index][0] for index in group] for group in groups]


def _weighed(counts: list[Counter[str]]) -> list[Vector]:
    """Sublinear tf x smoothed idf over these articles alone, names and years scaled as the story grouping
    scales them (`features.ENTITY_WEIGHT`), each vector of unit length."""
    frequency = Counter(term for terms in counts for term in terms)
    total = len(counts) + 1
    vectors = []
    for terms in counts:
        weights = {term: (1.0 + math.log(count)) * (math.log(total / (frequency[term] + 1)) + 1.0)
                   * (ENTITY_WEIGHT if is_entity(term) else 1.0) for term, count in terms.items()}
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        vectors.append({term: weight / norm for term, weight in weights.items()})
    return vectors


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


Tree = int | tuple["Tree", "Tree"]


def _tree(members: list[int], similarity: list[list[float]]) -> Tree:
    """The average-linkage merge tree of `members`. Sums of similarity between groups are kept and added on
    each merge (Lance-Williams), so each step is a scan of the pairs of groups."""
    nodes: list[Tree] = list(members)
    sizes = [1] * len(members)
    sums = [[similarity[a][b] for b in members] for a in members]
    while len(nodes) > 1:
        best, x, y = -1.0, 0, 1
        for i in range(len(nodes)):
            for j in range(i + 1, len(nodes)):
                mean = sums[i][j] / (sizes[i] * sizes[j])
                if mean > best:
                    best, x, y = mean, i, j
        nodes[x], sizes[x] = (nodes[x], nodes[y]), sizes[x] + sizes[y]
        for k in range(len(nodes)):
            sums[x][k] += sums[y][k]
            sums[k][x] = sums[x][k]
        del nodes[y], sizes[y], sums[y]
        for row in sums:
            del row[y]
    return nodes[0]


def _stories(node: Tree, similarity: list[list[float]]) -> list[list[int]]:
    """The stories under a node of the tree: its two branches' when they share almost nothing, or when
    either branch holds stories apart (a pile of many stories splits first between two mixtures, which
    share as little within as across); else the node is one story."""
    if isinstance(node, int):
        return [[node]]
    left, right = _stories(node[0], similarity), _stories(node[1], similarity)
    if len(left) + len(right) > 2:
        return left + right
    (first,), (second,) = left, right  # each branch one story
    return left + right if _apart(first, second, similarity) else [first + second]


def _no_story_apart(group: list[int], similarity: list[list[float]]) -> list[list[int]]:
    """A group whose own articles share almost nothing (mean cosine under `CROSS_MAX`) as one story apart
    each: in a pile already found to mix stories, it is what is left over, not a story. The tree keeps such
    articles together because each split inside it is as loose as the group (the event-series test), so a
    folder of 40 unrelated web pages listed "27 articles like ...". Only read once the pile is found mixed:
    a story's own reports are never split by it."""
    if len(group) > 1 and _mean_within(group, similarity) < CROSS_MAX:
        return [[member] for member in group]
    return [group]


def _apart(first: list[int], second: list[int], similarity: list[list[float]]) -> bool:
    """Two groups tell two stories: they share little, and little against what each group's own share."""
    cross = _mean_between(first, second, similarity)
    within = [_mean_within(group, similarity) for group in (first, second) if len(group) > 1]
    # Two single articles: nothing says how much one story's reports share, so they are one story.
    return bool(within) and cross < CROSS_MAX and cross < RATIO_MAX * min(within)


def _mean_between(a: list[int], b: list[int], similarity: list[list[float]]) -> float:
    return sum(similarity[i][j] for i in a for j in b) / (len(a) * len(b))


def _mean_within(group: list[int], similarity: list[list[float]]) -> float:
    pairs = [(i, j) for n, i in enumerate(group) for j in group[n + 1:]]
    return sum(similarity[i][j] for i, j in pairs) / len(pairs)

