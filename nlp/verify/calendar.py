"""NYSE sessions, from ``exchange_calendars`` (holidays, weekends and special closes kept by
the library, not by hand): a claim about a day the market was closed is not settled by the
day before it."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=1)
def _nyse():
    import exchange_calendars

    return exchange_calendars.get_calendar("XNYS", start="1985-01-01")


def is_session(day: dt.date) -> bool | None:
    """Whether the NYSE traded on ``day``; None outside the calendar's range."""
    calendar = _nyse()
    if not calendar.first_session.date() <= day <= calendar.last_session.date():
        return None
    return bool(calendar.is_session(day.isoformat()))
