"""Glossary words explained at first use in the built HTML, with a keyboard-friendly link."""

from __future__ import annotations

from build_tools.guidance.glossary import Entry, Glossary, abbreviations_in, render_glossary_page
from build_tools.guidance.terms import explain_first_use

GLOSSARY = Glossary(
    (
        Entry("SENCO", "The teacher who organises help.", "special educational needs coordinator"),
        Entry("SEN", "Special educational needs.", "special educational needs"),
        Entry("SEN support", "Help from the school."),
        Entry("mediation", "A meeting to agree."),
        Entry("GOV.UK", "The government website."),
    )
)
HREF = "../../glossary/"


def explain(html: str) -> str:
    return explain_first_use(html, GLOSSARY, HREF)


def test_abbreviation_gets_its_words_written_out_once() -> None:
    out = explain("<p>Ask the SENCO. The SENCO will help.</p>")
    assert out == (
        '<p>Ask the SENCO (<a class="lo-term" href="../../glossary/#senco">special educational '
        "needs coordinator</a>). The SENCO will help.</p>"
    )


def test_already_written_out_is_left_alone() -> None:
    html = "<p>The special educational needs\ncoordinator (SENCO) helps. Ask the SENCO.</p>"
    assert explain(html) == html


def test_written_out_in_a_heading_counts() -> None:
    html = "<h2>The special educational needs coordinator (SENCO)</h2><p>The SENCO helps.</p>"
    assert explain(html) == html


def test_terms_become_links_and_longest_form_wins() -> None:
    out = explain("<p>SEN support comes first. Then mediation. Then more mediation.</p>")
    assert '<a class="lo-term" href="../../glossary/#sen-support">SEN support</a>' in out
    assert out.count('href="../../glossary/#mediation"') == 1


def test_plurals_and_capitals() -> None:
    out = explain("<p>Mediations can help. SENCOs too.</p>")
    assert '<a class="lo-term" href="../../glossary/#mediation">Mediations</a>' in out
    assert "SENCOs (<a" in out


def test_an_abbreviation_without_words_links_to_its_entry() -> None:
    out = explain("<p>See GOV.UK for more.</p>")
    assert '<a class="lo-term" href="../../glossary/#gov-uk">GOV.UK</a>' in out


def test_links_code_headings_hidden_and_form_text_never_change() -> None:
    html = (
        '<h2>Ask a SENCO</h2><p><a href="x">mediation</a> <code>SENCO</code></p>'
        "<div hidden><span>SENCO</span></div>"
        "<form><label>SENCO</label></form>"
        '<p class="admonition-title">Mediation first</p>'
    )
    assert explain(html) == html


def test_lower_case_word_is_not_an_abbreviation() -> None:
    assert explain("<p>We send letters.</p>") == "<p>We send letters.</p>"


def test_words_inside_other_words_do_not_match() -> None:
    html = "<p>SENDIASS and co-mediation and SEN-related.</p>"
    assert explain(html) == html


def test_glossary_page_lists_every_entry_with_an_anchor() -> None:
    page = render_glossary_page(GLOSSARY)
    assert "# Glossary" in page
    assert "## SENCO {#senco}" in page
    assert "SENCO stands for special educational needs coordinator." in page
    assert page.index("## GOV.UK") < page.index("## Mediation") < page.index("## SEN {#sen}")


def test_abbreviations_in_text() -> None:
    found = [a for _, a in abbreviations_in("SENCOs, GOV.UK, DY1 4AA, EHC plan, Mr X, SEND's")]
    assert found == ["SENCO", "GOV.UK", "EHC", "SEND"]
