"""Pictures' captions and credits inside plain text (a crawl's copy of a page): the caption and its credit
go, the article's sentences stay, even when the credit runs into the next sentence."""

from __future__ import annotations

import re

from newsfuse.clean import clean_text
from newsfuse.clean.captions import is_caption, is_credit, text_after_credit
from tests.conftest import SEEDS


def _flattened(name: str) -> str:
    """A seed article as a crawler that joins a page's paragraphs gives it: headline, then one paragraph
    with the pictures' captions and credits inline."""
    lines = [line.strip() for line in (SEEDS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = [line for line in lines if "Send in e-mail" not in line]
    return lines[0] + "\n\n" + " ".join(lines[1:])


def _kept(text: str) -> str:
    result = clean_text(text)
    return " ".join(text[block.start : block.end] for block in result.blocks)


def test_captions_and_credits_inline_go_and_the_sentence_after_a_credit_stays() -> None:
    text = _flattened("000_0c6a50d39caf76ef.txt")
    assert "Credit: AP A U.S. official" in text  # the credit runs into the article's next sentence
    kept = " ".join(_kept(text).split())
    assert "A U.S. official, speaking on condition of anonymity, said Washington was encouraged" in kept
    assert "Credit: AP" not in kept
    # The captions: AP's date after the place, and the one just before its credit.
    assert "speak during their meeting in the Kremlin" not in kept
    assert "A Russian soldier guards a Russian attack jet" not in kept
    assert "Russian President Vladimir Putin on Monday ordered his military" in kept


def test_credit_signs_on_real_captions() -> None:
    captions = [
        "Vicente Aguiar loads garage door trims into his pickup truck outside a Home Depot in Hialeah, Fla. "
        "(AP Photo/Alan Diaz, File)",
        "Rep. Ilhan Omar, D-Minn., speaks at the Capitol on July 25, 2019.J. Scott Applewhite / AP file",
        "Image copyright Getty Images",
        "Beijing Chaoyang Hospital in Beijing, China, where plague-infected people from Inner Mongolia sought "
        "treatmentCredit: EPA",
    ]
    assert all(is_credit(caption) for caption in captions)
    assert is_caption("Spain's Rafael Nadal celebrates a point against Russia's Karen Khachanov during their Davis "
                      "Cup tennis match in Madrid, Spain, Tuesday, Nov. 19, 2019.")
    assert is_caption("In this Nov. 5, 2019, photo, a worker walks past the company's logo.")


def test_prose_with_a_full_date_or_an_agency_is_not_a_caption() -> None:
    prose = [
        "His body was discovered Tuesday, July 27, 2004, by a maid who entered his hotel room in Biloxi, Miss.",
        "Haugen revealed her identity during an interview with CBS' 60 Minutes on Sunday, October 3, 2021.",
        "Saturday, March 26, 2005 Up to four times as many women as men died in the December 26 tsunami.",
        "An AP/Ipsos poll has found three in ten U.S. citizens have donated to tsunami aid organizations.",
        "The photos were taken by a resident, police said, and credit card records showed the purchase.",
    ]
    assert not any(is_credit(sentence) or is_caption(sentence) for sentence in prose)


def test_where_the_sentence_after_a_credit_starts() -> None:
    def after(text: str) -> str | None:
        cut = text_after_credit(text)
        return None if cut is None else text[cut:]

    assert after("Credit: 20th Century Fox If a sci-fi spaceship does not come with hyperdrive") == \
        "If a sci-fi spaceship does not come with hyperdrive"
    assert after("Photo: John Locher, AP WASHINGTON (AP) — New uncertainty hangs over the primary.") == \
        "WASHINGTON (AP) — New uncertainty hangs over the primary."
    assert after("More than 4,000 people are expected to receive notice (Credit: iStock) More than a third of "
                 "employees will likely receive notice.") == \
        "More than a third of employees will likely receive notice."
    # Who took the picture is not certain to end before "Blue Origin": nothing is cut (the sentence goes
    # with its credit, as before).
    assert after("Credit: Tyvak Blue Origin will offer NASA its Blue Moon lander.") is None


def test_a_wire_dateline_keeps_its_paragraph() -> None:
    text = ("Oil rises on supply worries\n\nBEIJING/HOUSTON (Reuters) - Oil prices rose on Tuesday as traders weighed "
            "supply worries against a slowing global economy, analysts said.")
    assert re.search(r"Oil prices rose on Tuesday", _kept(text))


def test_a_dateline_run_into_the_first_sentence_is_cut_off_it() -> None:
    """TAC 2011 (a Wikinews page as plain text): the page's date line joined to the first paragraph."""
    import json

    from tests.conftest import DATA

    with (DATA / "tac2011-multiling" / "english.jsonl").open(encoding="utf-8") as lines:
        text = next(document for line in lines for document in json.loads(line)["documents"]
                    if "Saturday, March 26, 2005 Up to" in document)
    result = clean_text(text)
    assert any(text[f.span.start : f.span.end] == "Saturday, March 26, 2005" and f.reason == "date line"
               for f in result.removed)
    assert _kept(text).split("\n")[0].startswith("Up to four times as many women as men died")
    # A date inside a sentence, or opening a later paragraph (a timeline), stays.
    timeline = ("Storm season\n\nThe storm season began early this year, forecasters said on Monday in Miami.\n\n"
                "June 3, 2024 A tropical storm formed off the coast and moved north toward the islands.")
    assert "June 3, 2024 A tropical storm" in _kept(timeline)
