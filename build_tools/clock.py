"""The day a build is for. Pure apart from reading the environment.

Nothing the site prints comes from the clock, but the build day decides what a page shows:
which services are listed (show_from, show_until) and which carry the "may be out of date"
warning. Two builds of one commit on the same day are byte-identical. To make builds on
different days identical too, set SOURCE_DATE_EPOCH (the reproducible-builds.org convention,
seconds since 1970), for example to the commit's time: `git log -1 --format=%ct`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping


def build_day(environ: Mapping[str, str] = os.environ) -> dt.date:
    """SOURCE_DATE_EPOCH's day (UTC) when it is set to a number, otherwise today."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
