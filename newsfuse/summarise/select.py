"""Budgeted maximum coverage: pick sentences that cover the most concept weight within N words.

Greedy selection by gain per word is the standard approximation for this submodular objective (Lin &
Bilmes 2010); the best single sentence is compared at the end, which bounds the worst case.
"""

from __future__ import annotations

from newsfuse.summarise.units import Unit

# Cost exponent: gain / words**r. Below 1 favours longer sentences (fewer, fuller facts); at 1 short
# sentences win too often and a brief becomes a list of fragments.
LENGTH_EXPONENT = 0.7
# Weight of position in a document (the lead states the event) against concept gain.
POSITION_WEIGHT = 0.3
# A sentence sharing this much of its concept weight with one already chosen adds nothing new.
REDUNDANCY = 0.5


def select(units: list[Unit], weights: dict, budget: int) -> list[Unit]:
    covered: set = set()
    chosen: list[Unit] = []
    used = 0
    pool = [unit for unit in units if unit.eligible and unit.words <= budget]
    mean_weight = sum(weights.values()) / max(len(weights), 1)
    while pool:
        best, best_score = None, 0.0
        for unit in pool:
            if used + unit.words > budget:
                continue
            gain = sum(weights.get(c, 0.0) for c in unit.bigrams - covered)
            total = sum(weights.get(c, 0.0) for c in unit.bigrams)
            if total and (total - gain) / total > REDUNDANCY:
                continue
            gain += POSITION_WEIGHT * mean_weight * (1.0 - unit.position) * len(unit.bigrams) ** 0.5
            score = gain / unit.words**LENGTH_EXPONENT
            if score > best_score:
                best, best_score = unit, score
        if best is None:
            break
        chosen.append(best)
        used += best.words
        covered |= best.bigrams
        pool = [unit for unit in pool if unit is not best and used + unit.words <= budget]
    return chosen
