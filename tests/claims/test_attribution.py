"""Who said what, on news prose: one attribution pattern per test."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sco_compare import compare, compare_claims
from sco_compare.claims.attribution import find_speaker
from sco_compare.claims.quotes import sentence_speakers


def speaker_of(text: str) -> tuple[str, str] | None:
    speaker = find_speaker(text)
    return (speaker.name, speaker.role) if speaker else None


def speakers_of(*sentences: str, paragraphs: bool = True) -> list[str | None]:
    starts = [paragraphs or k == 0 for k in range(len(sentences))]
    return [s.name if s else None for s in sentence_speakers(sentences, starts)]


def test_subject_before_the_verb() -> None:
    assert speaker_of("Mayor Linda Carver said the center would open in 2027.") == (
        "Linda Carver",
        "Mayor",
    )


def test_a_dateline_is_no_part_of_the_speaker_after_it() -> None:
    assert speaker_of("WASHINGTON--The Supreme Court said it would not hear the case.") == (
        "Supreme Court",
        "",
    )
    assert speaker_of("BEIJING, April 12 - Foreign Minister Wang Yi said talks went well.") == (
        "Wang Yi",
        "Foreign Minister",
    )
    assert speaker_of("NATO said the drills would go on.") == ("NATO", "")


def test_a_role_after_the_name_without_an_article() -> None:
    quote = '"It took years of organizing," said Sam Chen, director of Ride Millbrook.'
    assert speaker_of(quote) == ("Sam Chen", "director of Ride Millbrook")
    assert speaker_of('"No," said Sam Chen, who runs the club.') == ("Sam Chen", "")
    assert speaker_of('"No," said Sam Chen, adding that it was late.') == ("Sam Chen", "")


def test_a_council_members_title_is_a_title() -> None:
    assert speaker_of("Councilmember Tom Reyes said the lanes cost parking.") == (
        "Tom Reyes",
        "Councilmember",
    )


def test_a_time_before_or_after_the_subject_is_no_part_of_it() -> None:
    assert speaker_of("Last night the city council said yes.") == ("city council", "")
    assert speaker_of("The Obama administration last month urged the court to wait.") == (
        "Obama administration",
        "",
    )
    assert speaker_of("Police on Tuesday said the road was closed.") == ("Police", "")


def test_verb_before_the_speaker_with_a_descriptor() -> None:
    text = (
        '"He should be considered armed and dangerous," said sheriff\'s spokesman Steve Whitmore.'
    )
    assert speaker_of(text) == ("Steve Whitmore", "sheriff's spokesman")


def test_verb_before_the_speaker_with_an_affiliation_after_the_name() -> None:
    text = "The deputy was shot in the head, said Larry Waldie of the sheriff's department."
    assert speaker_of(text) == ("Larry Waldie", "of the sheriff's department")


def test_told_names_the_speaker_not_the_listener() -> None:
    text = "Interior Minister Ana Ruiz told reporters that 23 people had been arrested."
    assert speaker_of(text) == ("Ana Ruiz", "Interior Minister")


def test_according_to_closing_a_sentence_names_its_source() -> None:
    text = "Farmers have complained of low water levels this summer, according to local officials."
    assert speaker_of(text) == ("local officials", "")


def test_a_relative_clause_between_name_and_verb() -> None:
    text = (
        "Obama, who visited the Interior Department to mark its 160th anniversary,"
        " said he had ordered a review of the rules."
    )
    assert speaker_of(text) == ("Obama", "")


def test_an_appositive_role_before_the_name() -> None:
    text = 'The head of the GSEE private sector union, Giannis Panagopoulos, said: "We pay."'
    assert speaker_of(text) == ("Giannis Panagopoulos", "head of the GSEE private sector union")


def test_an_appositive_role_after_the_name() -> None:
    text = "Joanne Bramwell, the Labour MP for Halton, said she would write to the minister."
    assert speaker_of(text) == ("Joanne Bramwell", "Labour MP for Halton")


def test_title_and_place_are_the_role() -> None:
    text = "Russian Ambassador to China Sergei Razov told China Daily that the talks went well."
    assert speaker_of(text) == ("Sergei Razov", "Russian Ambassador to China")


def test_party_and_state_after_a_name_are_no_part_of_it() -> None:
    text = (
        "House Natural Resources Committee Chairman Nick J. Rahall II (D-W. Va.) called the"
        ' announcement "one more indication" of change.'
    )
    assert speaker_of(text) == ("Nick J. Rahall II", "House Natural Resources Committee Chairman")


def test_speech_verbs_beyond_said() -> None:
    for text, name in (
        ("Xi pointed out that the situation keeps changing.", "Xi"),
        ("In particular, a crackdown should be carried out, Meng added.", "Meng"),
        ("The senator tweeted that the vote was a disgrace.", "senator"),
        ("The ministry noted that exports had fallen.", "ministry"),
        ("Smith wrote in a memo that the plan had failed.", "Smith"),
        ("The company announced it would close two plants.", "company"),
        ("Carver urged residents to stay home.", "Carver"),
        (
            'Union leaders have called the cuts "savage attacks on workers\' rights".',
            "Union leaders",
        ),
        ("Deputies identified the suspect as Jose Luis Orozco, 27.", "Deputies"),
        ("Trade unions say their members are paying for the crisis.", "Trade unions"),
    ):
        assert speaker_of(text) == (name, ""), text


def test_saying_makes_the_subject_the_speaker() -> None:
    text = 'Prime minister George Papandreou condemned the killings, saying: "This is murder."'
    assert speaker_of(text) == ("George Papandreou", "Prime minister")


def test_a_passive_report_names_its_agent() -> None:
    text = "These changes were described at the time by the Bush administration as minor."
    assert speaker_of(text) == ("Bush administration", "")


def test_the_reporters_own_sentence_has_no_speaker() -> None:
    for text in (
        "The fire started in a warehouse shortly after midnight.",
        "The deal, announced at the close of the summit, still needs approval.",
        "The source asked not to be named because the talks were private.",
        "Aftershocks continued through the night in the mountain towns.",
        "A deputy identified as Jerry Ortiz was shot during the operation.",
        "Officials were said to be worried about the dam.",
        "Police arrested two men accused of stealing a truck.",
        "Protesters chanted slogans as the minister spoke.",
        "Senator Mark Kelly spoke with Governor Katie Hobbs by phone.",
        "Photos posted on social media showed workers leaving the building.",
    ):
        assert find_speaker(text) is None, text


def test_what_only_looks_like_a_subject_is_none() -> None:
    for text, name in (
        ('When asked about the report, Jones said: "I have not read it."', "Jones"),
        ("The plan is dead, said one senior official.", "one senior official"),
        ('Rep. Ana Ruiz, D-N.Y., called the bill "a farce."', "Ana Ruiz"),
        ("U.S. officials said the Navy would help.", "U.S. officials"),
        ('"He is not a king," wrote Judge Florence Pan in the ruling.', "Florence Pan"),
        (
            "Recalls rose, the National Highway Traffic Safety Administration said.",
            "National Highway Traffic Safety Administration",
        ),
        (
            'Det Insp Sarah Hughes of Avon and Somerset Police said: "We are looking."',
            "Sarah Hughes",
        ),
    ):
        found = speaker_of(text)
        assert found is not None and found[0] == name, text


def test_he_and_she_never_go_to_a_body() -> None:
    assert speakers_of(
        "The Pentagon announced a $2 billion contract.", '"It is a big deal," she said.'
    ) == ["Pentagon", None]


def test_a_quoted_title_opening_a_sentence_is_not_speech() -> None:
    assert speakers_of(
        '"It was the best night of my life," said director Christopher Nolan.',
        '"Oppenheimer" won seven Oscars on Sunday.',
    ) == ["Christopher Nolan", None]


def test_she_goes_to_the_woman_the_story_is_about_though_not_quoted() -> None:
    assert speakers_of(
        "Prime Minister Lucia Ortega flew to the region on Monday.",
        '"The state will not abandon a single family," she told reporters.',
    ) == [None, "Lucia Ortega"]


def test_a_quote_resolves_he_to_the_person_named_before() -> None:
    assert speakers_of(
        "Greek prime minister George Papandreou condemned the killings.",
        'He added: "We will stand alongside the families."',
    ) == ["George Papandreou", "George Papandreou"]


def test_a_quote_running_over_sentences_takes_the_attribution_that_ends_it() -> None:
    assert speakers_of(
        '"Thompson was not so easy to box.',
        'He was tough," Klitschko said.',
        paragraphs=False,
    ) == ["Klitschko", "Klitschko"]


def test_a_quote_carried_over_paragraphs_keeps_its_speaker() -> None:
    assert speakers_of(
        'Councilman Raymond Okafor said: "My constituents are not against a new building.',
        '"I asked for a study on response times. Nobody answered."',
        "The vote was 5-4.",
    ) == ["Raymond Okafor", "Raymond Okafor", None]


def test_single_quotation_marks_are_quotes() -> None:
    assert speakers_of(
        "'This is a large and complex fire,' Mr Lloyd said.",
        "'We expect to be here for at least the next 48 hours.'",
    ) == ["Lloyd", "Lloyd"]


def test_she_skips_a_man_named_since() -> None:
    assert speakers_of(
        "Ms Rahman said the fund had been emptied.",
        "Mr Price said the case was grave.",
        "She said she would appeal.",
    ) == ["Rahman", "Price", "Rahman"]


def test_an_unbalanced_quote_mark_does_not_attribute_the_next_paragraph() -> None:
    assert speakers_of(
        'Police said the "operation was over.',
        "The road reopened on Monday.",
    ) == ["Police", None]


def test_claims_carry_the_name_and_the_role_apart() -> None:
    report = compare_claims(
        compare(
            "Russian Ambassador to China Sergei Razov praised the talks in Beijing.",
            "Snow fell in Oslo on Monday.",
        )
    ).to_dict()
    claim = report["claims"][0]
    assert (claim["speaker"], claim["speaker_role"]) == (
        "Sergei Razov",
        "Russian Ambassador to China",
    )


@given(
    st.lists(
        st.sampled_from(
            [
                "said",
                "and",
                "the",
                "Smith",
                "Smith,",
                '"',
                "he",
                "told",
                "according",
                "to",
                "by",
                "described",
                "saying",
                "who",
                "of",
                "Police",
                "as",
                "continued",
                "asked",
                "not",
                "(D-W.",
                "Va.),",
                "Mr",
                "Sgt.",
                "it",
                "'",
                '"We',
                'here."',
                "out",
                "pointed",
                "called",
                "that",
                "was",
                "in",
                "wrote",
                "Judge",
            ]
        ),
        max_size=14,
    )
)
def test_any_run_of_attribution_words_is_read_without_error(words: list[str]) -> None:
    text = " ".join(words)
    speaker = find_speaker(text)
    assert speaker is None or speaker.name
    assert len(sentence_speakers([text, text], [True, False])) == 2
