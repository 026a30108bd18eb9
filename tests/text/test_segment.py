"""Sentence splitting: abbreviations, quotes, offsets, line blocks and boilerplate."""

from __future__ import annotations

from sco_compare.text.boilerplate import is_boilerplate
from sco_compare.text.segment import split_sentences
from tests.conftest import CHINA_DAILY, READOUT


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, "A")]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Mr. Smith met Dr. Jones in the U.S. on Jan. 5. Gen. Li and the U.N. envoy agreed."
    assert texts(text) == [
        "Mr. Smith met Dr. Jones in the U.S. on Jan. 5.",
        "Gen. Li and the U.N. envoy agreed.",
    ]


def test_abbreviation_before_a_pronoun_ends_the_sentence() -> None:
    assert texts("She lives in the U.S. He left last year.") == [
        "She lives in the U.S.",
        "He left last year.",
    ]


def test_initials_do_not_end_sentences() -> None:
    text = "Retailers J.C. Penney Co. and Walgreen report. Hynix CEO E.J. Woo condemned it."
    assert texts(text) == [
        "Retailers J.C. Penney Co. and Walgreen report.",
        "Hynix CEO E.J. Woo condemned it.",
    ]
    assert texts("The deal went to J.D. Edwards. The board agreed.") == [
        "The deal went to J.D. Edwards.",
        "The board agreed.",
    ]


def test_initials_of_a_place_or_a_body_end_sentences() -> None:
    assert texts("It went to the F.B.I. Agents questioned him.") == [
        "It went to the F.B.I.",
        "Agents questioned him.",
    ]
    assert texts("He grew up in Newark, N.J. Friends say he was quiet.") == [
        "He grew up in Newark, N.J.",
        "Friends say he was quiet.",
    ]
    assert texts("He reported to the D.A. Prosecutors agreed.") == [
        "He reported to the D.A.",
        "Prosecutors agreed.",
    ]
    assert texts("She lives in L.A. Two years ago she moved.") == [
        "She lives in L.A.",
        "Two years ago she moved.",
    ]


def test_a_cut_before_a_lower_case_word_or_a_closing_bracket_is_undone() -> None:
    assert texts('"The air is going fast!" she screamed at him.') == [
        '"The air is going fast!" she screamed at him.'
    ]
    assert texts("Three Republicans, Wayne Allard (Colo.), and others spoke.") == [
        "Three Republicans, Wayne Allard (Colo.), and others spoke."
    ]
    assert texts("A briefing on the C.I.A. officer was held.") == [
        "A briefing on the C.I.A. officer was held."
    ]


def test_a_spaced_ellipsis_does_not_end_the_sentence() -> None:
    assert texts("Water is left behind . . . there could be cholera.") == [
        "Water is left behind . . . there could be cholera."
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = '"It was good," he said. "We will go further." Xi agreed.'
    assert texts(text) == ['"It was good," he said.', '"We will go further."', "Xi agreed."]


def test_offsets_point_into_the_original_text() -> None:
    text = READOUT.read_text(encoding="utf-8")
    for sentence in split_sentences(text, "A"):
        assert text[sentence.start : sentence.end] == sentence.text


def test_ids_are_stable_and_one_based() -> None:
    sentences = split_sentences("One thing. Another thing.", "B")
    assert [s.id for s in sentences] == ["B1", "B2"]
    assert [s.index for s in sentences] == [0, 1]


def test_each_line_is_a_block() -> None:
    assert texts("Home > News\nThe minister spoke. He left.") == [
        "Home > News",
        "The minister spoke.",
        "He left.",
    ]


def test_hard_wrapped_lines_are_joined() -> None:
    text = (
        "The ministers of the member states met on Thursday in the capital and\n"
        "agreed to improve their cooperation.\n"
    )
    assert texts(text) == [
        "The ministers of the member states met on Thursday in the capital and\n"
        "agreed to improve their cooperation."
    ]


def test_boilerplate_by_shape() -> None:
    assert is_boilerplate("Home\u00a0>\u00a0News & Information", alone_on_line=True)
    assert is_boilerplate("Suggest to a friend:", alone_on_line=True)
    assert is_boilerplate("Minister Meets Delegations in Beijing", alone_on_line=True)
    assert is_boilerplate("Contact the writer at someone@example.com", alone_on_line=True)
    assert is_boilerplate("Write to (someone@example.com) for details.", alone_on_line=False)
    assert not is_boilerplate("The user a@b said hello to everyone.", alone_on_line=False)
    assert not is_boilerplate(
        "The study, published today in Science (www.sciencemag.org), found no link.",
        alone_on_line=False,
    )
    assert not is_boilerplate("The minister met the delegations.", alone_on_line=True)
    assert not is_boilerplate("The minister met the delegations", alone_on_line=False)


def test_corpus_boilerplate_is_marked() -> None:
    readout = split_sentences(READOUT.read_text(encoding="utf-8"), "A")
    china_daily = split_sentences(CHINA_DAILY.read_text(encoding="utf-8"), "B")
    assert [s.id for s in readout if s.boilerplate] == ["A1", "A2", "A26"]
    assert [s.id for s in china_daily if s.boilerplate] == ["B19"]


def test_a_hard_wrapped_text_is_joined_at_its_width() -> None:
    text = (
        "The foreign ministers of the member states met on Thursday in Geneva\n"
        "The talks, which lasted for more than eleven hours, ended with a joint\n"
        "statement on border security and a plan for further meetings in the\n"
        "spring.\n"
    )
    assert len(texts(text)) == 1


def test_a_headline_is_not_joined_to_the_story_under_it() -> None:
    text = (
        "Ministers Agree on a Border Security Plan After Eleven Hours of Talks\n"
        "The foreign ministers of the member states met on Thursday in Geneva, where the talks "
        "lasted for more than eleven hours and ended with a joint statement.\n"
    )
    sentences = split_sentences(text, "A")
    assert [s.boilerplate for s in sentences] == [True, False]


def test_half_width_stops_between_chinese_characters_end_sentences() -> None:
    assert texts("部长会见了记者.他说很好!好吗?是的｡") == [
        "部长会见了记者.",
        "他说很好!",
        "好吗?",
        "是的｡",
    ]
    assert texts("The rate was 3.5 percent. It rose.") == ["The rate was 3.5 percent.", "It rose."]


def test_a_sentence_longer_than_punkts_pieces_stays_one_sentence() -> None:
    names = ", ".join(["Kazakhstan", "Russia", "China"] * 700)
    long_sentence = f"The envoys of {names} met in Beijing on Monday."
    assert texts(long_sentence + " They left.") == [long_sentence, "They left."]
    spaced = "The minister said that" + " " * 6000 + "the talks went well."
    assert texts(spaced) == [spaced]
    assert texts("x" * 10_000 + " went.") == ["x" * 10_000 + " went."]


def test_a_figure_broken_by_a_space_is_one_sentence_a_new_count_is_another() -> None:
    def texts(text: str) -> list[str]:
        return [s.text for s in split_sentences(text, "A")]

    assert texts("They agreed to lend? 22. 4bn to Greece.") == [
        "They agreed to lend? 22. 4bn to Greece."
    ]
    assert texts("The toll rose to 2,400. 300 of them were children.") == [
        "The toll rose to 2,400.",
        "300 of them were children.",
    ]
    assert texts("It was an? 110 billion bailout.") == ["It was an? 110 billion bailout."]
    assert texts("Who was to blame? 17 investigators looked.") == [
        "Who was to blame?",
        "17 investigators looked.",
    ]
