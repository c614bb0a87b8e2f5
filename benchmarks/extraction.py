"""Main-content extraction: finnews vs trafilatura vs readability-lxml, in one run.

    python benchmarks/extraction.py [--data-path DIR] [--limit N] [--json OUT]

1. Zyte article-extraction benchmark (data/article-extraction-benchmark): 4-token shingle
   precision / recall / F1, the benchmark's own metric (``\\w+`` tokens, per-page TP/FP/FN
   normalised to sum 1, precision and recall averaged over pages, F1 from those means).
2. trafilatura's evaluation set (data/trafilatura-eval): a "with" snippet found in the output
   is a true positive, a "without" snippet found is a false positive; precision, recall,
   accuracy and F-score over all snippets.
3. Speed: pages per second on one core, input bytes -> article text (parsing included).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlp.config import data_path, set_data_path  # noqa: E402
from nlp.parse import parse_bytes  # noqa: E402
from nlp.parse.decode import decode_bytes  # noqa: E402

_TOKEN = re.compile(r"\w+")


def finnews_extract(html: bytes) -> str:
    return parse_bytes(html, "page.html").article_text()


def trafilatura_extract(html: bytes) -> str:
    import trafilatura

    return trafilatura.extract(decode_bytes(html, "page").text, include_comments=False) or ""


def readability_extract(html: bytes) -> str:
    import lxml.html
    from readability import Document

    summary = Document(decode_bytes(html, "page").text).summary()
    return lxml.html.fromstring(summary).text_content()


TOOLS: dict[str, Callable[[bytes], str]] = {
    "finnews": finnews_extract,
    "trafilatura": trafilatura_extract,
    "readability-lxml": readability_extract,
}


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    a, b = shingles(true), shingles(pred)
    tp, fp, fn = sum((a & b).values()), sum((b - a).values()), sum((a - b).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def zyte_scores(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    def precision(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = statistics.mean(precision(*r) for r in rows if r[0] + r[1] > 0)
    r = statistics.mean(recall(*r) for r in rows if r[0] + r[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r)}


def run_zyte(root: Path, limit: int | None) -> tuple[dict, dict]:
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((root / "html").glob("*.html.gz"))[:limit]
    results, speed = {}, {}
    for name, tool in TOOLS.items():
        rows, elapsed = [], 0.0
        for path in pages:
            html = gzip.decompress(path.read_bytes())
            start = time.perf_counter()
            try:
                text = tool(html)
            except Exception:  # noqa: BLE001 - a tool crashing on a page scores it as empty
                text = ""
            elapsed += time.perf_counter() - start
            rows.append(shingle_tp_fp_fn(truth[path.name.split(".")[0]]["articleBody"], text))
        results[name] = zyte_scores(rows)
        speed[name] = len(pages) / elapsed
    return results, {"pages": len(pages), "pages_per_second": speed}


def run_trafilatura_eval(root: Path, limit: int | None) -> dict:
    spec = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    items = []
    for entry in spec.values():
        for folder in ("eval", "cache"):
            path = root / folder / (entry["file"] + ".gz")
            if path.is_file():
                items.append((path, entry))
                break
    items = items[:limit]
    results = {}
    for name, tool in TOOLS.items():
        tp = fp = tn = fn = 0
        for path, entry in items:
            try:
                text = tool(gzip.decompress(path.read_bytes()))
            except Exception:  # noqa: BLE001
                text = ""
            text = " ".join(text.split())
            for snippet in entry.get("with", []):
                found = " ".join(snippet.split()) in text
                tp, fn = tp + found, fn + (not found)
            for snippet in entry.get("without", []):
                found = " ".join(snippet.split()) in text
                fp, tn = fp + found, tn + (not found)
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        results[name] = {"precision": p, "recall": r, "accuracy": (tp + tn) / max(1, tp + tn + fp + fn),
                         "f1": 2 * p * r / max(1e-9, p + r)}
    return {"documents": len(items), "scores": results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-path", type=Path)
    parser.add_argument("--limit", type=int, help="use only the first N pages of each set")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if args.data_path:
        set_data_path(args.data_path)
    data = data_path().require("data")

    zyte, speed = run_zyte(data / "article-extraction-benchmark", args.limit)
    print(f"Zyte article-extraction benchmark ({speed['pages']} pages, 4-gram shingles)")
    print(f"{'tool':<18} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8}")
    for name, m in zyte.items():
        print(f"{name:<18} {m['precision']:9.3f} {m['recall']:7.3f} {m['f1']:6.3f} "
              f"{speed['pages_per_second'][name]:8.1f}")

    teval = run_trafilatura_eval(data / "trafilatura-eval", args.limit)
    print(f"\ntrafilatura evaluation set ({teval['documents']} documents, with/without snippets)")
    print(f"{'tool':<18} {'precision':>9} {'recall':>7} {'accuracy':>8} {'F1':>6}")
    for name, m in teval["scores"].items():
        print(f"{name:<18} {m['precision']:9.3f} {m['recall']:7.3f} {m['accuracy']:8.3f} {m['f1']:6.3f}")
    if args.json:
        args.json.write_text(json.dumps({"zyte": zyte, "speed": speed, "trafilatura_eval": teval}, indent=2))


if __name__ == "__main__":
    main()
