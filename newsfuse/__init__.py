"""newsfuse: one cited brief from many news articles about the same story."""

__version__ = "0.1.0"
