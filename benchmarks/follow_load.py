"""Can `newsfuse follow` keep up with 100 feeds polled every 15 minutes on one core? Simulated locally.

A separate process serves 100 feeds, each on its own loopback address (127.0.0.2 to 127.0.0.101, so the
per-host delay applies as it would across 100 sites), with articles from a synthetic stream
(`make_stream.py`): half the feeds carry whole articles, half carry one-line teasers whose pages are
fetched and extracted. Each feed lists its newest 20 entries; every round, each feed publishes
`--new` more. The follower (this process, one thread) polls with the default politeness delay (1 s per
host) and ETag/Last-Modified. Reported per round: wall and CPU seconds, and the share of the 15-minute
period used. Peer, same run: `Ingester.ingest` of the same articles from memory (no HTTP, no extraction).

    python benchmarks/make_stream.py --articles 10000 --out stream.jsonl
    python benchmarks/follow_load.py stream.jsonl [--feeds 100] [--new 3] [--rounds 3]
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing
import os
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PERIOD = 900.0
LISTED = 20  # entries a feed lists


def load_articles(stream: Path, count: int) -> list[dict]:
    records = []
    with stream.open(encoding="utf-8") as source:
        for line in source:
            records.append(json.loads(line))
            if len(records) >= count:
                break
    return records


def feed_body(feed: int, articles: list[dict], host: str, teaser: bool) -> bytes:
    items = []
    for number, record in articles:
        text = record["text"]
        body = text.split("\n")[0][:160] if teaser else text
        stamp = formatdate(1_700_000_000 + number * 60, usegmt=True)
        items.append(f"<item><title>{html.escape(record['title'])}</title><link>http://{host}/page/{number}.html</link>"
                     f"<guid>feed{feed}-{number}</guid><pubDate>{stamp}</pubDate>"
                     f"<description>{html.escape(body)}</description></item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet {feed}</title>'
            f"{''.join(items)}</channel></rss>").encode()


def page_body(record: dict) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><title>{html.escape(record['title'])}</title></head><body>"
            "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><main><article>"
            f"<h1>{html.escape(record['title'])}</h1>{paragraphs}</article></main>"
            "<footer>&copy; Outlet. All rights reserved.</footer></body></html>").encode()


def serve(stream: Path, feeds: int, new: int, rounds: int, ready, round_number) -> None:
    """The simulated web: feed f holds articles f, f + feeds, f + 2 * feeds, ... as they are published."""
    total = feeds * (LISTED + new * rounds)
    articles = load_articles(stream, total)

    def published(feed: int) -> list[tuple[int, dict]]:
        count = LISTED + new * round_number.value
        numbers = [feed + k * feeds for k in range(count) if feed + k * feeds < len(articles)]
        return [(n, articles[n]) for n in numbers[-LISTED:]]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            feed = self.server.feed
            if self.path == "/feed.rss":
                body = feed_body(feed, published(feed), f"127.0.0.{feed + 2}:{self.server.server_address[1]}",
                                 teaser=feed % 2 == 1)
                etag = f'"{feed}-{round_number.value}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                kind, extra = "application/rss+xml", {"ETag": etag}
            elif self.path.startswith("/page/"):
                body, kind, extra = page_body(articles[int(self.path[6:].split(".")[0])]), "text/html", {}
            else:
                body, kind, extra = b"", "text/plain", {}
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for key, value in extra.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

    servers = []
    for feed in range(feeds):
        server = ThreadingHTTPServer((f"127.0.0.{feed + 2}", 0), Handler)
        server.feed = feed
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server.server_address[1])
    ready.put(servers)
    while True:
        time.sleep(3600)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stream", type=Path, help="a JSON Lines stream from make_stream.py")
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--new", type=int, default=3, help="entries each feed publishes per 15 minutes")
    parser.add_argument("--rounds", type=int, default=3, help="rounds after the first (which reads every feed whole)")
    args = parser.parse_args()
    from newsfuse.follow.fetch import Fetcher
    from newsfuse.follow.poller import Follower
    from newsfuse.store.db import connect
    from newsfuse.store.ingest import Ingester

    ready: multiprocessing.Queue = multiprocessing.Queue()
    round_number = multiprocessing.Value("i", 0)
    web = multiprocessing.Process(target=serve, args=(args.stream, args.feeds, args.new, args.rounds, ready,
                                                     round_number), daemon=True)
    web.start()
    ports = ready.get(timeout=120)
    urls = [f"http://127.0.0.{feed + 2}:{port}/feed.rss" for feed, port in enumerate(ports)]
    work = Path(tempfile.mkdtemp(prefix="newsfuse-follow-"))
    print(f"load average before: {os.getloadavg()[0]:.2f} (1 min), cores: {os.cpu_count()}")
    print(f"{args.feeds} feeds ({args.feeds // 2} with teasers only), {LISTED} entries listed, "
          f"{args.new} new per feed per round; default per-host delay and timeouts\n")
    print("| round | new entries | pages fetched | articles added | wall s | CPU s | CPU / 15 min |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    db = connect(work / "follow.db")
    follower = Follower(db, Fetcher(), PERIOD)
    follower.clock = lambda: time.time() + PERIOD * round_number.value  # each round is 15 minutes later
    steady_cpu = []
    for number in range(args.rounds + 1):
        round_number.value = number
        wall, cpu = time.perf_counter(), time.process_time()
        report = follower.round(urls)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if number:
            steady_cpu.append(cpu)
        print(f"| {number} | {report.entries} | {report.pages} | {report.added} | {wall:.1f} | {cpu:.1f} | "
              f"{cpu / PERIOD:.1%} |", flush=True)
    follower.fetcher.close()
    stored = [row for row in db.execute("SELECT source_id, title, text, url, outlet, published FROM articles "
                                        "ORDER BY id")]
    db.close()
    web.terminate()
    from newsfuse.model import Article

    peer_db = connect(work / "peer.db")
    articles = [Article(id=source_id, title=title, text=text, url=url, outlet=outlet, published=published)
                for source_id, title, text, url, outlet, published in stored]
    cpu = time.process_time()
    Ingester(peer_db).ingest(articles)
    peer_cpu = time.process_time() - cpu
    peer_db.close()
    per_article = peer_cpu / max(len(articles), 1)
    steady = sum(steady_cpu) / max(len(steady_cpu), 1)
    peer_round = per_article * args.feeds * args.new
    print(f"\npeer: Ingester.ingest of the same {len(articles):,} articles from memory: {peer_cpu:.1f} CPU s "
          f"({1000 * per_article:.1f} ms each); a steady round's {args.feeds * args.new} new articles would cost it "
          f"{peer_round:.1f} s: follow costs {steady / peer_round:.1f}x that (HTTP, feed parsing, page extraction).")
    print(f"load average after: {os.getloadavg()[0]:.2f} (1 min)")


if __name__ == "__main__":
    main()
