"""The build day: SOURCE_DATE_EPOCH when set, otherwise today."""

from __future__ import annotations

import datetime as dt

from build_tools.clock import build_day


def test_source_date_epoch_sets_the_day() -> None:
    assert build_day({"SOURCE_DATE_EPOCH": "1795737600"}) == dt.date(2026, 11, 27)
    assert build_day({"SOURCE_DATE_EPOCH": " 0 "}) == dt.date(1970, 1, 1)


def test_without_it_or_with_nonsense_the_day_is_today() -> None:
    assert build_day({}) == dt.date.today()
    assert build_day({"SOURCE_DATE_EPOCH": "yesterday"}) == dt.date.today()
