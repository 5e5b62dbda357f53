"""Keep and share a job: its deadline in a calendar, a link to send, a page that prints."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar

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
