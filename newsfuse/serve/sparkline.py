"""Small plots drawn as SVG coordinates on the server: no script and no external asset needed."""

from __future__ import annotations

import time
from dataclasses import dataclass

SPARK_WIDTH, SPARK_HEIGHT = 84, 18
TIMELINE_WIDTH, TIMELINE_HEIGHT = 640, 60


def sparkline_points(counts: list[int]) -> str:
    """A polyline's points for articles per bucket, scaled to the sparkline's box."""
    if not counts:
        return ""
    top = max(counts) or 1
    step = SPARK_WIDTH / max(len(counts) - 1, 1)
    return " ".join(f"{i * step:.1f},{SPARK_HEIGHT - 1 - (c / top) * (SPARK_HEIGHT - 2):.1f}"
                    for i, c in enumerate(counts))


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    label: str


def timeline_points(articles: list) -> list[Dot]:
    """One dot per article at the time it was seen; sources on their own rows."""
    if not articles:
        return []
    first = min(a.seen for a in articles)
    span = max(max(a.seen for a in articles) - first, 1.0)
    rows: dict[str, int] = {}
    for article in articles:
        rows.setdefault(article.source, len(rows))
    height = (TIMELINE_HEIGHT - 12) / max(len(rows), 1)
    return [Dot(10 + (a.seen - first) / span * (TIMELINE_WIDTH - 20), 6 + (rows[a.source] + 0.5) * height,
                f"{a.source}: {time.strftime('%Y-%m-%d %H:%M', time.gmtime(a.seen))} {a.title[:80]}")
            for a in articles]
