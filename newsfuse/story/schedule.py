"""What happens next: the days the sources say something will happen on, as concepts.

A decision, a strike or a launch is told with the day it takes effect ("pullback efforts will begin
Tuesday", "from tomorrow", a headline's "Beginning Tuesday"). Word bigrams miss that fact: each outlet
words it differently, so no word pair is shared even when every outlet gives the same day. Resolved to a
calendar date, the outlets agree, and the day becomes one concept that earns the weight of every source
naming it, like a shared bigram.

Only days after the text's reference date (its publication date, else the story's) count. The day the
story happened is in every lead already; weighting it too let short sentences that merely name that day
crowd out the lead.
"""

from __future__ import annotations

import re
from datetime import date

from newsfuse.segment import dates
from newsfuse.story.concepts import Concept
from newsfuse.story.units import Unit

_DAY_EXPRESSION = re.compile(
    "|".join(p.pattern for p in (dates.MONTH_DAY, dates.DAY_MONTH))
    + r"|\b(?:" + "|".join(dates.WEEKDAYS) + r"|tomorrow)\b",
    re.IGNORECASE,
)
COMING_DAY = "@next"  # first element of a coming-day concept; no stemmed word looks like it


def coming_days(text: str, reference: date | None) -> frozenset[Concept]:
    """("@next", ISO date) for every day `text` names that lies after `reference`.

    A weekday points forward only when the sentence speaks of the future ("will begin Tuesday", "from
    Tuesday"): `dates.resolve` reads "said on Monday" as the latest Monday.
    """
    if reference is None:
        return frozenset()
    found = set()
    for match in _DAY_EXPRESSION.finditer(text):
        resolved = dates.resolve(match.group(), reference, text)
        if resolved is not None and resolved.precision == "day" and resolved.date > reference:
            found.add((COMING_DAY, resolved.date.isoformat()))
    return frozenset(found)


def add_coming_days(units: list[Unit], reference: date | None) -> None:
    """Add each unit's coming days to its concepts."""
    for unit in units:
        days = coming_days(unit.text, reference)
        if days:
            unit.bigrams = unit.bigrams | days
