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


@pytest.fixture(scope="session")
def seeds_brief():
    """The brief of the five seed articles, built once for the whole session."""
    from newsfuse.ingest import read_inputs
    from newsfuse.pipeline import BriefOptions, build_brief

    return build_brief(read_inputs([str(SEEDS)]), BriefOptions(words=200, analysis=True))
