"""Site chrome set aside, one kind per test, on pages written like real ones; content kept."""

from __future__ import annotations

from sco_compare import document_from_text
from sco_compare.text.boilerplate import is_boilerplate

STORY = (
    "The city council voted 5-4 on Tuesday to close the Hawthorne Street police precinct.",
    "Mayor Linda Carver said the new safety center would open in 2027.",
    "Opponents said residents of the South End would wait longer for help.",
    "Construction is expected to begin next spring on the east side of the city.",
)


def chrome_of(*lines: str, html: bool = False) -> list[str]:
    """The sentences set aside as boilerplate on a page of STORY with `lines` around it."""
    page = "\n\n".join(lines) if html else "\n\n".join((*lines[:1], *STORY, *lines[1:]))
    document = document_from_text(page, html=html)
    assert [s.text for s in document.sentences if not s.boilerplate] == list(STORY)
    return [s.text for s in document.sentences if s.boilerplate]


def test_prompts_that_address_the_reader() -> None:
    prompts = (
        "Sign up for our free morning newsletter.",
        "Click here to read the full report.",
        "Read more about the precinct vote.",
        "Follow us on Facebook for updates.",
        "Share this story with a friend.",
    )
    assert chrome_of("Local News", *prompts) == ["Local News", *prompts]


def test_teasers_of_other_stories() -> None:
    teasers = (
        "Related: Police chief lays out her first-year priorities",
        "Most read",
        "You may also like: Five things to do this weekend",
    )
    assert chrome_of("Metro", *teasers) == ["Metro", *teasers]


def test_captions_and_credit_lines() -> None:
    captions = (
        "Photo: Residents fill the council chamber before the vote.",
        "Credit: Sam Trujillo/The Millbrook Ledger",
        "(AP Photo/Ellen Marsh)",
        "Pictured: Council members listen to residents.",
        "Getty Images",
    )
    assert chrome_of("Council votes", *captions) == ["Council votes", *captions]


def test_a_credit_glued_onto_a_caption_is_split_off() -> None:
    page = "\n\n".join(
        (
            *STORY[:2],
            "Residents fill the chamber before the vote. (AP Photo/Ellen Marsh)",
            *STORY[2:],
        )
    )
    sentences = document_from_text(page).sentences
    assert [(s.text, s.boilerplate) for s in sentences[2:4]] == [
        ("Residents fill the chamber before the vote.", False),
        ("(AP Photo/Ellen Marsh)", True),
    ]


def test_notices_about_the_site_and_its_standards() -> None:
    notices = (
        "Thank you for visiting nature.com.",
        "You are using a browser version with limited support for CSS.",
        "We use cookies to improve your experience on our site.",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "We may earn a commission when you buy through links on our site.",
        "© 2026 The Millbrook Ledger. All rights reserved.",
    )
    found = chrome_of("Home", *notices)
    assert found[0] == "Home"
    assert " ".join(found[1:]) == " ".join(notices)


def test_an_authors_bio_at_the_end_of_the_page() -> None:
    bio = "Karen Whitfield is a staff writer covering City Hall for the Ledger."
    assert chrome_of("Council votes", bio) == ["Council votes", bio]


def test_a_reporters_bio_in_the_story_is_news() -> None:
    sentence = "Evan Hart is a reporter for the Ledger who was detained at the border."
    page = "\n\n".join((STORY[0], sentence, *STORY[1:], "Related: More on the border case"))
    flags = {s.text: s.boilerplate for s in document_from_text(page).sentences}
    assert flags[sentence] is False


def test_a_short_line_inside_a_run_of_chrome_at_the_end() -> None:
    tail = ("Related: Five things to know about the vote", "Economy", "Sign up for alerts.")
    assert chrome_of("Council votes", *tail) == ["Council votes", *tail]


def test_a_long_line_of_prose_without_its_period_is_content() -> None:
    line = (
        "Trade unions say their members are having to pay for an economic crisis that has"
        " been created by corrupt politicians"
    )
    assert not is_boilerplate(line, alone_on_line=True)
    assert is_boilerplate(
        "Greece paralysed by strike as three die in Athens bank fire", alone_on_line=True
    )


def test_html_chrome_elements_and_classes_are_boilerplate() -> None:
    page = (
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<header><h1>Council votes to close precinct</h1></header>"
        f"<article><p>{STORY[0]}</p>"
        "<figure><img src='x.jpg'><figcaption>Residents fill the chamber.</figcaption></figure>"
        f"<p>{STORY[1]} <span class='photo-credit'>(Sam Lee/Ledger)</span></p>"
        "<div class='related-links'><p>Police chief lays out plans</p></div>"
        f"<p>{STORY[2]}</p><aside class='newsletter'>Get the morning briefing</aside>"
        f"<p>{STORY[3]}</p></article>"
        "<div id='share-bar'>Facebook Twitter</div><footer>The Ledger, Millbrook</footer>"
    )
    assert chrome_of(page, html=True) == [
        "Home News",
        "Council votes to close precinct",
        "Residents fill the chamber.",
        "(Sam Lee/Ledger)",
        "Police chief lays out plans",
        "Get the morning briefing",
        "Facebook Twitter",
        "The Ledger, Millbrook",
    ]


def test_news_sentences_that_share_words_with_chrome_stay_content() -> None:
    for sentence in (
        "Police said the photo was taken on Monday.",
        "The company said subscribers would get a refund.",
        "Click, the startup, raised $5 million last year.",
        "Related charges were dropped against two of the men.",
        "Getty Images reported a quarterly loss of $20 million, the company said.",
        "Credit — the lifeblood of small business — dried up, analysts said.",
        '"Your privacy is not for sale," the commissioner told reporters.',
        "Contact the authorities if you see the suspect, police said.",
        "Listen - the tapes show he knew, the prosecutor told jurors.",
        "Israel/Gaza talks resumed on Monday.",
        "Subscriptions rose 12% last year, which tells you the strike did not hurt.",
        "Getty Images said it would appeal the ruling.",
        "Your privacy settings on Facebook will change next month under the new rules.",
        "By contrast, Miami was largely spared.",
        "From Monday, drivers will pay £12.50 a day.",
        "Credit Suisse shares fell 8%.",
        "Reporter Tom Hill was among those evacuated.",
    ):
        assert not is_boilerplate(sentence, alone_on_line=True), sentence


def test_a_bracket_that_is_no_credit_stays_in_its_sentence() -> None:
    page = "\n\n".join((*STORY[:3], "He faces a fine (and/or jail) if convicted.", STORY[3]))
    texts = [s.text for s in document_from_text(page).sentences]
    assert "He faces a fine (and/or jail) if convicted." in texts


def test_a_reporters_bio_that_says_more_is_news() -> None:
    last = "Evan Hart is a reporter for the Ledger who was arrested at the border in March."
    flags = {
        s.text: s.boilerplate for s in document_from_text("\n\n".join((*STORY, last))).sentences
    }
    assert flags[last] is False


def test_a_wrapper_named_like_chrome_keeps_its_story() -> None:
    page = (
        "<body class='ast-right-sidebar'><div class='article-body share-enabled'>"
        + "".join(f"<p>{sentence}</p>" for sentence in STORY)
        + "</div><div class='share'>Share on Facebook</div></body>"
    )
    assert chrome_of(page, html=True) == ["Share on Facebook"]


def test_a_chrome_list_item_left_open_ends_at_the_next_block() -> None:
    page = f"<p>{STORY[0]}</p><ul><li class='share'>Share this</ul>" + "".join(
        f"<p>{sentence}</p>" for sentence in STORY[1:]
    )
    assert chrome_of(page, html=True) == ["Share this"]


def test_a_pull_quote_leaves_the_paragraph_it_repeats_alone() -> None:
    page = f"<p>{STORY[0]}</p><aside class='pullquote'>{STORY[1]}</aside>" + "".join(
        f"<p>{sentence}</p>" for sentence in STORY[1:]
    )
    assert chrome_of(page, html=True) == [STORY[1]]


def test_a_short_first_paragraph_between_a_headline_and_a_caption_is_news() -> None:
    page = (
        "<h1>Queen Elizabeth II dies at 96</h1><p>The Queen has died at Balmoral, aged 96.</p>"
        "<figure><figcaption>The Queen at Balmoral on Tuesday</figcaption></figure>"
        + "".join(f"<p>{sentence}</p>" for sentence in STORY)
    )
    flags = {s.text: s.boilerplate for s in document_from_text(page, html=True).sentences}
    assert flags["The Queen has died at Balmoral, aged 96."] is False


def test_a_storys_own_header_keeps_its_summary() -> None:
    page = (
        "<article><header><h1>Teachers reach a deal</h1>"
        "<p class='dek'>The agreement would raise pay by 16% over five years.</p></header>"
        + "".join(f"<p>{sentence}</p>" for sentence in STORY)
        + "</article>"
    )
    flags = {s.text: s.boilerplate for s in document_from_text(page, html=True).sentences}
    assert flags["The agreement would raise pay by 16% over five years."] is False
    assert flags["Teachers reach a deal"] is True


def test_wire_notes_are_chrome() -> None:
    for line in (
        "Staff writer Emily Chen can be reached at 555-217-4400.",
        "Associated Press writer Illia Novikov contributed from Kyiv.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Follow BBC West on Facebook, X and Instagram.",
    ):
        assert is_boilerplate(line, alone_on_line=True), line
