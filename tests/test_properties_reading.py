"""Property tests for the reading side: arbitrary bytes and arbitrary Unicode never raise out of the
readers, the decoder or the cleaner, and every span the cleaner and the splitter give is exact."""

from __future__ import annotations

import gzip
import io
import itertools
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.clean import clean_text
from newsfuse.ingest import read_inputs
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.limits import LongLine, TooLarge, capped_lines, gunzip_capped
from newsfuse.model import Article, Problem
from newsfuse.prepare import prepare_document

# Enough cases to reach the odd corners on every run, few enough for CI (each reader case writes a file).
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
EXTENSIONS = [".txt", ".json", ".jsonl", ".html", ".md", ".rss", ".txt.gz", ""]

# Text shaped like what newsfuse reads: words, sentence ends, line breaks, markup and JSON punctuation,
# furniture vocabulary, plus any Unicode at all.
_PIECES = st.sampled_from([
    "Dock workers began a strike on Monday, the union said.", "Photo: Nordwire", ", left,", "terms of use",
    "Share", "\n", "\n\n", " ", ".", "\"", "“", "<p>", "</p>", "<rss>", "{", "}", "[", "]", "|||||", "# ",
    "By Anna Sorel, Nordwire", "2 March 2026", "\u202e", "\x1b]0;title\x07", "\ufeff", "\r\n",
])
NEWSY_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=40).map("".join)


@SETTINGS
@given(st.binary(max_size=3000))
def test_any_bytes_decode_to_text_or_a_reason(data):
    decoded = decode_bytes(data)
    assert (decoded.text is None) == decoded.fatal
    assert decoded.text is not None or decoded.reason


@SETTINGS
@given(data=st.one_of(st.binary(max_size=2000), NEWSY_TEXT.map(lambda text: text.encode("utf-8"))),
       extension=st.sampled_from(EXTENSIONS))
def test_any_file_gives_articles_or_problems_never_an_exception(tmp_path, data, extension):
    path = tmp_path / f"input{extension}"
    path.write_bytes(gzip.compress(data) if extension.endswith(".gz") else data)
    for item in read_inputs([str(path)], max_bytes=100_000):
        assert isinstance(item, Article | Problem)
        if isinstance(item, Article):
            _assert_exact_spans(item)


def _assert_exact_spans(article: Article) -> None:
    result = prepare_document(article)
    if isinstance(result, Problem):
        return
    text = result.article.text
    for sentence in result.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    for block in result.blocks:
        assert 0 <= block.start < block.end <= len(text)


@SETTINGS
@given(text=NEWSY_TEXT, title=st.one_of(st.just(""), st.text(max_size=30)))
def test_the_cleaner_gives_exact_disjoint_spans_for_any_text(text, title):
    result = clean_text(text, title)
    spans = [*result.blocks, *(f.span for f in result.removed)]
    if result.title_span:
        spans.append(result.title_span)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end].strip()
    ordered = sorted(spans, key=lambda span: span.start)
    for before, after in itertools.pairwise(ordered):
        assert before.end <= after.start


@SETTINGS
@given(text=NEWSY_TEXT)
def test_any_article_text_is_prepared_or_refused_with_exact_sentences(text):
    _assert_exact_spans(Article(id="a", text=text))


@SETTINGS
@given(data=st.binary(max_size=5000), cap=st.integers(min_value=1, max_value=6000), members=st.integers(1, 3))
def test_gzip_is_inflated_exactly_up_to_the_cap(data, cap, members):
    whole = data * members
    stream = io.BytesIO(gzip.compress(data) * members)
    try:
        assert gunzip_capped(stream, cap) == whole and len(whole) <= cap
    except TooLarge:
        assert len(whole) > cap


@SETTINGS
@given(lines=st.lists(st.binary(max_size=300).map(lambda b: b.replace(b"\n", b"")), max_size=20),
       cap=st.integers(min_value=1, max_value=200))
def test_capped_lines_keep_short_lines_and_report_long_ones(lines, cap):
    data = b"".join(line + b"\n" for line in lines)
    seen = list(capped_lines(io.BytesIO(data), cap))
    assert len(seen) == len(lines)
    for line, item in zip(lines, seen, strict=True):
        if isinstance(item, LongLine):
            assert len(line) + 1 > cap and item.length == len(line) + 1
        else:
            assert item[1] == line + b"\n"


_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
JSON_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=20)
RECORDS = st.fixed_dictionaries({}, optional={"id": JSON_VALUES, "title": JSON_VALUES, "text": JSON_VALUES,
                                              "html": JSON_VALUES, "published": JSON_VALUES, "url": JSON_VALUES,
                                              "documents": JSON_VALUES})


@SETTINGS
@given(records=st.lists(st.one_of(RECORDS, JSON_VALUES), max_size=5), lines=st.booleans())
def test_any_json_records_give_articles_or_problems(tmp_path, records, lines):
    path = tmp_path / ("in.jsonl" if lines else "in.json")
    path.write_text("\n".join(json.dumps(r) for r in records) if lines else json.dumps(records))
    for item in read_inputs([str(path)]):
        assert isinstance(item, Article | Problem)
        if isinstance(item, Article):
            _assert_exact_spans(item)
