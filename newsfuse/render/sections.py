"""Readable rows for each analysis section, shared by the text and Markdown renderers."""

from __future__ import annotations

from newsfuse.model import Brief


def analysis_sections(brief: Brief, numbers: dict[str, int]) -> list[tuple[str, list[str]]]:
    analysis = brief.analysis or {}
    sections: list[tuple[str, list[str]]] = []
    profiles = analysis.get("sources") or []
    rows = [
        f"[{numbers[p['id']]}] {p['kind']}" + (": " + "; ".join(p["reasons"]) if p["reasons"] else "")
        for p in profiles if p["id"] in numbers
    ]
    if rows:
        sections.append(("Source profiles", rows))
    return sections
