"""The office profile and the one way Siaran writes dates and times."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from composer.core.i18n import UserError
from composer.core.office import (
    OfficeProfile,
    format_date,
    format_datetime,
    format_time,
    parse_local,
    zone_of,
)

AUG17_0900_WIB = datetime(2026, 8, 17, 2, 0, tzinfo=UTC)


def test_dates_in_indonesian_and_english_come_from_cldr():
    assert format_date(date(2026, 8, 17), "id") == "17 Agustus 2026"
    assert format_date(date(2026, 8, 17), "en") == "17 August 2026"
    assert format_date(date(2026, 8, 17), "id", weekday=True) == "Senin, 17 Agustus 2026"


def test_a_time_always_carries_its_zone_and_the_indonesian_clock_uses_a_full_stop():
    assert format_datetime(AUG17_0900_WIB, "id") == "17 Agustus 2026 pukul 09.00 WIB"
    assert format_datetime(AUG17_0900_WIB, "en", "WITA") == "17 August 2026, 10:00 WITA"
    assert format_time(AUG17_0900_WIB, "id", "WIT") == "11.00 WIT"


def test_the_local_date_is_the_zones_date_not_utcs():
    late = datetime(2026, 8, 16, 17, 30, tzinfo=UTC)  # 00.30 WIB on the 17th
    assert format_date(late, "id", zone="WIB") == "17 Agustus 2026"


@pytest.mark.parametrize("text", ["2026-08-17 09:00 WIB", "2026-08-17 09.00 wib",
                                  "2026-08-17T09:00+07:00", "2026-08-17 10:00 WITA"])
def test_parse_local_understands_the_ways_an_officer_writes_a_time(text):
    assert parse_local(text) == AUG17_0900_WIB


def test_a_time_without_zone_is_in_the_offices_zone():
    assert parse_local("2026-08-17 11:00", zone="WIT") == AUG17_0900_WIB


@pytest.mark.parametrize("text", ["besok pagi", "2026-08-17 09:00+07:00 WIB"])
def test_what_is_not_a_time_is_one_line(text):
    with pytest.raises(UserError):
        parse_local(text)


def test_unknown_zone_is_refused():
    with pytest.raises(UserError):
        zone_of("CET")


def test_profile_round_trips_and_a_damaged_file_starts_empty(tmp_path):
    profile = OfficeProfile(name="Diskominfo Sleman", zone="WITA", phones=["0274 868405"])
    profile.save(tmp_path)
    again = OfficeProfile.load(tmp_path)
    assert again == profile and again.tz.utcoffset(None).total_seconds() == 8 * 3600
    (tmp_path / "office.json").write_text("{not json", encoding="utf-8")
    assert OfficeProfile.load(tmp_path) == OfficeProfile()
    (tmp_path / "office.json").write_text('{"zone": "CET"}', encoding="utf-8")
    assert OfficeProfile.load(tmp_path).zone == "WIB"
