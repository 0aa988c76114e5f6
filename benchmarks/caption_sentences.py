"""How many photo captions the cleaner's caption signs recognise (`clean/captions.py`: a credit, a
caption's date, and a sentence told as a caption, `reads_as_caption`), and how many body sentences they take
for captions.

Captions: the pictures' captions of the shared extraction benchmark's pages (every `<figcaption>` and
element whose class names a caption, of 4 words or more, that is not in the page's hand-checked body),
as the sentences a plain-text copy of the page would hold: a caption counts as recognised when one of
its sentences is. The pages are split as `extraction.py` splits them (sorted file names; even positions
tune, odd positions held out); the patterns were written from the tuning half's captions only.
Not captions: every sentence of the pages' hand-checked bodies (same halves), and of the news the
summariser is measured on (TAC 2011 English, allsides-neus, ECB+, the seeds), where a sentence taken for
a caption is a sentence lost to the summary (`--show` prints them).
A sentence told as a caption counts only where the cleaner takes it for one: a line of its own (the only
sentence of its line), and not a text's first line (a headline's place: the news sets' first lines; a
caption or a body is never a page's first line). `--signs-only` leaves it out (credits and captions' dates
alone).

    python benchmarks/caption_sentences.py [--show] [--signs-only]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import html

from newsfuse.clean.captions import is_caption, is_credit, reads_as_caption
from newsfuse.evaluate.baselines import line_blocks
from newsfuse.segment.sentences import split_sentences

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
PAGES = SHARED / "data" / "extraction-benchmark"
MIN_CAPTION_WORDS = 4


class Item(str):
    """A sentence, and where it stands: alone on its line, on the text's first line."""

    alone: bool
    first: bool


def sentences(text: str, headline: bool = False) -> list[Item]:
    """The sentences of `text`, each line a block (as the evaluation reads plain text); `headline` when the
    text's first line is its headline."""
    found = split_sentences(text, line_blocks(text), "x")
    per_line: dict[int, int] = {}
    for sentence in found:
        per_line[sentence.paragraph] = per_line.get(sentence.paragraph, 0) + 1
    items = []
    for sentence in found:
        item = Item(sentence.text)
        item.alone = per_line[sentence.paragraph] == 1
        item.first = headline and sentence.paragraph == 0
        items.append(item)
    return items


def page_captions(page: bytes, body: str) -> list[str]:
    tree = html.fromstring(page)
    found: list[str] = []
    for element in tree.xpath('//figcaption | //*[contains(@class, "caption") and not(ancestor::figcaption)]'):
        caption = " ".join(element.text_content().split())
        if len(caption.split()) >= MIN_CAPTION_WORDS and caption[:60] not in body and caption not in found:
            found.append(caption)
    return found


def extraction_halves() -> Iterator[tuple[int, list[str], list[Item]]]:
    """(half, captions, body sentences) per page: half 0 tunes, 1 is held out."""
    truth = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    for position, path in enumerate(sorted((PAGES / "html").glob("*.html.gz"))):
        key = path.name.split(".")[0]
        body = truth[key]["articleBody"]
        try:
            captions = page_captions(gzip.decompress(path.read_bytes()), " ".join(body.split()))
        except (ValueError, OSError):  # an empty or broken page has no captions to read
            captions = []
        yield position % 2, captions, sentences(body)


def news_texts() -> Iterator[tuple[str, str]]:
    data = SHARED / "data"
    for line in (data / "tac2011-multiling" / "english.jsonl").open(encoding="utf-8"):
        for text in json.loads(line)["documents"]:
            yield "TAC 2011 English", text
    for line in (data / "allsides-neus" / "train.jsonl").open(encoding="utf-8"):
        for text in json.loads(line)["documents"]:
            yield "allsides-neus", text
    for line in (data / "ecbplus" / "documents_flat.jsonl").open(encoding="utf-8"):
        yield "ECB+", json.loads(line)["text"]
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        yield "seeds", path.read_text(encoding="utf-8")


def flagged(items: Iterable[Item], told: bool = True) -> list[Item]:
    """The items taken for captions: by a sign, or (`told`) told as a caption where a caption stands."""
    return [item for item in items if is_credit(item) or is_caption(item)
            or (told and item.alone and not item.first and reads_as_caption(item))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print the sentences taken for captions")
    parser.add_argument("--signs-only", action="store_true", help="credits and captions' dates only, as before")
    args = parser.parse_args()
    told = not args.signs_only
    captions: dict[int, list[list[Item]]] = {0: [], 1: []}
    bodies: dict[int, list[Item]] = {0: [], 1: []}
    for half, page_caps, body in extraction_halves():
        captions[half] += [sentences(caption) for caption in page_caps]
        bodies[half] += body
    print("| text | half | items | taken for captions |")
    print("|---|---|---:|---:|")
    for half, name in ((0, "tuning"), (1, "held out")):
        caught = [c for c in captions[half] if flagged(c, told)]
        print(f"| captions of the extraction pages | {name} | {len(captions[half])} | {len(caught)} |")
        wrong = flagged(bodies[half], told)
        print(f"| body sentences of the extraction pages | {name} | {len(bodies[half])} | {len(wrong)} |")
        if args.show:
            for caption in captions[half]:
                print(("  + " if flagged(caption, told) else "  - ") + " ".join(caption)[:160])
            for sentence in wrong:
                print("  ! " + sentence[:200])
    by_set: dict[str, list[Item]] = {}
    for name, text in news_texts():
        by_set.setdefault(name, []).extend(sentences(text, headline=True))
    for name, items in by_set.items():
        wrong = flagged(items, told)
        print(f"| sentences of {name} | all | {len(items)} | {len(wrong)} |")
        if args.show:
            for sentence in wrong:
                print("  ! " + sentence[:200])


if __name__ == "__main__":
    main()
