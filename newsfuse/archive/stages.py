"""The per-article and per-story stages, as plain functions that any engine maps over its data."""

from __future__ import annotations

import json
from collections.abc import Iterable

from newsfuse.archive.records import ArchiveArticle, ArchiveOptions
from newsfuse.cluster.dates import parse_published
from newsfuse.model import Article, Problem
from newsfuse.store.keys import source_name


def extract(key: int, article: Article) -> ArchiveArticle | Problem:
    """Clean the text, read header metadata (title, outlet, date) and detect the language of one article,
    with the same function `newsfuse brief` prepares its documents with."""
    from newsfuse.prepare import prepare_document

    try:
        # Preparing fills in a headline, byline, outlet and date found in the text's header. A record
        # (JSON, Parquet) states its date in a field or not at all, as `newsfuse cluster` reads it; a page
        # or a text file states it in its header, which is used when nothing else gives one.
        given, published = article.title, article.published
        document = prepare_document(article)
        if isinstance(document, Problem):
            return document
        if published is None and article.format != "json":
            published = article.published
        return ArchiveArticle(
            key=key, id=article.id, title=given, headline=article.title, text=article.text, url=article.url,
            outlet=article.outlet,
            published=published, published_time=parse_published(published),
            source=source_name(article.outlet, article.url) or f"(unnamed) {key}",
            language=document.language, words=document.words, path=article.path, format=article.format)
    except Exception as error:  # one bad article never sinks a batch
        return Problem(article.path or article.id, f"could not process article {article.id!r}: {error!r}")


def as_article(row: ArchiveArticle) -> Article:
    return Article(id=row.id, text=row.text, title=row.title, url=row.url, outlet=row.outlet,
                   published=row.published, path=row.path, format=row.format)


def time_order(row: ArchiveArticle) -> tuple[float, int]:
    """Publication order, undated articles last, ties in reading order."""
    return (row.published_time if row.published_time is not None else float("inf"), row.key)


def independent_sources(rows: Iterable[ArchiveArticle]) -> int:
    """Sources of the articles that are not copies (a copy's source is its original's: see `copies`)."""
    return len({row.source for row in rows if row.copy_of is None})


def story_brief(story: int, rows: list[ArchiveArticle], options: ArchiveOptions) -> tuple[int, str, int, str] | None:
    """(story, title, independent sources, brief JSON) for a story reported by enough sources, else None.

    The brief is `newsfuse brief --format json` of the story's first `brief_articles` articles in
    publication order."""
    from newsfuse.pipeline import BriefOptions, build_brief
    from newsfuse.render.json_out import brief_to_dict

    sources = independent_sources(rows)
    if sources < options.min_sources:
        return None
    chosen = sorted(rows, key=time_order)[: options.brief_articles]
    try:
        brief = build_brief([as_article(row) for row in chosen], BriefOptions(words=options.words,
                                                                              analysis=options.analysis))
        document = brief_to_dict(brief)
    except Exception as error:  # one story that fails is reported in its row, and the others go on
        document = {"error": f"could not build the brief: {error!r}"}
        return story, "", sources, json.dumps(document)
    return story, brief.title, sources, json.dumps(document, ensure_ascii=False)


def story_row(story: int, rows: list[ArchiveArticle]) -> tuple:
    """The `stories` table row of one story (columns in `tables.STORY_COLUMNS`)."""
    ordered = sorted(rows, key=time_order)
    first = ordered[0]
    title = next((row.headline.strip() for row in ordered if row.headline.strip()), "")
    if not title:
        title = first.text.strip().split("\n", 1)[0][:120]
    dates = [row.published_time for row in ordered if row.published_time is not None]
    return (story, title[:200], first.language, len(rows), sum(row.copy_of is not None for row in rows),
            independent_sources(rows), min(dates) if dates else None, max(dates) if dates else None)
