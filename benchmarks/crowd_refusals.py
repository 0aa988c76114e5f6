"""How the crowd rule's refusals split: joins refused to another event, and to the article's own event.

Shared by `grouping_sweep.py --refusals` and the test that the rule refuses mostly wrong joins.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from newsfuse.cluster.features import Terms
from newsfuse.cluster.online import OnlineClusterer
from newsfuse.cluster.params import DEFAULT_PARAMS, ClusterParams


def count_refusals(terms: Sequence[Terms], events: Sequence[Hashable], order: Sequence[int],
                   params: ClusterParams = DEFAULT_PARAMS) -> tuple[int, int]:
    """The single pass over the articles in `order`: (refused joins to another event, to the own event).
    A refused join is one whose best story cleared the floor but not the crowd (`Assignment.declined`);
    it was right to refuse when none of that story's members reports the article's event."""
    clusterer = OnlineClusterer(params)
    members: dict[int, list[int]] = {}  # story -> indices of its articles
    wrong = right = 0
    for index in order:
        assignment = clusterer.add(terms[index], key=index)
        if assignment.declined is not None:
            if any(events[member] == events[index] for member in members[assignment.declined]):
                right += 1
            else:
                wrong += 1
        members.setdefault(assignment.story, []).append(index)
        for split in clusterer.take_splits():
            members[split.old] = [member for member in members[split.old] if member not in split.moved]
            members[split.new] = list(split.moved)
    return wrong, right
