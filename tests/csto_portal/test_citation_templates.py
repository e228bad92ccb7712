"""The one partial that draws a citation, in each of the forms the pages use."""

from django.template.loader import render_to_string

from csto_portal.models import Citation, Source

ONLINE = Source(title="Online report", author="A. Author", publisher="Press", published="2010", url="https://x.test/r")
PRINTED = Source(title="Printed book", publisher="House")
CITATIONS = [
    Citation(source=ONLINE, locator="p. 3", field="start", claim="1993", preferred=False, note="A misprint."),
    Citation(source=PRINTED),
]


def test_a_note_runs_its_citations_on_with_no_space_before_a_separator():
    note = render_to_string("treaties/citation_note.html", {"citations": CITATIONS})
    assert note.strip() == (
        '<span class="note">Sources: A. Author, <a href="https://x.test/r" rel="noopener">Online report</a>, p. 3'
        " — gives 1993, not followed here (A misprint.); House, <cite>Printed book</cite>.</span>"
    )


def test_the_sources_section_gives_each_source_in_full():
    section = " ".join(render_to_string("includes/citations.html", {"citations": CITATIONS}).split())
    assert (
        '<li> <a href="https://x.test/r" rel="noopener">Online report</a>, A. Author, Press (2010) — p. 3.'
        ' <span class="claim">On start: gives 1993 (not followed).</span> <span class="note">A misprint.</span> </li>'
    ) in section
    assert "<li> <cite>Printed book</cite>, House. </li>" in section


def test_a_brief_citation_leaves_the_publisher_and_date_to_the_sources_section():
    brief = render_to_string("includes/citation.html", {"citation": CITATIONS[0], "brief": True})
    assert brief.startswith('<a href="https://x.test/r" rel="noopener">Online report</a>, A. Author — p. 3.\n')
