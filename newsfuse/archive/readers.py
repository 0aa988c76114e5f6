"""Archive inputs -> read units -> articles. A unit is what one task reads: a file, or a byte range of a
large JSON Lines file, so that one big file still spreads over many cores.

Formats: everything `newsfuse brief` reads (text, HTML, Markdown, JSON / JSON Lines, feeds, gzip),
plus Parquet files of article records and WARC / WARC.gz files as Common Crawl and CC-News publish them.
Every article gets a `key`: the unit's file number in the high bits, its position in the file below,
so keys are unique across the archive and sort in reading order whichever machine read them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsfuse.ingest.dates import normalise_article_date
from newsfuse.ingest.formats import EXTENSION_FORMATS, article_from_record, json_lines
from newsfuse.ingest.paths import walk_folder
from newsfuse.ingest.reader import DEFAULT_MAX_BYTES
from newsfuse.model import Article, Problem

# A JSON Lines file larger than this is read as several units (each a byte range), so the read and
# extract stages of a single-file archive use every core. 16 MB is a few thousand articles per task.
SPLIT_BYTES = 16_000_000
MIN_SPLIT_BYTES = 1_000_000
FILE_SHIFT = 40  # key = file number << 40 | position: a terabyte per file, a million files
_WARC = (".warc", ".warc.gz", ".arc.gz")
_PARQUET = (".parquet",)


@dataclass(frozen=True)
class Unit:
    file: int  # the file's number in the sorted listing
    path: str
    start: int = 0  # byte range, for JSON Lines files split into several units
    end: int | None = None


def list_units(inputs: Iterable[str], split_bytes: int = SPLIT_BYTES, min_units: int = 1
               ) -> tuple[list[Unit], list[Problem]]:
    """Every readable file under the inputs, in a fixed order, cut into units: JSON Lines files into ranges
    of `split_bytes`, or smaller ranges (down to MIN_SPLIT_BYTES) when that gives fewer than `min_units`
    units in all (a small archive still keeps every core busy)."""
    units: list[Unit] = []
    problems: list[Problem] = []
    files: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():  # the reader's walk: hidden files skipped, unreadable folders and link loops reported
            found = []
            for item in walk_folder(path, lambda name: _readable(Path(name))):
                (problems.append(item) if isinstance(item, Problem) else found.append(item))
            if not found:
                problems.append(Problem(raw, "folder holds no readable files"))
            files += sorted(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(raw, "no such file or folder" if not path.exists() else "not a regular file"))
    sizes: dict[Path, int] = {}
    for path in files:
        try:
            sizes[path] = path.stat().st_size
        except OSError as error:  # vanished or unreadable since the listing
            problems.append(Problem(str(path), f"cannot read ({error.strerror})"))
    lines_bytes = sum(size for path, size in sizes.items() if path.suffix.lower() == ".jsonl")
    whole = len(sizes) - sum(1 for path in sizes if path.suffix.lower() == ".jsonl")
    if lines_bytes and whole + lines_bytes / split_bytes < min_units:
        split_bytes = max(MIN_SPLIT_BYTES, lines_bytes // max(1, min_units - whole) + 1)
    for number, path in enumerate(files):
        size = sizes.get(path)
        if size is None:
            continue
        if path.suffix.lower() == ".jsonl" and size > split_bytes:
            units += [Unit(number, str(path), start, min(start + split_bytes, size))
                      for start in range(0, size, split_bytes)]
        else:
            units.append(Unit(number, str(path)))
    return units, problems


def _readable(path: Path) -> bool:
    name = path.name.lower()
    return (path.suffix.lower() in EXTENSION_FORMATS or name.endswith(".gz") or name.endswith(_WARC)
            or name.endswith(_PARQUET))


def read_unit(unit: Unit, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[int, Article] | Problem]:
    """(key, article) for every article of one unit; a broken file or record is a problem, never an error."""
    base = unit.file << FILE_SHIFT
    name = unit.path.lower()
    try:
        if name.endswith(_WARC):
            from newsfuse.archive.warc import read_warc

            items = read_warc(unit.path)
        elif name.endswith(_PARQUET):
            items = _read_parquet(unit.path)
        elif unit.end is not None:
            items = _read_jsonl_range(unit, max_bytes)
        else:
            items = _read_other(unit.path, max_bytes)
        for position, item in items:
            if isinstance(item, Article):  # every format's dates read alike, as `newsfuse ingest` reads them
                warning = normalise_article_date(item)
                if warning:
                    yield warning
            yield item if isinstance(item, Problem) else (base | position, item)
    except Exception as error:  # a truncated or corrupt file ends its own unit, not the job
        yield Problem(unit.path, f"could not read further ({type(error).__name__}: {error})")


def _read_jsonl_range(unit: Unit, max_bytes: int) -> Iterator[tuple[int, Article | Problem]]:
    """Lines that start inside [start, end): the line cut by `start` belongs to the previous unit. A line
    longer than `max_bytes` is reported and skipped, never held whole."""
    assert unit.end is not None
    with open(unit.path, "rb") as handle:
        handle.seek(unit.start)
        if unit.start:
            handle.seek(unit.start - 1)
            _skip_line(handle)  # finish the line that began before this unit
        while handle.tell() < unit.end:
            offset = handle.tell()
            line = handle.readline(max_bytes + 1)
            if not line:
                break
            if len(line) > max_bytes and not line.endswith(b"\n"):
                _skip_line(handle)
                yield offset, Problem(f"{unit.path}@{offset}", f"line longer than {max_bytes:,} bytes; skipped")
                continue
            for item in json_lines([line.decode("utf-8", errors="replace")], f"{unit.path}@{offset}"):
                if isinstance(item, Problem):
                    yield offset, item
                else:
                    yield offset, article_from_record(item[1], f"{Path(unit.path).stem}@{offset}", unit.path)


def _skip_line(handle, chunk: int = 1 << 20) -> None:
    """Read past the end of the current line, a chunk at a time."""
    while (part := handle.readline(chunk)) and not part.endswith(b"\n"):
        pass


def _read_parquet(path: str) -> Iterator[tuple[int, Article | Problem]]:
    import pyarrow.parquet as pq

    position = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            yield position, article_from_record(record, f"{Path(path).stem}-{position}", path)
            position += 1


def _read_other(path: str, max_bytes: int) -> Iterator[tuple[int, Article | Problem]]:
    """Everything `newsfuse brief` reads, through its own reader (gzip included)."""
    from newsfuse.ingest import read_inputs

    for position, item in enumerate(read_inputs([path], max_bytes)):
        if isinstance(item, Problem) and not item.fatal and "duplicate id" in item.reason:
            continue  # ids need not be unique in an archive: the key is
        yield position, item
