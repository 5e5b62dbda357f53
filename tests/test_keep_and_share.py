"""Keep and share a job: its deadline in a calendar, a link to send, a page that prints."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import LANGS


def test_each_open_job_has_its_deadline_as_a_calendar_file(site: Path) -> None:
    jobs = json.loads((site / "jobs.json").read_text(encoding="utf-8"))["jobs"]
    assert jobs
    for lang in ("fr", "ar"):
        for job in jobs:
            path = site / lang / "jobs" / job["id"] / "deadline.ics"
            raw = path.read_bytes()
            assert b"\r\n" in raw and raw.endswith(b"END:VCALENDAR\r\n")
            cal = icalendar.Calendar.from_ical(raw)
            events = list(cal.walk("VEVENT"))
            assert len(events) == 1
            event = events[0]
            deadline = dt.date.fromisoformat(job["deadline"][:10])
            assert event.decoded("dtstart") == deadline and event.decoded("dtend") == deadline + dt.timedelta(days=1)
            assert str(event["url"]) == f"https://passerelle.example.org/{lang}/jobs/{job['id']}/"
            assert job["title"].get(lang, job["title"]["fr"]) in str(event["summary"])
            assert [a.decoded("trigger") for a in event.walk("VALARM")] == [dt.timedelta(days=-1)]
            page = (site / lang / "jobs" / job["id"] / "index.html").read_text(encoding="utf-8")
            assert f'href="/{lang}/jobs/{job["id"]}/deadline.ics" download' in page
    assert sorted(p.parent.name for p in (site / "fr" / "jobs").rglob("deadline.ics")) == sorted(
        j["id"].split("/")[1] for j in jobs
    )  # open jobs only: a closed job has no reminder
    assert all((site / lang / "jobs").is_dir() for lang in LANGS)


def test_the_weekly_digest_says_the_week_s_new_jobs_ready_to_paste_with_a_feed_a_week(tmp_path: Path) -> None:
    import html
    import re

    import feedparser

    from conftest import ROOT, run

    out = tmp_path / "site"
    done = run(ROOT, "build", "--quiet", "--out", str(out), "--today", "2026-11-05")
    assert done.returncode == 0, done.stderr
    jobs = json.loads((out / "jobs.json").read_text(encoding="utf-8"))["jobs"]
    week = sorted(j["id"] for j in jobs if "2026-10-30" <= j["posted"][:10] <= "2026-11-05")
    assert len(week) == 2
    for lang in ("fr", "ar"):
        page = (out / lang / "week" / "index.html").read_text(encoding="utf-8")
        text = html.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S).group(1))
        urls = re.findall(r"https://passerelle\.example\.org/\S+", text)
        assert sorted(u.split(f"/{lang}/jobs/")[1].rstrip("/") for u in urls) == week
        assert "<" not in text, "plain text to paste, no markup"
        titles = {j["id"]: j["title"].get(lang, j["title"]["fr"]) for j in jobs}
        assert all(f"• {titles[i]}" in text for i in week)
        feed = feedparser.parse((out / lang / "feeds" / "week.xml").read_bytes())
        assert feed.bozo == 0 and len(feed.entries) >= 2
        newest, before = feed.entries[0], feed.entries[1]  # 2 November is a Monday: two ISO weeks
        assert newest.id.endswith(f":week/2026-w45/{lang}") and before.id.endswith(f":week/2026-w44/{lang}")
        assert (out / lang / "feeds" / "week.atom.xml").is_file() and (out / lang / "feeds" / "week.feed.json").is_file()
    quiet = out.parent / "later"
    assert run(ROOT, "build", "--quiet", "--out", str(quiet), "--today", "2026-12-02").returncode == 0
    page = (quiet / "fr" / "week" / "index.html").read_text(encoding="utf-8")
    assert "<textarea" not in page and "Pas de nouvelle offre cette semaine." in page


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_a_calendar_text_is_what_icalendar_writes_and_reads_back_without_control_characters(value: str) -> None:
    from passerelle.render.calendar import fold, text

    line = fold(f"SUMMARY:{text(value)}")
    assert all(len(part.encode("utf-8")) <= 75 for part in line.split("\r\n"))
    event = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\n{line}\r\nEND:VEVENT\r\n")
    kept = "".join(c for c in value.replace("\r\n", "\n").replace("\r", "\n") if c == "\n" or not _control(c))
    assert str(event["summary"]) == kept
    if kept == value and "\r" not in value:
        judge = icalendar.Event()
        judge.add("summary", value)
        written = judge.to_ical().decode("utf-8").split("\r\n", 1)[1].rsplit("\r\nEND:VEVENT", 1)[0]
        assert line == written


def _control(char: str) -> bool:
    import unicodedata

    return unicodedata.category(char) == "Cc"
