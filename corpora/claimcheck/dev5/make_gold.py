#!/usr/bin/env python3
"""Build gold.jsonl for claimcheck dev5 by COMPUTING every value from the daily price CSVs.

Data root: env FINNEWS_DATA (default /work/shared); files under $FINNEWS_DATA/market/.
Asserts: each computed verdict equals the intended one; contradicted claims miss by a clear margin
(at least one check clearly wrong); each `contains` is >= 25 chars and occurs exactly once in its raw
page file; every source of a symbol (and ^RUT/^DJI with volume-0 rows kept or dropped) agrees on each check.
Usage: python make_gold.py [-v]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from g5lib import evaluate, clearly_wrong  # noqa: E402

CLAIMS = []


def k(sym, measure, *args, a, mode="num"):
    return dict(sym=sym, measure=measure, args=list(args), a=a, mode=mode)


def S(page, contains, family, *checks):
    CLAIMS.append(dict(page=page, contains=contains, verdict="supported", family=family, checks=list(checks)))


def C(page, contains, family, *checks):
    CLAIMS.append(dict(page=page, contains=contains, verdict="contradicted", family=family, checks=list(checks)))


def U(page, contains, family, reason):
    CLAIMS.append(dict(page=page, contains=contains, verdict="unverifiable", family=family, checks=[], reason=reason))


def rng(lo, hi=None):
    return (lo, hi or lo)


# ------------------------------------------------------------------ c1 live blog, Fri 2025-10-10
P = "c1_liveblog_tariff_friday_2025-10-10.html"
S(P, "For the week, the S&amp;P 500 lost 2.4%", "week_change",
  k("^GSPC", "period_pct", "2025-10-06", "2025-10-10", a="-2.4"))
C(P, "The Dow shed 1.5% on the week", "week_change",
  k("^DJI", "period_pct", "2025-10-06", "2025-10-10", a="-1.5"))
S(P, "the Russell 2000 fell 3.3% for the week, the worst showing of the big four", "week_change+relative",
  k("^RUT", "period_pct", "2025-10-06", "2025-10-10", a="-3.3"),
  k("^RUT|^DJI", "period_pct", "2025-10-06", "2025-10-10", a=-1, mode="sign"),
  k("^RUT|^IXIC", "period_pct", "2025-10-06", "2025-10-10", a=-1, mode="sign"),
  k("^RUT|^GSPC", "period_pct", "2025-10-06", "2025-10-10", a=-1, mode="sign"))
S(P, "year-to-date gain only shrank to roughly 11.5%", "ytd_change",
  k("^GSPC", "period_pct", "2025-01-01", "2025-10-10", a="11.5", mode="about"))
C(P, "the Russell 2000 is now up about 12% this year", "ytd_change",
  k("^RUT", "period_pct", "2025-01-01", "2025-10-10", a="12", mode="about"))
U(P, "the 10-year Treasury yield slipped to 4.05%", "no_price_file", "Treasury yield: no price file")
S(P, "Nvidia fell 4.9%, handing back a week of gains", "stock_day_move",
  k("NVDA", "day_pct", "2025-10-10", a="-4.9"))
S(P, "Broadcom lost nearly 6% as chip names led the retreat", "stock_day_move",
  k("AVGO", "day_pct", "2025-10-10", a="-6", mode="nearly"))
C(P, "Apple slid 1.5%, one of the milder moves", "stock_day_move",
  k("AAPL", "day_pct", "2025-10-10", a="-1.5"))
C(P, "Oracle ended the day down 4%, according to our screen", "stock_day_move",
  k("ORCL", "day_pct", "2025-10-10", a="-4"))
S(P, "The Invesco QQQ Trust fell 3.5%, a touch worse than the broad market ETF", "etf_day_move+relative",
  k("QQQ", "day_pct", "2025-10-10", a="-3.5"),
  k("QQQ|SPY", "day_pct", "2025-10-10", a=-1, mode="sign"))
S(P, "The S&amp;P 500 closed down 2.7% at 6,552.51", "day_move+level",
  k("^GSPC", "day_pct", "2025-10-10", a="-2.7"), k("^GSPC", "close", "2025-10-10", a="6,552.51"))
S(P, "steepest one-day fall since April 10, when the spring tariff panic", "worst_since",
  k("^GSPC", "last_bigger_move", "2025-10-10", "down", a=rng("2025-04-10"), mode="in"))
S(P, "The Nasdaq Composite sank 3.6%, its worst session since April.", "day_move+worst_since",
  k("^IXIC", "day_pct", "2025-10-10", a="-3.6"),
  k("^IXIC", "last_bigger_move", "2025-10-10", "down", a=rng("2025-04-01", "2025-04-30"), mode="in"))
S(P, "The Dow lost 879 points, or 1.9%, to 45,479.60.", "day_points+pct+level",
  k("^DJI", "day_pts", "2025-10-10", a="-879"), k("^DJI", "day_pct", "2025-10-10", a="-1.9"),
  k("^DJI", "close", "2025-10-10", a="45,479.60"))
C(P, "it was also the Dow&rsquo;s worst day since April", "worst_since",
  k("^DJI", "last_bigger_move", "2025-10-10", "down", a=rng("2025-04-01", "2025-04-30"), mode="in"))
S(P, "The Russell 2000 dropped 3% as small caps took the brunt", "day_move",
  k("^RUT", "day_pct", "2025-10-10", a="-3"))
S(P, "finished about 3% below Wednesday&rsquo;s record close", "drawdown+record",
  k("^GSPC", "drawdown", "2025-10-08", "2025-10-08", "2025-10-10", a="-3", mode="about"),
  k("^GSPC", "is_record", "2025-10-08", a=True, mode="eq"))
C(P, "drop snapped a four-day winning streak for the S&amp;P 500", "streak",
  k("^GSPC", "streak", "2025-10-09", "up", a=4, mode="eq"))
S(P, "The VIX finished at 21.66, up almost 32% on the day", "vix_level+move",
  k("^VIX", "close", "2025-10-10", a="21.66"), k("^VIX", "day_pct", "2025-10-10", a="32", mode="nearly"))
C(P, "that is the highest VIX close since mid-June", "highest_since",
  k("^VIX", "last_higher_close", "2025-10-10", a=rng("2025-06-10", "2025-06-20"), mode="in"))
U(P, "bitcoin slid 7% in afternoon trading", "no_price_file", "crypto: no price file")
S(P, "the Nasdaq Composite was down more than 3.6% from Thursday", "intraday_extreme",
  k("^IXIC", "intraday_pct", "2025-10-10", "low", a="-3.6", mode="more_than"))
U(P, "Fed funds futures now price roughly a 95% chance", "rate_expectations", "futures-implied policy odds: no data")
U(P, "Oil sinks 4% as growth worries take hold", "no_price_file", "crude oil: no price file")
S(P, "at its best level of the morning the S&amp;P 500 was up about 0.4%", "intraday_extreme",
  k("^GSPC", "intraday_pct", "2025-10-10", "high", a="0.4", mode="about"))
U(P, "still see the S&amp;P 500 at 7,000 by year-end", "forecast", "year-end index target: forecast")


# ------------------------------------------------------------------ run
def main():
    verbose = "-v" in sys.argv
    out, pages = [], {}
    for c in CLAIMS:
        path = os.path.join(HERE, "pages", c["page"])
        if path not in pages:
            with open(path, encoding="utf-8") as f:
                pages[path] = f.read()
        assert len(c["contains"]) >= 25, f"contains too short: {c['contains']!r}"
        n = pages[path].count(c["contains"])
        assert n == 1, f"{c['page']}: {c['contains']!r} occurs {n} times"
        rec = dict(page=c["page"], contains=c["contains"], verdict=c["verdict"], family=c["family"])
        if c["verdict"] == "unverifiable":
            rec.update(instrument=None, measure=None, window_start=None, window_end=None, asserted=None,
                       computed=None, reason=c["reason"])
            out.append(rec)
            continue
        res = [(chk, evaluate(chk)) for chk in c["checks"]]
        failed = [(chk, r) for chk, r in res if not r["ok"]]
        verdict = "contradicted" if failed else "supported"
        assert verdict == c["verdict"], f"{c['page']}: {c['contains']!r}: computed {verdict}: " + \
            "; ".join(f"{chk['sym']} {chk['measure']} {chk['args']} = {r['value']}" for chk, r in res)
        if failed:
            assert any(clearly_wrong(r["value"], chk["a"], chk["mode"], chk["measure"]) for chk, r in failed), \
                f"{c['page']}: {c['contains']!r}: not clearly wrong: {[(ch['a'], r['value']) for ch, r in failed]}"
        chk, r = (failed or res)[0]
        val = r["value"]
        if isinstance(val, float):
            val = round(val, 4)
        reasons = []
        for ch, rr in res:
            v = round(rr["value"], 4) if isinstance(rr["value"], float) else rr["value"]
            a = ch["a"] if not isinstance(ch["a"], tuple) else list(ch["a"])
            reasons.append(f"{ch['sym']} {ch['measure']}{tuple(ch['args'])} = {v} vs {a} ({ch['mode']}) -> "
                           f"{'ok' if rr['ok'] else 'FALSE'} [{rr['source']}, {rr['n']} src]")
        rec.update(instrument=chk["sym"], measure=chk["measure"], window_start=r["ws"], window_end=r["we"],
                   asserted=chk["a"] if not isinstance(chk["a"], tuple) else list(chk["a"]), computed=val,
                   reason="; ".join(reasons))
        out.append(rec)
        if verbose:
            print(c["verdict"][:4], c["page"][:3], c["contains"][:60], "|", rec["reason"])
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    from collections import Counter
    cnt = Counter(r["verdict"] for r in out)
    print(f"{len(out)} claims: " + ", ".join(f"{v} {cnt[v]}" for v in ("supported", "contradicted", "unverifiable")))
    for p in sorted({r["page"] for r in out}):
        c2 = Counter(r["verdict"] for r in out if r["page"] == p)
        print(f"  {p}: S {c2['supported']} C {c2['contradicted']} U {c2['unverifiable']}")


if __name__ == "__main__":
    main()
