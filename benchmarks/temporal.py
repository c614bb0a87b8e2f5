"""Which library should read the time a market claim speaks of? Measured on the claim-check
dev set (corpora/claimcheck/dev): for every claim about one day (a daily move, a close, an
intraday level, a record), the day the gold says, given the claim's sentence and the
article's publication date.

    python benchmarks/temporal.py [--set dev]

Each system finds the first day-level expression in the sentence and resolves it against the
publication date; with none, the answer is the publication day (the convention of a dated
daily wrap, the same for every system). Systems: dateparser's search_dates (past
preference), ctparse, Microsoft Recognizers-Text as the library resolves it, and finnews
(Recognizers-Text's TIMEX resolved to the past of the article, plus market idioms). The
number of sentences whose day a system gets right, and milliseconds per sentence.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import warnings
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.parse import load_document  # noqa: E402
from nlp.sentences import sentence_spans  # noqa: E402
from nlp.verify.temporal import DAY, find_periods, mask_numbers  # noqa: E402

ONE_DAY = {"day_move", "pct_change", "point_change", "close", "high", "low", "etf_close", "etf_pct_change",
           "record_close", "intraday_swing"}


def cases(name: str) -> list[tuple[str, dt.date, dt.date]]:
    folder = ROOT / "corpora" / "claimcheck" / name
    found, docs = [], {}
    for line in (folder / "gold.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["measure"] not in ONE_DAY or not row.get("window_end") or len(row["window_end"]) != 10:
            continue
        start = row.get("window_start")
        if start and len(start) == 10 and (dt.date.fromisoformat(row["window_end"]) -
                                           dt.date.fromisoformat(start)).days > 4:
            continue  # a week, a month: not a one-day claim
        doc = docs.setdefault(row["page"], load_document(folder / "pages" / row["page"]))
        published = doc.published
        if isinstance(published, dt.datetime):
            published = published.astimezone(ZoneInfo("America/New_York")).date()
        at = doc.text.find(row["contains"])
        sentence = next(doc.text[a:b] for a, b in sentence_spans(doc.text) if a <= at < b)
        found.append((sentence, published, dt.date.fromisoformat(row["window_end"])))
    return found


def finnews(sentence: str, published: dt.date) -> dt.date:
    return next((p.first for p in find_periods(sentence, published) if p.kind == DAY), published)


def dateparser_day(sentence: str, published: dt.date) -> dt.date:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime.combine(published, dt.time(12)), "PREFER_DATES_FROM": "past"}
    found = search_dates(mask_numbers(sentence), languages=["en"], settings=settings) or []
    return found[0][1].date() if found else published


def ctparse_day(sentence: str, published: dt.date) -> dt.date:
    import ctparse

    result = ctparse.ctparse(mask_numbers(sentence), ts=dt.datetime.combine(published, dt.time(12)), timeout=1)
    res = getattr(result, "resolution", None)
    if res is None or getattr(res, "year", None) is None or getattr(res, "month", None) is None \
            or getattr(res, "day", None) is None:
        return published
    return dt.date(res.year, res.month, res.day)


def recognizers_day(sentence: str, published: dt.date) -> dt.date:
    from recognizers_date_time import Culture, DateTimeRecognizer

    model = DateTimeRecognizer(Culture.English).get_datetime_model()
    for result in model.parse(mask_numbers(sentence), dt.datetime.combine(published, dt.time(12))):
        value = (result.resolution or {}).get("values", [{}])[-1]
        if result.type_name.endswith(".date") and value.get("value"):
            return dt.date.fromisoformat(value["value"])
    return published


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="dev")
    args = parser.parse_args()
    if args.set == "blind":
        parser.error("the blind set is read only by benchmarks/claimcheck.py")
    data = cases(args.set)
    print(f"{len(data)} one-day claims in the {args.set} set")
    print("| system | right day | ms / sentence |\n|---|---|---|")
    for name, system in (("dateparser 1.5 search_dates (past)", dateparser_day), ("ctparse 0.3", ctparse_day),
                         ("Recognizers-Text, library resolution", recognizers_day),
                         ("finnews: Recognizers-Text TIMEX resolved to the past", finnews)):
        system(data[0][0], data[0][1])  # load models outside the timing
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            start = time.perf_counter()
            right = sum(system(s, p) == gold for s, p, gold in data)
            ms = (time.perf_counter() - start) / len(data) * 1000
        print(f"| {name} | {right}/{len(data)} ({right / len(data):.2f}) | {ms:.1f} |")


if __name__ == "__main__":
    main()
