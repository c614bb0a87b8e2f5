"""Where an article's time goes: every analysis stage timed on its own, in one process on one
core, over documents of a corpus folder, with the encoder's calls counted.

    python benchmarks/stage_profile.py FOLDER [--limit 40] [--json OUT]

Reports per stage the seconds and share of the total, sentences per second through the
whole pipeline, and per article the encoder calls (batches handed to the encoder) and the
rows it encoded. The first document is run once before timing so model loading is not
counted (start-up is measured separately).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the checkout measured: benchmarks/throughput.py --code sets FINNEWS_CODE (default: this one)
sys.path.insert(0, os.environ.get("FINNEWS_CODE") or str(ROOT))

from nlp.batch.worker import one_thread_per_worker  # noqa: E402
from nlp.models.encoders import shared_encoder  # noqa: E402
from nlp.parse import load_document  # noqa: E402
from nlp.pipeline import Pipeline, builtin_order  # noqa: E402


class CountingEncoder:
    """Wraps the shared encoder's forward function: counts calls and encoded rows."""

    def __init__(self, inner) -> None:
        self.inner, self.calls, self.rows = inner, 0, 0

    def __call__(self, input_ids, attention_mask):
        self.calls += 1
        self.rows += len(input_ids)
        return self.inner(input_ids, attention_mask)


def profile(folder: Path, limit: int) -> dict:
    one_thread_per_worker()
    every = sorted(p for p in folder.iterdir() if p.is_file())
    paths = every[::max(1, len(every) // limit)][:limit]  # spread over the kinds of document
    pipeline = Pipeline(builtin_order())
    pipeline(load_document(paths[0]))  # loads every model once
    model = shared_encoder("finnews-sentiment")
    model.encoder = counter = CountingEncoder(model.encoder)
    seconds: dict[str, float] = defaultdict(float)
    sentences = 0
    for path in paths:
        start = time.perf_counter()
        doc = load_document(path)
        seconds["parse"] += time.perf_counter() - start
        for name in pipeline.stage_names:
            start = time.perf_counter()
            doc = pipeline.get(name)(doc)
            seconds[name] += time.perf_counter() - start
        sentences += len(doc.sentences)
    total = sum(seconds.values())
    return {
        "articles": len(paths), "sentences": sentences, "seconds": round(total, 2),
        "articles_per_s": round(len(paths) / total, 2), "sentences_per_s": round(sentences / total, 1),
        "encoder_calls_per_article": round(counter.calls / len(paths), 1),
        "encoded_rows_per_article": round(counter.rows / len(paths), 1),
        "share": {name: round(s / total, 3) for name, s in seconds.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = profile(args.folder, args.limit)
    print(json.dumps(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
