"""The clusterer's two parameters, and why they have their values (kept free of heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass

# Mean cosine between an article and a story's two nearest members needed to join it (online.py).
# Chosen with the entity weight and the prior on tuning data: the even lines of allsides-neus (real
# concurrent news, many stories on the same people) and the odd-numbered ECB+ topics (two events of one
# kind per topic), as the best mean of the two F1s (0.30: 0.879/0.758, 0.32: 0.871/0.767, 0.34:
# 0.854/0.769); the odd lines and even topics were held out and scored once (docs/stories.md).
JOIN_THRESHOLD = 0.32
# Stories with no article for this long leave the index (a later article opens a new story). News
# stories run for days; a week keeps a slow story together while bounding memory to a week of news.
WINDOW_DAYS = 7.0


@dataclass(frozen=True)
class ClusterParams:
    threshold: float = JOIN_THRESHOLD
    window_days: float = WINDOW_DAYS


DEFAULT_PARAMS = ClusterParams()
