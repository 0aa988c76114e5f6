"""Summarise: a short, non-redundant, ordered summary of a story whose every sentence cites its sources."""

from newsfuse.summarise.summariser import Summariser

__all__ = ["Summariser"]
