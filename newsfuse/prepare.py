"""Article -> Document: clean, detect the language, split sentences. One pure function per article."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.clean import clean_text
from newsfuse.ingest.dates import normalise_published
from newsfuse.ingest.limits import MAX_SENTENCES, cut_article
from newsfuse.model import Article, Block, Document, Problem, Sentence
from newsfuse.segment import detect_language, split_sentences
from newsfuse.segment.headline import ends_like_a_sentence, headline_shaped, leading_headline


def prepare_document(article: Article, warnings: list[Problem] | None = None,
                     sentences_required: bool = True) -> Document | Problem:
    """Clean and segment one article; an article with no body left is a problem, not an error.

    An article whose kept text holds no sentence (a page that is all table or list) is a problem too, as it
    can give a story nothing, unless `sentences_required` is False: `newsfuse clean` prints its text.

    The work is bounded (newsfuse.ingest.limits): an article longer than MAX_ARTICLE_CHARS is cut, and only
    its first MAX_SENTENCES body sentences are used; each cut is added to `warnings`, naming the article.
    """
    notes = warnings if warnings is not None else []
    cut = cut_article(article)
    if cut is not None:
        notes.append(cut)
    cleaned = clean_text(article.text, article.title)
    document = Document(article=article, title_span=cleaned.title_span, blocks=cleaned.blocks,
                        furniture=cleaned.removed)
    if cleaned.title_span:
        heading = article.text[cleaned.title_span.start : cleaned.title_span.end].strip()
        # The cleaner takes a line for the title when it is the metadata title, or that title without the site's
        # name after it ("... - SpaceNews.com"): then the page's own headline is the shorter, and the title.
        if not article.title or len(heading) < len(article.title.strip()):
            article.title = heading
    if cleaned.byline and not article.byline:
        article.byline = cleaned.byline
    if cleaned.outlet and not article.outlet:
        article.outlet = cleaned.outlet
    if cleaned.date_text and not article.published:
        article.published = _iso_date(cleaned.date_text)
    body = document.body_text()
    if not body.strip():
        return Problem(article.path or article.id, f"article {article.id!r} has no text left after cleaning")
    document.language = detect_language(body)
    if document.title_span is None and not article.title:
        headline = leading_headline(article.text, document.blocks, document.language)
        if headline is not None:  # the first paragraph is the headline: the title, not a sentence
            document.title_span, document.blocks = headline, document.blocks[1:]
            article.title = article.text[headline.start : headline.end].strip()
    document.sentences = split_sentences(article.text, document.blocks, article.id, document.language)
    if not document.sentences and sentences_required:
        return Problem(article.path or article.id, f"article {article.id!r} has no sentences")
    if len(document.sentences) > MAX_SENTENCES:
        notes.append(_keep_first_sentences(document))
    return document


def _keep_first_sentences(document: Document) -> Problem:
    """Keep the first MAX_SENTENCES sentences, and the body blocks up to the last of them."""
    total = len(document.sentences)
    document.sentences = document.sentences[:MAX_SENTENCES]
    end = document.sentences[-1].end
    document.blocks = [Block(block.start, min(block.end, end), block.kind) for block in document.blocks
                       if block.start < end]
    article = document.article
    return Problem(article.path or article.id, f"article {article.id!r} has {total:,} sentences; only its first "
                   f"{MAX_SENTENCES:,} are used", fatal=False)


def _iso_date(text: str) -> str | None:
    """The canonical date a page header's date text states; None when it names no unambiguous day."""
    try:
        return normalise_published(text, fuzzy=True)
    except ValueError:
        return None


@dataclass
class LayoutVote:
    """The headline vote of a batch (`newsfuse summarize`, `newsfuse eval`): every text of every cluster read
    so far, this one's included. One cluster has three to ten texts, too few to read a layout from when
    half of them carry a headline the per-text rules do not recognise; the batch has hundreds (the
    allsides-neus tuning half: 1,612 recognised against 153 not; of its first 600 events' summaries, 18 print
    an outlet's headline when each cluster votes alone, none with the batch's vote). Counted as texts arrive,
    so summaries still stream; a batch's first clusters decide on what has been read so far."""

    opened: int = 0  # texts opening with a headline that ends in a full stop, recognised by per-text rules
    shaped: int = 0  # texts opening with a line of that shape that no rule recognised


def headlines_by_layout(documents: list[Document], batch: LayoutVote | None = None) -> None:
    """Texts that arrive together share a layout. Some records carry their headline as a first line that
    ends in a full stop, like a sentence (AllSides, Multi-News, many feeds and crawls). When the texts
    of a collection that open with such a headline, recognised by the per-text rules (`leading_headline`),
    outnumber the others opening with a line of the same shape (one short line ending in a full stop,
    then running text), those lines are headlines too, even when their leads word them differently: an
    outlet's sentence-case headline that its lead did not restate was printed as a summary sentence in
    62 of 300 allsides-neus tuning events at 60 words (10 with this rule). Headlines without a full stop
    are not evidence (the cleaner finds those by their shape), and the vote keeps a text whose first
    paragraph is a short lead from losing it to the others' headlines (the seeds: one opinion piece's
    "...from Syria!" against a report whose first line is its lead; docs/summariser.md). With `batch`, the
    vote is the batch's (`LayoutVote`), this collection's texts added to it."""
    opened = sum(_opens_with_punctuated_headline(document) for document in documents)
    shaped = [document for document in documents if document.title_span is None and not document.article.title
              and headline_shaped(document.article.text, document.blocks, document.sentences)
              and _first_line_ends_a_sentence(document)]
    if batch is not None:
        batch.opened += opened
        batch.shaped += len(shaped)
        opened, unrecognised = batch.opened, batch.shaped
    else:
        unrecognised = len(shaped)
    if not shaped or opened <= unrecognised:
        return
    for document in shaped:
        article, first = document.article, document.blocks[0]
        sentences = _sentences_after_first_block(document)
        if sentences is None:
            sentences = split_sentences(article.text, document.blocks[1:], article.id, document.language)
        # A headline alone, or over lines that are no running text (a pull quote read as a heading): a source
        # with a title and no sentence of its own.
        if sentences or not any(block.is_prose for block in document.blocks[1:]):
            document.title_span, document.blocks, document.sentences = first, document.blocks[1:], sentences
            article.title = article.text[first.start : first.end].strip()


def _sentences_after_first_block(document: Document) -> list[Sentence] | None:
    """The sentences of every block but the first, renumbered as if the first were not there: what splitting
    those blocks again gives, read from the sentences already split. None where that is not certain: a
    sentence that does not start where its block's text does (a closing quotation mark moved to the
    sentence before, or a list item's bullet), or a document cut at MAX_SENTENCES (split again)."""
    sentences = document.sentences
    rest = [sentence for sentence in sentences if sentence.paragraph >= 1]
    if not rest or len(sentences) >= MAX_SENTENCES:
        return None
    block = document.blocks[rest[0].paragraph]
    if document.article.text[block.start : rest[0].start].strip():
        return None
    dropped = len(sentences) - len(rest)
    return [Sentence(s.doc_id, s.index - dropped, s.paragraph - 1, s.start, s.end, s.text) for s in rest]


def _first_line_ends_a_sentence(document: Document) -> bool:
    first = document.blocks[0]
    return ends_like_a_sentence(document.article.text[first.start : first.end])


def _opens_with_punctuated_headline(document: Document) -> bool:
    span = document.title_span
    if span is None or document.article.text[: span.start].strip():
        return False
    return ends_like_a_sentence(document.article.text[span.start : span.end])
