"""Dates: French, English, Spanish and German date forms found in short lines and turned into ISO 8601."""

from __future__ import annotations

import datetime as dt

import pytest

from cleaner.dates import find_date
from cleaner.lexicon import load_lexicon


@pytest.fixture(scope="module")
def months():
    return load_lexicon().months


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("publié le 4 juillet 2025 à 11h34", "2025-07-04T11:34"),
        ("Mis à jour le 1er janvier 2024", "2024-01-01"),
        ("4 février 2025", "2025-02-04"),
        ("4 fevrier 2025", "2025-02-04"),
        ("4th July 2025", "2025-07-04"),
        ("4 de julio de 2025", "2025-07-04"),
        ("el 3 de marzo de 2024 a las 10:15", "2024-03-03T10:15"),
        ("4. Juli 2025", "2025-07-04"),
        ("12. März 2024 um 14:05", "2024-03-12T14:05"),
        ("2025-07-04T11:34:00Z", "2025-07-04T11:34"),
        ("04/07/2025", "2025-07-04"),
        ("4.7.2025", "2025-07-04"),
    ],
)
def test_day_first_forms(months, text, iso):
    """Day-first dates in the four lexicon languages, ISO and numeric forms, with their time when given."""
    found = find_date(text, months)
    assert found is not None
    assert found.iso == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("July 4, 2025", "2025-07-04"),
        ("Sept. 5, 2024", "2024-09-05"),
        ("July 4, 2025 at 3:30 p.m.", "2025-07-04T15:30"),
        ("July 4, 2025 12:05 am", "2025-07-04T00:05"),
    ],
)
def test_english_month_first_forms(months, text, iso):
    """English month-first dates, with a.m./p.m. times turned into 24-hour clock."""
    found = find_date(text, months, month_first=True)
    assert found is not None
    assert found.iso == iso


def test_numeric_order_follows_month_first(months):
    """'04/07/2025' is 4 July day-first and 7 April month-first; a day above 12 settles it either way."""
    assert find_date("04/07/2025", months).iso == "2025-07-04"
    assert find_date("04/07/2025", months, month_first=True).iso == "2025-04-07"
    assert find_date("13/07/2025", months, month_first=True).iso == "2025-07-13"


def test_dash_separated_numeric_dates(months):
    """Forum software writes '04-09-2025, 08:14 PM'; the two separators must be the same."""
    assert find_date("04-09-2025, 08:14 PM #1", months, month_first=True).iso == "2025-04-09T20:14"
    assert find_date("14-09-2025", months).iso == "2025-09-14"
    assert find_date("4/9-2025", months) is None


def test_offsets_cover_the_date(months):
    """start/end delimit the date (and time) in the text."""
    text = "publié le 4 juillet 2025 à 11h34"
    found = find_date(text, months)
    assert text[found.start : found.end] == "4 juillet 2025 à 11h34"


@pytest.mark.parametrize("text", ["no date here", "Monday 4 Foo 2025", "32/01/2025", "le 4 juillet"])
def test_no_date(months, text):
    """Text without a full date gives None."""
    assert find_date(text, months) is None


def test_impossible_dates_are_not_returned(months):
    """A day that does not exist in its month is not a date: None, never an invalid ISO string."""
    for text in ("31 juin 2025", "30 février 2024", "29 February 2023", "31 de abril de 2025", "31/04/2025"):
        found = find_date(text, months)
        if found is not None:
            try:
                dt.date.fromisoformat(found.iso[:10])
            except ValueError:
                pytest.fail(f"{text!r} gave the impossible date {found.iso}")
