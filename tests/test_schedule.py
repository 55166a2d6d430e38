"""Open now, across a whole week, public holidays and both daylight-saving weekends (Europe/Stockholm)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from bot import schedule
from bot.schedule import STOCKHOLM, ScheduleError, parse_schedule, swedish_public_holidays

OFFICE = parse_schedule({
    "mon": ["09:00-15:00"], "tue": ["09:00-15:00"], "wed": ["09:00-12:00", "13:00-15:00"],
    "thu": ["09:00-15:00"], "fri": ["09:00-15:00"], "closed_on_public_holidays": True,
})
EVERY_DAY = parse_schedule({d: ["09:00-19:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})
EVERY_DAY_CLOSED_ON_HOLIDAYS = parse_schedule({d: ["09:00-19:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
                                              | {"closed_on_public_holidays": True})


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


def _easter_sunday(year: int) -> date:
    """Gregorian Easter (Anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _first_saturday_between(start: date, end: date) -> date:
    day = start
    while day.weekday() != 5:
        day += timedelta(days=1)
    assert day <= end
    return day


def _hand_computed_holidays(year: int) -> frozenset[date]:
    """The calendar bot/schedule.py computed by hand before it used the `holidays` package, kept verbatim as the reference."""
    easter = _easter_sunday(year)
    midsummer_day = _first_saturday_between(date(year, 6, 20), date(year, 6, 26))
    all_saints = _first_saturday_between(date(year, 10, 31), date(year, 11, 6))
    return frozenset(
        {
            date(year, 1, 1),
            date(year, 1, 6),
            easter - timedelta(days=2),
            easter,
            easter + timedelta(days=1),
            date(year, 5, 1),
            easter + timedelta(days=39),
            date(year, 6, 6),
            midsummer_day - timedelta(days=1),
            midsummer_day,
            all_saints,
            date(year, 12, 24),
            date(year, 12, 25),
            date(year, 12, 26),
            date(year, 12, 31),
        }
    )


@pytest.mark.parametrize("year", range(2020, 2036))
def test_holidays_from_the_package_equal_the_hand_computed_ones(year):
    """Same days as before, plus pingstdagen: a public holiday by law that the hand-made list missed."""
    pentecost = _easter_sunday(year) + timedelta(days=49)
    assert swedish_public_holidays(year) == _hand_computed_holidays(year) | {pentecost}


def test_the_closed_eves_stay_even_where_the_package_leaves_them_out(monkeypatch):
    monkeypatch.setattr(schedule.holidays, "Sweden", lambda **kwargs: {})
    schedule.swedish_public_holidays.cache_clear()
    try:
        assert swedish_public_holidays(2027) == {date(2027, 6, 25), date(2027, 12, 24), date(2027, 12, 31)}
    finally:
        schedule.swedish_public_holidays.cache_clear()


def test_ordinary_sundays_are_not_holidays():
    assert date(2026, 11, 29) not in swedish_public_holidays(2026)
    assert EVERY_DAY_CLOSED_ON_HOLIDAYS.is_open(local(2026, 11, 29, 10, 0))
    assert not EVERY_DAY_CLOSED_ON_HOLIDAYS.is_open(local(2026, 5, 24, 10, 0))  # pingstdagen
