"""The large cases of the hostile-input corpus, generated (the small ones are files beside this script).

    python tests/hostile/make_corpus.py OUT_FOLDER

Each case is an input an attacker or an unlucky user could hand newsfuse; tests/test_hostile_input.py
runs every one through the CLI under memory and CPU limits. Large means large once read: the gzip bombs
are 2 MB on disk and inflate to 2 GB.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

_BOMB_MEMBER = 100_000_000  # bytes of one gzip member; 20 members inflate to 2 GB


def gzip_bomb(path: Path, line_breaks: bool = False) -> Path:
    """2 GB of 'a' (or of JSON-looking text with no line break) in 20 gzip members of about 100 kB each."""
    member = gzip.compress(b"a" * _BOMB_MEMBER if not line_breaks else b'{"id":"' + b"a" * (_BOMB_MEMBER - 7), 9)
    path.write_bytes(member * 20)
    return path


def deep_json(path: Path, depth: int = 100_000) -> Path:
    path.write_text("[" * depth + "]" * depth + "\n")
    return path


def deep_json_lines(path: Path, depth: int = 100_000) -> Path:
    """A JSON Lines file whose first line is nested too deep and whose second is a good record."""
    good = {"id": "after-deep", "text": "Dock workers began a strike on Monday, the union said. Talks resume Friday."}
    path.write_text("[" * depth + "]" * depth + "\n" + json.dumps(good) + "\n")
    return path


def news_text(size: int) -> str:
    """`size` characters of news-like prose, no two sentences alike, five sentence pairs a paragraph."""
    parts: list[str] = []
    length = number = 0
    while length < size:
        part = (f"Dock workers struck on Monday at pier {number}, the union said. Ship {number} waited "
                f"{number % 17 + 2} days off Varnholm, the port authority said. " + ("\n\n" if number % 5 == 4 else ""))
        parts.append(part)
        length += len(part)
        number += 1
    return "".join(parts)[:size]


def large_article(path: Path, size: int) -> Path:
    """One JSON record whose text is `size` characters of news-like prose."""
    path.write_text(json.dumps({"id": "large", "text": news_text(size)}) + "\n")
    return path


def feed_naming_a_url(path: Path, port: int) -> Path:
    """A feed file whose whole content is a URL: a feed parser given a string would fetch it."""
    path.write_text(f"http://127.0.0.1:{port}/f.xml")
    return path


def symlink_loops(folder: Path) -> Path:
    """A folder holding one good article, a link back to itself, and two links pointing at each other."""
    folder.mkdir()
    (folder / "story.txt").write_text("Port strike\n\nDock workers began a strike on Monday, the union said. "
                                      "Talks between the union and the port resume on Friday.\n")
    (folder / "again").symlink_to(".")
    (folder / "one.txt").symlink_to("two.txt")
    (folder / "two.txt").symlink_to("one.txt")
    return folder


def build(out: Path, port: int = 9) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    return {
        "gzip-bomb": gzip_bomb(out / "bomb.txt.gz"),
        "jsonl-gzip-bomb": gzip_bomb(out / "bomb.jsonl.gz", line_breaks=True),
        "deep-json": deep_json(out / "deep.json"),
        "deep-json-lines": deep_json_lines(out / "deep.jsonl"),
        "large-article": large_article(out / "large.jsonl", 1_000_000),
        "feed-url": feed_naming_a_url(out / "url.rss", port),
        "symlink-loops": symlink_loops(out / "loops"),
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_corpus.py OUT_FOLDER")
    for name, where in build(Path(sys.argv[1])).items():
        print(f"{name}\t{where}")
