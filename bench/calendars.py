"""Milliseconds to make one deadline `.ics` (render/calendar.py), without writing it.

    python bench/calendars.py [ROUNDS]

Makes the calendar of every job of the sample in every language, ROUNDS times (20 by default), and prints the
median per file of five such runs. Taking turns on 2026-12-03: the `icalendar` library (commit 46f3754) 0.38 to
0.50 ms a file; our writer 0.09 to 0.11 ms.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from passerelle.pipeline import check  # noqa: E402
from passerelle.render.calendar import job_calendar  # noqa: E402


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    checked = check(ROOT, dt.date(2026, 11, 26))
    site, catalog = checked.site, checked.catalog
    made = [
        (job, catalog.employer(job.employer).name, job.title.pick(lang, site.default, site.languages)[0], checked.strings[lang])
        for lang in site.languages
        for job in catalog.jobs
    ]
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(rounds):
            for job, employer, title, strings in made:
                job_calendar(site, job, employer, title, strings)
        runs.append((time.perf_counter() - started) / (rounds * len(made)) * 1000)
    print(
        f"{len(made)} files, {rounds} rounds: {statistics.median(runs):.3f} ms a file (runs: {', '.join(f'{r:.3f}' for r in runs)})"
    )


if __name__ == "__main__":
    main()
