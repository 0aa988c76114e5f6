"""Clean: find the article body inside page text, leaving out page furniture, with offsets kept."""

from newsfuse.clean.furniture import CleanResult, clean_text

__all__ = ["CleanResult", "clean_text"]
