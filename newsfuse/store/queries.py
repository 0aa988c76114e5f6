"""Reading the story database: story lists and a story's articles."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsfuse.model import Article


@dataclass(frozen=True)
class StoryRow:
    id: int
    title: str
    articles: int
    copies: int
    sources: int
    first_seen: float
    last_seen: float


# The stories table's columns in StoryRow's order (every reader of story rows selects these).
STORY_COLUMNS = "id, title, articles, copies, sources, first_seen, last_seen"


def list_stories(db: sqlite3.Connection, since: float | None = None, limit: int | None = None,
                 min_articles: int = 1) -> list[StoryRow]:
    """Stories seen since `since` (or all), most recently active first. Served by the last_seen index."""
    query = (f"SELECT {STORY_COLUMNS} FROM stories "
             "WHERE last_seen >= ? AND articles >= ? ORDER BY last_seen DESC, id DESC")
    parameters: list = [since if since is not None else float("-inf"), min_articles]
    if limit is not None:
        query += " LIMIT ?"
        parameters.append(limit)
    return [StoryRow(*row) for row in db.execute(query, parameters)]


def get_story(db: sqlite3.Connection, story_id: int) -> StoryRow | None:
    row = db.execute(f"SELECT {STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,)).fetchone()
    return StoryRow(*row) if row else None


def story_articles(db: sqlite3.Connection, story_id: int, before: float | None = None,
                   since: float | None = None) -> list[Article]:
    """The story's articles in the order seen, with the time window [since, before) when given."""
    query = ("SELECT id, source_id, title, text, url, outlet, published FROM articles "
             "WHERE story_id = ? AND seen >= ? AND seen < ? ORDER BY seen, id")
    low = since if since is not None else float("-inf")
    high = before if before is not None else float("inf")
    return [
        Article(id=f"{row_id}", text=text, title=title or "", url=url, outlet=outlet, published=published,
                path=f"article {row_id} ({source_id})", format="json")
        for row_id, source_id, title, text, url, outlet, published in db.execute(query, (story_id, low, high))
    ]
