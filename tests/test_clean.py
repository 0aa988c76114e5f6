"""Clean: page furniture goes, the article stays, and every kept span points into the original text."""

from __future__ import annotations

import pytest

from newsfuse.clean import clean_text
from newsfuse.clean.masthead import dateline_agency, read_masthead_line
from newsfuse.ingest import read_inputs
from newsfuse.model import Article
from newsfuse.pipeline import prepare_all
from tests.conftest import DATA, EXAMPLES, FIXTURES, SEEDS

# Furniture that survives into the seeds' plain text, one example of each kind the brief issue names.
SEED_FURNITURE = [
    "Send in e-mail",
    "Click the alert icon to follow topics",
    "Accessibility links",
    "Breaking News",
    "Select Page",
    "16x9 Image",
    "Credit: AP",
    "greets Syrian President Bashar al-Assad during a meeting",  # a photo caption
    "RFE/RL journalists report the news",  # outlet self-promotion
    "About The Author",
    "Leave a reply",
    "Your email address will not be published",
    "You are commenting using your",
    "With reporting by AFP",
]


@pytest.fixture(scope="module")
def seed_docs():
    documents, problems = prepare_all(read_inputs([str(SEEDS)]))
    assert not problems
    return documents


@pytest.fixture(scope="module")
def example_docs():
    documents, problems = prepare_all(read_inputs([str(EXAMPLES / "harbour-strike")]))
    assert not problems
    return {doc.id: doc for doc in documents}


def test_seed_furniture_is_removed_from_every_body(seed_docs):
    for doc in seed_docs:
        body = doc.body_text().lower()
        for furniture in SEED_FURNITURE:
            assert furniture.lower() not in body, (doc.id, furniture)


def test_seed_articles_keep_their_opening_and_closing_paragraphs(seed_docs):
    bodies = {doc.id[:3]: doc.body_text() for doc in seed_docs}
    assert bodies["000"].startswith("Russian President Vladimir Putin on Monday ordered his military")
    assert "only Plan B available is return to war" in bodies["000"]
    assert bodies["003"].rstrip().endswith("President Assad must step down immediately.")
    assert bodies["004"].rstrip().endswith("necessary to achieve these objectives.")


def test_titles_are_found_in_the_text(seed_docs):
    titles = {doc.id[:3]: doc.title for doc in seed_docs}
    assert titles["000"] == "Putin Orders Russian Military to Withdraw From Syria Beginning Tuesday"
    assert titles["001"] == "Putin Orders Syrian Withdrawal, Saying Goals Achieved"  # under "Breaking News"
    assert titles["003"] == "Putin Prepares to Withdraw from Syria"  # under "Select Page"
    assert titles["002"] == ""  # its first line is a sentence, not a headline


def test_a_headline_with_initials_is_a_title_not_a_paragraph():
    text = ("U.S. Government ordered to release more images related to Abu Ghraib case\n\n"
            "Wednesday, October 5, 2005\n\n"
            "Alvin K. Hellerstein, a U.S. federal judge, has ordered the release of additional photos and video "
            "relating to the Abu Ghraib prison abuse case. The media were ordered for release on September 29.")
    result = clean_text(text)
    assert result.title_span is not None
    assert text[result.title_span.start : result.title_span.end].startswith("U.S. Government ordered")
    assert [text[b.start : b.end][:5] for b in result.blocks] == ["Alvin"]


def test_every_sentence_and_block_is_an_exact_span_of_the_original(seed_docs, example_docs):
    for doc in [*seed_docs, *example_docs.values()]:
        text = doc.article.text
        for sentence in doc.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
        for furniture in doc.furniture:
            assert text[furniture.span.start : furniture.span.end].strip()
        kept = {(b.start, b.end) for b in doc.blocks}
        removed = {(f.span.start, f.span.end) for f in doc.furniture}
        assert not kept & removed


def _cleaned(text: str):
    """What the cleaner makes of `text`, and the body it keeps, one paragraph a line."""
    result = clean_text(text)
    return result, "\n".join(text[b.start : b.end] for b in result.blocks)

def test_a_new_site_s_furniture_is_removed_too():
    text = (FIXTURES / "pages" / "river-flood.txt").read_text()
    result, body = _cleaned(text)
    assert text[result.title_span.start : result.title_span.end].startswith("River Aune bursts its banks")
    assert result.byline == "Jon Marsh and Ida Kral" and result.outlet == "Valley Herald"
    assert result.date_text == "14 June 2025"
    for furniture in ("Skip to main content", "Menu", "Advertisement", "Image caption", "Most read",
                      "Council approves new cycle lanes", "Follow us", "Cookie settings"):
        assert furniture not in body, furniture
    assert body.startswith("Around 4,000 people were forced from their homes")
    assert '"We have never seen the water come up this fast,"' in body
    assert body.endswith("The weather office expects the rain to ease on Monday.")  # short, but the last paragraph


def test_a_caption_naming_positions_goes_but_a_quote_stays():
    text = (FIXTURES / "pages" / "quoted-caption.txt").read_text()
    _, body = _cleaned(text)
    assert "cut the ribbon" not in body
    assert "A library is the one place where everyone is welcome" in body
    assert body.endswith("open every day from 8 a.m. until 10 p.m.")


def test_example_furniture_is_gone_and_metadata_is_read_from_it(example_docs):
    wire, local, blog = example_docs["wire-report"], example_docs["local-outlet"], example_docs["opinion-blog"]
    assert (wire.article.byline, wire.article.outlet, wire.article.published) == ("Anna Sorel", "Nordwire",
                                                                                   "2026-03-02")
    assert (local.article.outlet, local.article.published) == ("Varnholm Evening Post", "2026-03-02")
    assert (blog.article.byline, blog.article.published) == ("Harbourside Harry", "2026-03-03")
    for doc, furniture in [(wire, "Share on Facebook"), (wire, "Read more"), (wire, "All rights reserved"),
                           (wire, "(Photo:"), (local, "About the author"), (local, "Subscribe to the Evening"),
                           (blog, "Leave a Reply"), (blog, "Required fields"), (blog, "Save my name")]:
        assert furniture not in doc.body_text(), (doc.id, furniture)
    reasons = {f.reason for f in blog.furniture}
    assert "comment form" in reasons
    assert "site notice" in {f.reason for f in wire.furniture}


@pytest.mark.parametrize(("line", "byline", "date", "outlet"), [
    ("By Anna Sorel, Nordwire", "Anna Sorel", None, "Nordwire"),
    ("By Jon Marsh and Ida Kral", "Jon Marsh and Ida Kral", None, None),
    ("-Dr. Abdul Ruff", "Dr. Abdul Ruff", None, None),
    ("Posted on March 3, 2026 by Harbourside Harry", "Harbourside Harry", "March 3, 2026", None),
    ("Varnholm Evening Post · 2 March 2026", None, "2 March 2026", "Varnholm Evening Post"),
    ("Monday, March 2, 2026 07:45", None, "March 2, 2026", None),
    ("Updated 2026-03-02 10:12", None, "2026-03-02 10:12", None),
    ("First Published: June 13, 2013 4:59 PM EDT", None, "June 13, 2013", None),
    ("Posted on Thu Jun 13, 2013 08:45 AM PDT", None, "Jun 13, 2013", None),
    ("UPDATED 05/03/2013 at 11:00 AM EDT", None, "05/03/2013", None),
    ("on April 24th, 2013", None, "April 24th, 2013", None),  # a blog's date line (ECB+ 42_ecbplus)
])
def test_masthead_lines_are_read(line, byline, date, outlet):
    masthead = read_masthead_line(line)
    assert (masthead.byline, masthead.date_text, masthead.outlet) == (byline, date, outlet)


@pytest.mark.parametrize("line", [
    "Putin Prepares to Withdraw from Syria",
    "The strike began on March 2, 2026 and ended two days later.",
    "Talks resume in Geneva on March 14, 2016 amid doubts",
    "on the record since March 3, 2012",
])
def test_headlines_and_sentences_are_not_mastheads(line):
    assert not read_masthead_line(line)


def test_wire_dateline_names_the_agency():
    assert dateline_agency("VARNHOLM (Nordwire) - About 3,000 dock workers ...") == "Nordwire"
    assert dateline_agency("WASHINGTON, March 14 (AP) — The White House said ...") == "AP"
    assert dateline_agency("The White House (in Washington) - said ...") is None


@pytest.mark.parametrize(("text", "furniture", "reason"), [
    ("Dock workers began a strike on Monday, the union said. Union leader Marta Ilves, left, spoke to reporters.",
     "Union leader Marta Ilves, left, spoke to reporters.", "photo caption"),
    ("Dock workers began a strike on Monday, the union said. Photo: Nordwire. Talks resume on Friday in Varnholm.",
     "Photo: Nordwire.", "photo credit or reporting credit"),
    ("By using this site you agree to our terms of use. Dock workers began a strike on Monday, the union said.",
     "By using this site you agree to our terms of use.", "site notice"),
    # allsides-neus, an outlet's lead over a compilation of commentaries: the publisher's disclaimer
    ("Democratic candidates for president took part in their party's fifth debate on Wednesday night in Atlanta "
     "and CNN commentators weighed in. The opinions expressed in these commentaries are those of the authors. "
     "Paul Begala: Buttigieg was the winner.",
     "The opinions expressed in these commentaries are those of the authors.", "site notice"),
])
def test_one_furniture_sentence_goes_and_the_rest_of_its_paragraph_stays(text, furniture, reason):
    result = clean_text(text)
    removed = [(text[f.span.start : f.span.end], f.reason) for f in result.removed]
    assert removed == [(furniture, reason)]
    kept = [text[b.start : b.end] for b in result.blocks]
    assert "".join(kept).replace(" ", "") == text.replace(furniture, "").replace(" ", "")
    documents, problems = prepare_all([Article(id="one", text=text)])
    assert not problems and documents[0].sentences
    for sentence in documents[0].sentences:
        assert text[sentence.start : sentence.end] == sentence.text and furniture not in sentence.text


def test_a_disclaimer_goes_but_a_reported_view_stays():
    text = ("The views expressed in the report are those of the Pentagon, the minister said on Monday.\n\n"
            "Talks with the port authority resume on Friday, the union said.\n\n"
            "The views and opinions expressed in the article do not necessarily reflect those of Sputnik.")
    result = clean_text(text)
    assert [text[f.span.start : f.span.end] for f in result.removed] == [text.split("\n\n")[2]]
    assert [f.reason for f in result.removed] == ["site notice"]


def test_a_paragraph_that_is_all_furniture_still_goes_whole():
    text = ("Dock workers began a strike on Monday at the harbour, the union said in a statement.\n\n"
            "Marta Ilves, left, and Jon Berg, right, at the quay. Photo: Nordwire")
    result = clean_text(text)
    assert [text[b.start : b.end] for b in result.blocks] == [text.split("\n\n")[0]]


def test_a_caption_goes_with_the_photo_credit_after_it_in_one_paragraph():
    text = ("Dock workers began a 48-hour strike at the Port of Varnholm on Monday, the union said.\n\n"
            "Striking workers hold banners at the main gate on Monday. (Photo: Nordwire/Lina Berg)\n\n"
            "Talks with the port authority resume on Friday, the union said.")
    kept = "\n".join(text[b.start : b.end] for b in clean_text(text).blocks)
    assert "Striking workers" not in kept and "Photo:" not in kept
    assert "Talks with the port authority" in kept and "began a 48-hour strike" in kept


def test_a_lead_naming_the_us_and_the_news_is_not_the_outlet_promoting_itself():
    # allsides-neus line 1102: the lead after the headline; "US" is the country, not "us"
    text = ("A New Report Says 93% of BLM Protests Have Been Peaceful.\n\n"
            "A report from the US Crisis Monitor found that 93% of protests associated with the Black Lives "
            "Matter movement have been peaceful, despite a highly polarized political climate and reports on the "
            "news emphasizing instances of destruction.")
    result = clean_text(text)
    assert not result.removed
    assert any("US Crisis Monitor" in text[b.start : b.end] for b in result.blocks)
    promo = ("Dock workers began a 48-hour strike at the Port of Varnholm on Monday, the union said.\n\n"
             "We report the news and our readers subscribe to keep us going.")
    assert [f.reason for f in clean_text(promo).removed] == ["outlet self-promotion"]


def test_a_lead_is_never_the_outlet_describing_itself():
    # allsides-neus: a commentary's lead, the first paragraph of a two-paragraph record (so also its foot)
    text = ("Jobs report shows the recovery slowing.\n\n"
            "The good news is, the U.S. economy continues to add new jobs and slowly recover from the brutal "
            "losses from earlier this year. The bad news is, we still have a long way to go. The Bureau of Labor "
            "Statistics released its report for August this morning.")
    assert not [f for f in clean_text(text).removed if f.reason == "outlet self-promotion"]


def test_a_page_header_run_into_the_first_paragraph_goes_and_the_paragraph_stays():
    # A page laid out in a table gives its header and body as one cell (a real one: the extraction
    # benchmark's "Seeking a bigger role for a big rocket by Jeff Foust Monday, November 18, 2019 Earlier ...").
    title = "Port strike halts Varnholm harbour"
    text = ("|  | Port strike halts Varnholm harbour by Anna Sorel and Jon Berg Monday, March 2, 2026 Dock workers "
            "began a 48-hour strike at the Port of Varnholm on Monday, the union said. |")
    result = clean_text(text, title)
    removed = [(text[f.span.start : f.span.end], f.reason) for f in result.removed]
    assert removed == [(title, "title"), ("by Anna Sorel and Jon Berg Monday, March 2, 2026", "byline")]
    assert text[result.blocks[0].start :].startswith("Dock workers began a 48-hour strike")
    # Without a date after them, a headline's words opening the lead are the lead's.
    lead = "Port strike halts Varnholm harbour traffic for two days, the union said on Monday in a statement."
    assert not clean_text(lead, title).removed


def test_a_real_table_layout_page_summarises_from_its_first_sentence():
    page = DATA / "extraction-benchmark" / "html" / (
        "c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4.html.gz")
    (document,), problems = prepare_all(read_inputs([str(page)]))
    assert not problems
    assert document.sentences[0].text.startswith("Earlier this month, NASA announced the newest milestone")
    assert all(document.article.text[b.start : b.end].strip(" |") for b in document.blocks)  # no bare bars


def test_a_page_headline_under_a_title_that_adds_the_site_name_is_the_title():
    # The extraction benchmark's SpaceNews page: metadata title "... - SpaceNews.com", headline without it.
    page = DATA / "extraction-benchmark" / "html" / (
        "d1c57d7821e5a5b27fb468c59489601bb2a042b1c05221166e3221d2b5dc217f.html.gz")
    (document,), problems = prepare_all(read_inputs([str(page)]))
    assert not problems
    assert document.article.title == "NASA adds five companies to commercial lunar lander program"
    assert "NASA announced Nov. 18 that it was adding five companies" in document.sentences[0].text
    # a title's own colon is not a site's name after a separator: "Storm season" is not that title
    text = "Storm season\n\nThe storm season begins in June and lasts until November, forecasters say on Monday."
    assert clean_text(text, "Storm season: what to expect").title_span is None
    assert clean_text(text, "Storm season - Nordwire").title_span is not None


def test_an_articles_closing_list_of_steps_stays_and_a_share_list_goes():
    text = ("Disney+ is now live, and the streaming service can be bundled with Hulu and ESPN+ for $12.99 a month, "
            "the company said on Tuesday.\n\n"
            "If you want ad-free Hulu in the bundle, you will have to upgrade in your account settings.\n\n"
            "- Sign up for a Hulu ad-free account for $11.99 a month\n"
            "- If you already have a Hulu account, visit your account page to upgrade\n"
            "- Sign up for the Disney+ bundle using the same email as your Hulu account\n\n"
            "- Share on Facebook\n- Share on Twitter\n- Subscribe")
    _, kept = _cleaned(text)
    assert "Sign up for a Hulu ad-free account" in kept and "Sign up for the Disney+ bundle" in kept
    assert "Share on Facebook" not in kept and "Subscribe" not in kept


def test_a_newsletter_box_goes_whole_and_a_sentence_about_signing_up_stays():
    """A crawled Dealbreaker page opened on "Start your day with the Opening Bell powered by The Water Coolest. The
    Water Coolest is the preferred bathroom stall reading material of finance professionals. Sign up for the free
    daily newsletter.", and the middle sentence was printed as its brief's fact."""
    box = ("Start your day with the Opening Bell powered by The Water Coolest. The Water Coolest is the preferred "
           "bathroom stall reading material of finance professionals. Sign up for the free daily newsletter.")
    text = (box + "\n\nAccording to Swift, her former label Big Machine is preventing her from performing her past "
            "hits at the American Music Awards.\n\nVoters can register for a postal ballot until Friday, and "
            "residents who sign up for alerts will be told when the polls open, the council said.\n\n"
            "There's plenty more where that came from. Sign up for The Water Coolest today to get the free daily "
            "newsletter delivered to your inbox daily.")
    result, kept = _cleaned(text)
    assert "Water Coolest" not in kept
    assert "According to Swift" in kept and "register for a postal ballot" in kept
    assert [f.reason for f in result.removed] == ["newsletter box", "newsletter box"]


def test_an_embedded_post_stays_in_the_text_but_gives_no_summary_sentence():
    """A crawled Browns page held PFF's posts ("The #Browns highest-graded player* on defense vs. #Steelers was
    Joe Schobert. ..." / "*min. 25 snaps pic.twitter.com/..." / "— PFF CLE Browns (@PFF_Browns) November 15,
    2019"), and the brief printed the post's words as its own fact."""
    text = ("Browns defense\n\nThe Browns hit Mason Rudolph 11 times on Thursday night, and eight of those hits came "
            "from the defensive line, the team's figures show.\n\n"
            "The #Browns highest-graded player* on defense vs. #Steelers was Joe Schobert. He posted an elite 93.2 "
            "defensive grade.\n\n*min. 25 snaps pic.twitter.com/PQqbN51wBW\n\n"
            "— PFF CLE Browns (@PFF_Browns) November 15, 2019\n\n"
            "Schobert also had two interceptions in the game, his first of the season for the Browns.")
    (document,), _ = prepare_all([Article(id="a", text=text)])
    posts = [text[b.start : b.end] for b in document.blocks if b.kind == "post"]
    assert [post[:12] for post in posts] == ["The #Browns ", "*min. 25 sna", "— PFF CLE Br"]
    sentences = " ".join(s.text for s in document.sentences)
    assert "highest-graded" not in sentences and "PFF" not in sentences
    assert "eight of those hits" in sentences and "two interceptions" in sentences


# A crawler's text of a real page (the extraction benchmark's Kate Henshaw story), hard-wrapped mid-sentence:
# a line ends on "won the", and the next opens with the award's capitalised name.
HARD_WRAPPED = (
    "Photos\n which were released online and are making the rounds on social media, \nshow Nigerian actress, "
    "Kate Henshaw, looking absolutely stunning in new \nmake-up photos.  \nKate Henshaw\n"
    "Veteran Nollywood actress, Kate Henshaw, who in 2008, won the \n"
    "Africa Movie Academy Award for Best Actress in a Leading Role, has taken\n"
    " to her Instagram page to share some stunning photos of herself.\n"
    "She flaunted her hand bag which had the colours of the Nigerian \nflag."
)


def test_a_line_ending_on_the_runs_on_into_the_next_even_before_a_capital():
    (document,), _ = prepare_all([Article(id="henshaw", text=HARD_WRAPPED)])
    sentences = [" ".join(sentence.text.split()) for sentence in document.sentences]
    assert ("Veteran Nollywood actress, Kate Henshaw, who in 2008, won the Africa Movie Academy Award for Best "
            "Actress in a Leading Role, has taken to her Instagram page to share some stunning photos of herself."
            in sentences)
    assert not [sentence for sentence in sentences if sentence.startswith("Africa Movie")]


def test_a_header_run_into_the_first_sentence_is_cut_without_a_title_to_recognise():
    """A crawl's plain text of a page laid out in a table (the extraction benchmark's SpaceNews page): headline,
    byline and date run into the first sentence, and no title comes with the text."""
    text = ("Seeking a bigger role for a big rocket by Jeff Foust Monday, November 18, 2019 Earlier this month, NASA "
            "announced the newest milestone in the development of its long-delayed Space Launch System rocket.\n"
            "At the Michoud Assembly Facility in New Orleans, workers completed installation of the four engines.")
    (document,), _ = prepare_all([Article(id="spacenews", text=text)])
    assert document.sentences[0].text.startswith("Earlier this month, NASA announced")
    # A sentence that names its writer and a date as part of what it says keeps them.
    told = ("The report was written by John Smith Monday, November 18, 2019 and published by the agency the next "
            "day after a review of its findings.")
    (document,), _ = prepare_all([Article(id="report", text=told)])
    assert document.sentences[0].text == told
