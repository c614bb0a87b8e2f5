"""From a claim sentence to the market queries that settle it.

    planner = Planner(reference=date(2025, 11, 21))
    for sentence, entities, block in claims_in_order:
        plan = planner.plan(sentence, entities, block)   # Plan(queries=[...]) or Plan(reason=...)

The planner walks an article's claims in order, because commentary leans on what came
before: "the stock" is the stock last named in the paragraph (or in the paragraph just
before, for one-sentence paragraphs), "that day" the day last spoken of, a bare "rose 1.5%"
in a paragraph about last week means last week. An anaphor with no antecedent of its kind
("the index" after only stocks) is never resolved to something else: the claim stays
unverifiable.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from nlp.verify.figure_first import LeadFigure, join_lead_figure
from nlp.verify.query import (
    Plan,
    Query,
    asserted_at,
    clause_of,
    not_price_reason,
    numbers_in,
    period_owner,
    rules,
)
from nlp.verify.specific import specific_query
from nlp.verify.subjects import Mention, anaphor, is_comparator, mentions_in, plural_subjects, respectively
from nlp.verify.tables import plan_table_row
from nlp.verify.temporal import (
    DAY,
    RANGE,
    SAME_DAY,
    SAME_PERIOD,
    SINCE,
    Period,
    duration_months,
    find_periods,
    month_end,
)

# a capitalised word inside the text (not its first word, a weekday or a month): another name
_FOR_INSTRUMENT = re.compile(r"[\d.,]+\s?(?:%|percent|points?)?\s+(?:\w+\s+){0,2}(?:for|in|by|at) (?:the )?$", re.I)
_POINTS_BACK = re.compile(r"\s*(?:it|that|this)\s+(?:was|marked|is)\b", re.I)
_RANGE_OPEN = re.compile(r"\bbetween\s+(?:[$€£]\s?)?$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:%|percent|per cent|points?)?\s*(?:and|to|-|–)\s*(?:[$€£]\s?)?", re.I)
_FROM = re.compile(r"\bfrom\s+(?:its\s+|the\s+|their\s+)?$", re.I)
_REVIEW_PERIODS = ("week", "month", "quarter", "half", "year")
_WEEK_ENDED = re.compile(r"\bweek\s+(?:ended|ending|through|to)\s+(?:on\s+)?(?:the\s+)?$", re.I)
_THROUGH = re.compile(r"\b(?:through|thru|until|up to|as of)\s+(?:the\s+)?$", re.I)
_YEAR_AS_TIME = re.compile(r"\b(?:in|of|during|for|since)\s+((?:19|20)\d{2})\b")

_ENDED_ON = re.compile(r"\b(?:which|that)\s+(?:ended|ends|closed|finished)\s+(?:on\s+)?$", re.I)


_ASIDE = re.compile(r",\s*(?:which|who)\b[^,]*$", re.I)


class Planner:
    def __init__(self, reference: dt.date | None, title: str | None = None) -> None:
        self.reference = reference
        self.last_day = reference
        self.block = -1
        self.block_period: Period | None = None
        self.last_window: Period | None = None  # the last window a sentence named, for "the same stretch"
        self.lead_period: Period | None = None  # the time of a sentence ending in ":"
        self.heading: str | None = None
        self.heading_period: Period | None = None  # the time the heading above names
        self.named: list[Mention] = []  # instruments named in the current paragraph
        self.named_before: list[Mention] = []  # ... and in the paragraph before it
        self.history: list[Mention] = []  # every instrument named so far, for "all three indexes"
        # "The year in markets", "January by the numbers": a review's figures without a time
        # of their own are of the period its title names, not of the day it was published
        # (the period the piece was written in or just after: "its 2022 peak" in a 2024 title is not it)
        titled = [p for p in find_periods(title, reference) if p.kind in _REVIEW_PERIODS
                  and p.first <= reference <= p.last + dt.timedelta(days=10)] if (title and reference) else []
        self.title_period: Period | None = titled[0] if titled else None
        self.lead: LeadFigure | None = None  # the current item leads with its figure
        self.range_upper: re.Match | None = None  # the upper end of the range being read

    def observe(self, sentence: str, entities: list, block: int, list_item: bool = False,
                heading: str | None = None) -> None:
        """A sentence that is not a claim still names what the next ones speak of ("Oracle was
        the year's great round trip. The database company shed almost a third...")."""
        self._enter(block, list_item, heading)
        self.named += mentions_in(sentence, entities)

    def _enter(self, block: int, list_item: bool, heading: str | None) -> None:
        if heading != self.heading:
            self.heading = heading
            found = find_periods(heading, self.reference) if heading and self.reference else []
            # read by a planner of its own: a heading is not a sentence of the article's thread
            self.heading_period = Planner(self.reference)._window(heading, found, 0) if found else None
        if block != self.block:
            self.named_before = self.named or self.named_before
            self.block, self.named = block, []
            # items of a list take the time of the sentence that introduced them ("Since
            # August 2025, small caps have outperformed:" / "- Russell 2000: Up 13.5%"), or
            # of the heading above them ("Scoreboard, week ended Nov. 14")
            self.block_period = (self.lead_period or self.heading_period) if list_item else None
            if not list_item:
                self.lead_period = None

    def plan(self, sentence: str, entities: list, block: int, list_item: bool = False,
             heading: str | None = None, columns: list[str] | None = None) -> Plan:
        if columns and " | " in sentence:
            return plan_table_row(self, sentence, entities, block, heading, columns)
        self._enter(block, list_item, heading)
        if sentence.rstrip().endswith(":") and self.reference is not None:
            self.lead_period = next(iter(find_periods(sentence, self.reference)), None)
        sentence, entities, self.lead = join_lead_figure(sentence, entities)
        mentions = mentions_in(sentence, entities)
        priced = [m.start() for m, kind in numbers_in(sentence) if kind in ("pct", "pp", "points", "level")]
        # the subject comes before what is said of it ("Oracle slumped 14% as the Nasdaq held
        # up" is not about the Nasdaq); an instrument only named after the figures is not it,
        # unless the figure leads the item ("5.3% — the small-cap index's January advance") or
        # the move is said of it ("Tuesday's 2.1% drop in the S&P 500 was its worst day since …")
        subject = next((m for m in mentions if not is_comparator(sentence, m.start)
                        and (not priced or m.start < priced[0] or self.lead
                             or _FOR_INSTRUMENT.match(sentence, priced[0], m.start))), None)
        versus = next((m for m in mentions if m is not subject and m.symbol != (subject and subject.symbol)), None)
        group = [] if subject is not None else plural_subjects(sentence[:priced[0] if priced else 80], self.history)
        self.history = (self.history + mentions)[-40:]
        if group:  # "All three indexes booked their best day since April 9": each of them
            plans = [self._plan(sentence, one, versus, mentions) for one in group]
            plan = Plan([q for p in plans for q in p.queries]) if all(p.queries for p in plans) else plans[0]
            self.named += mentions
            return plan
        if subject is None:
            subject = anaphor(sentence, self.lead.end if self.lead else None, (self.named, self.named_before))
        plan = self._plan(sentence, subject, versus, mentions)
        # a sentence's subject is what "the benchmark" or "it" in the next one most likely means:
        # it goes last, after the other instruments the sentence named
        said = [m for m in mentions if m is not subject] + ([subject] if subject in mentions else [])
        self.named += said
        return plan

    def _subject_at(self, sentence: str, at: int, subject: Mention | None, mentions: list[Mention]) -> Mention | None:
        """The instrument a number at ``at`` is said of: the last one named before it in its
        clause ("..., and the Nasdaq dropped 3%"), the antecedent of a relative clause ("behind
        the S&P 500, which rose 16.4%"), else the sentence's subject."""
        a, _ = clause_of(sentence, at)
        after = next((m for m in mentions if at < m.start <= at + 40
                      and _FOR_INSTRUMENT.match(sentence[at:m.start])), None)
        if after is not None:  # "compared with a 1.9% loss for the S&P 500"
            return after
        inside = [m for m in mentions if a <= m.start < at and not is_comparator(sentence, m.start)]
        if inside:
            return inside[-1]
        if re.match(r"\s*(?:which|that|who)\b", sentence[a:at]) or re.search(r"\b(?:which|that|who)\s*$", sentence[:a]):
            before = [m for m in mentions if m.start < a]
            if before:
                return before[-1]
        return subject

    def _plan(self, sentence: str, subject: Mention | None, versus: Mention | None,
              mentions: list[Mention]) -> Plan:
        every_number = numbers_in(sentence)
        numbers = [(m, k) for m, k in every_number if k in ("pct", "pp", "points", "level")]
        _, measures = rules()
        specific = []  # earlier measures in the table win where their words overlap
        for name, pattern in measures["compiled"]:
            for m in pattern.finditer(sentence):
                if all(m.end() <= other.start() or m.start() >= other.end() for _, other in specific):
                    specific.append((name, m))
        if not numbers and not specific:
            # "trades at 14 times forward earnings": a number, but not one prices can check
            blocked = not_price_reason(sentence, every_number[0][0].start() if every_number else None)
            if blocked:
                return Plan(reason=blocked[1], kind=blocked[0])
            return Plan(reason="no market figure or record to check", kind="no_measure")
        at = numbers[0][0].start() if numbers else (specific[0][1].start() if specific else None)
        blocked = not_price_reason(sentence, at)
        if blocked and (not numbers or all(not_price_reason(sentence, m.start()) for m, _ in numbers)):
            return Plan(reason=blocked[1], kind=blocked[0])
        if subject is None:
            return Plan(reason="no instrument named (or it has no price data)", kind="no_instrument")
        if self.reference is None:
            year = _YEAR_AS_TIME.search(sentence)
            if year is None:
                return Plan(reason="no publication date or --as-of: the claim's window cannot be placed",
                            kind="no_date")
            # "the rebound of 2020 saw the Russell surge nearly 100% from the March lows": that
            # year, seen from its end, whatever the article's own date
            planner = Planner(dt.date(int(year.group(1)), 12, 31))
            plan = planner._plan(sentence, subject, versus, mentions)
            for query in plan.queries:
                query.reference = planner.reference
            return plan
        periods = find_periods(sentence, self.reference)
        queries: list[Query] = []
        used: set[int] = set()  # positions of numbers a specific measure took
        consumed_periods: set[int] = set()
        for name, m in specific:
            query = specific_query(name, m, sentence, self._subject_at(sentence, m.start(), subject, mentions),
                                   versus, periods, consumed_periods)
            if query is not None:
                queries.append(query)
                used |= {n.start() for n, _ in numbers if m.start() <= n.start() < m.end()}
        # a measure's own time ("since early August") is not the window, nor any reading of
        # the same words ("early August" inside it)
        taken = [(p.start, p.start + len(p.text)) for p in periods if p.start in consumed_periods]
        # nor a time still to come told in an aside ("Nvidia, which reports results next week, fell 1.4%")
        free = [p for p in periods if not any(a < p.start + len(p.text) and p.start < b for a, b in taken)
                and not (p.first > self.reference and _ASIDE.search(sentence[:p.start]))]
        first_number = numbers[0][0].start() if numbers else 0
        bare = self._bare_window(sentence, first_number)
        window = self._window(sentence, free, first_number)
        spans = [(m.start(), m.end()) for m, _ in numbers if m.start() not in used]  # a measure took the others

        def said_of_too(period: Period, figure: int) -> bool:
            """A time phrase that trails another figure is that figure's, unless the two are
            said of different instruments ("the S&P rose 1.2% and the Nasdaq 1.5% for the week")."""
            owners = period_owner(sentence, period.start, period.start + len(period.text), spans)
            if not owners or figure in owners:
                return True
            mine, theirs = (self._subject_at(sentence, x, subject, mentions) for x in (figure, owners[0]))
            return getattr(mine, "symbol", None) != getattr(theirs, "symbol", None)

        respective = respectively(sentence, numbers, mentions)
        for k, (m, kind) in enumerate(numbers):
            if m.start() in used or not_price_reason(sentence, m.start()):
                continue
            if (k + 1 < len(numbers) and _RANGE_OPEN.search(sentence[:m.start()])
                    and _RANGE_JOIN.fullmatch(sentence[m.end():numbers[k + 1][0].start()])):
                used.add(numbers[k + 1][0].start())  # "between 1.5% and 2%": one figure, a range
                self.range_upper = numbers[k + 1][0]
            a, b = clause_of(sentence, m.start())
            own = [p for p in free if a <= p.start < b
                   and said_of_too(p, m.start())]
            days = [p for p in periods if p.kind == DAY]  # also a day a record or a peak named
            if kind == "level" and days:  # "ended the year at 2,481.91 on December 31"; "the close of 6,890.89 it set
                own = [min(days, key=lambda p: abs(p.start - m.end()))]  # on October 28": the day nearest the level
            if own:
                clause_window = self._window(sentence, own, m.start())  # the time nearest it
            elif said_of_too(window, m.start()):
                clause_window = window
            else:  # the sentence's time phrase is another figure's
                clause_window = bare
            said_of = respective.get(m.start()) or self._subject_at(sentence, m.start(), subject, mentions)
            queries.append(self._plain(sentence, m, kind, said_of, versus, clause_window))
        queries = [q for q in queries if q is not None]
        if not queries:
            return Plan(reason="no market figure or record to check", kind="no_measure")
        for q in queries:
            q.period = q.period or window
        return Plan(queries)

    # -- windows ---------------------------------------------------------------------------
    def _bare_window(self, sentence: str, near: int) -> Period:
        """The window of a figure that no time phrase of its sentence is said of, read without
        changing what later sentences lean on."""
        state = self.last_day, self.block_period, self.last_window
        try:
            return self._window(sentence, [], near)
        finally:
            self.last_day, self.block_period, self.last_window = state

    def _window(self, sentence: str, periods: list[Period], near: int) -> Period:
        chosen = None
        durations = [p for p in periods if p.kind == "duration"]
        spans = [p for p in periods if p.kind != "duration"]
        origin = next((p for p in spans if p.kind in (DAY, SAME_DAY) and _FROM.search(sentence[:p.start])), None)
        finish = next((p for p in spans if origin and p.start > origin.start and p.kind != SAME_DAY), None)
        if origin and finish:  # "from the same day's close, the Russell climbed about 41% by year-end"
            day = origin.first if origin.kind == DAY else (self.last_day or self.reference)
            self.last_day = day  # "from the same day's close" in the next sentence is this day
            return Period(RANGE, day + dt.timedelta(days=1), finish.last, f"from {origin.text} to {finish.text}",
                          origin.start)
        if len(spans) > 1 and any(p.kind not in (SAME_DAY, SAME_PERIOD) for p in spans):
            # "Friday was less kind, and the Russell gave back 1.5% in that session": the day
            # named; but in "-2% on the day and more than 4% on the week" each figure has its own
            named_day = any(p.kind == DAY for p in spans)
            spans = [p for p in spans if p.kind != SAME_PERIOD and (p.kind != SAME_DAY or not named_day)]
        # "For July (which ended Thursday), the S&P gained 2.2%": the day dates the period's end,
        # it is not the window
        if any(p.kind != DAY for p in spans):
            spans = [p for p in spans if p.kind != DAY or not _ENDED_ON.search(sentence[:p.start])] or spans
        # "this month through Nov. 20", "year to date through Thursday": the period, cut at the day
        cut = next((p for p in spans if p.kind == DAY and _THROUGH.search(sentence[:p.start])), None)
        if cut is not None and len(spans) > 1:
            base = next(p for p in spans if p is not cut)
            spans = [Period("range", base.first, cut.first, f"{base.text} through {cut.text}", base.start)]
        through = durations and spans and re.search(r"\b(?:through|thru|ending|ended|to)\b",
                                                    sentence[durations[0].start:spans[-1].start], re.I)
        if through:  # "the three months through September"
            end = spans[-1].last
            months = duration_months(durations[0])
            first_month = (end.year * 12 + end.month - 1) - months + 1
            chosen = Period("range", dt.date(first_month // 12, first_month % 12 + 1, 1), end,
                            f"{durations[0].text} through {spans[-1].text}", durations[0].start)
        elif spans:
            chosen = min(spans, key=lambda p: abs(p.start - near))  # the time nearest the figure
            titled = self.title_period
            if (titled and chosen.kind == titled.kind and chosen.first <= self.reference <= chosen.last
                    and re.fullmatch(r"(?:for |in |over |during )?(?:the|this) \w+", chosen.text, re.I)):
                chosen = titled  # "up 4.7% for the month" in an October commentary published Nov. 7
            if re.search(r"to[- ]date|ytd", chosen.text, re.I):
                # "ended June at 16.73, down 3.6% year-to-date": to the end of the period named
                earlier = [p for p in spans if p is not chosen and p.kind not in (SAME_DAY, SAME_PERIOD)
                           and p.last < chosen.last and p.start < chosen.start]  # not "…, erasing the April damage"
                if earlier:
                    chosen = Period(chosen.kind, chosen.first, max(p.last for p in earlier), chosen.text, chosen.start)
            ended = next((p for p in spans if p.kind == DAY and p.start > chosen.start
                          and re.search(r"\b(?:ended|ending|through|to)\s+$", sentence[:p.start], re.I)), None)
            if chosen.kind == "week" and ended is not None:  # "the week ended Friday"
                monday = ended.first - dt.timedelta(days=ended.first.weekday())
                chosen = Period("week", monday, monday + dt.timedelta(days=6), chosen.text, chosen.start)
            elif chosen.kind == DAY and _WEEK_ENDED.search(sentence[:chosen.start]):
                # "Scoreboard, week ended Nov. 14": the week of that day, the day only its end
                monday = chosen.first - dt.timedelta(days=chosen.first.weekday())
                chosen = Period("week", monday, monday + dt.timedelta(days=6), chosen.text, chosen.start)
            if chosen.kind == SAME_DAY:
                # "that session", "the same day": the day spoken of last; "for the session",
                # "on the day": the article's own day
                if re.match(r"(?:that|the same)\b", chosen.text, re.I):
                    day = self.last_day or self.reference
                    chosen = Period(DAY, day, day, chosen.text, chosen.start)
                else:  # "up 5% at Thursday's high, finished the session down 3.2%": that Thursday
                    named = [p for p in find_periods(sentence, self.reference)
                             if p.kind == DAY and p.start < chosen.start]
                    day = named[-1].first if named else self.reference
                    chosen = Period(DAY, day, day, chosen.text if named else "the article's day", chosen.start)
            elif chosen.kind == SAME_PERIOD:
                chosen = self.last_window or Period(DAY, self.reference, self.reference, chosen.text, chosen.start)
        elif self.block_period is not None and self.block_period.kind == "week" and re.search(
                r"\bweekly\b|\bon the week\b", sentence, re.I):
            # "It was the index's fourth consecutive weekly loss": the week just spoken of
            chosen = self.block_period
        elif re.search(r"\bweekly\b|\bon the week\b", sentence, re.I):
            monday = self.reference - dt.timedelta(days=self.reference.weekday())
            chosen = Period("week", monday, monday + dt.timedelta(days=6), "weekly", 0)
        elif re.search(r"\bmonthly\b|\bon the month\b", sentence, re.I):
            chosen = Period("month", self.reference.replace(day=1), month_end(self.reference.year,
                                                                              self.reference.month), "monthly", 0)
        elif self.block_period is not None:
            chosen = self.block_period
        elif self.last_day is not None and self.last_day != self.reference and _POINTS_BACK.match(sentence):
            # "It was the broad market's best day since October 2008": the day just spoken of
            chosen = Period(DAY, self.last_day, self.last_day, "the day spoken of", 0)
        elif self.title_period is not None:
            chosen = self.title_period
        else:
            chosen = Period(DAY, self.reference, self.reference, "the article's day", 0)
        if chosen.kind == DAY and chosen.text != "the article's day":
            self.last_day = chosen.first
        if chosen.text != "the article's day":
            self.block_period = chosen
            if chosen.kind != DAY:
                self.last_window = chosen
        return chosen

    # -- measures --------------------------------------------------------------------------
    def _asserted(self, sentence: str, m: re.Match, sign: int | None = None):
        value = asserted_at(sentence, m, sign)
        upper, self.range_upper = self.range_upper, None
        if upper is not None:
            value = replace(value, upper=asserted_at(sentence, upper, sign).value, qualifier="between")
        if self.lead and m.start() == 0:  # the leading figure: what the words after it say
            value = replace(value, sign=(self.lead.sign or value.sign) if sign is None else sign,
                            qualifier=self.lead.qualifier or value.qualifier)
        return value

    def _plain(self, sentence: str, m: re.Match, kind: str, subject: Mention, versus: Mention | None,
               window: Period) -> Query | None:
        if kind == "pct":
            return Query(subject.symbol, "pct_change", self._asserted(sentence, m), window)
        if kind == "points":
            return Query(subject.symbol, "point_change", self._asserted(sentence, m), window)
        if kind == "pp":
            if versus is None:
                return None
            sign = -1 if re.search(r"lag|trail|underperform|behind", sentence, re.I) else 1
            return Query(subject.symbol, "relative_pp", self._asserted(sentence, m, sign), window, versus.symbol)
        before = sentence[max(0, m.start() - 30):m.start()].lower()
        field_name = ("close" if re.search(r"\brecord\s+(?:close\s+(?:of\s+)?)?$|\ba close of\s+$", before)
                      else "high" if re.search(r"as high as|intraday high|touched|peaked at|reaching|hit(?:ting)?\s*$|"
                                          r"topped", before)
                      else "low" if re.search(r"as low as|intraday low|bottomed|sank as low", before) else "close")
        if re.match(r"\s*(?:intraday|during the session|in intraday trading)\b", sentence[m.end():], re.I):
            field_name = "low" if re.search(r"below|under|low", before) else "high"  # "spiked above 65 intraday"
        value = self._asserted(sentence, m, sign=0)
        options = {"field": field_name}
        closing_extreme = re.search(r"\bclos\w*\s+as\s+(high|low)\s+as\s*$", before)
        if closing_extreme:  # "after closing as high as 52.33 in April": the highest close of the span
            options = {"field": "close", "extreme": "max" if closing_extreme.group(1) == "high" else "min"}
        if window.kind not in (DAY, SINCE) and window.text != "the article's day" and "extreme" not in options:
            said_before = sentence if self.lead and m.start() == 0 else sentence[:m.start()]
            if re.search(r"\b(?:ended|finished|closed|closed out|wrapped up|settled|ends|finishes)\b",
                         said_before, re.I):
                day = min(window.last, self.reference)  # "ended October at $246.23": the period's last close
                window = Period(DAY, day, day, window.text, window.start)
            elif "extreme" not in options:
                options["any_day"] = True  # "a closing high of $251.82 in early December": some day of it
        return Query(subject.symbol, "level", value, window, options=options)
