"""Days: the site is built for one day in Paris time (jobs are open through their deadline day there)."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
TODAY_MIN = dt.date(1990, 1, 1)
TODAY_MAX = dt.date(2100, 12, 31)
"""The days a site may be built for (the dates records may hold: see fields.DATE_MIN)."""


def resolve_today(option: str | None) -> dt.date:
    """--today, else SOURCE_DATE_EPOCH, else the clock; always a date in Europe/Paris.

    ValueError, with a sentence for the user, when the day is not a date between TODAY_MIN and TODAY_MAX."""
    if option:
        try:
            day = dt.date.fromisoformat(option)
        except ValueError:
            raise ValueError(f"--today must be a date written YYYY-MM-DD, not '{option}'") from None
    elif epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        try:
            day = dt.datetime.fromtimestamp(int(epoch), tz=PARIS).date()
        except (ValueError, OverflowError, OSError):
            raise ValueError(f"SOURCE_DATE_EPOCH must be a number of seconds since 1970, not '{epoch[:40]}'") from None
    else:
        day = dt.datetime.now(tz=PARIS).date()
    if not TODAY_MIN <= day <= TODAY_MAX:
        raise ValueError(f"the day to build for ({day}) must be between {TODAY_MIN} and {TODAY_MAX}")
    return day
