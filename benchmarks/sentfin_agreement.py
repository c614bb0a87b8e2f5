"""How consistent SEntFiN's entity labels are with themselves: a rough ceiling for any model.

    python benchmarks/sentfin_agreement.py [--data-path DIR]

Pairs are grouped by entity and by headline with digits and punctuation removed, so
"Acme up 3 %" and "Acme up 4 %" (about Acme) fall in one group. A group with two or more
different labels is a disagreement of the annotation with itself. Prints the number of
groups with several pairs, how many of them disagree, and the share. Reads all of the
local file (every split): it measures the data, not a model.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp.config import data_path, set_data_path  # noqa: E402
from nlp.sentiment.data import sentfin  # noqa: E402

_NOT_WORDS = re.compile(r"[\d\W_]+")


def label_groups(examples) -> list[list[int]]:
    """The labels of each (normalised headline, entity) group holding several pairs."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for example in examples:
        key = (_NOT_WORDS.sub(" ", example.text.lower()).strip(), (example.target or "").lower().strip())
        groups[key].append(example.label)
    return [labels for labels in groups.values() if len(labels) > 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-path", type=Path)
    args = parser.parse_args()
    if args.data_path:
        set_data_path(args.data_path)
    examples = list(sentfin(data_path().require("data")))
    groups = label_groups(examples)
    conflicting = sum(len(set(labels)) > 1 for labels in groups)
    print(f"SEntFiN pairs: {len(examples)}")
    print(f"groups of near-identical (headline, entity) pairs: {len(groups)}")
    print(f"groups whose labels disagree: {conflicting} ({conflicting / max(1, len(groups)):.1%})")


if __name__ == "__main__":
    main()
