"""Write ``corpora/sentiment/counterfactual_examples.jsonl``: minimal pairs for the
sentiment trainer (issue 27).

Each template family writes the same frame twice or more with one change that moves (or
keeps) the label toward its target: a negation added or removed, cheap versus expensive,
winner versus loser, a bystander broker or regulator next to the company the news is about,
a hedge versus a firm statement. Rows have the format of ``written_examples.jsonl``:
``text``, ``target`` (a substring of the text, or null for the sentence label) and
``label``. Every company, broker and agency name below is invented; the frames and the
vocabulary were written for this file from the capability list of the issue, not from any
test item or data set.

Deterministic: a seeded ``random.Random`` picks the fillers, so a rerun writes the same file.

    python corpora/sentiment/counterfactual/make_examples.py [--out PATH] [--check]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "counterfactual_examples.jsonl"
SEED = 27

# Subjects: invented companies (singular) and the size buckets (plural).
COMPANIES = [
    "Harlow Dynamics", "Quillon Foods", "Brindlewood Energy", "Corvane Logistics", "Maplestone Bank",
    "Ostrava Semiconductor", "Tallis Pharma", "Wexmoor Retail", "Kestrel Aerospace", "Dunmore Telecom",
    "Pinefield Insurance", "Arkwell Materials", "Selby Robotics", "Orrin Health", "Calder Motors",
    "Vantry Software", "Hollins Mining", "Ferrow Shipping", "Lumen Ridge Utilities", "Gresham Biotech",
]
GROUPS = [
    "small caps", "small-cap stocks", "the Russell 2000", "large caps", "megacaps", "blue chips",
    "large-cap stocks", "the S&P 500", "small-cap shares",
]
BROKERS = ["Carrow Securities", "Pellman Brothers", "Ostrander Capital", "Whitlock Partners", "Bramley & Co",
           "Danforth Research"]
AGENCIES = ["Halden Ratings", "Northgate Credit", "Stellar Ratings Service"]
REGULATORS = ["the SEC", "the FTC", "the CFTC", "the Justice Department", "Britain's FCA", "the European Commission",
              "the state insurance regulator"]
PROVIDERS = ["Lindqvist Data", "Marlowe Analytics", "Tessera Market Data"]
EXCHANGES = ["the Fenwick Exchange", "the Nordmark bourse"]

RISKS = [  # noun phrases a subject can face, be exposed to, be shielded from
    "tariffs", "rising borrowing costs", "a stronger dollar", "supply-chain disruption", "higher input costs",
    "a consumer slowdown", "regulatory scrutiny", "credit losses", "currency swings", "a labour shortage",
]
DRAGS = ["headwind", "drag", "burden", "overhang", "concern", "threat"]
BAD_FLOW = [("write-downs", "losses"), ("defaults", "delinquencies"), ("downgrades", "job cuts"),
            ("customer complaints", "recalls"), ("production outages", "delays")]
GOOD_EVENTS = ["strong quarterly sales", "an upbeat outlook", "a dividend increase", "a contract win",
               "record orders", "a share buyback"]
BAD_EVENTS = ["weak guidance", "a profit warning", "a surprise loss", "a costly recall", "a dividend cut",
              "falling orders"]
UP_BASE = ["climb", "advance", "rally", "gain", "rise"]
DOWN_BASE = ["slide", "drop", "sink", "retreat", "fall"]
UP = ["climbed", "advanced", "rallied", "gained", "rose", "pushed higher"]
DOWN = ["slid", "dropped", "sank", "retreated", "fell", "lost ground"]
WHEN = ["on Tuesday", "this week", "in morning trade", "last month", "over the quarter", "after the open"]


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _plural(subject: str) -> bool:
    return subject in GROUPS


def _v(subject: str, singular: str, plural: str) -> str:
    return plural if _plural(subject) else singular


class Writer:
    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.rows: list[dict] = []
        self.seen: set[tuple[str, str | None]] = set()
        self.by_capability: Counter[str] = Counter()

    def pick(self, items):
        return self.rng.choice(items)

    def subject(self) -> str:
        return self.pick(COMPANIES) if self.rng.random() < 0.6 else self.pick(GROUPS)

    def add(self, capability: str, text: str, labels: dict[str | None, str]) -> None:
        """One row per label: key None is the sentence label, any other key a target."""
        text = _cap(text)
        for target, label in labels.items():
            if target is not None:
                at = text.lower().find(target.lower())
                assert at >= 0, (text, target)
                target = text[at:at + len(target)]
            if (text, target) in self.seen:
                continue
            self.seen.add((text, target))
            self.rows.append({"text": text, "target": target, "label": label})
            self.by_capability[capability] += 1

    def single(self, capability: str, text: str, subject: str, label: str) -> None:
        self.add(capability, text, {None: label, subject: label})


def negation(w: Writer, n: int) -> None:
    for _ in range(n):
        s, risk, drag = w.subject(), w.pick(RISKS), w.pick(DRAGS)
        kind = w.rng.randrange(9)
        if kind == 0:  # a drag that is / is no longer there
            w.single("negation", f"For {s}, {risk} still counts as a {drag}.", s, "negative")
            w.single("negation", f"For {s}, {risk} no longer counts as a {drag}.", s, "positive")
            w.single("negation", f"{_cap(risk)} has stopped weighing on {s}.", s, "positive")
        elif kind == 1:  # more / fewer + a risk word
            bad, bad2 = w.pick(BAD_FLOW)
            w.single("negation", f"{s} reported more {bad} than a year ago.", s, "negative")
            w.single("negation", f"{s} reported fewer {bad} than a year ago.", s, "positive")
            w.single("negation", f"{_cap(bad2)} at {s} were lower than expected.", s, "positive")
            w.single("negation", f"{_cap(bad2)} at {s} were higher than expected.", s, "negative")
        elif kind == 2:  # more / less exposed
            w.single("negation", f"{s} {_v(s, 'has', 'have')} more exposure to {risk} than rivals do.", s, "negative")
            w.single("negation", f"{s} {_v(s, 'has', 'have')} less exposure to {risk} than rivals do.", s, "positive")
        elif kind == 3:  # shielded / not shielded
            shield = w.pick(["insulated from", "shielded from", "protected from", "immune to", "sheltered from"])
            w.single("negation", f"Analysts see {s} as largely {shield} {risk}.", s, "positive")
            neg = w.pick(["not", "no longer"])
            w.single("negation", f"Analysts see {s} as {neg} {shield} {risk}.", s, "negative")
            w.single("negation", f"Analysts see {s} as badly exposed to {risk}.", s, "negative")
        elif kind == 4:  # despite: the main clause decides
            good, bad = w.pick(GOOD_EVENTS), w.pick(BAD_EVENTS)
            conj = w.pick(["despite", "in spite of", "even with"])
            w.single("negation", f"{s} {w.pick(UP)} {conj} {bad}.", s, "positive")
            w.single("negation", f"{s} {w.pick(DOWN)} {conj} {good}.", s, "negative")
            w.single("negation", f"{_cap(conj)} {risk}, {s} {w.pick(UP)} {w.pick(WHEN)}.", s, "positive")
        elif kind == 5:  # did / did not
            w.single("negation", f"{s} cut {_v(s, 'its', 'their')} earnings forecast.", s, "negative")
            w.single("negation", f"{s} did not cut {_v(s, 'its', 'their')} earnings forecast.", s, "positive")
            w.single("negation", f"{s} failed to hold {_v(s, 'its', 'their')} early gains.", s, "negative")
        elif kind == 6:  # double negation
            thing = w.pick(["buyers", "demand", "bids", "inflows"])
            w.single("negation", f"Dealers reported no lack of {thing} in {s} {w.pick(WHEN)}.", s, "positive")
            w.single("negation", f"Dealers reported a lack of {thing} in {s} {w.pick(WHEN)}.", s, "negative")
            w.single("negation", f"{s} never lacked {thing} during the selloff.", s, "positive")
        elif kind == 7:  # negation that does not flip
            w.single("negation", f"Not only did {s} {w.pick(UP_BASE)}, {_v(s, 'it', 'they')} closed at a record.", s,
                     "positive")
            w.single("negation", f"Not only did {s} {w.pick(DOWN_BASE)}, {_v(s, 'it', 'they')} hit a two-year low.",
                     s, "negative")
        else:  # lower / higher costs, easing / worsening worries
            cost = w.pick(["funding costs", "input costs", "freight costs", "interest expense"])
            w.single("negation", f"Lower {cost} helped {s} {w.pick(WHEN)}.", s, "positive")
            w.single("negation", f"Higher {cost} hurt {s} {w.pick(WHEN)}.", s, "negative")
            w.single("negation", f"Worries about {risk} eased for {s}.", s, "positive")
            w.single("negation", f"Worries about {risk} deepened for {s}.", s, "negative")


CHEAP = ["undervalued", "cheap", "inexpensive", "attractively valued", "a bargain", "modestly priced"]
RICH = ["overvalued", "expensive", "stretched", "rich", "frothy", "priced for perfection", "pricey"]


def valuation(w: Writer, n: int) -> None:
    for _ in range(n):
        s = w.subject()
        kind = w.rng.randrange(6)
        be = _v(s, "looks", "look")
        if kind == 0:
            w.single("valuation", f"After the pullback, {s} {be} {w.pick(CHEAP)}.", s, "positive")
            w.single("valuation", f"After the run-up, {s} {be} {w.pick(RICH)}.", s, "negative")
        elif kind == 1:
            rel = w.pick(["peers", "the sector", "its history" if not _plural(s) else "their history"])
            trade = _v(s, "trades", "trade")
            w.single("valuation", f"{s} {trade} at a wide discount relative to {rel}.", s, "positive")
            w.single("valuation", f"{s} {trade} at a wide premium relative to {rel}.", s, "negative")
            w.single("valuation", f"{s} {trade} roughly in line with {rel}.", s, "neutral")
        elif kind == 2:
            mult = w.pick(["earnings", "book value", "sales", "cash flow"])
            w.single("valuation", f"A low multiple of {mult} makes {s} a value pick, one fund manager said.", s,
                     "positive")
            w.single("valuation", f"A lofty multiple of {mult} leaves {s} little room for error, one fund "
                     f"manager said.", s, "negative")
        elif kind == 3:  # cheap but deservedly so, or cheaper because it fell
            w.single("valuation", f"{s} {_v(s, 'deserves', 'deserve')} {_v(s, 'its', 'their')} low valuation "
                     f"given shrinking margins.", s, "negative")
            w.single("valuation", f"{s} {_v(s, 'has', 'have')} stopped looking {w.pick(['cheap', 'inexpensive'])} "
                     f"after the rally.", s, "negative")
            w.single("valuation", f"{s} got even cheaper as {_v(s, 'its', 'their')} shares kept sliding.", s,
                     "negative")
        elif kind == 4:  # value investors
            w.single("valuation", f"Value investors are buying {s}, calling {_v(s, 'it', 'them')} "
                     f"{w.pick(CHEAP)}.", s, "positive")
            w.single("valuation", f"Value investors are avoiding {s}, calling {_v(s, 'it', 'them')} "
                     f"{w.pick(RICH)}.", s, "negative")
        else:  # valuation versus a year ago
            w.single("valuation", f"{s} {_v(s, 'is', 'are')} now valued below {_v(s, 'its', 'their')} "
                     f"ten-year average, leaving room to rerate.", s, "positive")
            w.single("valuation", f"{s} {_v(s, 'is', 'are')} now valued far above {_v(s, 'its', 'their')} "
                     f"ten-year average, leaving room to derate.", s, "negative")
            w.single("valuation", f"{s} {_v(s, 'is', 'are')} valued close to {_v(s, 'its', 'their')} "
                     f"ten-year average.", s, "neutral")


BETTER = ["outperformed", "outpaced", "beat", "topped", "ran ahead of", "outgained"]
WORSE = ["underperformed", "lagged", "trailed", "fell behind", "lost out to"]


def _pair(w: Writer) -> tuple[str, str]:
    if w.rng.random() < 0.5:
        small = w.pick(["small caps", "small-cap stocks", "the Russell 2000", "small-cap shares"])
        large = w.pick(["large caps", "megacaps", "blue chips", "the S&P 500", "large-cap stocks"])
        return (small, large) if w.rng.random() < 0.5 else (large, small)
    a, b = w.rng.sample(COMPANIES, 2)
    return a, b


def comparative(w: Writer, n: int) -> None:
    for _ in range(n):
        a, b = _pair(w)
        kind = w.rng.randrange(5)
        when = w.pick(WHEN)
        if kind == 0:
            w.add("comparative", f"{a} {w.pick(BETTER)} {b} {when}.", {a: "positive", b: "negative"})
            w.add("comparative", f"{a} {w.pick(WORSE)} {b} {when}.", {a: "negative", b: "positive"})
        elif kind == 1:
            w.add("comparative", f"Investors rotated out of {a} and into {b} {when}.", {a: "negative", b: "positive"})
            w.add("comparative", f"Money flowed from {b} into {a} {when}.", {a: "positive", b: "negative"})
        elif kind == 2:
            w.add("comparative", f"{a} and {b} moved in lockstep {when}.", {a: "neutral", b: "neutral"})
            w.add("comparative", f"{a} finished well ahead of {b} {when}.", {a: "positive", b: "negative"})
        elif kind == 3:
            pts = w.rng.randint(2, 9)
            w.add("comparative", f"{a} beat {b} by {pts} percentage points {when}.", {a: "positive", b: "negative"})
            w.add("comparative", f"{b} beat {a} by {pts} percentage points {when}.", {a: "negative", b: "positive"})
        else:
            w.add("comparative", f"{b} was left behind as {a} surged {when}.", {a: "positive", b: "negative"})
            w.add("comparative", f"Strategists favour {a} over {b} for the coming year.",
                  {a: "positive", b: "negative"})


def hedge(w: Writer, n: int) -> None:
    for _ in range(n):
        s = w.subject()
        kind = w.rng.randrange(5)
        if kind == 0:
            cond = w.pick(["if rates stay high", "should demand weaken", "if the trade dispute escalates",
                           "if credit tightens"])
            modal = w.pick(["could", "may", "might"])
            verb = w.pick(["struggle", "stumble", "weaken", "slip"])
            w.single("hedge", f"{s} {modal} {verb} {cond}.", s, "negative")
            w.single("hedge", f"{s} {_v(s, 'struggled', 'struggled')} as rates stayed high.", s, "negative")
        elif kind == 1:
            cond = w.pick(["should rates fall", "if inflation cools", "if the deal closes", "if demand recovers"])
            modal = w.pick(["could", "may", "might", "stand to"])
            verb = w.pick(["benefit", "recover", "rebound", "gain"])
            w.single("hedge", f"{s} {modal} {verb} {cond}.", s, "positive")
            w.single("hedge", f"{s} benefited as inflation cooled.", s, "positive")
        elif kind == 2:  # genuinely uncommitted
            frame = w.pick([f"Strategists are divided on the outlook for {s}.",
                            f"It is too soon to tell how {s} will fare next year.",
                            f"The next move for {s} could go either way, traders said.",
                            f"Analysts disagree on whether {s} will rise or fall from here."])
            w.single("hedge", frame, s, "neutral")
        elif kind == 3:
            w.single("hedge", f"{s} {_v(s, 'is', 'are')} likely to gain from lower rates, a strategist wrote.", s,
                     "positive")
            w.single("hedge", f"{s} {_v(s, 'is', 'are')} likely to suffer from higher rates, a strategist wrote.",
                     s, "negative")
        else:
            w.single("hedge", f"Unless orders pick up, {s} may have to cut guidance.", s, "negative")
            w.single("hedge", f"Provided orders hold up, {s} may lift guidance.", s, "positive")


def bystander(w: Writer, n: int) -> None:
    for _ in range(n):
        c = w.pick(COMPANIES)
        kind = w.rng.randrange(7)
        if kind == 0:
            b = w.pick(BROKERS)
            w.add("bystander", f"{b} upgraded {c} to buy.", {None: "positive", c: "positive", b: "neutral"})
            w.add("bystander", f"{b} downgraded {c} to sell.", {None: "negative", c: "negative", b: "neutral"})
        elif kind == 1:
            a = w.pick(AGENCIES)
            w.add("bystander", f"{a} raised its credit rating on {c}.", {None: "positive", c: "positive", a: "neutral"})
            w.add("bystander", f"{a} cut its credit rating on {c}.", {None: "negative", c: "negative", a: "neutral"})
        elif kind == 2:
            r = w.pick(REGULATORS)
            w.add("bystander", f"{c} was fined by {r} over misleading disclosures.",
                  {None: "negative", c: "negative", r: "neutral"})
            w.add("bystander", f"{r} cleared {c}'s acquisition of a rival.",
                  {None: "positive", c: "positive", r: "neutral"})
            w.add("bystander", f"{r} launched a probe into {c}.", {None: "negative", c: "negative", r: "neutral"})
        elif kind == 3:
            p = w.pick(PROVIDERS)
            w.add("bystander", f"Figures from {p} showed {c} gaining market share.",
                  {None: "positive", c: "positive", p: "neutral"})
            w.add("bystander", f"Figures from {p} showed {c} losing market share.",
                  {None: "negative", c: "negative", p: "neutral"})
        elif kind == 4:
            e = w.pick(EXCHANGES)
            w.add("bystander", f"{e} halted trading in {c} after the shares collapsed.",
                  {None: "negative", c: "negative", e: "neutral"})
            w.add("bystander", f"{c} shares soared in their debut on {e}.",
                  {None: "positive", c: "positive", e: "neutral"})
        elif kind == 5:  # the broker is the subject of its own news
            b = w.pick(BROKERS)
            w.single("bystander", f"{b} posted record advisory fees {w.pick(WHEN)}.", b, "positive")
            w.single("bystander", f"{b} cut hundreds of jobs after a trading loss.", b, "negative")
            r = w.pick(REGULATORS)
            w.add("bystander", f"{b} was fined by {r} for poor record keeping.",
                  {None: "negative", b: "negative", r: "neutral"})
        else:  # a broker's target-price change
            b = w.pick(BROKERS)
            w.add("bystander", f"{b} lifted its price target for {c}, citing strong demand.",
                  {None: "positive", c: "positive", b: "neutral"})
            w.add("bystander", f"{b} trimmed its price target for {c}, citing weak demand.",
                  {None: "negative", c: "negative", b: "neutral"})


def plain(w: Writer, n: int) -> None:
    """Plain controls so the new families don't teach "negation word => positive"."""
    for _ in range(n):
        s = w.subject()
        w.single("plain", f"{s} {w.pick(UP)} {w.pick(WHEN)}.", s, "positive")
        w.single("plain", f"{s} {w.pick(DOWN)} {w.pick(WHEN)}.", s, "negative")
        w.single("plain", f"{s} {_v(s, 'was', 'were')} little changed {w.pick(WHEN)}.", s, "neutral")


def build(seed: int = SEED) -> Writer:
    w = Writer(seed)
    negation(w, 60)
    valuation(w, 55)
    comparative(w, 60)
    hedge(w, 50)
    bystander(w, 45)
    plain(w, 25)
    return w


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="fail if the file on disk differs from a rebuild")
    args = parser.parse_args()
    w = build()
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in w.rows)
    if args.check:
        raise SystemExit(0 if args.out.read_text("utf-8") == text else "out of date: rerun make_examples.py")
    args.out.write_text(text, "utf-8")
    labels = Counter(row["label"] for row in w.rows)
    print(f"{len(w.rows)} rows, {len({r['text'] for r in w.rows})} texts -> {args.out}")
    print("by capability:", dict(w.by_capability))
    print("by label:", dict(labels))


if __name__ == "__main__":
    main()
