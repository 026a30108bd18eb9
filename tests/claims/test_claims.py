"""Claims: clause splitting, speakers, entities, numbers, coverage and conflicts."""

from __future__ import annotations

from typing import Any

from sco_compare import compare, compare_claims
from sco_compare.claims.attribution import find_speaker
from sco_compare.claims.clauses import clause_spans
from sco_compare.claims.entities import entity_key, find_acronyms
from tests.conftest import CHINA_DAILY, READOUT


def clauses(text: str) -> list[str]:
    return [text[start:end] for start, end in clause_spans(text)]


def claims_of(a: str, b: str) -> dict[str, Any]:
    return compare_claims(compare(a, b)).to_dict()


def test_semicolons_and_enumerations_split_claims() -> None:
    text = (
        "Members should, first consolidate mutual trust; second, improve cooperation mechanisms;"
        " and third expand cooperation with other nations."
    )
    assert clauses(text) == [
        "Members should, first consolidate mutual trust",
        "second, improve cooperation mechanisms",
        "and third expand cooperation with other nations.",
    ]


def test_coordinated_verb_phrase_with_an_object_is_a_claim() -> None:
    text = (
        "The parties reached a consensus on border security"
        " and adopted the revised regulations in principle."
    )
    assert clauses(text) == [
        "The parties reached a consensus on border security",
        "and adopted the revised regulations in principle.",
    ]


def test_short_pieces_are_not_split_off() -> None:
    assert clauses("Drug trafficking and organized crime are rising.") == [
        "Drug trafficking and organized crime are rising."
    ]


def test_closing_place_is_a_claim_of_its_own() -> None:
    text = (
        "The vice president met the heads of the delegations on Thursday"
        " at the Great Hall of the People."
    )
    assert clauses(text)[-1] == "at the Great Hall of the People."


def test_offsets_of_claims_point_into_the_text() -> None:
    text = "Xi arrived on Monday. He met the ministers; they agreed on a plan for border patrols."
    report = claims_of(text, "Nothing else happened in Oslo today.")
    decoded = compare(text, "x y z.").document_a.text
    for claim in report["claims"]:
        if claim["source"] == "a":
            assert decoded[claim["start"] : claim["end"]] == claim["text"]


def test_a_title_and_affiliation_before_the_name_are_its_role() -> None:
    speaker = find_speaker(
        "Russian Ambassador to China Sergei Razov told China Daily that it worked."
    )
    assert speaker is not None
    assert (speaker.name, speaker.role) == ("Sergei Razov", "Russian Ambassador to China")


def test_speaker_after_the_clause() -> None:
    speaker = find_speaker("A crackdown on Internet crimes should be carried out, Meng added.")
    assert speaker is not None and speaker.name == "Meng"


def test_according_to_names_the_source() -> None:
    speaker = find_speaker("A meeting was held, according to the Xinjiang Daily.")
    assert speaker is not None and speaker.name == "Xinjiang Daily"


def test_he_said_after_a_quote_resolves_to_the_last_named_speaker() -> None:
    text = (
        "State Councilor Meng Jianzhu said cooperation was urgent. "
        '"We will act together," he said. '
        '"The threats are real."'
    )
    report = claims_of(text, "Snow fell in Oslo on Monday.")
    speakers = [c["speaker"] for c in report["claims"] if c["source"] == "a"]
    assert speakers == ["Meng Jianzhu"] * 3


def test_acronyms_link_to_their_expansion() -> None:
    acronyms = find_acronyms(["The Shanghai Cooperation Organization (SCO) met.", "The SCO grew."])
    assert acronyms.canonical("SCO") == "Shanghai Cooperation Organization"
    by_initials = find_acronyms(["The World Health Organization met.", "The WHO spoke."])
    assert by_initials.canonical("WHO") == "World Health Organization"


def test_hyphenated_titles_fold() -> None:
    assert entity_key("Vice-President Xi") == entity_key("Vice President Xi")


def test_a_claim_only_one_side_makes_is_unique() -> None:
    a = "The ministers met in Geneva on Monday. They took a group photo after the talks."
    b = "The ministers met in Geneva on Monday."
    report = claims_of(a, b)
    statuses = {c["text"]: c["status"] for c in report["claims"]}
    assert statuses["They took a group photo after the talks."] == "unique"
    assert statuses["The ministers met in Geneva on Monday."] == "shared"


def test_different_speakers_make_a_claim_partial_at_most() -> None:
    a = "Razov praised China's contribution to the organization."
    b = "The heads of delegations praised China's contribution to the organization."
    claim = claims_of(a, b)["claims"][0]
    assert claim["status"] == "partial"
    assert "attributed to Razov here" in claim["notes"][0]


def test_differing_numbers_are_conflicts() -> None:
    a = "The census said 16 million children received food stamps in 2014."
    b = "The census said 15 million children received food stamps in 2014."
    report = claims_of(a, b)
    assert report["conflicts"] == [
        {
            "a": "A1",
            "b": "B1",
            "kind": "number",
            "a_values": ["16,000,000 children"],
            "b_values": ["15,000,000 children"],
        }
    ]
    assert report["claims"][0]["status"] == "partial"


def test_a_shared_figure_does_not_hide_one_that_differs() -> None:
    a = "The index rose from 5% to 9% in the year to March, the bank said."
    b = "The index rose from 5% to 7% in the year to March, the bank said."
    conflicts = claims_of(a, b)["conflicts"]
    assert [(c["a_values"], c["b_values"]) for c in conflicts] == [(["9%"], ["7%"])]


def test_speakers_and_entities_only_one_source_names_are_grouped() -> None:
    a = "Xi met the delegations in Beijing. Razov said the talks went well."
    b = "Xi met the delegations in Beijing. A meeting was also held in Xinjiang."
    groups = {(g["kind"], g["name"], g["source"]) for g in claims_of(a, b)["groups"]}
    assert ("speaker", "Razov", "a") in groups
    assert ("entity", "Xinjiang", "b") in groups
    assert ("entity", "Beijing", "a") not in groups


def test_numbers_with_different_units_do_not_conflict() -> None:
    a = "Police arrested 15 men in the square on Monday."
    b = "Police arrested 15 protesters in the square on Monday."
    assert claims_of(a, b)["conflicts"] == []


def test_a_date_given_with_and_without_its_year_does_not_conflict() -> None:
    a = "The ministry announced the plan on September 30, 2003, in Beijing."
    b = "The ministry announced the plan on September 30 in Beijing."
    assert claims_of(a, b)["conflicts"] == []
    c = "The ministry announced the plan on October 30 in Beijing."
    assert [x["kind"] for x in claims_of(a, c)["conflicts"]] == ["date"]


def test_speakers_named_in_lower_case_or_after_the_verb() -> None:
    for text, name in (
        ("Three people were hurt, police said.", "police"),
        ("The road reopens, local officials said on Monday.", "local officials"),
        ("The fire started at night, according to officials.", "officials"),
        ('"We are ready," said Anna Keller, the mayor.', "Anna Keller"),
        ("Smith, 45, said he was tired.", "Smith"),
        ("The Alpha Corp announced profits on Monday, said John Smith.", "John Smith"),
        ("Xi said the plan would work, said the newspaper.", "Xi"),
        ("Smith said prices would rise, adds the report.", "Smith"),
    ):
        speaker = find_speaker(text)
        assert speaker is not None and speaker.name == name, text
    assert find_speaker("Member states should, first, consolidate mutual trust") is None


def test_a_person_named_by_surname_is_mentioned() -> None:
    a = "Mayor Anna Keller opened the new bridge over the river on Monday."
    b = "The new bridge opened on Monday; Keller cut the ribbon."
    groups = {(g["kind"], g["name"]) for g in claims_of(a, b)["groups"]}
    assert ("entity", "Mayor Anna Keller") not in groups


def test_every_counterpart_is_a_claim_or_a_sentence_of_the_other_source() -> None:
    report = claims_of(READOUT.read_text(encoding="utf-8"), CHINA_DAILY.read_text(encoding="utf-8"))
    claims = report["claims"]
    sentence_ids = {s["id"] for source in report["sources"] for s in source["sentences"]}
    claim_ids = {c["id"] for c in claims}
    for claim in claims:
        counterpart = claim["counterpart"]
        if claim["status"] == "unique":
            assert counterpart is None
            continue
        assert counterpart["id"] in claim_ids | sentence_ids
        assert counterpart["id"][0] != claim["id"][0]  # from the other source
        assert 0.0 < claim["score"] <= 1.0
    for group in report["groups"]:
        assert set(group["claims"]) <= claim_ids


def test_two_years_in_conflict_in_two_roles_are_two_conflicts() -> None:
    a = "The bloc, founded in 2001, has met yearly since 2007."
    b = "The bloc, founded in 2003, has met yearly since 2012."
    conflicts = claims_of(a, b)["conflicts"]
    assert sorted((c["a_values"], c["b_values"]) for c in conflicts) == [
        (["2001"], ["2003"]),
        (["2007"], ["2012"]),
    ]
