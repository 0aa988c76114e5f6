"""Grouping linked items transitively (union-find).

SciPy has this as `scipy.cluster.hierarchy.DisjointSet`, but importing that module costs about 0.3 s
of a brief's 3 s start-up budget (it loads the whole clustering package); the structure itself is a
few lines, with the same interface the analysis uses.
"""

from __future__ import annotations

from collections.abc import Iterable


class DisjointSet:
    """Items merged into groups; `self[item]` is the group's representative."""

    def __init__(self, items: Iterable[int]):
        self._parent = {item: item for item in items}

    def __getitem__(self, item: int) -> int:
        root = item
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[item] != root:  # path compression
            self._parent[item], item = root, self._parent[item]
        return root

    def merge(self, a: int, b: int) -> None:
        root_a, root_b = self[a], self[b]
        if root_a != root_b:
            self._parent[max(root_a, root_b)] = min(root_a, root_b)

    def subsets(self) -> list[set[int]]:
        groups: dict[int, set[int]] = {}
        for item in self._parent:
            groups.setdefault(self[item], set()).add(item)
        return list(groups.values())
