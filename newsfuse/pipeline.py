"""The brief pipeline: articles -> documents -> copies -> summary -> analysis, as one function.

Each stage is a plain function over `Document`s; this module only wires them, so a stage can be run,
tested or replaced alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsfuse.analyse.kind import classify_kind
from newsfuse.dedupe import mark_copies
from newsfuse.model import Article, Brief, Document, Problem
from newsfuse.prepare import prepare_document
from newsfuse.summarise import Summariser


@dataclass(frozen=True)
class BriefOptions:
    words: int = 200
    analysis: bool = True


def prepare_all(items: Iterable[Article | Problem]) -> tuple[list[Document], list[Problem]]:
    """Prepare every article; bad ones become problems and the rest go on."""
    documents: list[Document] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        try:
            result = prepare_document(item)
        except Exception as error:  # one bad article never sinks a batch
            result = Problem(item.path or item.id, f"could not process article {item.id!r}: {error!r}")
        (problems if isinstance(result, Problem) else documents).append(result)
    return documents, problems


def build_brief(items: Iterable[Article | Problem], options: BriefOptions = BriefOptions()) -> Brief:
    documents, problems = prepare_all(items)
    mark_copies(documents)
    for doc in documents:
        verdict = classify_kind(doc)
        doc.kind, doc.kind_reasons = verdict.kind, verdict.reasons
    opinion = frozenset(doc.id for doc in documents if doc.kind != "report")
    summary = Summariser(words=options.words).summarise(documents, opinion=opinion)
    brief = Brief(title=choose_title(documents, summary), summary=summary, documents=documents,
                  problems=problems, words=options.words)
    if options.analysis and documents:
        from newsfuse.analyse import analyse

        brief.analysis = analyse(brief)
    return brief


def choose_title(documents: list[Document], summary: list) -> str:
    """The headline of the source that supports most of the summary (a report's, when there is one)."""
    titled = [doc for doc in documents if doc.title and not doc.duplicate_of]
    titled = [doc for doc in titled if doc.kind == "report"] or titled
    if not titled:
        return summary[0].text if summary else "(untitled)"
    support = {doc.id: sum(doc.id in s.sources for s in summary) for doc in titled}
    return max(titled, key=lambda doc: (support[doc.id], -titled.index(doc))).title
