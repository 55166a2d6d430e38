"""Opening hours: is a channel open now, and when does it open (Europe/Stockholm)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

STOCKHOLM = ZoneInfo("Europe/Stockholm")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES_SV = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
_INTERVAL = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


class ScheduleError(ValueError):
    """A schedule that cannot be read; the message is a Swedish hint for editors."""


@dataclass(frozen=True)
class Interval:
    start: time
    end: time  # time(0, 0) as an end means midnight

    def contains(self, moment: time) -> bool:
        if self.end == time(0, 0):
            return moment >= self.start
        return self.start <= moment < self.end


@dataclass(frozen=True)
class Schedule:
    """Weekly opening hours in Stockholm time, or always open."""

    always_open: bool = False
    weekly: dict[int, tuple[Interval, ...]] = field(default_factory=dict)
    closed_on_public_holidays: bool = False

    def is_open(self, moment: datetime) -> bool:
        if self.always_open:
            return True
        local = moment.astimezone(STOCKHOLM)
        if self.closed_on_public_holidays and local.date() in swedish_public_holidays(local.year):
            return False
        return any(interval.contains(local.time()) for interval in self.weekly.get(local.weekday(), ()))

    def next_opening(self, moment: datetime) -> datetime | None:
        """The next moment (Stockholm time) the channel opens, or None if always open or never."""
        if self.always_open or not self.weekly:
            return None
        local = moment.astimezone(STOCKHOLM)
        for day_offset in range(0, 15):
            day = local.date() + timedelta(days=day_offset)
            if self.closed_on_public_holidays and day in swedish_public_holidays(day.year):
                continue
            for interval in sorted(self.weekly.get(day.weekday(), ()), key=lambda i: i.start):
                opening = datetime.combine(day, interval.start, tzinfo=STOCKHOLM)
                if opening > local:
                    return opening
        return None


ALWAYS = Schedule(always_open=True)


def parse_schedule(raw: object) -> Schedule:
    """Read the YAML form: 'always', or {mon: ["09:00-12:00"], ..., closed_on_public_holidays: true}."""
    if raw == "always":
        return ALWAYS
    if not isinstance(raw, dict):
        raise ScheduleError("skriv 'always' eller veckodagar, t.ex. mon: [\"09:00-16:00\"]")
    weekly: dict[int, tuple[Interval, ...]] = {}
    closed_on_holidays = False
    for key, value in raw.items():
        if key == "closed_on_public_holidays":
            if not isinstance(value, bool):
                raise ScheduleError("closed_on_public_holidays ska vara true eller false")
            closed_on_holidays = value
            continue
        if key not in DAYS:
            raise ScheduleError(f"okänd dag '{key}'. Använd {', '.join(DAYS)}")
        if not isinstance(value, list) or not value:
            raise ScheduleError(f"{key}: skriv en lista med tider, t.ex. [\"09:00-16:00\"]")
        weekly[DAYS.index(key)] = tuple(_parse_interval(key, str(item)) for item in value)
    if not weekly:
        raise ScheduleError("ange minst en dag med öppettider, eller 'always'")
    return Schedule(weekly=weekly, closed_on_public_holidays=closed_on_holidays)


def _parse_interval(day: str, text: str) -> Interval:
    match = _INTERVAL.match(text.strip())
    if not match:
        raise ScheduleError(f"{day}: '{text}' ska skrivas som \"09:00-16:00\"")
    start_h, start_m, end_h, end_m = (int(part) for part in match.groups())
    if start_h > 23 or end_h > 24 or start_m > 59 or end_m > 59:
        raise ScheduleError(f"{day}: '{text}' är inte en giltig tid")
    start = time(start_h, start_m)
    end = time(0, 0) if end_h == 24 else time(end_h, end_m)
    if end != time(0, 0) and end <= start:
        raise ScheduleError(f"{day}: '{text}' slutar före den börjar")
    return Interval(start, end)


def describe_week(schedule: Schedule) -> str:
    """The weekly hours in Swedish: 'måndag–fredag 09:00–15:00', 'dygnet runt'."""
    if schedule.always_open:
        return "dygnet runt"
    runs: list[tuple[int, int, tuple[Interval, ...]]] = []
    for day in range(7):
        intervals = schedule.weekly.get(day)
        if not intervals:
            continue
        if runs and runs[-1][1] == day - 1 and runs[-1][2] == intervals:
            runs[-1] = (runs[-1][0], day, intervals)
        else:
            runs.append((day, day, intervals))
    parts = []
    for first, last, intervals in runs:
        days = DAY_NAMES_SV[first] if first == last else f"{DAY_NAMES_SV[first]}–{DAY_NAMES_SV[last]}"
        hours = " och ".join(f"{i.start:%H:%M}–{'24:00' if i.end == time(0, 0) else f'{i.end:%H:%M}'}" for i in intervals)
        parts.append(f"{days} {hours}")
    text = ", ".join(parts)
    return text + (", utom helgdagar" if schedule.closed_on_public_holidays else "")


def describe_opening(opening: datetime, now: datetime) -> str:
    """Swedish words for when a channel opens: 'kl. 09:00', 'i morgon kl. 09:00', 'måndag kl. 09:00'."""
    local_now = now.astimezone(STOCKHOLM)
    clock = opening.strftime("%H:%M")
    days_ahead = (opening.date() - local_now.date()).days
    if days_ahead == 0:
        return f"kl. {clock}"
    if days_ahead == 1:
        return f"i morgon kl. {clock}"
    return f"{DAY_NAMES_SV[opening.weekday()]} kl. {clock}"


# Closed in practice though not public holidays by law; the calendar package lists them only as
# de facto holidays, so they are kept here whatever it does.
def _closed_eves(year: int) -> set[date]:
    midsummer_eve = next(date(year, 6, day) for day in range(19, 26) if date(year, 6, day).weekday() == 4)
    return {midsummer_eve, date(year, 12, 24), date(year, 12, 31)}


@lru_cache(maxsize=16)
def swedish_public_holidays(year: int) -> frozenset[date]:
    """Swedish public holidays except ordinary Sundays, plus the eves that are closed days (midsommar-, jul-, nyårsafton).

    The calendar (Easter, midsummer, All Saints) comes from the `holidays` package rather than our own arithmetic."""
    calendar = holidays.Sweden(years=year, include_sundays=False)  # type: ignore[attr-defined] # made at import
    return frozenset(calendar) | _closed_eves(year)
