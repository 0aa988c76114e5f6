"""Shared fixtures: the seed articles and benchmark data live in ../shared, read in place."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def allsides_record(number: int) -> dict:
    """Line `number` (from 0) of allsides-neus train.jsonl: id "neus-train-<number>", its outlets' documents
    (title and lead), titles and the editors' summary."""
    import json
    from itertools import islice

    with (DATA / "allsides-neus" / "train.jsonl").open(encoding="utf-8") as lines:
        line = next(islice(lines, number, None), None)
    if line is None:
        raise IndexError(number)
    return json.loads(line)


@pytest.fixture(scope="session")
def seeds_brief():
    """The brief of the five seed articles, built once for the whole session."""
    from newsfuse.ingest import read_inputs
    from newsfuse.pipeline import BriefOptions, build_brief

    return build_brief(read_inputs([str(SEEDS)]), BriefOptions(words=200, analysis=True))
