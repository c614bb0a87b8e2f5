"""The report's sentiment chart: a static SVG drawn by matplotlib.

Static, so the report needs no script library and makes no request (the page's CSP allows
none); text is drawn as paths, so it looks the same without the fonts. Each dated article
is a dot at its small-cap score (−1 … +1, hollow when promotional), the daily mean of the
non-promotional ones is a line, and the Russell 2000 close (``^RUT``, from the market store
when there is one) is overlaid on a right-hand axis.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

PROMOTIONAL = 0.5  # as nlp.batch.series: promotional articles are shown, not averaged
INDEX = "^RUT"


@dataclass
class Point:
    day: dt.date
    score: float
    promotional: bool


def points(docs, target: str = "small_caps") -> list[Point]:
    """Every dated article with a score toward ``target``; its day is the page's own calendar day."""
    out = []
    for doc in docs:
        hit = next((t for t in doc.sentiment if t.target == target), None)
        if doc.published is None or hit is None:
            continue
        day = doc.published.date() if isinstance(doc.published, dt.datetime) else doc.published
        out.append(Point(day, hit.score, (doc.promotional_score or 0.0) >= PROMOTIONAL))
    return sorted(out, key=lambda p: p.day)


def index_closes(store: str | Path | None, start: dt.date, end: dt.date) -> list[tuple[dt.date, float]]:
    """The index's closes over [start, end] from the market store; empty without one."""
    if not store or not Path(store).exists():
        return []
    from nlp.market.store import MarketStore

    try:
        with MarketStore(store, read_only=True) as market:
            frame = market.history(INDEX, start, end)
    except Exception:  # noqa: BLE001 - the chart is drawn without the index rather than not at all
        return []
    return [(d if isinstance(d, dt.date) else d.date(), float(c)) for d, c in zip(frame["date"], frame["close"],
                                                                                   strict=True)]


def sentiment_svg(docs, store: str | Path | None = None) -> str | None:
    """The chart as an ``<svg>`` element, or None when no article is dated and scored."""
    import matplotlib
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure  # not pyplot: no global backend switch in a caller's notebook

    pts = points(docs)
    if not pts:
        return None
    start, end = pts[0].day - dt.timedelta(days=3), pts[-1].day + dt.timedelta(days=3)
    closes = index_closes(store, start, end)
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "finnews", "font.size": 9}):
        fig = Figure(figsize=(9, 3.6))
        ax = fig.subplots()
        kept = [p for p in pts if not p.promotional]
        promo = [p for p in pts if p.promotional]
        ax.scatter([p.day for p in kept], [p.score for p in kept], s=22, color="#36c", zorder=3,
                   label="article (small-cap score)")
        if promo:
            ax.scatter([p.day for p in promo], [p.score for p in promo], s=22, facecolors="none", edgecolors="#a33",
                       zorder=3, label="promotional article (not averaged)")
        daily: dict[dt.date, list[float]] = {}
        for p in kept:
            daily.setdefault(p.day, []).append(p.score)
        if len(daily) > 1:
            days = sorted(daily)
            ax.plot(days, [sum(daily[d]) / len(daily[d]) for d in days], color="#36c", lw=1, alpha=.6,
                    label="daily mean")
        ax.axhline(0, color="#999", lw=.8)
        ax.set_ylim(-1.05, 1.05)
        ax.set_yticks([-1, -0.5, 0, 0.5, 1])
        ax.set_ylabel("small-cap sentiment (−1 … +1)")
        ax.set_xlim(start, end)
        locator = mdates.AutoDateLocator(maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        handles, labels = ax.get_legend_handles_labels()
        if closes:
            right = ax.twinx()
            line, = right.plot([d for d, _ in closes], [c for _, c in closes], color="#c63", lw=1.2,
                               label="Russell 2000 close (^RUT)")
            right.set_ylabel("Russell 2000 (^RUT)")
            handles.append(line)
            labels.append(line.get_label())
        ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=4, frameon=False)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]  # no XML prolog or DOCTYPE inside HTML
    # scales with the page (a phone keeps the whole chart) and is announced as one image
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r'<svg \1', svg, count=1)
    label = (f"Small-cap sentiment of {len(pts)} articles from {pts[0].day} to {pts[-1].day}"
             + (", with the Russell 2000 close" if closes else ""))
    return svg.replace("<svg ", f"<svg role='img' aria-label='{label}' class='chart' ", 1)
