"""Cleaning text that arrives without its page: the extraction benchmark's pages as a crawler's plain text.

A crawl, a Multi-News record or a copy-paste gives an article's text with its pictures' captions and
credits inline and no markup to tell them apart. This builds that text from each page of the shared
extraction benchmark: the element holding the page's hand-checked body, read in document order, one line
per paragraph, heading, list item and picture caption (`--flat`: everything on one line, as many crawls
give it). Scored as `newsfuse clean` reads plain text, against the hand-checked body:
- token F1 of the cleaned text (the benchmark's metric, mean over pages);
- caption leak: of the words of the pictures' captions (`<figcaption>`, or an element whose class names a
  caption, 4 words or more, not in the body), the share still in the cleaned text;
- body loss: the share of the body's words the cleaning removed.
The raw text (nothing removed) is the peer of the same run. Pages are split as `extraction.py` splits
them: sorted file names, even positions tune, odd positions are held out.

    python benchmarks/plain_text_cleaning.py [--flat]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from extraction import token_f1  # beside this script: the extraction benchmark's metric
from lxml import html

from newsfuse.clean.record import cleaned_record
from newsfuse.model import Article, Problem
from newsfuse.prepare import prepare_document

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "extraction-benchmark"
_TOKEN = re.compile(r"\w+")
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "pre", "td"}
MIN_CAPTION_WORDS = 4
# The container: the smallest element still holding this share of the body's words.
CONTAINER_SHARE = 0.8


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def _words(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _is_caption(element: html.HtmlElement) -> bool:
    return element.tag == "figcaption" or "caption" in (element.get("class") or "")


def plain_text(page: bytes, body: Counter[str], flat: bool) -> tuple[str, list[str]]:
    """The page as a crawler's plain text, and its captions (those not in the body)."""
    tree = html.fromstring(page)
    for junk in tree.xpath("//script | //style | //noscript | //template"):
        junk.drop_tree()
    total = sum(body.values()) or 1
    container = tree
    while True:  # walk down while one child still holds most of the body
        best = max(container, key=lambda child: sum((tokens(_words(child)) & body).values())
                   if isinstance(child.tag, str) else -1, default=None)
        if best is None or sum((tokens(_words(best)) & body).values()) < CONTAINER_SHARE * total:
            break
        container = best
    lines: list[str] = []
    captions: list[str] = []
    for element in container.iter():
        if not isinstance(element.tag, str):
            continue
        caption = _is_caption(element)
        if element.tag not in _BLOCKS and not caption:
            continue
        if any(a.tag in _BLOCKS or _is_caption(a) for a in element.iterancestors() if a is not container
               and container in a.iterancestors()):
            continue  # printed with its block
        text = _words(element)
        if not text:
            continue
        lines.append(text)
        if caption and len(text.split()) >= MIN_CAPTION_WORDS and sum((tokens(text) & body).values()) < 0.5 * sum(
                tokens(text).values()):
            captions.append(text)
    return (" ".join(lines) if flat else "\n\n".join(lines)), captions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--flat", action="store_true", help="the page's text on one line")
    parser.add_argument("--show", type=int, default=0, help="print the captions left in this many pages")
    args = parser.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = {key: record["articleBody"] for key, record in truth.items()}
    rows: dict[str, list[list[float]]] = {"raw text (nothing removed)": [[], []], "`newsfuse clean`": [[], []]}
    leaks: list[list[float]] = [[0, 0], [0, 0]]  # per half: caption words left, caption words
    losses: list[list[float]] = [[0, 0], [0, 0]]  # per half: body words removed, body words in the raw text
    shown = 0
    for position, path in enumerate(sorted((args.data / "html").glob("*.html.gz"))):
        half = position % 2
        body = bodies[path.name.split(".")[0]]
        gold = tokens(body)
        try:
            text, captions = plain_text(gzip.decompress(path.read_bytes()), gold, args.flat)
        except (ValueError, OSError):
            text, captions = "", []
        document = prepare_document(Article(id=path.name, text=text)) if text.strip() else None
        kept = "" if document is None or isinstance(document, Problem) else cleaned_record(document)["text"]
        raw, left = tokens(text), tokens(kept)
        rows["raw text (nothing removed)"][half].append(token_f1(text, body))
        rows["`newsfuse clean`"][half].append(token_f1(kept, body))
        caption_words = tokens(" ".join(captions)) - gold
        leaks[half][0] += sum((caption_words & left).values())
        leaks[half][1] += sum(caption_words.values())
        losses[half][0] += sum(((raw & gold) - left).values())
        losses[half][1] += sum((raw & gold).values())
        if shown < args.show and captions:
            shown += 1
            print(f"{path.name}:")
            for caption in captions:
                still = " ".join(caption.split()[:8]) in " ".join(kept.split())
                print(("  left: " if still else "  gone: ") + caption[:150])
    print(f"| text | {'one line per page' if args.flat else 'one line per paragraph'} | token F1, tuning half | "
          "token F1, held-out half |")
    print("|---|---|---:|---:|")
    for name, halves in rows.items():
        print(f"| {name} | | {_mean(halves[0]):.3f} | {_mean(halves[1]):.3f} |")
    print(f"| caption words left by `newsfuse clean` | | {leaks[0][0]:.0f} of {leaks[0][1]:.0f} "
          f"({_share(leaks[0])}) | {leaks[1][0]:.0f} of {leaks[1][1]:.0f} ({_share(leaks[1])}) |")
    print(f"| body words removed by `newsfuse clean` | | {losses[0][0]:.0f} of {losses[0][1]:.0f} "
          f"({_share(losses[0])}) | {losses[1][0]:.0f} of {losses[1][1]:.0f} ({_share(losses[1])}) |")


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _share(pair: list[float]) -> str:
    return f"{100 * pair[0] / pair[1]:.0f}%" if pair[1] else "-"


if __name__ == "__main__":
    main()
