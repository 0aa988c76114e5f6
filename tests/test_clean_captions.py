"""Pictures' captions and credits inside plain text (a crawl's copy of a page): the caption and its credit
go, the article's sentences stay, even when the credit runs into the next sentence."""

from __future__ import annotations

import re

from newsfuse.clean import clean_text
from newsfuse.clean.captions import is_caption, is_credit, reads_as_caption, text_after_credit
from newsfuse.clean.furniture import CAPTION_TOLD
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


def test_a_caption_told_as_one_with_no_credit_or_date() -> None:
    """Captions with neither sign, as the pages and the news sets print them: a noun phrase, a camera's verb in
    the present, where or at what; or the kind of picture; or what a colour marks in it."""
    captions = [
        "The Doobie Brothers perform at the Beacon.",  # the extraction benchmark's pages (tuning half)
        "The WeWork logo is displayed outside of a co-working space in New York.",
        "An artist's illustration of a plume of water vapor emanating from Jupiter's moon Europa.",
        "House Intelligence Committee chairman Rep. Adam Schiff speaks during a media briefing after a House vote "
        "approving rules for an impeachment inquiry into President Trump, October 31, 2019.",
        "The centers of massive galaxy clusters are super hot (red), while bright structures show diffuse gas from "
        "the intergalactic medium shock heating at the boundary between cosmic voids and filaments.",
        "Russian President Vladimir Putin (right) greets Syrian President Bashar al-Assad during a meeting at the "
        "Kremlin in Moscow in October.",  # a seed article
        "Piracy suspects raise their hands in surrender as an Indian navy boat approaches.",  # ECB+ (CNN's caption)
        "A woman waves a flag during a protest in Kyiv.",
        "President Donald Trump waves as he walks to Marine One on the South Lawn of the White House.",
    ]
    assert [caption for caption in captions if not reads_as_caption(caption)] == []


def test_present_tense_prose_is_not_told_as_a_caption() -> None:
    """Body sentences of the pages and the news sets that come close: a state or a habit in the present, a verb's
    form used as a noun, a picture told by the story, a general statement."""
    prose = [
        "The charge carries a maximum sentence of 10 years in prison under Minnesota law.",  # allsides-neus
        "The 220-to-190 party-line vote stands in contrast to a vote in May, when 35 House Republicans joined "
        "Democrats to back creation of an independent commission to examine the attack.",
        "Iran sits in a volatile earthquake region and is regularly struck by damaging quakes.",  # ECB+
        "Donovan McNabb holds the record with 24 straight completions, set in 2006.",
        "Papandreou's Socialists hold a comfortable majority of 160 in the 300 - seat Parliament and the bill is "
        "expected to pass easily.",
        "Mrs Horton is seen sprawled out on the sidewalk beside a pool of blood on the surveillance video.",
        "Witnesses are seen cowering in fear around her.",
        "Inside, piles of empty gas canisters testify to the scores of Molotov cocktails assembled there recently",
        "A wave of cheers rung out, announcing finally the arrival of the riders.",  # TAC 2011 English
        "Many of the protesters wear masks to shield their identities for protection.",  # the pages' bodies
        "Settlements are seen as one of the most difficult issues in the decades-long Israeli-Palestinian conflict.",
        "The band currently sits in third place in the annual Fan Vote.",
        "Tickets for the 50th anniversary tour go on sale to the general public starting Friday, December 6th.",
        "Putin said the troops stand ready to return to Syria within hours if needed.",
    ]
    assert [sentence for sentence in prose if reads_as_caption(sentence)] == []


def test_a_told_caption_goes_where_a_caption_stands() -> None:
    """A line of its own between paragraphs goes; a sentence told alike as the text's first line (a headline's
    place) or inside a paragraph stays."""
    headline = "Protesters gather outside the Supreme Court as justices weigh a voting law."
    caption = "Protesters hold signs outside the Supreme Court in Washington."
    inside = "Demonstrators wave flags near the court's steps."
    assert all(reads_as_caption(sentence) for sentence in (headline, caption, inside))
    text = (f"{headline}\n\n"
            "The court heard arguments on Tuesday in a case over the state's new voting law, which critics said "
            "would keep thousands from the polls.\n\n"
            f"{caption}\n\n"
            f"A ruling is expected by June. {inside} The state's lawyers said the law was needed to protect the vote.")
    result = clean_text(text)
    assert [(text[f.span.start : f.span.end], f.reason) for f in result.removed] == [(caption, CAPTION_TOLD)]
    assert "caption" in CAPTION_TOLD  # the analysis reads names and dates from captions by their reason
    kept = _kept(text)
    assert kept.startswith(f"{headline} The court heard")
    assert f"June. {inside} The state's" in kept


def test_a_credit_that_is_the_whole_sentence() -> None:
    assert all(is_credit(text) for text in ("(Joshua Roberts/Reuters)", "Reuters", "Getty",
                                            "Courtesy of Andrew Vaughan"))
    assert not any(is_credit(text) for text in ("Reuters reported the talks had stalled.", "AP-NORC poll",
                                                "Courtesy of the museum, visitors may enter free on Sundays."))
