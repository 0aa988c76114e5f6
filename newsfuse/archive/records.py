"""The record an archive job carries from stage to stage, and the options that shape the job."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.cluster.params import WINDOW_DAYS
from newsfuse.ingest.reader import DEFAULT_MAX_BYTES


@dataclass
class ArchiveArticle:
    """One article after reading and extraction. `key` is unique in the archive and orders it as read."""

    key: int
    id: str  # the id the input gave (not necessarily unique across an archive)
    title: str  # as the input gave it ("" when none): story grouping reads this, as `newsfuse cluster` does
    headline: str  # the title, or the headline found in the text when the input gave none
    text: str
    url: str | None
    outlet: str | None
    published: str | None
    published_time: float | None  # seconds since the epoch, when the date could be read
    source: str  # outlet, else the URL's host, else the article itself: what counts as one source
    language: str
    words: int  # words in the cleaned body
    path: str | None
    format: str
    story: int = 0  # filled by the stories stage
    copy_of: int | None = None  # key of the article this one copies (filled by the copies stage)
    copy_similarity: float | None = None


@dataclass(frozen=True)
class ArchiveOptions:
    """One validated set of options for an archive run, built at the edge (CLI or API)."""

    words: int = 200  # brief length
    analysis: bool = False  # cross-examination in each brief (spaCy: far slower; off for archives by default)
    # Width of a story-grouping partition in days. Wider: fewer window edges to merge, less parallelism.
    # Four weeks gives a year of news about 13 partitions per language and re-clusters a quarter of the
    # articles (the overlap); not tuned on quality, which the merge keeps within the measured figures.
    window_days: float = 28.0
    # Days at the start of each partition that repeat the end of the previous one: the clusterer's own
    # activity window, so a story still active at the edge is seen from both sides and merged.
    overlap_days: float = WINDOW_DAYS
    partitions: int = 8  # Spark: partitions of the read and extract stages
    max_bytes: int = DEFAULT_MAX_BYTES  # a larger file, or a longer JSON Lines line, is reported and skipped
    min_sources: int = 2  # a story gets a brief when this many independent sources report it
    brief_articles: int = 40  # articles (earliest first) a story's brief is built from: bounds its cost
    # Story grouping by meaning too, as `newsfuse cluster` (cluster/embeddings.py): each worker process loads
    # the encoder once; False groups on words alone, about ten times as many articles per second.
    embeddings: bool = True

    def __post_init__(self) -> None:
        # An article visits at most the next window: the overlap must be shorter than a window.
        if not 0 <= self.overlap_days < self.window_days:
            raise ValueError(f"the overlap ({self.overlap_days} days) must be shorter than a window "
                             f"({self.window_days} days)")
DEFAULT_OPTIONS = ArchiveOptions()
