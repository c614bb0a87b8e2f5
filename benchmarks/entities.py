"""Entity linking: finnews's linker on its gold set, FiNER-ORD ORG spans, and speed.

    python benchmarks/entities.py [--data-path DIR] [--json OUT]

1. Mention-level precision / recall / F1 of symbol linking on the gold in
   corpora/gold/entities/ (the five seeds by file name and offsets, and the sample pages).
   *strict*: same span and same symbol; *overlap*: overlapping span and same symbol. Role
   accuracy over the strictly matched mentions. Segment mentions ("small caps") are part
   of the gold; the figures without them are printed too.
2. FiNER-ORD (data/finer-ord, validation file; the test file is held out): entity-level
   ORG precision / recall / F1 with exact token spans, for finnews (every non-segment
   mention counts as an ORG) and for spaCy en_core_web_sm's NER in the same run. finnews
   links securities and cited sources, not every organisation, so its recall here is
   expected to be low; precision is the sanity check.
3. Speed on one core: words/second of the linker alone (plain strings), of the spaCy
   component after a blank tokenizer, and of en_core_web_sm's full pipeline for scale.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nlp.promo.stage  # noqa: E402,F401 - registers the stage
from nlp.config import data_path, set_data_path  # noqa: E402
from nlp.entities import load_linker  # noqa: E402
from nlp.parse import load_document  # noqa: E402
from nlp.pipeline import Pipeline  # noqa: E402

GOLD = ROOT / "corpora" / "gold" / "entities"


def _article(path):
    """What the entities stage reads: the article text after the promo stage."""
    return Pipeline(["promo"])(load_document(path)).article_text()


def gold_documents() -> list[tuple[str, str, list[dict]]]:
    docs = []
    seeds = json.loads((GOLD / "seeds.json").read_text("utf-8"))["files"]
    seed_dir = data_path().require("seeds")
    for name, mentions in seeds.items():
        docs.append((f"seeds/{name}", (seed_dir / name).read_text("utf-8"), mentions))
    pages = json.loads((GOLD / "pages.json").read_text("utf-8"))["files"]
    for name, mentions in pages.items():
        docs.append((f"pages/{name}", _article(ROOT / "corpora" / "pages" / name), mentions))
    return docs


def score(pairs: list[tuple[list[dict], list[dict]]], keep=lambda m: True) -> dict:
    tp_strict = tp_overlap = n_pred = n_gold = role_ok = 0
    errors = []
    for gold, pred in pairs:
        gold = [g for g in gold if keep(g)]
        pred = [p for p in pred if keep(p)]
        n_gold += len(gold)
        n_pred += len(pred)
        exact = {(g["start"], g["end"], g["symbol"]): g for g in gold}
        for p in pred:
            hit = exact.get((p["start"], p["end"], p["symbol"]))
            if hit:
                tp_strict += 1
                role_ok += hit["role"] == p["role"]
        used = set()
        for p in pred:
            for i, g in enumerate(gold):
                if i not in used and g["symbol"] == p["symbol"] and g["start"] < p["end"] and p["start"] < g["end"]:
                    used.add(i)
                    tp_overlap += 1
                    break
        errors += [("FP", p["text"], p["symbol"]) for p in pred if (p["start"], p["end"], p["symbol"]) not in exact]
        pset = {(p["start"], p["end"], p["symbol"]) for p in pred}
        errors += [("FN", g["text"], g["symbol"]) for g in gold if (g["start"], g["end"], g["symbol"]) not in pset]

    def prf(tp: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    return {"gold": n_gold, "predicted": n_pred, "strict": prf(tp_strict), "overlap": prf(tp_overlap),
            "role_accuracy": role_ok / tp_strict if tp_strict else 0.0, "errors": errors}


def linking_benchmark() -> dict:
    linker = load_linker()
    pairs = []
    for _, text, gold in gold_documents():
        pred = [{"start": m.start, "end": m.end, "text": m.text, "symbol": m.symbol, "kind": m.kind,
                 "role": m.role} for m in linker.link(text)]
        pairs.append((gold, pred))
    return {"all": score(pairs), "without_segments": score(pairs, lambda m: m["kind"] != "segment")}


def finer_sentences(path: Path) -> list[tuple[list[str], set[tuple[int, int]]]]:
    sentences: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            sentences[(row["doc_idx"], row["sent_idx"])].append((row["gold_token"], int(float(row["gold_label"]))))
    out = []
    for rows in sentences.values():
        tokens = [t for t, _ in rows]
        spans, start = set(), None
        for i, (_, label) in enumerate(rows + [("", 0)]):
            if start is not None and label != 6:
                spans.add((start, i))
                start = None
            if label == 5:
                start = i
        out.append((tokens, spans))
    return out


def char_to_tokens(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    offsets, pos = [], 0
    for tok in tokens:
        offsets.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    return " ".join(tokens), offsets


def token_span(offsets, start: int, end: int) -> tuple[int, int] | None:
    idx = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
    return (idx[0], idx[-1] + 1) if idx else None


def finer_benchmark() -> dict:
    import spacy

    from nlp.language import model_name

    sentences = finer_sentences(data_path().require("data") / "finer-ord" / "data" / "train" / "val.csv")
    linker = load_linker()
    ner = spacy.load(model_name())
    counts = {"finnews": Counter(), "spacy_en_core_web_sm": Counter()}
    texts = [char_to_tokens(tokens) for tokens, _ in sentences]
    docs = list(ner.pipe([t for t, _ in texts], batch_size=64))
    for (_tokens, gold), (text, offsets), sdoc in zip(sentences, texts, docs, strict=True):
        ours = {token_span(offsets, m.start, m.end) for m in linker.link(text) if m.kind != "segment"}
        theirs = {token_span(offsets, e.start_char, e.end_char) for e in sdoc.ents if e.label_ == "ORG"}
        for name, pred in (("finnews", ours - {None}), ("spacy_en_core_web_sm", theirs - {None})):
            counts[name]["tp"] += len(pred & gold)
            counts[name]["pred"] += len(pred)
            counts[name]["gold"] += len(gold)
    result = {}
    for name, c in counts.items():
        p = c["tp"] / c["pred"] if c["pred"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        result[name] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                        "gold": c["gold"], "predicted": c["pred"]}
    return result


def speed_benchmark(repeat: int = 20) -> dict:
    import spacy

    import nlp.entities.component  # noqa: F401 - registers the factory
    from nlp.language import model_name

    texts = [text for _, text, _ in gold_documents()] * repeat
    words = sum(len(t.split()) for t in texts)
    linker = load_linker()
    linker.link(texts[0])
    t0 = time.perf_counter()
    for text in texts:
        linker.link(text)
    t_linker = time.perf_counter() - t0

    blank = spacy.blank("en")
    blank.add_pipe("finnews_entity_linker")
    tokenized = [blank.make_doc(t) for t in texts]
    component = blank.get_pipe("finnews_entity_linker")
    t0 = time.perf_counter()
    for doc in tokenized:
        component(doc)
    t_component = time.perf_counter() - t0

    full = spacy.load(model_name())
    sample = texts[: max(1, len(texts) // repeat)]
    sample_words = sum(len(t.split()) for t in sample)
    t0 = time.perf_counter()
    list(full.pipe(sample, batch_size=16))
    t_full = time.perf_counter() - t0
    return {"words": words, "linker_words_per_s": words / t_linker,
            "component_words_per_s": words / t_component,
            "en_core_web_sm_words_per_s": sample_words / t_full}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-path", type=Path)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    if args.data_path:
        set_data_path(args.data_path)
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass

    results = {"linking": linking_benchmark(), "finer_ord_val_org": finer_benchmark(), "speed": speed_benchmark()}
    link = results["linking"]
    print("Symbol linking on corpora/gold/entities (mention level)")
    for part in ("all", "without_segments"):
        r = link[part]
        print(f"  {part:17} gold {r['gold']:4d} pred {r['predicted']:4d}  strict P {r['strict'][0]:.3f} "
              f"R {r['strict'][1]:.3f} F1 {r['strict'][2]:.3f}   overlap P {r['overlap'][0]:.3f} "
              f"R {r['overlap'][1]:.3f}   role acc {r['role_accuracy']:.3f}")
    if args.show_errors:
        for err in link["all"]["errors"]:
            print("   ", *err)
    print("FiNER-ORD validation, ORG entities (exact token spans)")
    for name, r in results["finer_ord_val_org"].items():
        print(f"  {name:22} P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} "
              f"(gold {r['gold']}, predicted {r['predicted']})")
    s = results["speed"]
    print(f"Speed, one core, {s['words']:,} words")
    print(f"  finnews linker alone       {s['linker_words_per_s']:>10,.0f} words/s")
    print(f"  spaCy component (blank en) {s['component_words_per_s']:>10,.0f} words/s")
    print(f"  en_core_web_sm full pipe   {s['en_core_web_sm_words_per_s']:>10,.0f} words/s")
    if args.json:
        for part in link.values():
            part.pop("errors")
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
