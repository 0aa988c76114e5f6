"""Cluster: articles -> stories, online (one pass, a sliding time window) or as a stateless batch.

features -> weights -> online (the clusterer) -> copies (within a story); batch for `newsfuse cluster`.
"""
