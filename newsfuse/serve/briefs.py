"""A story's brief for the web: computed once per story version and kept in the store's brief cache.

A cached brief is only served by the code that built it: its key holds the story's version (articles
gained or lost) and a fingerprint of newsfuse's own code and dependencies, so a server started after an
upgrade (or on another checkout) builds each story's brief again instead of serving the old code's.

The cached record holds the brief's JSON (the schema of `newsfuse brief --format json`) and what its
page shows: each summary sentence with the excerpts of every cited source (the HTML brief's excerpts,
the cited words marked in their paragraph), the numbered sources and the analysis sections.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from newsfuse.model import Brief, Problem
from newsfuse.serve.queries import story_version

BRIEF_WORDS = 200  # the length `newsfuse brief` uses by default
# One brief at a time: building one is CPU-bound, and two requests for the same new story should not
# both build it.
_BUILDING = threading.Lock()


@dataclass(frozen=True)
class CachedBrief:
    brief: dict  # brief_to_dict(...)
    view: dict  # what the story page shows
    version: str
    cached: bool  # served from the cache, not built by this request


_PROJECT_NAME = re.compile(r"[A-Za-z0-9._-]*")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """newsfuse's version, a digest of its Python sources and the versions of what it depends on: whatever
    can change a brief but the articles. Its version alone is not enough: a checkout's code changes under
    one version number. Read once per process (a few milliseconds)."""
    root = Path(__file__).resolve().parent.parent  # the newsfuse package
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    try:
        version, requirements = metadata.version("newsfuse"), metadata.requires("newsfuse") or []
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        version, requirements = "unknown", []
    for requirement in sorted(requirements):
        name = _PROJECT_NAME.match(requirement).group()  # "spacy==3.8.18" -> "spacy"
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:  # an optional extra not installed
            continue
    return f"{version}-{digest.hexdigest()[:12]}"


def cache_key(version: str) -> str:
    """The cache key of a story version's brief, as this code builds it."""
    return f"{version}@{code_fingerprint()}"


def story_brief_cached(db: sqlite3.Connection, story_id: int, since: float | None = None) -> CachedBrief | Problem:
    version = story_version(db, story_id)
    if version is None:
        return Problem(f"story {story_id}", "no such story in the database")
    key = cache_key(version) if since is None else f"{cache_key(version)}|since={since:.0f}"
    if since is None:
        found = _lookup(db, story_id, key)
        if found is not None:
            return found
    with _BUILDING:
        found = _lookup(db, story_id, key) if since is None else None  # built by a request this one waited for
        if found is not None:
            return found
        from newsfuse.pipeline import BriefOptions
        from newsfuse.render.json_out import brief_to_dict
        from newsfuse.store.briefs import story_brief

        brief = story_brief(db, story_id, BriefOptions(words=BRIEF_WORDS, analysis=True), since=since)
        if isinstance(brief, Problem):
            return brief
        record = {"brief": brief_to_dict(brief), "view": page_view(brief)}
        if since is not None:  # a visitor chooses `since`: an update brief is built for the request, never stored
            return CachedBrief(record["brief"], record["view"], key, cached=False)
        db.execute("BEGIN IMMEDIATE")
        try:
            # One row per story: its current version, built by this code, replaces every other.
            db.execute("DELETE FROM brief_cache WHERE story_id = ? AND version != ?", (story_id, key))
            db.execute("INSERT OR REPLACE INTO brief_cache (story_id, version, brief, created) VALUES (?, ?, ?, ?)",
                       (story_id, key, json.dumps(record, ensure_ascii=False), time.time()))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return CachedBrief(record["brief"], record["view"], key, cached=False)


def cached_only(db: sqlite3.Connection, story_id: int) -> CachedBrief | None:
    """The story's current brief when it is in the cache; never builds one."""
    version = story_version(db, story_id)
    return _lookup(db, story_id, cache_key(version)) if version else None


def _lookup(db: sqlite3.Connection, story_id: int, key: str) -> CachedBrief | None:
    row = db.execute("SELECT brief FROM brief_cache WHERE story_id = ? AND version = ?", (story_id, key)).fetchone()
    if row is None:
        return None
    record = json.loads(row[0])
    return CachedBrief(record["brief"], record["view"], key, cached=True)


def page_view(brief: Brief) -> dict:
    """What the story page shows, built with the HTML brief's own excerpt and numbering code."""
    from newsfuse.render.html import sentence_rows
    from newsfuse.render.numbering import other_stories_note, source_numbers
    from newsfuse.render.sections import analysis_sections, empty_summary_note, mixed_stories_note

    numbers = source_numbers(brief)
    # Stored as JSON: the excerpts as plain dicts.
    sentences = [{**row, "excerpts": [asdict(item) for item in row["excerpts"]]}
                 for row in sentence_rows(brief, numbers)]
    sources = [
        {"number": numbers[doc.id], "id": doc.id, "title": doc.title or doc.article.title, "outlet": doc.article.outlet,
         "published": doc.article.published, "url": doc.article.url, "kind": doc.kind, "words": doc.words,
         "copy_of": numbers.get(doc.duplicate_of) if doc.duplicate_of else None,
         "roundup": other_stories_note(len(doc.other_stories)) if doc.other_stories else None}
        for doc in brief.documents
    ]
    return {"title": brief.title, "sentences": sentences, "sources": sources, "empty_note": empty_summary_note(brief),
            "mixed_note": mixed_stories_note(brief, numbers),
            "sections": [[heading, rows] for heading, rows in analysis_sections(brief, numbers)],
            "problems": [str(problem) for problem in brief.problems]}
