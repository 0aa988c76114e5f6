"""Build a synthetic news stream (JSON Lines) from the shared data, for the ingest benchmark.

Each base event (an ECB+ subtopic, a TAC 2011 cluster, the seed articles) is re-told as several event
instances spread over weeks. Instance 0 keeps the original names; later instances swap every name for a
made-up one and shift the numbers, so they are different events of the same kind (the hard case for
clustering). Each article is a perturbed member of its event (sentences dropped, words dropped),
published at a time inside the event's few days and given an outlet and URL; some are near copies of
an earlier article (trimmed, new outlet) and some are exact re-sends (same URL), as feeds do.

    python benchmarks/make_stream.py --articles 100000 --out stream.jsonl

Records: {"id", "title", "text", "url", "outlet", "published", "event"} ("event" is the true label).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared"
START = datetime(2024, 1, 1, tzinfo=UTC)
OUTLETS = [f"{a} {b}" for a in ("Northern", "Daily", "Coastal", "Metro", "Global", "Valley", "Harbour", "Evening")
           for b in ("Times", "Post", "Herald", "Wire", "Courier")]
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}")
_NUMBER = re.compile(r"\b\d{1,3}\b")
_SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "dan", "ri", "mon", "ta", "bel", "gor", "nis", "ul"]


def base_events(data: Path) -> list[list[str]]:
    events: dict[str, list[str]] = {}
    for line in (data / "data" / "ecbplus" / "documents_flat.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        events.setdefault(f"ecb-{record['subtopic']}", []).append(record["text"])
    for line in (data / "data" / "tac2011-multiling" / "english.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        events[f"tac-{record['id']}"] = [d for d in record["documents"] if isinstance(d, str)]
    seeds = sorted((data / "seeds").glob("*.txt"))
    if seeds:
        events["seeds"] = [path.read_text(encoding="utf-8") for path in seeds]
    return [docs for _, docs in sorted(events.items()) if docs]


def made_up_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def retell(text: str, names: dict[str, str], shift: int, rng: random.Random) -> str:
    """The same kind of event with other people, places and figures."""
    def rename(match: re.Match[str]) -> str:
        word = match.group()
        if word not in names:
            names[word] = made_up_name(rng)
        return names[word]

    text = _NAME.sub(rename, text)
    if shift:
        text = _NUMBER.sub(lambda m: str(int(m.group()) + shift), text)
    return text


def perturb(text: str, rng: random.Random) -> str:
    """Another outlet's version: some sentences and words dropped."""
    lines = [line for line in text.split("\n") if line.strip()]
    kept = [line for i, line in enumerate(lines) if i < 2 or rng.random() > 0.25]
    out = []
    for line in kept:
        words = line.split(" ")
        out.append(" ".join(w for w in words if rng.random() > 0.04) or line)
    return "\n".join(out)


def build(articles: int, days: int, seed: int, data: Path):
    rng = random.Random(seed)
    events = base_events(data)
    specs = []  # (time, instance, base event, kind, seed of the article)
    instance = 0
    told: set[int] = set()
    retold: dict[int, bool] = {}  # instance -> is a re-telling (other names, other figures)
    while len(specs) < articles:
        base = rng.randrange(len(events))
        retold[instance] = base in told
        told.add(base)
        start = START + timedelta(days=rng.uniform(0, days))
        length = timedelta(hours=rng.uniform(6, 96))
        size = rng.randint(5, 45)
        for n in range(size):
            when = start + length * rng.random() ** 2
            kind = "copy" if n and rng.random() < 0.1 else ("resend" if n and rng.random() < 0.02 else "article")
            specs.append((when, instance, base, kind, rng.randrange(1 << 30)))
        instance += 1
    specs = sorted(specs[:articles])
    instances: dict[int, tuple[dict[str, str], int]] = {}
    history: dict[int, list[dict]] = {}
    for number, (when, inst, base, kind, salt) in enumerate(specs, 1):
        local = random.Random(salt)
        names, shift = instances.setdefault(inst, ({}, local.randint(1, 9) if retold[inst] else 0))
        earlier = history.setdefault(inst, [])
        if kind == "resend" and earlier:
            yield dict(earlier[local.randrange(len(earlier))])
            continue
        if kind == "copy" and earlier:
            source = earlier[local.randrange(len(earlier))]
            lines = source["text"].split("\n")
            text = "\n".join(lines[: max(2, len(lines) * 3 // 4)])
            title = source["title"]
        else:
            original = local.choice(events[base])
            text = perturb(retell(original, names, shift, local) if retold[inst] else original, local)
            title = text.split("\n", 1)[0][:110]
        outlet = local.choice(OUTLETS)
        record = {
            "id": f"a{number}",
            "title": title,
            "text": text,
            "url": f"https://{outlet.lower().replace(' ', '-')}.example/{when:%Y/%m/%d}/a{number}",
            "outlet": outlet,
            "published": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "event": inst,
        }
        earlier.append(record)
        if len(earlier) > 50:
            earlier.pop(0)
        yield record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=90, help="span of publication dates")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=None, help="output file (default: standard output)")
    args = parser.parse_args()
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    with out:
        for record in build(args.articles, args.days, args.seed, args.data):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
