"""What the pages read from the story database: story lists (filtered by dates and words), coverage
counts for sparklines, a story's articles, one article. SQL only with bound parameters."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from newsfuse.store.queries import STORY_COLUMNS, StoryRow

_DAY = 86_400.0
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 12  # a longer search is cut: each word is one more posting list to intersect


@dataclass(frozen=True)
class StoryPage:
    stories: list[StoryRow]
    total: int | None  # None when the count was not taken (a search: counting every match costs more than a page)
    has_more: bool


@dataclass(frozen=True)
class ArticleRow:
    id: int
    story_id: int
    source_id: str
    title: str
    text: str
    url: str | None
    outlet: str | None
    source: str
    published: str | None
    seen: float
    copy_of: int | None


def match_expression(words: str) -> str | None:
    """User words -> an FTS5 query: every word must occur (prefix match on the last), none taken as syntax."""
    tokens = _WORD.findall(words)[:MAX_QUERY_WORDS]
    if not tokens:
        return None
    quoted = [f'"{token}"' for token in tokens]  # \w+ holds no quote: each is one plain term
    quoted[-1] += "*"
    return " ".join(quoted)


def stories_page(db: sqlite3.Connection, query: str | None = None, since: float | None = None,
                 until: float | None = None, offset: int = 0, limit: int = 30) -> StoryPage:
    """Stories newest first (by last seen); with words, only stories with an article that holds them."""
    low = since if since is not None else float("-inf")
    high = until if until is not None else float("inf")
    expression = match_expression(query) if query else None
    if query and expression is None:
        return StoryPage([], 0, False)
    if expression is None:
        rows = db.execute(
            f"SELECT {STORY_COLUMNS} FROM stories WHERE last_seen >= ? AND last_seen < ? "
            "ORDER BY last_seen DESC, id DESC LIMIT ? OFFSET ?", (low, high, limit + 1, offset)).fetchall()
        total = None
        if offset == 0 and len(rows) <= limit:
            total = len(rows)
        elif since is None and until is None:
            total = db.execute("SELECT count(*) FROM stories").fetchone()[0]
    else:
        rows = _matching_stories(db, expression, low, high, offset + limit + 1)[offset:]
        total = len(rows) if offset == 0 and len(rows) <= limit else None
    stories = [StoryRow(*row) for row in rows[:limit]]
    return StoryPage(stories, total, len(rows) > limit)


def _matching_stories(db: sqlite3.Connection, expression: str, low: float, high: float, wanted: int) -> list:
    """Stories with a matching article, by their newest matching article (newest first). Matches are read
    newest first and reading stops once enough stories are found, so a word in half the store costs
    about as much as a rare one; sorting every match by its story's last activity did not (0.5 s for a
    word in 28,000 of 50,000 articles)."""
    seen: set[int] = set()
    kept: list[tuple] = []
    matches = db.execute("SELECT a.story_id FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                         "WHERE articles_fts MATCH ? ORDER BY f.rowid DESC", (expression,))
    for (story,) in matches:
        if story in seen:
            continue
        seen.add(story)
        row = db.execute(f"SELECT {STORY_COLUMNS} FROM stories WHERE id = ? AND last_seen >= ? AND last_seen < ?",
                         (story, low, high)).fetchone()
        if row is not None:
            kept.append(row)
            if len(kept) >= wanted:
                break
    return kept


def coverage(db: sqlite3.Connection, stories: list[StoryRow], buckets: int = 14) -> dict[int, list[int]]:
    """Articles per time bucket over each story's life (first to last seen), for a sparkline."""
    result: dict[int, list[int]] = {}
    for story in stories:
        counts = [0] * buckets
        width = max(story.last_seen - story.first_seen, 1.0) / buckets
        for (seen,) in db.execute("SELECT seen FROM articles WHERE story_id = ?", (story.id,)):
            counts[min(int((seen - story.first_seen) / width), buckets - 1)] += 1
        result[story.id] = counts
    return result


def story_version(db: sqlite3.Connection, story_id: int) -> str | None:
    """Changes whenever the story gains or loses an article: its article count and its newest article."""
    count, newest = db.execute("SELECT count(*), max(id) FROM articles WHERE story_id = ?", (story_id,)).fetchone()
    return f"{count}.{newest}" if count else None


def story_article_rows(db: sqlite3.Connection, story_id: int) -> list[ArticleRow]:
    return [ArticleRow(*row) for row in db.execute(
        "SELECT id, story_id, source_id, title, '', url, outlet, source, published, seen, copy_of FROM articles "
        "WHERE story_id = ? ORDER BY seen, id", (story_id,))]


def article_row(db: sqlite3.Connection, article_id: int) -> ArticleRow | None:
    row = db.execute("SELECT id, story_id, source_id, title, text, url, outlet, source, published, seen, copy_of "
                     "FROM articles WHERE id = ?", (article_id,)).fetchone()
    return ArticleRow(*row) if row else None


def last_ingested(db: sqlite3.Connection, story_id: int) -> float | None:
    """When the story last changed: its newest article's arrival (a late article may be dated earlier)."""
    return db.execute("SELECT max(ingested) FROM articles WHERE story_id = ?", (story_id,)).fetchone()[0]


def counts(db: sqlite3.Connection) -> tuple[int, int]:
    stories = db.execute("SELECT count(*) FROM stories").fetchone()[0]
    articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    return stories, articles
