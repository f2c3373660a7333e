"""A period preset's dates, for the sections' period boxes ("this month", "last 12 months"…);
"custom" takes its dates from the date fields beside the box."""

from __future__ import annotations

import datetime as dt

from services.report import LAST_30_DAYS, PRESETS, preset_period

CUSTOM = "custom"


def period_range(preset: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The dates a period preset stands for; whole months and quarters, (None, None) for all
    (and for "custom": its dates come from the date fields)."""
    if preset not in (*PRESETS, LAST_30_DAYS):
        return None, None
    period = preset_period(preset, today)
    return period.start, period.end
