"""A throughput corpus in which nothing repeats, assembled at run time from the shared sets
(never copied into the repository), so no sentence cache can serve any of it.

* news pages: the Zyte article-extraction benchmark's HTML pages, as they are;
* built articles: distinct financial sentences (Financial PhraseBank, SEntFiN, FiQA and
  SemEval-2017 headlines), each used once in the whole corpus after normalisation, grouped
  into paragraphs of four under a title and a publication date, about ``sentences`` each.

The repeated-paragraph corpus of earlier rounds measured a warm cache, not the stages.
"""

from __future__ import annotations

import gzip
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.sentiment.data import fiqa, normalised, phrasebank, semeval, sentfin  # noqa: E402


def distinct_sentences(data_dir: Path) -> list[str]:
    """Every sentence of the four sets once (the first spelling of each normalised form),
    sentence-like lines only (at least six words)."""
    seen: set[str] = set()
    out: list[str] = []
    for reader in (phrasebank, sentfin, fiqa, semeval):
        for example in reader(data_dir):
            key = normalised(example.text)
            if key in seen or len(key.split()) < 6:
                continue
            seen.add(key)
            text = example.text.strip()
            out.append(text if text[-1] in ".!?" else text + ".")
    return out


def build_distinct(folder: Path, data_dir: Path, pages: int = 70, articles: int = 130,
                   sentences: int = 40, seed: int = 11) -> dict[str, int]:
    """Write ``pages`` Zyte pages and ``articles`` built articles into ``folder``; returns
    the counts actually written (fewer when the sets run out)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    html = sorted((data_dir / "article-extraction-benchmark" / "html").glob("*.html.gz"))
    rng.shuffle(html)
    for path in html[:pages]:
        (folder / path.name.removesuffix(".gz")).write_bytes(gzip.decompress(path.read_bytes()))
    pool = distinct_sentences(data_dir)
    rng.shuffle(pool)
    written = 0
    day = date(2024, 1, 2)
    for i in range(articles):
        chunk = pool[i * sentences:(i + 1) * sentences]
        if len(chunk) < sentences:
            break
        paragraphs = [" ".join(chunk[k:k + 4]) for k in range(0, len(chunk), 4)]
        published = day + timedelta(days=3 * i)
        header = f"Market notes, issue {i + 1}\n\nPublished {published:%B} {published.day}, {published.year}"
        text = header + "\n\n" + "\n\n".join(paragraphs)
        (folder / f"built-{i:04d}.txt").write_text(text + "\n", encoding="utf-8")
        written += 1
    return {"pages": min(pages, len(html)), "articles": written, "sentences_per_article": sentences}
