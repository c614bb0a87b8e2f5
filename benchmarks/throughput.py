"""Batch throughput of ``finnews analyze``: articles/second, sentences/second and peak memory,
1 and 2 workers, local processes and a Dask LocalCluster, and the speed-up of a rerun on the
unchanged folder (everything cached).

    python benchmarks/throughput.py [--corpus distinct|resampled] [--pages 70] [--built 130]
                                    [--workers 1 2] [--engines local dask] [--data-path DIR]
                                    [--profile 40] [--code CHECKOUT --code CHECKOUT --rounds 2 --no-rerun]

``--corpus distinct`` (the default; see benchmarks/distinct_corpus.py) assembles at run time,
from the shared sets, news pages and articles in which no sentence repeats, so no cache can
help: that is the figure the 5 articles/s target is about. ``--corpus resampled`` resamples
paragraphs of corpora/pages (``--articles``, ``--words``): repeated text, a warm-cache figure.
Each run is a separate ``finnews analyze`` process; peak RSS is the largest process of the run
(the main process or one worker, from getrusage of the children). ``--profile N`` also runs
benchmarks/stage_profile.py on N documents of the corpus: each stage's share of the time and
the encoder's calls per article.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.distinct_corpus import build_distinct  # noqa: E402
from nlp.config import data_path  # noqa: E402
from nlp.parse import load_document  # noqa: E402


def build_resampled(folder: Path, n: int, words: int, seed: int = 7) -> None:
    paragraphs = []
    for page in sorted((ROOT / "corpora" / "pages").iterdir()):
        doc = load_document(page)
        paragraphs += [b.text for b in doc.article_blocks() if len(b.text.split()) >= 15]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body, count = [], 0
        while count < words:
            p = rng.choice(paragraphs)
            body.append(p)
            count += len(p.split())
        day = 1 + i % 28
        text = f"Sample article {i}\n\n2025-11-{day:02d}\n\n" + "\n\n".join(body) + "\n"
        (folder / f"article-{i:05d}.txt").write_text(text)


def run(folder: Path, out: Path, workers: int, env: dict, engine: str = "local", code: Path = ROOT) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", "analyze", str(folder),
                           "--out", str(out), "--workers", str(workers), "--engine", engine],
                          capture_output=True, text=True, env=env, cwd=code)  # `-c` puts the cwd first on sys.path
    seconds = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    sentences = sum(len(json.loads(line).get("sentences") or [])
                    for line in (out / "articles.jsonl").read_text("utf-8").splitlines() if line)
    return {"engine": engine, "workers": workers, "articles": summary["articles"], "seconds": round(seconds, 1),
            "articles_per_s": round(summary["articles"] / seconds, 2),
            "sentences_per_s": round(sentences / seconds, 1), "peak_rss_mb": round(peak),
            "stages": summary["stages"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=["distinct", "resampled"], default="distinct")
    parser.add_argument("--pages", type=int, default=70, help="distinct: Zyte news pages")
    parser.add_argument("--built", type=int, default=130, help="distinct: articles of distinct sentences")
    parser.add_argument("--articles", type=int, default=1000, help="resampled: articles")
    parser.add_argument("--words", type=int, default=800, help="resampled: words per article")
    parser.add_argument("--profile", type=int, default=0, help="also profile the stages on N documents")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engines", nargs="+", default=["local", "dask"], choices=["local", "dask"])
    parser.add_argument("--data-path", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--code", type=Path, action="append",
                        help="a checkout whose nlp/ is measured (repeat to compare versions in one run, in turn); "
                             "default: this one")
    parser.add_argument("--rounds", type=int, default=1, help="repeat every measurement, alternating the versions")
    parser.add_argument("--no-rerun", action="store_true", help="skip the rerun on the unchanged folder")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.data_path:
        env["FINNEWS_DATA"] = str(args.data_path)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        if args.corpus == "distinct":
            data_dir = (args.data_path or data_path().path) / "data"
            print(json.dumps({"corpus": build_distinct(folder, data_dir, args.pages, args.built)}), flush=True)
        else:
            build_resampled(folder, args.articles, args.words)
        results = []
        codes = args.code or [ROOT]
        for code in codes if args.profile else []:
            proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "stage_profile.py"), str(folder),
                                   "--limit", str(args.profile)], capture_output=True, text=True,
                                  env={**env, "PYTHONPATH": str(code.resolve()), "FINNEWS_CODE": str(code.resolve())})
            if proc.returncode:
                raise SystemExit(proc.stderr[-2000:])
            line = {"profile": json.loads(proc.stdout.strip().splitlines()[-1]), "code": str(code)}
            results.append(line)
            print(json.dumps(line), flush=True)
        for round_, engine, workers, code in ((r, e, w, c) for r in range(args.rounds) for e in args.engines
                                              for w in args.workers for c in codes):
            out = Path(tmp) / f"out-{engine}-{workers}-{codes.index(code)}-{round_}"
            code_env = {**env, "PYTHONPATH": str(code.resolve())}
            first = run(folder, out, workers, code_env, engine, code.resolve())
            first["code"] = str(code)
            if not args.no_rerun:
                again = run(folder, out, workers, code_env, engine, code.resolve())
                first["rerun_seconds"] = again["seconds"]
                first["rerun_speedup"] = round(first["seconds"] / max(again["seconds"], 1e-9), 1)
            results.append(first)
            print(json.dumps(first), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
