"""The pipeline, written once: articles -> documents -> story -> summary -> analysis -> `Brief`.

Every entry point (`newsfuse brief`, `brief --story`, `summarize`, `eval`, the store, the Python API)
calls `build_brief`, so what `eval` measures is what `brief` ships. Each stage is a function over the
stage before: `prepare_document` (clean, segment) per article, `build_story` (copies, kinds, dates,
sentence units, support index) once, then the summariser and the analysis over the same `Story`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsfuse.ingest.dates import normalise_article_date
from newsfuse.ingest.reader import unique_ids
from newsfuse.model import Article, Brief, Document, Problem, SummarySentence
from newsfuse.prepare import LayoutVote, headlines_by_layout, prepare_document
from newsfuse.story import Story, build_story
from newsfuse.summarise import Summariser


@dataclass(frozen=True)
class BriefOptions:
    """What a brief should hold: its word budget, and whether the sources are cross-examined."""

    words: int = 200
    analysis: bool = True
    # Whether to check that the sources tell one story (`cluster.mixed`); a caller that keeps only the
    # summary (`summarize`, `eval`) has no reader to warn.
    check_stories: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.words, bool) or not isinstance(self.words, int) or self.words < 1:
            raise ValueError(f"words must be a positive whole number, got {self.words!r}")


def prepare_all(items: Iterable[Article | Problem], sentences_required: bool = True,
                layout: LayoutVote | None = None) -> tuple[list[Document], list[Problem]]:
    """Prepare every article; bad ones become problems and the rest go on. `sentences_required`: see
    `prepare_document`; `layout`: the batch's headline vote, when the articles are one cluster of a batch
    (`prepare.LayoutVote`)."""
    documents: list[Document] = []
    problems: list[Problem] = []
    # Articles given as objects (the Python API, `summarize`) were not read: their fields may not be text, and
    # their ids were not made unique.
    for item in unique_ids(well_typed(items)):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        try:
            result = prepare_document(item, warnings=problems, sentences_required=sentences_required)
        except Exception as error:  # one bad article never sinks a batch
            result = Problem(item.path or item.id, f"could not process article {item.id!r}: {error!r}")
        (problems if isinstance(result, Problem) else documents).append(result)
    headlines_by_layout(documents, layout)
    return documents, problems


def well_typed(items: Iterable[Article | Problem]) -> Iterator[Article | Problem]:
    """The items, each article's fields as text. The readers build articles of text; a caller's may hold a
    database's number id or a record's missing title (None), and every stage after reading takes them for
    text: one number id stopped the whole brief. Such fields are read as a JSON record's are (`str()`, no
    title for None, epoch seconds as a date); an article whose text is not text is a problem."""
    for item in items:
        if isinstance(item, Article):
            if not isinstance(item.id, str):
                item.id = str(item.id)
            if not isinstance(item.text, str):
                yield Problem(item.path if isinstance(item.path, str) else item.id,
                              f"article {item.id!r}: its text is not a string but {type(item.text).__name__}")
                continue
            if not isinstance(item.title, str):
                item.title = "" if item.title is None else str(item.title)
            for name in ("url", "outlet", "byline", "path"):
                if not isinstance(getattr(item, name), str | None):
                    setattr(item, name, str(getattr(item, name)))
            if not isinstance(item.published, str | None):  # `newsfuse.brief` read dates already; `summarize` did not
                warning = normalise_article_date(item)
                if warning is not None:
                    yield warning
        yield item


def build_brief(items: Iterable[Article | Problem], options: BriefOptions = BriefOptions(),
                known: Iterable[Article | Problem] = (), layout: LayoutVote | None = None) -> Brief:
    """The brief of `items`. `known`: articles the reader has already seen (an update brief tells only
    what they did not). `layout`: the headline vote of the batch `items` is one cluster of."""
    known_documents, problems = prepare_all(known)
    documents, new_problems = prepare_all(items, layout=layout)
    problems += new_problems
    story = build_story(documents, known=known_documents)
    summary = Summariser(words=options.words).summarise(story)
    brief = Brief(title=choose_title(story, summary), summary=summary, documents=documents,
                  problems=problems, words=options.words)
    if options.check_stories:
        brief.stories = stories_told_by(story)
        if len(brief.stories) > 1:
            problems.append(mixed_stories_warning(story, brief.stories))
    if options.analysis and documents:
        from newsfuse.analyse import analyse  # spaCy: loaded only when the analysis runs

        brief.analysis = analyse(brief, story)
    return brief


def stories_told_by(story: Story) -> list[list[str]]:
    """The ids of the story's documents grouped by the story they tell (`cluster.mixed`), largest first;
    a copy goes with its original. Only the sources in the pile's commonest language are compared: words
    say nothing about whether a report in another language tells the same story, so those go with the
    largest group."""
    from newsfuse.cluster.mixed import stories_told

    languages = Counter(doc.language for doc in story.originals)
    if not languages:
        return []
    main = max(languages, key=lambda language: (languages[language], language == "en"))
    compared = [doc for doc in story.originals if doc.language == main]
    groups = stories_told([(doc.id, doc.title, "\n".join(s.text for s in doc.sentences)) for doc in compared])
    groups[0] += [doc.id for doc in story.originals if doc.language != main]
    return [[doc.id for doc in story.documents if (doc.duplicate_of or doc.id) in group] for group in groups]


# The `input` of the problem that says the sources seem to tell several stories.
MIXED_INPUT = "sources"
# Stories the warning names by a headline; the rest are counted (the JSON's `stories` lists every one).
MIXED_NAMED = 5


def mixed_stories_warning(story: Story, stories: list[list[str]]) -> Problem:
    """What a reader is told when the sources seem to tell more than one story."""
    described = [f"{len(group)} {'article' if len(group) == 1 else 'articles'} like "
                 f"{_described(story.document(group[0]))}" for group in stories[:MIXED_NAMED]]
    rest = stories[MIXED_NAMED:]
    if rest:  # a folder of unrelated pages: dozens of stories, one line
        articles = sum(len(group) for group in rest)
        described.append(f"{len(rest)} more {'story' if len(rest) == 1 else 'stories'} "
                         f"({articles} {'article' if articles == 1 else 'articles'})")
    return Problem(MIXED_INPUT, f"they seem to tell {len(stories)} different stories, which this brief mixes: "
                   + ", ".join(described) + ". Brief each story on its own (newsfuse brief --each-story PATH...), or "
                   "group them first: newsfuse ingest PATH... && newsfuse stories", fatal=False)


def _described(doc: Document) -> str:
    """A source as a warning names it: its headline (else its first sentence) and its id."""
    title = " ".join(doc.title.split()) or (doc.sentences[0].text if doc.sentences else "")
    return f'"{title[:80]}" ({doc.id})'


def choose_title(story: Story, summary: list[SummarySentence]) -> str:
    """The headline of the source that supports most of the summary (a report's, when there is one; never a
    roundup page's, which names its series, when another source has a headline)."""
    titled = [doc for doc in story.originals if doc.title]
    titled = [doc for doc in titled if not doc.other_stories] or titled
    titled = [doc for doc in titled if doc.kind == "report"] or titled
    if not titled:
        return summary[0].text if summary else "(untitled)"
    support = {doc.id: sum(doc.id in s.sources for s in summary) for doc in titled}
    return max(titled, key=lambda doc: (support[doc.id], -titled.index(doc))).title
