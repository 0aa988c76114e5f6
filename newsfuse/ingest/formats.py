"""Per-format readers: each turns one input's text into articles (or problems).

Formats: plain text, HTML, Markdown, JSON / JSON Lines records, Multi-News text (documents separated by
`|||||`) and RSS/Atom feeds. A reader yields `Article` or `Problem`; it never raises on bad content.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsfuse.ingest.dates import normalise_published
from newsfuse.model import Article, Problem

MULTINEWS_SEPARATOR = "|||||"

EXTENSION_FORMATS = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


def sniff_format(text: str, path: str = "-") -> str:
    """The format of an input, from its extension or, failing that, its first characters."""
    suffix = Path(path).suffix.lower() if path != "-" else None
    if suffix in EXTENSION_FORMATS and suffix != "":
        known = EXTENSION_FORMATS[suffix]
        # Multi-News clusters are plain text files whose documents are separated by `|||||`.
        return "multinews" if known == "text" and MULTINEWS_SEPARATOR in text else known
    head = text.lstrip()[:512].lower()
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head):
        return "feed"
    if head.startswith(("<rss", "<feed")):
        return "feed"
    if head.startswith("<") or "<html" in head or "<body" in head:
        return "html"
    if MULTINEWS_SEPARATOR in text:
        return "multinews"
    if suffix is None and re.match(r"#{1,6} \S", text.lstrip()):
        return "markdown"
    return "text"


# A line of a list of web addresses: an address, or a "#" comment (a feed list for `newsfuse follow --feeds`).
_LINK_LIST_LINE = re.compile(r"\s*(?:#.*|https?://\S+)\s*")


def link_list(text: str) -> int:
    """How many web addresses `text` lists when it is nothing but a list of them (with "#" comments), else 0:
    such a file is a feed list or a reading list, not an article."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines or not all(_LINK_LIST_LINE.fullmatch(line) for line in lines):
        return 0
    return sum(not line.lstrip().startswith("#") for line in lines)


def read_text_article(text: str, article_id: str, path: str) -> Article:
    """Plain text. The title is found by the cleaner: the first headline-shaped line that is not furniture."""
    return Article(id=article_id, text=text, path=path, format="text")


def read_multinews(text: str, path: str) -> Iterator[Article | Problem]:
    """Multi-News style: documents separated by `|||||`, with ids doc-1, doc-2, ..."""
    parts = [part.strip() for part in text.split(MULTINEWS_SEPARATOR)]
    for number, part in enumerate((part for part in parts if part), 1):
        yield Article(id=f"doc-{number}", text=part, path=path, format="multinews")


def read_markdown(text: str, article_id: str, path: str) -> Article:
    """Markdown: rendered to plain text so that markup never reaches a sentence; `# Heading` is the title."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    blocks: list[str] = []
    title = ""
    heading = False
    for token in tokens:
        if token.type == "heading_open":
            heading = True
        elif token.type == "heading_close":
            heading = False
        elif token.type == "inline":
            plain = "".join(
                child.content for child in (token.children or []) if child.type in ("text", "code_inline")
            ) or token.content
            plain = plain.strip()
            if not plain:
                continue
            if heading and not title:
                title = plain
            blocks.append(plain)
    plain_text = "\n\n".join(blocks)
    return Article(id=article_id, text=plain_text, title=title, path=path, format="markdown")


_RECORD_TEXT_FIELDS = ("text", "body", "content", "article")
# What `json.loads` raises on a text it cannot read: JSONDecodeError (a ValueError) when it is malformed,
# RecursionError when nested deeper than the parser recurses, and a plain ValueError for an integer of more
# digits than Python converts ("views": 99...9, 4,301 digits), though the text is valid JSON.
JSON_ERRORS = (ValueError, RecursionError)


def unreadable_json(error: ValueError | RecursionError) -> str:
    """Why well-formed JSON could not be read (`JSON_ERRORS` but JSONDecodeError), for a problem report."""
    if isinstance(error, RecursionError):
        return "JSON nested too deeply to read"
    return f"JSON holds a number of more than {sys.get_int_max_str_digits():,} digits"


# Half of a UTF-16 pair, as a JSON escape cut in two leaves it ("\ud83d" without its "\ude00"): no character,
# and no store or encoder takes it ("surrogates not allowed": `newsfuse ingest` lost the article, spaCy stopped
# the brief).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """`text` with each lone surrogate read as U+FFFD: one character for one, so offsets stay."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _without_surrogates(record: dict) -> dict:
    """The record's text values `without_lone_surrogates` (the record itself is left as it is)."""
    return {key: without_lone_surrogates(value) if isinstance(value, str) else value for key, value in record.items()}


def article_from_record(record: object, fallback_id: str, path: str) -> Article | Problem:
    """A JSON record `{"id", "title", "text" or "html", "url", "outlet", "published"}`."""
    if not isinstance(record, dict):
        return Problem(f"{path}:{fallback_id}", f"expected a JSON object, got {type(record).__name__}")
    record = _without_surrogates(record)
    article_id = str(record.get("id") or record.get("doc_id") or fallback_id)
    where = f"{path}:{article_id}"
    meta = {
        "title": str(record.get("title") or ""),
        "url": _str_or_none(record.get("url")),
        "outlet": _str_or_none(record.get("outlet") or record.get("source")),
        "published": _published(record.get("published") or record.get("date")),
        "byline": _str_or_none(record.get("byline") or record.get("author")),
    }
    if isinstance(record.get("html"), str) and record["html"].strip():
        from newsfuse.ingest.html import article_from_html

        result = article_from_html(record["html"], article_id, path)
        if isinstance(result, Problem):
            return Problem(where, result.reason)
        for key, value in meta.items():
            if value:
                setattr(result, key, value)
        result.format = "json"
        return result
    for key in _RECORD_TEXT_FIELDS:
        value = record.get(key)
        if isinstance(value, str):
            if not value.strip():
                return Problem(where, f'the "{key}" field is empty')
            return Article(id=article_id, text=value, path=path, format="json", **meta)
    return Problem(where, 'no "text" or "html" field')


def _str_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _published(value: object) -> str | None:
    """A record's date as text: epoch seconds (a JSON number) in canonical form, anything else as written
    (every date is then read, or reported as naming no day, with the others: `ingest.dates`)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return normalise_published(value)
        except ValueError:
            return str(value)
    return _str_or_none(value)


def read_json(text: str, base_id: str, path: str) -> Iterator[Article | Problem]:
    """A JSON array or object, or JSON Lines; a broken line is reported and the others are read."""
    stripped = text.strip()
    try:
        whole = json.loads(stripped)
    except JSON_ERRORS:  # read again as JSON Lines, which says which line
        whole = None
    if isinstance(whole, list):
        for number, record in enumerate(whole, 1):
            yield article_from_record(record, f"doc-{number}", path)
        return
    if isinstance(whole, dict):
        if isinstance(whole.get("documents"), list):  # a cluster record: {"id", "documents": [...]}
            yield from _cluster_documents(whole, path)
        else:
            yield article_from_record(whole, base_id or "doc-1", path)
        return
    # Records are separated by "\n" alone: splitlines() also breaks at U+2028 and U+0085, which JSON writers
    # leave unescaped inside strings (`json.dumps(..., ensure_ascii=False)`), and the record was lost.
    for item in json_lines(text.split("\n"), path):
        if isinstance(item, Problem):
            yield item
            continue
        line_number, record = item
        if isinstance(record, dict) and isinstance(record.get("documents"), list):
            yield from _cluster_documents(record, path)
        else:
            yield article_from_record(record, f"doc-{line_number}", path)


def json_lines(lines: Iterable[str], where: str) -> Iterator[tuple[int, object] | Problem]:
    """(line number, record) for each JSON line; a malformed line is a problem naming it, blank lines
    are skipped. Lazy: a stream of any length is read one line at a time."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            yield Problem(f"{where}:{number}", f"malformed JSON ({error.msg} at column {error.colno})")
        except JSON_ERRORS as error:
            yield Problem(f"{where}:{number}", unreadable_json(error))


def _cluster_documents(record: dict, path: str) -> Iterator[Article | Problem]:
    for number, document in enumerate(record["documents"], 1):
        if isinstance(document, str):
            yield Article(id=f"doc-{number}", text=document, path=path, format="json")
        else:
            yield article_from_record(document, f"doc-{number}", path)
