"""Numbers, amounts, dates and ranks found and normalized."""

from __future__ import annotations

from sco_compare.text.figures import find_numbers, material_conflicts


def test_numbers_and_dates_are_normalized() -> None:
    text = (
        "Founded on June 15, 2001, it holds its 12th summit for 2013-2015 in ten years,"
        " on Thursday."
    )
    assert [str(n) for n in find_numbers(text)] == [
        "2001-06-15",
        "12th",
        "2013-2015",
        "10 years",
        "thursday",
    ]


def test_a_number_that_is_not_a_number_is_kept_as_written() -> None:
    assert [str(n) for n in find_numbers("Version 2.6.0 came out for 1.234.567 users.")] == [
        "2.6.0 came",
        "1.234.567 users",
    ]


def test_dates_written_with_numbers_are_dates() -> None:
    assert [str(n) for n in find_numbers("Met on 12/04/2012, or 12.4.2012; Python 3.11.10.")] == [
        "12/4/2012",
        "12/4/2012",
        "3.11.10",
    ]


def test_counted_things_keep_their_unit() -> None:
    assert [str(n) for n in find_numbers("Police arrested 15 men.")] == ["15 men"]
    assert [str(n) for n in find_numbers("It took 2 minutes.")] == ["2 minutes"]
    assert [str(n) for n in find_numbers("Three shelters and 4 shelters.")] == [
        "3 shelters",
        "4 shelters",
    ]


def test_a_year_before_punctuation_is_a_year() -> None:
    assert [str(n) for n in find_numbers("The law passed in 2012. In 2012, it changed.")] == [
        "2012",
        "2012",
    ]
    assert [str(n) for n in find_numbers("Aid grew in the 1990s.")] == ["1990s"]


def test_years_in_different_roles_do_not_conflict() -> None:
    founded = find_numbers("The bloc, founded in 2001, has met yearly since 2007.")
    assert material_conflicts(founded, find_numbers("The bloc met in Beijing in 2012.")) == []
    by_2025 = find_numbers("The commission will report by 2025.")
    by_2026 = find_numbers("The commission will report by 2026.")
    assert material_conflicts(by_2025, by_2026) == [("year", ["2025"], ["2026"])]
