"""Clean: lists, tables and headings are the article's text (kept, with their kind), never summary sentences."""

from __future__ import annotations

from newsfuse.clean import clean_text
from newsfuse.ingest.html import article_from_html
from newsfuse.model import Article, Block, Document
from newsfuse.prepare import prepare_document

ARTICLE = """Dock workers walk out at Port of Varnholm

About 3,000 dock workers walked off the job at the Port of Varnholm on Monday, the union said in a statement.

What the union wants
The union listed three demands in its letter to the port authority on Sunday evening:
1. No job cuts from the new automated cranes
2. A pay rise in line with inflation
- Talks every month with the port authority

Talks with the port authority resume on Friday, a spokeswoman for the port said on Monday afternoon.
"""


def _document(text: str, article_id: str = "port") -> Document:
    document = prepare_document(Article(id=article_id, text=text))
    assert isinstance(document, Document), document
    return document


def _kept(text: str) -> str:
    """The paragraphs the cleaner keeps of `text`, one a line."""
    return "\n".join(text[block.start : block.end] for block in clean_text(text).blocks)


def _kinds(text: str, blocks: list[Block]) -> dict[str, str]:
    return {text[block.start : block.end]: block.kind for block in blocks}


def test_lists_and_headings_stay_in_the_body_with_their_kind():
    document = _document(ARTICLE)
    kinds = _kinds(ARTICLE, document.blocks)
    assert kinds["What the union wants"] == "heading"
    assert kinds["1. No job cuts from the new automated cranes"] == "list"
    assert kinds["- Talks every month with the port authority"] == "list"
    assert kinds["Talks with the port authority resume on Friday, a spokeswoman for the port said on Monday "
                 "afternoon."] == "prose"
    body = document.body_text()
    for line in ("What the union wants", "2. A pay rise in line with inflation", "- Talks every month"):
        assert line in body


def test_newsfuse_clean_says_what_each_paragraph_is():
    from newsfuse.clean.record import cleaned_record

    record = cleaned_record(_document(ARTICLE))
    kinds = dict(zip((ARTICLE[a:b] for a, b in record["paragraphs"]), record["kinds"], strict=True))
    assert kinds["What the union wants"] == "heading"
    assert kinds["2. A pay rise in line with inflation"] == "list"
    assert kinds["Talks with the port authority resume on Friday, a spokeswoman for the port said on Monday "
                 "afternoon."] == "prose"


def test_no_summary_sentence_is_taken_from_a_list_or_a_heading():
    document = _document(ARTICLE)
    sentences = [sentence.text for sentence in document.sentences]
    assert sentences == [
        "About 3,000 dock workers walked off the job at the Port of Varnholm on Monday, the union said in a "
        "statement.",
        "The union listed three demands in its letter to the port authority on Sunday evening:",
        "Talks with the port authority resume on Friday, a spokeswoman for the port said on Monday afternoon.",
    ]
    for sentence in document.sentences:  # paragraph numbers still index the document's blocks
        block = document.blocks[sentence.paragraph]
        assert block.kind in ("prose", "list") and block.start <= sentence.start < sentence.end <= block.end


def test_a_paragraph_broken_after_a_short_first_line_is_kept_whole_as_prose():
    text = ("Union leader Marta Ilves said the workers would stay out until the plan was dropped entirely.\n\n"
            "The port authority said on Monday that the strike\n"
            "had stopped every ship in the harbour and that talks would resume on Friday.\n\n"
            "Dock workers began the strike at dawn on Monday, the union said in a statement.")
    result = clean_text(text, title="Dock workers strike")
    assert [(text[block.start : block.end], block.kind) for block in result.blocks] == [
        (paragraph, "prose") for paragraph in text.split("\n\n")]
    assert not result.removed


def test_a_caption_printed_twice_goes_but_lines_repeated_far_apart_stay():
    caption = "Workers gather at the main gate of the port on Monday morning before the strike."
    prose = ("Dock workers began a 48-hour strike at the Port of Varnholm on Monday, the union said in a "
             "statement.")
    step = "Eat a light meal two hours before the shift"
    text = "\n\n".join([prose, caption, caption, "Talks resume on Friday, the port authority said in its reply.",
                        step, "The first shift starts at six in the morning, the union said on Monday.",
                        "The second shift starts at two in the afternoon, the union said on Monday.",
                        "The third shift starts at ten in the evening, the union said on Monday.",
                        "The night crews are paid a bonus for every hour they work, the union said.", step,
                        "The union said the strike would last until Wednesday at the earliest."])
    result = clean_text(text)
    removed = [text[f.span.start : f.span.end] for f in result.removed]
    kept = [text[block.start : block.end] for block in result.blocks]
    assert removed == [caption, caption]
    assert kept.count(step) == 2


def test_after_the_last_paragraph_a_list_it_introduces_and_a_table_of_dates_stay():
    text = ("The band announced on Monday that it will tour again next summer, its first tour in ten years.\n\n"
            "Tickets go on sale on Friday at ten in the morning, the promoter said in a statement on Monday.\n"
            "The tour will include:\n"
            "- a new album played in full\n"
            "- guest singers at every show\n"
            "Tour dates\n"
            "June 9 - West Palm Beach, FL\n"
            "June 10 - Tampa, FL\n"
            "June 14 - Alpharetta, GA\n"
            "Most read\n"
            "1. Council approves new cycle lanes\n"
            "2. Local bakery wins national prize")
    result = clean_text(text)
    kinds = _kinds(text, result.blocks)
    assert kinds["- a new album played in full"] == "list" and "The tour will include:" in kinds
    assert kinds["June 10 - Tampa, FL"] == "list" and kinds["Tour dates"] == "heading"
    assert not any("Council" in kept or "Most read" in kept for kept in kinds)


def test_body_sentences_that_look_like_furniture_stay():
    text = ("As Emily Feng reports for the Evening Post, the first cases came to light last week, when the "
            "authorities announced two infected people.\n\n"
            "The agency published two sets of images: the first from the satellite and the second from a plane.\n\n"
            "Doctors said the risk to the public was low and that the hospital would stay open all week.\n\n"
            "An inflatable patrol boat moored at the quay. (File photo: Patrol boat at the quay in 2002)\n\n"
            "The health ministry said it would publish new figures on Friday morning, as it does every week.")
    body = _kept(text)
    assert "As Emily Feng reports" in body and "two sets of images:" in body
    assert "File photo" not in body and "inflatable patrol boat" not in body


def test_a_dateline_in_another_language_and_a_form_label_are_furniture():
    text = ("Les dockers en grève à Varnholm\n\n"
            "Samedi 8 janvier 2005\n\n"
            "Environ 3 000 dockers ont cessé le travail lundi au port de Varnholm, a indiqué le syndicat.\n\n"
            "Les négociations avec l'autorité portuaire reprendront vendredi, a précisé une porte-parole.\n\n"
            "Name *\n"
            "Your email address will not be published. Required fields are marked *")
    result = clean_text(text)
    removed = {text[f.span.start : f.span.end]: f.reason for f in result.removed}
    assert removed["Samedi 8 janvier 2005"] == "date line"
    assert "Name *" in removed
    assert [block.kind for block in result.blocks] == ["prose", "prose"]


def test_a_table_in_the_page_is_carried_through_as_table_rows():
    html = ("<html><head><title>Final standings</title></head><body><article><h1>Final standings</h1>"
            "<p>The season ended on Sunday with the closest finish in the history of the championship, "
            "the organisers said after the last race of the year.</p>"
            "<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>"
            "<tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr>"
            "<tr><td>2</td><td>Martin Truex Jr.</td><td>5035</td></tr></table>"
            "<p>The champion said he would race again next year, and his team confirmed it on Monday.</p>"
            "</article></body></html>")
    article = article_from_html(html, "standings", "standings.html")
    assert isinstance(article, Article), article
    document = prepare_document(article)
    assert isinstance(document, Document), document
    rows = [article.text[b.start : b.end] for b in document.blocks if b.kind == "table"]
    assert any("Kyle Busch" in row for row in rows) and any("Martin Truex" in row for row in rows)
    assert not any("Kyle Busch" in sentence.text for sentence in document.sentences)


def _tac(language: str, cluster: int, document: int) -> str:
    import json

    from tests.conftest import DATA

    with (DATA / "tac2011-multiling" / f"{language}.jsonl").open(encoding="utf-8") as lines:
        return json.loads(lines.readlines()[cluster])["documents"][document]


def test_a_bullet_that_is_a_whole_sentence_is_a_sentence_without_its_bullet():
    """WikiNews (TAC 2011) tells facts as bullets: "* الأسوشيتد بريس- "، أكدت بأن عدد القتلى تجاوز 121000
    ..." (the AP confirmed the toll passed 121,000) is a sentence of the article, which the human summaries
    use; "* الهند --  أكثر من 7700" ("India -- more than 7,700") is a list entry, kept in the text but not
    a sentence."""
    text = _tac("arabic", 0, 8)
    document = prepare_document(Article(id="a", text=text))
    sentences = [s.text for s in document.sentences]
    assert any(s.startswith("الأسوشيتد بريس") and "121000" in s for s in sentences)
    assert not any("الهند" in s and "7700" in s for s in sentences)
    assert "* الهند" in document.body_text()


def test_a_headline_is_found_across_the_date_line_under_it():
    """Headline, a date line ("Friday 23 March 2007"), then the lead that restates the headline."""
    text = next(_tac("arabic", c, d) for c in range(10) for d in range(10)
                if _tac("arabic", c, d).startswith("15 من البحرية"))
    document = prepare_document(Article(id="a", text=text))
    assert document.article.title.startswith("15 من البحرية الملكية")
    assert not document.sentences[0].text.startswith("15 من البحرية")


def _benchmark_page(index: int) -> Article:
    """A page of the shared extraction benchmark, by its position in sorted file-name order."""
    import gzip

    from tests.conftest import DATA

    path = sorted((DATA / "extraction-benchmark" / "html").glob("*.html.gz"))[index]
    article = article_from_html(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"), path.name, str(path))
    assert isinstance(article, Article), article
    return article


def test_an_article_laid_out_in_a_table_cell_is_read_as_prose_and_a_data_table_stays_a_table():
    layout = _benchmark_page(133)  # a column's whole text in one cell of a layout table
    document = prepare_document(layout)
    assert isinstance(document, Document), document
    assert len(document.sentences) > 50
    assert document.sentences[1].text.startswith("At the Michoud Assembly Facility in New Orleans, workers")
    assert not any(sentence.text.startswith("|") for sentence in document.sentences)  # the cell, not its bars

    statistics = _benchmark_page(73)  # a game's player statistics: cells with short notes ("1 tackle (1 combined).")
    document = prepare_document(statistics)
    assert isinstance(document, Document), document
    rows = [statistics.text[b.start : b.end] for b in document.blocks if b.kind == "table"]
    assert any("| Myles Garrett | 57 |" in row for row in rows)
    assert not any("QH." in sentence.text for sentence in document.sentences)  # the rows' notes


def test_closing_sentences_in_quotation_marks_or_a_script_without_capitals_are_not_page_footer():
    text = ("The committee met on Tuesday to review the new rules for the harbour, its chair said on Tuesday.\n\n"
            "It will publish its findings in a report to the city council next month, before the vote.\n"
            "\u201cWe will read every one of the letters,\u201d the chair said.\n"
            "Share this article\n\n"
            "委員会は火曜日に港の新しい規則を審議した。")
    kept = _kept(text)
    assert "We will read every one of the letters" in kept and "委員会は" in kept
    assert "Share this article" not in kept


def test_after_the_last_paragraph_an_events_facts_stay_and_links_run_together_go():
    """Real pages: short lines after the last paragraph are the article's (a show's dates, prices and box
    office; an exhibition's place and hours) unless they show the page (related articles run together on one
    line with bars, a photo credit)."""
    show = _benchmark_page(52)
    kept = "\n".join(show.text[b.start : b.end] for b in prepare_document(show).blocks)
    assert "VIP : 60,000₩" in kept and "Tue – Sat 4PM (Closed on Sun & Mon)" in kept and "02-751-1500" in kept

    exhibition = _benchmark_page(102)
    document = prepare_document(exhibition)
    kept = "\n".join(exhibition.text[b.start : b.end] for b in document.blocks)
    assert "Flos Showroom" in kept and "9.30 A.M. / 7.00 P.M." in kept
    assert "Seiko’s ‘The Flow of Time’ at the Triennale" not in kept
    assert "photos © Inexhibit" not in kept


def test_a_time_stamp_a_shortcode_a_comment_prompt_and_the_writers_contact_line_go():
    text = ("The city council approved the new harbour bridge on Monday after a debate that lasted six hours.\n\n"
            "Updated at 1:23 p.m.\n\n"
            "Work on the bridge is due to start in the spring and to take two years, the council said.\n\n"
            "Readers who want to comment on the plans can write to the council at plans@varnholm.example, which "
            "will publish every letter it receives before the final vote on the bridge in June, the mayor said.\n\n"
            "[button link=\u201dhttps://example.com/submit/\u201d type=\u201dbig\u201d] Send us your photos[/button]\n"
            "Have a tip? Anna Sorel may be reached at anna.sorel@nordwire.example. Follow her on Twitter @asorel.\n"
            "Tell us what YOU think...")
    kept = _kept(text)
    assert "Work on the bridge is due to start" in kept
    assert "plans@varnholm.example" in kept  # a paragraph that gives an address is the article's
    for furniture in ("Updated at 1:23 p.m.", "[button", "Have a tip?", "Tell us what YOU think"):
        assert furniture not in kept, furniture


def test_a_sentence_reporting_on_terms_of_service_stays_and_the_sites_own_small_print_goes():
    text = ("Twitter suspended the account on Monday after a review of the posts, a company spokesman said.\n\n"
            "The company said the posts broke its terms of service and that the suspension would last a week.\n\n"
            "The account holder said he would appeal the decision in court next month.\n\n"
            "By using this site you agree to our Terms of Service and Privacy Policy.\n"
            "Privacy Policy")
    kept = _kept(text)
    assert "broke its terms of service" in kept
    assert "By using this site" not in kept and "Privacy Policy" not in kept


def test_a_lead_that_opens_like_an_author_box_is_the_article():
    """allsides-neus event 2372: "Theresa May has been granted an extra two weeks ... with EU leaders" has
    the shape of an author box ("Jo Ban has been ... at The Times"); only a byline's trade makes one."""
    from tests.conftest import allsides_record

    text = allsides_record(2372)["documents"][2]
    assert "Theresa May has been granted an extra two weeks" in _kept(text)
    assert "Jo Ban is a senior staff writer" not in _kept(
        "Dock workers began a strike on Monday at the harbour, the union said in a statement.\n\n"
        "Talks with the port authority resume on Friday, a spokeswoman for the port said.\n\n"
        "Jo Ban is a senior staff writer for the Evening Post.")
