"""The story model: one immutable `Story` per set of documents, built once and read by every stage."""

from newsfuse.story.build import Known, Reference, Story, build_story

__all__ = ["Known", "Reference", "Story", "build_story"]
