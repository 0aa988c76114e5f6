"""Summarise: a short, non-redundant, ordered summary whose every sentence cites its sources."""

from newsfuse.summarise.summariser import Summariser, summarise

__all__ = ["Summariser", "summarise"]
