"""newsfuse: one cited brief from many news articles about the same story.

    import newsfuse
    brief = newsfuse.brief(["examples/harbour-strike"])
    print(brief.to_json())

The API (`brief`, `read`, `summarize`, `group_stories`, and the result types) is loaded on first use, so that the
command line, which imports this package, starts without the pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API = {
    "brief": "newsfuse.api", "read": "newsfuse.api", "summarize": "newsfuse.api", "group_stories": "newsfuse.api",
    "InputWarning": "newsfuse.api",
    "BriefOptions": "newsfuse.pipeline", "build_brief": "newsfuse.pipeline", "LayoutVote": "newsfuse.prepare",
    "Article": "newsfuse.model", "Brief": "newsfuse.model", "Problem": "newsfuse.model",
    "SummarySentence": "newsfuse.model", "Evidence": "newsfuse.model", "Document": "newsfuse.model",
    "Analysis": "newsfuse.analyse", "Story": "newsfuse.story", "build_story": "newsfuse.story",
}
__all__ = [  # noqa: RUF022 (grouped by kind, as _API is)
    "__version__", "brief", "read", "summarize", "group_stories", "InputWarning", "BriefOptions", "build_brief",
    "LayoutVote", "Article", "Brief", "Problem", "SummarySentence", "Evidence", "Document", "Analysis", "Story",
    "build_story",
]

if TYPE_CHECKING:
    from newsfuse.analyse import Analysis
    from newsfuse.api import InputWarning, brief, group_stories, read, summarize
    from newsfuse.model import Article, Brief, Document, Evidence, Problem, SummarySentence
    from newsfuse.pipeline import BriefOptions, build_brief
    from newsfuse.prepare import LayoutVote
    from newsfuse.story import Story, build_story


def __getattr__(name: str) -> Any:
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
