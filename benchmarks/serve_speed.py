"""Time `newsfuse serve` on a large story database, from a local HTTP client, against peers measured in
the same run.

Starts `newsfuse serve` on 127.0.0.1 in its own process and asks it, over one kept-alive connection:
`/` (the newest stories), `/?q=` with a common word and a rare one, a cached story page, and the first
view of the story whose size is nearest 20 articles (its cache row removed first), after the server's
first brief (a story of about 5 articles, timed too) has loaded the language models. Peers, same run:
`/healthz` (the server's floor for one request), the same searches as a plain `LIKE` scan over titles
and text (what the page would cost without the full-text index), and the same brief built in process by
`newsfuse.store.briefs.story_brief` (the work a first view cannot avoid). Medians.

    python benchmarks/make_stream.py --articles 100000 --out stream.jsonl
    newsfuse ingest -q --db store.db stream.jsonl
    python benchmarks/serve_speed.py store.db [--repeat 25]

The benchmark writes to the database's brief cache (nothing else).
"""

from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def median_ms(client: httpx.Client, path: str, repeat: int, params: dict | None = None) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        answer = client.get(path, params=params)
        times.append(time.perf_counter() - started)
        answer.raise_for_status()
    return 1000 * statistics.median(times)


def pick_words(db: sqlite3.Connection) -> tuple[str, int, str, int]:
    """A common word (in about 5% of the articles) and a rare one (in about 20), both words of story titles
    (the stream drops letters from some words; a title word is a real one)."""
    import re

    articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary USING fts5vocab(main, 'articles_fts', 'row')")
    titles = db.execute("SELECT title FROM stories").fetchall()
    words = {word.lower() for (title,) in titles for word in re.findall(r"[A-Za-z]{5,}", title)}
    counts = {term: documents for term, documents in db.execute("SELECT term, doc FROM temp.vocabulary")
              if term in words}
    common = min(counts, key=lambda term: (abs(counts[term] - articles * 0.05), term))
    rare = min(counts, key=lambda term: (abs(counts[term] - 20), term))
    return common, counts[common], rare, counts[rare]


def like_ms(db: sqlite3.Connection, word: str, repeat: int) -> float:
    pattern = f"%{word}%"
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        db.execute("SELECT s.id FROM stories s WHERE s.id IN (SELECT story_id FROM articles WHERE title LIKE ? "
                   "OR text LIKE ?) ORDER BY s.last_seen DESC LIMIT 31", (pattern, pattern)).fetchall()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path, help="a story database (newsfuse ingest)")
    parser.add_argument("--repeat", type=int, default=25, help="requests per measure (median)")
    args = parser.parse_args()
    from newsfuse.store.db import connect

    db = connect(args.db)  # migrates an older database (builds the full-text index once)
    articles, stories = (db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("articles", "stories"))
    common, common_docs, rare, rare_docs = pick_words(db)
    story, size = db.execute("SELECT id, articles FROM stories ORDER BY abs(articles - 20), id DESC LIMIT 1").fetchone()
    warm, warm_size = db.execute("SELECT id, articles FROM stories WHERE id != ? ORDER BY abs(articles - 5), id "
                                 "LIMIT 1", (story,)).fetchone()
    db.execute("DELETE FROM brief_cache WHERE story_id IN (?, ?)", (story, warm))
    print(f"load average before: {os.getloadavg()[0]:.2f} (1 min), cores: {os.cpu_count()}")
    print(f"database: {articles:,} articles, {stories:,} stories; words: {common!r} ({common_docs:,} articles), "
          f"{rare!r} ({rare_docs} articles); story {story} ({size} articles)")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsfuse", "serve", "--db", str(args.db), "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=120, trust_env=False) as client:
            for _ in range(200):
                try:
                    client.get("/healthz")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            rows = {}
            rows["/healthz (peer: the server's floor)"] = median_ms(client, "/healthz", args.repeat)
            rows["/ (newest 30 stories)"] = median_ms(client, "/", args.repeat)
            rows["/?page=50"] = median_ms(client, "/", args.repeat, {"page": 50})
            rows[f"/?q={common}"] = median_ms(client, "/", args.repeat, {"q": common})
            rows[f"/?q={rare}"] = median_ms(client, "/", args.repeat, {"q": rare})
            started = time.perf_counter()
            client.get(f"/stories/{warm}").raise_for_status()  # the server's first brief loads the models
            cold = 1000 * (time.perf_counter() - started)
            started = time.perf_counter()
            client.get(f"/stories/{story}").raise_for_status()
            first = 1000 * (time.perf_counter() - started)
            rows[f"/stories/{story} cached"] = median_ms(client, f"/stories/{story}", args.repeat)
            rows[f"/api/stories/{story}/brief cached"] = median_ms(client, f"/api/stories/{story}/brief", args.repeat)
    finally:
        server.terminate()
        server.wait(timeout=30)
    peers = {f"LIKE scan for {common!r}": like_ms(db, common, 3), f"LIKE scan for {rare!r}": like_ms(db, rare, 3)}
    from newsfuse.pipeline import BriefOptions
    from newsfuse.store.briefs import story_brief

    story_brief(db, warm, BriefOptions(words=200, analysis=True))  # load the models on another story, as the server did
    started = time.perf_counter()
    story_brief(db, story, BriefOptions(words=200, analysis=True))
    in_process = 1000 * (time.perf_counter() - started)
    floor = rows["/healthz (peer: the server's floor)"]
    print("\n| request | median ms | x /healthz |")
    print("|---|---:|---:|")
    for name, value in rows.items():
        print(f"| `{name}` | {value:.1f} | {value / floor:.1f} |")
    print(f"| `/stories/{story}` first view ({size} articles) | {first:.0f} | {first / floor:.0f} |")
    print(f"| `/stories/{warm}` first view ({warm_size} articles), the server's first brief | {cold:.0f} | "
          f"{cold / floor:.0f} |")
    print("\n| peer (in process, same database) | median ms | page / peer |")
    print("|---|---:|---:|")
    for (name, value), word in zip(peers.items(), (common, rare), strict=True):
        print(f"| {name} | {value:.0f} | {rows[f'/?q={word}'] / value:.3f} |")
    print(f"| story_brief() for story {story} | {in_process:.0f} | {first / in_process:.2f} |")
    print(f"load average after: {os.getloadavg()[0]:.2f} (1 min)")
    db.close()


if __name__ == "__main__":
    main()
