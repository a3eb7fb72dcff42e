"""Sensitive dates: Indonesia's holidays and cuti bersama from the holidays package, Nyepi holds
an office in Bali, the office's own days (mourning, masa tenang), perkiraan marks until
confirmed; a post scheduled into a hold is refused by the rule book with the reason."""

from __future__ import annotations

from datetime import date, datetime

from composer import cli
from composer.core import checks
from composer.core.adapters import Severity
from composer.core.governance.dates import Calendar
from composer.core.office import ZONES
from composer.core.post import Post
from composer.core.registry import default_registry


def test_national_holidays_cuti_bersama_and_estimates():
    calendar = Calendar()
    year = calendar.year(2026)
    names = {d.day: d.name for d in year}
    assert names[date(2026, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"
    assert date(2026, 12, 24) in names  # cuti bersama Natal (government category)
    later = Calendar().year(2028)
    estimated = [d for d in later if d.estimate]
    assert estimated and all("perkiraan" not in d.name for d in estimated)
    calendar.confirm(estimated[0].day.isoformat())
    assert not [d for d in calendar.year(2028) if d.day == estimated[0].day and d.estimate]


def test_nyepi_holds_only_in_bali():
    nyepi = date(2026, 3, 19)
    assert [d.severity for d in Calendar().on(nyepi)] == ["hint"]
    assert [d.severity for d in Calendar(region="Bali").on(nyepi)][0] == "hold"


def test_a_post_scheduled_into_a_hold_is_refused_with_the_reason(siaran_home, capsys):
    assert cli.main(["calendar", "add", "2026-11-02", "--end", "2026-11-04", "--name",
                     "Hari Berkabung Nasional", "--severity", "hold"]) == 0
    spec = default_registry().get("mastodon").spec
    post = Post(text="Jadwal pelayanan", schedule=datetime(2026, 11, 3, 9, tzinfo=ZONES["WIB"]))
    result = checks.check(post, "mastodon", spec, now=datetime(2026, 10, 1, tzinfo=ZONES["WIB"]))
    [hold] = [f for f in result.findings if f.code == "gov.date.hold"]
    assert hold.severity == Severity.BLOCK and "Hari Berkabung Nasional" in hold.message
    assert not result.ok
    post.schedule = datetime(2026, 11, 5, 9, tzinfo=ZONES["WIB"])
    assert not [f for f in checks.check(post, "mastodon", spec).findings
                if f.code == "gov.date.hold"]
    capsys.readouterr()
    assert cli.main(["calendar", "list", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "2026-11-03" in out and "Hari Berkabung Nasional" in out and "2026-08-17" in out
    assert cli.main(["calendar", "add", "2026-13-01", "--name", "x", "--severity", "hold"]) == 2
