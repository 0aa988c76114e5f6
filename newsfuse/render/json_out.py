"""The JSON form of a brief (schema in docs/json-schema.md). Every other renderer reads this dict.

The form itself is built by the data classes (`Brief.to_dict()`), so the Python API and the command
line give the same JSON.
"""

from __future__ import annotations

from newsfuse.model import JSON_SCHEMA_VERSION as SCHEMA_VERSION
from newsfuse.model import Brief, Document


def source_entry(doc: Document) -> dict:
    return doc.to_dict()


def brief_to_dict(brief: Brief) -> dict:
    return brief.to_dict()


def render_json(brief: Brief) -> str:
    return brief.to_json()  # made safe there, so the Python API gives the same bytes


__all__ = ["SCHEMA_VERSION", "brief_to_dict", "render_json", "source_entry"]
