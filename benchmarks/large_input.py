"""Time and peak memory of `newsfuse brief` on one input of growing size, up to the default --max-bytes.

    python benchmarks/large_input.py [--sizes 0.005,0.1,1,5,10,19.9] [--formats jsonl,txt,html] [--json]

Each size is one article of news-like prose (no two sentences alike), written as a JSON Lines record, a
plain text file or an HTML page, and briefed by the CLI in a child process (with the analysis, as a user
runs it). The peer, measured in the same run, is the brief of a typical 5 kB article: the ratio says what
an input's size costs on top of one ordinary article. Per-article bounds (newsfuse.ingest.limits) cut
an article to 100,000 characters and 1,000 sentences, so past the cut only reading grows, linearly.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile.make_corpus import news_text  # noqa: E402 (the corpus generator lives with the tests)

PEER_BYTES = 5_000


@dataclass
class Measure:
    format: str
    megabytes: float
    seconds: float
    peak_mb: float
    exit_code: int


def write_input(folder: Path, fmt: str, size: int) -> Path:
    """An input file of about `size` bytes holding one article."""
    if fmt == "jsonl":
        path = folder / f"article-{size}.jsonl"
        path.write_text(json.dumps({"id": "large", "text": news_text(size - 30)}) + "\n")
    elif fmt == "txt":
        path = folder / f"article-{size}.txt"
        path.write_text("Port strike\n\n" + news_text(size - 13))
    else:
        path = folder / f"article-{size}.html"
        head, tail = "<html><head><title>Port strike</title></head><body><article>", "</article></body></html>"
        paragraphs = "".join(f"<p>{p}</p>" for p in news_text(size).split("\n\n"))
        path.write_text(head + paragraphs[: size - len(head) - len(tail)] + tail)
    return path


def brief(path: Path) -> tuple[float, float, int]:
    """Seconds, peak resident megabytes and exit code of `newsfuse brief PATH` in a child process."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", "from newsfuse.cli import main; main()", "brief", "-f", "json",
                              str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="0.1,1,5,10,19.9", help="input sizes in MB")
    parser.add_argument("--formats", default="jsonl,txt,html")
    parser.add_argument("--json", action="store_true", help="print the measures as JSON")
    args = parser.parse_args()
    sizes = [int(float(size) * 1_000_000) for size in args.sizes.split(",")]
    measures: list[Measure] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt in args.formats.split(","):
            for size in [PEER_BYTES, *sizes]:
                path = write_input(folder, fmt, size)
                seconds, peak, code = brief(path)
                measures.append(Measure(fmt, path.stat().st_size / 1e6, seconds, peak, code))
                path.unlink()
    if args.json:
        print(json.dumps([asdict(m) for m in measures], indent=2))
        return
    print(f"{'format':6} {'MB':>7} {'seconds':>8} {'peak MB':>8} {'x peer time':>11} {'x peer memory':>13} "
          f"{'s per MB past 1 MB':>18}")
    for fmt in args.formats.split(","):
        rows = [m for m in measures if m.format == fmt]
        peer = rows[0]
        one = next((m for m in rows if m.megabytes >= 1), None)
        for m in rows:
            slope = f"{(m.seconds - one.seconds) / (m.megabytes - one.megabytes):18.2f}" \
                if one is not None and m.megabytes > one.megabytes else f"{'':18}"
            print(f"{fmt:6} {m.megabytes:7.3f} {m.seconds:8.2f} {m.peak_mb:8.0f} {m.seconds / peer.seconds:11.2f} "
                  f"{m.peak_mb / peer.peak_mb:13.2f} {slope}" + ("" if m.exit_code == 0 else f"  exit {m.exit_code}"))


if __name__ == "__main__":
    main()
