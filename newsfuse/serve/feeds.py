"""The story feed: `/feed.atom` (RFC 4287) and `/feed.json` (JSON Feed 1.1), one entry per story,
updated as the story grows, whose content is the story's brief with its citations and source links.

A feed reader that folds one story from many feeds into one item gets exactly that from this feed.
"""

from __future__ import annotations

import html
import re
import time
import xml.etree.ElementTree as ET

from newsfuse import __version__
from newsfuse.serve.safety import safe_url
from newsfuse.store.queries import StoryRow

ATOM = "http://www.w3.org/2005/Atom"
FEED_STORIES = 20  # the newest stories; a reader keeps the older entries it already has
# Seconds one feed request may spend building briefs not yet cached: readers give up after about 30.
FEED_BUILD_SECONDS = 10.0
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold


def iso(stamp: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))


def brief_html(brief: dict | None, story_url: str) -> str:
    """The brief as an HTML fragment: sentences with their citations, then the numbered sources."""
    if brief is None:
        return f'<p>The brief of this story is being prepared: <a href="{html.escape(story_url)}">open it</a>.</p>'
    numbers = {source["id"]: number for number, source in enumerate(brief["sources"], 1)}
    parts = []
    for sentence in brief["summary"]:
        cites = ",".join(str(numbers[i]) for i in sorted(sentence["sources"], key=lambda i: numbers.get(i, 0))
                         if i in numbers)
        mark = " <em>(headline)</em>" if sentence.get("headline") else ""  # briefs stored before it have no field
        parts.append(f"<p>{html.escape(sentence['text'])}{mark} [{cites}]</p>")
    parts.append("<ol>")
    for source in brief["sources"]:
        label = html.escape(source["title"] or source["id"])
        outlet = f" ({html.escape(source['outlet'])})" if source.get("outlet") else ""
        url = safe_url(source.get("url"))
        link = f'<a href="{html.escape(url)}">{label}</a>' if url else label
        parts.append(f"<li>{link}{outlet}</li>")
    parts.append("</ol>")
    parts.append(f'<p><a href="{html.escape(story_url)}">The story, with every source\'s words</a></p>')
    return "\n".join(parts)


def atom_feed(stories: list[tuple[StoryRow, dict | None, float]], base_url: str, title: str) -> bytes:
    """Each story with its brief (None: not built yet) and when it last changed."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    _text(root, "title", title)
    _text(root, "id", base_url)
    _text(root, "updated", iso(max((changed for _, _, changed in stories), default=0.0)))
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", href=base_url + "feed.atom")
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate", href=base_url)
    generator = _text(root, "generator", "newsfuse")
    generator.set("version", __version__)
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", "newsfuse")
    for story, brief, changed in stories:
        url = f"{base_url}stories/{story.id}"
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        _text(entry, "title", story.title or f"Story {story.id}")
        _text(entry, "id", url)
        _text(entry, "published", iso(story.first_seen))
        _text(entry, "updated", iso(changed))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
        _text(entry, "summary", f"{story.articles} articles from {story.sources} independent sources")
        content = _text(entry, "content", brief_html(brief, url))
        content.set("type", "html")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def json_feed(stories: list[tuple[StoryRow, dict | None, float]], base_url: str, title: str) -> dict:
    items = []
    for story, brief, changed in stories:
        url = f"{base_url}stories/{story.id}"
        items.append({
            "id": url,
            "url": url,
            "title": story.title or f"Story {story.id}",
            "content_html": brief_html(brief, url),
            "summary": f"{story.articles} articles from {story.sources} independent sources",
            "date_published": iso(story.first_seen),
            "date_modified": iso(changed),
        })
    return {"version": "https://jsonfeed.org/version/1.1", "title": title, "home_page_url": base_url,
            "feed_url": base_url + "feed.json", "authors": [{"name": "newsfuse"}], "items": items}


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = _NOT_XML.sub("", value)
    return element
