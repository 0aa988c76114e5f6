"""Render a brief for people (text, Markdown, HTML page) and for machines (JSON)."""

from newsfuse.render.html import render_html
from newsfuse.render.json_out import brief_to_dict, render_json
from newsfuse.render.markdown import render_markdown
from newsfuse.render.text import render_text

RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json, "html": render_html}

__all__ = ["RENDERERS", "brief_to_dict", "render_html", "render_json", "render_markdown", "render_text"]
