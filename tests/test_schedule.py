"""Open now, across a whole week, public holidays and both daylight-saving weekends (Europe/Stockholm)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from bot.schedule import STOCKHOLM, ScheduleError, parse_schedule, swedish_public_holidays

OFFICE = parse_schedule({
    "mon": ["09:00-15:00"], "tue": ["09:00-15:00"], "wed": ["09:00-12:00", "13:00-15:00"],
    "thu": ["09:00-15:00"], "fri": ["09:00-15:00"], "closed_on_public_holidays": True,
})
EVERY_DAY = parse_schedule({d: ["09:00-19:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=STOCKHOLM)


def test_a_whole_ordinary_week_hour_by_hour():
    monday = local(2026, 11, 16, 0, 30)
    for hour in range(7 * 24):
        moment = monday + timedelta(hours=hour)
        weekday, clock = moment.weekday(), moment.hour + moment.minute / 60
        expected = weekday < 5 and 9 <= clock < 15 and not (weekday == 2 and 12 <= clock < 13)
        assert OFFICE.is_open(moment) is expected, moment


def test_next_opening_over_a_weekend():
    friday_evening = local(2026, 11, 20, 16, 0)
    assert OFFICE.next_opening(friday_evening) == local(2026, 11, 23, 9, 0)
    assert OFFICE.next_opening(local(2026, 11, 18, 12, 30)) == local(2026, 11, 18, 13, 0)


def test_public_holidays_are_closed_and_skipped():
    holidays = swedish_public_holidays(2026)
    assert date(2026, 4, 3) in holidays   # långfredag
    assert date(2026, 4, 6) in holidays   # annandag påsk
    assert date(2026, 5, 14) in holidays  # Kristi himmelfärd
    assert date(2026, 6, 19) in holidays  # midsommarafton
    assert date(2026, 10, 31) in holidays  # alla helgons dag
    assert not OFFICE.is_open(local(2026, 4, 6, 10, 0))
    assert OFFICE.next_opening(local(2026, 4, 2, 16, 0)) == local(2026, 4, 7, 9, 0)


@pytest.mark.parametrize(
    ("utc", "expected_open"),
    [
        # Spring forward, Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST.
        (datetime(2026, 3, 29, 7, 30, tzinfo=timezone.utc), True),    # 09:30 CEST
        (datetime(2026, 3, 29, 7, 59, tzinfo=timezone.utc), True),    # 09:59 CEST
        (datetime(2026, 3, 29, 6, 59, tzinfo=timezone.utc), False),   # 08:59 CEST
        (datetime(2026, 3, 28, 7, 59, tzinfo=timezone.utc), False),   # Saturday 08:59 CET
        (datetime(2026, 3, 28, 8, 0, tzinfo=timezone.utc), True),     # Saturday 09:00 CET
        # Fall back, Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET.
        (datetime(2026, 10, 25, 7, 59, tzinfo=timezone.utc), False),  # 08:59 CET
        (datetime(2026, 10, 25, 8, 0, tzinfo=timezone.utc), True),    # 09:00 CET
        (datetime(2026, 10, 25, 17, 59, tzinfo=timezone.utc), True),  # 18:59 CET
        (datetime(2026, 10, 25, 18, 0, tzinfo=timezone.utc), False),  # 19:00 CET
        (datetime(2026, 10, 24, 16, 59, tzinfo=timezone.utc), True),  # Saturday 18:59 CEST
        (datetime(2026, 10, 24, 17, 0, tzinfo=timezone.utc), False),  # Saturday 19:00 CEST
    ],
)
def test_daylight_saving_weekends(utc, expected_open):
    assert EVERY_DAY.is_open(utc) is expected_open


def test_next_opening_across_the_daylight_saving_switch():
    saturday_night = datetime(2026, 3, 28, 22, 0, tzinfo=timezone.utc)  # 23:00 CET
    opening = EVERY_DAY.next_opening(saturday_night)
    assert opening.astimezone(timezone.utc) == datetime(2026, 3, 29, 7, 0, tzinfo=timezone.utc)  # 09:00 CEST


def test_always_open():
    always = parse_schedule("always")
    assert always.is_open(local(2026, 12, 24, 3, 0)) and always.next_opening(local(2026, 12, 24, 3, 0)) is None


@pytest.mark.parametrize("raw", [{"monday": ["09:00-15:00"]}, {"mon": "09-15"}, {"mon": ["15:00-09:00"]}, {"mon": ["25:00-26:00"]}, "sometimes", {}])
def test_bad_schedules_are_rejected_with_a_hint(raw):
    with pytest.raises(ScheduleError):
        parse_schedule(raw)
