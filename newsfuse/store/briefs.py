"""Briefs from the database: a story's brief, or its update brief (only what is new since a time).

The update brief follows the DUC 2007 update task: the articles seen before TIME are what the reader
already knows; the summary is built from the later ones, and a concept or sentence the earlier ones
already told earns nothing (`Summariser.summarise(new, known=old)`).
"""

from __future__ import annotations

import sqlite3

from newsfuse.analyse.kind import classify_kind
from newsfuse.dedupe import mark_copies
from newsfuse.model import Brief, Problem
from newsfuse.pipeline import BriefOptions, build_brief, choose_title, prepare_all
from newsfuse.store.queries import get_story, story_articles
from newsfuse.summarise import Summariser


def story_brief(db: sqlite3.Connection, story_id: int, options: BriefOptions, since: float | None = None
                ) -> Brief | Problem:
    story = get_story(db, story_id)
    if story is None:
        return Problem(f"story {story_id}", "no such story in the database")
    if since is None:
        brief = build_brief(story_articles(db, story_id), options)
        brief.title = story.title or brief.title
        return brief
    known_articles = story_articles(db, story_id, before=since)
    new_articles = story_articles(db, story_id, since=since)
    if not new_articles:
        return Problem(f"story {story_id}", "nothing new since that time")
    documents, problems = prepare_all([*known_articles, *new_articles])
    mark_copies(documents)  # a new copy of a known article is not news
    new_ids = {article.id for article in new_articles}
    new = [doc for doc in documents if doc.id in new_ids]
    known = [doc for doc in documents if doc.id not in new_ids]
    for doc in new:
        verdict = classify_kind(doc)
        doc.kind, doc.kind_reasons = verdict.kind, verdict.reasons
    opinion = frozenset(doc.id for doc in new if doc.kind != "report")
    summary = Summariser(words=options.words).summarise(new, opinion=opinion, known=known)
    if not summary:
        problems.append(Problem(f"story {story_id}", f"{len(new)} new article(s), but every sentence in them "
                                "repeats what was known before that time", fatal=False))
    brief = Brief(title=choose_title(new, summary), summary=summary, documents=new, problems=problems,
                  words=options.words)
    if options.analysis and new:
        from newsfuse.analyse import analyse

        brief.analysis = analyse(brief)
    return brief
