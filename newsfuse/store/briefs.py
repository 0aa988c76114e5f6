"""Briefs from the database: a story's brief, or its update brief (only what is new since a time).

The update brief follows the DUC 2007 update task: the articles seen before TIME are what the reader
already knows; the summary is built from the later ones, and a concept or sentence the earlier ones
already told earns nothing (`build_brief(new, known=old)`).
"""

from __future__ import annotations

import sqlite3

from newsfuse.model import Brief, Problem
from newsfuse.pipeline import BriefOptions, build_brief
from newsfuse.store.queries import get_story, story_articles


def story_brief(db: sqlite3.Connection, story_id: int, options: BriefOptions, since: float | None = None
                ) -> Brief | Problem:
    story = get_story(db, story_id)
    if story is None:
        return Problem(f"story {story_id}", "no such story in the database")
    if since is None:
        brief = build_brief(story_articles(db, story_id), options)
        brief.title = story.title or brief.title
        return brief
    new_articles = story_articles(db, story_id, since=since)
    if not new_articles:
        return Problem(f"story {story_id}", "nothing new since that time")
    brief = build_brief(new_articles, options, known=story_articles(db, story_id, before=since))
    if not brief.summary:
        brief.problems.append(Problem(f"story {story_id}", f"{len(new_articles)} new article(s), but every "
                                      "sentence in them repeats what was known before that time", fatal=False))
    return brief
