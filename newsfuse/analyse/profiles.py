"""Source profiles: each source's kind and the signals that decided it."""

from __future__ import annotations

from newsfuse.model import Brief


def source_profiles(brief: Brief) -> list[dict]:
    return [{"id": doc.id, "kind": doc.kind, "reasons": doc.kind_reasons} for doc in brief.documents]
