"""Names a claim gives: capitals that are not names, titles apart, one entity in two forms."""

from __future__ import annotations

from sco_compare import compare, compare_claims
from sco_compare.claims.entities import casing, find_acronyms, find_entities


def names_in(sentence: str, *context: str) -> tuple[str, ...]:
    texts = (sentence, *context)
    return find_entities(sentence, casing=casing(texts), acronyms=find_acronyms(texts))


def only_in_one(a: str, b: str) -> set[str]:
    return {g["name"] for g in compare_claims(compare(a, b)).to_dict()["groups"]}


def test_a_capital_that_only_opens_a_sentence_is_not_a_name() -> None:
    assert names_in("Firefighters rescued five people from the balcony.") == ()
    assert names_in("Thompson got up in the fifth.", "Klitschko floored Thompson twice.") == (
        "Thompson",
    )


def test_a_name_that_opens_a_sentence_before_its_appositive_is_a_name() -> None:
    assert names_in("Eurofer, the European steel association, welcomed the deal.")[0] == "Eurofer"


def test_titles_and_portfolios_are_not_part_of_a_name() -> None:
    assert names_in("Former Secretary of State John Kerry said it.") == ("John Kerry",)
    assert names_in("Police Chief John Miller told reporters.") == ("John Miller",)
    assert names_in("Swiss Foreign Minister Anna Keller opened the talks.") == (
        "Swiss",
        "Anna Keller",
    )
    assert names_in("The talks began, Russian Ambassador to China Sergei Razov said.") == (
        "Russian",
        "China",
        "Sergei Razov",
    )


def test_a_person_of_a_place_is_two_names_a_hall_of_a_people_one() -> None:
    assert names_in("It was a win over Manuel Charr of Germany.") == ("Manuel Charr", "Germany")
    assert names_in("They met at the Great Hall of the People.") == ("Great Hall of the People",)


def test_and_continues_a_name_with_of_and_separates_two_others() -> None:
    assert names_in("The Department of Health and Human Services announced rules.") == (
        "Department of Health and Human Services",
    )
    assert names_in("The situation in West Asia and North Africa is unstable.") == (
        "West Asia",
        "North Africa",
    )


def test_a_name_opening_a_sentence_before_a_reporting_verb_is_a_name() -> None:
    assert names_in("Microsoft said it would cut 10,000 jobs.") == ("Microsoft",)
    assert names_in("Officials said the road would reopen.") == ()


def test_a_place_joined_to_a_name_is_its_own_name() -> None:
    assert names_in("The Brussels-based Centre for Trade Studies said so.")[:2] == (
        "Brussels",
        "Centre for Trade Studies",
    )
    assert names_in("Arrests were made, according to Spain's Interior Ministry.") == (
        "Spain",
        "Interior Ministry",
    )


def test_party_tags_and_amounts_are_not_names() -> None:
    assert names_in("Rep. Nick Rahall (D-W. Va.) backed the bill.") == ("Nick Rahall",)
    assert names_in("The bill passed, said Rep. Nick Rahall, D-W. Va., on Monday.") == (
        "Nick Rahall",
    )
    assert "Dh472" not in names_in("The bailout is worth Dh472 billion, the EU said.")


def test_an_acronym_and_its_long_form_are_one_entity() -> None:
    assert (
        only_in_one(
            "The Shanghai Cooperation Organization (SCO) met in Beijing on Monday.",
            "The SCO met in Beijing on Monday.",
        )
        == set()
    )
    assert (
        only_in_one(
            "The U.S. imposed new tariffs on steel on Monday.",
            "The United States imposed new tariffs on steel on Monday.",
        )
        == set()
    )


def test_a_surname_names_the_person_named_in_full() -> None:
    assert (
        only_in_one(
            "Russian Ambassador Sergei Razov praised the talks in Beijing.",
            "Razov praised the talks in Beijing.",
        )
        == set()
    )


def test_capitals_of_a_title_case_headline_make_no_name() -> None:
    a = "Fire Crews Battle Blaze Near Basel\n\nCrews battled a blaze near Basel on Monday."
    b = "A fire broke out near Basel on Monday."
    claims = compare_claims(compare(a, b)).to_dict()["claims"]
    assert [c["entities"] for c in claims if c["source"] == "a"] == [["Basel"]]


def test_initials_and_abbreviations_stay_inside_a_name() -> None:
    assert names_in("Robert F. Kennedy Jr. spoke in Ohio.") == ("Robert F. Kennedy Jr", "Ohio")
    assert names_in("The St. Louis Cardinals won.") == ("St. Louis Cardinals",)
    assert names_in("Martin Luther King Jr. led the march.") == ("Martin Luther King Jr",)


def test_a_dateline_agency_is_no_acronym_of_the_place() -> None:
    assert names_in("KYIV, Ukraine (AP) - Russia fired missiles.")[1:3] == ("Ukraine", "AP")


def test_a_name_opening_a_sentence_before_who_is_a_name() -> None:
    assert names_in("Jones, who said he would retire, won a fifth term.") == ("Jones",)
