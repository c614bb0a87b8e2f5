"""Queries for the measures the cue table (``data/measures.json``) names by their words —
ranks, drawdowns and rebounds, relative performance, intraday swings, streaks, counts,
records — as opposed to plain changes and levels read from a number alone (the planner)."""

from __future__ import annotations

import datetime as dt
import re

from nlp.verify.query import Asserted, Query, count_word, qualifier_before, sign_before
from nlp.verify.temporal import DAY, MONTH, MONTH_NUMBERS, QUARTER, SAME_DAY, SAME_PERIOD, SINCE, WEEK, YEAR, Period

_HIGH_RANKS = ("highest", "best", "strongest", "biggest", "largest")
_LOW_RANKS = ("worst", "weakest", "steepest", "sharpest")
_FALLING = r"drop|decline|loss|fall|slide|sell-?off|plunge"
_MOVES = r"day|session|week|month|gain|jump|rise|rally|advance|surge|performance|showing|" + _FALLING


# "Friday's drop snapped a four-day winning streak" (not "ending a sixth straight session")
_STREAK_ENDED = re.compile(r"\b(?:snapped|broke|halted|stopped|put an end to|snapping|breaking)\s+"
                           r"(?:a|an|its|the|their)\s+$", re.I)
# "a day after notching a record close" (not "a day after Broadcom had closed at a record on Thursday")
_DAY_AFTER = re.compile(r"\b(?:a|one) (?:day|session|trading day) after\s+\w+ing\s+"
                        r"(?:(?:a|its|another|fresh|new)\s+)*$", re.I)
_DAY_EARLIER = re.compile(r"\s*(?:,\s*)?(?:a day earlier|the day before|the previous day|the prior session|"
                          r"the session before)\b", re.I)


_BELOW = ("below", "under", "beneath")


def _stated(m: re.Match, sentence: str, sign: int) -> Asserted:
    """The number a measure's pattern caught in its ``value`` group, with the qualifier before it."""
    raw = m.group("value").replace(",", "")
    return Asserted(float(raw), len(raw.split(".")[1]) if "." in raw else 0,
                    qualifier_before(sentence, m.start("value")), sign, raw)


def specific_query(name: str, m: re.Match, sentence: str, subject, versus, periods: list[Period],
                   consumed: set[int]) -> Query | None:
    """The query of a measure the cue table names (a rank, a drawdown, a streak, a count, a
    record...): ``m`` is the cue's match, ``subject``/``versus`` the instruments (``.symbol``),
    ``consumed`` collects the periods the measure itself names."""
    groups = m.groupdict()
    if name == "rank_since":
        since = next((p for p in periods if p.start >= m.end() - 6), None)
        if since is None:
            return None
        consumed.add(since.start)
        rank = groups["rank"].lower()
        # "the slide was its worst since March 2020": a day's move; "its highest since": a close
        what = (groups.get("what") or ("close" if groups["rank"].lower() in ("highest", "lowest") else "day")).lower()
        season = MONTH_NUMBERS[groups["season"].lower()] if groups.get("season") else None
        if season:  # "its best May since 2020": Mays only
            what = "month"
        elif groups.get("ytd"):  # "its best start to a year since 2020": each year to the same day
            season, what = "ytd", "gain"
        return Query(subject.symbol, "rank_since", Asserted(None), None,
                     options={"highest": rank in _HIGH_RANKS and not re.search(_FALLING, what),
                              "of": "change" if re.search(_MOVES, what) else "close",
                              "unit": "week" if "week" in what else "month" if "month" in what else "day",
                              "named": since, "worst": rank in _LOW_RANKS or bool(re.search(_FALLING, what)),
                              "season": season})
    if name == "rank_ever":
        # "its biggest one-day percentage jump on record": nothing earlier in the data as extreme
        rank, what = groups["rank"].lower(), groups["what"].lower()
        falling = bool(re.search(_FALLING, what))
        span = (groups.get("span") or "").strip()
        unit = "week" if span == "weekly" or what == "week" else "month" if span == "monthly" or what == "month" \
            else "day"
        return Query(subject.symbol, "rank_since", Asserted(None), None,
                     options={"highest": rank in _HIGH_RANKS and not falling,
                              "of": ("points" if (groups.get("points") or "").strip() == "point" else "change")
                              if re.search(_MOVES, what) else "close",
                              "unit": unit, "named": None, "worst": rank in _LOW_RANKS or falling,
                              "nth": count_word(groups["nth"]) if groups.get("nth") else 1})
    if name in ("drawdown", "rebound"):
        # the time that qualifies the high or low: inside "its <...> high/low", else the
        # nearest before it ("the rebound of 2020 ... from the March lows" is March's)
        inside = [p for p in periods if m.start("ref") - 1 <= p.start < m.end()]
        # or just after it: "the all-time high it reached on Feb. 19", "its record, set Jan. 6"
        following = [p for p in periods if m.end() <= p.start <= m.end() + 30
                     and re.match(r"\s*,?\s*(?:(?:it|that|which|they|we)\s+)?(?:set|reached|hit|touched|posted|made)?"
                                  r"\s*(?:on|in)?\s*$", sentence[m.end():p.start])]
        ref = inside[-1] if inside else following[0] if following else None
        if ref is not None:
            consumed.add(ref.start)
        return Query(subject.symbol, name, _stated(m, sentence, 1), None,
                     options={"named": ref, "ref": groups.get("ref") or ""})
    if name == "relative_pp":
        if versus is None:
            return None
        sign = -1 if re.match(r"lag|trail|underperform", groups["verb"], re.I) else 1
        return Query(subject.symbol, "relative_pp", _stated(m, sentence, sign), None, versus.symbol)
    if name == "relative_direction":
        # "the Nasdaq once again outpaced the broad market": only which of the two did better
        if versus is None:
            return None
        verb = groups["verb"].lower()
        behind = bool(re.search(r"lagged|trailed|underperformed|behind|less than", verb))
        falling = bool(re.search(r"^(?:fell|dropped|lost|declined)", verb))
        return Query(subject.symbol, "relative_pp", Asserted(None, 0, None, -1 if behind != falling else 1,
                                                             m.group()), None, versus.symbol)
    if name == "intraday_range":
        value = _stated(m, sentence, 1)
        # "... on Thursday amounted to more than 3.5% of Wednesday's close": the day is
        # Thursday; the close named is the base the percentage is taken of
        base = [p for p in periods if groups.get("base") is not None and m.start("base") <= p.start < m.end()]
        consumed.update(p.start for p in base)
        day = next((p for p in periods if p.kind == DAY and m.start() <= p.start < m.start("value")), None)
        return Query(subject.symbol, "intraday_range", value, day,
                     options={"points": groups["unit"].lower() == "points"})
    if name == "intraday_swing":
        direction = (groups.get("dir") or "").lower()
        # "low of session -1.7%": the low is a fall
        falling = r"^(?:down|lower|low$|fall|fell|drop|slid|sank|sink|tumbl|los)|fallen|dropped"
        sign = -1 if re.search(falling, direction) or re.search(r"fallen|dropped", m.group(), re.I) else 1
        value = _stated(m, sentence, sign)
        # "rising as much as 2.1%": the day's extreme itself; "had been up 2% earlier": at least that
        return Query(subject.symbol, "intraday_swing", value, None,
                     options={"extreme": groups.get("extreme") is not None})
    if name == "streak":
        n = count_word(groups["n"])
        kind = (groups.get("kind") or groups.get("kind2") or "").lower()
        unit = (groups.get("unit") or "").lower()
        tail = sentence[m.end():m.end() + 25].lower()
        down = bool(re.search(r"declin|loss|lost|losing|drop|fall|fell|slid|down|lower", kind)) or bool(
            re.match(r"\s*(?:in the red|of losses|of declines|lower|down)", tail)) or (
            (not kind or kind.startswith(("session", "day", "week", "month")))
            and not re.match(r"\s*(?:in the green|of gains|higher|up)", tail)
            and sign_before(sentence, m.start()) < 0)
        span = "month" if "month" in unit + kind else "week" if "week" in unit + kind else "day"
        if re.match(r"(?:in|on) each", m.group(), re.I):  # "in each of the past three months": at least 3
            return Query(subject.symbol, "streak", Asserted(n - 0.5, 0, "above", -1 if down else 1, m.group()),
                         None, options={"unit": span})
        # "Friday's drop snapped a four-day winning streak", "slipped 1% in October, snapping a
        # five-month winning streak": the streak ended the session (month) before
        ended = bool(_STREAK_ENDED.search(sentence[max(0, m.start() - 30):m.start()]))
        return Query(subject.symbol, "streak", Asserted(n, 0, None, -1 if down else 1, m.group()), None,
                     options={"unit": span, "sessions_back": int(ended)})
    if name == "rank_within":
        # "its lowest finish in six months": the extreme of that many units before the day
        n = 1 if groups["n"].lower() in ("a", "an") else count_word(groups["n"])
        rank, what = groups["rank"].lower(), groups["what"].lower()
        worst = rank in ("worst", "weakest", "steepest") or bool(re.search(r"drop|decline|loss", what))
        return Query(subject.symbol, "rank_within", Asserted(None), None,
                     options={"n": n, "span": groups["span"].lower().rstrip("s"), "worst": worst,
                              "highest": rank in ("highest", "best", "strongest", "biggest") and not worst,
                              "of": "change" if re.search(r"day|session|week|month|gain|drop|decline|loss|"
                                                          r"performance", what) else "close",
                              "unit": "week" if "week" in what else "month" if "month" in what else "day"})
    if name == "count_sessions":
        down = bool(re.search(r"fell|fallen|declined|dropped|lost|slid|lower|down|red", groups["verb"], re.I))
        # "rose in all five sessions": as many as there were
        return Query(subject.symbol, "count_sessions", Asserted(count_word(groups.get("n") or groups["m"]), 0, None,
                                                              -1 if down else 1, m.group()), None,
                     options={"of": count_word(groups["m"])})
    if name == "record_count":
        # counted over the span the sentence names ("12th record close of the year"), not its day
        spans = [p for p in periods if p.kind not in (DAY, SAME_DAY, SAME_PERIOD) and p.start >= m.start()]
        n = count_word(groups.get("n") or groups["nth"])
        return Query(subject.symbol, "record_count", Asserted(n, 0, None, 1, m.group()), spans[0] if spans else None)
    if name == "versus_close":
        # "still about 3.8% below its April 2 close": the change since that day's close
        day = next((p for p in periods if p.kind == DAY and m.start("ref") <= p.start < m.end()), None)
        if day is None:
            return None
        consumed.add(day.start)
        value = _stated(m, sentence, -1 if groups["dir"].lower() in _BELOW else 1)
        return Query(subject.symbol, "pct_change", value, Period(SINCE, day.first, day.first, day.text, day.start))
    if name == "versus_end":
        # "about 0.9 point above where it ended 2025": the change since that period's last close
        # ("where it started the year": since the close before it)
        named = next((p for p in periods if m.start("ref") <= p.start < m.end()), None)
        if named is None or named.kind not in (YEAR, QUARTER, MONTH, WEEK):
            return None
        consumed.add(named.start)
        since = named.first - dt.timedelta(days=1) if groups["edge"].lower() in ("started", "began") else named.last
        value = _stated(m, sentence, -1 if groups["dir"].lower() in _BELOW else 1)
        measure = "pct_change" if groups["unit"].lower() in ("%", "percent", "per cent") else "point_change"
        return Query(subject.symbol, measure, value, Period(SINCE, since, since, named.text, named.start))
    if name == "record_first":
        # "its first record close since January 2022": a record, the one before it in that
        # span; "its first record in nearly four years": the one before it that long ago
        if groups.get("n"):
            n = count_word(groups["n"])
            years = n if groups["span"].lower().startswith("year") else n / 12
            return Query(subject.symbol, "record_first", Asserted(None), None,
                         options={"gap_years": years, "q": (groups.get("q") or "").strip().lower()})
        since = next((p for p in periods if p.start >= m.end() - 6), None)
        if since is None:
            return None
        consumed.add(since.start)
        return Query(subject.symbol, "record_first", Asserted(None), None, options={"named": since})
    if name == "record_streak":
        n = count_word(groups.get("nth") or groups["nth2"])
        return Query(subject.symbol, "record_streak", Asserted(n, 0, None, 1, m.group()), None)
    if name == "record_close":
        if re.search(r"\b(?:not|no|never|short of|below|under|away from|off|from|reclaim|regain|after|since)\s+"
                     r"(?:a\s+|its\s+(?:own\s+)?|the\s+|their\s+(?:own\s+)?)?(?:fresh\s+|new\s+|previous\s+)?$",
                     sentence[max(0, m.start() - 28):m.start()], re.I):
            return None  # "shy of its record close": a drawdown, not a record
        intraday = bool(re.search(r"intraday|touched|hit|reach", sentence[max(0, m.start() - 40):m.end()], re.I))
        # "fell 1.1% on Friday, a day after notching a record close": the record is the session before
        back = bool(_DAY_AFTER.search(sentence[max(0, m.start() - 40):m.start()])
                    or _DAY_EARLIER.match(sentence, m.end()))
        return Query(subject.symbol, "record_close", Asserted(None), None,
                     options={"intraday": intraday, "sessions_back": int(back)})
    return None
