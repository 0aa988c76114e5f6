"""The web app: routes over the story database, on Starlette (ASGI), with Jinja2 templates that escape
everything they are given. Every route reads; none writes anything a visitor chooses (the brief cache
is filled by reading), so no route takes a form and none needs a CSRF token."""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import asdict
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from newsfuse.cluster.dates import parse_published
from newsfuse.model import Problem
from newsfuse.serve import feeds, queries
from newsfuse.serve.briefs import cached_only, story_brief_cached
from newsfuse.serve.safety import SECURITY_HEADERS, safe_url
from newsfuse.serve.sparkline import sparkline_points, timeline_points

PAGE_SIZE = 30
API_MAX_LIMIT = 200
SITE_TITLE = "newsfuse"


class Store:
    """One SQLite connection per worker thread (a connection must stay in the thread that made it)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()

    def db(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            from newsfuse.store.db import connect

            connection = self._local.connection = connect(self.path)
        return connection


def _templates() -> Jinja2Templates:
    from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

    # The story page shows the summary with the same markup as `newsfuse brief --format html` (render's
    # summary_parts.html).
    loader = ChoiceLoader([PackageLoader("newsfuse.serve", "templates"), PackageLoader("newsfuse.render", "templates")])
    environment = Environment(loader=loader,
                              autoescape=select_autoescape(["html", "svg"], default=True),
                              trim_blocks=True, lstrip_blocks=True)
    environment.globals["safe_url"] = safe_url
    environment.filters["iso"] = lambda stamp: feeds.iso(stamp)[:16].replace("T", " ")
    return Jinja2Templates(env=environment)


def create_app(db_path: str | Path) -> Starlette:
    store = Store(db_path)
    templates = _templates()

    def render(request: Request, name: str, status: int = 200, **context) -> Response:
        return templates.TemplateResponse(request, name, context, status_code=status)

    def index(request: Request) -> Response:
        query = request.query_params.get("q", "").strip()
        since, until, error = _date_range(request)
        page = _page(request)
        result = queries.stories_page(store.db(), query or None, since, until, (page - 1) * PAGE_SIZE, PAGE_SIZE)
        spark = queries.coverage(store.db(), result.stories)
        rows = [{"story": story, "spark": sparkline_points(spark[story.id])} for story in result.stories]
        return render(request, "index.html", rows=rows, query=query, page=page, has_more=result.has_more,
                      total=result.total, since=request.query_params.get("from", ""),
                      until=request.query_params.get("to", ""), error=error)

    def story(request: Request) -> Response:
        story_id = request.path_params["story_id"]
        row = _story_or_404(store.db(), story_id)
        since_text = request.query_params.get("since", "").strip()
        since = None
        if since_text:
            since = parse_published(since_text)
            if since is None:
                return render(request, "error.html", 400, message=f"not a date or time: {since_text!r}")
        result = story_brief_cached(store.db(), story_id, since)
        articles = queries.story_article_rows(store.db(), story_id)
        if isinstance(result, Problem):
            return render(request, "story.html", story=row, view=None, problem=result.reason, articles=articles,
                          kinds={}, since=since_text, timeline=timeline_points(articles))
        kinds = {int(source["id"]): source["kind"] for source in result.brief["sources"] if source["id"].isdigit()}
        return render(request, "story.html", story=row, view=result.view, problem=None, articles=articles,
                      kinds=kinds, since=since_text, timeline=timeline_points(articles), cached=result.cached)

    def article(request: Request) -> Response:
        from newsfuse.model import Article
        from newsfuse.serve.article_view import article_paragraphs

        row = queries.article_row(store.db(), request.path_params["article_id"])
        if row is None:
            raise HTTPException(404, "no such article")
        mark = _mark(request, len(row.text))
        paragraphs = article_paragraphs(Article(id=str(row.id), text=row.text, title=row.title, url=row.url,
                                                outlet=row.outlet, published=row.published, format="json"), mark)
        return render(request, "article.html", article=row, paragraphs=paragraphs, marked=mark is not None)

    def api_stories(request: Request) -> Response:
        since, until, error = _date_range(request)
        if error:
            return JSONResponse({"error": error}, 400)
        limit = _int(request.query_params.get("limit"), PAGE_SIZE, 1, API_MAX_LIMIT)
        offset = _int(request.query_params.get("offset"), 0, 0, 10**9)
        query = request.query_params.get("q", "").strip() or None
        result = queries.stories_page(store.db(), query, since, until, offset, limit)
        return JSONResponse({"stories": [_story_record(s, request) for s in result.stories],
                             "has_more": result.has_more, "offset": offset, "limit": limit})

    def api_search(request: Request) -> Response:
        query = request.query_params.get("q", "").strip()
        if not query:
            return JSONResponse({"error": "give words to search for: /api/search?q=WORDS"}, 400)
        limit = _int(request.query_params.get("limit"), PAGE_SIZE, 1, API_MAX_LIMIT)
        result = queries.stories_page(store.db(), query, None, None, 0, limit)
        return JSONResponse({"query": query, "stories": [_story_record(s, request) for s in result.stories],
                             "has_more": result.has_more})

    def api_brief(request: Request) -> Response:
        story_id = request.path_params["story_id"]
        since_text = request.query_params.get("since", "").strip()
        since = parse_published(since_text) if since_text else None
        if since_text and since is None:
            return JSONResponse({"error": f"since: not a date or time: {since_text!r}"}, 400)
        result = story_brief_cached(store.db(), story_id, since)
        if isinstance(result, Problem):
            status = 404 if "no such story" in result.reason else 422
            return JSONResponse({"error": result.reason}, status)
        return JSONResponse(result.brief)

    def _feed_stories(request: Request) -> list:
        """The newest stories with their briefs; briefs not yet built are built while time allows (the
        rest say so, and the reader's next poll gets them), so a first poll does not time out."""
        rows = queries.stories_page(store.db(), None, None, None, 0, feeds.FEED_STORIES).stories
        deadline = time.monotonic() + feeds.FEED_BUILD_SECONDS
        result = []
        for row in rows:
            brief = cached_only(store.db(), row.id)
            if brief is None and time.monotonic() < deadline:
                brief = story_brief_cached(store.db(), row.id)
            changed = queries.last_ingested(store.db(), row.id) or row.last_seen
            result.append((row, None if brief is None or isinstance(brief, Problem) else brief.brief, changed))
        return result

    def feed_atom(request: Request) -> Response:
        body = feeds.atom_feed(_feed_stories(request), str(request.base_url), f"{SITE_TITLE}: stories")
        return Response(body, media_type="application/atom+xml; charset=utf-8")

    def feed_json(request: Request) -> Response:
        return JSONResponse(feeds.json_feed(_feed_stories(request), str(request.base_url), f"{SITE_TITLE}: stories"),
                            media_type="application/feed+json")

    def healthz(request: Request) -> Response:
        stories, articles = queries.counts(store.db())
        return JSONResponse({"status": "ok", "stories": stories, "articles": articles})

    async def not_found(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, exc.status_code)
        return render(request, "error.html", exc.status_code, message=exc.detail)

    async def server_error(request: Request, exc: Exception) -> Response:
        message = "something went wrong on the server; the log says what"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, 500)
        return render(request, "error.html", 500, message=message)

    routes = [
        Route("/", index),
        Route("/stories/{story_id:int}", story),
        Route("/articles/{article_id:int}", article),
        Route("/api/stories", api_stories),
        Route("/api/stories/{story_id:int}/brief", api_brief),
        Route("/api/search", api_search),
        Route("/feed.atom", feed_atom),
        Route("/feed.json", feed_json),
        Route("/healthz", healthz),
        Mount("/static", StaticFiles(packages=[("newsfuse.serve", "static")]), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found, 500: server_error})
    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.extend((k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items())
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _story_or_404(db: sqlite3.Connection, story_id: int):
    from newsfuse.store.queries import get_story

    row = get_story(db, story_id)
    if row is None:
        raise HTTPException(404, f"no story {story_id} in the database")
    return row


def _story_record(story, request: Request) -> dict:
    record = asdict(story)
    record["first_seen"] = feeds.iso(story.first_seen)
    record["last_seen"] = feeds.iso(story.last_seen)
    record["url"] = f"{request.base_url}stories/{story.id}"
    record["brief"] = f"{request.base_url}api/stories/{story.id}/brief"
    return record


def _date_range(request: Request) -> tuple[float | None, float | None, str | None]:
    """`from` and `to` (dates or times, `to` inclusive of its whole day when only a day is given)."""
    values, errors = [], []
    for name in ("from", "to"):
        text = request.query_params.get(name, "").strip()
        stamp = parse_published(text) if text else None
        if text and stamp is None:
            errors.append(f"{name}: not a date: {text!r}")
        if stamp is not None and name == "to" and len(text) <= 10:
            stamp += 86_400
        values.append(stamp)
    return values[0], values[1], "; ".join(errors) or None


def _page(request: Request) -> int:
    return _int(request.query_params.get("page"), 1, 1, 10**6)


def _int(text: str | None, default: int, low: int, high: int) -> int:
    try:
        value = int(text) if text is not None else default
    except ValueError:
        return default
    return min(max(value, low), high)


def _mark(request: Request, length: int) -> tuple[int, int] | None:
    start = request.query_params.get("start", "")
    end = request.query_params.get("end", "")
    if not (start.isdigit() and end.isdigit()):
        return None
    low, high = int(start), int(end)
    return (low, high) if 0 <= low < high <= length else None
