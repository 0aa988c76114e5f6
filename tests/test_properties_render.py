"""Property tests for the renderers: whatever the input says, the output shows it and never obeys it.

Briefs are built by the real pipeline from articles whose title, id, URL, outlet, date, path and text are
arbitrary Unicode mixed with the pieces attackers use (HTML, Markdown links, `javascript:` URLs, terminal
escape sequences, undecodable file-name bytes). Then:
- the Markdown, parsed by a CommonMark parser, holds no raw HTML, image, code or link of the input's own
  (only http/https autolinks), and its heading reads exactly as the title;
- the HTML page holds only the template's tags, no event handler, links only to http/https, and its
  heading reads exactly as the title;
- text, Markdown and HTML hold no control character but newline and tab, and no lone surrogate;
- the JSON is valid UTF-8, inert on a terminal, and keeps the input's text exactly.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newsfuse.display import json_safe, link_url, printable
from newsfuse.model import Article, Brief
from newsfuse.pipeline import BriefOptions, build_brief
from newsfuse.render import render_html, render_json, render_markdown, render_text
from newsfuse.render.numbering import disputed_notes, source_numbers

HOSTILE_PIECES = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</h1><h1>", "<!--", "-->", "<![CDATA[",
    "javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,<b>x</b>", "[click](javascript:alert(1))",
    "![pic](http://x/y.png)", "<http://x.test/>", "[ref]: http://x.test/", "*bold*", "**b**", "_e_", "`code`",
    "```", "# ", "## ", "- ", "+ ", "1. ", "2) ", "> ", "|a|b|", "~~s~~", "&lt;", "&#x3c;", "&amp;", "\\", "\n",
    "\r\n", "\t", "    indented", "\x1b[2J", "\x1b]0;title\x07", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "\x9b31m",
    "\x9d8;;x\x9c", "\x00", "\x7f", "\x85", "\udcff", "\udce9", "\ud800", "\u202e", "\ufeff", '"', "'", "=\n===",
    "http://ok.test/a?b=1&c=2", "https://ok.test/<x>", "café", "北京", "🙂",
]

hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=12)), max_size=8).map("".join)
hostile_url = st.one_of(st.none(), hostile_text, st.sampled_from(
    ["https://news.test/a", "http://news.test/b?x=1&y=2", "javascript:alert(1)", " javascript:alert(1)",
     "java\tscript:alert(1)", "vbscript:x", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd",
     "//evil.test/x", "https://news.test/\x1b[2J", "HTTPS://NEWS.TEST/C", "https://[::1"]))

BODY = "Dock workers {} began a strike on Monday, the union said.\n\nTalks resume on Friday, a spokesman added."
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def briefs(draw) -> Brief:
    articles = []
    for number in range(draw(st.integers(1, 2))):
        articles.append(Article(
            id=draw(hostile_text) or f"doc-{number}", title=draw(hostile_text), url=draw(hostile_url),
            outlet=draw(st.none() | hostile_text), published=draw(st.none() | hostile_text),
            path=draw(st.none() | hostile_text), text=BODY.format(draw(hostile_text)) + " " * number, format="json"))
    if len({a.id for a in articles}) < len(articles):
        articles[1].id += "~2"
    brief = build_brief(articles, BriefOptions(words=100, analysis=False))
    assume(brief.documents and brief.summary)
    if draw(st.booleans()):
        brief.analysis = _Analysis(draw(analyses(brief)))
    return brief


class _Analysis:
    """An analysis in its JSON form, as the renderers read it, with words chosen by the test."""

    def __init__(self, form: dict) -> None:
        self.form = form
        self.summary = form.get("summary") or []  # as `Analysis.summary`: the per-sentence rows, already JSON

    def to_dict(self) -> dict:
        return self.form


@st.composite
def analyses(draw, brief: Brief) -> dict:
    """An analysis section of every kind, its words from the input."""
    ids = [doc.id for doc in brief.documents]
    text = hostile_text
    return {
        "claims": [{"text": draw(text), "only_in": draw(st.none() | st.sampled_from(ids)), "sources": ids,
                    "independent_sources": len(ids),
                    "disputed": [{"conflict": "C1", "thing": draw(text), "value": draw(text),
                                  "others": [{"value": draw(text), "sources": ids[:1]}]}]}],
        "conflicts": [{"thing": draw(text), "values": [{"value": draw(text), "date": draw(st.none() | text),
                                                        "sources": ids[:1]}]}],
        "quotes": [{"text": draw(text), "speaker": {"name": draw(text), "role": draw(st.none() | text)},
                    "sources": ids}],
        "entities": [{"name": draw(text), "type": draw(text), "aliases": [draw(text), draw(text)],
                      "roles": [draw(text)], "sources": ids, "independent_sources": 2}],
        "timeline": {"events": [{"date": draw(text), "text": draw(text), "sources": ids, "inferred": False,
                                 "independent_sources": 1}]},
        "sources": [{"id": ids[0], "kind": draw(text), "reasons": [draw(text)], "adds": {}, "copy_of": None}],
        "notes": [draw(text)],
        # The first summary sentence takes a side in a disagreement; what the other source gives is input text.
        "summary": [{"disputed": [{"conflict": "C1", "thing": draw(text), "value": draw(text),
                                   "others": [{"value": draw(text), "sources": ids[:1]}]}] if index == 0 else []}
                    for index in range(len(brief.summary))],
    }


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _inline_text(token) -> str:
    return "".join(child.content for child in token.children or [] if child.type in ("text", "softbreak"))


@PROPERTY_SETTINGS
@given(briefs())
def test_markdown_shows_input_as_text_and_never_as_markup(brief: Brief) -> None:
    tokens = MarkdownIt("commonmark").parse(render_markdown(brief))  # raw HTML enabled, as on most sites
    flat = [t for token in tokens for t in [token, *(token.children or [])]]
    kinds = {t.type for t in flat}
    assert not kinds & {"html_block", "html_inline", "image", "code_inline", "code_block", "fence", "hr",
                        "blockquote_open", "lheading"}
    for link in (t for t in flat if t.type == "link_open"):
        assert link.attrGet("href").lower().startswith(("http://", "https://"))
    # The structure is newsfuse's alone: one emphasis for the counts line and one per disputed note, one list
    # item per sentence, source and analysis row, no list inside an item.
    notes = sum(bool(note) for note in disputed_notes(brief, source_numbers(brief)))
    assert sum(t.type == "em_open" for t in flat) == 1 + notes and "strong_open" not in kinds
    headings = [t for t in tokens if t.type == "heading_open"]
    assert [h.tag for h in headings].count("h1") == 1
    rows = sum(len(rows) for rows in _section_rows(brief))
    assert sum(t.type == "list_item_open" for t in tokens) == len(brief.summary) + len(brief.documents) + rows
    assert all(t.level == 1 for t in tokens if t.type == "list_item_open")
    # The title reads as written, markup and all (on one line, runs of white space as one space).
    assert _inline_text(tokens[1]) == " ".join(printable(brief.title).split())


def _section_rows(brief: Brief) -> list[list[str]]:
    from newsfuse.render.sections import analysis_sections

    return [rows for _heading, rows in analysis_sections(brief, source_numbers(brief))]


# "em": the "(headline)" mark of a summary told by its sources' headlines.
TEMPLATE_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "section", "details", "summary",
                 "span", "time", "div", "br", "mark", "ol", "li", "a", "ul", "em"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.open: list[str] = []
        self.h1 = ""

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, attrs))
        self.open.append(tag)

    def handle_endtag(self, tag) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_data(self, data) -> None:
        if self.open and self.open[-1] == "h1":
            self.h1 += data


@PROPERTY_SETTINGS
@given(briefs())
def test_html_page_holds_only_its_template_markup(brief: Brief) -> None:
    page = _Page()
    page.feed(render_html(brief))
    assert {tag for tag, _ in page.tags} <= TEMPLATE_TAGS
    links = [dict(attrs)["href"] for tag, attrs in page.tags if tag == "a"]
    assert links == [link_url(doc.article.url) for doc in brief.documents if link_url(doc.article.url)]
    for href in links:
        assert href.lower().startswith(("http://", "https://"))
    for _tag, attrs in page.tags:
        assert not [name for name, _ in attrs if name.startswith("on")]
    assert page.h1 == printable(brief.title)


@PROPERTY_SETTINGS
@given(briefs())
def test_human_formats_hold_no_control_character_from_the_input(brief: Brief) -> None:
    for render in (render_text, render_markdown, render_html):
        output = render(brief)
        assert not CONTROL.search(output), render.__name__
        output.encode("utf-8")  # never a lone surrogate


@PROPERTY_SETTINGS
@given(briefs())
def test_json_is_valid_utf8_inert_and_keeps_the_text(brief: Brief) -> None:
    output = render_json(brief)
    data = json.loads(output.encode("utf-8").decode("utf-8"))
    assert not re.search(r"[\x7f-\x9f\ud800-\udfff]", output)
    if not re.search(r"[\ud800-\udfff]", brief.title):
        assert data["title"] == brief.title  # control characters kept, as JSON escapes
    assert [source["id"] for source in data["sources"]] == [
        json.loads(json_safe(json.dumps(doc.id, ensure_ascii=False))) for doc in brief.documents]


@settings(max_examples=300, deadline=None)
@given(st.text() | hostile_text)
def test_printable_removes_controls_and_keeps_everything_else(text: str) -> None:
    shown = printable(text)
    assert not CONTROL.search(shown)
    assert printable(shown) == shown
    if not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", text):
        assert shown == text


@settings(max_examples=300, deadline=None)
@given(hostile_url)
def test_only_http_urls_become_links(url: str | None) -> None:
    link = link_url(url)
    assert link is None or (link == url and link.lower().startswith(("http://", "https://")))
