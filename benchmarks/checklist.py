"""Behavioural checklist for target-directed sentiment (CheckList, Ribeiro et al. 2020).

Reads corpora/sentiment_checklist/{dev,blind}.jsonl, runs the CLI once per target
(`finnews sentiment FILE --target T`, the `finnews` next to this Python, with the
caller's FINNEWS_HOME / FINNEWS_DATA) and scores every item:

  MFT  the label toward the target equals `expected` (positive / neutral / negative /
       not_mentioned);
  INV  the label equals the label of item `pair`;
  DIR  positive-minus-negative moves the `expect`ed way (more_positive / more_negative)
       versus item `pair`, strictly.

A line counts as "not mentioned" when label == not_mentioned, mentioned is false, or the
label or reason says "not mentioned"; such a line has no polarity, so a DIR check on it fails.
Prints pass rates overall, per capability and per test type; exits 0 whatever the rate.
--failures lists failing items, dev part only: blind.jsonl is the held-out part.

    python benchmarks/checklist.py [--part dev|blind] [--json OUT] [--failures] [--model PATH]
"""

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE_DIR = ROOT / "corpora" / "sentiment_checklist"
FINNEWS = Path(sys.executable).parent / "finnews"
NOT_MENTIONED = "not_mentioned"


def load_items(part: str) -> list[dict]:
    with open(SUITE_DIR / f"{part}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_target(target: str, texts: list[str], model: str | None) -> dict[str, dict | None]:
    """Score all texts toward one target with one CLI call; text -> output row (None on error)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write("\n".join(texts) + "\n")
        path = fh.name
    cmd = [str(FINNEWS), "sentiment", path, "--target", target]
    if model:  # the CLI runs from the repo root, so a path relative to the caller is resolved here
        cmd += ["--model", str(Path(model).resolve()) if Path(model).exists() else model]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=os.environ)
    finally:
        os.unlink(path)
    rows = []
    for line in proc.stdout.splitlines():
        if line.lstrip().startswith("{"):
            with contextlib.suppress(json.JSONDecodeError):
                rows.append(json.loads(line))
    if proc.returncode != 0 or len(rows) != len(texts):
        print(
            f"warning: target {target!r}: exit {proc.returncode}, {len(rows)} lines for "
            f"{len(texts)} sentences; its items count as failures. {proc.stderr.strip()[-300:]}",
            file=sys.stderr,
        )
        return {text: None for text in texts}
    return dict(zip(texts, rows, strict=True))


def verdict(row: dict | None) -> str:
    """'not_mentioned', the scored label, or 'error' when the CLI gave nothing usable."""
    if row is None:
        return "error"
    label = str(row.get("label", "")).lower()
    said = f"{label} {row.get('reason', '')}".lower().replace("_", " ")
    return NOT_MENTIONED if row.get("mentioned") is False or "not mentioned" in said else label


def polarity(row: dict | None) -> float | None:
    """P(positive) - P(negative), or None when not mentioned or unscored."""
    if verdict(row) in (NOT_MENTIONED, "error"):
        return None
    scores = row.get("scores") or {}
    return float(scores["positive"]) - float(scores["negative"]) if {"positive", "negative"} <= scores.keys() else None


def score_items(items: list[dict], rows: dict[str, dict | None]) -> list[dict]:
    """One result per item: id, pass, got (and the pair's value for INV / DIR)."""
    results = []
    for item in items:
        row = rows[item["id"]]
        result = {"id": item["id"], "got": verdict(row)}
        if item["test"] == "MFT":
            result["pass"] = result["got"] == item["expected"]
        elif item["test"] == "INV":
            result["pair_got"] = verdict(rows[item["pair"]])
            result["pass"] = result["got"] == result["pair_got"] and result["got"] != "error"
        else:  # DIR
            mine, theirs = polarity(row), polarity(rows[item["pair"]])
            result.update(polarity=mine, pair_polarity=theirs)
            moved = None if mine is None or theirs is None else mine - theirs
            result["pass"] = moved is not None and (moved > 0 if item["expect"] == "more_positive" else moved < 0)
        results.append(result)
    return results


def rate_table(items: list[dict], results: list[dict], key: str) -> dict[str, dict]:
    counts = defaultdict(lambda: [0, 0])
    for item, result in zip(items, results, strict=True):
        counts[item[key]][0] += result["pass"]
        counts[item[key]][1] += 1
    return {name: {"passed": p, "n": n, "rate": round(p / n, 4)} for name, (p, n) in sorted(counts.items())}


def print_table(title: str, table: dict[str, dict]) -> None:
    print(f"\n{title}")
    for name, cell in table.items():
        print(f"  {name:<14} {cell['rate']:6.1%}  ({cell['passed']}/{cell['n']})")


def print_failures(items: list[dict], results: list[dict]) -> None:
    print("\nFailures")
    for item, result in zip(items, results, strict=True):
        if result["pass"]:
            continue
        if item["test"] == "MFT":
            want, got = item["expected"], result["got"]
        elif item["test"] == "INV":
            want, got = f"same as {item['pair']} ({result['pair_got']})", result["got"]
        else:
            want = f"{item['expect']} than {item['pair']} ({_fmt(result['pair_polarity'])})"
            got = f"{_fmt(result['polarity'])} [{result['got']}]"
        print(
            f"  {item['id']} [{item['capability']}/{item['test']}] target={item['target']}"
            f"\n    {item['text']}\n    want {want}; got {got}"
        )


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "blind"], default="dev")
    parser.add_argument("--json", metavar="OUT", help="write the rates (and, for dev, per-item results)")
    parser.add_argument("--failures", action="store_true", help="list failing items (dev only)")
    parser.add_argument("--model", metavar="PATH", help="passed to `finnews sentiment --model`")
    parser.add_argument("--jobs", type=int, default=2, help="CLI calls run at once (default 2)")
    args = parser.parse_args(argv)
    if args.failures and args.part == "blind":
        parser.error("--failures is refused for the blind part: its items must stay unread")

    started = time.perf_counter()
    items = load_items(args.part)
    texts_by_target: dict[str, list[str]] = defaultdict(list)
    for item in items:
        if item["text"] not in texts_by_target[item["target"]]:
            texts_by_target[item["target"]].append(item["text"])
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {t: pool.submit(run_target, t, texts, args.model) for t, texts in texts_by_target.items()}
        outputs = {t: f.result() for t, f in futures.items()}
    rows = {item["id"]: outputs[item["target"]][item["text"]] for item in items}
    results = score_items(items, rows)
    runtime = time.perf_counter() - started

    passed = sum(r["pass"] for r in results)
    summary = {
        "part": args.part,
        "model": args.model,
        "n": len(items),
        "passed": passed,
        "rate": round(passed / len(items), 4),
        "cli_calls": len(texts_by_target),
        "runtime_s": round(runtime, 1),
        "by_capability": rate_table(items, results, "capability"),
        "by_test": rate_table(items, results, "test"),
    }
    print(f"checklist {args.part}: {summary['rate']:.1%} ({passed}/{len(items)}) in {runtime:.0f}s")
    print_table("By capability", summary["by_capability"])
    print_table("By test type", summary["by_test"])
    if args.failures:
        print_failures(items, results)
    if args.json:
        if args.part == "dev":
            summary["items"] = results
        Path(args.json).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
