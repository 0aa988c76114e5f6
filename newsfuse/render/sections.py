"""Readable rows for each analysis section, and the notes an empty summary and a mix of stories get, shared by
the renderers.

Each section stays short enough to read in a terminal: the JSON output holds everything, with spans.
"""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.model import Brief
from newsfuse.render.numbering import cite, disagreement_note

MAX_ENTITIES = 15
MAX_EVENTS = 15
MAX_QUOTE_CHARS = 160
MAX_QUOTES = 15

Quote = Callable[[str], str]  # escapes text that came from the input for the output format


def empty_summary_note(brief: Brief) -> str | None:
    """Why the brief has no summary sentence, for the reader (None when it has some): a blank where the
    summary should be reads as a failure, and a brief of opinion pieces alone is empty by design."""
    if brief.summary:
        return None
    originals = [doc for doc in brief.documents if not doc.duplicate_of]
    if not originals:
        return "No summary: no article could be read."
    if all(doc.kind in ("opinion", "blog") for doc in originals):
        return ("No summary: every source is an opinion piece or a blog, and their sentences are never "
                "stated as the brief's own (each source's kind is listed with it).")
    return ("No summary: no sentence fits to print (each is cut off, a question, too short or too long, "
            "or the writer speaking).")


def mixed_stories_note(brief: Brief, numbers: dict[str, int]) -> str | None:
    """The warning a reader of the brief itself needs when its sources seem to tell several stories (None
    when they tell one): the same sources then do not corroborate each other."""
    if len(brief.stories) < 2:
        return None
    groups = [cite(group, numbers) for group in brief.stories]
    return (f"These sources seem to tell {len(groups)} different stories, which this brief mixes: sources "
            f"{', '.join(groups[:-1])} and {groups[-1]}.")


def _same(text: str) -> str:
    return text


def analysis_sections(brief: Brief, numbers: dict[str, int], quote: Quote = _same) -> list[tuple[str, list[str]]]:
    analysis = brief.analysis.to_dict() if brief.analysis else {}
    sections = [
        ("Key facts and who reports them", _claims(analysis, numbers, quote)),
        ("Where the sources disagree", _conflicts(analysis, numbers, quote)),
        ("Quotes", _quotes(analysis, numbers, quote)),
        ("People, organisations and places", _entities(analysis, numbers, quote)),
        ("Timeline", _timeline(analysis, numbers, quote)),
        ("Source profiles", _profiles(analysis, numbers, quote)),
    ]
    notes = analysis.get("notes") or []
    if notes:
        sections.append(("Analysis notes", [quote(note) for note in notes]))
    return [(heading, rows) for heading, rows in sections if rows]


def _claims(analysis: dict, numbers: dict[str, int], quote: Quote) -> list[str]:
    rows = []
    for claim in analysis.get("claims") or []:
        note = disagreement_note(claim.get("disputed") or [], numbers, quote)
        note = f" {note}" if note else ""
        if claim["only_in"]:
            rows.append(f"only in [{numbers.get(claim['only_in'], '?')}]: {quote(claim['text'])}{note}")
        else:
            rows.append(f"{quote(claim['text'])} {cite(claim['sources'], numbers)} "
                        f"({claim['independent_sources']} independent sources){note}")
    return rows


def _conflicts(analysis: dict, numbers: dict[str, int], quote: Quote) -> list[str]:
    rows = []
    for conflict in analysis.get("conflicts") or []:
        values = "; ".join(f"\"{quote(v['value'])}\"{quote(_resolved(v))} {cite(v['sources'], numbers)}"
                           for v in conflict["values"])
        rows.append(f"{quote(conflict['thing'])}: {values}")
    return rows


def _resolved(value: dict) -> str:
    """The day a date value resolves to, when the words do not say it ("Monday" (2026-03-02))."""
    day = value.get("date")
    return f" ({day})" if day and day not in value["value"] else ""


def _quotes(analysis: dict, numbers: dict[str, int], quote: Quote) -> list[str]:
    rows = []
    quotes = analysis.get("quotes") or []
    for item in quotes[:MAX_QUOTES]:
        text = item["text"]
        if len(text) > MAX_QUOTE_CHARS:
            text = text[: MAX_QUOTE_CHARS].rsplit(" ", 1)[0] + " ..."
        speaker = item["speaker"]
        who = "unattributed"
        if speaker:
            who = quote(speaker["name"]) + (f" ({quote(speaker['role'])})" if speaker.get("role") else "")
        rows.append(f"{who}: \u201c{quote(text)}\u201d {cite(item['sources'], numbers)}")
    if len(quotes) > MAX_QUOTES:
        rows.append(f"... and {len(quotes) - MAX_QUOTES} more in the JSON output")
    return rows


def _entities(analysis: dict, numbers: dict[str, int], quote: Quote) -> list[str]:
    entities = [e for e in analysis.get("entities") or [] if e["independent_sources"] >= 2 or len(e["aliases"]) > 1]
    # Names written several ways first: those are what a reader could not match up alone.
    entities.sort(key=lambda e: (-(len(e["aliases"]) > 1), -e["independent_sources"]))
    rows = []
    for entity in entities[:MAX_ENTITIES]:
        others = [a for a in entity["aliases"] if a != entity["name"]]
        details = [quote(entity["type"])]
        if others:
            details.append("also " + ", ".join(quote(other) for other in others))
        if entity["roles"]:
            details.append("role: " + "; ".join(quote(role) for role in entity["roles"][:2]))
        rows.append(f"{quote(entity['name'])} ({'; '.join(details)}) {cite(entity['sources'], numbers)}")
    hidden = len(analysis.get("entities") or []) - len(rows)
    if hidden > 0:
        rows.append(f"... and {hidden} more in the JSON output")
    return rows


def _timeline(analysis: dict, numbers: dict[str, int], quote: Quote) -> list[str]:
    timeline = analysis.get("timeline") or {}
    events = timeline.get("events") or []
    # The best-corroborated event of each date, in date order.
    best: dict[str, dict] = {}
    for event in events:
        if event["date"] not in best or event["independent_sources"] > best[event["date"]]["independent_sources"]:
            best[event["date"]] = event
    rows = []
    for day in sorted(best)[:MAX_EVENTS]:
        event = best[day]
        mark = " (date inferred)" if event["inferred"] else ""
        rows.append(f"{quote(day)}{mark}: {quote(event['text'])} {cite(event['sources'], numbers)}")
    return rows


def _profiles(analysis: dict, numbers: dict[str, int], quote: Quote) -> list[str]:
    rows = []
    for profile in analysis.get("sources") or []:
        if profile["id"] not in numbers:
            continue
        row = f"[{numbers[profile['id']]}] {quote(profile['kind'])}"
        if profile.get("reasons"):
            row += ": " + "; ".join(quote(reason) for reason in profile["reasons"])
        adds = profile.get("adds") or {}
        extra = [f"{len(adds[k])} {k if len(adds[k]) > 1 else k.removesuffix('s').replace('entitie', 'entity')}"
                 for k in ("claims", "quotes", "entities") if adds.get(k)]
        if profile.get("copy_of"):
            row += f" (copy of [{numbers.get(profile['copy_of'], '?')}])"
        elif extra:
            row += " - alone reports " + ", ".join(extra)
        rows.append(row)
    return rows
