"""The three output tables, their columns (one list for both engines), and Parquet in and out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple, fields
from pathlib import Path

from newsfuse.archive.records import ArchiveArticle

# (name, Spark SQL type); the pyarrow types follow from the same names.
ARTICLE_COLUMNS = [
    ("key", "bigint"), ("id", "string"), ("title", "string"), ("headline", "string"), ("text", "string"),
    ("url", "string"), ("outlet", "string"), ("published", "string"), ("published_time", "double"),
    ("source", "string"),
    ("language", "string"), ("words", "int"), ("path", "string"), ("format", "string"), ("story", "bigint"),
    ("copy_of", "bigint"), ("copy_similarity", "double"),
]
STORY_COLUMNS = [
    ("story", "bigint"), ("title", "string"), ("language", "string"), ("articles", "int"), ("copies", "int"),
    ("sources", "int"), ("first_seen", "double"), ("last_seen", "double"),
]
BRIEF_COLUMNS = [("story", "bigint"), ("title", "string"), ("sources", "int"), ("brief", "string")]
assert [name for name, _ in ARTICLE_COLUMNS] == [f.name for f in fields(ArchiveArticle)]


def ddl(columns: list[tuple[str, str]]) -> str:
    """The Spark schema string of a table."""
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)


def _arrow_schema(columns: list[tuple[str, str]]):
    import pyarrow as pa

    kinds = {"bigint": pa.int64(), "int": pa.int32(), "double": pa.float64(), "string": pa.string()}
    return pa.schema([(name, kinds[kind]) for name, kind in columns])


def article_tuple(row: ArchiveArticle) -> tuple:
    return astuple(row)


def write_local(folder: Path, columns: list[tuple[str, str]], rows: Iterable[tuple]) -> None:
    """One Parquet file in `folder` (a folder, like Spark's output, so readers treat both alike)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.parquet"):
        old.unlink()
    data = list(zip(*rows, strict=True)) or [[] for _ in columns]
    table = pa.Table.from_arrays([pa.array(list(values), type=field.type) for values, field in
                                  zip(data, _arrow_schema(columns), strict=True)], schema=_arrow_schema(columns))
    pq.write_table(table, folder / "part-00000.parquet")


def read_table(folder: Path) -> list[dict]:
    """Every row of an output table as dicts (Spark's part files and marker files alike)."""
    import pyarrow.parquet as pq

    files = sorted(folder.glob("*.parquet"))
    if not files:
        raise FileNotFoundError(f"no Parquet files in {folder}")
    rows: list[dict] = []
    for file in files:
        rows += pq.read_table(file).to_pylist()
    return rows


def read_articles(folder: Path) -> list[ArchiveArticle]:
    return [ArchiveArticle(**row) for row in read_table(folder)]
